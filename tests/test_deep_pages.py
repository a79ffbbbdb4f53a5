"""Deep list pages and the article changelist at newsroom scale (issue #9)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from lxml import html as lxml_html

from articles import keyset
from articles.admin import paginator
from articles.models import Article
from tests.factories import (
    ArticleFactory,
    SectionFactory,
    UserFactory,
    banner_query,
    menu_query,
)

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:articles_article_changelist"


def _cards(response):
    tree = lxml_html.fromstring(response.content.decode())
    return tree, tree.xpath("//article[@class='card']//h2/a/@href")


def _walk(client, url):
    """Every card from the first page on, following "Trang sau"; the pages seen."""
    seen, pages = [], 0
    while url:
        response = client.get(url)
        assert response.status_code == 200, url
        tree, hrefs = _cards(response)
        seen += hrefs
        pages += 1
        next_href = tree.xpath("//a[@rel='next']/@href")
        url = url.split("?")[0] + next_href[0] if next_href else None
    return seen, pages


@pytest.fixture
def archive():
    """45 live articles in one section, tagged and by one author, some at the same second."""
    section, author = SectionFactory(), UserFactory()
    now = timezone.now().replace(microsecond=0)
    live = []
    for n in range(45):
        # Three articles share each published_at: the id breaks the tie.
        article = ArticleFactory(live=True, section=section)
        article.published_at = now - timedelta(minutes=n // 3 + 1)
        article.save()
        article.tags.add("Lưu trữ")
        article.authors.add(author)
        live.append(article)
    for hidden in (
        ArticleFactory(section=section, status=Article.Status.DRAFT),
        ArticleFactory(
            section=section,
            status=Article.Status.PUBLISHED,
            published_at=now + timedelta(hours=1),
        ),
    ):
        hidden.tags.add("Lưu trữ")
        hidden.authors.add(author)
    return section, author, live


def test_every_live_article_is_listed_once_across_the_pages(client, archive):
    """Following "Trang sau" lists each live article exactly once, newest first."""
    section, author, live = archive
    expected = [
        a.get_absolute_url() for a in sorted(live, key=lambda a: (a.published_at, a.pk))[::-1]
    ]
    for url in (
        section.get_absolute_url(),
        reverse("articles:tag", kwargs={"slug": "luu-tru"}),
        reverse("articles:author", kwargs={"pk": author.pk}),
    ):
        seen, pages = _walk(client, url)
        assert seen == expected, url
        assert pages == 3


def test_trang_truoc_walks_back_to_the_first_page(client, archive):
    section, _author, _live = archive
    url = section.get_absolute_url()
    second = client.get(url + _cards(client.get(url))[0].xpath("//a[@rel='next']/@href")[0])
    tree, second_cards = _cards(second)
    third = client.get(url + tree.xpath("//a[@rel='next']/@href")[0])
    back = client.get(url + _cards(third)[0].xpath("//a[@rel='prev']/@href")[0])
    assert _cards(back)[1] == second_cards
    assert "noindex" in _cards(back)[0].xpath("//meta[@name='robots']/@content")[0]
    assert client.get(url + _cards(back)[0].xpath("//a[@rel='prev']/@href")[0])["Location"] == url


def test_a_deep_page_costs_what_the_first_page_costs(client, django_assert_num_queries):
    """Page "500" is one bounded query like page 1: no COUNT(*), no OFFSET."""
    section = SectionFactory()
    ArticleFactory.create_batch(3, live=True, section=section)
    deep = ArticleFactory(live=True, section=section)
    deep.published_at = timezone.now() - timedelta(days=3650)  # ten years back
    deep.save()
    url = section.get_absolute_url()
    cursor = keyset.format_position(deep.published_at + timedelta(seconds=1), deep.pk)
    client.get(url)  # the hotline banner and the section menu, kept on a shared cache
    for page_url in (url, f"{url}?truoc={cursor}"):
        # the section, the page (and the banner and the menu)
        queries_now = 2 + banner_query() + menu_query()
        with CaptureQueriesContext(connection) as queries, django_assert_num_queries(queries_now):
            assert client.get(page_url).status_code == 200
        sql = " ".join(q["sql"].upper() for q in queries)
        assert "COUNT(" not in sql and "OFFSET" not in sql, page_url


@pytest.mark.parametrize(
    "value",
    [
        "abc",
        "2025-03-08T10:06:00_1",
        "20251399000000_1",  # month 13
        "20250308100600_0",
        "20250308100600_01",
        "2025030810060_1",
        "20250308100600_" + "9" * 19,  # past bigint
        "9" * 40,
        "20250308100600\x00_1",
    ],
)
def test_a_bad_position_is_a_404(client, value):
    section = SectionFactory()
    ArticleFactory(live=True, section=section)
    for name in ("truoc", "sau"):
        # 404, or 400 for a NUL (refused before any view runs); never a 500.
        assert client.get(section.get_absolute_url(), {name: value}).status_code in (400, 404)


def test_a_position_past_the_oldest_article_is_a_404(client):
    section = SectionFactory()
    ArticleFactory(live=True, section=section)
    url = section.get_absolute_url()
    assert client.get(url, {"truoc": "20000101000000_1"}).status_code == 404


def test_the_position_is_normalised_in_the_cache_key(client, page_cache):
    section = SectionFactory()
    newer, older = ArticleFactory(live=True, section=section), ArticleFactory(live=True)
    older.section, older.published_at = section, newer.published_at - timedelta(hours=1)
    older.save()
    url = section.get_absolute_url()
    position = keyset.format_position(newer.published_at, newer.pk)
    assert client.get(url, {"truoc": position})["X-Page-Cache"] == "miss"
    assert client.get(url, {"truoc": position, "utm_source": "zalo"})["X-Page-Cache"] == "hit"


def test_a_hand_made_position_is_served_but_not_cached(client, page_cache):
    """Only a card's own position makes a cache entry: no flooding with instants (#8)."""
    section = SectionFactory()
    article = ArticleFactory(live=True, section=section)
    position = keyset.format_position(article.published_at + timedelta(seconds=1), 2**40)
    for _ in range(2):
        response = client.get(section.get_absolute_url(), {"truoc": position})
        assert response.status_code == 200 and not response.has_header("X-Page-Cache")
    assert _cards(response)[1] == [article.get_absolute_url()]


def test_a_tag_with_no_live_article_has_no_page(client):
    ArticleFactory(status=Article.Status.DRAFT).tags.add("Chưa lên")
    assert client.get(reverse("articles:tag", kwargs={"slug": "chua-len"})).status_code == 404


def test_search_pages_are_bounded(client):
    ArticleFactory(live=True, title="Hải Phòng mùa mưa")
    assert client.get("/tim-kiem/", {"q": "hai phong"}).status_code == 200
    assert client.get("/tim-kiem/", {"q": "hai phong", "trang": 51}).status_code == 404


def test_admin_search_matches_whole_words(client, editor):
    """``hai`` finds ``Hải Phòng``, not ``khai trương`` (issue #9)."""
    ArticleFactory(
        title="Chợ nông sản khai trương",
        location="Cần Thơ",
        sapo="Khai trương sáng nay.",
        body="<p>Chợ mở cửa.</p>",
    )
    ArticleFactory(title="Hải Phòng đón tàu lớn")
    client.force_login(editor)
    page = client.get(reverse(CHANGELIST), {"q": "hai"}).content.decode()
    assert "Hải Phòng đón tàu" in page and "khai trương" not in page
    page = client.get(reverse(CHANGELIST), {"q": "khai truong"}).content.decode()
    assert "Chợ nông sản khai trương" in page and "Hải Phòng đón tàu" not in page


def test_the_changelist_counts_no_whole_table(client, editor):
    """No unbounded COUNT(*): the total is not shown, the filtered count has a LIMIT."""
    ArticleFactory.create_batch(3, live=True)
    client.force_login(editor)
    for params in ({}, {"trang_thai": "live"}, {"q": "a"}):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse(CHANGELIST), params).status_code == 200
        counts = [q["sql"] for q in queries if "COUNT(" in q["sql"].upper()]
        assert counts and all("LIMIT" in sql.upper() for sql in counts), (params, counts)


def test_a_large_result_is_estimated_not_counted(monkeypatch):
    monkeypatch.setattr(paginator, "EXACT_UP_TO", 2)
    ArticleFactory.create_batch(4)
    with CaptureQueriesContext(connection) as queries:
        count = paginator.EstimatedCountPaginator(Article.objects.all(), 100).count
    if connection.vendor == "postgresql":
        assert count >= 3  # the planner's estimate, at least what the bounded count saw
        assert not any(
            "COUNT(" in q["sql"].upper() and "LIMIT" not in q["sql"].upper() for q in queries
        )
    else:
        assert count == 4


def test_the_changelist_offers_a_bounded_number_of_pages(client, editor, monkeypatch):
    """An OFFSET still reads the rows it skips: past MAX_PAGES, filter or search instead."""
    from articles.admin.article import ArticleAdmin

    monkeypatch.setattr(paginator, "MAX_PAGES", 2)
    monkeypatch.setattr(ArticleAdmin, "list_per_page", 2)
    ArticleFactory.create_batch(7, live=True)
    client.force_login(editor)
    response = client.get(reverse(CHANGELIST), {"p": 2})
    assert response.status_code == 200
    assert response.context["cl"].paginator.num_pages == 2
    assert response.context["cl"].result_count == 7
    response = client.get(reverse(CHANGELIST), {"p": 3})
    assert response.status_code == 302 and response["Location"].endswith("?e=1")
