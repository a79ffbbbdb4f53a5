"""newsroom.cache.RedisCache: Django's Redis cache with one redis-py client per pool
(issue #9), on a real Redis when REDIS_URL is set and on a closed port always."""

import os

import pytest
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.test import override_settings

from articles import cachesafe
from tests.outages import redis_down

REDIS_URL = os.environ.get("REDIS_URL")


def backend(location):
    config = {"BACKEND": "newsroom.cache.RedisCache", "LOCATION": location}
    with override_settings(CACHES={"default": config}):
        return caches.create_connection("default")


def test_one_client_per_pool_not_one_per_operation():
    cache = backend("redis://127.0.0.1:6379/0")
    assert isinstance(cache, DjangoRedisCache)  # the Đọc nhiều counters look for it
    first = cache._cache.get_client()
    assert cache._cache.get_client(write=True) is first
    assert cache._cache.get_client("any key") is first
    assert first.connection_pool is cache._cache._get_connection_pool(False)


@pytest.mark.skipif(not REDIS_URL, reason="a Redis server: set REDIS_URL (CI does)")
def test_it_stores_and_reads_as_djangos_does():
    cache = backend(REDIS_URL)
    cache.set("newsroom-cache-test", {"tiêu đề": "Hải Phòng"}, 10)
    assert cache.get("newsroom-cache-test") == {"tiêu đề": "Hải Phòng"}
    assert cache.get_many(["newsroom-cache-test", "absent"]) == {
        "newsroom-cache-test": {"tiêu đề": "Hải Phòng"}
    }
    cache.delete("newsroom-cache-test")
    assert cache.get("newsroom-cache-test") is None


def test_a_refused_connection_still_raises_what_cachesafe_catches():
    with redis_down():
        from django.core.cache import cache

        with pytest.raises(cachesafe.UNREACHABLE):
            cache.get("anything")
        with pytest.raises(cachesafe.UNREACHABLE):  # the kept client, the same failure
            cache.get("anything")
