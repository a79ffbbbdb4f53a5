"""The reader page cache (DESIGN.md, "Read" path).

Anonymous GET requests for reader pages are answered from the cache. The key is the path
and the query parameters the page's view reads (normalised as the view reads them; any
other parameter is left out, so ``/?x=<random>`` is the cached ``/``, not one more entry).

**Exact invalidation** (issue #9). A page records, while it is rendered, the *scopes* it
shows (``depends_on()``): the article page its article, tags, authors and the articles in
its "Xem thêm"; a section page its sections; a tag or author page its tag or author; a page
that records nothing (home, search, feeds, sitemaps) the site-wide lists, ``LISTS``. Every
page also depends on ``SITE`` (the header's banner and section menu, sections' names).
Each scope has a generation counter in the cache; an entry keeps the generations it was
rendered under and is a hit only while all of them are unchanged.
``articles/invalidation.py`` bumps the scopes that a change to reader-visible content
touches, and nothing for drafts and other unseen work, so a desk saving drafts all day
leaves the reader cache warm.

**Scheduled articles** go live with nothing running at their minute. The next scheduled
time is cached (``NEXT_KEY``); the first request after it *sweeps*: it bumps the scopes of
every article that went live on schedule since the last sweep (``SWEPT_KEY``), that is, one
whose ``published_at`` passed while its row was last saved before it. The ``max-age`` sent
downstream never outlives the next scheduled article either.

With the cache unreachable (issue #8) pages are served uncached, and bumps that could not be
made are owed: this process makes them as soon as the cache answers again, so pages cached
before the outage are not served after it.
"""

import contextvars
import hashlib
import logging
from datetime import datetime
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.cache import patch_cache_control

from articles import cachesafe
from articles.api.params import KEY_PARAMS as API_KEY_PARAMS
from articles.generations import (  # noqa: F401 (the page cache's names, as before)
    ARCHIVE,
    BUMPS,
    GEN_KEY,
    LISTS,
    SITE,
    _gen_key,
    article_scope,
    author_scope,
    bump,
    generation,
    generations,
    kept_while,
    owe,
    pay_owed_bumps,
    section_scope,
    tag_scope,
)
from newsroom import routers

logger = logging.getLogger("newsroom.cache")

PAGE_KEY = "pagecache:page:{digest}"
NEXT_KEY = "pagecache:next-scheduled"
SWEPT_KEY = "pagecache:swept"
EXCLUDED_PREFIXES = ("/admin/", "/doc/", "/healthz", "/media/", "/static/", "/xem-truoc/")
# What a downstream cache (a browser, a proxy) may keep a page for: it is not told of edits.
DOWNSTREAM_MAX_AGE = 60

_recording: contextvars.ContextVar[set[str] | None] = contextvars.ContextVar(
    "pagecache_scopes", default=None
)


def depends_on(*scopes: str) -> None:
    """Record that the page being rendered shows ``scopes``; nothing outside the cache."""
    recorded = _recording.get()
    if recorded is not None:
        recorded.update(scopes)


# Keys ------------------------------------------------------------------------------------


def _page_number(value: str | None) -> str:
    # As Paginator.page() reads it: absent is 1, "02" is 2; what int() refuses is a 404,
    # never stored, and cannot be mistaken for a number.
    if value is None:
        return "1"
    try:
        return str(int(value))
    except ValueError:
        return value


def _search_query(value: str | None) -> str:
    from articles.search import clean_query

    return clean_query(value)


def _position(value: str | None) -> str:
    from articles.keyset import normalise_position

    return normalise_position(value)


# The query parameters each view reads. A view that starts reading one must be listed here,
# or every value of it is served the page cached for the first.
_LIST_PARAMS = {"trang": _page_number, "truoc": _position, "sau": _position}
KEY_PARAMS = {
    "articles:section": _LIST_PARAMS,
    "articles:tag": _LIST_PARAMS,
    "articles:author": _LIST_PARAMS,
    "articles:search": {"q": _search_query, "trang": _page_number},
    "sitemap-news": {"p": _page_number},
    "sitemap-section": {"p": _page_number},
    **API_KEY_PARAMS,  # the read API's lists (articles/api/params.py)
}


def _key_path(request) -> str | None:
    """The path and the parameters its view reads, normalised; None when no view answers."""
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    params = KEY_PARAMS.get(match.view_name, {})
    query = urlencode([(name, read(request.GET.get(name))) for name, read in params.items()])
    return f"{request.path}?{query}"


def _page_key(key_path: str) -> str:
    return PAGE_KEY.format(digest=hashlib.sha256(key_path.encode()).hexdigest())


# The schedule ----------------------------------------------------------------------------


def forget_next_scheduled() -> None:
    """Called when an article enters or leaves the schedule: the next time may have moved."""
    if cachesafe.call(cache.delete, NEXT_KEY, fallback="unreachable") == "unreachable":
        owe(SITE)  # the old time stays; bumping everything when back is exact enough


def _next_scheduled() -> datetime | None:
    from articles.models import Article

    return (
        Article.objects.scheduled()
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )


def _due(found: dict, now: datetime) -> bool:
    """Whether a sweep is due: the next scheduled time passed or is unknown."""
    known = found.get(NEXT_KEY)  # (next time or None,) when known
    return (
        found.get(SWEPT_KEY) is None or known is None or (known[0] is not None and known[0] <= now)
    )


def _sweep(found: dict, now: datetime) -> datetime | None:
    """Bump what went live on schedule since the last sweep; the next scheduled time."""
    from articles import invalidation

    swept = found.get(SWEPT_KEY)
    if swept is None:
        # The sweep mark was lost (a fresh or flushed cache): what went live since is unknown.
        bump(SITE)
    else:
        invalidation.went_live_on_schedule(swept, now)
    next_at = _next_scheduled()
    cachesafe.call(cache.set, SWEPT_KEY, now, timeout=None)
    cachesafe.call(
        cache.set, NEXT_KEY, (next_at,), timeout=settings.NEWSROOM_PAGE_CACHE_SECONDS or None
    )
    return next_at


def max_age(next_at: datetime | None, now: datetime) -> int:
    """Seconds a downstream cache may keep a page: never past the next scheduled article."""
    seconds = DOWNSTREAM_MAX_AGE
    if next_at is not None:
        seconds = min(seconds, int((next_at - now).total_seconds()))
    return max(seconds, 0)


def _downstream_max_age(response, seconds: int) -> None:
    # patch_cache_control keeps the smaller of two max-ages; a hit needs its own, so the
    # stored one goes first.
    kept = [
        directive.strip()
        for directive in response.get("Cache-Control", "").split(",")
        if directive.strip() and not directive.strip().lower().startswith("max-age")
    ]
    response["Cache-Control"] = ", ".join(kept)
    patch_cache_control(response, public=True, max_age=seconds)


# The middleware --------------------------------------------------------------------------


def _cacheable_request(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.path.startswith(EXCLUDED_PREFIXES)
        and not request.user.is_authenticated
    )


class PageCacheMiddleware:
    """Serves anonymous readers from the cache; stores fresh 200 responses for them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.NEWSROOM_PAGE_CACHE_SECONDS <= 0 or not _cacheable_request(request):
            return self.get_response(request)
        key_path = _key_path(request)
        if key_path is None or not pay_owed_bumps():
            # Not a page (404s are never stored), or the cache is unreachable: uncached.
            return self.get_response(request)
        key, bumps_key = _page_key(key_path), _gen_key(BUMPS)
        found = cachesafe.call(
            cache.get_many, [key, SWEPT_KEY, NEXT_KEY, bumps_key], fallback=None
        )
        if found is None:
            return self.get_response(request)
        now = timezone.now()
        bumps_before = found.get(bumps_key)
        if _due(found, now):
            next_at = _sweep(found, now)
            bumps_before = None
        else:
            next_at = found[NEXT_KEY][0]
        if bumps_before is None:
            bumps_before = generation(BUMPS)
        entry = found.get(key)
        if entry is not None:
            stamps, response = entry
            if generations(stamps) == stamps:
                # The entry is current, but the next scheduled article may be nearer than
                # when it was stored: a proxy in front keeps it for what is left, not more.
                _downstream_max_age(response, max_age(next_at, now))
                response["X-Page-Cache"] = "hit"
                return response
        return self._render_and_store(request, key, bumps_before, next_at, now)

    def _render_and_store(self, request, key, bumps_before, next_at, now):
        scopes = {SITE}
        # A replica is checked against the WAL position noted before BUMPS moved past
        # bumps_before, not one read earlier (in a sweep).
        routers.reconsider()
        token = _recording.set(scopes)
        try:
            response = self.get_response(request)
        finally:
            _recording.reset(token)
        if not self._storable(response):
            return response
        if scopes == {SITE}:
            scopes.add(LISTS)  # a page that names nothing shows any live article
        stamps = generations(scopes | {BUMPS})
        # Read after rendering, the generations are only right if nothing was bumped
        # meanwhile (what was rendered may predate the edit that moved them).
        if stamps is None or stamps.pop(BUMPS) != bumps_before:
            return response
        _downstream_max_age(response, max_age(next_at, now))
        # One piece: a feed is written in ~1,500 small chunks, each sent on its own on
        # every hit (bench/run: RSS hits at a tenth of the rate of other pages).
        response.content = response.content
        cachesafe.call(cache.set, key, (stamps, response), settings.NEWSROOM_PAGE_CACHE_SECONDS)
        response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def _storable(response) -> bool:
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "private" not in response.get("Cache-Control", "")
            and "no-cache" not in response.get("Cache-Control", "")
            and "no-store" not in response.get("Cache-Control", "")
        )
