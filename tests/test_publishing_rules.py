"""Who may edit what: ``publishing.can_edit``, and the querysets (``visible_to``,
``editable_by``, ``deletable_by``) agreeing with the per-article checks for every role and
state."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles import publishing
from articles.models import Article
from tests.factories import ArticleFactory, own_article, staff_member

pytestmark = pytest.mark.django_db

Status = Article.Status


# can_edit


def test_journalist_edits_own_drafts_returned_and_live_articles_only(journalist, other_journalist):
    """A live one too since issue #10: their edit then waits for an editor (stage_edit)."""
    article = own_article(journalist)
    assert publishing.can_edit(journalist, article)
    assert not publishing.can_edit(other_journalist, article)
    now = timezone.now()
    for status, published_at, editable in [
        (Status.RETURNED, None, True),
        (Status.SUBMITTED, None, False),
        (Status.PUBLISHED, now + timedelta(hours=1), False),  # scheduled
        (Status.PUBLISHED, now - timedelta(hours=1), True),  # live: staged
    ]:
        article.status, article.published_at = status, published_at
        assert publishing.can_edit(journalist, article) is editable
    assert not publishing.can_edit(other_journalist, article)


def test_a_co_author_edits_too(journalist, other_journalist):
    article = own_article(journalist)
    article.authors.add(other_journalist)
    assert publishing.can_edit(other_journalist, article)


def test_editor_edits_any_article_in_any_state(editor, journalist):
    for status in Status.values:
        assert publishing.can_edit(editor, own_article(journalist, status=status))


# One rule: Article.objects.visible_to / editable_by / deletable_by and the per-article checks


def test_the_querysets_and_the_per_article_checks_agree(
    journalist, other_journalist, editor, django_user_model
):
    """Every role × every state × co-author or creator: one rule, in both its forms."""
    now = timezone.now()
    states = {
        "draft": {},
        "submitted": {"status": Status.SUBMITTED},
        "returned": {"status": Status.RETURNED},
        "scheduled": {"status": Status.PUBLISHED, "published_at": now + timedelta(hours=1)},
        "live": {"status": Status.PUBLISHED, "published_at": now - timedelta(hours=1)},
    }
    articles = {}
    for name, fields in states.items():
        articles[name] = own_article(journalist, **fields)
        credited = ArticleFactory(created_by=editor, **fields)  # credited, did not create it
        credited.authors.add(journalist)
        articles[f"{name}, credited"] = credited
    inactive = staff_member("Biên tập viên", username="da-nghi", is_active=False)
    nobody = django_user_model.objects.create_user("khach", is_staff=True)
    checks = [
        ("visible_to", publishing.can_view),
        ("editable_by", publishing.can_edit),
        ("deletable_by", publishing.can_delete),
        ("linkable_by", publishing.can_link),
    ]
    for user in (journalist, other_journalist, editor, inactive, nobody):
        for method, check in checks:
            allowed = set(getattr(Article.objects, method)(user).values_list("pk", flat=True))
            for name, article in articles.items():
                fresh = Article.objects.get(pk=article.pk)
                assert check(user, fresh) is (fresh.pk in allowed), (user, method, name)
    own = set(Article.objects.editable_by(journalist).values_list("pk", flat=True))
    assert own == {articles[name].pk for name in articles if name.split(",")[0] in EDITABLE}
    assert not Article.objects.editable_by(other_journalist).exists()
    assert Article.objects.editable_by(editor).count() == len(articles)


EDITABLE = ("draft", "returned", "live")
