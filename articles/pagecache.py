"""The reader page cache (DESIGN.md, "Read" path).

Anonymous GET requests for reader pages are answered from the cache. The key is the path,
the query parameters the page's view reads (normalised as the view reads them; any other
parameter is left out, so ``/?x=<random>`` is the cached ``/``, not one more entry) and
the *content generation*, a counter bumped whenever anything a reader page shows is saved
or deleted, so an edit moves every key on at once and stale pages are simply never asked
for again. A cached page lives at most ``NEWSROOM_PAGE_CACHE_SECONDS`` and never past the
next scheduled ``published_at``: a scheduled article appears on time with nothing running
at that minute.

With the cache unreachable (issue #8) pages are served uncached, and a bump that could not
be made is owed: this process makes it as soon as the cache answers again, so pages cached
before the outage are not served after it.
"""

import hashlib
import math
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.cache import patch_cache_control

from articles import cachesafe

GENERATION_KEY = "pagecache:generation"
NEXT_SCHEDULED_KEY = "pagecache:next-scheduled:{generation}"
PAGE_KEY = "pagecache:page:{generation}:{digest}"
EXCLUDED_PREFIXES = ("/admin/", "/healthz", "/media/", "/static/", "/xem-truoc/")

_bump_owed = False


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
}


def generation() -> int | None:
    """The content generation; None when the cache cannot be reached."""
    if not _pay_owed_bump():
        return None
    value = cachesafe.call(cache.get, GENERATION_KEY)
    if value is None:
        # A cache that lost its keys (restart, eviction) starts a fresh generation.
        cachesafe.call(cache.add, GENERATION_KEY, _fresh_generation(), timeout=None)
        value = cachesafe.call(cache.get, GENERATION_KEY)
    return value


def bump(**kwargs) -> bool:
    """Move every page key on; called on every save or delete of reader-visible content.

    Never raises for an unreachable cache (an admin save must not fail): the bump is owed
    and made when the cache answers this process again. False when it is owed.
    """
    global _bump_owed
    _bump_owed = True
    return _pay_owed_bump()


@cachesafe.when_back
def _pay_owed_bump() -> bool:
    global _bump_owed
    if not _bump_owed:
        return True
    # Cleared first: a successful call below runs the when_back functions, this one too.
    _bump_owed = False
    try:
        moved = cachesafe.call(cache.incr, GENERATION_KEY) is not None
    except ValueError:
        # No generation to move on (a fresh or flushed cache): a fresh one does the same.
        added = cachesafe.call(cache.add, GENERATION_KEY, _fresh_generation(), timeout=None)
        moved = added is not None
    _bump_owed = not moved
    return moved


def _fresh_generation() -> int:
    return int(timezone.now().timestamp())


def seconds_until_next_schedule(gen: int) -> float | None:
    """Seconds until the next scheduled article goes live, or None when none is scheduled."""
    from articles.models import Article

    key = NEXT_SCHEDULED_KEY.format(generation=gen)
    next_at = cachesafe.call(cache.get, key, "missing", fallback="missing")
    if next_at == "missing":
        next_at = (
            Article.objects.scheduled()
            .order_by("published_at")
            .values_list("published_at", flat=True)
            .first()
        )
        cachesafe.call(cache.set, key, next_at, timeout=settings.NEWSROOM_PAGE_CACHE_SECONDS)
    if next_at is None:
        return None
    return (next_at - timezone.now()).total_seconds()


def page_lifetime(gen: int) -> int:
    lifetime = settings.NEWSROOM_PAGE_CACHE_SECONDS
    until_next = seconds_until_next_schedule(gen)
    if until_next is not None:
        lifetime = min(lifetime, math.floor(until_next))
    return max(lifetime, 0)


def _cacheable_request(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.path.startswith(EXCLUDED_PREFIXES)
        and not request.user.is_authenticated
    )


def _key_path(request) -> str | None:
    """The path and the parameters its view reads, normalised; None when no view answers."""
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    params = KEY_PARAMS.get(match.view_name, {})
    query = urlencode([(name, read(request.GET.get(name))) for name, read in params.items()])
    return f"{request.path}?{query}"


def _key(key_path: str, gen: int) -> str:
    digest = hashlib.sha256(key_path.encode()).hexdigest()
    return PAGE_KEY.format(generation=gen, digest=digest)


class PageCacheMiddleware:
    """Serves anonymous readers from the cache; stores fresh 200 responses for them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.NEWSROOM_PAGE_CACHE_SECONDS <= 0 or not _cacheable_request(request):
            return self.get_response(request)
        key_path = _key_path(request)
        gen = None if key_path is None else generation()
        if gen is None:
            # Not a page (404s are never stored), or the cache is unreachable: uncached.
            return self.get_response(request)
        key = _key(key_path, gen)
        cached = cachesafe.call(cache.get, key)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if self._storable(response):
            lifetime = page_lifetime(gen)
            patch_cache_control(response, public=True, max_age=min(lifetime, 60))
            if lifetime > 0:
                cachesafe.call(cache.set, key, response, lifetime)
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
