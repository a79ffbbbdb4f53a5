"""The newest published articles' search vectors, in a table of their own (issue #9).

A search reads the GIN index's posting list of every word it asks for, and a common word's
list grows with the archive: at a million articles, finding the newest thousand matches of
one cost 28 ms against 8 ms at ten thousand, however narrow the window of dates it was
then intersected with. ``RecentSearch`` holds the vectors of only the newest
``SearchWindow.size`` published articles (scheduled ones included: they go live without a
write), with a GIN index of its own, so those lists stay as long as at ten thousand
articles whatever the archive's size; ``articles.search`` reads it first and the whole
archive's index only when it holds too few matches.

PostgreSQL keeps both tables right by itself (triggers and functions in
``articles/search_recent.sql``, installed by migration ``0015_recent_search``): each
insert, update or delete of an article row upserts or removes its ``RecentSearch`` row,
and each statement that wrote article rows moves ``SearchWindow.starts_at`` up to the
``size``-th newest and drops what fell out of the window. So an importer's
``bulk_create``, a ``QuerySet.update()`` or the shell keep it as the admin does. The rule
the search relies on: every published article with ``published_at >= starts_at`` has its
row (older ones may linger until the next prune, and the search ignores them). SQLite has
neither the triggers nor the search index: the tables stay empty there and the search
reads the folded columns.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q

from articles.search_index import PostgresOnlyGinIndex

# The newest published articles whose vectors are kept apart: months of a big newsroom's
# output. A search reads this many articles' posting lists at most, unless the words are
# rare enough for the whole archive's lists to be short too.
RECENT_SEARCH_SIZE = 20_000


class RecentSearch(models.Model):
    article = models.OneToOneField(
        "articles.Article",
        primary_key=True,
        on_delete=models.DO_NOTHING,  # the trigger removes the row with the article's
        db_constraint=False,  # written by triggers only; a flush truncates both tables
        related_name="+",
    )
    published_at = models.DateTimeField()
    search_vector = SearchVectorField()

    class Meta:
        indexes = [
            PostgresOnlyGinIndex(fields=["search_vector"], name="recent_search_vector_idx"),
            models.Index(fields=["published_at"], name="recent_search_published_idx"),
        ]

    def __str__(self):
        return f"{self.article_id} @ {self.published_at:%Y-%m-%d %H:%M}"


class SearchWindow(models.Model):
    """One row: where ``RecentSearch`` begins (None: every published article is in it)."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    starts_at = models.DateTimeField(null=True)
    size = models.PositiveIntegerField(default=RECENT_SEARCH_SIZE)

    class Meta:
        constraints = [models.CheckConstraint(condition=Q(id=1), name="one_search_window")]

    def __str__(self):
        return f"{self.size} từ {self.starts_at}"
