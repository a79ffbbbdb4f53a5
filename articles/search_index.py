"""The full-text search vector and its GIN index, shared by the model and articles.search.

Folding (lower case, no accents, đ→d) happens in Python when an article is saved
(``articles.text.search_fold`` fills ``search_title`` and ``search_text``), so the
vector is plain ``to_tsvector('simple', column)`` and no ``unaccent`` (which PostgreSQL
does not mark IMMUTABLE) is needed anywhere.

The vector is stored in ``Article.search_vector`` (GIN-indexed) rather than indexed as an
expression: ranking reads the stored vector instead of parsing every matching body again,
and the planner can't prefer a sequential scan that re-parses all of them (it did: 0.27 s
for 2,000 articles, see bench/RESULTS.md).
"""

import copy

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import connections, models


def article_search_vector():
    """Title weighted A above sapo and body B, over the folded columns."""
    return SearchVector("search_title", weight="A", config="simple") + SearchVector(
        "search_text", weight="B", config="simple"
    )


def update_search_vectors(articles) -> None:
    """Store the search vector of ``articles`` (a queryset) on PostgreSQL; elsewhere a no-op."""
    if connections[articles.db].vendor == "postgresql":
        articles.update(search_vector=article_search_vector())


class PostgresOnlyGinIndex(GinIndex):
    """A GIN index that PostgreSQL builds and other databases (SQLite) leave out.

    SQLite has neither GIN nor ``to_tsvector``. A no-op statement rather than nothing,
    because SQLite rebuilds a table with all its indexes on many schema changes.
    """

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if schema_editor.connection.vendor != "postgresql":
            return "SELECT 1"
        return super().create_sql(model, schema_editor, using=using, **kwargs)

    def remove_sql(self, model, schema_editor, **kwargs):
        if schema_editor.connection.vendor != "postgresql":
            return "SELECT 1"
        return super().remove_sql(model, schema_editor, **kwargs)


class PostgresCoveringIndex(models.Index):
    """A B-tree index that carries ``covering`` columns (``INCLUDE``) on PostgreSQL, for
    index-only scans; SQLite gets the same index on its key columns.

    Django's ``include=`` does the same, but SQLite's system checks then warn (models.W040)
    on every ``migrate``. Used by ``article_live_idx`` for the sitemap index's months query.
    """

    def __init__(self, *args, covering=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.covering = tuple(covering)

    def deconstruct(self):
        path, args, kwargs = super().deconstruct()
        kwargs["covering"] = self.covering
        return path, args, kwargs

    def create_sql(self, model, schema_editor, using="", **kwargs):
        index = self
        if schema_editor.connection.vendor == "postgresql":
            index = copy.copy(self)
            index.include = self.covering
        return super(PostgresCoveringIndex, index).create_sql(
            model, schema_editor, using=using, **kwargs
        )
