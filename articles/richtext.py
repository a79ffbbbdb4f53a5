"""The article body: photo references placed by the editor, rendered as figures."""

import re

from django.template.loader import render_to_string
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

# What the editor's NewsPhoto node stores: <figure class="news-photo" data-photo-id="12">.
PHOTO_REF = re.compile(
    r'<figure\b[^>]*\bdata-photo-id="(?P<id>\d+)"[^>]*>\s*(?:</figure>)?', re.IGNORECASE
)


def photo_ids(html: str) -> list[int]:
    """Ids of the library photos referenced in ``html``, in order, each once."""
    return list(dict.fromkeys(int(m["id"]) for m in PHOTO_REF.finditer(html or "")))


# Block boundaries are word boundaries: "<p>…đồng.</p><p>Người…" is two words, not
# "đồng.người" (one token to the search index, found by neither word).
BLOCK_TAG = re.compile(
    r"<(?=/?(?:p|h[1-6]|li|ul|ol|blockquote|figure|figcaption|div|br|hr|tr|td|th)\b)", re.I
)


def plain_text(html: str) -> str:
    text = BLOCK_TAG.sub(" <", PHOTO_REF.sub(" ", html or ""))
    return re.sub(r"\s+", " ", strip_tags(text)).strip()


def render_body(html: str, photos_by_id: dict, *, eager: int = 1) -> str:
    """``html`` with each photo reference replaced by its figure from the library.

    Caption and credit come from the photo row at render time, so an edit in the
    library shows in every article. The first ``eager`` figures load eagerly
    (above the fold); later ones lazily. A reference to a deleted photo vanishes.
    """
    # Sanitised again at render: rows written around save() (bulk_create, update(), raw
    # SQL, an old dump) still reach readers only as allowlisted markup.
    from articles.models.article import sanitize_body

    count = 0

    def figure(match):
        nonlocal count
        photo = photos_by_id.get(int(match["id"]))
        if photo is None:
            return ""
        count += 1
        return render_to_string(
            "articles/_figure.html", {"photo": photo, "lazy": count > eager}
        ).strip()

    return mark_safe(PHOTO_REF.sub(figure, sanitize_body(html)))
