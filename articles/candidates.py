"""Bounded candidate sets: several small, index-ordered ``LIMIT`` windows read as one.

A reader block ("Xem thêm", the home page's sections) gathers its rows from a few sources,
each the newest few of something. Each source is a sliced queryset; ``union_all`` joins
their ids into one subquery for ``pk__in``, so the database reads a few index ranges and
never the archive, and the page pays one query for all of them.
"""

from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL


def union_all(windows: list[QuerySet]) -> RawSQL:
    """The ids of every sliced one-column queryset in ``windows``, as a subquery.

    Django's ``union()`` refuses sliced parts on SQLite; each part wrapped in its own
    ``SELECT * FROM (…)`` is valid SQL on SQLite and PostgreSQL alike.
    """
    parts, params = [], []
    for number, window in enumerate(windows):
        sql, part_params = window.query.get_compiler(connection=connection).as_sql()
        parts.append(f"SELECT * FROM ({sql}) AS window_{number}")
        params.extend(part_params)
    return RawSQL(" UNION ALL ".join(parts), params)
