"""Deep list pages and the article changelist (issue #9): time and queries, cache off.

Run by hand against a seeded PostgreSQL database::

    createdb -h 127.0.0.1 -U postgres nr_bench
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/nr_bench
    .venv/bin/python manage.py migrate && .venv/bin/python manage.py seed_bench --articles 100000
    psql -h 127.0.0.1 -U postgres nr_bench -c ANALYZE
    .venv/bin/python bench/deep_pages.py --requests 5

Rows: the biggest section's first page and its page "500" (the keyset URL of the card at
position 500 × 20, or the deepest there is), the same deep page the old way (``COUNT(*)``
and ``OFFSET``, the query only, for comparison), and the admin changelist as a superuser:
unfiltered, filtered (state, section, author), searched. Prints a Markdown table.
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

import django  # noqa: E402

django.setup()

from client_settings import client_settings  # noqa: E402  (bench/, beside this script)
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from articles import keyset  # noqa: E402
from articles.models import Article  # noqa: E402

CHANGELIST = reverse("admin:articles_article_changelist")


def timed(call, requests: int) -> tuple[float, int]:
    call()  # warm templates and the connection
    times, queries = [], 0
    for _ in range(requests):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            call()
            times.append((time.perf_counter() - start) * 1000)
        queries = len(captured)
    return statistics.median(times), queries


def get(client: Client, url: str):
    def call():
        response = client.get(url)
        if response.status_code != 200:
            sys.exit(f"{url} trả về {response.status_code}")

    return call


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=5)
    parser.add_argument("--page", type=int, default=500)
    args = parser.parse_args()
    client_settings(NEWSROOM_PAGE_CACHE_SECONDS=0).enable()

    top = (
        Article.objects.live()
        .values("section_id", "section__slug")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()
    )
    listing = Article.objects.live().filter(section_id=top["section_id"])
    depth = min((args.page - 1) * keyset.PER_PAGE, top["n"] - keyset.PER_PAGE - 1)
    before = listing.order_by("-published_at", "-pk")[depth - 1]
    section_url = reverse("articles:section", kwargs={"slug": top["section__slug"]})
    deep_url = f"{section_url}?truoc={keyset.format_position(before.published_at, before.pk)}"

    def old_deep_page():  # what the Paginator did: count everything, then OFFSET
        listing.count()
        list(listing.select_related("section", "lead_photo")[depth : depth + keyset.PER_PAGE])

    user = get_user_model().objects.filter(is_superuser=True).first()
    if user is None:
        user = get_user_model().objects.create_superuser("bench", password="bench-only")
    author = Article.authors.through.objects.values_list("user_id", flat=True).first()
    admin = Client()
    admin.force_login(user)
    page_no = depth // keyset.PER_PAGE + 1
    rows = [
        ("chuyên mục, trang 1", section_url, get(Client(), section_url)),
        (f"chuyên mục, trang {page_no} (keyset)", deep_url, get(Client(), deep_url)),
        (f"chuyên mục, trang {page_no} cách cũ (COUNT + OFFSET)", "—", old_deep_page),
    ]
    for name, query in [
        ("admin, danh sách", ""),
        ("admin, lọc đã xuất bản", "?trang_thai=live"),
        ("admin, lọc chuyên mục", f"?section__id__exact={top['section_id']}"),
        ("admin, lọc tác giả", f"?authors__id__exact={author}"),
        ("admin, tìm “hai phong”", "?q=hai+phong"),
        ("admin, tìm “hai”", "?q=hai"),
        ("admin, tìm “khai truong”", "?q=khai+truong"),
    ]:
        rows.append((name, CHANGELIST + query, get(admin, CHANGELIST + query)))

    db = connection.settings_dict
    print(
        f"{connection.vendor} ({db['NAME']}), {Article.objects.count()} articles, "
        f"biggest section {top['n']} live, median of {args.requests} requests, cache off."
    )
    print()
    print("| page | URL | queries | median (ms) |")
    print("|---|---|---:|---:|")
    for name, url, call in rows:
        median, queries = timed(call, args.requests)
        shown = url if len(url) < 70 else url[:67] + "…"
        print(f"| {name} | `{shown}` | {queries} | {median:.1f} |")


if __name__ == "__main__":
    main()
