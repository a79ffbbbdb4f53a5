"""Who may see, edit, link and delete which article in the admin: the rule, in one place.

The QuerySet methods are the rule: ``Article.objects.visible_to(user)``, ``editable_by``,
``linkable_by``, ``deletable_by`` (the admin's lists and autocompletes, the drafts page,
``publishing``'s checks over many articles). For the one article a page or a workflow
function holds, ``article.is_visible_to(user)`` and its siblings decide the same rule from
the instance, as ``is_live`` does for ``live()``: no query for an editor, at most one for a
journalist, and the state the caller holds (``publishing`` passes the locked row).
tests/test_publishing_rules.py checks that the two forms agree for every role and state.
"""

from django.db import models


def is_editor(user) -> bool:
    """Editors review, and may see and edit any article."""
    return user.is_active and user.has_perm("articles.review_article")


def may(user, action: str) -> bool:
    """``user`` holds the model permission ``articles.<action>_article``."""
    return user.is_active and user.has_perm(f"articles.{action}_article")


class AccessQuerySet(models.QuerySet):
    def written_by(self, user):
        """The articles ``user`` created or is credited on ("Bản nháp của tôi")."""
        # One id list, read through two indexes (created_by, and the authors rows by user): an
        # OR of the two conditions no index serves read the whole archive (1.2 s a page for a
        # journalist at 1,000,000 articles; 48 ms this way, bench/README.md).
        articles = self.model._default_manager
        created = articles.filter(created_by=user).order_by().values("pk")
        credited = self.model.authors.through.objects.filter(user=user)
        return self.filter(pk__in=created.union(credited.order_by().values("article_id")))

    def visible_to(self, user):
        """The articles ``user`` sees in the admin: every one for an editor, else their own."""
        if not may(user, "view"):
            return self.none()
        return self if is_editor(user) else self.written_by(user)

    def editable_by(self, user):
        """The articles ``user`` may edit: every one for an editor; a journalist their own
        drafts, returned ones and live ones (whose edits then wait for an editor)."""
        if not may(user, "change"):
            return self.none()
        if is_editor(user):
            return self
        editable = self.filter(status__in=self.model.EDITABLE_BY_AUTHOR) | self.live()
        return editable.written_by(user)

    def linkable_by(self, user):
        """The articles ``user`` may pick as related: what they see, and what readers see."""
        if not may(user, "view"):
            return self.none()
        if is_editor(user):
            return self
        # Another journalist's draft stays theirs until it is live. The live rule as
        # conditions on the row (no subquery over every live article): an OR of the two.
        return self.written_by(user) | self.live()

    def deletable_by(self, user):
        """The articles ``user`` may delete: those they see, if they hold ``delete_article``
        (of the newsroom's groups, the editors: every article)."""
        return self.visible_to(user) if may(user, "delete") else self.none()


class AccessMixin:
    """The same rule for one article (``Article`` inherits it)."""

    def is_written_by(self, user) -> bool:
        """``user`` created the article or is credited on it; true of one being written."""
        if self.pk is None or self.created_by_id == user.pk:
            return True
        return self.authors.filter(pk=user.pk).exists()

    def is_visible_to(self, user) -> bool:
        """As ``visible_to``, for this article."""
        return may(user, "view") and (is_editor(user) or self.is_written_by(user))

    def is_editable_by(self, user) -> bool:
        """As ``editable_by``, for this article in the state it holds."""
        if not may(user, "change"):
            return False
        if is_editor(user):
            return True
        editable = self.status in self.EDITABLE_BY_AUTHOR or self.is_live
        return editable and self.is_written_by(user)

    def is_deletable_by(self, user) -> bool:
        """As ``deletable_by``, for this article."""
        return may(user, "delete") and self.is_visible_to(user)
