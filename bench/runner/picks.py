"""The pages ``bench/run`` loads, picked from the database, and their queries (cold).

Needs Django set up on the measured database. Every URL is one a reader can reach: the
deep section page is the keyset link "Trang sau" carries (``?truoc=<position>`` of the last
card of the page before, ``articles/keyset.py``), the monthly sitemap is the one the
index lists for the biggest month.
"""

import random
import sys
from dataclasses import dataclass, field
from urllib.parse import quote

from django.db import connection
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles import keyset
from articles.models import Article, TaggedArticle
from articles.sitemaps import ArticleSitemap, month_rows

SEARCH = "hải phòng"


@dataclass
class Page:
    key: str
    label: str
    path: str
    rotation: list[str] = field(default_factory=list)  # paths wrk rotates over, when any
    queries: int | None = None
    bytes: int | None = None


def pick(deep_page: int = 500, rotation: int = 1000) -> list[Page]:
    live = Article.objects.live()
    count = live.count()
    if not count:
        sys.exit("Không có bài viết nào đã xuất bản.")
    ordered = live.order_by("published_at", "pk").values_list("pk", flat=True)
    # One article from the middle of the archive (not the newest, which a cache favours),
    # and ``rotation`` spread evenly over all of it, oldest to newest, in a shuffled order.
    middle = ordered[count // 2]
    ids = list(ordered.iterator(chunk_size=10_000))
    step = len(ids) / min(rotation, len(ids))
    spread = [ids[int(i * step + step / 2)] for i in range(min(rotation, len(ids)))]
    random.Random(9).shuffle(spread)
    urls = {
        a.pk: a.get_absolute_url()
        for a in Article.objects.filter(pk__in=[middle, *spread])
        .select_related("section")
        .only("slug", "section__slug")
    }
    pages = [
        Page("article", "bài viết", urls[middle]),
        Page(
            "article_rotating",
            f"bài viết, {len(spread)} URL xoay vòng",
            urls[spread[0]],
            rotation=[urls[pk] for pk in spread],
        ),
        Page("home", "trang chủ", reverse("articles:home")),
    ]
    pages += _section_pages(live, deep_page)
    tag = (
        TaggedArticle.objects.values("tag__slug")
        .annotate(n=Count("pk"))
        .order_by("-n", "tag__slug")
        .first()
    )
    if tag:
        path = reverse("articles:tag", kwargs={"slug": tag["tag__slug"]})
        pages.append(Page("tag", f"thẻ ({tag['n']} bài)", path))
    pages.append(
        Page("search", f"tìm kiếm “{SEARCH}”", f"{reverse('articles:search')}?q={quote(SEARCH)}")
    )
    pages.append(Page("sitemap_index", "sitemap index", reverse("sitemap")))
    month = max(month_rows(), key=lambda row: row["count"])
    sitemap = ArticleSitemap(month["month"].date())
    pages.append(
        Page(
            "sitemap_month",
            f"sitemap tháng {sitemap.month:%m/%Y} ({month['count']} bài), trang 1",
            reverse("sitemap-section", kwargs={"section": sitemap.section}),
        )
    )
    pages.append(Page("rss", "RSS", reverse("articles:feed")))
    return pages


def _section_pages(live, deep_page: int) -> list[Page]:
    """The biggest section's first page and its page ``deep_page`` (or its deepest)."""
    top = (
        live.values("section_id", "section__slug")
        .annotate(n=Count("pk"))
        .order_by("-n", "section_id")
        .first()
    )
    path = reverse("articles:section", kwargs={"slug": top["section__slug"]})
    listing = live.filter(section_id=top["section_id"]).order_by("-published_at", "-pk")
    pages = [Page("section", f"chuyên mục ({top['n']} bài), trang 1", path)]
    # Page p's "Trang sau" link is ?truoc=<position of the last card of page p - 1>, the
    # card at (p - 1) × 20 - 1; p is at most the deepest full page.
    page = min(deep_page, top["n"] // keyset.PER_PAGE)
    if page >= 2:
        before = listing.values("published_at", "pk")[(page - 1) * keyset.PER_PAGE - 1]
        position = keyset.format_position(before["published_at"], before["pk"])
        label = f"chuyên mục, trang {page} (keyset)"
        pages.append(Page("section_deep", label, f"{path}?truoc={position}"))
    return pages


def count_queries(pages: list[Page]) -> None:
    """Queries of one request per page through the test client, page cache off (cold)."""
    from client_settings import client_settings  # bench/, beside bench/run

    with client_settings(NEWSROOM_PAGE_CACHE_SECONDS=0):
        client = Client()
        for page in pages:
            # A first request loads templates and per-process caches; the second is counted.
            warm_up = page.rotation[1] if len(page.rotation) > 1 else page.path
            client.get(warm_up)
            with CaptureQueriesContext(connection) as captured:
                response = client.get(page.path)
            if response.status_code != 200:
                sys.exit(f"{page.path} trả về {response.status_code} (test client)")
            page.queries = len(captured)
