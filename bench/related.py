""" "Xem thêm" and the home page's section blocks: old and new queries, side by side.

Run by hand against a seeded PostgreSQL database (issue #9)::

    createdb -h 127.0.0.1 -U postgres nr_bench_100k
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/nr_bench_100k
    .venv/bin/python manage.py migrate && .venv/bin/python manage.py seed_bench --articles 100000
    psql "$DATABASE_URL" -c ANALYZE
    .venv/bin/python bench/related.py --articles 20 [--explain]

``old_related`` and ``old_sections`` are the implementations before issue #9, copied here
(``suggest`` is the rule since, run when an article changes; ``related_articles`` reads
what it stored)
so both run on the same data. Each is timed once per article, on ``--articles`` different
articles spread over the archive (each call reads rows no earlier call read: as close to
cold as a warm server gets), and the table gives the median and the slowest in ms.
``--explain`` prints ``EXPLAIN (ANALYZE, BUFFERS)`` of the new queries.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
# Each query as its SQL (EXPLAINed below), not as EXECUTE of a prepared statement.
os.environ["NEWSROOM_PREPARED_STATEMENTS"] = "0"

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.db.models import Count, F, IntegerField, OuterRef, Q, Subquery, Value, Window  # noqa: E402
from django.db.models.functions import Coalesce, RowNumber  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from articles import cards, home_page  # noqa: E402
from articles.models import Article, RelatedArticle, Section, TaggedArticle  # noqa: E402
from articles.related import related_articles, suggest  # noqa: E402


def old_related(article, limit=6):
    """Before issue #9: every live article of the section or sharing a tag, scored."""
    picked = RelatedArticle.objects.filter(from_article=article.pk, to_article=OuterRef("pk"))
    own_tags = TaggedArticle.objects.filter(content_object=article.pk).values("tag_id")
    shared = (
        TaggedArticle.objects.filter(content_object=OuterRef("pk"), tag_id__in=own_tags)
        .order_by()
        .values("content_object")
        .annotate(n=Count("pk"))
        .values("n")
    )
    candidates = (
        Article.objects.live()
        .exclude(pk=article.pk)
        .filter(
            Q(pk__in=RelatedArticle.objects.filter(from_article=article.pk).values("to_article"))
            | Q(pk__in=TaggedArticle.objects.filter(tag_id__in=own_tags).values("content_object"))
            | Q(section=article.section_id)
        )
        .annotate(
            pick_position=Subquery(picked.values("position")[:1]),
            pick_id=Subquery(picked.values("pk")[:1]),
            shared_tags=Coalesce(Subquery(shared, output_field=IntegerField()), Value(0)),
        )
        .select_related("section")
        .order_by(
            F("pick_position").asc(nulls_last=True),
            F("pick_id").asc(nulls_last=True),
            "-shared_tags",
            "-published_at",
            "-pk",
        )
    )
    return list(candidates[:limit])


def old_sections():
    """Before issue #9: every live article numbered by a window function, four kept."""
    return list(
        cards.queryset()
        .annotate(
            row=Window(
                RowNumber(),
                partition_by=F("section_id"),
                order_by=[F("published_at").desc(), F("pk").desc()],
            )
        )
        .filter(row__lte=home_page.PER_SECTION)
        .order_by("section__position", "section__name", "section_id", "row")
    )


def new_sections():
    return home_page.read(list(Section.objects.values_list("pk", flat=True)), timezone.now())


def timed(call, arg=None):
    start = time.perf_counter()
    call() if arg is None else call(arg)
    return (time.perf_counter() - start) * 1000


def sample(count):
    live = Article.objects.live().order_by("-published_at", "-pk")
    total = live.count()
    step = max(1, total // count)
    return [
        Article.objects.prefetch_related("tags").get(pk=pk)
        for pk in list(live.values_list("pk", flat=True)[::step][:count])
    ], total


def explain(call, arg=None):
    with CaptureQueriesContext(connection) as captured:
        call() if arg is None else call(arg)
    with connection.cursor() as cursor:
        for query in captured.captured_queries:
            if not query["sql"].startswith("SELECT"):
                continue
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + query["sql"].replace("%", "%%"))
            print("\n".join(row[0] for row in cursor.fetchall()), end="\n\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=20)
    parser.add_argument("--old", type=int, help="runs of the old queries (default: all)")
    parser.add_argument("--explain", action="store_true")
    options = parser.parse_args()
    articles, total = sample(options.articles)
    old = options.articles if options.old is None else options.old
    rows = {
        "related, old": [timed(old_related, a) for a in articles[:old]],
        # The rule, now run when an article changes, and what the page reads.
        "related, rule (on publish)": [timed(suggest, a) for a in reversed(articles)],
        "related, stored (page)": [timed(related_articles, a) for a in articles],
        "home sections, old": [timed(old_sections) for _ in range(min(old, 5))],
        "home sections, new": [timed(new_sections) for _ in range(5)],
    }
    for article in articles[: min(old, 3)]:  # differ where an old article shares more tags
        old, new = old_related(article), related_articles(article)
        if [a.pk for a in old] != [a.pk for a in new]:
            print(f"# article {article.pk}: old {[a.pk for a in old]} new {[a.pk for a in new]}")
    print(f"\n{total:,} live articles, {connection.vendor}\n")
    print("| query | median ms | slowest ms | runs |\n|---|---:|---:|---:|")
    for name, times in filter(lambda row: row[1], rows.items()):
        print(f"| {name} | {statistics.median(times):.1f} | {max(times):.1f} | {len(times)} |")
    if options.explain:
        print("\n## suggest\n")
        explain(suggest, articles[len(articles) // 2])
        print("\n## related_articles\n")
        explain(related_articles, articles[len(articles) // 2])
        print("## home sections\n")
        explain(new_sections)


if __name__ == "__main__":
    main()
