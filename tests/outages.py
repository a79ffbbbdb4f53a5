"""Real outages for the tests, no mocks: Redis or PostgreSQL on a closed port, so every
failure is the one production would see (tests/test_outages.py, the banner cache, the
hostile-input table)."""

from contextlib import contextmanager

from django.conf import settings as django_settings
from django.db import connections
from django.db.backends.postgresql.base import DatabaseWrapper as PostgresWrapper
from django.test import override_settings

CLOSED_PORT = 1


@contextmanager
def redis_down():
    """The default cache is a Redis server that refuses connections."""
    caches = {
        **django_settings.CACHES,
        "default": {
            "BACKEND": "newsroom.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{CLOSED_PORT}/0",
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
        },
    }
    with override_settings(CACHES=caches):
        yield


@contextmanager
def database_down():
    """The default database alias is a PostgreSQL server that refuses connections."""
    real = connections["default"]
    connections["default"] = PostgresWrapper(
        {
            **real.settings_dict,
            "ENGINE": "django.db.backends.postgresql",
            "NAME": "newsroom",
            "USER": "newsroom",
            "PASSWORD": "",
            "HOST": "127.0.0.1",
            "PORT": str(CLOSED_PORT),
            "OPTIONS": {},
        },
        alias="default",
    )
    try:
        yield
    finally:
        connections["default"] = real
