"""How every move is made and told: the row locked, the step recorded (``StateChange``),
the version bumped, one log line, and ``signals.state_changed`` once the transaction
commits (``articles/signals.py``)."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from articles.models import Article, StateChange
from articles.signals import state_changed

from .rules import System, person_of, system_of

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser as User


logger = logging.getLogger("articles.publishing")


def locked(article: Article) -> Article:
    return Article.objects.select_for_update().get(pk=article.pk)


def record(
    article: Article,
    fresh: Article,
    *,
    by: User | System,
    action: str,
    to_status: str,
    published_at: datetime | None,
    note: str = "",
    reason: str,
) -> Article:
    """Move ``fresh`` (the locked row) to ``to_status``: saved with a new version and
    revision, a step in the trail, told; ``article`` (the caller's copy) follows."""
    from_status = fresh.status
    fresh.status, fresh.published_at = to_status, published_at
    fresh.version += 1  # the row is locked: no one else can move it meanwhile
    fresh._change_reason = reason
    fresh._history_user = person_of(by)
    fresh.save()
    step(fresh, by=by, action=action, from_status=from_status, note=note)
    # The caller's instance follows, so it can't be saved back over the change.
    for name in ("status", "published_at", "version"):
        setattr(article, name, getattr(fresh, name))
    return fresh


def step(
    article: Article, *, by: User | System, action: str, note: str, from_status: str | None = None
) -> None:
    """A row of the trail for ``article`` as it is now, from ``from_status`` (by default its
    state: a live article updated for readers), and its announcement."""
    signature = signed(by, note)
    from_status = article.status if from_status is None else from_status
    StateChange.objects.create(
        article=article,
        from_status=from_status,
        to_status=article.status,
        published_at=article.published_at,
        **signature,
    )
    announce(
        article,
        by=by,
        action=action,
        from_status=from_status,
        to_status=article.status,
        at=signature["at"],
    )


def signed(by: User | System, note: str) -> dict:
    """Who, when and why, as each row of the trail holds them (``StateChange``,
    ``ArticleDeletion``): the person, or the system caller that skipped the checks."""
    return {"by": person_of(by), "system": system_of(by), "at": timezone.now(), "note": note}


def announce(
    article: Article,
    *,
    by: User | System,
    action: str,
    from_status: str,
    to_status: str | None,
    at: datetime,
    article_id: int | None = None,
    quiet: bool = False,
) -> None:
    """One log line now (unless ``quiet``: the bulk path logs one for the lot), and
    ``signals.state_changed`` once the transaction commits."""
    pk = article.pk if article_id is None else article_id
    if not quiet:
        logger.info(
            "%s: article %s “%s” %s -> %s by %s at %s",
            action,
            pk,
            article.title,
            from_status,
            to_status or "deleted",
            by.get_username(),
            at.isoformat(),
        )
    transaction.on_commit(
        lambda: state_changed.send(
            sender=Article,
            article=article,
            article_id=pk,
            by=by,
            action=action,
            from_status=from_status,
            to_status=to_status,
            at=at,
        )
    )
