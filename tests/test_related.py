"""Xem thêm: hand-picked first, then most shared tags, then the latest of the section;
applied when the article changes and stored, the live rule applied again when read."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from articles import related
from articles.models import Article, RelatedArticle, Suggestions
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


def rule(article, limit=related.SUGGESTED):
    """What the rule chooses for ``article`` now, as titles."""
    chosen = Article.objects.in_bulk(related.suggest(article, limit))
    return [chosen[pk].title for pk in related.suggest(article, limit)]


def shown(article):
    """What the article page shows: its stored list as read from the database."""
    return titles(
        related_articles(Article.objects.select_related("suggestions").get(pk=article.pk))
    )


@pytest.fixture
def section():
    return SectionFactory()


def test_the_rule_in_order(section, settings):
    """Picked (editor's order), then by shared tag count, then latest of the section."""
    settings.NEWSROOM_RELATED_TOP_UP = True
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
    assert rule(article, limit=10) == [
        "Chọn 1",
        "Chọn 2",
        "Ba thẻ",
        "Hai thẻ",
        "Một thẻ",
        "Cùng mục mới",
        "Cùng mục cũ",
    ]


def test_hand_picked_articles_are_the_list(section):
    """Without NEWSROOM_RELATED_TOP_UP the editor's picks are all the block shows; when none
    of them is live, the automatic choice fills in."""
    other = SectionFactory()
    article = live(section, "Bài chính", tags=["a"])
    live(other, "Cùng thẻ", hours_ago=2, tags=["a"])
    live(section, "Cùng mục", hours_ago=3)
    picked = live(other, "Chọn tay")
    link = RelatedArticle.objects.create(from_article=article, to_article=picked, position=0)
    assert shown(article) == ["Chọn tay"]
    Article.objects.filter(pk=picked.pk).update(status=Article.Status.DRAFT)
    assert shown(article) == ["Cùng mục"]  # its place, filled from the section
    related.refresh([article.pk])
    assert shown(article) == ["Cùng thẻ", "Cùng mục"]  # no live pick: the automatic choice
    link.delete()
    assert shown(article) == ["Cùng thẻ", "Cùng mục"]


def test_at_most_six(section):
    article = live(section, "Bài chính")
    for n in range(10):
        live(section, f"Bài {n}", hours_ago=n + 2)
    related.refresh([article.pk])
    assert shown(article) == [f"Bài {n}" for n in range(6)]


def test_never_itself_never_an_article_not_live(section):
    """Not live means draft, submitted, returned or scheduled, even when picked by hand."""
    article = live(section, "Bài chính", tags=["x"])
    hidden = hidden_articles(section)
    for position, other in enumerate(hidden):
        other.tags.add("x")
        RelatedArticle.objects.create(from_article=article, to_article=other, position=position)
    visible = live(section, "Hiện")
    assert rule(article) == ["Hiện"]
    related.refresh([article.pk])
    assert shown(article) == [visible.title]


def test_one_query_whatever_the_number(section, django_assert_num_queries):
    """Reading a stored list that fills the block is one query, the sections joined."""
    article = live(section, "Bài chính", tags=[f"t{n}" for n in range(5)])
    for n in range(20):
        other = live(section, f"Bài {n}", tags=["t1"])
        RelatedArticle.objects.create(from_article=article, to_article=other, position=n)
    article = Article.objects.select_related("suggestions").get(pk=article.pk)
    assert len(article.suggestions.ids) == related.SUGGESTED  # stored as each pick was made
    with django_assert_num_queries(1):
        shown_list = related_articles(article)
    assert len(shown_list) == 6
    assert shown_list[0].section.name == section.name  # the URL needs no further query


def test_an_article_alone_has_none(section):
    assert shown(live(section, "Một mình")) == []


def test_candidates_are_bounded_per_source(section, monkeypatch, django_assert_num_queries):
    """Each source (picks, section, every tag) is a LIMIT window; only its rows are scored."""
    monkeypatch.setattr(related, "PER_TAG", 2)
    other = SectionFactory()
    article = live(section, "Bài chính", tags=["a"])
    # The newest by date, but the oldest by id: outside the newest two ids of the tag.
    live(other, "Tạo trước", hours_ago=1, tags=["a"])
    for n in range(3):
        live(other, f"Tạo sau {n}", hours_ago=5 + n, tags=["a"])
    with django_assert_num_queries(4) as captured:  # tags, picks, candidates, shared tags
        chosen = related.suggest(article)
    assert titles(Article.objects.filter(pk__in=chosen)) == ["Tạo sau 1", "Tạo sau 2"]
    sql = captured.captured_queries[2]["sql"]
    # Two windows (section, the tag); the picks are a list of ids.
    assert sql.count("AS window_") == 2
    assert sql.count("LIMIT") == 2


def test_scheduled_and_drafts_never_fill_a_window(section, monkeypatch):
    """The newest of a tag or section being drafts or scheduled, live ones still come."""
    monkeypatch.setattr(related, "PER_TAG", 2)
    article = live(section, "Bài chính", tags=["x"])
    older = [live(section, f"Cũ {n}", hours_ago=10 + n, tags=["x"]) for n in range(2)]
    for other in hidden_articles(section):  # made after: the newest ids and dates
        other.tags.add("x")
    assert rule(article) == titles(older)


def test_stored_when_published_and_when_tags_or_picks_change(section):
    """The desk's changes store the list; a draft's changes store nothing."""
    other = SectionFactory()
    live(other, "Chung thẻ", hours_ago=3, tags=["bão"])
    picked = live(other, "Chọn tay", hours_ago=100)
    draft = ArticleFactory(section=section, title="Bản nháp")
    draft.tags.add("bão")
    assert not Suggestions.objects.filter(article=draft).exists()
    draft.status, draft.published_at = Article.Status.PUBLISHED, timezone.now()
    draft.save()
    assert shown(draft) == ["Chung thẻ"]
    RelatedArticle.objects.create(from_article=draft, to_article=picked, position=0)
    assert shown(draft) == ["Chọn tay"]
    RelatedArticle.objects.filter(from_article=draft).delete()
    assert shown(draft) == ["Chung thẻ"]
    draft.tags.remove("bão")
    assert shown(draft) == []


def test_the_live_rule_applies_when_read(section):
    """Unpublished after its list was stored: gone from the page, the section fills in."""
    article = live(section, "Bài chính", tags=["x"])
    gone = live(section, "Sẽ gỡ", hours_ago=2, tags=["x"])
    kept = live(section, "Giữ", hours_ago=3)
    related.refresh([article.pk])
    assert shown(article) == ["Sẽ gỡ", "Giữ"]
    Article.objects.filter(pk=gone.pk).update(status=Article.Status.DRAFT)
    newer = live(section, "Mới hơn", hours_ago=0)  # published after the list was stored
    assert shown(article) == [kept.title, newer.title]


def test_a_list_is_the_rule_as_it_stood_until_refreshed(section):
    """Newer articles join an older article's list when it changes or the command runs."""
    article = live(section, "Bài chính", tags=["x"])
    fillers = [live(section, f"Cùng mục {n}", hours_ago=5 + n) for n in range(6)]
    related.refresh([article.pk])
    assert shown(article) == titles(fillers)
    live(SectionFactory(), "Tin tiếp theo", hours_ago=0, tags=["x"])
    assert "Tin tiếp theo" not in shown(article)
    out = StringIO()
    call_command("suggest_related", stdout=out)
    assert shown(article)[0] == "Tin tiếp theo"
    assert "Đã tính lại" in out.getvalue()


def test_never_stored_the_rule_applies_now(section):
    """A row older than the column (null) gets the rule at read time."""
    article = live(section, "Bài chính")
    live(section, "Khác", hours_ago=3)
    Suggestions.objects.filter(article=article).delete()
    assert shown(article) == ["Khác"]


@pytest.mark.parametrize("top_up", [False, True])
def test_the_bulk_rule_is_the_rule(section, monkeypatch, settings, top_up):
    """``refresh_all`` (memory; ranked once per section and tags where it can) stores for
    every article what ``suggest`` (SQL) chooses."""
    settings.NEWSROOM_RELATED_TOP_UP = top_up
    monkeypatch.setattr(related, "PER_TAG", 3)
    monkeypatch.setattr(related, "MAX_TAGS", 2)
    sections = [section, SectionFactory(), SectionFactory(parent=section)]
    tags = ["a", "b", "c", "d"]
    articles = []
    for n in range(30):
        article = live(
            sections[n % 3],
            f"Bài {n}",
            hours_ago=(n * 7) % 50,
            tags=[tags[(n + k) % 4] for k in range(n % 4)],
        )
        if n % 5 == 0 and articles:
            for position, target in enumerate(articles[-3:]):
                RelatedArticle.objects.create(
                    from_article=article, to_article=target, position=3 - position
                )
        articles.append(article)
    for hidden in hidden_articles(section):
        hidden.tags.add("a", "b")
    Suggestions.objects.all().delete()
    assert related.refresh_all() == 30 + 1  # the scheduled one is published too
    for article in Article.objects.filter(status=Article.Status.PUBLISHED):
        assert article.suggestions.ids == related.suggest(article), article.title


def test_deleting_articles_with_picks_leaves_no_list_behind(section):
    """One by one or as a queryset (the admin's bulk delete): the picks go with their
    article and refresh nothing of it; a list that showed a deleted article is redone."""
    first, second, third = (live(section, f"Bài {n}", hours_ago=n) for n in range(3))
    RelatedArticle.objects.create(from_article=first, to_article=second, position=0)
    RelatedArticle.objects.create(from_article=second, to_article=third, position=0)
    RelatedArticle.objects.create(from_article=third, to_article=first, position=0)
    first.delete()
    assert shown(third) == ["Bài 1"]  # its pick went: the rule again
    Article.objects.filter(pk__in=[second.pk, third.pk]).delete()
    assert not Suggestions.objects.exists()
