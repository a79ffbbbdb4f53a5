"""The workflow's moves of one article: create, submit, return, publish (approve,
schedule), reschedule, unpublish."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from articles.models import Article

from .rules import (
    EDITABLE_BY_AUTHOR,
    Status,
    System,
    can_edit,
    can_publish,
    future,
    is_editor,
    person_of,
    photos_without_credit,
    refuse_unless,
    uncredited,
)
from .trail import locked, record

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser as User


@transaction.atomic
def create(article: Article, *, by: User | System) -> Article:
    """Save a new article as a draft created by ``by`` (whatever state a form sent)."""
    refuse_unless(
        by.is_active and by.has_perm("articles.add_article"), "Bạn không có quyền viết bài mới."
    )
    article.status, article.published_at, article.version = Status.DRAFT, None, 1
    if not isinstance(by, System):  # a system caller keeps the creator it was given
        article.created_by = by
    article._history_user = person_of(by)
    article._change_reason = "Tạo bài"
    article.save()
    return article


@transaction.atomic
def submit(article: Article, *, by: User | System, note: str = "") -> Article:
    """Send a draft or returned article to the editors for review."""
    fresh = locked(article)
    refuse_unless(can_edit(by, fresh), "Bạn không có quyền gửi duyệt bài này.")
    if fresh.status not in EDITABLE_BY_AUTHOR:
        raise ValidationError("Chỉ gửi duyệt được bài nháp hoặc bài bị trả lại.")
    return record(
        article,
        fresh,
        by=by,
        action="submit",
        to_status=Status.SUBMITTED,
        published_at=None,
        note=note.strip(),
        reason="Gửi duyệt",
    )


@transaction.atomic
def return_to_author(article: Article, *, by: User | System, note: str) -> Article:
    """Send a submitted article back to its author, with the editor's note (required)."""
    fresh = locked(article)
    refuse_unless(is_editor(by), "Chỉ biên tập viên mới trả lại bài.")
    if fresh.status != Status.SUBMITTED:
        raise ValidationError("Chỉ trả lại được bài đang chờ duyệt.")
    note = (note or "").strip()
    if not note:
        raise ValidationError("Hãy ghi lý do trả lại bài để tác giả biết cần sửa gì.")
    return record(
        article,
        fresh,
        by=by,
        action="return",
        to_status=Status.RETURNED,
        published_at=None,
        note=note,
        reason="Trả lại",
    )


@transaction.atomic
def publish(
    article: Article, *, by: User | System, at: datetime | None = None, note: str = ""
) -> Article:
    """Publish now, or at ``at`` (a schedule: live from that moment, nothing has to run)."""
    return _publish(article, by=by, at=at, note=note)


@transaction.atomic
def approve(
    article: Article, *, by: User | System, at: datetime | None = None, note: str = ""
) -> Article:
    """Approve a submitted article: publish it now or schedule it at ``at``. Submitted as the
    locked row says, not as the caller's copy says (it may be one read before a return)."""
    return _publish(article, by=by, at=at, note=note, only_from=Status.SUBMITTED, action="approve")


def _publish(
    article: Article,
    *,
    by: User | System,
    at: datetime | None,
    note: str,
    only_from: str | None = None,
    action: str | None = None,
) -> Article:
    fresh = locked(article)
    refuse_unless(can_publish(by), "Bạn không có quyền xuất bản bài viết.")
    if only_from is not None and fresh.status != only_from:
        raise ValidationError("Chỉ duyệt được bài đang chờ duyệt.")
    if fresh.status == Status.PUBLISHED:
        raise ValidationError("Bài đã xuất bản hoặc đã hẹn giờ; hãy đổi giờ hoặc gỡ bài.")
    published_at = timezone.now() if at is None else future(at)
    missing = photos_without_credit(fresh)
    if missing:
        raise uncredited("Không thể xuất bản", missing)
    fresh.full_clean()
    return record(
        article,
        fresh,
        by=by,
        action=action or ("schedule" if at is not None else "publish"),
        to_status=Status.PUBLISHED,
        published_at=published_at,
        note=note.strip(),
        reason="Hẹn giờ xuất bản" if at is not None else "Xuất bản",
    )


def schedule(article: Article, *, by: User | System, at: datetime, note: str = "") -> Article:
    """Publish ``article`` at the future moment ``at``."""
    return publish(article, by=by, at=future(at), note=note)


@transaction.atomic
def reschedule(article: Article, *, by: User | System, at: datetime, note: str = "") -> Article:
    """Move a scheduled article to another future moment."""
    fresh = locked(article)
    refuse_unless(can_publish(by), "Bạn không có quyền hẹn giờ xuất bản.")
    if not fresh.is_scheduled:
        raise ValidationError("Chỉ đổi giờ được bài đang hẹn giờ.")
    return record(
        article,
        fresh,
        by=by,
        action="reschedule",
        to_status=Status.PUBLISHED,
        published_at=future(at),
        note=note.strip(),
        reason="Đổi giờ hẹn",
    )


@transaction.atomic
def unpublish(article: Article, *, by: User | System, note: str = "") -> Article:
    """Take a published or scheduled article off the site; it becomes a draft again."""
    fresh = locked(article)
    refuse_unless(can_publish(by), "Bạn không có quyền gỡ bài.")
    if fresh.status != Status.PUBLISHED:
        raise ValidationError("Bài chưa xuất bản nên không có gì để gỡ.")
    return record(
        article,
        fresh,
        by=by,
        action="unpublish",
        to_status=Status.DRAFT,
        published_at=None,
        note=note.strip(),
        reason="Gỡ bài",
    )
