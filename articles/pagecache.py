"""The reader page cache (DESIGN.md, "Read" path).

Anonymous GET requests for reader pages are answered from the cache. The key is the path,
the query string and the *content generation*, a counter bumped whenever anything a reader
page shows is saved or deleted, so an edit moves every key on at once and stale pages are
simply never asked for again. A cached page lives at most ``NEWSROOM_PAGE_CACHE_SECONDS``
and never past the next scheduled ``published_at``: a scheduled article appears on time
with nothing running at that minute.
"""

import hashlib
import math

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.cache import patch_cache_control

GENERATION_KEY = "pagecache:generation"
NEXT_SCHEDULED_KEY = "pagecache:next-scheduled:{generation}"
PAGE_KEY = "pagecache:page:{generation}:{digest}"
EXCLUDED_PREFIXES = ("/admin/", "/healthz", "/media/", "/static/", "/xem-truoc/")


def generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        # A cache that lost its keys (restart, eviction) starts a fresh generation.
        cache.add(GENERATION_KEY, int(timezone.now().timestamp()), timeout=None)
        value = cache.get(GENERATION_KEY)
    return value


def bump(**kwargs) -> None:
    """Move every page key on; called on every save or delete of reader-visible content."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        generation()
        cache.incr(GENERATION_KEY)


def seconds_until_next_schedule(gen: int) -> float | None:
    """Seconds until the next scheduled article goes live, or None when none is scheduled."""
    from articles.models import Article

    key = NEXT_SCHEDULED_KEY.format(generation=gen)
    next_at = cache.get(key, "missing")
    if next_at == "missing":
        next_at = (
            Article.objects.scheduled()
            .order_by("published_at")
            .values_list("published_at", flat=True)
            .first()
        )
        cache.set(key, next_at, timeout=settings.NEWSROOM_PAGE_CACHE_SECONDS)
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


def _key(request, gen: int) -> str:
    digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return PAGE_KEY.format(generation=gen, digest=digest)


class PageCacheMiddleware:
    """Serves anonymous readers from the cache; stores fresh 200 responses for them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.NEWSROOM_PAGE_CACHE_SECONDS <= 0 or not _cacheable_request(request):
            return self.get_response(request)
        gen = generation()
        key = _key(request, gen)
        cached = cache.get(key)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if self._storable(response):
            lifetime = page_lifetime(gen)
            patch_cache_control(response, public=True, max_age=min(lifetime, 60))
            if lifetime > 0:
                cache.set(key, response, lifetime)
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
