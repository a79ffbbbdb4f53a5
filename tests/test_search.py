"""Search: accent-insensitive, NFD-proof, ranked, paginated; on SQLite and PostgreSQL."""

import unicodedata
from datetime import timedelta

import pytest
from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.utils import timezone
from lxml import html as lxml_html

from articles.matching import query_words
from articles.models import Article, RecentSearch, SearchWindow
from articles.search import clean_query, search_articles
from articles.search_index import article_search_vector
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def live(title, body="<p>Nội dung.</p>", sapo="Sapo.", hours_ago=1, **kwargs):
    return ArticleFactory(
        title=title,
        body=body,
        sapo=sapo,
        location="",
        status=Article.Status.PUBLISHED,
        published_at=timezone.now() - timedelta(hours=hours_ago),
        **kwargs,
    )


@pytest.fixture
def corpus():
    return {
        "hp": live("Hải Phòng đẩy mạnh chuyển đổi xanh"),
        "dn": live("Đà Nẵng đón khách", body="<p>Du khách từ Hải Phòng tới.</p>"),
        "dong": live("Giá đồng tăng mạnh"),
        "other": live("Thời tiết Hà Nội"),
    }


@pytest.mark.parametrize(
    "query",
    [
        "hai phong",
        "Hải Phòng",
        unicodedata.normalize("NFD", "Hải Phòng"),
        "HẢI PHÒNG",
        "  hải   PHÒNG!  ",
    ],
)
def test_every_spelling_of_hai_phong_finds_the_same_articles(corpus, query):
    """Title match first (Hải Phòng…), then the body match (Đà Nẵng…)."""
    assert list(search_articles(query)) == [corpus["hp"], corpus["dn"]]


def test_dong_finds_dong_with_its_stroke(corpus):
    assert list(search_articles("dong")) == [corpus["dong"]]
    assert list(search_articles("ĐỒNG")) == [corpus["dong"]]


def test_every_word_must_appear(corpus):
    assert list(search_articles("hai phong xanh")) == [corpus["hp"]]
    assert list(search_articles("hai phong khong-co-tu-nay")) == []


def test_title_matches_rank_above_body_matches_even_when_older():
    body_hit = live("Tin thời sự", body="<p>Chuyện cảng biển.</p>", hours_ago=1)
    title_hit = live("Cảng biển mở rộng", hours_ago=100)
    assert list(search_articles("cang bien")) == [title_hit, body_hit]


def test_recent_first_among_equal_matches():
    old = live("Lũ lụt miền Trung", hours_ago=48)
    new = live("Lũ lụt miền Trung", hours_ago=2)
    assert list(search_articles("lu lut")) == [new, old]


def test_only_the_newest_matches_are_ranked(monkeypatch):
    """Issue #9: ranking every match of a common word grew with the archive."""
    from articles import search

    monkeypatch.setattr(search, "RANKED", 3)
    old_title_match = live("Hải Phòng trong ký ức", hours_ago=50)
    body_matches = [
        live(f"Tin số {n}", body="<p>Ở Hải Phòng.</p>", hours_ago=n) for n in (1, 2, 3)
    ]
    found = list(search_articles("hải phòng"))
    assert found == body_matches  # the old title match is past the window
    assert old_title_match not in found
    assert list(search_articles("ký ức")) == [old_title_match]  # a rare word still finds it


def test_only_live_articles_are_found():
    ArticleFactory(title="Hải Phòng nháp", status=Article.Status.DRAFT)
    ArticleFactory(
        title="Hải Phòng hẹn giờ",
        status=Article.Status.PUBLISHED,
        published_at=timezone.now() + timedelta(hours=1),
    )
    assert list(search_articles("hai phong")) == []


@pytest.mark.parametrize("query", ["", "   ", "!!!", "%", "_"])
def test_empty_or_odd_queries_find_nothing_and_never_fail(client, corpus, query):
    assert client.get("/tim-kiem/", {"q": query}).status_code == 200


def test_a_nul_byte_in_the_query_is_a_bad_request(client, corpus):
    """No person types NUL; newsroom.middleware refuses it before anything reads it."""
    assert client.get("/tim-kiem/", {"q": "hai\x00phong"}).status_code == 400


def test_nul_and_control_characters_are_dropped():
    assert clean_query("hai\x00phong\x1f") == "hai phong"
    assert query_words("Hải\u0000Phòng") == ["hai", "phong"]


def test_punctuation_is_not_a_wildcard():
    """``%`` and ``_`` are dropped like any punctuation, on both databases alike."""
    live("Tăng 5% mỗi năm")
    live("Tăng 5 lần")
    assert len(search_articles("5%")) == 2
    assert list(search_articles("%")) == []
    assert list(search_articles("_")) == []


def test_results_page_is_paginated_and_keeps_the_query(client):
    for n in range(25):
        live(f"Hải Phòng tin số {n}", hours_ago=n + 1)
    response = client.get("/tim-kiem/", {"q": "Hải Phòng"})
    tree = lxml_html.fromstring(response.content.decode())
    assert len(tree.xpath("//article[@class='card']")) == 20
    assert tree.xpath("//a[@rel='next']/@href") == ["?q=H%E1%BA%A3i+Ph%C3%B2ng&trang=2"]
    assert tree.xpath("//header//input[@name='q']/@value") == ["Hải Phòng"]
    assert "Kết quả cho “Hải Phòng”" in response.content.decode()  # no count (issue #9)
    second = client.get("/tim-kiem/", {"q": "Hải Phòng", "trang": 2})
    assert len(lxml_html.fromstring(second.content).xpath("//article[@class='card']")) == 5


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL full-text search")
def test_postgresql_uses_the_gin_indexed_vector():
    """The query filters on the stored vector, which the GIN index can answer.

    (On a small table the planner may still prefer a sequential scan; with sequential
    scans off it must be able to use the index.)
    """
    article = ArticleFactory(live=True, title="Cà Mau trồng thêm rừng ngập mặn")
    assert Article.objects.filter(pk=article.pk, search_vector__isnull=False).exists()
    queryset = search_articles("ca mau")
    sql = str(queryset.query)
    assert "search_vector @@" in sql and "plainto_tsquery" in sql
    assert "to_tsvector" not in sql  # nothing re-parsed per row
    with connection.cursor() as cursor:
        indexes = connection.introspection.get_constraints(cursor, Article._meta.db_table)
        cursor.execute("SET LOCAL enable_seqscan = off")
    assert indexes["article_search_vector_idx"]["type"] == "gin"
    assert indexes["article_search_vector_idx"]["columns"] == ["search_vector"]
    # Unordered: with sequential scans off, the model's default order could otherwise be
    # read from the (published_at, id) index, filtering each row.
    matches = Article.objects.filter(search_vector=SearchQuery("ca mau", config="simple"))
    plan = matches.order_by().explain()
    assert "article_search_vector_idx" in plan
    assert list(queryset) == [article]


def test_words_either_side_of_a_paragraph_break_are_found():
    """The stored text once read "…đồng.Người…": one token, found by neither word."""
    article = live("Thị trường kim loại", body="<p>Giá đồng tăng.</p><p>Người dân chờ.</p>")
    assert list(search_articles("tăng")) == [article]
    assert list(search_articles("người dân")) == [article]


def window_of(size: int) -> None:
    """The recent search table keeps the newest ``size`` published articles from now on."""
    SearchWindow.objects.update_or_create(id=1, defaults={"size": size, "starts_at": None})


def recent_ids() -> set[int]:
    return set(RecentSearch.objects.values_list("article_id", flat=True))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL full-text search")
@pytest.mark.parametrize("window", [1, 4, 7, 12, 100])
def test_the_window_finds_exactly_the_newest_matches(monkeypatch, window):
    """Issue #9: the newest published articles' own search index is read first; whether it
    holds RANKED matches, fewer, or the archive is smaller than the window, the answer is
    the newest RANKED matches of the whole archive."""
    from articles import search

    monkeypatch.setattr(search, "RANKED", 3)
    window_of(window)
    # Newest first: hours 1..12; "cảng" in every other one, "đồng" only in old ones; the
    # title match at hour 7 would rank first if more than the newest three were ranked.
    articles = {
        hours: live(
            "Cảng mới" if hours == 7 else f"Bài {hours}",
            body="<p>Cảng biển.</p>" if hours % 2 else "<p>Giá đồng.</p>" * (hours > 8),
            hours_ago=hours,
        )
        for hours in range(12, 0, -1)  # oldest first, as a newsroom publishes
    }
    ArticleFactory(  # scheduled: in the window (it goes live without a write), in no answer
        title="Cảng hẹn giờ", status="published", published_at=timezone.now() + timedelta(hours=1)
    )
    assert len(recent_ids()) == min(window, 13)
    assert list(search_articles("cảng")) == [articles[1], articles[3], articles[5]]
    assert list(search_articles("đồng")) == [articles[10], articles[12]]
    assert list(search_articles("bài")) == [articles[1], articles[2], articles[3]]
    assert list(search_articles("cảng mới")) == [articles[7]]
    assert list(search_articles("không có")) == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL full-text search")
def test_the_recent_table_follows_every_write_to_an_article(django_assert_num_queries):
    """Triggers, not Python: a save, a bulk_create, an update() and a delete all reach it."""
    window_of(3)
    old, middle, new = (live(f"Cảng số {n}", hours_ago=n) for n in (30, 20, 10))
    assert recent_ids() == {old.pk, middle.pk, new.pk}
    newest = live("Cảng mới nhất", hours_ago=1)
    assert recent_ids() == {middle.pk, new.pk, newest.pk}  # the oldest fell out
    with django_assert_num_queries(1):  # one statement, whatever the archive's size
        assert list(search_articles("cảng")) == [newest, new, middle, old]

    Article.objects.filter(pk=newest.pk).update(status=Article.Status.DRAFT)
    assert newest.pk not in recent_ids()
    assert list(search_articles("cảng")) == [new, middle, old]
    Article.objects.filter(pk=new.pk).update(published_at=timezone.now() - timedelta(days=9))
    assert new.pk not in recent_ids()  # moved before the window's start: the older branch
    assert list(search_articles("cảng")) == [middle, old, new]
    middle.delete()
    assert middle.pk not in recent_ids()
    assert list(search_articles("cảng")) == [old, new]
    (bulk,) = Article.objects.bulk_create(
        [
            ArticleFactory.build(
                title="Cảng nhập",
                section=old.section,
                status="published",
                published_at=timezone.now(),
                search_title="cang nhap",
            )
        ]
    )
    Article.objects.filter(pk=bulk.pk).update(search_vector=article_search_vector())
    assert bulk.pk in recent_ids()
    assert list(search_articles("cảng nhập")) == [bulk]
