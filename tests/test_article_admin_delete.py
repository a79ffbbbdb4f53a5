"""Deleting articles from the admin: through publishing, one or in bulk, and who may."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from articles.models import Article, ArticleDeletion
from tests.article_forms import CHANGELIST
from tests.factories import own_article

pytestmark = pytest.mark.django_db

Status = Article.Status


# Deleting: through publishing, single and bulk


def delete_action(client, articles, **extra):
    return client.post(
        reverse(CHANGELIST),
        {"action": "delete_selected", "_selected_action": [a.pk for a in articles], **extra},
        follow=True,
    )


def test_an_editor_deletes_one_article_and_the_trail_keeps_it(client, editor, journalist):
    article = own_article(journalist, live=True, title="Bài đăng nhầm")
    client.force_login(editor)
    url = reverse("admin:articles_article_delete", args=[article.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"post": "yes"}, follow=True)
    assert response.status_code == 200
    assert not Article.objects.filter(pk=article.pk).exists()
    gone = ArticleDeletion.objects.get()
    assert (gone.article_id, gone.title, gone.by, gone.from_status) == (
        article.pk,
        "Bài đăng nhầm",
        editor,
        Status.PUBLISHED,
    )


def test_an_editors_bulk_delete_confirms_then_deletes_through_publishing(
    client, editor, journalist
):
    articles = [own_article(journalist), own_article(journalist, live=True)]
    client.force_login(editor)
    confirm = delete_action(client, articles)
    assert confirm.status_code == 200 and 'name="post"' in confirm.content.decode()
    assert Article.objects.count() == 2
    done = delete_action(client, articles, post="yes")
    assert done.status_code == 200
    assert not Article.objects.exists()
    assert sorted(ArticleDeletion.objects.values_list("article_id", "by")) == sorted(
        (a.pk, editor.pk) for a in articles
    )


def test_bulk_delete_is_refused_unless_every_selected_article_may_be_deleted(
    client, journalist, other_journalist
):
    """A journalist granted ``delete_article`` selects their own and a colleague's (the list
    does not show it; the POST names it): nothing is deleted, a Vietnamese message says why."""
    journalist.user_permissions.add(Permission.objects.get(codename="delete_article"))
    mine = own_article(journalist)
    theirs = own_article(other_journalist, title="Bản nháp của đồng nghiệp")
    client.force_login(journalist)
    for extra in ({}, {"post": "yes"}):
        response = delete_action(client, [mine, theirs], **extra)
        assert response.status_code == 200
        page = response.content.decode()
        assert "Bạn không có quyền xoá “Bản nháp của đồng nghiệp”" in page
        assert "Chưa xoá bài nào" in page
        assert Article.objects.count() == 2 and not ArticleDeletion.objects.exists()
    assert 'name="post"' in delete_action(client, [mine]).content.decode()  # own: offered


def test_journalists_are_not_offered_delete(client, journalist):
    article = own_article(journalist)
    client.force_login(journalist)
    page = client.get(reverse(CHANGELIST)).content.decode()
    assert 'value="delete_selected"' not in page
    delete_action(client, [article], post="yes")
    assert Article.objects.filter(pk=article.pk).exists()
