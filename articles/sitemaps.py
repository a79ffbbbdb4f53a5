"""Sitemaps (issue #9): ``/sitemap.xml`` is an index of the sections and tags sitemaps and
one article sitemap per month with live articles; ``/sitemap-news.xml`` holds the last two
days for Google News.

A month over ``ArticleSitemap.limit`` (2,000) URLs is paged with ``?p=``, and the index lists
every page, so every live article is in exactly one sitemap whatever the size of the archive. Each
monthly sitemap reads one range of ``article_live_idx`` (status, published_at). The index
needs each month's count and latest change: this month's (and any later) are grouped from
one index range; the *closed* months' (before this one: no scheduled article can be in
them) are grouped once and kept in a shared cache under the ``ARCHIVE`` generation, which
only a change to a live article of a closed month moves (``articles/invalidation.py``),
so the index costs the same at 1,000,000 articles as at 10,000 (on a per-process cache
they are grouped on each request: an index-only scan of ``article_live_idx``, which on
PostgreSQL carries ``updated_at``). What a closed month shows is rendered once too and kept
under the same generation: its part of the index (≈ 540 entries at five years of a
million articles) and each page of its sitemap (2,000 URLs), so neither is rebuilt for a
crawler until one of its articles changes. Both are reader pages: the page cache keeps
them too.
"""

import re
from datetime import date, datetime, time, timedelta
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.core.paginator import Paginator
from django.db.models import OuterRef, Subquery
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.http import parse_http_date

from articles import cachesafe
from articles.invalidation import closed_before
from articles.links import absolute_url
from articles.models import Article, Section, Tag
from articles.sitemap_months import (  # noqa: F401 (tests and bench read them here)
    CLOSED_KEY,
    CLOSED_SECONDS,
    CLOSED_XML_KEY,
    OPEN_KEY,
    OPEN_SECONDS,
    archive_generations,
    closed_months,
    closed_xml_key,
    month_rows,
    open_months,
)
from articles.views import read_methods

NEWS_WINDOW = timedelta(days=2)
NEWS_LIMIT = 1000  # Google News reads at most 1,000 URLs per sitemap
MONTH_SECTION = re.compile(r"bai-viet-(\d{4})-(\d{2})")
KEPT_HEADERS = ("Last-Modified", "X-Robots-Tag")
PAGE_NUMBER = re.compile(r"[1-9][0-9]{0,5}")


class SiteSitemap(Sitemap):
    """URLs on NEWSROOM_SITE_URL (contrib.sites is not installed, and the Host header is
    whatever the client sent)."""

    def get_protocol(self, protocol=None):
        return urlsplit(settings.NEWSROOM_SITE_URL).scheme or "https"

    def get_domain(self, site=None):
        return urlsplit(settings.NEWSROOM_SITE_URL).netloc


class ArticleSitemap(SiteSitemap):
    """Live articles published in one month (local time), oldest first, so that a new
    article never moves an older one to another ``?p=`` page."""

    changefreq = "daily"
    # Not Django's 50,000: a page renders at ~100 µs a URL. 10,000 cost a crawler's first
    # request after an edit 0.8 s and every hit 1.9 MB (bench/run at 1,000,000: 135 ms p99
    # warm); 2,000 is ≈ 0.2 s and 380 kB, ~9 pages a month, ~540 in the index at 5 years.
    limit = 2_000

    def __init__(self, month: date, count: int | None = None, latest: datetime | None = None):
        self.month, self.count, self.latest = month, count, latest

    @property
    def section(self) -> str:
        return f"bai-viet-{self.month:%Y-%m}"

    @property
    def paginator(self):
        # An empty month is a 404 (and never cached), not an empty urlset. The queryset is
        # built only when a page is read: the index asks every month for its number of
        # pages alone, and building 60 querysets cost it 21 ms.
        paginator = Paginator(_Deferred(self._items), self.limit, allow_empty_first_page=False)
        if self.count is not None:
            paginator.count = self.count  # the index read it with every other month
        return paginator

    def items(self):
        start = timezone.make_aware(datetime.combine(self.month, time.min))
        following = (self.month.replace(day=28) + timedelta(days=4)).replace(day=1)
        end = timezone.make_aware(datetime.combine(following, time.min))
        return (
            Article.objects.live()
            .filter(published_at__gte=start, published_at__lt=end)
            .select_related("section")
            .only("slug", "published_at", "updated_at", "section__slug")
            .order_by("published_at", "pk")
        )

    def lastmod(self, item):
        return max(item.updated_at, item.published_at)

    def get_latest_lastmod(self):
        return self.latest


def _sitemaps(rows) -> dict[str, "ArticleSitemap"]:
    months = (ArticleSitemap(r["month"].date(), r["count"], r["latest"]) for r in rows)
    return {month.section: month for month in months}


class SectionSitemap(SiteSitemap):
    changefreq = "hourly"

    def items(self):
        # The newest live article of each section through article_live_idx, not an
        # aggregate over the whole archive.
        newest = (
            Article.objects.live()
            .filter(section=OuterRef("pk"))
            .order_by("-published_at")
            .values("published_at")[:1]
        )
        return Section.objects.annotate(latest=Subquery(newest)).order_by("position", "name")

    def lastmod(self, item):
        return item.latest


class _Deferred:
    """A queryset made when it is first sliced or counted."""

    def __init__(self, make):
        self._make = make

    def __getitem__(self, key):
        return self._make()[key]

    def count(self):
        return self._make().count()


class TagSitemap(SiteSitemap):
    changefreq = "daily"

    @property
    def paginator(self):
        paginator = Paginator(self._items(), self.limit)
        # Counting the tags with a live article asks each tag for one (300 index probes:
        # 64 ms at 10,000 articles, 141 ms at 1,000,000). The tags themselves, a small table,
        # bound it: up to ``limit`` of them is one page, whatever the exact number.
        every = Tag.objects.count()
        if every <= self.limit:
            paginator.count = every
        return paginator

    def items(self):
        # Only tags with a live article: a tag page without one is a 404. One live article
        # looked up tag by tag (a LIMIT 1 subquery, as SectionSitemap does): an EXISTS became
        # a join of every tagged row with every live article, 1.8 s at 1,000,000 articles.
        # Unordered: any live article will do, and the tag's rows are walked, not the
        # archive newest first (97 ms at 10,000 articles with the model's ordering).
        one_live = Article.objects.live().filter(tags=OuterRef("pk")).order_by().values("pk")[:1]
        return (
            Tag.objects.alias(one_live=Subquery(one_live))
            .filter(one_live__isnull=False)
            .order_by("name")
        )


class NewsSitemap(SiteSitemap):
    """Google News: live articles of the last two days, newest first, at most 1,000."""

    limit = NEWS_LIMIT

    def items(self):
        since = timezone.now() - NEWS_WINDOW
        return (
            Article.objects.live()
            .filter(published_at__gte=since)
            .select_related("section")
            .order_by("-published_at", "-pk")[:NEWS_LIMIT]
        )


SITEMAPS = {"chuyen-muc": SectionSitemap, "the": TagSitemap}
NEWS_SITEMAPS = {"news": NewsSitemap}


def _index_entries(request, sitemaps: dict) -> tuple[str, str | None]:
    """The index entries of ``sitemaps`` (every page of each), as XML, and their latest
    change as an HTTP date (None if one has none)."""
    if not sitemaps:
        return "", None
    response = sitemap_views.index(request, sitemaps, sitemap_url_name="sitemap-section")
    items = response.context_data["sitemaps"]
    # Django writes the Host header the client sent; the site's address is ours to say.
    for item in items:
        path, query = urlsplit(item.location)[2:4]
        item.location = absolute_url(urlunsplit(("", "", path, query, "")))
    xml = render_to_string("articles/_sitemap_index_entries.xml", {"sitemaps": items})
    return xml, response.headers.get("Last-Modified")


@read_methods
def index(request):
    """The sitemap index: sections, tags, then every page of every month's articles, the
    closed months' entries rendered once per ``ARCHIVE`` generation."""
    # A sitemap with no URL is left out: an empty urlset is invalid (the 0.9 schema wants at
    # least one url), as on a new site with no tag on a live article yet.
    listed = {name: sitemap for name, sitemap in SITEMAPS.items() if sitemap().items().exists()}
    before = closed_before()
    generations = archive_generations()
    current = _sitemaps(open_months(before, generations))
    head, head_latest = _index_entries(request, {**listed, **current})
    archive, archive_latest = cachesafe.kept(
        closed_xml_key("index", before, generations),
        lambda: _index_entries(request, _sitemaps(closed_months(before, generations))),
        CLOSED_SECONDS,
    )
    # No request context: the XML shows no banner, so no query for it.
    body = render_to_string("articles/sitemap_index.xml", {"head": head, "archive": archive})
    response = HttpResponse(body, content_type="application/xml")
    latests = [d for d in (head_latest, archive_latest) if d]
    if latests and (head_latest or not head) and (archive_latest or not archive):
        response["Last-Modified"] = max(latests, key=parse_http_date)
    response["X-Robots-Tag"] = "noindex, noodp, noarchive"
    return response


@read_methods
def section(request, section):
    """One sitemap the index lists: ``chuyen-muc``, ``the`` or ``bai-viet-YYYY-MM``."""
    if section in SITEMAPS:
        sitemap = SITEMAPS[section]
    elif match := MONTH_SECTION.fullmatch(section):
        year, month = int(match[1]), int(match[2])
        if not (1000 <= year <= 9998 and 1 <= month <= 12):
            raise Http404("Không có tháng này.")
        sitemap = ArticleSitemap(date(year, month, 1))
        before = closed_before()
        if sitemap.month < before.date():
            return _closed_month(request, sitemap, before)
    else:
        raise Http404("Không có sitemap này.")
    return _render(request, section, sitemap)


def _render(request, section, sitemap):
    # Django's template less its empty priority and hreflang parts (fewer tags to render
    # for each URL), with lastmod to the second: an edit is seen the same day.
    template = "articles/sitemap.xml"
    return sitemap_views.sitemap(request, {section: sitemap}, section, template)


def _closed_month(request, sitemap: ArticleSitemap, before: datetime):
    """A closed month's page, rendered once per generation (a 404 is not kept)."""
    generations = archive_generations()
    rows = closed_months(before, generations, compute=False)
    if rows is not None:  # the index's rows at hand: no COUNT
        sitemap.count = next((r["count"] for r in rows if r["month"].date() == sitemap.month), 0)
    page = request.GET.get("p", "1")
    if not PAGE_NUMBER.fullmatch(page):  # ?p=01, ?p=x: Django's answer, not kept
        return _render(request, sitemap.section, sitemap)

    def render():
        response = _render(request, sitemap.section, sitemap)
        response.render()
        headers = {name: response[name] for name in KEPT_HEADERS if name in response}
        return {"content": response.content, "headers": headers}

    key = closed_xml_key(f"{sitemap.section}:{page}", before, generations)
    kept = cachesafe.kept(key, render, CLOSED_SECONDS)
    return HttpResponse(kept["content"], content_type="application/xml", headers=kept["headers"])
