"""The page cache needs a shared cache: ``check --deploy`` warns when it would run on local
memory, one copy per worker that edits could not move on (issue #8, outages)."""

import os

import pytest
from django.core.checks import run_checks

from tests.commands import PRODUCTION_ENV, manage
from tests.outages import CLOSED_PORT

pytestmark = pytest.mark.django_db


# The page cache needs a shared cache


def test_the_deploy_check_warns_about_the_page_cache_on_local_memory(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 300
    assert "newsroom.W001" in _check_ids(deploy=True)
    assert "newsroom.W001" not in _check_ids(deploy=False)
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 0
    assert "newsroom.W001" not in _check_ids(deploy=True)


def test_the_deploy_check_is_quiet_with_a_shared_cache(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "newsroom.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{CLOSED_PORT}/0",
        }
    }
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 300
    assert "newsroom.W001" not in _check_ids(deploy=True)


@pytest.mark.parametrize(
    "env, warns",
    [
        ({}, False),  # local memory: the page cache is off by default
        ({"NEWSROOM_PAGE_CACHE_SECONDS": "300"}, True),
        ({"REDIS_URL": "redis://127.0.0.1:6379/2"}, False),  # on by default, shared
    ],
    ids=["locmem default", "locmem with page cache", "redis default"],
)
def test_check_deploy_with_production_settings(env, warns):
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env_extra=env)
    output = result.stdout + result.stderr
    assert ("newsroom.W001" in output) is warns, output
    assert (result.returncode != 0) is warns, output


def _check_ids(*, deploy):
    return {message.id for message in run_checks(include_deployment_checks=deploy)}


def _manage(*args, env_extra):
    names = ("REDIS_URL", "NEWSROOM_PAGE_CACHE_SECONDS")
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_") and k not in names}
    env.update(PRODUCTION_ENV, **env_extra)
    return manage(*args, env=env)
