"""Autosave (issue #10): nothing a journalist types is lost.

The article form sends what it holds every few seconds of inactivity and when the page is
left (``articles/static/articles/admin/article-form.js``). ``store`` keeps it as the person's
``Autosave`` of that article (or of a new article never saved): no revision, no new
``version``, no change of state. Reopening the article offers what was kept when it
differs from the saved article (``offer``), with a word diff; restoring fills the form
with it and with the version it was typed against, so the form's version check still
refuses to overwrite someone else's newer save. A successful save of the form deletes
the person's autosave (``forget``).

The rules live here, not in the admin view: who may autosave what, the fields kept, and
the size limit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from articles import publishing
from articles.models import Article, Autosave

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser as User
    from django.http import QueryDict

# The article form's own fields (ArticleForm uses this list), all of which an autosave
# keeps (related articles are not: a pick is saved with the form).
FIELDS = (
    "title",
    "location",
    "sapo",
    "body",
    "lead_photo",
    "section",
    "tags",
    "authors",
    "byline",
)
SINGLE = ("title", "location", "sapo", "body", "lead_photo", "section", "byline")  # one value
MAX_BYTES = 2_000_000  # a long article with its markup is a few hundred kB
TOO_BIG = "Bản lưu tự động quá lớn (hơn 2 MB); hãy bấm “Lưu lại”."


def _data(posted: QueryDict) -> dict[str, list[str]]:
    data = {name: posted.getlist(name) for name in FIELDS if name in posted}
    size = sum(len(value.encode()) for values in data.values() for value in values)
    if size > MAX_BYTES:
        raise ValidationError(TOO_BIG, code="too_big")
    return data


def _version(posted: QueryDict) -> int | None:
    try:
        return int(posted.get("version", ""))
    except ValueError:
        return None


@transaction.atomic
def store(
    posted: QueryDict, *, by: User, article: Article | None = None, autosave_id: int | None = None
) -> Autosave:
    """Keep what ``by``'s form holds for ``article`` (a new article when None; then the row
    ``autosave_id`` the same form made before, if it is theirs)."""
    if article is not None:
        if not publishing.can_edit(by, article):
            raise PermissionDenied("Bạn không có quyền sửa bài này.")
        autosave, _created = Autosave.objects.select_for_update().get_or_create(
            user=by, article=article
        )
    else:
        if not (by.is_active and by.has_perm("articles.add_article")):
            raise PermissionDenied("Bạn không có quyền viết bài mới.")
        autosave = None
        if autosave_id is not None:
            autosave = Autosave.objects.filter(
                pk=autosave_id, user=by, article__isnull=True
            ).first()
        autosave = autosave or Autosave(user=by)
    autosave.data = _data(posted)
    autosave.base_version = _version(posted) if article is not None else None
    autosave.save()
    return autosave


def of(user: User, article: Article) -> Autosave | None:
    return Autosave.objects.filter(user=user, article=article).first()


def new_article_autosave(user: User, autosave_id) -> Autosave | None:
    """``user``'s autosave of a new article, by the id the add form's URL carries."""
    try:
        return Autosave.objects.get(pk=int(autosave_id), user=user, article__isnull=True)
    except (Autosave.DoesNotExist, TypeError, ValueError):
        return None


def unsaved_new_articles(user: User):
    return Autosave.objects.filter(user=user, article__isnull=True)


def forget(user: User, article: Article | None = None, autosave_id=None) -> None:
    """The form was saved: its autosave has nothing more to give."""
    if article is not None:
        Autosave.objects.filter(user=user, article=article).delete()
    if autosave_id:
        found = new_article_autosave(user, autosave_id)
        if found is not None:
            found.delete()


def initial(autosave: Autosave) -> dict:
    """What the form starts from when the autosave is restored."""
    values = {
        name: (autosave.data[name][0] if name in SINGLE else autosave.data[name])
        for name in FIELDS
        if autosave.data.get(name)
    }
    if autosave.base_version is not None:
        values["version"] = autosave.base_version
    return values


def as_article(autosave: Autosave, current: Article) -> Article:
    """An unsaved article with the autosave's content over ``current``'s, to compare."""
    article = Article(
        pk=current.pk,
        status=current.status,
        published_at=current.published_at,
        section_id=current.section_id,
        lead_photo_id=current.lead_photo_id,
    )
    for name in ("title", "location", "sapo", "body", "byline"):
        setattr(article, name, (autosave.data.get(name) or [getattr(current, name)])[0])
    for name in ("section", "lead_photo"):
        if name in autosave.data:
            value = (autosave.data[name] or [""])[0]
            setattr(article, f"{name}_id", int(value) if value.isdigit() else None)
    return article


def offer(user: User, article: Article, pending=None):
    """``(autosave, changes)`` when ``user`` has an autosave of ``article`` whose content
    differs from the saved article (its ``pending`` edit when it has one: what the form
    shows); None otherwise (an identical one is deleted)."""
    from articles.admin import revisions

    autosave = of(user, article)
    if autosave is None:
        return None
    if pending is not None:
        article = publishing.pending_article(article, pending)
        current_tags = sorted(pending.data.get("tags", []))
    else:
        current_tags = sorted(tag.name for tag in article.tags.all())
    changes = revisions.diff(article, as_article(autosave, article))
    if "tags" in autosave.data and sorted(autosave.data["tags"]) != current_tags:
        changes.append(
            {
                "label": "Thẻ",
                "html": revisions.word_diff(
                    ", ".join(current_tags), ", ".join(autosave.data["tags"])
                ),
            }
        )
    if not changes:
        autosave.delete()
        return None
    return autosave, changes
