"""Corrections as readers see them: at the end of the article page and in the feeds.

A page reads its article's corrections in the query that reads the article: a subquery
folds them into one JSON text column (``with_corrections``), one probe of the correction
table's article index per article. So the article page and the feeds cost no query more
for them (``tests/test_query_counts.py``), and there is no copy on the article row for an
older form's save to overwrite. Adding one goes through ``publishing.add_correction``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from articles import dates
from articles.json_rows import folded, unfolded
from articles.models import Article, Correction

ANNOTATION = "corrections_json"
KIND_LABELS = dict(Correction.Kind.choices)


@dataclass(frozen=True)
class Shown:
    """One correction as a reader reads it: ``Đính chính (14:20 09/03/2025): …``."""

    kind: str
    text: str
    at: datetime

    @property
    def label(self) -> str:
        return str(KIND_LABELS.get(self.kind, Correction.Kind.CORRECTION.label))

    @property
    def when(self) -> str:
        return dates.format_time_date(self.at)

    def __str__(self) -> str:
        return f"{self.label} ({self.when}): {self.text}"


def with_corrections(articles: QuerySet) -> QuerySet:
    """``articles`` with each one's corrections in the same query (``corrections_of``)."""
    rows = folded(Correction.objects.all(), "article", kind="kind", text="text", at="created_at")
    return articles.annotate(**{ANNOTATION: rows})


def corrections_of(article: Article) -> list[Shown]:
    """``article``'s corrections, oldest first: from ``with_corrections`` when the article
    was read with it, else one query (a preview reads the article its own way)."""
    if hasattr(article, ANNOTATION):
        return parse(getattr(article, ANNOTATION))
    if article.pk is None:
        return []
    rows = Correction.objects.filter(article=article.pk).values_list("kind", "text", "created_at")
    return [Shown(kind, text, at) for kind, text, at in rows]


def parse(value: str | None) -> list[Shown]:
    """The JSON text of ``with_corrections`` as ``Shown`` items, oldest first."""
    shown = []
    for item in unfolded(value):
        at = _moment(item.get("at"))
        if at is not None:
            shown.append(Shown(item.get("kind", ""), item.get("text") or "", at))
    return sorted(shown, key=lambda c: c.at)


def _moment(value) -> datetime | None:
    # PostgreSQL writes an offset; SQLite writes the stored UTC text without one.
    at = parse_datetime(value) if isinstance(value, str) else None
    if at is not None and timezone.is_naive(at):
        at = at.replace(tzinfo=UTC)
    return at


def as_text(corrections: list[Shown]) -> str:
    """The corrections as plain lines, for a feed item's description."""
    return "\n".join(str(c) for c in corrections)
