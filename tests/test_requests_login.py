"""Crafted logins (issue #8, "Requests"): the login form and django-axes survive long
usernames, off-site ``next`` URLs and proxies."""

import runpy
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.conf import settings as django_settings
from django.contrib.auth import authenticate
from django.test import RequestFactory
from django.urls import reverse

pytestmark = pytest.mark.django_db

PASSWORD = "mat-khau-thu-nghiem"


# Login


LOGIN = reverse("admin:login")


@pytest.mark.real_password_hasher
@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/admin/", ""])
def test_login_with_an_off_site_next_lands_on_the_admin_index(client, editor, next_url):
    """It landed on /accounts/profile/, a 404."""
    response = client.post(
        f"{LOGIN}?next={next_url}", {"username": editor.username, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize(
    "username, message",
    [
        ("x" * 300, "Tên đăng nhập dài nhất 150 ký tự (bạn gõ 300)."),
        ("x" * 151, "Tên đăng nhập dài nhất 150 ký tự (bạn gõ 151)."),
        ("bien\x00tap", "Không được dùng ký tự rỗng (null)."),
    ],
    ids=["300 characters", "151 characters", "NUL"],
)
def test_a_username_the_database_cannot_hold_is_a_form_error(client, editor, username, message):
    response = client.post(LOGIN, {"username": username, "password": "sai"})
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    if "\x00" not in username:
        assert f'value="{username}"' in html  # what was typed comes back
    assert not AccessAttempt.objects.exists()  # refused before anyone looked it up


def test_axes_never_stores_a_username_longer_than_its_column(editor):
    """Another door than the admin form: ``authenticate`` with a 300-character username."""
    request = RequestFactory().post("/dang-nhap/", {"username": "y" * 300})
    request.user = None
    assert authenticate(request, username="y" * 300, password="sai") is None
    attempt = AccessAttempt.objects.get()
    assert attempt.username == "y" * 255


def _proxy_settings(monkeypatch):
    """newsroom/settings.py as it reads with DJANGO_BEHIND_PROXY=1."""
    monkeypatch.setenv("DJANGO_BEHIND_PROXY", "1")
    module = runpy.run_path(str(Path(django_settings.BASE_DIR) / "newsroom" / "settings.py"))
    return {name: value for name, value in module.items() if "IPWARE" in name}


def _login(client, username, password, forwarded_for):
    return client.post(
        LOGIN,
        {"username": username, "password": password},
        REMOTE_ADDR="10.0.0.2",  # the proxy
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


@pytest.mark.real_password_hasher
def test_behind_the_proxy_each_client_is_locked_apart(client, editor, settings, monkeypatch):
    """Lockout keys on the client's address (X-Forwarded-For's last hop), not the proxy's."""
    proxy = _proxy_settings(monkeypatch)
    assert proxy["AXES_IPWARE_META_PRECEDENCE_ORDER"][0] == "HTTP_X_FORWARDED_FOR"
    for name, value in proxy.items():
        setattr(settings, name, value)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, editor.username, "sai", "198.51.100.7")
    assert _login(client, editor.username, PASSWORD, "198.51.100.7").status_code == 429
    # A hop the client claims itself is ignored: the proxy appended the real one.
    spoofed = _login(client, editor.username, PASSWORD, "198.51.100.8, 198.51.100.7")
    assert spoofed.status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"198.51.100.7"}
    # Another reader behind the same proxy still logs in.
    assert _login(client, editor.username, PASSWORD, "198.51.100.8").status_code == 302


@pytest.mark.real_password_hasher
def test_without_the_proxy_setting_x_forwarded_for_is_not_trusted(client, editor, settings):
    """A client must not choose its own address by sending the header."""
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, editor.username, "sai", "198.51.100.7")
    assert _login(client, editor.username, PASSWORD, "198.51.100.8").status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"10.0.0.2"}
