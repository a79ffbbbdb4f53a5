"""Daily totals from the Redis counters into ``ArticleReads`` (``manage.py fold_reads``).

Folding a day sets each article's row to the day's count, so running it again (every few
minutes from cron, or twice by mistake) changes nothing but what was read meanwhile. It
never lowers a row: the compose file's Redis keeps nothing across a restart, and a fold
after one must not replace what was folded before with the restarted counter. Articles
deleted since they were read are skipped. Work is bounded by the articles read that day,
``BATCH`` at a time: two indexed queries and one upsert per batch.
"""

from datetime import date
from itertools import islice

from articles.models import Article, ArticleReads
from articles.reads import store

BATCH = 1000


def fold_day(day: date) -> int:
    """Fold ``day``'s counters; the number of rows written."""
    totals = store.day_totals(day)
    written = 0
    ids = iter(sorted(totals))
    while batch := list(islice(ids, BATCH)):
        known = set(Article.objects.filter(pk__in=batch).values_list("pk", flat=True))
        folded = dict(
            ArticleReads.objects.filter(day=day, article_id__in=known).values_list(
                "article_id", "count"
            )
        )
        rows = [
            ArticleReads(article_id=pk, day=day, count=totals[pk])
            for pk in batch
            if pk in known and totals[pk] > folded.get(pk, 0)
        ]
        ArticleReads.objects.bulk_create(
            rows, update_conflicts=True, unique_fields=["article", "day"], update_fields=["count"]
        )
        written += len(rows)
    return written
