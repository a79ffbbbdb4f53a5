"""Requests as monitors and crawlers send them (issue #8, "Requests"): reader URLs answer
GET, HEAD and OPTIONS and refuse the rest with 405 and ``Allow``; a NUL byte is a 400."""

import pytest
from django.urls import reverse

from articles import preview
from tests.factories import ArticleFactory, SectionFactory, UserFactory
from tests.sitemap_urls import month_sitemap_url

pytestmark = pytest.mark.django_db

NUL = "a\x00b"


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
