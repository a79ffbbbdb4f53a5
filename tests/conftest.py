import pytest
from django.core.cache import cache

from articles import signals
from articles.models import Article
from tests.factories import staff_member


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
    cache.clear()
    yield
    cache.clear()


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
