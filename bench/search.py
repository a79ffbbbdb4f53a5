"""The reader search's one statement at this database's size, through ``EXPLAIN ANALYZE``
(issue #9): a common, a middling and a rare query, the median of five runs each.

Run by hand against seeded PostgreSQL databases (bench/README.md) and compare the sizes::

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/nr_bench_10k .venv/bin/python bench/search.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/nr_bench_1m .venv/bin/python bench/search.py

Per query: the matches the recent table (``RecentSearch``) held, whether the older branch
read the archive's own index, the rows ranked, and the statement's execution time (the
first 20, as the search page asks for them).
"""

import os
import re
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from articles.models import Article, RecentSearch  # noqa: E402
from articles.search import search_articles  # noqa: E402

QUERIES = ["hải phòng", "đà nẵng lễ hội", "số 4242"]
RUNS = 5


def explain(sql, params) -> str:
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, FORMAT TEXT) " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


def _actual_rows(plan: str, node: str) -> str:
    """The rows the first ``node`` of ``plan`` returned; ``-`` when it never ran."""
    for line in plan.splitlines():
        if node in line:
            found = re.search(r"actual time=[\d.]+\.\.[\d.]+ rows=(\d+)", line)
            return found.group(1) if found else "-"
    return "-"


def main() -> None:
    live = Article.objects.live().count()
    print(
        f"{connection.settings_dict['NAME']}: {live} live articles, "
        f"{RecentSearch.objects.count()} in the recent search table\n"
    )
    print("| query | recent matches | older branch | ranked | ms (median of 5) |")
    print("|---|---:|---|---:|---:|")
    for query in QUERIES:
        sql, params = search_articles(query).values("pk")[:20].query.sql_with_params()
        times, plan = [], ""
        for _ in range(RUNS):
            plan = explain(sql, params)
            times.append(float(re.search(r"Execution Time: ([\d.]+)", plan).group(1)))
        recent = _actual_rows(plan, "CTE Scan on recent_matches")
        older = _actual_rows(plan, "CTE Scan on older_matches")
        ranked = _actual_rows(plan, "HashAggregate")
        print(
            f"| {query} | {recent} | {'skipped' if older == '-' else f'read, {older} rows'} | "
            f"{ranked} | {statistics.median(times):.2f} |"
        )


if __name__ == "__main__":
    main()
