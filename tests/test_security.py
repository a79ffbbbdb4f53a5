"""Login throttling and response headers."""

import pytest
from django.contrib.auth.hashers import get_hasher, get_hashers, identify_hasher
from django.urls import reverse

from tests.conftest import PROJECT_HASHERS

pytestmark = pytest.mark.django_db


@pytest.mark.real_password_hasher
def test_admin_login_is_locked_after_repeated_failures(client, editor, settings):
    url = reverse("admin:login")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(url, {"username": editor.username, "password": "sai-mat-khau"})
    response = client.post(url, {"username": editor.username, "password": "mat-khau-thu-nghiem"})
    assert response.status_code == 429
    html = response.content.decode()
    assert "Tạm khoá đăng nhập" in html
    assert editor.username in html
    assert "_auth_user_id" not in client.session


@pytest.mark.real_password_hasher
def test_a_good_login_still_works_before_the_limit(client, editor):
    url = reverse("admin:login")
    client.post(url, {"username": editor.username, "password": "sai-mat-khau"})
    response = client.post(url, {"username": editor.username, "password": "mat-khau-thu-nghiem"})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_reader_pages_forbid_inline_scripts(client):
    policy = client.get("/")["Content-Security-Policy"]
    script_src = next(part for part in policy.split(";") if "script-src" in part)
    assert "'unsafe-inline'" not in script_src
    assert "frame-ancestors 'none'" in policy


def test_the_admin_allows_the_editors_import_map(client, editor):
    client.force_login(editor)
    policy = client.get(reverse("admin:index"))["Content-Security-Policy"]
    script_src = next(part for part in policy.split(";") if "script-src" in part)
    assert "'unsafe-inline'" in script_src


def test_test_users_hash_passwords_fast(editor):
    """tests/conftest.py: MD5 for test users, the project's hashers still check."""
    assert identify_hasher(editor.password).algorithm == "md5"
    assert "django.contrib.auth.hashers.MD5PasswordHasher" not in PROJECT_HASHERS


@pytest.mark.real_password_hasher
def test_marked_tests_hash_passwords_as_the_project_does(editor):
    assert identify_hasher(editor.password).algorithm == get_hasher().algorithm != "md5"
    assert [hasher.__module__ + "." + type(hasher).__name__ for hasher in get_hashers()] == (
        PROJECT_HASHERS
    )
