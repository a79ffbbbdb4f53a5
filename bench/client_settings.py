"""Settings the bench scripts' test client needs, being no test: its host, and static URLs
without collectstatic's manifest, as in the tests. Imported by the scripts beside it."""

from django.conf import settings
from django.test import override_settings


def client_settings(**extra) -> override_settings:
    return override_settings(
        ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"],
        STORAGES={
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
        **extra,
    )
