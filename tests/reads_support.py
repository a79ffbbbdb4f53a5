"""Shared by the Đọc nhiều tests (issue #13): the Redis mark and reads sent as a browser."""

import os

import pytest

from articles.reads import beacon

needs_redis = pytest.mark.skipif(
    not os.environ.get("REDIS_URL"),
    reason="the read counters are Redis sorted sets: set REDIS_URL to run this (CI does)",
)
BROWSER = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36"


def read(client, article, address="203.0.113.7", agent=BROWSER, **headers):
    return client.post(beacon.url(article), HTTP_USER_AGENT=agent, REMOTE_ADDR=address, **headers)


def read_many(client, article, times):
    for n in range(times):
        assert read(client, article, address=f"198.51.100.{n + 1}").status_code == 204
