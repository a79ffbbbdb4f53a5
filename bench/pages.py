"""Reader pages benchmark: queries and response times, with the cache cold and warm.

Run by hand against the current database (``DATABASE_URL``; SQLite file by default)::

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python manage.py migrate
    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python manage.py seed_bench --articles 2000
    DATABASE_URL=sqlite:////tmp/bench.sqlite3 DJANGO_SETTINGS_MODULE=newsroom.settings \\
        .venv/bin/python bench/pages.py --requests 50

For each page it makes ``--requests`` anonymous GETs through Django's test client
(no network, no server: the time is Django, the templates and the database), first
with the cache emptied before every request ("cold": every query runs), then with
the cache primed by one request ("warm": the page cache answers). It prints a
Markdown table: queries per request, median and 95th percentile in milliseconds.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

import django  # noqa: E402

django.setup()

from client_settings import client_settings  # noqa: E402  (bench/, beside this script)
from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from articles.models import Article  # noqa: E402


def pages() -> list[tuple[str, str]]:
    live = Article.objects.live()
    count = live.count()
    if not count:
        sys.exit("Không có bài viết nào đã xuất bản: chạy seed_bench hoặc seed_demo trước.")
    # An article from the middle of the archive, not the newest (which a cache would favour).
    article = live.select_related("section").order_by("-published_at", "-pk")[count // 2]
    return [
        ("Trang chủ", reverse("articles:home")),
        ("Chuyên mục", article.section.get_absolute_url()),
        ("Bài viết", article.get_absolute_url()),
        ("Tìm kiếm", reverse("articles:search") + "?q=h%E1%BA%A3i+ph%C3%B2ng"),
        ("RSS", reverse("articles:feed")),
        ("Sitemap", reverse("sitemap")),
    ]


def measure(client: Client, url: str, requests: int, *, warm: bool) -> dict:
    times, queries = [], []
    if warm:
        cache.clear()
        client.get(url)  # prime the page cache
    for _ in range(requests):
        if not warm:
            cache.clear()
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(url)
            elapsed = time.perf_counter() - start
        if response.status_code != 200:
            sys.exit(f"{url} trả về {response.status_code}")
        times.append(elapsed * 1000)
        queries.append(len(captured))
    return {
        "queries": f"{min(queries)}"
        if min(queries) == max(queries)
        else f"{min(queries)}–{max(queries)}",
        "median": statistics.median(times),
        "p95": statistics.quantiles(times, n=20, method="inclusive")[18],
        "bytes": len(response.content),
    }


def commit() -> str:
    try:
        return subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=50, help="requests per page and mode")
    args = parser.parse_args()
    # The page cache on, whatever the default: one process, so local memory is shared
    # (without REDIS_URL the page cache is off by default since issue #8).
    client_settings(NEWSROOM_PAGE_CACHE_SECONDS=300).enable()
    client = Client()
    rows = []
    for name, url in pages():
        client.get(url)  # import templates, warm the connection
        cold = measure(client, url, args.requests, warm=False)
        warm = measure(client, url, args.requests, warm=True)
        rows.append((name, url, cold, warm))

    db = connection.settings_dict
    print(
        f"Commit {commit()}, {datetime.now():%Y-%m-%d %H:%M}, {connection.vendor} ({db['NAME']}),"
    )
    print(
        f"cache {settings.CACHES['default']['BACKEND'].rsplit('.', 1)[-1]}, "
        f"{Article.objects.live().count()} live articles, {args.requests} requests per cell, "
        f"DEBUG={settings.DEBUG}, Python {sys.version.split()[0]}, Django {django.get_version()}."
    )
    print()
    print(
        "| page | URL | queries cold | median cold (ms) | p95 cold (ms) "
        "| queries warm | median warm (ms) | p95 warm (ms) | size (kB) |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, url, cold, warm in rows:
        print(
            f"| {name} | `{url}` | {cold['queries']} | {cold['median']:.1f} | {cold['p95']:.1f} "
            f"| {warm['queries']} | {warm['median']:.1f} | {warm['p95']:.1f} "
            f"| {cold['bytes'] / 1024:.0f} |"
        )


if __name__ == "__main__":
    main()
