"""The system callers' bulk path: many new articles, each with its state and trail,
written with bulk operations (``seed_bench`` writes a million this way)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from articles import richtext
from articles.models import Article, Photo, StateChange

from .rules import Status, System, uncredited
from .trail import announce, logger

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser as User


@dataclass(frozen=True, slots=True)
class Step:
    """One move of a new article's trail, for ``create_many``: to ``to_status`` at ``at``;
    ``published_at`` with a move to published (later than ``at``: a schedule); ``credit``
    the person the trail names beside the system caller, if any; ``note``."""

    to_status: str
    at: datetime
    published_at: datetime | None = None
    credit: User | None = None
    note: str = ""


# The moves the workflow functions make, (from, to) → the function's name.
MOVES = {
    (Status.DRAFT, Status.SUBMITTED): "submit",
    (Status.RETURNED, Status.SUBMITTED): "submit",
    (Status.SUBMITTED, Status.RETURNED): "return",
    (Status.SUBMITTED, Status.PUBLISHED): "approve",
    (Status.DRAFT, Status.PUBLISHED): "publish",
    (Status.RETURNED, Status.PUBLISHED): "publish",
    (Status.PUBLISHED, Status.DRAFT): "unpublish",
}


@transaction.atomic
def create_many(
    articles: list[Article],
    trails: list[list[Step]],
    *,
    by: System,
    insert: Callable[[list[Article]], None] | None = None,
    insert_trail: Callable[[list[dict]], None] | None = None,
) -> list[Article]:
    """Write new articles, each moved along its trail (a list of ``Step``), in bulk: the
    system callers' path (seed commands, importers), checking no permission.

    The articles' state, schedule and version come from their trails, which are checked
    against the workflow (``MOVES``; publishing needs credited photos) and written as their
    ``StateChange`` rows. ``insert`` writes the articles and gives them ids (by default each
    one's ``save()``: what a save derives, a revision); ``insert_trail`` writes the trail
    rows, each a dict of ``StateChange`` columns (by default ``bulk_create``): ``seed_bench``
    passes ``COPY`` for both. One log line for the lot; ``state_changed`` for each step
    once the transaction commits.
    """
    if not isinstance(by, System):
        raise PermissionDenied("Chỉ hệ thống (lệnh nạp dữ liệu, nhập bài) mới tạo bài hàng loạt.")
    moves = []  # (article, from_status, step, action)
    for article, trail in zip(articles, trails, strict=True):
        status, published_at = Status.DRAFT, None
        for step in trail:
            action = MOVES.get((status, step.to_status))
            if action is None or (step.to_status == Status.PUBLISHED) != bool(step.published_at):
                labels = dict(Status.choices)
                raise ValidationError(
                    f"Không thể chuyển bài “{article.title}” từ “{labels.get(status, status)}” "
                    f"sang “{labels.get(step.to_status, step.to_status)}”."
                )
            if action == "publish" and step.published_at > step.at:
                action = "schedule"
            moves.append((article, status, step, action))
            status, published_at = step.to_status, step.published_at
        article.status, article.published_at = status, published_at
        article.version = 1 + len(trail)
    _refuse_uncredited([a for a in articles if a.status == Status.PUBLISHED])
    if insert is None:
        _save_each(articles, by=by)
    else:
        insert(articles)
    # Plain rows (column → value): a million model instances would cost a minute to build.
    changes = [
        {
            "article_id": article.pk,
            "from_status": from_status,
            "to_status": step.to_status,
            "published_at": step.published_at,
            "by_id": step.credit.pk if step.credit is not None else None,
            "system": by.name,
            "at": step.at,
            "note": step.note,
        }
        for article, from_status, step, _action in moves
    ]
    if insert_trail is None:
        StateChange.objects.bulk_create(StateChange(**row) for row in changes)
    else:
        insert_trail(changes)
    states = Counter(article.status for article in articles)
    logger.info(
        "create_many: %s articles (%s), %s steps, by %s",
        len(articles),
        ", ".join(f"{count} {status}" for status, count in sorted(states.items())),
        len(changes),
        by.get_username(),
    )

    for article, from_status, step, action in moves:
        announce(
            article,
            by=by,
            action=action,
            from_status=from_status,
            to_status=step.to_status,
            at=step.at,
            quiet=True,
        )
    return articles


def _save_each(articles: list[Article], *, by: System) -> None:
    for article in articles:
        article._history_user = None
        article._change_reason = f"Tạo bài ({by.name})"
        article.save()


def _refuse_uncredited(articles: list[Article]) -> None:
    """The photo credit rule of ``publish``, for many articles in one query."""
    ids = {pk for a in articles for pk in (a.lead_photo_id, *richtext.photo_ids(a.body))}
    missing = Photo.objects.filter(pk__in=ids - {None}, credit="").order_by("pk")
    if missing:
        raise uncredited("Không thể xuất bản", list(missing))
