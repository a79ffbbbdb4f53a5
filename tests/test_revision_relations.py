"""Revisions keep tags, authors and hand-picked related articles; restoring brings them back."""

import pytest

from articles import publishing
from articles.models import Article, RelatedArticle
from tests.article_forms import change_url, diff_url, form_data, newest, restore_url
from tests.factories import ArticleFactory, UserFactory, own_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def hoa(db):
    return UserFactory(is_staff=True, last_name="Trần", first_name="Hoa")


@pytest.fixture
def minh(db):
    return UserFactory(is_staff=True, last_name="Lê", first_name="Minh")


def relations(article):
    """What ``article`` has now, in the order readers see it."""
    return (
        [tag.name for tag in article.tags.all()],
        sorted(article.authors.values_list("pk", flat=True)),
        [link.to_article_id for link in article.related_links.all()],
    )


def test_restoring_a_draft_brings_back_its_tags_authors_and_picks(client, editor, hoa, minh):
    first_pick = ArticleFactory(live=True, title="Cảng Lạch Huyện đón tàu lớn")
    second_pick = ArticleFactory(live=True, title="Đà Lạt thu gom rác thải nhựa")
    article = ArticleFactory()
    client.force_login(editor)
    row = {"to_article": first_pick.pk, "position": 0}
    data = form_data(article, rows=[row], tags=["cảng biển", "logistics"], authors=[hoa.pk])
    assert client.post(change_url(article), data).status_code == 302
    before = newest(article)
    # One save, one revision, holding what the form saved besides the article's row.
    assert article.history.count() == 2
    assert before.relations == {
        "tags": ["cảng biển", "logistics"],
        "authors": [hoa.pk],
        "related": [[first_pick.pk, 0]],
    }

    article.refresh_from_db()
    link = article.related_links.get()
    rows = [
        {"id": link.pk, "to_article": first_pick.pk, "position": 0, "DELETE": "on"},
        {"to_article": second_pick.pk, "position": 0},
    ]
    data = form_data(article, rows=rows, initial=1, tags=["kinh tế"], authors=[minh.pk])
    assert client.post(change_url(article), data).status_code == 302
    after = newest(article)
    assert article.history.count() == 3
    assert after.relations == {
        "tags": ["kinh tế"],
        "authors": [minh.pk],
        "related": [[second_pick.pk, 0]],
    }

    page = client.get(diff_url(article), {"a": before.history_id, "b": after.history_id})
    text = page.content.decode()
    assert "<th>Thẻ</th><td><del>cảng biển, logistics</del><ins>kinh tế</ins></td>" in text
    assert "<del>Trần Hoa</del><ins>Lê Minh</ins>" in text
    assert "<del>Cảng Lạch Huyện đón tàu lớn</del><ins>Đà Lạt thu gom rác thải nhựa</ins>" in text

    confirm = client.get(restore_url(article, before)).content.decode()
    assert (
        "<ins>cảng biển, logistics</ins>" in confirm and "thẻ, tác giả, bài liên quan" in confirm
    )
    assert client.post(restore_url(article, before)).status_code == 302
    assert relations(article) == (["cảng biển", "logistics"], [hoa.pk], [first_pick.pk])
    restored = newest(article)
    assert restored.history_change_reason == "Khôi phục phiên bản 2"
    assert restored.relations == before.relations
    assert article.history.count() == 4


def test_restoring_a_live_article_stages_its_tags_authors_and_picks(editor, hoa, minh):
    pick = ArticleFactory(live=True)
    article = ArticleFactory(live=True)
    # Relations changed after the save that made the revision complete it (a factory, an
    # importer); they make no revision of their own.
    article.tags.set(["cảng biển", "logistics"])
    article.authors.set([hoa])
    RelatedArticle.objects.create(from_article=article, to_article=pick, position=0)
    original = article.history.get()
    assert original.relations == {
        "tags": ["cảng biển", "logistics"],
        "authors": [hoa.pk],
        "related": [[pick.pk, 0]],
    }

    publishing.stage_edit(
        article,
        by=editor,
        version=article.version,
        tags=["kinh tế"],
        authors=[minh.pk],
        related=[],
    )
    publishing.publish_pending(article, by=editor, version=article.version)
    assert relations(article) == (["kinh tế"], [minh.pk], [])
    assert newest(article).relations == {"tags": ["kinh tế"], "authors": [minh.pk], "related": []}

    publishing.restore(article, by=editor, revision=original)
    assert relations(article) == (["kinh tế"], [minh.pk], [])  # readers: unchanged yet
    pending = publishing.pending_of(article)
    assert (pending.data["tags"], pending.data["authors"]) == (
        ["cảng biển", "logistics"],
        [hoa.pk],
    )
    assert pending.data["related"] == [[pick.pk, 0]]
    publishing.publish_pending(article, by=editor, version=article.version)
    assert relations(article) == (["cảng biển", "logistics"], [hoa.pk], [pick.pk])
    assert newest(article).relations == original.relations


def test_a_revision_older_than_kept_relations_restores_only_the_content(client, editor):
    article = ArticleFactory(title="Bản cũ")
    article.tags.set(["giữ nguyên"])
    original = article.history.get()
    Article.history.model.objects.filter(pk=original.pk).update(relations=None)
    original.refresh_from_db()
    article.title = "Bản mới"
    publishing.save_edit(article, by=editor, version=article.version)
    client.force_login(editor)
    confirm = client.get(restore_url(article, original)).content.decode()
    assert "thẻ, tác giả và bài liên quan: những mục này giữ như hiện tại" in confirm
    assert "<th>Thẻ</th>" not in confirm
    publishing.restore(article, by=editor, revision=original)
    assert article.title == "Bản cũ"
    assert [tag.name for tag in article.tags.all()] == ["giữ nguyên"]


def test_deleting_a_picked_article_leaves_the_revisions_that_picked_it(editor):
    pick = ArticleFactory(live=True)
    article = ArticleFactory()
    RelatedArticle.objects.create(from_article=article, to_article=pick, position=0)
    picked = pick.pk
    pick.delete()
    revision = newest(article)
    assert revision.relations["related"] == [[picked, 0]]  # history is not rewritten
    publishing.restore(article, by=editor, revision=revision)  # the gone pick is left out
    assert not article.related_links.exists()


def test_a_restored_pick_comes_back_only_if_the_restorer_may_link_it(
    client, journalist, other_journalist, editor
):
    mine = own_article(journalist, title="Bài của tôi")
    theirs = own_article(other_journalist, title="Bài của đồng nghiệp", live=True)
    article = own_article(journalist)
    publishing.set_related(article, [(mine.pk, 0), (theirs.pk, 1)])
    picked = article.history.get()
    assert picked.relations["related"] == [[mine.pk, 0], [theirs.pk, 1]]
    publishing.save_edit(article, by=journalist, version=article.version)
    publishing.set_related(article, [])
    assert newest(article).relations["related"] == []
    publishing.unpublish(theirs, by=editor)  # a colleague's draft again: not for others
    client.force_login(journalist)
    confirm = client.get(restore_url(article, picked)).content.decode()
    assert "<ins>Bài của tôi</ins>" in confirm and "Bài của đồng nghiệp" not in confirm
    publishing.restore(article, by=journalist, revision=picked)
    assert [link.to_article_id for link in article.related_links.all()] == [mine.pk]
    publishing.restore(article, by=editor, revision=picked)  # editors link any article
    assert [link.to_article_id for link in article.related_links.all()] == [mine.pk, theirs.pk]
