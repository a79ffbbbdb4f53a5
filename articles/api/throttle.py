"""The read API's rate limit: ninja's per-address throttle, for anonymous callers only.

``NEWSROOM_API_RATE`` (``120/m`` by default; ninja's ``count/period`` form) requests per
client address, counted in the default cache, so every web process shares one count when
that cache is Redis (on local memory each process counts its own). The address is ninja's
``get_ident``: ``REMOTE_ADDR``, or with ``DJANGO_BEHIND_PROXY`` the last hop of
``X-Forwarded-For`` (``NINJA_NUM_PROXIES = 1``, as django-axes reads it), never a hop the
client wrote itself. Signed-in staff are not limited.

Only requests that reach the API's views are counted: an answer from the page cache or the
front (nginx) costs the site nothing and is not. Every cache call goes through
``articles/cachesafe.py``: with Redis down nobody is limited, and nobody gets a 500.
"""

from django.conf import settings
from django.core.cache import cache
from ninja.throttling import AnonRateThrottle

from articles import cachesafe


class _SafeCache:
    """The two cache calls ninja's throttle makes, answering "nothing yet" when the cache
    cannot be reached."""

    def get(self, key, default=None):
        found = cachesafe.call(cache.get, key, default)
        return default if found is None else found

    def set(self, key, value, timeout=None):
        cachesafe.call(cache.set, key, value, timeout)


class AnonymousRate(AnonRateThrottle):
    cache = _SafeCache()
    cache_format = "api:throttle:%(scope)s:%(ident)s"

    def __init__(self):
        super().__init__(rate=settings.NEWSROOM_API_RATE)

    def get_cache_key(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return None
        return super().get_cache_key(request)

    def allow_request(self, request) -> bool:
        # Read each time: a changed setting (tests, a reload) holds without a new instance.
        self.rate = settings.NEWSROOM_API_RATE
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)
