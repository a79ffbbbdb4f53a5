"""Sitemaps benchmark (issue #9): time and queries of the index and the biggest month.

Run by hand against the current database, as ``bench/pages.py``::

    DATABASE_URL=postgres://... .venv/bin/python bench/sitemaps.py --requests 5

Every request runs with the cache emptied first (the page cache would answer otherwise).
Prints a Markdown table, then EXPLAIN (ANALYZE, BUFFERS) of the index's months query, of
the tags with a live article (the index and the tags sitemap) and of the biggest month's
page query (PostgreSQL only).
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import django  # noqa: E402
from client_settings import client_settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from pages import commit, measure  # noqa: E402  (sets Django up)

from articles import sitemaps  # noqa: E402
from articles.models import Article  # noqa: E402


def explain(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=5, help="requests per URL")
    args = parser.parse_args()
    client_settings().enable()
    months = sitemaps.article_months()
    biggest = max(months, key=lambda month: month.count)
    month_url = reverse("sitemap-section", kwargs={"section": biggest.section})
    pages = biggest.paginator.num_pages
    urls = [
        ("index", reverse("sitemap")),
        (f"month ({biggest.count} articles), page 1", month_url),
        (f"same month, last page ({pages})", f"{month_url}?p={pages}"),
        ("sections", reverse("sitemap-section", kwargs={"section": "chuyen-muc"})),
        ("tags", reverse("sitemap-section", kwargs={"section": "the"})),
        ("news", reverse("sitemap-news")),
    ]
    client = Client()
    db = connection.settings_dict
    print(f"Commit {commit()}, {connection.vendor} ({db['NAME']}), ", end="")
    print(f"{Article.objects.live().count()} live articles in {len(months)} months, ", end="")
    print(f"{args.requests} cold requests per row, Django {django.get_version()}.\n")
    print("| sitemap | URL | queries | median (ms) | p95 (ms) | size (kB) |")
    print("|---|---|---:|---:|---:|---:|")
    for name, url in urls:
        client.get(url)  # import templates, warm the connection
        cold = measure(client, url, args.requests, warm=False)
        print(
            f"| {name} | `{url}` | {cold['queries']} | {cold['median']:.1f} "
            f"| {cold['p95']:.1f} | {cold['bytes'] / 1024:.0f} |"
        )
    if connection.vendor == "postgresql":
        months_query = sitemaps.month_rows()
        print("\nMonths query (the index):\n```\n" + explain(months_query) + "\n```")
        tags = sitemaps.TagSitemap().items()
        print("\nTags with a live article:\n```\n" + explain(tags) + "\n```")
        page = biggest.items()[: biggest.limit]
        print("\nA month's page query:\n```\n" + explain(page) + "\n```")


if __name__ == "__main__":
    main()
