"""Deep list pages and the article changelist (issue #9): time and queries, cache off.

Run by hand against a seeded PostgreSQL database (bench/README.md makes one of 1,000,000)::

    createdb -h 127.0.0.1 -U postgres nr_bench
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/nr_bench
    .venv/bin/python manage.py migrate && .venv/bin/python manage.py seed_bench --articles 100000
    psql -h 127.0.0.1 -U postgres nr_bench -c ANALYZE
    .venv/bin/python bench/deep_pages.py --requests 5 [--explain]

Rows: the biggest section's first page and its page "500" (the keyset URL of the card at
position 500 × 20, or the deepest there is), the same deep page the old way (``COUNT(*)``
and ``OFFSET``, the query only, for comparison), then the admin changelist as a superuser:
unfiltered, page 100 and the last page, each state, the biggest and the smallest section,
the author with the most and with the fewest articles, this month, an old month, searches,
the counts sidebar (``_facets``); and as the journalists with the most and the fewest
articles (they see their own). Prints a Markdown table; with ``--explain``, then
``EXPLAIN (ANALYZE, BUFFERS)`` of every query a changelist row makes on the articles.
"""

import argparse
import math
import os
import statistics
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

import django  # noqa: E402

django.setup()

from client_settings import client_settings  # noqa: E402  (bench/, beside this script)
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count, Min  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from articles import keyset, publishing  # noqa: E402
from articles.models import Article, Section  # noqa: E402

CHANGELIST = reverse("admin:articles_article_changelist")
OK = (200, 302)  # a page past the last one the admin offers redirects to ?e=1
STATES = [  # the admin's StateFilter
    ("draft", "Bản nháp"),
    ("submitted", "Chờ duyệt"),
    ("returned", "Trả lại"),
    ("scheduled", "Hẹn giờ"),
    ("live", "Đã xuất bản"),
]


def timed(call, requests: int) -> tuple[float, int, int]:
    call()  # warm templates and the connection
    times, queries, status = [], 0, 0
    for _ in range(requests):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            status = call()
            times.append((time.perf_counter() - start) * 1000)
        queries = len(captured)
    return statistics.median(times), queries, status


def get(client: Client, url: str):
    def call():
        response = client.get(url)
        if response.status_code not in OK:
            sys.exit(f"{url} trả về {response.status_code}")
        return response.status_code

    return call


def explain(client: Client, url: str) -> str:
    """EXPLAIN (ANALYZE, BUFFERS) of each query one request to ``url`` makes on the articles."""
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    out = []
    for query in captured:
        sql = query["sql"]
        if not sql.startswith("SELECT") or '"articles_article"' not in sql:
            continue
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
            plan = "\n".join(row[0] for row in cursor.fetchall())
        out.append(f"-- {sql[:300]}{'…' if len(sql) > 300 else ''}\n{plan}")
    return "\n\n".join(out)


def local_midnight(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, datetime.min.time()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=5)
    parser.add_argument("--page", type=int, default=500)
    parser.add_argument("--explain", action="store_true", help="EXPLAIN the changelist rows")
    parser.add_argument(
        "--no-facets", action="store_true", help="leave out ?_facets (minutes at 1,000,000 before)"
    )
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

    User = get_user_model()
    user = User.objects.filter(is_superuser=True).first()
    if user is None:
        user = User.objects.create_superuser("bench", password="bench-only")
    admin = Client()
    admin.force_login(user)
    page_no = depth // keyset.PER_PAGE + 1
    rows = [
        ("chuyên mục, trang 1", section_url, get(Client(), section_url)),
        (f"chuyên mục, trang {page_no} (keyset)", deep_url, get(Client(), deep_url)),
        (f"chuyên mục, trang {page_no} cách cũ (COUNT + OFFSET)", "—", old_deep_page),
    ]

    # The admin's rows: the extremes of each filter.
    total = Article.objects.count()
    sections = Section.objects.annotate(n=Count("articles")).filter(n__gt=0).order_by("n")
    small, big = sections.first(), sections.last()
    authored = (
        Article.authors.through.objects.values("user_id").annotate(n=Count("*")).order_by("n")
    )
    most, fewest = authored.last(), authored.first()
    today = timezone.localdate()
    month = local_midnight(today.replace(day=1))
    following = local_midnight((today.replace(day=28) + timedelta(days=4)).replace(day=1))
    oldest = Article.objects.aggregate(first=Min("published_at"))["first"]
    old = timezone.localtime(oldest + (timezone.now() - oldest) / 3)  # a third of the way in
    old_month = {"published_at__year": old.year, "published_at__month": old.month}
    last_page = max(1, math.ceil(total / 100))
    admin_rows = [
        ("danh sách", {}),
        ("trang 100", {"p": 100}),
        (f"trang cuối ({last_page})", {"p": last_page}),
        *[(f"lọc {label.lower()}", {"trang_thai": value}) for value, label in STATES],
        (f"lọc chuyên mục lớn nhất ({big.n})", {"section__id__exact": big.pk}),
        (f"lọc chuyên mục nhỏ nhất ({small.n})", {"section__id__exact": small.pk}),
        (f"lọc tác giả nhiều bài nhất ({most['n']})", {"authors__id__exact": most["user_id"]}),
        (f"lọc tác giả ít bài nhất ({fewest['n']})", {"authors__id__exact": fewest["user_id"]}),
        (
            "lọc tác giả nhiều bài nhất + bản nháp",
            {"authors__id__exact": most["user_id"], "trang_thai": "draft"},
        ),
        ("lọc tháng này", {"published_at__gte": str(month), "published_at__lt": str(following)}),
        (f"lọc tháng {old:%m/%Y}", old_month),
        ("tìm “hai phong”", {"q": "hai phong"}),
        ("tìm “hai”", {"q": "hai"}),
        ("tìm “khai truong”", {"q": "khai truong"}),
        ("tìm “12345” (hiếm)", {"q": "12345"}),
        ("hiện số lượng (_facets)", {"_facets": "True"}),
    ]  # fmt: skip
    if args.no_facets:
        admin_rows = [(name, params) for name, params in admin_rows if "_facets" not in params]
    admin_urls = []
    for name, params in admin_rows:
        url = CHANGELIST + (f"?{urlencode(params)}" if params else "")
        admin_urls.append((admin, url))
        rows.append((f"admin, {name}", url, get(admin, url)))
    # Journalists: their own articles only (Article.objects.visible_to).
    journalists = [
        u for u in User.objects.filter(pk__in=[most["user_id"], fewest["user_id"]])
        if not publishing.is_editor(u)
    ]  # fmt: skip
    for journalist in journalists:
        client = Client()
        client.force_login(journalist)
        n = most["n"] if journalist.pk == most["user_id"] else fewest["n"]
        admin_urls.append((client, CHANGELIST))
        rows.append((f"phóng viên ({n} bài), danh sách", CHANGELIST, get(client, CHANGELIST)))

    db = connection.settings_dict
    print(
        f"{connection.vendor} ({db['NAME']}), {total} articles, "
        f"biggest section {top['n']} live, median of {args.requests} requests, cache off."
    )
    print()
    print("| page | URL | queries | median (ms) |")
    print("|---|---|---:|---:|")
    for name, url, call in rows:
        median, queries, status = timed(call, args.requests)
        shown = url if len(url) < 70 else url[:67] + "…"
        shown = f"`{shown}`" + (f" → {status}" if status not in (None, 200) else "")
        print(f"| {name} | {shown} | {queries} | {median:.1f} |")
    if args.explain and connection.vendor == "postgresql":
        for client, url in admin_urls:
            print(f"\n### {url}\n```\n{explain(client, url)}\n```")


if __name__ == "__main__":
    main()
