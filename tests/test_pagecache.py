"""The reader page cache: anonymous readers only, moved on by every edit, never past a schedule."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from articles import pagecache
from articles.models import Article
from tests.factories import ArticleFactory, HotlineBannerFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


def test_the_page_cache_is_on_by_default():
    from newsroom import settings as project_settings

    assert project_settings.NEWSROOM_PAGE_CACHE_SECONDS == 300


def test_second_anonymous_request_is_served_without_the_database(
    client, django_assert_num_queries
):
    ArticleFactory(live=True)
    first = client.get("/")
    assert first["X-Page-Cache"] == "miss"
    assert "max-age=60" in first["Cache-Control"] and "public" in first["Cache-Control"]
    with django_assert_num_queries(0):
        second = client.get("/")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content


def test_pages_carry_an_etag_and_answer_304(client):
    response = client.get("/")
    assert response.has_header("ETag")
    again = client.get("/", headers={"if-none-match": response["ETag"]})
    assert again.status_code == 304


def test_saving_an_article_moves_the_cache_on(client):
    article = ArticleFactory(live=True, title="Tiêu đề trước khi sửa")
    assert "Tiêu đề trước khi sửa" in client.get("/").content.decode()
    article.title = "Tiêu đề sau khi sửa"
    article.save()
    response = client.get("/")
    assert response["X-Page-Cache"] == "miss"
    assert "Tiêu đề sau khi sửa" in response.content.decode()


def test_changing_the_banner_moves_the_cache_on(client):
    client.get("/")
    HotlineBannerFactory(phone="0912.345.678")
    assert "0912.345.678" in client.get("/").content.decode()


def test_logged_in_staff_are_never_served_from_the_cache(client, editor):
    client.get("/")
    client.force_login(editor)
    assert not client.get("/").has_header("X-Page-Cache")


def test_query_strings_are_part_of_the_key(client):
    client.get("/")
    assert client.get("/?trang=2")["X-Page-Cache"] == "miss"


def test_not_found_pages_are_not_stored(client):
    client.get("/khong-co-trang-nay/")
    assert not client.get("/khong-co-trang-nay/").has_header("X-Page-Cache")


def test_a_cached_page_never_outlives_the_next_scheduled_article(client, settings):
    """The scheduled article appears at its minute, with nothing running at that minute."""
    # Redis expires keys by its own clock, which time-machine cannot move; local memory
    # expires them by Python's, which it can.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    now = timezone.now().replace(microsecond=0)
    scheduled = ArticleFactory(
        title="Bài hẹn giờ xuất bản",
        status=Article.Status.PUBLISHED,
        published_at=now + timedelta(seconds=90),
    )
    with time_machine.travel(now, tick=False):
        assert pagecache.page_lifetime(pagecache.generation()) == 90
        assert scheduled.title not in client.get("/").content.decode()
    with time_machine.travel(now + timedelta(seconds=89), tick=False):
        response = client.get("/")
        assert response["X-Page-Cache"] == "hit"
        assert scheduled.title not in response.content.decode()
    with time_machine.travel(now + timedelta(seconds=90), tick=False):
        response = client.get("/")
        assert response["X-Page-Cache"] == "miss"
        assert scheduled.title in response.content.decode()


def test_admin_and_health_are_never_cached(client):
    client.get("/healthz")
    assert not client.get("/healthz").has_header("X-Page-Cache")
