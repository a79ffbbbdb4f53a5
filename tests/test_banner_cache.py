"""The header's hotline comes from the shared cache, not a query per page (issue #9)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles import cachesafe
from articles.models import HotlineBanner
from tests.factories import ArticleFactory, SectionFactory
from tests.outages import redis_down

BANNER_TABLE = HotlineBanner._meta.db_table


def banner_queries(client, url) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return sum(BANNER_TABLE in q["sql"] for q in queries), response.content.decode()


@pytest.fixture
def article(db):
    HotlineBanner.objects.create(label="Hotline", phone="0983.970.780")
    return ArticleFactory(live=True)


@pytest.mark.usefixtures("shared_cache")
def test_the_banner_is_read_once_then_kept(client, article):
    for url in ["/", article.get_absolute_url(), "/tim-kiem/?q=hai"]:
        count, html = banner_queries(client, url)
        assert count == (1 if url == "/" else 0), url
        assert "0983.970.780" in html


@pytest.mark.usefixtures("shared_cache")
def test_an_edited_banner_shows_on_the_next_page(client, article):
    banner_queries(client, "/")
    banner = HotlineBanner.objects.get()
    banner.phone = "0912.345.678"
    banner.save()
    count, html = banner_queries(client, article.get_absolute_url())
    assert count == 1
    assert "0912.345.678" in html and "0983.970.780" not in html
    banner.delete()
    count, html = banner_queries(client, "/")
    assert count == 1
    assert "0912.345.678" not in html
    assert banner_queries(client, "/")[0] == 0  # "no banner" is kept too


def test_a_per_process_cache_reads_it_on_every_page(client, article, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    for _ in range(2):
        count, html = banner_queries(client, "/")
        assert count == 1 and "0983.970.780" in html


def test_an_unreachable_cache_reads_it_from_the_database(client, article):
    cachesafe.reset()
    try:
        with redis_down():
            for _ in range(2):
                count, html = banner_queries(client, "/")
                assert count == 1 and "0983.970.780" in html
    finally:
        cachesafe.reset()


@pytest.mark.usefixtures("shared_cache")
def test_the_home_page_keeps_the_section_ids_too(client, article, django_assert_num_queries):
    """Banner and section ids kept: one query, the latest and every section's newest four."""
    client.get("/")
    with django_assert_num_queries(1):
        assert client.get("/").status_code == 200
    new_section = SectionFactory(name="Xe")
    ArticleFactory(live=True, section=new_section, title="Xe điện về phố")
    html = client.get("/").content.decode()
    assert "Xe điện về phố" in html and new_section.get_absolute_url() in html
