"""``manage.py seed_demo`` loads a complete demo newsroom, in every workflow state, once.

The command runs once for the whole module (drawing and resizing 45 photos takes a few
seconds), inside a transaction rolled back when the module ends; each test runs in a
savepoint inside it, as usual.
"""

import io
import re
import unicodedata
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import models, transaction
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from articles import richtext
from articles.models import (
    Article,
    HotlineBanner,
    Photo,
    RelatedArticle,
    Section,
    StateChange,
    Tag,
)
from articles.search import search_articles
from articles.text import search_fold

# The demo logins are checked with the hasher production uses (tests/conftest.py).
pytestmark = [pytest.mark.django_db, pytest.mark.real_password_hasher]

LOGINS = {
    "phongvien": ("phongvien-demo", "Phóng viên"),
    "phongvien2": ("phongvien2-demo", "Phóng viên"),
    "bientap": ("bientap-demo", "Biên tập viên"),
    "admin": ("admin-demo", None),
}


@pytest.fixture(scope="module")
def seed_output(django_db_setup, django_db_blocker, tmp_path_factory):
    """What the first run printed; the data stays until the module's transaction rolls back."""
    media = tmp_path_factory.mktemp("seed-media")
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media),
        transaction.atomic(),
    ):
        out = io.StringIO()
        call_command("seed_demo", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


def paragraphs(html):
    """Body paragraphs: ``<p>`` outside lists (the editor wraps list items in ``<p>`` too)."""
    return re.findall(r"<p>", re.sub(r"<ul>.*?</ul>|<ol>.*?</ol>", "", html))


def counts():
    return {
        model.__name__: model.objects.count()
        for model in [
            Article,
            Photo,
            Section,
            Tag,
            RelatedArticle,
            StateChange,
            HotlineBanner,
            get_user_model(),
        ]
    }


def test_first_run_reports_what_it_made(seed_output):
    assert seed_output.strip() == "Đã tạo 36 bài viết, 45 ảnh, 8 chuyên mục, 4 tài khoản, hotline."


def test_sections_include_a_subsection(seed_output):
    top = Section.objects.filter(parent=None)
    assert top.count() >= 5
    assert {"Thời sự", "Kinh tế", "Môi trường", "Xã hội", "Văn hoá", "Thể thao"} <= set(
        top.values_list("name", flat=True)
    )
    child = Section.objects.get(slug="thi-truong")
    assert child.parent.slug == "kinh-te"
    assert child.articles.exists()


def test_every_live_article_has_the_full_shape(seed_output):
    live = list(Article.objects.live().select_related("lead_photo").prefetch_related("tags"))
    assert len(live) >= 25
    for article in live:
        assert article.location and article.sapo, article.title
        assert 4 <= len(paragraphs(article.body)) <= 8, article.title
        ids = richtext.photo_ids(article.body)
        assert 1 <= len(ids) <= 3, article.title
        photos = Photo.objects.filter(pk__in=ids)
        assert len(photos) == len(ids), article.title  # every reference resolves
        assert all(p.caption and p.credit for p in photos), article.title
        assert set(article.photos.values_list("pk", flat=True)) == set(ids)
        assert article.lead_photo is not None and article.lead_photo.credit
        assert 2 <= len(article.tags.all()) <= 5, article.title


def test_photos_are_drawn_with_renditions(seed_output):
    photo = Photo.objects.get(caption="Bãi container tại khu bến cảng Lạch Huyện.")
    assert (photo.width, photo.height) == (1600, 900)
    assert photo.credit == "Hoàng Tùng"
    assert photo.credit_line == "Ảnh: Hoàng Tùng."
    assert photo.image.name.startswith("photos/") and photo.image.name.endswith(".jpg")
    assert [width for width, _ in photo.renditions["webp"]] == [480, 800, 1200]
    assert photo.renditions["fallback"]
    # Some photos illustrate more than one article.
    assert photo.articles.count() == 2
    assert len({p.credit for p in Photo.objects.all()}) >= 8


def test_related_articles_are_hand_picked_in_order(seed_output):
    article = Article.objects.get(
        title="Khu công nghiệp ở Hải Phòng chạy đua với tiêu chí sinh thái"
    )
    assert [link.to_article.title for link in article.related_links.all()] == [
        "Cảng Lạch Huyện đón tàu container trọng tải lớn nhất từ đầu năm",
        "Nghệ An thu hút dự án điện tử vào khu kinh tế Đông Nam",
        "Đà Lạt thu gom rác thải nhựa quanh các hồ trung tâm",
    ]
    assert RelatedArticle.objects.count() >= 20
    for from_id, n in (
        RelatedArticle.objects.values_list("from_article")
        .annotate(n=models.Count("pk"))
        .values_list("from_article", "n")
    ):
        assert n <= 3, from_id


@pytest.mark.parametrize("username", LOGINS)
def test_demo_logins_open_the_admin(seed_output, client, username):
    password, group = LOGINS[username]
    user = get_user_model().objects.get(username=username)
    assert user.is_staff and user.first_name and user.last_name
    assert list(user.groups.values_list("name", flat=True)) == ([group] if group else [])
    assert user.is_superuser == (username == "admin")
    response = client.post(
        reverse("admin:login"), {"username": username, "password": password, "next": "/admin/"}
    )
    assert response.status_code == 302, response.content[:500]
    assert client.get("/admin/").status_code == 200


def test_articles_are_written_by_the_journalists(seed_output):
    journalists = set(
        get_user_model().objects.filter(groups__name="Phóng viên").values_list("pk", flat=True)
    )
    for article in Article.objects.prefetch_related("authors"):
        assert article.created_by_id in journalists
        assert {a.pk for a in article.authors.all()} <= journalists
        assert article.authors.exists()
    assert Article.objects.exclude(byline="").exists()


def test_hotline_banner_is_active(seed_output):
    banner = HotlineBanner.objects.active().get()
    assert str(banner) == "Hotline: 0983.970.780"
    assert banner.tel_uri == "tel:+84983970780"


def test_every_workflow_state_is_there(seed_output):
    now = timezone.now()
    Status = Article.Status
    live = Article.objects.live()
    assert live.filter(published_at__gte=now - timedelta(hours=3)).count() >= 3  # today
    assert live.filter(published_at__lt=now - timedelta(days=9)).exists()  # ~10 days back
    scheduled = Article.objects.scheduled()
    assert 3 <= scheduled.count() <= 4
    assert not scheduled.filter(pk__in=live.values("pk")).exists()
    assert scheduled.filter(published_at__lt=now + timedelta(hours=3)).exists()  # later today
    assert scheduled.filter(published_at__gt=now + timedelta(days=1)).exists()  # coming days
    assert 2 <= Article.objects.filter(status=Status.SUBMITTED).count() <= 3
    assert Article.objects.filter(status=Status.DRAFT).count() == 3
    returned = Article.objects.filter(status=Status.RETURNED)
    assert returned.count() == 2
    for article in returned:
        change = article.state_changes.last()
        assert change.to_status == Status.RETURNED
        assert change.by.username == "bientap"
        assert len(change.note) > 20


def test_state_changes_trace_each_step(seed_output):
    for article in Article.objects.filter(status=Article.Status.PUBLISHED):
        trail = list(article.state_changes.all())
        # Any step after the two of the workflow is a correction (issue #13), still live.
        corrections = trail[2:]
        assert all(c.note.startswith("Đính chính: ") for c in corrections)
        trail = trail[:2]
        assert [(c.from_status, c.to_status) for c in trail] == [
            ("draft", "submitted"),
            ("submitted", "published"),
        ]
        assert trail[0].by in article.authors.all()
        assert trail[1].by.username == "bientap"
        assert trail[1].published_at == article.published_at
        assert trail[0].at < trail[1].at
        # Written by publishing's system caller, which names the people it credits.
        assert {c.system for c in trail} == {"seed_demo"}
        assert article.version == 1 + len(trail)  # a correction moves no version
    assert not Article.objects.filter(status=Article.Status.DRAFT, state_changes__isnull=False)


def test_editor_sees_demo_content_in_admin(seed_output, client):
    client.force_login(get_user_model().objects.get(username="bientap"))
    response = client.get(reverse("admin:articles_article_changelist"))
    assert response.status_code == 200
    assert "Cảng Lạch Huyện đón tàu container" in response.content.decode()
    today = timezone.localdate()
    monday = today - timedelta(days=today.weekday())
    this_week = [
        a.title
        for a in Article.objects.filter(status=Article.Status.PUBLISHED)
        if monday <= timezone.localdate(a.published_at) < monday + timedelta(days=7)
    ]
    assert this_week
    page = client.get(reverse("admin:articles_article_calendar")).content.decode()
    assert all(title in page for title in this_week), this_week


def test_calendar_shows_every_scheduled_demo_article(seed_output, client):
    """Every scheduled demo article shows (the demo schedules up to two days ahead)."""
    client.force_login(get_user_model().objects.get(username="bientap"))
    url = reverse("admin:articles_article_calendar")
    today = timezone.localdate()
    shown, page = {}, ""
    for day in (today, today + timedelta(days=7)):
        response = client.get(url, {"xem": "week", "ngay": day.isoformat()})
        assert response.status_code == 200
        page += response.content.decode()
        for entry in (e for w in response.context["weeks"] for d in w for e in d["entries"]):
            shown[entry["article"].pk] = entry["is_scheduled"]
    scheduled = set(Article.objects.scheduled().values_list("pk", flat=True))
    assert scheduled
    assert {pk for pk, is_scheduled in shown.items() if is_scheduled} == scheduled
    assert "Hẹn giờ:" in page


def test_all_text_is_nfc(seed_output):
    for model in [Article, Photo, Section, Tag, StateChange, HotlineBanner, get_user_model()]:
        fields = [
            f.attname
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField)
        ]
        for row in model.objects.values_list(*fields):
            for value in row:
                assert value is None or unicodedata.is_normalized("NFC", value), value


def test_running_again_adds_nothing(seed_output):
    before = counts()
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    assert out.getvalue().strip() == "Dữ liệu mẫu đã có, không thêm gì."
    assert counts() == before


def test_seed_bench_adds_valid_live_articles(seed_output):
    """Bulk-made articles carry what save() derives: slug, search columns, photos, tags."""
    live_before, photos_before = Article.objects.live().count(), Photo.objects.count()
    call_command("seed_bench", articles=30, stdout=io.StringIO())
    assert Article.objects.live().count() == live_before + 30
    assert Photo.objects.count() == photos_before  # reuses the library
    made = Article.objects.filter(title__contains="bài số").prefetch_related("tags", "authors")
    assert len(made) == 30
    for article in made:
        assert article.slug and article.search_title == search_fold(article.title)
        assert set(article.photos.values_list("pk", flat=True)) == set(
            richtext.photo_ids(article.body)
        )
        assert article.lead_photo_id and 2 <= len(article.tags.all()) <= 4
        assert 1 <= len(article.authors.all()) <= 2
        body = article.body
        article.full_clean()
        assert article.body == body  # already sanitised
    found = set(search_articles("bài thử tải").values_list("pk", flat=True))
    assert {a.pk for a in made} <= found
