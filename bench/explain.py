"""Every query of every reader page, through ``EXPLAIN (ANALYZE, BUFFERS)`` (issue #9).

Run by hand against a seeded PostgreSQL database (bench/README.md)::

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/nr_bench_1m
    .venv/bin/python bench/explain.py [--plans]

Each reader page (home, an article, section page 1 and a deep keyset page, a tag, an
author, a search, RSS, the sitemap index, a monthly sitemap, the news sitemap) is asked
for once through Django's test client with the page cache off; each query it made is run
again under ``EXPLAIN (ANALYZE, BUFFERS)``. The table gives, per query, its execution
time, the rows and buffers the plan read, and every sequential scan of a table that grows
with the archive (articles, tags of articles, authors of articles, photos of articles):
there must be none. ``--plans`` prints the plans too.
"""

import argparse
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
os.environ["NEWSROOM_PAGE_CACHE_SECONDS"] = "0"
# Each query as its SQL, not as EXECUTE of a prepared statement (articles/prepared.py), so
# it can be read and explained as written.
os.environ["NEWSROOM_PREPARED_STATEMENTS"] = "0"

import django  # noqa: E402

django.setup()

from client_settings import client_settings  # noqa: E402  (bench/, beside this script)
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from articles import keyset  # noqa: E402
from articles.models import Article, Section, Tag  # noqa: E402
from tests.sitemap_urls import month_sitemap_url  # noqa: E402

GROWING = ("articles_article", "articles_taggedarticle", "articles_article_authors")
GROWING += ("articles_article_photos", "articles_relatedarticle")


def pages() -> dict[str, str]:
    live = Article.objects.live()
    section = Section.objects.annotate(n=Count("articles")).order_by("-n").only("slug").first()
    cards = live.filter(section=section).order_by("-published_at", "-pk")
    deep = cards[max(min(500 * keyset.PER_PAGE, cards.count() - keyset.PER_PAGE - 1), 0)]
    position = keyset.format_position(deep.published_at, deep.pk)
    middle = live.order_by("-published_at", "-pk")[live.count() // 2]
    tag = Tag.objects.annotate(n=Count("tagged_articles")).order_by("-n").first()
    author = middle.authors.order_by("pk").first()
    return {
        "home": "/",
        "article (middle of the archive)": middle.get_absolute_url(),
        "section, page 1": section.get_absolute_url(),
        "section, page 500": f"{section.get_absolute_url()}?truoc={position}",
        "tag (biggest)": tag.get_absolute_url(),
        "author": reverse("articles:author", kwargs={"pk": author.pk}),
        "search": "/tim-kiem/?q=h%E1%BA%A3i+ph%C3%B2ng",
        "RSS": "/rss.xml",
        "sitemap index": "/sitemap.xml",
        "monthly sitemap": month_sitemap_url(middle.published_at),
        "news sitemap": "/sitemap-news.xml",
    }


def explain(sql: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
        return "\n".join(row[0] for row in cursor.fetchall())


def summary(plan: str) -> tuple[float, int, list[str]]:
    time = float(re.search(r"Execution Time: ([\d.]+) ms", plan).group(1))
    buffers = sum(int(n) for n in re.findall(r"shared (?:hit|read)=(\d+)", plan.split("\n")[1]))
    seq = sorted(set(re.findall(r"Seq Scan on (\w+)", plan)) & set(GROWING))
    return time, buffers, seq


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--plans", action="store_true", help="print every plan")
    args = parser.parse_args()
    assert connection.vendor == "postgresql", "EXPLAIN ANALYZE needs PostgreSQL"
    client = Client()
    total, live = Article.objects.count(), Article.objects.live().count()
    print(f"{connection.settings_dict['NAME']}: {total} articles, {live} live\n")
    print("| page | query | first table | ms | buffers | sequential scans of growing tables |")
    print("|---|---:|---|---:|---:|---|")
    plans, failures = [], []
    with client_settings():
        for name, url in pages().items():
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            for number, query in enumerate(queries.captured_queries, 1):
                plan = explain(query["sql"])
                ms, buffers, seq = summary(plan)
                table = re.search(r'FROM "(\w+)"', query["sql"])
                table = table.group(1) if table else "—"
                print(
                    f"| {name} | {number} | `{table}` | {ms:.2f} | {buffers} | "
                    f"{', '.join(seq) or 'none'} |"
                )
                plans.append((name, number, url, plan))
                if seq:
                    failures.append(f"{name} #{number}")
    if args.plans:
        for name, number, url, plan in plans:
            print(f"\n### {name}, query {number} (`{url}`)\n\n```\n{plan}\n```")
    print("\nsequential scans of growing tables:", ", ".join(failures) or "none")


if __name__ == "__main__":
    main()
