import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.test import override_settings

from articles import cachesafe, signals
from articles.models import Article
from tests.factories import staff_member
from tests.html_pages import SITE

# Test users' passwords: MD5 makes and checks a hash in microseconds, the project's
# PBKDF2 (1,000,000 rounds) in a few hundred milliseconds, and nearly every test makes a
# user. The project's own hashers stay in the list after it, so a hash they made still
# checks; tests marked ``real_password_hasher`` (the demo logins, login throttling) run
# with the project's list only.
FAST_HASHER = "django.contrib.auth.hashers.MD5PasswordHasher"
REAL_MARKER = "real_password_hasher"
PROJECT_HASHERS = list(django_settings.PASSWORD_HASHERS)


def _hashers(node) -> list[str]:
    if node.get_closest_marker(REAL_MARKER):
        return PROJECT_HASHERS
    return [FAST_HASHER, *PROJECT_HASHERS]


@pytest.fixture(autouse=True, scope="module")
def _module_password_hasher(request):
    """For module-scoped fixtures (``seed_demo``'s users), as the module is marked."""
    with override_settings(PASSWORD_HASHERS=_hashers(request.node)):
        yield


@pytest.fixture(autouse=True)
def _password_hasher(request):
    with override_settings(PASSWORD_HASHERS=_hashers(request.node)):
        yield


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploads and renditions go to a temporary folder, never the repo's media/."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _static_without_manifest(settings):
    """Tests don't run collectstatic; static URLs come from the app folders as they are."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _page_cache_off(settings):
    """Tests see each view's own work; tests/test_pagecache.py turns the page cache on."""
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 0


@pytest.fixture
def page_cache(settings):
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 300


@pytest.fixture(autouse=True)
def _clear_cache():
    """An empty cache, and no failure remembered by cachesafe's breaker from another test
    (an outage test leaves it open for 5 s)."""
    cachesafe.reset()
    cache.clear()
    yield
    cache.clear()
    cachesafe.reset()


@pytest.fixture
def shared_cache(settings, tmp_path):
    """A cache every process reads (files), whatever the suite runs on."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "cache"),
        }
    }
    assert cachesafe.shared()
    yield
    cache.clear()


@pytest.fixture
def reader_site(settings):
    """The site reader pages are served as: the absolute URLs and the name they show
    (tests/test_reader_pages_*.py use it for every test)."""
    settings.NEWSROOM_SITE_URL = SITE
    settings.NEWSROOM_SITE_NAME = "Báo Thử"


@pytest.fixture
def journalist(db):
    return staff_member("Phóng viên", username="phongvien")


@pytest.fixture
def other_journalist(db):
    return staff_member("Phóng viên", username="phongvien2")


@pytest.fixture
def editor(db):
    return staff_member("Biên tập viên", username="bientap")


@pytest.fixture
def received():
    """What ``signals.state_changed`` receivers were sent: each call's keyword arguments."""
    calls = []

    def receiver(sender, **kwargs):
        assert sender is Article
        calls.append(kwargs)

    signals.state_changed.connect(receiver)
    yield calls
    signals.state_changed.disconnect(receiver)
