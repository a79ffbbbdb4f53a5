"""The dateline: ``Thứ Bảy 08/03/2025, 10:06 (GMT+7)`` in the project's TIME_ZONE, our weekday
names, and the other Vietnamese date forms of ``articles.dates``."""

from datetime import UTC, datetime

import pytest
from django.test import override_settings

from articles import dates
from articles.dates import dateline, iso_local
from tests.factories import ArticleFactory


@pytest.mark.parametrize(
    ("day", "weekday"),
    [
        (3, "Thứ Hai"),
        (4, "Thứ Ba"),
        (5, "Thứ Tư"),
        (6, "Thứ Năm"),
        (7, "Thứ Sáu"),
        (8, "Thứ Bảy"),
        (9, "Chủ Nhật"),
    ],
)
def test_every_weekday_has_the_newsroom_name(day, weekday):
    """03/03/2025 is a Monday; 10:06 in Hanoi is 03:06 UTC."""
    published_at = datetime(2025, 3, day, 3, 6, tzinfo=UTC)
    assert dateline(published_at) == f"{weekday} {day:02d}/03/2025, 10:06 (GMT+7)"


def test_17_30_utc_is_already_the_next_day_in_hanoi():
    """Saturday 17:30 UTC is Sunday 00:30 in GMT+7: date and weekday both move."""
    published_at = datetime(2025, 3, 8, 17, 30, tzinfo=UTC)
    assert dateline(published_at) == "Chủ Nhật 09/03/2025, 00:30 (GMT+7)"
    assert iso_local(published_at) == "2025-03-09T00:30:00+07:00"


def test_new_year_crosses_with_the_dateline():
    published_at = datetime(2024, 12, 31, 17, 0, tzinfo=UTC)
    assert dateline(published_at) == "Thứ Tư 01/01/2025, 00:00 (GMT+7)"


def test_times_are_24_hour_and_the_zone_of_the_input_does_not_matter():
    from zoneinfo import ZoneInfo

    paris = datetime(2025, 3, 8, 15, 45, tzinfo=ZoneInfo("Europe/Paris"))  # 14:45 UTC
    assert dateline(paris) == "Thứ Bảy 08/03/2025, 21:45 (GMT+7)"
    assert iso_local(paris) == "2025-03-08T21:45:00+07:00"


def test_empty_dates_render_nothing():
    assert dateline(None) == "" and iso_local(None) == ""


@pytest.mark.django_db
def test_article_page_dates_an_article_at_17_30_utc_the_next_day(client):
    article = ArticleFactory(live=True)
    article.published_at = datetime(2025, 3, 8, 17, 30, tzinfo=UTC)
    article.save()
    body = client.get(article.get_absolute_url()).content.decode()
    assert (
        '<time datetime="2025-03-09T00:30:00+07:00">Chủ Nhật 09/03/2025, 00:30 (GMT+7)</time>'
        in body
    )
    assert "Thứ 7" not in body and "Chủ nhật" not in body


def test_the_dateline_follows_the_time_zone_setting():
    """No zone is written in the code: another TIME_ZONE moves the time, the day and the
    offset the dateline prints (Tokyo is GMT+9, New York GMT-5 in winter)."""
    published_at = datetime(2025, 3, 8, 17, 30, tzinfo=UTC)
    with override_settings(TIME_ZONE="Asia/Tokyo"):
        assert dateline(published_at) == "Chủ Nhật 09/03/2025, 02:30 (GMT+9)"
        assert iso_local(published_at) == "2025-03-09T02:30:00+09:00"
    with override_settings(TIME_ZONE="America/New_York"):
        assert dateline(published_at) == "Thứ Bảy 08/03/2025, 12:30 (GMT-5)"
    with override_settings(TIME_ZONE="Asia/Kolkata"):
        assert dateline(published_at) == "Thứ Bảy 08/03/2025, 23:00 (GMT+5:30)"
    assert dateline(published_at).endswith("(GMT+7)")


def test_the_offset_is_the_zones_at_that_moment():
    """Daylight saving: the same zone prints another offset in summer."""
    with override_settings(TIME_ZONE="Europe/Paris"):
        assert dates.gmt_offset(datetime(2025, 1, 15, 12, tzinfo=UTC)) == "GMT+1"
        assert dates.gmt_offset(datetime(2025, 7, 15, 12, tzinfo=UTC)) == "GMT+2"


def test_admin_forms_of_a_date():
    """``dd/mm/yyyy HH:MM`` in messages and the calendar, the local day, time-first notes."""
    moment = datetime(2025, 3, 8, 17, 30, tzinfo=UTC)  # 00:30 on Sunday the 9th in Hanoi
    assert dates.format_datetime(moment) == "09/03/2025 00:30"
    assert dates.format_date(moment) == "09/03/2025"
    assert dates.format_time_date(moment) == "00:30 09/03/2025"
    assert dates.weekday_name(moment.date()) == "Thứ Bảy"  # a date is taken as it is
    assert dates.format_datetime(None) == "" and dates.format_date(None) == ""
    with override_settings(TIME_ZONE="UTC"):
        assert dates.format_datetime(moment) == "08/03/2025 17:30"
