"""The workflow from outside: a scheduled article appears at its minute, and the admin's
workflow buttons and actions obey the permission matrix."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from articles import publishing
from articles.models import Article, StateChange
from tests.factories import ArticleFactory, own_article

pytestmark = pytest.mark.django_db

Status = Article.Status


def workflow(client, article, action, **data):
    """POST one workflow button of the change form, as the browser would send it."""
    url = reverse("admin:articles_article_workflow", args=[article.pk])
    return client.post(url, {"action": action, "version": article.version, **data})


# Scheduling that cannot be missed


def test_scheduled_article_appears_exactly_at_its_time(client, editor):
    at = timezone.now().replace(microsecond=0) + timedelta(days=1)
    article = publishing.schedule(ArticleFactory(), by=editor, at=at)
    url = article.get_absolute_url()
    with time_machine.travel(at - timedelta(seconds=1), tick=False):
        assert article not in Article.objects.live()
        assert article in Article.objects.scheduled()
        assert client.get(url).status_code == 404
    with time_machine.travel(at, tick=False):
        assert article in Article.objects.live()
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("status", [Status.DRAFT, Status.SUBMITTED, Status.RETURNED])
def test_unpublished_articles_have_no_public_page(client, status):
    article = ArticleFactory(status=status, published_at=timezone.now() - timedelta(days=1))
    assert client.get(article.get_absolute_url()).status_code == 404


# The permission matrix, through the admin's workflow buttons

SUBMIT, RETURN, PUBLISH, SCHEDULE, RESCHEDULE, UNPUBLISH = (
    "submit",
    "return",
    "publish",
    "schedule",
    "reschedule",
    "unpublish",
)
START = {
    SUBMIT: {"status": Status.DRAFT},
    RETURN: {"status": Status.SUBMITTED},
    PUBLISH: {"status": Status.SUBMITTED},
    SCHEDULE: {"status": Status.SUBMITTED},
    RESCHEDULE: {"status": Status.PUBLISHED, "future": True},
    UNPUBLISH: {"status": Status.PUBLISHED},
}
EXPECTED = {
    SUBMIT: Status.SUBMITTED,
    RETURN: Status.RETURNED,
    PUBLISH: Status.PUBLISHED,
    SCHEDULE: Status.PUBLISHED,
    RESCHEDULE: Status.PUBLISHED,
    UNPUBLISH: Status.DRAFT,
}
# role → actions allowed on an article they wrote (journalist) or anyone's (editor)
ALLOWED = {
    "author": {SUBMIT},
    "other_journalist": set(),
    "editor": {SUBMIT, RETURN, PUBLISH, SCHEDULE, RESCHEDULE, UNPUBLISH},
}


def _start(action, author):
    start = START[action]
    published_at = None
    if start["status"] == Status.PUBLISHED:
        published_at = timezone.now() + (
            timedelta(days=1) if start.get("future") else -timedelta(hours=1)
        )
    return own_article(author, status=start["status"], published_at=published_at)


@pytest.mark.parametrize("role", sorted(ALLOWED))
@pytest.mark.parametrize("action", sorted(START))
def test_permission_matrix(client, journalist, other_journalist, editor, role, action):
    """Each role × each state change: allowed ones happen; the rest get 403, nothing changes."""
    user = {"author": journalist, "other_journalist": other_journalist, "editor": editor}[role]
    article = _start(action, journalist)
    before = Article.objects.filter(pk=article.pk).values().get()
    client.force_login(user)
    at = (timezone.localtime() + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")
    response = workflow(client, article, action, note="Cần thêm nguồn.", at=at)
    after = Article.objects.filter(pk=article.pk).values().get()
    if action in ALLOWED[role]:
        assert response.status_code == 302
        assert after["status"] == EXPECTED[action]
        assert StateChange.objects.filter(article=article, by=user).count() == 1
        if action in (SCHEDULE, RESCHEDULE):
            assert after["published_at"] > timezone.now() + timedelta(days=2)
    else:
        assert response.status_code == 403
        assert after == before
        assert not StateChange.objects.exists()


def test_workflow_refuses_a_stale_version_with_a_message(client, editor):
    article = ArticleFactory(status=Status.SUBMITTED)
    client.force_login(editor)
    url = reverse("admin:articles_article_workflow", args=[article.pk])
    response = client.post(url, {"action": "publish", "version": article.version - 1}, follow=True)
    assert "vừa được người khác thay đổi" in response.content.decode()
    assert Article.objects.get(pk=article.pk).status == Status.SUBMITTED


def test_return_without_note_comes_back_with_a_vietnamese_error(client, editor):
    article = ArticleFactory(status=Status.SUBMITTED)
    client.force_login(editor)
    response = workflow(client, article, "return", note="")
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Hãy ghi lý do trả lại bài" in page
    assert Article.objects.get(pk=article.pk).status == Status.SUBMITTED


def test_workflow_view_accepts_only_post(client, editor):
    client.force_login(editor)
    article = ArticleFactory()
    url = reverse("admin:articles_article_workflow", args=[article.pk])
    assert client.get(url).status_code == 405


def test_publish_action_from_the_changelist(client, editor, journalist):
    articles = [own_article(journalist, status=Status.SUBMITTED) for _ in range(2)]
    client.force_login(editor)
    client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_selected", "_selected_action": [a.pk for a in articles]},
    )
    assert Article.objects.live().count() == 2
    assert StateChange.objects.filter(by=editor, to_status=Status.PUBLISHED).count() == 2


def test_journalist_has_no_publish_action(client, journalist):
    article = own_article(journalist)
    client.force_login(journalist)
    client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_selected", "_selected_action": [article.pk]},
    )
    assert Article.objects.get(pk=article.pk).status == Status.DRAFT
