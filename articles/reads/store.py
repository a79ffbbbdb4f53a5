"""The read counters: Redis sorted sets (article id → reads) on the cache's own server.

Each read adds one to four sets: this hour's and today's, site-wide and for the article's
section. Hours and days are local (``settings.TIME_ZONE``, Asia/Ho_Chi_Minh), days the
dates editors see in the admin. Hourly sets live ``HOUR_SECONDS_KEPT``, daily sets
``DAY_SECONDS_KEPT``, so Redis holds about a day of hours and a week of days, whatever
the archive's size.

Windows: "24 giờ" is this hour and the 23 before it (the last 23 to 24 hours, exact to the
hour: hourly buckets rather than "today and yesterday", which would be 24 to 48 hours);
"7 ngày" is today and the six days before it. A ranking reads the ``DEPTH`` best of each
bucket and adds them up in Python: bounded work (at most 24 × ``DEPTH`` rows) where a
``ZUNIONSTORE`` would walk every article read that week, blocking the Redis that also
serves the page cache. An article that is outside a bucket's top ``DEPTH`` loses that
bucket's reads in the sum, which cannot change a top ten unless the ten are read about as
little as the two-hundredth article of an hour.

Only the Django Redis backend has counters (``client()``); with any other cache, or Redis
unreachable (``articles/cachesafe.py``), nothing is counted and rankings are ``None``.
"""

import hashlib
from collections import Counter
from datetime import date, datetime, timedelta

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.utils import timezone

from articles import cachesafe

SITE = "all"
DAY = "24h"
WEEK = "7d"
WINDOWS = (DAY, WEEK)
HOUR_SECONDS_KEPT = 26 * 3600
DAY_SECONDS_KEPT = 8 * 24 * 3600
DEPTH = 200
# One address (hashed, kept a minute) counts one article once per SAME_READER_SECONDS and
# at most PER_ADDRESS_PER_MINUTE reads a minute: a reload loop cannot lift an article, and
# many readers behind one carrier address (CGNAT) still count up to this rate.
SAME_READER_SECONDS = 60
PER_ADDRESS_PER_MINUTE = 30
SCAN_BATCH = 1000


def section_part(section_id: int) -> str:
    return f"s{section_id}"


def _redis_cache():
    backend = caches["default"]
    return backend if isinstance(backend, RedisCache) else None


def client():
    """The redis-py client of the default cache; None when the cache is not Redis."""
    backend = _redis_cache()
    # Django's RedisCache keeps its client behind ``_cache``; the same connection pool
    # (and timeouts) as every cache call.
    return None if backend is None else backend._cache.get_client(write=True)


def available() -> bool:
    """Whether reads can be counted at all (Redis is the cache), reachable or not."""
    return _redis_cache() is not None


def _key(name: str) -> str:
    # The cache's prefix and version, so a cache.clear() (the tests) clears these too.
    return caches["default"].make_key(name)


def hour_key(moment: datetime, part: str) -> str:
    return _key(f"reads:h:{timezone.localtime(moment):%Y%m%d%H}:{part}")


def day_key(day: date, part: str) -> str:
    return _key(f"reads:d:{day:%Y%m%d}:{part}")


def window_keys(window: str, part: str, now: datetime) -> list[str]:
    """The buckets of ``window`` at ``now``, newest first."""
    if window == DAY:
        return [hour_key(now - timedelta(hours=back), part) for back in range(24)]
    if window == WEEK:
        today = timezone.localdate(now)
        return [day_key(today - timedelta(days=back), part) for back in range(7)]
    raise ValueError(f"unknown window {window!r}")


def count(pk: int, section_id: int, address: str, now: datetime | None = None) -> bool:
    """Count one read; False when it was not counted (limits, no Redis, Redis down)."""
    redis = client()
    if redis is None:
        return False
    return cachesafe.call(
        _count, redis, pk, section_id, address, now or timezone.now(), fallback=False
    )


def _count(redis, pk, section_id, address, now) -> bool:
    who = hashlib.sha256(address.encode()).hexdigest()[:16]
    rate = _key(f"reads:rate:{who}:{int(now.timestamp()) // 60}")
    gate = redis.pipeline(transaction=False)
    gate.set(_key(f"reads:seen:{who}:{pk}"), 1, nx=True, ex=SAME_READER_SECONDS)
    gate.incr(rate)
    gate.expire(rate, 120)
    first, used, _ = gate.execute()
    if not first or used > PER_ADDRESS_PER_MINUTE:
        return False
    today, part = timezone.localdate(now), section_part(section_id)
    pipe = redis.pipeline(transaction=False)
    for key, seconds in [
        (hour_key(now, SITE), HOUR_SECONDS_KEPT),
        (hour_key(now, part), HOUR_SECONDS_KEPT),
        (day_key(today, SITE), DAY_SECONDS_KEPT),
        (day_key(today, part), DAY_SECONDS_KEPT),
    ]:
        pipe.zincrby(key, 1, pk)
        pipe.expire(key, seconds)
    pipe.execute()
    return True


def top(window: str, part: str, n: int, now: datetime | None = None) -> list[int] | None:
    """The ``n`` most read ids of ``window`` (most reads first, newer id on a tie); None
    when nothing can be counted (no Redis, or Redis unreachable)."""
    redis = client()
    if redis is None:
        return None
    keys = window_keys(window, part, now or timezone.now())
    return cachesafe.call(_top, redis, keys, n, fallback=None)


def _top(redis, keys, n) -> list[int]:
    pipe = redis.pipeline(transaction=False)
    for key in keys:
        pipe.zrevrange(key, 0, DEPTH - 1, withscores=True)
    totals = Counter()
    for rows in pipe.execute():
        for member, score in rows:
            totals[int(member)] += int(score)
    ranked = sorted(totals.items(), key=lambda item: (-item[1], -item[0]))
    return [pk for pk, _ in ranked[:n]]


def day_totals(day: date) -> dict[int, int]:
    """Every article's reads on ``day`` (site-wide set), read in ``SCAN_BATCH`` steps.

    For ``fold_reads``: it raises when Redis is unreachable (a cron job should fail
    loudly), and returns {} when the cache is not Redis."""
    redis = client()
    if redis is None:
        return {}
    totals = {}
    # ZSCAN returns every member present throughout at least once, even while today's set
    # is being written; a member seen twice keeps its later count.
    for member, score in redis.zscan_iter(day_key(day, SITE), count=SCAN_BATCH):
        totals[int(member)] = int(score)
    return totals
