"""Readable differences between two states of an article (revisions, edit conflicts)."""

import html
import re
from datetime import timedelta
from difflib import SequenceMatcher
from functools import partial

from django.utils import timezone
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from articles import richtext
from articles.dates import format_datetime
from articles.models import Article, Photo, Section

FIELDS = [
    ("title", "Tiêu đề"),
    ("location", "Địa danh"),
    ("sapo", "Sapo"),
    ("body", "Nội dung"),
    ("section_id", "Chuyên mục"),
    ("lead_photo_id", "Ảnh đại diện"),
    ("byline", "Bút danh / cộng tác viên"),
    ("status", "Trạng thái"),
    ("published_at", "Thời điểm xuất bản"),
]
_BLOCK_END = re.compile(r"</(p|h[1-6]|li|blockquote|figure)>|<br\s*/?>", re.IGNORECASE)
# A word with the spaces after it: a changed word reads as one <del>/<ins>, not three.
_TOKENS = re.compile(r"^\s+|\S+\s*")


def next_full_hour() -> str:
    """The next full hour, ``dd/mm/yyyy HH:MM``: what a schedule field offers to start from."""
    moment = timezone.localtime() + timedelta(hours=1)
    return format_datetime(moment.replace(minute=0, second=0, microsecond=0))


def state_label(article) -> str:
    """The state as editors say it; a future ``published_at`` reads ``Hẹn giờ: …``."""
    status, published_at = article.status, article.published_at
    if status == Article.Status.PUBLISHED and published_at and published_at > timezone.now():
        return f"Hẹn giờ: {format_datetime(published_at)}"
    return str(Article.Status(status).label) if status in Article.Status.values else status


def body_text(body: str) -> str:
    """The body as lines of plain text, one block a line, photos as ``[Ảnh #12]``."""
    marked = richtext.PHOTO_REF.sub(lambda m: f"\n[Ảnh #{m['id']}]\n", body or "")
    text = html.unescape(strip_tags(_BLOCK_END.sub("\n", marked)))
    lines = (re.sub(r"[ \t]+", " ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def snapshot(obj) -> dict[str, str]:
    """Readable values of an article or one of its historical records."""
    section = Section.objects.filter(pk=obj.section_id).first() if obj.section_id else None
    photo = Photo.objects.filter(pk=obj.lead_photo_id).first() if obj.lead_photo_id else None
    return {
        "title": obj.title,
        "location": obj.location,
        "sapo": obj.sapo,
        "body": body_text(obj.body),
        "section_id": str(section) if section else "",
        "lead_photo_id": f"{photo} (#{photo.pk})" if photo else "",
        "byline": obj.byline,
        "status": state_label(obj),
        "published_at": format_datetime(obj.published_at),
    }


def word_diff(old: str, new: str):
    """``new`` against ``old`` word by word, escaped; removed in ``<del>``, added ``<ins>``."""
    a, b = _TOKENS.findall(old or ""), _TOKENS.findall(new or "")
    # Words are compared without their spaces; the text shown keeps them.
    matcher = SequenceMatcher(None, [t.strip() for t in a], [t.strip() for t in b], False)
    parts = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(escape("".join(b[j1:j2])))
            continue
        if i2 > i1:
            parts.append(f"<del>{escape(''.join(a[i1:i2]))}</del>")
        if j2 > j1:
            parts.append(f"<ins>{escape(''.join(b[j1:j2]))}</ins>")
    return mark_safe("".join(parts))


def diff(old, new) -> list[dict]:
    """The fields that differ between two articles or revisions, each with its word diff."""
    before, after = snapshot(old), snapshot(new)
    return [
        {"label": label, "html": word_diff(before[name], after[name])}
        for name, label in FIELDS
        if before[name] != after[name]
    ]


def revision_at(article: Article, version: int):
    """The last historical record of ``article`` saved at ``version``, or None."""
    return article.history.filter(version=version).order_by("-history_date", "-history_id").first()


def _names(found: dict, ids, label=str) -> str:
    return ", ".join(label(found[pk]) if pk in found else f"#{pk}" for pk in ids)


def relation_changes(before: dict | None, after: dict | None) -> list[dict]:
    """Tags, authors and hand-picked "Xem thêm" (each in order) that differ between two
    sets of relations (``articles.models.history.relations_of``'s format); nothing when
    either was not recorded (a revision older than the ``relations`` column)."""
    from django.contrib.auth import get_user_model

    from articles.names import full_name

    if before is None or after is None:
        return []
    sides = (before, after)
    people = get_user_model().objects.in_bulk({pk for side in sides for pk in side["authors"]})
    picked = {pk for side in sides for pk, _position in side["related"]}
    titles = Article.objects.only("title").in_bulk(picked)
    # name, label, what is compared, how it reads
    lists = [
        ("tags", "Thẻ", list, ", ".join),
        ("authors", "Tác giả", sorted, lambda ids: _names(people, ids, full_name)),
        (
            "related",
            "Bài liên quan",
            lambda picks: [pk for pk, _ in picks],
            partial(_names, titles),
        ),
    ]
    changes = []
    for name, label, key, text in lists:
        old, new = key(before[name]), key(after[name])
        if old != new:
            changes.append({"label": label, "html": word_diff(text(old), text(new))})
    return changes


def revision_diff(old, new) -> list[dict]:
    """What differs between two revisions: the fields, then tags, authors and picks."""
    return diff(old, new) + relation_changes(old.relations, new.relations)


def pending_diff(article: Article, pending) -> list[dict]:
    """What readers will see change when ``pending`` (the article's ``PendingEdit``) is
    published: the fields, then tags, authors and hand-picked "Xem thêm" in order."""
    from articles import publishing

    now = publishing.content_of(article)
    after = {name: pending.data.get(name, now[name]) for name in ("tags", "authors", "related")}
    changes = diff(article, publishing.pending_article(article, pending))
    return changes + relation_changes(now, after)
