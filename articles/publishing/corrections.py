"""Corrections and update notes added to a live article (issue #13)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction

from articles.models import Article, Correction

from .rules import System, can_publish, person_of, refuse_unless
from .trail import locked, step

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser as User


def can_correct(user: User | System, article: Article) -> bool:
    """Who may put an article live may add a correction to it (the editors): a correction
    changes what readers see at once, as "Cập nhật bài" does. Journalists may not."""
    return can_publish(user)


@transaction.atomic
def add_correction(article: Article, kind: str, text: str, *, by: User | System) -> Correction:
    """Add a correction (``Correction.Kind``) to the live ``article``, recorded in the trail.

    ``published_at`` never moves: the article was published when it was. ``updated_at``
    does (a change readers see after publication; the article page's "Cập nhật lúc …" and
    the sitemaps' ``lastmod`` read it), written with an ``UPDATE`` so the content is not
    saved again (no revision, no new version: a form open on the article stays valid). The
    correction's own row moves the page cache (``articles/invalidation.py``).
    """
    fresh = locked(article)
    refuse_unless(can_correct(by, fresh), "Chỉ biên tập viên mới thêm được đính chính.")
    if not fresh.is_live:
        raise ValidationError(
            "Chỉ thêm đính chính cho bài đang trên trang; bài này bạn đọc chưa thấy hoặc đã gỡ."
        )
    correction = Correction(article=fresh, kind=kind, text=text, created_by=person_of(by))
    correction.full_clean(exclude=["article", "created_by"])
    correction.save()
    Article.objects.filter(pk=fresh.pk).update(updated_at=correction.created_at)
    article.updated_at = fresh.updated_at = correction.created_at
    step(fresh, by=by, action="add_correction", note=correction_note(correction))
    return correction


def correction_note(correction: Correction) -> str:
    """The trail's note: what readers now read."""
    return f"{correction.get_kind_display()}: {correction.text}"
