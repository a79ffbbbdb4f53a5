"""The editorial workflow: every state change and every permission check, in one place.

The admin (buttons, actions, ``save_model``, the calendar) only calls these functions.
Each function locks the article's row, decides from what the database holds (never from
what a form sent), records a ``StateChange`` and bumps ``version`` so a form loaded
before the change cannot silently overwrite it.

A live article is not rewritten by a save (issue #10): ``stage_edit`` keeps the edit as the
article's ``PendingEdit`` and readers see the article as it was until an editor puts it on
the page with ``publish_pending`` ("Cập nhật bài"), or saves with ``publish_now`` ("Lưu và
xuất bản ngay"). Staging bumps ``version`` too (without touching the rest of the row), so
one counter guards both: a form loaded before someone staged, published or discarded an
edit is refused like one loaded before a save, and every form shows the pending edit,
so a save that passes the check carries it.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, ClassVar

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, QuerySet
from django.utils import timezone

from articles import richtext
from articles.models import (
    Article,
    ArticleDeletion,
    PendingEdit,
    Photo,
    RelatedArticle,
    StateChange,
)
from articles.models.access import is_editor
from articles.models.tag import clean_tag_names
from articles.names import full_name
from articles.signals import state_changed

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser as User

logger = logging.getLogger("articles.publishing")

Status = Article.Status
EDITABLE_BY_AUTHOR = Article.EDITABLE_BY_AUTHOR
# Content a revision restores; the state stays as the workflow left it.
CONTENT_FIELDS = ("title", "location", "sapo", "body", "section_id", "lead_photo_id", "byline")


class EditConflict(Exception):
    """Someone saved the article after this form was loaded."""

    def __init__(self, article_pk: int, loaded_version: int):
        super().__init__(f"article {article_pk}: version {loaded_version} is stale")
        self.article_pk = article_pk
        self.loaded_version = loaded_version


class WentLive(EditConflict):
    """The article went live on its schedule after the form was read: its edit now has to
    wait as a pending edit (the admin runs the save again and stages it)."""


@dataclass(frozen=True)
class System:
    """A caller that is no person: a seed command, an importer. Every function here takes
    one as ``by`` and then skips its permission checks, on purpose (as Wagtail's actions
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


def _person(by: User | System) -> User | None:
    """Whom the trail and the history name: nobody for a system caller."""
    return None if isinstance(by, System) else by


def _system(by: User | System) -> str:
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


def stages_edits(article: Article) -> bool:
    """A save of ``article`` waits as a pending edit: readers see the article now. A
    scheduled one is not on the site yet, so its saves are written at once, as a draft's."""
    return article.is_live


def pending_of(article: Article) -> PendingEdit | None:
    """The edit of ``article`` saved and not yet on its page, if any."""
    if article.pk is None:
        return None
    return PendingEdit.objects.select_related("edited_by").filter(article=article.pk).first()


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


def _locked(article: Article) -> Article:
    return Article.objects.select_for_update().get(pk=article.pk)


def _record(
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
    from_status = fresh.status
    fresh.status, fresh.published_at = to_status, published_at
    fresh.version += 1  # the row is locked: no one else can move it meanwhile
    fresh._change_reason = reason
    fresh._history_user = _person(by)
    fresh.save()
    at = timezone.now()
    StateChange.objects.create(
        article=fresh,
        from_status=from_status,
        to_status=to_status,
        published_at=published_at,
        by=_person(by),
        system=_system(by),
        at=at,
        note=note,
    )
    _announce(fresh, by=by, action=action, from_status=from_status, to_status=to_status, at=at)
    # The caller's instance follows, so it can't be saved back over the change.
    for name in ("status", "published_at", "version"):
        setattr(article, name, getattr(fresh, name))
    return fresh


def _announce(
    article: Article,
    *,
    by: User | System,
    action: str,
    from_status: str,
    to_status: str | None,
    at: datetime,
    article_id: int | None = None,
) -> None:
    """One log line now, and ``signals.state_changed`` once the transaction commits."""
    pk = article.pk if article_id is None else article_id
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


def _refuse_unless(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


def _future(at: datetime | None) -> datetime:
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


@transaction.atomic
def create(article: Article, *, by: User | System) -> Article:
    """Save a new article as a draft created by ``by`` (whatever state a form sent)."""
    _refuse_unless(
        by.is_active and by.has_perm("articles.add_article"), "Bạn không có quyền viết bài mới."
    )
    article.status, article.published_at, article.version = Status.DRAFT, None, 1
    if not isinstance(by, System):  # a system caller keeps the creator it was given
        article.created_by = by
    article._history_user = _person(by)
    article._change_reason = "Tạo bài"
    article.save()
    return article


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
    insert_trail: Callable[[list[StateChange]], None] | None = None,
) -> list[Article]:
    """Write new articles, each moved along its trail of ``Step`` s, in bulk: the system
    callers' path (seed commands, importers), checking no permission.

    The articles' state, schedule and version come from their trails, which are checked
    against the workflow (``MOVES``; publishing needs credited photos) and written as their
    ``StateChange`` rows. ``insert`` writes the articles and gives them ids (by default each
    is ``save()`` d: what a save derives, a revision); ``insert_trail`` writes the trail rows
    (by default ``bulk_create``): ``seed_bench`` passes ``COPY`` for both. One log line
    for the lot; ``state_changed`` for each step once the transaction commits.
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
    changes = [
        StateChange(
            article_id=article.pk,
            from_status=from_status,
            to_status=step.to_status,
            published_at=step.published_at,
            by=step.credit,
            system=by.name,
            at=step.at,
            note=step.note,
        )
        for article, from_status, step, _action in moves
    ]
    (insert_trail or StateChange.objects.bulk_create)(changes)
    states = Counter(article.status for article in articles)
    logger.info(
        "create_many: %s articles (%s), %s steps, by %s",
        len(articles),
        ", ".join(f"{count} {status}" for status, count in sorted(states.items())),
        len(changes),
        by.get_username(),
    )

    def send():
        for article, from_status, step, action in moves:
            state_changed.send(
                sender=Article,
                article=article,
                article_id=article.pk,
                by=by,
                action=action,
                from_status=from_status,
                to_status=step.to_status,
                at=step.at,
            )

    transaction.on_commit(send)
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
        raise _uncredited("Không thể xuất bản", list(missing))


def _uncredited(what: str, photos: list[Photo]) -> ValidationError:
    names = "; ".join(f"“{p.caption[:60]}” (#{p.pk})" for p in photos)
    return ValidationError(f"{what}: ảnh chưa ghi tên tác giả ảnh: {names}.")


@transaction.atomic
def submit(article: Article, *, by: User | System, note: str = "") -> Article:
    """Send a draft or returned article to the editors for review."""
    fresh = _locked(article)
    _refuse_unless(can_edit(by, fresh), "Bạn không có quyền gửi duyệt bài này.")
    if fresh.status not in EDITABLE_BY_AUTHOR:
        raise ValidationError("Chỉ gửi duyệt được bài nháp hoặc bài bị trả lại.")
    return _record(
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
    fresh = _locked(article)
    _refuse_unless(is_editor(by), "Chỉ biên tập viên mới trả lại bài.")
    if fresh.status != Status.SUBMITTED:
        raise ValidationError("Chỉ trả lại được bài đang chờ duyệt.")
    note = (note or "").strip()
    if not note:
        raise ValidationError("Hãy ghi lý do trả lại bài để tác giả biết cần sửa gì.")
    return _record(
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
    fresh = _locked(article)
    _refuse_unless(can_publish(by), "Bạn không có quyền xuất bản bài viết.")
    if only_from is not None and fresh.status != only_from:
        raise ValidationError("Chỉ duyệt được bài đang chờ duyệt.")
    if fresh.status == Status.PUBLISHED:
        raise ValidationError("Bài đã xuất bản hoặc đã hẹn giờ; hãy đổi giờ hoặc gỡ bài.")
    published_at = timezone.now() if at is None else _future(at)
    missing = photos_without_credit(fresh)
    if missing:
        raise _uncredited("Không thể xuất bản", missing)
    fresh.full_clean()
    return _record(
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
    return publish(article, by=by, at=_future(at), note=note)


@transaction.atomic
def reschedule(article: Article, *, by: User | System, at: datetime, note: str = "") -> Article:
    """Move a scheduled article to another future moment."""
    fresh = _locked(article)
    _refuse_unless(can_publish(by), "Bạn không có quyền hẹn giờ xuất bản.")
    if not fresh.is_scheduled:
        raise ValidationError("Chỉ đổi giờ được bài đang hẹn giờ.")
    return _record(
        article,
        fresh,
        by=by,
        action="reschedule",
        to_status=Status.PUBLISHED,
        published_at=_future(at),
        note=note.strip(),
        reason="Đổi giờ hẹn",
    )


@transaction.atomic
def unpublish(article: Article, *, by: User | System, note: str = "") -> Article:
    """Take a published or scheduled article off the site; it becomes a draft again."""
    fresh = _locked(article)
    _refuse_unless(can_publish(by), "Bạn không có quyền gỡ bài.")
    if fresh.status != Status.PUBLISHED:
        raise ValidationError("Bài chưa xuất bản nên không có gì để gỡ.")
    return _record(
        article,
        fresh,
        by=by,
        action="unpublish",
        to_status=Status.DRAFT,
        published_at=None,
        note=note.strip(),
        reason="Gỡ bài",
    )


@transaction.atomic
def delete(article: Article, *, by: User | System, note: str = "") -> None:
    """Delete ``article`` for good. Its trail goes with it; an ``ArticleDeletion`` keeps who,
    when, its id, title and state. A live one leaves the reader pages as when unpublished
    (``articles/invalidation.py`` receives the deletion)."""
    fresh = _locked(article)
    _refuse_unless(can_delete(by, fresh), "Bạn không có quyền xoá bài này.")
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
    at = timezone.now()
    ArticleDeletion.objects.bulk_create(
        ArticleDeletion(
            article_id=article.pk,
            title=article.title,
            from_status=article.status,
            published_at=article.published_at,
            by=_person(by),
            system=_system(by),
            at=at,
            note=note.strip(),
        )
        for article in articles
    )
    for article in articles:
        pk = article.pk
        article._history_user = _person(by)
        article._change_reason = "Xoá bài"
        article.delete()
        _announce(
            article,
            article_id=pk,
            by=by,
            action="delete",
            from_status=article.status,
            to_status=None,
            at=at,
        )


def _claim(article: Article, version: int) -> None:
    # One UPDATE … SET version = version + 1 WHERE pk = … AND version = …: of two forms
    # loaded at the same version exactly one matches a row; the other gets EditConflict.
    claimed = Article.objects.filter(pk=article.pk, version=version).update(
        version=F("version") + 1
    )
    if not claimed:
        raise EditConflict(article.pk, version)


def _note_update(article: Article, *, by: User | System, action: str, note: str) -> None:
    # A live article changed for readers: a line in the trail, its state unchanged.
    at = timezone.now()
    StateChange.objects.create(
        article=article,
        from_status=article.status,
        to_status=article.status,
        published_at=article.published_at,
        by=_person(by),
        system=_system(by),
        at=at,
        note=note,
    )
    status = article.status
    _announce(article, by=by, action=action, from_status=status, to_status=status, at=at)


@transaction.atomic
def save_edit(
    article: Article, *, by: User | System, version: int, publish_now: bool = False
) -> Article:
    """Save ``article``'s content if nobody saved since ``version`` was loaded.

    The guard is one ``UPDATE … SET version = version + 1 WHERE pk = … AND version = …``:
    of two forms loaded at the same version exactly one matches a row; the other gets
    ``EditConflict``. State, schedule and creator always come from the database.

    A live article is written only with ``publish_now`` (an editor's "Lưu và xuất bản
    ngay", recorded in the trail); otherwise its edit waits (``stage_edit``). The save
    carries the pending edit (the form showed it), which is then gone.
    """
    current = _locked(article)
    _refuse_unless(can_edit(by, current), "Bạn không có quyền sửa bài này.")
    live = stages_edits(current)
    if live and not publish_now:
        raise WentLive(article.pk, version)
    if live:
        _refuse_unless(
            can_publish(by), "Chỉ biên tập viên mới lưu và xuất bản ngay bài đang trên trang."
        )
    _claim(article, version)
    article.version = version + 1
    article.status, article.published_at = current.status, current.published_at
    article.created_by_id = current.created_by_id
    article._history_user = _person(by)
    if live:
        article._change_reason = "Lưu và xuất bản ngay"
    article.save()
    PendingEdit.objects.filter(article=current).delete()
    if live:
        _note_update(
            article,
            by=by,
            action="publish_now",
            note="Lưu và xuất bản ngay (sửa nhanh, không chờ duyệt).",
        )
    return article


def content_of(article: Article) -> dict:
    """What a pending edit holds, as ``article`` is saved now."""
    return {
        **{name: getattr(article, name) for name in CONTENT_FIELDS},
        "tags": [tag.name for tag in article.tags.all()],
        "authors": sorted(article.authors.values_list("pk", flat=True)),
        "related": [
            [link.to_article_id, link.position]
            for link in article.related_links.order_by("position", "pk")
        ],
    }


def _stage(current: Article, data: dict, *, by: User | System) -> PendingEdit | None:
    if data == content_of(current):  # back to what readers see: nothing waits
        PendingEdit.objects.filter(article=current).delete()
        return None
    pending, _created = PendingEdit.objects.update_or_create(
        article=current, defaults={"data": data, "edited_by": _person(by)}
    )
    return pending


@transaction.atomic
def stage_edit(
    article: Article,
    *,
    by: User | System,
    version: int,
    tags: list[str],
    authors: list[int],
    related: list[tuple[int, int]],
) -> PendingEdit | None:
    """Keep an edit of a live article pending: readers see the article as it was until an
    editor publishes it (``publish_pending``). ``article`` holds the edited fields (the row
    is not written); ``tags`` in order, ``authors`` ids, ``related`` ``(id, position)``
    picks. The same version check as ``save_edit``. None when the edit brings the article
    back to what readers see (the pending edit, if any, is then dropped)."""
    current = _locked(article)
    _refuse_unless(can_edit(by, current), "Bạn không có quyền sửa bài này.")
    if not stages_edits(current):
        raise ValidationError("Bài không ở trên trang: hãy lưu thẳng, không cần chờ xuất bản.")
    _claim(article, version)
    article.derive()  # what the preview and the diff show is what a save would store
    picks, seen = [], {article.pk}
    for pk, position in sorted(related, key=lambda pick: pick[1]):
        if pk not in seen:
            seen.add(pk)
            picks.append([pk, position])
    # Who may link what holds here, not only in the admin's form: a pick not linked yet
    # must be one ``by`` may link.
    linked = set(current.related_links.values_list("to_article_id", flat=True))
    new = {pk for pk, _position in picks} - linked
    if new and Article.objects.linkable_by(by).filter(pk__in=new).count() != len(new):
        raise ValidationError(
            "Không chọn được bài liên quan này: chỉ chọn được bài đã lên trang "
            "hoặc bài của chính bạn."
        )
    data = {
        **{name: getattr(article, name) for name in CONTENT_FIELDS},
        "tags": clean_tag_names(tags),
        "authors": sorted({int(pk) for pk in authors}),
        "related": picks,
    }
    pending = _stage(current, data, by=by)
    article.version = version + 1
    article.status, article.published_at = current.status, current.published_at
    return pending


def pending_article(article: Article, pending: PendingEdit) -> Article:
    """An unsaved copy of ``article`` holding the pending edit's fields, to show or compare
    (tags, authors and picks are in ``pending.data``)."""
    copy = Article.objects.get(pk=article.pk)
    for name in CONTENT_FIELDS:
        setattr(copy, name, pending.data.get(name, getattr(copy, name)))
    return copy


def set_related(article: Article, picks: list) -> None:
    """Make ``article``'s hand-picked related articles exactly ``picks``, ``(id, position)``."""
    position_of = dict(picks)
    found = Article.objects.filter(pk__in=position_of).values_list("pk", flat=True)
    position_of = {pk: position_of[pk] for pk in found}  # an article deleted since is gone
    # One row at a time: the receivers ("Xem thêm", the page cache) see every change.
    for link in article.related_links.all():
        position = position_of.pop(link.to_article_id, None)
        if position is None:
            link.delete()
        elif link.position != position:
            link.position = position
            link.save(update_fields=["position"])
    for pk, position in position_of.items():
        RelatedArticle.objects.create(from_article=article, to_article_id=pk, position=position)


@transaction.atomic
def publish_pending(article: Article, *, by: User | System, version: int) -> Article:
    """Put ``article``'s pending edit on its page ("Cập nhật bài"): saved as any save is
    (a new revision and version; the page cache and "Xem thêm" follow), recorded in the
    trail. ``version`` is the one the editor reviewed the changes at: a later change to the
    pending edit is refused, so what goes out is what was shown."""
    current = _locked(article)
    _refuse_unless(can_publish(by), "Chỉ biên tập viên mới cập nhật bài đang trên trang.")
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
        raise _uncredited("Chưa cập nhật", missing)
    current.full_clean(exclude=["created_by"])
    current.version += 1
    current._history_user = _person(by)
    current._change_reason = "Cập nhật bài"
    current.save()
    current.tags.set(data.get("tags", []))
    people = get_user_model().objects.filter(pk__in=data.get("authors", []))
    current.authors.set(people.values_list("pk", flat=True))
    set_related(current, data.get("related", []))
    who = pending.edited_by
    saved = timezone.localtime(pending.updated_at).strftime("%H:%M %d/%m/%Y")
    note = f"Cập nhật bài: thay đổi lưu lúc {saved}"
    if who is not None:
        note += f" bởi {full_name(who)}"
    _note_update(current, by=by, action="publish_pending", note=f"{note}.")
    pending.delete()
    for name in (*CONTENT_FIELDS, "version", "slug"):
        setattr(article, name, getattr(current, name))
    return current


@transaction.atomic
def discard_pending(article: Article, *, by: User | System, version: int | None = None) -> None:
    """Drop ``article``'s pending edit ("Bỏ thay đổi chưa xuất bản"); readers saw nothing of
    it. With ``version``, only if nothing changed since it was loaded."""
    current = _locked(article)
    _refuse_unless(can_edit(by, current), "Bạn không có quyền bỏ thay đổi của bài này.")
    pending = PendingEdit.objects.filter(article=current).first()
    if pending is None:
        raise ValidationError("Bài không có thay đổi nào chờ xuất bản.")
    if version is not None and version != current.version:
        raise ValidationError("Bài vừa được thay đổi sau khi bạn mở; hãy xem lại rồi thử lại.")
    _claim(current, current.version)  # a form showing the edit is now out of date
    pending.delete()
    article.version = current.version + 1


@transaction.atomic
def restore(article: Article, *, by: User | System, revision) -> Article:
    """Bring back the content of ``revision`` (a historical record) as a new revision; on a
    live article, as its pending edit (readers see it once it is published)."""
    current = _locked(article)
    _refuse_unless(can_edit(by, current), "Bạn không có quyền khôi phục phiên bản của bài này.")
    if revision.id != current.pk:
        raise ValidationError("Phiên bản này không thuộc bài viết đang mở.")
    if stages_edits(current):
        pending = PendingEdit.objects.filter(article=current).first()
        data = dict(pending.data) if pending else content_of(current)
        data.update({name: getattr(revision, name) for name in CONTENT_FIELDS})
        _claim(current, current.version)
        _stage(current, data, by=by)
        article.refresh_from_db()
        return current
    for name in CONTENT_FIELDS:
        setattr(current, name, getattr(revision, name))
    current.version += 1
    current._history_user = _person(by)
    current._change_reason = f"Khôi phục phiên bản {revision.version}"
    current.save()
    PendingEdit.objects.filter(article=current).delete()
    article.refresh_from_db()
    return current
