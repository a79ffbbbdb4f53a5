"""A live article's pending edit: read it, show it, put it on the page ("Cập nhật bài")
or drop it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction

from articles import dates
from articles.models import Article, PendingEdit, Photo
from articles.names import full_name

from .edits import CONTENT_FIELDS, claim, set_relations
from .rules import (
    System,
    can_edit,
    can_publish,
    person_of,
    photos_without_credit,
    refuse_unless,
    uncredited,
)
from .trail import locked, step

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser as User


def pending_of(article: Article) -> PendingEdit | None:
    """The edit of ``article`` saved and not yet on its page, if any."""
    if article.pk is None:
        return None
    return PendingEdit.objects.select_related("edited_by").filter(article=article.pk).first()


def pending_article(article: Article, pending: PendingEdit) -> Article:
    """An unsaved copy of ``article`` holding the pending edit's fields, to show or compare
    (tags, authors and picks are in ``pending.data``)."""
    copy = Article.objects.get(pk=article.pk)
    for name in CONTENT_FIELDS:
        setattr(copy, name, pending.data.get(name, getattr(copy, name)))
    return copy


@transaction.atomic
def publish_pending(article: Article, *, by: User | System, version: int) -> Article:
    """Put ``article``'s pending edit on its page ("Cập nhật bài"): saved as any save is
    (a new revision and version; the page cache and "Xem thêm" follow), recorded in the
    trail. ``version`` is the one the editor reviewed the changes at: a later change to the
    pending edit is refused, so what goes out is what was shown."""
    current = locked(article)
    refuse_unless(can_publish(by), "Chỉ biên tập viên mới cập nhật bài đang trên trang.")
    pending = PendingEdit.objects.select_for_update().filter(article=current).first()
    if pending is None:
        raise ValidationError("Bài không có thay đổi nào chờ xuất bản.")
    if version != current.version:
        raise ValidationError(
            "Bài vừa được thay đổi sau khi bạn xem; hãy xem lại những gì sẽ đổi rồi cập nhật."
        )
    if not current.is_live:
        raise ValidationError("Bài không ở trên trang; hãy mở bài và lưu để giữ thay đổi.")
    data = pending.data
    for name in CONTENT_FIELDS:
        setattr(current, name, data.get(name, getattr(current, name)))
    if current.lead_photo_id and not Photo.objects.filter(pk=current.lead_photo_id).exists():
        current.lead_photo_id = None  # deleted since: as the foreign key would (SET_NULL)
    missing = photos_without_credit(current)
    if missing:
        raise uncredited("Chưa cập nhật", missing)
    current.full_clean(exclude=["created_by"])
    current.version += 1
    current._history_user = person_of(by)
    current._change_reason = "Cập nhật bài"
    current.save()
    set_relations(current, data)
    who = pending.edited_by
    saved = dates.format_time_date(pending.updated_at)
    note = f"Cập nhật bài: thay đổi lưu lúc {saved}"
    if who is not None:
        note += f" bởi {full_name(who)}"
    step(current, by=by, action="publish_pending", note=f"{note}.")
    pending.delete()
    for name in (*CONTENT_FIELDS, "version", "slug"):
        setattr(article, name, getattr(current, name))
    return current


@transaction.atomic
def discard_pending(article: Article, *, by: User | System, version: int | None = None) -> None:
    """Drop ``article``'s pending edit ("Bỏ thay đổi chưa xuất bản"); readers saw nothing of
    it. With ``version``, only if nothing changed since it was loaded."""
    current = locked(article)
    refuse_unless(can_edit(by, current), "Bạn không có quyền bỏ thay đổi của bài này.")
    pending = PendingEdit.objects.filter(article=current).first()
    if pending is None:
        raise ValidationError("Bài không có thay đổi nào chờ xuất bản.")
    if version is not None and version != current.version:
        raise ValidationError("Bài vừa được thay đổi sau khi bạn mở; hãy xem lại rồi thử lại.")
    claim(current, current.version)  # a form showing the edit is now out of date
    pending.delete()
    article.version = current.version + 1
