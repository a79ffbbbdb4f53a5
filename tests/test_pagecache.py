"""The reader page cache: anonymous readers only, moved on by every edit, never past a schedule."""

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from django.utils import timezone

from articles import views
from articles.models import Article
from tests.factories import ArticleFactory, HotlineBannerFactory, SectionFactory

ROOT = Path(__file__).resolve().parent.parent

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


@pytest.mark.parametrize("redis_url, seconds", [("", "0"), ("redis://127.0.0.1:6379/2", "3600")])
def test_the_page_cache_is_on_by_default_only_with_a_shared_cache(redis_url, seconds):
    """Local memory is per process: the other workers would keep an unpublished article."""
    names = ("REDIS_URL", "NEWSROOM_PAGE_CACHE_SECONDS")
    env = {k: v for k, v in os.environ.items() if k not in names}
    env["REDIS_URL"] = redis_url
    code = "from newsroom import settings; print(settings.NEWSROOM_PAGE_CACHE_SECONDS)"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.stdout.strip() == seconds, result.stderr


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


def test_a_page_is_stored_in_one_piece(client):
    """A feed is written in many small chunks; a hit sends one."""
    ArticleFactory(live=True)
    first = client.get("/rss.xml")
    assert first["X-Page-Cache"] == "miss"
    hit = client.get("/rss.xml")
    assert hit["X-Page-Cache"] == "hit"
    assert len(hit._container) == 1 and hit.content == first.content


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


def test_the_page_number_is_part_of_the_key(client, monkeypatch):
    monkeypatch.setattr(views, "PER_PAGE", 1)
    section = SectionFactory()
    ArticleFactory.create_batch(2, section=section, live=True)
    url = section.get_absolute_url()
    assert client.get(url)["X-Page-Cache"] == "miss"
    assert client.get(f"{url}?trang=1")["X-Page-Cache"] == "hit"
    second = client.get(f"{url}?trang=2")
    assert second["X-Page-Cache"] == "miss"
    assert client.get(f"{url}?trang=02&utm_source=zalo")["X-Page-Cache"] == "hit"
    assert client.get(f"{url}?trang=02").content == second.content


def test_the_search_query_is_part_of_the_key_as_the_view_reads_it(client):
    assert client.get("/tim-kiem/", {"q": "Hải Phòng"})["X-Page-Cache"] == "miss"
    assert client.get("/tim-kiem/", {"q": "  Hải   Phòng "})["X-Page-Cache"] == "hit"
    assert client.get("/tim-kiem/", {"q": "Hà Nội"})["X-Page-Cache"] == "miss"


def test_parameters_no_view_reads_make_no_new_entry(client):
    """Issue #8: ``/?x=<random>`` stored one page per request (cache flooding)."""
    ArticleFactory(live=True)
    first = client.get("/")
    for value in ("a1", "b2", "c3"):
        response = client.get("/", {"x": value, "trang": value, "q": value})
        assert response["X-Page-Cache"] == "hit"
        assert response.content == first.content


def test_the_sitemap_page_is_part_of_the_key(client):
    from tests.sitemap_urls import month_sitemap_url

    url = month_sitemap_url(ArticleFactory(live=True).published_at)
    assert client.get("/sitemap.xml")["X-Page-Cache"] == "miss"
    assert client.get(url)["X-Page-Cache"] == "miss"
    assert client.get(url + "?p=1")["X-Page-Cache"] == "hit"
    assert client.get(url + "?p=2").status_code == 404  # not page 1 from the cache


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
        response = client.get("/")
        assert scheduled.title not in response.content.decode()
        assert "max-age=60" in response["Cache-Control"]
    with time_machine.travel(now + timedelta(seconds=45), tick=False):
        # What a browser or a proxy may keep must not outlive the schedule either.
        assert "max-age=45" in client.get("/sitemap.xml")["Cache-Control"]
    with time_machine.travel(now + timedelta(seconds=89), tick=False):
        response = client.get("/")
        assert response["X-Page-Cache"] == "hit"
        assert scheduled.title not in response.content.decode()
        # A hit says what is left before the schedule, not the max-age it was stored with
        # (nginx in front kept the home page 59 s past the article's minute).
        assert response["Cache-Control"] == "public, max-age=1"
    with time_machine.travel(now + timedelta(seconds=90), tick=False):
        response = client.get("/")
        assert response["X-Page-Cache"] == "miss"
        assert scheduled.title in response.content.decode()


def test_admin_and_health_are_never_cached(client):
    client.get("/healthz")
    assert not client.get("/healthz").has_header("X-Page-Cache")
