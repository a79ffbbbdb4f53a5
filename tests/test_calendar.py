"""The editors' calendar: what goes out when, by day, in Vietnam's time."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from articles.admin import calendar
from articles.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
# Wednesday 12/03/2025, 09:00 in Hanoi.
NOW = datetime(2025, 3, 12, 9, 0, tzinfo=HCM)
URL = reverse("admin:articles_article_calendar")


def published(title, when):
    return ArticleFactory(title=title, status=Article.Status.PUBLISHED, published_at=when)


@pytest.fixture
def week(db):
    with time_machine.travel(NOW, tick=False):
        yield {
            "morning": published("Bài sáng nay đã lên", NOW - timedelta(hours=2)),
            "tonight": published("Bài hẹn tối nay", NOW.replace(hour=20, minute=30)),
            # 23:30 on Friday in Hanoi is still Friday, though it is 16:30 UTC.
            "friday": published("Bài hẹn thứ Sáu", datetime(2025, 3, 14, 23, 30, tzinfo=HCM)),
            "next_week": published("Bài tuần sau", datetime(2025, 3, 18, 8, 0, tzinfo=HCM)),
            "draft": ArticleFactory(title="Bản nháp không có lịch"),
        }


def test_week_view_shows_scheduled_and_published_by_day(client, editor, week):
    client.force_login(editor)
    with time_machine.travel(NOW, tick=False):
        response = client.get(URL)
    assert response.status_code == 200
    days = {day["date"].isoformat(): day for w in response.context["weeks"] for day in w}
    assert sorted(days) == [f"2025-03-{d:02d}" for d in range(10, 17)]  # Monday → Sunday
    titles = {d: [e["article"].title for e in day["entries"]] for d, day in days.items()}
    assert titles["2025-03-12"] == ["Bài sáng nay đã lên", "Bài hẹn tối nay"]
    assert titles["2025-03-14"] == ["Bài hẹn thứ Sáu"]
    page = response.content.decode()
    assert "Bài tuần sau" not in page and "Bản nháp không có lịch" not in page
    assert "Hẹn giờ: 14/03/2025 23:30" in page
    assert "Thứ Sáu 14/03" in page
    assert reverse("admin:articles_article_change", args=[week["friday"].pk]) in page


def test_todays_queue_is_at_the_top(client, editor, week):
    client.force_login(editor)
    with time_machine.travel(NOW, tick=False):
        response = client.get(URL, {"xem": "month", "ngay": "2025-01-01"})
    queue = response.context["today_queue"]
    assert [(e["time"], e["is_scheduled"]) for e in queue] == [("07:00", False), ("20:30", True)]
    page = response.content.decode()
    assert page.index("Hôm nay, Thứ Tư 12/03/2025") < page.index('class="calendar"')


def test_month_view_and_navigation(client, editor, week):
    client.force_login(editor)
    with time_machine.travel(NOW, tick=False):
        response = client.get(URL, {"xem": "month", "ngay": "2025-03-20"})
    context = response.context
    assert context["period"] == "Tháng 03/2025"
    assert (context["prev"], context["next"]) == ("2025-02-01", "2025-04-01")
    first_week, last_week = context["weeks"][0], context["weeks"][-1]
    assert first_week[0]["date"].isoformat() == "2025-02-24"  # the Monday before 1 March
    assert last_week[-1]["date"].isoformat() == "2025-04-06"  # 31 March is a Monday
    assert "Bài tuần sau" in response.content.decode()
    with time_machine.travel(NOW, tick=False):
        prev_week = client.get(URL, {"xem": "week", "ngay": "2025-03-05"})
    assert "Bài hẹn thứ Sáu" not in prev_week.content.decode()


def test_reschedule_from_the_calendar(client, editor, week):
    client.force_login(editor)
    article = week["friday"]
    with time_machine.travel(NOW, tick=False):
        page = client.get(URL).content.decode()
        assert 'value="14/03/2025 23:30"' in page  # dd/mm/yyyy HH:MM, 24-hour
        response = client.post(
            reverse("admin:articles_article_workflow", args=[article.pk]),
            {
                "action": "reschedule",
                "version": article.version,
                "at": "15/03/2025 06:00",
                "next": f"{URL}?xem=week",
            },
        )
    assert response["Location"] == f"{URL}?xem=week"
    article.refresh_from_db()
    assert article.published_at == datetime(2025, 3, 15, 6, 0, tzinfo=HCM)


def test_calendar_is_for_editors_only(client, journalist, editor):
    client.force_login(journalist)
    assert client.get(URL).status_code == 403
    assert "Lịch xuất bản" not in client.get(reverse("admin:index")).content.decode()
    client.force_login(editor)
    assert URL in client.get(reverse("admin:index")).content.decode()
    assert URL in client.get(reverse("admin:articles_article_changelist")).content.decode()


def test_calendar_query_count_is_fixed(client, editor, django_assert_num_queries):
    client.force_login(editor)
    with time_machine.travel(NOW, tick=False):
        published("Một", NOW + timedelta(hours=1))
        client.get(URL)
        with django_assert_num_queries(5) as one:
            client.get(URL)
        section = Article.objects.get().section  # a new section would move the banner's key
        for n in range(10):
            ArticleFactory(
                title=f"Bài {n}",
                section=section,
                status=Article.Status.PUBLISHED,
                published_at=NOW + timedelta(days=n % 4, hours=1),
            )
        with django_assert_num_queries(len(one.captured_queries)):
            client.get(URL)


@pytest.mark.parametrize(
    ("anchor", "first", "last", "rows", "around"),
    [
        # February 2021 starts on a Monday and fills exactly four weeks.
        (date(2021, 2, 10), date(2021, 2, 1), date(2021, 2, 28), 4, ("2021-01-01", "2021-03-01")),
        # A leap February starting on a Thursday; December's next month is January.
        (date(2024, 2, 29), date(2024, 1, 29), date(2024, 3, 3), 5, ("2024-01-01", "2024-03-01")),
        (date(2024, 12, 1), date(2024, 11, 25), date(2025, 1, 5), 6, ("2024-11-01", "2025-01-01")),
        (calendar.LAST_DAY, date(2999, 11, 25), date(3000, 1, 5), 6, ("2999-11-01", "3000-01-01")),
    ],
)
def test_month_grids_are_whole_weeks_monday_first(anchor, first, last, rows, around):
    built = calendar.build(anchor, "month")
    days = [day["date"] for week in built["weeks"] for day in week]
    assert (days[0], days[-1], len(built["weeks"])) == (first, last, rows)
    assert days == [first + timedelta(days=n) for n in range(len(days))]
    assert all(len(week) == 7 and week[0]["date"].weekday() == 0 for week in built["weeks"])
    assert (built["prev"], built["next"]) == around


@pytest.mark.parametrize("anchor", [date(2025, 3, 31), date(2025, 3, 2), calendar.FIRST_DAY])
def test_a_week_is_monday_to_sunday_around_the_day(anchor):
    built = calendar.build(anchor, "week")
    (week,) = built["weeks"]
    days = [day["date"] for day in week]
    assert days[0].weekday() == 0 and len(days) == 7 and anchor in days
    assert built["prev"] == (days[0] - timedelta(days=7)).isoformat()
    assert built["next"] == (days[-1] + timedelta(days=1)).isoformat()
    assert week[0]["label"].startswith("Thứ Hai ") and week[-1]["label"].startswith("Chủ Nhật ")
