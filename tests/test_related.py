"""Xem thêm: hand-picked first, then most shared tags, then the latest of the section."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles import related
from articles.models import Article, RelatedArticle
from articles.related import related_articles
from tests.factories import ArticleFactory, SectionFactory, hidden_articles

pytestmark = pytest.mark.django_db


def live(section, title, hours_ago=1, tags=()):
    article = ArticleFactory(
        section=section,
        title=title,
        status=Article.Status.PUBLISHED,
        published_at=timezone.now() - timedelta(hours=hours_ago),
    )
    article.tags.add(*tags)
    return article


def titles(articles):
    return [a.title for a in articles]


@pytest.fixture
def section():
    return SectionFactory()


def test_the_rule_in_order(section):
    """Picked (editor's order), then by shared tag count, then latest of the section."""
    other = SectionFactory()
    article = live(section, "Bài chính", tags=["a", "b", "c"])
    picked_second = live(other, "Chọn 2", hours_ago=1)
    picked_first = live(other, "Chọn 1", hours_ago=50)
    RelatedArticle.objects.create(from_article=article, to_article=picked_second, position=2)
    RelatedArticle.objects.create(from_article=article, to_article=picked_first, position=1)
    live(other, "Một thẻ", hours_ago=1, tags=["a"])
    live(other, "Ba thẻ", hours_ago=90, tags=["a", "b", "c"])
    live(other, "Hai thẻ", hours_ago=5, tags=["b", "c"])
    live(section, "Cùng mục mới", hours_ago=2)
    live(section, "Cùng mục cũ", hours_ago=200)
    live(other, "Không liên quan", hours_ago=0)
    assert titles(related_articles(article, limit=10)) == [
        "Chọn 1",
        "Chọn 2",
        "Ba thẻ",
        "Hai thẻ",
        "Một thẻ",
        "Cùng mục mới",
        "Cùng mục cũ",
    ]


def test_at_most_six(section):
    article = live(section, "Bài chính")
    for n in range(10):
        live(section, f"Bài {n}", hours_ago=n + 2)
    assert titles(related_articles(article)) == [f"Bài {n}" for n in range(6)]


def test_never_itself_never_an_article_not_live(section):
    """Not live means draft, submitted, returned or scheduled, even when picked by hand."""
    article = live(section, "Bài chính", tags=["x"])
    hidden = hidden_articles(section)
    for position, other in enumerate(hidden):
        other.tags.add("x")
        RelatedArticle.objects.create(from_article=article, to_article=other, position=position)
    visible = live(section, "Hiện")
    assert related_articles(article) == [visible]


def test_one_query_whatever_the_number(section, django_assert_num_queries):
    """With the tags prefetched, as the article page has them, one query."""
    article = live(section, "Bài chính", tags=[f"t{n}" for n in range(5)])
    for n in range(20):
        other = live(section, f"Bài {n}", tags=["t1"])
        RelatedArticle.objects.create(from_article=article, to_article=other, position=n)
    article = Article.objects.prefetch_related("tags").get(pk=article.pk)
    with django_assert_num_queries(1):
        related = related_articles(article)
    assert len(related) == 6
    assert related[0].section.name == section.name  # the URL needs no further query


def test_an_article_alone_has_none(section):
    assert related_articles(live(section, "Một mình")) == []


def test_candidates_are_bounded_per_source(section, monkeypatch, django_assert_num_queries):
    """Each source (picks, section, every tag) is a LIMIT window; only its rows are scored."""
    monkeypatch.setattr(related, "PER_TAG", 2)
    other = SectionFactory()
    article = live(section, "Bài chính", tags=["a"])
    # The newest by date, but the oldest by id: outside the newest two ids of the tag.
    live(other, "Tạo trước", hours_ago=1, tags=["a"])
    for n in range(3):
        live(other, f"Tạo sau {n}", hours_ago=5 + n, tags=["a"])
    article = Article.objects.prefetch_related("tags").get(pk=article.pk)
    with django_assert_num_queries(1) as captured:
        related_list = related_articles(article)
    assert titles(related_list) == ["Tạo sau 1", "Tạo sau 2"]
    sql = captured.captured_queries[0]["sql"]
    # Three windows (picks, section, the tag), two one-row lookups per candidate, the result.
    assert sql.count("AS window_") == 3
    assert sql.count("LIMIT") == 3 + 2 + 1


def test_scheduled_and_drafts_never_fill_a_window(section, monkeypatch):
    """The newest of a tag or section being drafts or scheduled, live ones still come."""
    monkeypatch.setattr(related, "PER_TAG", 2)
    article = live(section, "Bài chính", tags=["x"])
    older = [live(section, f"Cũ {n}", hours_ago=10 + n, tags=["x"]) for n in range(2)]
    for other in hidden_articles(section):  # made after: the newest ids and dates
        other.tags.add("x")
    assert related_articles(article) == older
