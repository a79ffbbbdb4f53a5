"""Requests as monitors, crawlers and crafted URLs send them (issue #8, "Requests").

Reader URLs answer GET, HEAD and OPTIONS and refuse the rest with 405 and ``Allow``; every
custom admin view parses its parameters defensively (400, 404, a redirect or a clamped
value, never 500); related articles and the lead photo are limited to what the user may
link; the login form and django-axes survive long usernames and proxies.
"""

import runpy
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from axes.models import AccessAttempt
from django.conf import settings as django_settings
from django.contrib.auth import authenticate
from django.contrib.auth.models import Permission
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from articles import preview, publishing
from articles.admin import calendar
from articles.admin.calendar import FIRST_DAY, LAST_DAY
from articles.admin.photo_views import PICKER_MAX_PAGE
from articles.models import Article, RelatedArticle
from tests.factories import ArticleFactory, PhotoFactory, SectionFactory, UserFactory, own_article
from tests.sitemap_urls import month_sitemap_url
from tests.test_article_admin import form_data

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999999"  # beyond bigint
NUL = "a\x00b"
PASSWORD = "mat-khau-thu-nghiem"


# Reader URLs × methods


@pytest.fixture
def reader_urls(db):
    section = SectionFactory(name="Kinh tế")
    author = UserFactory(is_staff=True)
    article = ArticleFactory(section=section, live=True, title="Hải Phòng đón tàu lớn")
    article.authors.add(author)
    article.tags.add("cảng biển")
    tag = article.tags.get()
    return {
        "home": ("/", 200),
        "search": ("/tim-kiem/?q=hai+phong", 200),
        "section": (section.get_absolute_url(), 200),
        "tag": (reverse("articles:tag", kwargs={"slug": tag.slug}), 200),
        "author": (reverse("articles:author", kwargs={"pk": author.pk}), 200),
        "article": (article.get_absolute_url(), 200),
        "feed": (reverse("articles:feed"), 200),
        "section feed": (reverse("articles:section_feed", kwargs={"slug": section.slug}), 200),
        "sitemap": (reverse("sitemap"), 200),
        "article sitemap": (month_sitemap_url(article.published_at), 200),
        "sections sitemap": (reverse("sitemap-section", kwargs={"section": "chuyen-muc"}), 200),
        "news sitemap": (reverse("sitemap-news"), 200),
        "robots": (reverse("robots"), 200),
        "favicon": (reverse("favicon"), 301),
        "preview": (preview.preview_url(ArticleFactory(section=section)), 200),
    }


READER_URLS = [
    "home",
    "search",
    "section",
    "tag",
    "author",
    "article",
    "feed",
    "section feed",
    "sitemap",
    "article sitemap",
    "sections sitemap",
    "news sitemap",
    "robots",
    "preview",
    "favicon",
]


def test_the_table_lists_every_reader_url(reader_urls):
    assert sorted(READER_URLS) == sorted(reader_urls)


@pytest.mark.parametrize("name", READER_URLS)
def test_head_answers_as_get_does_without_a_body(client, reader_urls, name):
    """HEAD was a 405 unless the page happened to be in the page cache."""
    url, status = reader_urls[name]
    get = client.get(url)
    head = client.head(url)
    assert (get.status_code, head.status_code) == (status, status)
    assert head.content == b""
    assert head["Content-Type"] == get["Content-Type"]


@pytest.mark.parametrize("name", READER_URLS)
def test_options_lists_the_methods(client, reader_urls, name):
    """Feeds answered OPTIONS with the feed itself."""
    url, _status = reader_urls[name]
    response = client.options(url)
    assert response.status_code == 200
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert response.content == b""


@pytest.mark.parametrize("method", ["trace", "post", "put", "delete", "patch"])
@pytest.mark.parametrize("name", READER_URLS)
def test_other_methods_are_405_with_allow(client, reader_urls, name, method):
    url, _status = reader_urls[name]
    response = getattr(client, method)(url)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert b"<rss" not in response.content and b"<urlset" not in response.content


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


def test_nul_in_the_path_is_400(client):
    response = client.get("/tim-kiem/%00/")
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "không hợp lệ" in response.content.decode()


def test_nul_in_the_query_of_a_reader_page_is_400_without_a_query(
    client, django_assert_num_queries
):
    with django_assert_num_queries(0):
        response = client.get("/tim-kiem/", {"q": NUL})
    assert response.status_code == 400


# Who may link what


def related_row(to, *, link=None, position=1, delete=False):
    row = {"id": link.pk if link else "", "to_article": to.pk, "position": position}
    if delete:
        row["DELETE"] = "on"
    return row


def post_change(client, article, data):
    return client.post(reverse("admin:articles_article_change", args=[article.pk]), data)


@pytest.fixture
def drafts(journalist, other_journalist):
    return {
        "mine": own_article(journalist, title="Bài nháp của tôi"),
        "my other": own_article(journalist, title="Bài nháp khác của tôi"),
        "theirs": own_article(other_journalist, title="Bản nháp của đồng nghiệp"),
        "theirs live": own_article(other_journalist, title="Bài đã lên", live=True),
        "theirs scheduled": own_article(
            other_journalist,
            title="Bài hẹn giờ",
            status=Article.Status.PUBLISHED,
            published_at=timezone.now() + timedelta(days=1),
        ),
    }


def test_linking_rule_in_the_service(journalist, other_journalist, editor, drafts):
    linkable = set(Article.objects.linkable_by(journalist).values_list("title", flat=True))
    assert linkable == {"Bài nháp của tôi", "Bài nháp khác của tôi", "Bài đã lên"}
    assert not publishing.can_link(journalist, drafts["theirs"])
    assert not publishing.can_link(journalist, drafts["theirs scheduled"])
    assert publishing.can_link(journalist, drafts["theirs live"])
    assert publishing.can_link(other_journalist, drafts["theirs"])
    assert publishing.can_link(editor, drafts["theirs"])
    journalist.is_active = False
    assert not publishing.can_link(journalist, drafts["theirs live"])


@pytest.mark.parametrize("forbidden", ["theirs", "theirs scheduled"])
def test_a_journalist_cannot_link_another_journalists_unpublished_article(
    client, journalist, drafts, forbidden
):
    """The autocomplete hides it; a crafted POST of its id is a form error, not a link."""
    mine = drafts["mine"]
    client.force_login(journalist)
    response = post_change(client, mine, form_data(mine, [related_row(drafts[forbidden])]))
    assert response.status_code == 200
    assert "Không chọn được bài này làm bài liên quan" in response.content.decode()
    assert not RelatedArticle.objects.exists()
    mine.refresh_from_db()
    assert mine.version == 1


@pytest.mark.parametrize("allowed", ["my other", "theirs live"])
def test_a_journalist_links_own_and_live_articles(client, journalist, drafts, allowed):
    mine = drafts["mine"]
    client.force_login(journalist)
    response = post_change(client, mine, form_data(mine, [related_row(drafts[allowed])]))
    assert response.status_code == 302
    assert list(mine.related.all()) == [drafts[allowed]]


def test_an_editor_links_any_article(client, editor, drafts):
    mine = drafts["mine"]
    client.force_login(editor)
    response = post_change(client, mine, form_data(mine, [related_row(drafts["theirs"])]))
    assert response.status_code == 302
    assert list(mine.related.all()) == [drafts["theirs"]]


def test_a_link_an_editor_made_stays_when_the_author_saves(client, journalist, drafts):
    mine = drafts["mine"]
    link = RelatedArticle.objects.create(from_article=mine, to_article=drafts["theirs"])
    client.force_login(journalist)
    page = client.get(reverse("admin:articles_article_change", args=[mine.pk])).content.decode()
    assert f'<option value="{drafts["theirs"].pk}" selected>' in page
    data = form_data(mine, [related_row(drafts["theirs"], link=link)], initial=1, title="Mới")
    response = post_change(client, mine, data)
    assert response.status_code == 302
    assert list(mine.related.all()) == [drafts["theirs"]]


def test_a_link_the_author_could_not_make_is_not_moved_to_another_row(client, journalist, drafts):
    """Rows changed to an article the author may not link are checked by the service."""
    mine = drafts["mine"]
    kept = RelatedArticle.objects.create(from_article=mine, to_article=drafts["theirs"])
    other = RelatedArticle.objects.create(
        from_article=mine, to_article=drafts["my other"], position=2
    )
    client.force_login(journalist)
    rows = [
        related_row(drafts["theirs"], link=kept, delete=True),
        related_row(drafts["theirs"], link=other, position=2),
    ]
    response = post_change(client, mine, form_data(mine, rows, initial=2))
    assert response.status_code == 200
    assert "Không chọn được bài này làm bài liên quan" in response.content.decode()
    assert set(RelatedArticle.objects.values_list("pk", "to_article")) == {
        (kept.pk, drafts["theirs"].pk),
        (other.pk, drafts["my other"].pk),
    }


# The lead photo: the library is shared, so "may see" is the permission to see it


@pytest.fixture
def writer_without_photos(db):
    """A staff member who writes articles but has no permission on the photo library."""
    user = UserFactory(is_staff=True, username="khongxemanh")
    for codename in ["add_article", "change_article", "view_article", "view_section"]:
        user.user_permissions.add(Permission.objects.get(codename=codename))
    return user


def test_usable_photos_rule(journalist, writer_without_photos):
    photo = PhotoFactory()
    assert list(publishing.usable_photos(journalist)) == [photo]
    assert not publishing.usable_photos(writer_without_photos).exists()


def test_a_journalist_may_use_any_photo_of_the_shared_library(client, journalist):
    photo = PhotoFactory(uploaded_by=UserFactory(is_staff=True))
    mine = own_article(journalist)
    client.force_login(journalist)
    response = post_change(client, mine, form_data(mine, lead_photo=photo.pk))
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.lead_photo == photo


@pytest.mark.parametrize("who", ["journalist", "writer_without_photos"])
def test_a_photo_the_user_may_not_see_is_a_form_error(client, request, who):
    """A user without the library's permission, or an id that is not in the library."""
    user = request.getfixturevalue(who)
    photo = PhotoFactory()
    photo_id = photo.pk if who == "writer_without_photos" else photo.pk + 1000
    mine = own_article(user)
    client.force_login(user)
    response = post_change(client, mine, form_data(mine, lead_photo=photo_id))
    assert response.status_code == 200
    assert "Không có ảnh này trong thư viện ảnh bạn được xem." in response.content.decode()
    mine.refresh_from_db()
    assert mine.lead_photo is None and mine.version == 1


def test_a_lead_photo_already_chosen_stays_for_a_user_without_photos(
    client, writer_without_photos
):
    photo = PhotoFactory()
    mine = own_article(writer_without_photos, lead_photo=photo)
    client.force_login(writer_without_photos)
    response = post_change(client, mine, form_data(mine, title="Tiêu đề mới"))
    assert response.status_code == 302
    mine.refresh_from_db()
    assert (mine.title, mine.lead_photo) == ("Tiêu đề mới", photo)


# Login


LOGIN = reverse("admin:login")


@pytest.mark.real_password_hasher
@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/admin/", ""])
def test_login_with_an_off_site_next_lands_on_the_admin_index(client, editor, next_url):
    """It landed on /accounts/profile/, a 404."""
    response = client.post(
        f"{LOGIN}?next={next_url}", {"username": editor.username, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize(
    "username, message",
    [
        ("x" * 300, "Tên đăng nhập dài nhất 150 ký tự (bạn gõ 300)."),
        ("x" * 151, "Tên đăng nhập dài nhất 150 ký tự (bạn gõ 151)."),
        ("bien\x00tap", "Không được dùng ký tự rỗng (null)."),
    ],
    ids=["300 characters", "151 characters", "NUL"],
)
def test_a_username_the_database_cannot_hold_is_a_form_error(client, editor, username, message):
    response = client.post(LOGIN, {"username": username, "password": "sai"})
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    if "\x00" not in username:
        assert f'value="{username}"' in html  # what was typed comes back
    assert not AccessAttempt.objects.exists()  # refused before anyone looked it up


def test_axes_never_stores_a_username_longer_than_its_column(editor):
    """Another door than the admin form: ``authenticate`` with a 300-character username."""
    request = RequestFactory().post("/dang-nhap/", {"username": "y" * 300})
    request.user = None
    assert authenticate(request, username="y" * 300, password="sai") is None
    attempt = AccessAttempt.objects.get()
    assert attempt.username == "y" * 255


def _proxy_settings(monkeypatch):
    """newsroom/settings.py as it reads with DJANGO_BEHIND_PROXY=1."""
    monkeypatch.setenv("DJANGO_BEHIND_PROXY", "1")
    module = runpy.run_path(str(Path(django_settings.BASE_DIR) / "newsroom" / "settings.py"))
    return {name: value for name, value in module.items() if "IPWARE" in name}


def _login(client, username, password, forwarded_for):
    return client.post(
        LOGIN,
        {"username": username, "password": password},
        REMOTE_ADDR="10.0.0.2",  # the proxy
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


@pytest.mark.real_password_hasher
def test_behind_the_proxy_each_client_is_locked_apart(client, editor, settings, monkeypatch):
    """Lockout keys on the client's address (X-Forwarded-For's last hop), not the proxy's."""
    proxy = _proxy_settings(monkeypatch)
    assert proxy["AXES_IPWARE_META_PRECEDENCE_ORDER"][0] == "HTTP_X_FORWARDED_FOR"
    for name, value in proxy.items():
        setattr(settings, name, value)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, editor.username, "sai", "198.51.100.7")
    assert _login(client, editor.username, PASSWORD, "198.51.100.7").status_code == 429
    # A hop the client claims itself is ignored: the proxy appended the real one.
    spoofed = _login(client, editor.username, PASSWORD, "198.51.100.8, 198.51.100.7")
    assert spoofed.status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"198.51.100.7"}
    # Another reader behind the same proxy still logs in.
    assert _login(client, editor.username, PASSWORD, "198.51.100.8").status_code == 302


@pytest.mark.real_password_hasher
def test_without_the_proxy_setting_x_forwarded_for_is_not_trusted(client, editor, settings):
    """A client must not choose its own address by sending the header."""
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, editor.username, "sai", "198.51.100.7")
    assert _login(client, editor.username, PASSWORD, "198.51.100.8").status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"10.0.0.2"}
