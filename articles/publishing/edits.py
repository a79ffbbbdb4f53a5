"""Saving an article's content: the version guard, and a live article's edit kept
pending (``PendingEdit``) until an editor publishes it (``pending.py``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F

from articles.models import Article, PendingEdit, RelatedArticle
from articles.models.history import relations_of
from articles.models.tag import clean_tag_names

from .rules import System, can_edit, can_publish, person_of, refuse_unless, stages_edits
from .trail import locked, step

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser as User


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


def claim(article: Article, version: int) -> None:
    # One UPDATE … SET version = version + 1 WHERE pk = … AND version = …: of two forms
    # loaded at the same version exactly one matches a row; the other gets EditConflict.
    claimed = Article.objects.filter(pk=article.pk, version=version).update(
        version=F("version") + 1
    )
    if not claimed:
        raise EditConflict(article.pk, version)


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
    current = locked(article)
    refuse_unless(can_edit(by, current), "Bạn không có quyền sửa bài này.")
    live = stages_edits(current)
    if live and not publish_now:
        raise WentLive(article.pk, version)
    if live:
        refuse_unless(
            can_publish(by), "Chỉ biên tập viên mới lưu và xuất bản ngay bài đang trên trang."
        )
    claim(article, version)
    article.version = version + 1
    article.status, article.published_at = current.status, current.published_at
    article.created_by_id = current.created_by_id
    article._history_user = person_of(by)
    if live:
        article._change_reason = "Lưu và xuất bản ngay"
    article.save()
    PendingEdit.objects.filter(article=current).delete()
    if live:
        step(
            article,
            by=by,
            action="publish_now",
            note="Lưu và xuất bản ngay (sửa nhanh, không chờ duyệt).",
        )
    return article


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


def set_relations(article: Article, data: dict) -> None:
    """Give the saved ``article`` the tags, authors and picks of ``data`` (a pending edit's
    or a revision's); authors no longer in the newsroom are left out."""
    article.tags.set(data.get("tags", []))
    people = get_user_model().objects.filter(pk__in=data.get("authors", []))
    article.authors.set(people.values_list("pk", flat=True))
    set_related(article, data.get("related", []))


def content_of(article: Article) -> dict:
    """What a pending edit holds, as ``article`` is saved now."""
    return {**{name: getattr(article, name) for name in CONTENT_FIELDS}, **relations_of(article)}


def stage(current: Article, data: dict, *, by: User | System) -> PendingEdit | None:
    if data == content_of(current):  # back to what readers see: nothing waits
        PendingEdit.objects.filter(article=current).delete()
        return None
    pending, _created = PendingEdit.objects.update_or_create(
        article=current, defaults={"data": data, "edited_by": person_of(by)}
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
    current = locked(article)
    refuse_unless(can_edit(by, current), "Bạn không có quyền sửa bài này.")
    if not stages_edits(current):
        raise ValidationError("Bài không ở trên trang: hãy lưu thẳng, không cần chờ xuất bản.")
    claim(article, version)
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
    pending = stage(current, data, by=by)
    article.version = version + 1
    article.status, article.published_at = current.status, current.published_at
    return pending


def restorable_relations(article: Article, revision, *, by: User | System) -> dict | None:
    """The tags, authors and picks restoring ``revision`` gives ``article``: a pick the
    article no longer has only if ``by`` may link it now (as ``stage_edit`` asks). None
    for a revision recorded before relations were kept."""
    relations = revision.relations
    if relations is None:
        return None
    linked = set(article.related_links.values_list("to_article_id", flat=True))
    wanted = {pk for pk, _ in relations["related"]}
    may_link = Article.objects.linkable_by(by).filter(pk__in=wanted)
    allowed = linked | set(may_link.values_list("pk", flat=True))
    picks = [pick for pick in relations["related"] if pick[0] in allowed]
    return {**relations, "related": picks}


@transaction.atomic
def restore(article: Article, *, by: User | System, revision) -> Article:
    """Bring back the content of ``revision`` (a historical record) with its tags, authors
    and picks, as a new revision; on a live article, as its pending edit (readers see it
    once it is published). The relations are ``restorable_relations``'; a revision
    recorded before relations were kept leaves them as they are."""
    current = locked(article)
    refuse_unless(can_edit(by, current), "Bạn không có quyền khôi phục phiên bản của bài này.")
    if revision.id != current.pk:
        raise ValidationError("Phiên bản này không thuộc bài viết đang mở.")
    restored = {name: getattr(revision, name) for name in CONTENT_FIELDS}
    relations = restorable_relations(current, revision, by=by)
    if stages_edits(current):
        pending = PendingEdit.objects.filter(article=current).first()
        data = dict(pending.data) if pending else content_of(current)
        data.update({**restored, **(relations or {})})
        claim(current, current.version)
        stage(current, data, by=by)
        article.refresh_from_db()
        return current
    for name, value in restored.items():
        setattr(current, name, value)
    current.version += 1
    current._history_user = person_of(by)
    current._change_reason = f"Khôi phục phiên bản {revision.version}"
    current.save()
    if relations is not None:
        set_relations(current, relations)
    PendingEdit.objects.filter(article=current).delete()
    article.refresh_from_db()
    return current
