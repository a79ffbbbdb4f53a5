"""Deleting through publishing: a trail entry that outlives the article, who may, all or
nothing."""

import logging

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from articles import publishing
from articles.models import Article, ArticleDeletion, StateChange
from tests.factories import own_article

pytestmark = pytest.mark.django_db

Status = Article.Status


# Deleting


def may_delete(user):
    """``user`` (a journalist) granted ``delete_article`` on top of their group's rights."""
    user.user_permissions.add(Permission.objects.get(codename="delete_article"))
    return type(user).objects.get(pk=user.pk)  # without the permission cache


def test_deleting_leaves_a_trail_entry_that_outlives_the_article(
    editor, journalist, received, caplog, django_capture_on_commit_callbacks
):
    article = own_article(journalist, status=Status.SUBMITTED, title="Bài sẽ bị xoá")
    publishing.approve(article, by=editor)
    pk, published_at = article.pk, article.published_at
    caplog.set_level(logging.INFO, logger="articles.publishing")
    caplog.clear()
    with django_capture_on_commit_callbacks(execute=True):
        publishing.delete(article, by=editor, note="Trùng bài.")
    assert not Article.objects.filter(pk=pk).exists()
    assert not StateChange.objects.filter(article_id=pk).exists()  # went with the article
    gone = ArticleDeletion.objects.get()
    assert (gone.article_id, gone.title, gone.from_status, gone.by, gone.note) == (
        pk,
        "Bài sẽ bị xoá",
        Status.PUBLISHED,
        editor,
        "Trùng bài.",
    )
    assert gone.published_at == published_at and gone.at <= timezone.now()
    assert [
        (r["action"], r["article_id"], r["from_status"], r["to_status"]) for r in received
    ] == [("delete", pk, Status.PUBLISHED, None)]
    assert received[0]["at"] == gone.at and received[0]["by"] == editor
    lines = [r.getMessage() for r in caplog.records if r.name == "articles.publishing"]
    assert lines == [
        f"delete: article {pk} “Bài sẽ bị xoá” published -> deleted by bientap at "
        f"{gone.at.isoformat()}"
    ]
    assert article.pk is None


def test_journalists_may_not_delete_even_their_own(journalist):
    """As before: of the newsroom's groups only the editors hold ``delete_article``."""
    article = own_article(journalist)
    with pytest.raises(PermissionDenied):
        publishing.delete(article, by=journalist)
    with pytest.raises(PermissionDenied):
        publishing.delete_many([article], by=journalist)
    assert Article.objects.filter(pk=article.pk).exists()
    assert not ArticleDeletion.objects.exists()


def test_bulk_delete_deletes_all_or_nothing(journalist, other_journalist):
    """Someone granted ``delete_article`` alone deletes what they see: their own articles."""
    journalist = may_delete(journalist)
    mine = [own_article(journalist) for _ in range(2)]
    theirs = own_article(other_journalist, title="Bài của đồng nghiệp")
    with pytest.raises(PermissionDenied, match="Bài của đồng nghiệp") as refused:
        publishing.delete_many([*mine, theirs], by=journalist)
    assert "Chưa xoá bài nào" in str(refused.value)
    assert Article.objects.count() == 3 and not ArticleDeletion.objects.exists()
    assert (
        publishing.delete_many(Article.objects.filter(created_by=journalist), by=journalist) == 2
    )
    assert list(Article.objects.all()) == [theirs]
    assert sorted(ArticleDeletion.objects.values_list("article_id", flat=True)) == sorted(
        a.pk for a in mine
    )
