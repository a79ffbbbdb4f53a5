"""Rows of another table folded into one JSON text column of the row that owns them.

A page reads an article and what hangs on it (its corrections, authors and tags) in the
one query that reads the article (issue #9): a correlated subquery per relation, one probe
of that table's article index, its rows as one JSON array in text. SQLite's
``json_group_array`` and PostgreSQL's ``json_agg``, the two databases the project runs on.
"""

import json

from django.db.models import Aggregate, Model, OuterRef, QuerySet, Subquery, TextField
from django.db.models.functions import JSONObject


class JSONList(Aggregate):
    """The rows' JSON objects as one JSON array, in text."""

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


def folded(rows: QuerySet, owner: str, **fields) -> Subquery:
    """``rows`` whose ``owner`` is the outer row, each as a JSON object of ``fields``
    (name: the column or lookup it comes from), as one text value; NULL when none."""
    items = (
        rows.filter(**{owner: OuterRef("pk")})
        .order_by()
        .values(owner)
        .annotate(items=JSONList(JSONObject(**fields)))
        .values("items")
    )
    return Subquery(items, output_field=TextField())


def unfolded(value: str | None, order: str | None = None) -> list[dict]:
    """The objects of a ``folded`` value, by ``order`` (a field of each) when given."""
    items = json.loads(value) if value else []
    return sorted(items, key=lambda item: item[order]) if order else items


def instance(model: type[Model], db: str, data: dict) -> Model:
    """A ``model`` instance from some of its fields (by attname), the rest deferred, as a
    queryset with ``only()`` gives: no query, unless a deferred field is then read."""
    names = [f.attname for f in model._meta.concrete_fields if f.attname in data]
    return model.from_db(db, names, [data[name] for name in names])
