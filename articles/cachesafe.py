"""Cache calls that survive an unreachable cache server (issue #8).

Django's cache backends raise when Redis is down, refuses connections or times out. The
page cache, the editors' presence and ``/healthz`` call the default cache through
``call()``, which answers a fallback instead, so a reader gets an uncached page rather
than a 500. Only connection failures are caught; any other error is a bug and propagates.

After a failure this process leaves the cache alone for ``RETRY_SECONDS`` (a small circuit
breaker: a black-holed Redis costs one socket timeout per interval, not one per request),
and logs the failure at most once per ``LOG_SECONDS``. When the cache answers again, the
functions registered with ``when_back()`` run (the page cache pays a bump it owes).
"""

import logging
import time
import uuid

import redis
from django.conf import settings
from django.core.cache import cache
from django.core.signals import setting_changed
from django.dispatch import receiver

logger = logging.getLogger("newsroom.cache")

# What a dead, refusing or black-holed cache server raises through Django's backends.
UNREACHABLE = (OSError, redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)
RETRY_SECONDS = 5
LOG_SECONDS = 60
PING_KEY = "healthz:ping"
# Caches whose content lives in one process: each web worker has its own pages and its own
# content generation, so a bump in one worker leaves the others serving the old pages.
PER_PROCESS_CACHES = {"django.core.cache.backends.locmem.LocMemCache"}

_clock = time.monotonic
_when_back = []


class _Breaker:
    def __init__(self):
        self.is_down = False
        self.retry_at = None
        self.logged_at = None


_breaker = _Breaker()


def call(method, *args, fallback=None, **kwargs):
    """``method(*args, **kwargs)`` of the default cache, or ``fallback`` when it is unreachable."""
    now = _clock()
    if _breaker.retry_at is not None and now < _breaker.retry_at:
        return fallback
    try:
        result = method(*args, **kwargs)
    except UNREACHABLE as exc:
        _failed(exc, now)
        return fallback
    if _breaker.is_down:
        _back()
    return result


def kept(key: str | None, make, timeout: int):
    """What the cache holds under ``key``; else ``make()``, kept ``timeout`` seconds (a None
    from ``make`` is not kept). No key, or an unreachable cache: ``make()`` every time."""
    found = None if key is None else call(cache.get, key)
    if found is None:
        found = make()
        if key is not None and found is not None:
            call(cache.set, key, found, timeout)
    return found


def shared() -> bool:
    """Whether every process reads the same cache (a bump in one reaches the others)."""
    return settings.CACHES.get("default", {}).get("BACKEND") not in PER_PROCESS_CACHES


def ping() -> bool:
    """True when the default cache stores and returns a value now (tried even when breaking)."""
    token = uuid.uuid4().hex
    try:
        cache.set(PING_KEY, token, 10)
        answered = cache.get(PING_KEY) == token
    except UNREACHABLE as exc:
        _failed(exc, _clock())
        return False
    if answered and _breaker.is_down:
        _back()
    return answered


def when_back(func):
    """Run ``func()`` each time the cache answers this process again after failing."""
    _when_back.append(func)
    return func


def reset() -> None:
    """Forget past failures (tests)."""
    _breaker.__init__()


@receiver(setting_changed)
def _try_new_caches_at_once(*, setting, **kwargs):
    # Django builds new cache connections when CACHES changes (tests): try them right away.
    if setting == "CACHES":
        _breaker.retry_at = None


def _failed(exc, now) -> None:
    _breaker.is_down = True
    _breaker.retry_at = now + RETRY_SECONDS
    if _breaker.logged_at is None or now - _breaker.logged_at >= LOG_SECONDS:
        _breaker.logged_at = now
        logger.error(
            "Cache unreachable, pages are served uncached (logged once per %s s): %s: %s",
            LOG_SECONDS,
            type(exc).__name__,
            exc,
        )


def _back() -> None:
    _breaker.is_down = False
    _breaker.retry_at = None
    logger.info("Cache reachable again.")
    for func in _when_back:
        func()
