"""Corrections as readers see them: at the end of the article page and in the feeds.

A page reads its article's corrections in the query that reads the article: a subquery
folds them into one JSON text column (``with_corrections``), one probe of the correction
table's article index per article. So the article page and the feeds cost no query more
for them (``tests/test_query_counts.py``), and there is no copy on the article row for an
older form's save to overwrite. Adding one goes through ``publishing.add_correction``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

from django.db.models import Aggregate, OuterRef, QuerySet, Subquery, TextField
from django.db.models.functions import JSONObject
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from articles import dates
from articles.models import Article, Correction

ANNOTATION = "corrections_json"
KIND_LABELS = dict(Correction.Kind.choices)


class JSONList(Aggregate):
    """The rows' JSON objects as one JSON array, in text: SQLite's ``json_group_array``,
    PostgreSQL's ``json_agg`` (the two databases the project runs on)."""

    function = "JSON_GROUP_ARRAY"
    output_field = TextField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler,
            connection,
            function="JSON_AGG",
            template="%(function)s(%(expressions)s)::text",
            **extra_context,
        )


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
    rows = (
        Correction.objects.filter(article=OuterRef("pk"))
        .order_by()
        .values("article")
        .annotate(items=JSONList(JSONObject(kind="kind", text="text", at="created_at")))
        .values("items")
    )
    return articles.annotate(**{ANNOTATION: Subquery(rows, output_field=TextField())})


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
    for item in json.loads(value) if value else []:
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
