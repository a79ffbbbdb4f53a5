"""Who may do what, and the rules every move shares.

The permission checks are thin users of the one rule of ``articles/models/access.py``
(``visible_to``, ``editable_by``, ``linkable_by``, ``deletable_by``) or of a model
permission. ``System`` is the caller that skips them on purpose. A schedule must be in the
future, and what is published must credit its photos.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, ClassVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.utils import timezone

from articles import richtext
from articles.models import Article, PendingEdit, Photo
from articles.models.access import is_editor

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser as User


Status = Article.Status

EDITABLE_BY_AUTHOR = Article.EDITABLE_BY_AUTHOR


@dataclass(frozen=True)
class System:
    """A caller that is no person: a seed command, an importer. Every publishing function
    takes one as ``by`` and then skips its permission checks, on purpose (as Wagtail's actions
    take ``skip_permission_checks``): it passes every ``has_perm``, as an active superuser
    does. The workflow's rules still hold (states, schedule, photo credits), and the trail
    records the change as the system's: ``StateChange.system`` names it, ``by`` is empty.
    """

    name: str = "hệ thống"
    is_active: ClassVar[bool] = True
    pk: ClassVar[None] = None

    def has_perm(self, perm: str, obj=None) -> bool:
        return True

    def get_username(self) -> str:
        return f"system:{self.name}"

    def __str__(self) -> str:
        return self.name


SYSTEM = System()


def person_of(by: User | System) -> User | None:
    """Whom the trail and the history name: nobody for a system caller."""
    return None if isinstance(by, System) else by


def system_of(by: User | System) -> str:
    """The system caller's name for the trail; empty for a person."""
    return by.name if isinstance(by, System) else ""


def can_publish(user: User) -> bool:
    """Publishing, scheduling, rescheduling and unpublishing need ``publish_article``."""
    return user.is_active and user.has_perm("articles.publish_article")


def can_view(user: User, article: Article) -> bool:
    """Editors see every article in the admin; a journalist sees their own
    (``Article.objects.visible_to``)."""
    return article.is_visible_to(user)


def can_edit(user: User, article: Article) -> bool:
    """Editors edit any article; a journalist edits their own drafts and returned ones, and
    their own live article, whose edits then wait for an editor (``stage_edit``;
    ``Article.objects.editable_by``)."""
    return article.is_editable_by(user)


def can_delete(user: User, article: Article) -> bool:
    """Who holds ``delete_article`` (the editors) deletes the articles they see
    (``Article.objects.deletable_by``)."""
    return article.is_deletable_by(user)


def can_link(user: User, article: Article) -> bool:
    """``user`` may link ``article`` as a related article (``Article.objects.linkable_by``)."""
    return Article.objects.linkable_by(user).filter(pk=article.pk).exists()


def usable_photos(user: User) -> QuerySet:
    """Photos ``user`` may put in an article: the whole shared library, for anyone who may
    see it (the admin's photo picker and autocomplete ask the same permissions)."""
    allowed = user.is_active and (
        user.has_perm("articles.view_photo") or user.has_perm("articles.change_photo")
    )
    return Photo.objects.all() if allowed else Photo.objects.none()


def available_actions(user: User, article: Article) -> list[str]:
    """The workflow buttons ``user`` may press on ``article`` now."""
    actions = []
    if article.status in EDITABLE_BY_AUTHOR and can_edit(user, article):
        actions.append("submit")
    if article.status == Status.SUBMITTED and is_editor(user):
        actions.append("return")
    if article.status != Status.PUBLISHED and can_publish(user):
        actions += ["publish", "schedule"]
    if article.status == Status.PUBLISHED and can_publish(user):
        if article.is_scheduled:
            actions.append("reschedule")
        actions.append("unpublish")
    if article.pk is not None and PendingEdit.objects.filter(article=article.pk).exists():
        if article.is_live and can_publish(user):
            actions.append("publish_pending")
        if can_edit(user, article):
            actions.append("discard_pending")
    return actions


def stages_edits(article: Article) -> bool:
    """A save of ``article`` waits as a pending edit: readers see the article now. A
    scheduled one is not on the site yet, so its saves are written at once, as a draft's."""
    return article.is_live


def refuse_unless(allowed: bool, message: str) -> None:
    """``PermissionDenied`` with ``message`` (shown to the person) unless ``allowed``."""
    if not allowed:
        raise PermissionDenied(message)


def future(at: datetime | None) -> datetime:
    """``at`` as an aware moment, refused unless it is ahead (a schedule)."""
    if at is None:
        raise ValidationError("Hãy chọn ngày giờ hẹn xuất bản.")
    if timezone.is_naive(at):
        at = timezone.make_aware(at)
    if at <= timezone.now():
        raise ValidationError("Giờ hẹn phải ở tương lai.")
    return at


def photos_without_credit(article: Article) -> list[Photo]:
    """The lead photo and body photos of ``article`` that have no photographer credit."""
    ids = set(richtext.photo_ids(article.body))
    ids.update(article.photos.values_list("pk", flat=True))
    if article.lead_photo_id:
        ids.add(article.lead_photo_id)
    return [p for p in Photo.objects.filter(pk__in=ids).order_by("pk") if not p.credit.strip()]


def uncredited(what: str, photos: list[Photo]) -> ValidationError:
    """The refusal naming ``photos``, which lack a photographer credit."""
    names = "; ".join(f"“{p.caption[:60]}” (#{p.pk})" for p in photos)
    return ValidationError(f"{what}: ảnh chưa ghi tên tác giả ảnh: {names}.")
