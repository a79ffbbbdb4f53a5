"""Crafted admin URLs (issue #8, "Requests"): every custom admin view parses its parameters
defensively (400, 404, a redirect or a clamped value, never 500)."""

from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings as django_settings
from django.urls import reverse
from django.utils import timezone

from articles.admin import calendar
from articles.admin.calendar import FIRST_DAY, LAST_DAY
from articles.admin.photo_views import PICKER_MAX_PAGE
from tests.factories import ArticleFactory, PhotoFactory

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999999"  # beyond bigint
NUL = "a\x00b"


# Admin views × hostile parameters


@dataclass
class Hostile:
    name: str
    view: str  # a key of the ``admin_urls`` fixture
    params: dict
    status: int | tuple[int, ...]
    check: dict = field(default_factory=dict)  # JSON key or context key → expected value

    def __str__(self):
        return self.name


def _autocomplete(model_name, field_name, **params):
    return {"app_label": "articles", "model_name": model_name, "field_name": field_name, **params}


TAGS = ("article", "tags")
RELATED = ("relatedarticle", "to_article")
LEAD_PHOTO = ("article", "lead_photo")

HOSTILE = [
    # The photo picker: q and page
    Hostile("picker q NUL", "picker", {"q": NUL}, 400),
    Hostile("picker key NUL", "picker", {"q\x00": "x"}, 400),
    Hostile("picker page huge", "picker", {"page": HUGE}, 200, {"page": PICKER_MAX_PAGE}),
    Hostile("picker page -1", "picker", {"page": "-1"}, 200, {"page": 1}),
    Hostile("picker page abc", "picker", {"page": "abc"}, 200, {"page": 1}),
    Hostile("picker page 0", "picker", {"page": "0"}, 200, {"page": 1}),
    Hostile("picker page 2", "picker", {"page": "2"}, 200, {"page": 2}),
    # One photo as a card
    Hostile("card NUL", "card", {"q": NUL}, 400),
    Hostile("card id huge", "card huge", {}, 404),
    Hostile("card", "card", {}, 200),
    # Uploads (POST only) and the multi-upload page
    Hostile("upload GET", "upload", {}, 405),
    Hostile("upload GET NUL", "upload", {"q": NUL}, 400),
    Hostile("multi-upload page huge", "multi upload", {"page": HUGE}, 200),
    Hostile("multi-upload NUL", "multi upload", {"q": NUL}, 400),
    # The calendar: dates are clamped, an unreadable one is today, the view is week or month
    Hostile("calendar year 1", "calendar", {"ngay": "0001-01-01"}, 200, {"anchor": FIRST_DAY}),
    Hostile(
        "calendar year 1 month",
        "calendar",
        {"ngay": "0001-01-01", "xem": "month"},
        200,
        {"anchor": FIRST_DAY, "mode": "month"},
    ),
    Hostile("calendar year 9999", "calendar", {"ngay": "9999-12-31"}, 200, {"anchor": LAST_DAY}),
    Hostile(
        "calendar year 9999 month",
        "calendar",
        {"ngay": "9999-12-31", "xem": "month"},
        200,
        {"anchor": LAST_DAY, "mode": "month"},
    ),
    Hostile("calendar year 10000", "calendar", {"ngay": "10000-01-01"}, 200, {"anchor": "today"}),
    Hostile("calendar 30 February", "calendar", {"ngay": "2025-02-30"}, 200, {"anchor": "today"}),
    Hostile("calendar NUL", "calendar", {"ngay": NUL}, 400),
    Hostile("calendar xem script", "calendar", {"xem": "<script>"}, 200, {"mode": "week"}),
    # Workflow buttons (POST only)
    Hostile("workflow GET", "workflow", {}, 405),
    Hostile("workflow GET NUL", "workflow", {"next": NUL}, 400),
    Hostile("workflow GET id huge", "workflow huge", {}, 405),
    # History, diff, restore
    Hostile("history", "history", {}, 200),
    Hostile("history NUL", "history", {"q": NUL}, 400),
    Hostile("history id huge", "history huge", {}, 404),
    Hostile("diff a huge", "diff", {"a": HUGE}, 404),
    Hostile("diff a -1", "diff", {"a": "-1"}, 404),
    Hostile("diff a abc", "diff", {"a": "abc"}, 404),
    Hostile("diff a missing", "diff", {}, 404),
    Hostile("diff a NUL", "diff", {"a": NUL}, 400),
    Hostile("diff b huge", "diff", {"a": "first", "b": HUGE}, 404),
    Hostile("diff", "diff", {"a": "first"}, 200),
    Hostile("restore GET", "restore", {}, 200),
    Hostile("restore GET NUL", "restore", {"q": NUL}, 400),
    Hostile("restore revision huge", "restore huge", {}, 404),
    # Django's autocomplete for tags, related articles and the lead photo
    *[
        case
        for label, (model, field_name) in [
            ("tags", TAGS),
            ("related", RELATED),
            ("lead photo", LEAD_PHOTO),
        ]
        for case in [
            Hostile(
                f"autocomplete {label}", "autocomplete", _autocomplete(model, field_name), 200
            ),
            Hostile(
                f"autocomplete {label} term NUL",
                "autocomplete",
                _autocomplete(model, field_name, term=NUL),
                400,
            ),
            Hostile(
                f"autocomplete {label} page huge",
                "autocomplete",
                _autocomplete(model, field_name, term="a", page=HUGE),
                404,
            ),
            Hostile(
                f"autocomplete {label} page -1",
                "autocomplete",
                _autocomplete(model, field_name, page="-1"),
                404,
            ),
            Hostile(
                f"autocomplete {label} page abc",
                "autocomplete",
                _autocomplete(model, field_name, page="abc"),
                404,
            ),
        ]
    ],
    Hostile(
        "autocomplete app_label NUL", "autocomplete", _autocomplete(*TAGS, app_label=NUL), 400
    ),
    Hostile("autocomplete unknown field", "autocomplete", _autocomplete("article", "nope"), 403),
    # The changelists: search, page, date drill-down
    Hostile("articles q NUL", "articles", {"q": NUL}, 400),
    Hostile("articles q", "articles", {"q": "hai phong"}, 200),
    Hostile("articles page huge", "articles", {"p": HUGE}, 200),
    Hostile("articles page -1", "articles", {"p": "-1"}, 200),
    Hostile("articles page abc", "articles", {"p": "abc"}, 200),
    Hostile("articles year 9999", "articles", {"published_at__year": "9999"}, 302),
    # PostgreSQL holds 0001-01-01 +07:00 in UTC (a day of 1 BC); SQLite's adapter cannot.
    Hostile("articles year 1", "articles", {"published_at__year": "1"}, (200, 302)),
    Hostile(
        "articles December 9999",
        "articles",
        {"published_at__year": "9999", "published_at__month": "12"},
        302,
    ),
    Hostile("articles year huge", "articles", {"published_at__year": HUGE}, 302),
    Hostile("articles since year 1", "articles", {"published_at__gte": "0001-01-01"}, (200, 302)),
    Hostile("articles year 2025", "articles", {"published_at__year": "2025"}, 200),
    Hostile("photos q NUL", "photos", {"q": NUL}, 400),
    Hostile("photos q", "photos", {"q": "hai phong"}, 200),
    Hostile("photos page huge", "photos", {"p": HUGE}, 200),
    Hostile("photos page abc", "photos", {"p": "abc"}, 200),
]


@pytest.fixture
def admin_urls(client, editor):
    photo = PhotoFactory()
    article = ArticleFactory(live=True, lead_photo=photo)
    article.title = "Bài đã sửa"
    article.save()
    first = article.history.order_by("history_id").first()
    client.force_login(editor)
    return {
        "first": first.history_id,
        "picker": reverse("admin:articles_photo_picker"),
        "card": reverse("admin:articles_photo_card", args=[photo.pk]),
        "card huge": reverse("admin:articles_photo_card", args=[int(HUGE)]),
        "upload": reverse("admin:articles_photo_upload"),
        "multi upload": reverse("admin:articles_photo_multi_upload"),
        "calendar": reverse("admin:articles_article_calendar"),
        "workflow": reverse("admin:articles_article_workflow", args=[article.pk]),
        "workflow huge": reverse("admin:articles_article_workflow", args=[HUGE]),
        "history": reverse("admin:articles_article_history", args=[article.pk]),
        "history huge": reverse("admin:articles_article_history", args=[HUGE]),
        "diff": reverse("admin:articles_article_revision_diff", args=[article.pk]),
        "restore": reverse(
            "admin:articles_article_revision_restore", args=[article.pk, first.history_id]
        ),
        "restore huge": reverse(
            "admin:articles_article_revision_restore", args=[article.pk, int(HUGE)]
        ),
        "autocomplete": reverse("admin:autocomplete"),
        "articles": reverse("admin:articles_article_changelist"),
        "photos": reverse("admin:articles_photo_changelist"),
    }


def test_every_custom_admin_view_is_in_the_table():
    views = {case.view.removesuffix(" huge") for case in HOSTILE}
    assert views == {
        "picker",
        "card",
        "upload",
        "multi upload",
        "calendar",
        "workflow",
        "history",
        "diff",
        "restore",
        "autocomplete",
        "articles",
        "photos",
    }


@pytest.mark.parametrize("case", HOSTILE, ids=str)
def test_admin_views_parse_parameters_defensively(client, admin_urls, case):
    client.raise_request_exception = False
    params = {k: admin_urls["first"] if v == "first" else v for k, v in case.params.items()}
    response = client.get(admin_urls[case.view], params)
    expected = case.status if isinstance(case.status, tuple) else (case.status,)
    assert response.status_code in expected
    if response.status_code == 400:
        assert "không hợp lệ" in response.content.decode()
    if response.status_code == 302:
        assert response["Location"].endswith("?e=1")  # Django's "bad parameters" answer
    for key, expected in case.check.items():
        if response.get("Content-Type") == "application/json":
            actual = response.json()[key]
        else:
            actual = response.context[key]
        if expected == "today":
            expected = timezone.localdate()
        if key == "anchor":
            expected = expected.isoformat()
        assert actual == expected
    if "xem" in case.params:
        assert "<script>" not in response.content.decode()


@time_machine.travel(datetime(2026, 6, 15, 12, tzinfo=ZoneInfo(django_settings.TIME_ZONE)))
def test_calendar_far_from_today_reads_only_its_period_and_today(client, editor, monkeypatch):
    """A week of 1990 no longer reads every article published since. (At noon: "Bài hôm
    nay", an hour old, is yesterday's just after midnight.)"""
    in_2000 = timezone.make_aware(datetime(2000, 5, 2, 9, 0))
    ArticleFactory(title="Bài năm 2000", live=True, published_at=in_2000)
    ArticleFactory(title="Bài tuần đó", live=True, published_at=in_2000.replace(year=1990))
    ArticleFactory(title="Bài hôm nay", live=True)
    read = []
    entries = calendar._entries

    def spy(*periods):
        read.extend(entries(*periods))
        return read

    monkeypatch.setattr(calendar, "_entries", spy)
    client.force_login(editor)
    response = client.get(reverse("admin:articles_article_calendar"), {"ngay": "1990-05-01"})
    assert response.status_code == 200
    assert sorted(article.title for article in read) == ["Bài hôm nay", "Bài tuần đó"]
    assert [e["article"].title for e in response.context["today_queue"]] == ["Bài hôm nay"]
