"""Deleting articles, one or many: all of them or none, each leaving an
``ArticleDeletion`` that outlives it (its ``StateChange`` trail goes with it)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet

from articles.models import Article, ArticleDeletion

from .rules import System, can_delete, refuse_unless
from .trail import announce, locked, signed

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser as User


@transaction.atomic
def delete(article: Article, *, by: User | System, note: str = "") -> None:
    """Delete ``article`` for good. Its trail goes with it; an ``ArticleDeletion`` keeps who,
    when, its id, title and state. A live one leaves the reader pages as when unpublished
    (``articles/invalidation.py`` receives the deletion)."""
    fresh = locked(article)
    refuse_unless(can_delete(by, fresh), "Bạn không có quyền xoá bài này.")
    _delete([fresh], by=by, note=note)
    article.pk = None  # as Django leaves a deleted instance


@transaction.atomic
def delete_many(
    articles: Iterable[Article] | QuerySet, *, by: User | System, note: str = ""
) -> int:
    """Delete every one of ``articles`` (as ``delete``), or none of them: refused when ``by``
    may not delete one. Returns how many were deleted."""
    if isinstance(articles, QuerySet):
        ids = list(articles.order_by().values_list("pk", flat=True))
    else:
        ids = [article.pk for article in articles]
    locked = list(Article.objects.select_for_update().filter(pk__in=ids).order_by("pk"))
    _refuse_unless_deletable(locked, by=by)
    _delete(locked, by=by, note=note)
    return len(locked)


def check_delete_many(articles: QuerySet | Iterable[int], *, by: User | System) -> None:
    """Refuse (``PermissionDenied``, naming them) unless ``by`` may delete every one of
    ``articles`` (a queryset, or ids): a bulk delete deletes all of them or nothing."""
    if isinstance(articles, QuerySet):
        asked = Article.objects.filter(pk__in=articles.order_by().values("pk"))
    else:
        asked = Article.objects.filter(pk__in=list(articles))
    _refuse_unless_deletable(list(asked.only("title", "created_by")), by=by)


def _refuse_unless_deletable(articles: list[Article], *, by: User | System) -> None:
    if not (by.is_active and by.has_perm("articles.delete_article")):
        raise PermissionDenied("Bạn không có quyền xoá bài viết.")
    refused = [f"“{a.title}”" for a in articles if not can_delete(by, a)]
    if refused:
        more = ", …" if len(refused) > 5 else ""
        raise PermissionDenied(
            f"Bạn không có quyền xoá {', '.join(refused[:5])}{more}: chỉ xoá được bài mình "
            "được xem. Chưa xoá bài nào."
        )


def _delete(articles: list[Article], *, by: User | System, note: str) -> None:
    signature = signed(by, note.strip())
    ArticleDeletion.objects.bulk_create(
        ArticleDeletion(
            article_id=article.pk,
            title=article.title,
            from_status=article.status,
            published_at=article.published_at,
            **signature,
        )
        for article in articles
    )
    for article in articles:
        pk = article.pk
        article._history_user = signature["by"]
        article._change_reason = "Xoá bài"
        article.delete()
        announce(
            article,
            article_id=pk,
            by=by,
            action="delete",
            from_status=article.status,
            to_status=None,
            at=signature["at"],
        )
