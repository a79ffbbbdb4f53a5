"""Issue #8, outages: Redis or PostgreSQL down, with real failures (closed ports), no mocks.

Redis down: every page still answers, uncached, the error is logged once per interval and
``/healthz`` says "degraded" with 200. PostgreSQL down: 503 "bảo trì" with Retry-After,
pages already in the page cache are still served, and the next request after the database
returns is a 200."""

import logging

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.db import OperationalError, close_old_connections, connection, connections
from django.test import Client
from django.urls import reverse

from articles import cachesafe, pagecache
from newsroom import errors
from tests.factories import ArticleFactory, PhotoFactory
from tests.outages import CLOSED_PORT, database_down, redis_down

pytestmark = pytest.mark.django_db

READER_PAGES = {
    "home": lambda article: "/",
    "section": lambda article: article.section.get_absolute_url(),
    "search": lambda article: "/tim-kiem/?q=Hải+Phòng",
    "rss": lambda article: "/rss.xml",
    "sitemap": lambda article: "/sitemap.xml",
    "article": lambda article: article.get_absolute_url(),
}
ADMIN_PAGES = {
    "changelist": lambda article: reverse("admin:articles_article_changelist"),
    "change form": lambda article: reverse("admin:articles_article_change", args=[article.pk]),
}


@pytest.fixture
def reader():
    """A browser: a server error is a response to look at, not an exception in the test."""
    return Client(raise_request_exception=False)


@pytest.fixture
def article():
    return ArticleFactory(live=True, title="Hải Phòng mở tuyến xe buýt điện")


@pytest.fixture
def _redis_down():
    # Left before conftest's cache.clear() runs at teardown.
    with redis_down():
        yield


@pytest.fixture
def _database_down():
    with database_down():
        yield


def _cache_errors(caplog):
    return [r for r in caplog.records if r.name == "newsroom.cache" and r.levelno >= logging.ERROR]


# Redis down


@pytest.mark.usefixtures("page_cache", "_redis_down")
@pytest.mark.parametrize("page", READER_PAGES.values(), ids=READER_PAGES.keys())
def test_reader_pages_are_served_uncached_when_redis_is_down(reader, article, page):
    for _ in range(2):
        response = reader.get(page(article))
        assert response.status_code == 200
        assert not response.has_header("X-Page-Cache")


@pytest.mark.usefixtures("_redis_down")
@pytest.mark.parametrize("page", ADMIN_PAGES.values(), ids=ADMIN_PAGES.keys())
def test_admin_pages_open_when_redis_is_down(reader, editor, article, page):
    """The change form's "who else is editing" reads the cache: it shows nobody, and opens."""
    reader.force_login(editor)
    response = reader.get(page(article))
    assert response.status_code == 200
    assert article.title in response.content.decode()


@pytest.mark.usefixtures("page_cache")
def test_a_save_while_redis_is_down_moves_the_cache_on_when_it_returns(reader, article):
    assert reader.get("/")["X-Page-Cache"] == "miss"
    article.title = "Tuyến xe buýt điện lùi ngày chạy"
    with redis_down():
        article.save()  # an admin save must not fail
    response = reader.get("/")
    assert response["X-Page-Cache"] == "miss"
    assert "Tuyến xe buýt điện lùi ngày chạy" in response.content.decode()


def test_a_health_check_pays_the_bump_owed_since_the_outage(reader):
    before = pagecache.generation()
    key = pagecache.GEN_KEY.format(scope=pagecache.SITE)
    with redis_down():
        assert pagecache.bump() is False
    assert cache.get(key) == before
    reader.get("/healthz")
    assert cache.get(key) == before + 1


@pytest.mark.usefixtures("_redis_down")
def test_a_photo_uploads_while_redis_is_down():
    """sorl-thumbnail's key-value store has its own cache alias, not Redis."""
    photo = PhotoFactory()
    photo.refresh_from_db()
    assert len(photo.renditions["webp"]) == len(django_settings.NEWSROOM_PHOTO_WIDTHS)
    assert photo.renditions["fallback"]


@pytest.mark.usefixtures("page_cache", "article")
def test_the_error_is_logged_once_per_interval_not_per_request(reader, caplog, monkeypatch):
    monkeypatch.setattr(cachesafe, "RETRY_SECONDS", 0)  # every request tries the server
    with redis_down(), caplog.at_level(logging.INFO, logger="newsroom.cache"):
        for _ in range(10):
            assert reader.get("/").status_code == 200
    assert len(_cache_errors(caplog)) == 1
    assert "ConnectionError" in _cache_errors(caplog)[0].getMessage()


@pytest.mark.usefixtures("page_cache", "article")
def test_after_a_failure_the_cache_is_left_alone_for_a_few_seconds(reader, caplog, monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(cachesafe, "_clock", lambda: now[0])
    monkeypatch.setattr(cachesafe, "LOG_SECONDS", 0)  # every attempt logs
    with redis_down(), caplog.at_level(logging.INFO, logger="newsroom.cache"):
        for _ in range(5):
            reader.get("/")
        assert len(_cache_errors(caplog)) == 1
        now[0] += cachesafe.RETRY_SECONDS
        reader.get("/")
        assert len(_cache_errors(caplog)) == 2


def test_only_connection_errors_are_caught():
    with pytest.raises(ValueError):
        cachesafe.call(cache.incr, "no-such-key")


@pytest.mark.usefixtures("_redis_down")
def test_healthz_says_degraded_with_200_when_redis_is_down(reader):
    response = reader.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "cache": "unavailable"}


def test_healthz_says_ok_when_both_answer(reader):
    assert reader.get("/healthz").json() == {"status": "ok", "database": "ok", "cache": "ok"}


# PostgreSQL down


@pytest.mark.usefixtures("page_cache")
@pytest.mark.parametrize("page", READER_PAGES.values(), ids=READER_PAGES.keys())
def test_reader_pages_answer_503_while_the_database_is_down(reader, article, page):
    url = page(article)
    with database_down():
        response = reader.get(url)
    _assert_maintenance_page(response)
    # Not stored in the page cache, and the next request after the database returns is fine.
    response = reader.get(url)
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "miss"


@pytest.mark.parametrize(
    "page", [*ADMIN_PAGES.values(), READER_PAGES["home"]], ids=[*ADMIN_PAGES.keys(), "home"]
)
def test_a_logged_in_editor_gets_503_while_the_database_is_down(reader, editor, article, page):
    """The session and the user are read from the database in the middleware."""
    reader.force_login(editor)
    url = page(article)
    with database_down():
        _assert_maintenance_page(reader.get(url))
    assert reader.get(url).status_code == 200


@pytest.mark.usefixtures("page_cache")
def test_cached_pages_are_served_while_the_database_is_down(reader, article):
    fresh = reader.get(article.get_absolute_url())
    with database_down():
        response = reader.get(article.get_absolute_url())
        assert response.status_code == 200
        assert response["X-Page-Cache"] == "hit"
        assert response.content == fresh.content
        assert reader.get("/").status_code == 503  # never cached


@pytest.mark.usefixtures("_database_down")
def test_healthz_says_503_when_the_database_is_down(reader):
    response = reader.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unavailable", "cache": "ok"}


def test_the_maintenance_page_needs_no_database(rf, django_assert_num_queries):
    with django_assert_num_queries(0):
        try:
            raise OperationalError("connection refused")
        except OperationalError:
            response = errors.server_error_or_unavailable(rf.get("/"))
    _assert_maintenance_page(response)


def test_other_errors_are_still_500(rf):
    try:
        raise ValueError("a bug")
    except ValueError:
        response = errors.server_error_or_unavailable(rf.get("/"))
    assert response.status_code == 500
    assert "Xin lỗi, trang đang gặp sự cố" in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_the_connection_comes_back_by_itself_when_postgresql_returns(reader):
    """The same connection object: refused while the server is away, then connected again."""
    if connection.vendor != "postgresql":
        pytest.skip("a PostgreSQL server to turn away and back")
    ArticleFactory(live=True)
    port = connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict["PORT"] = str(CLOSED_PORT)
    try:
        _assert_maintenance_page(reader.get("/"))
    finally:
        connection.settings_dict["PORT"] = port
    assert reader.get("/").status_code == 200


@pytest.mark.django_db(transaction=True)
def test_a_connection_cut_by_a_restart_is_replaced_on_the_next_request(reader):
    """CONN_HEALTH_CHECKS: a kept connection the server dropped is checked and reopened."""
    if connection.vendor != "postgresql":
        pytest.skip("a PostgreSQL server to cut the connection")
    ArticleFactory(live=True)
    connection.ensure_connection()
    pid = connection.connection.get_backend_pid()
    other = connections.create_connection("default")
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
    finally:
        other.close()
    close_old_connections()  # what Django's request_started does before each request
    assert reader.get("/").status_code == 200


# Helpers


def _assert_maintenance_page(response):
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    page = response.content.decode()
    assert "Trang đang bảo trì" in page and "thử lại sau" in page
    assert 'lang="vi"' in page
