"""The production front: Debian's nginx, with deploy/nginx/newsroom.conf.template as
docker-compose.yml uses it, in front of pytest-django's live server (issue #11).

Only the template's ``${NEWSROOM_…}`` names are filled in: the upstream, the port, the
static, media and cache folders. Without ``/usr/sbin/nginx`` the tests are skipped, or
fail when ``NEWSROOM_REQUIRE_NGINX=1`` (CI).

As root (CI), nginx's workers run as ``nobody``: the folders it reads live under a
world-readable temporary folder, not pytest's private ``tmp_path``.
"""

import os
import re
import shutil
import tempfile
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.signals import request_started
from django.test import Client
from django.utils import timezone

from articles import pagecache
from articles.preview import preview_url
from tests.factories import ArticleFactory, PhotoFactory, UserFactory
from tests.nginx_front import MISSING, NGINX, STATIC_FILE, Front, free_port

FORWARDED = ["HTTP_HOST", "HTTP_X_FORWARDED_FOR", "HTTP_X_FORWARDED_PROTO"]

pytestmark = [
    pytest.mark.front,
    pytest.mark.usefixtures("page_cache"),
    pytest.mark.skipif(
        not NGINX.exists() and os.environ.get("NEWSROOM_REQUIRE_NGINX") != "1", reason=MISSING
    ),
]


@pytest.fixture
def front_folder(settings):
    """A folder nginx's workers can read: static files, uploads (MEDIA_ROOT), its cache."""
    if not NGINX.exists():
        # Only reached with NEWSROOM_REQUIRE_NGINX=1; otherwise the test was skipped.
        pytest.fail(f"{MISSING} (NEWSROOM_REQUIRE_NGINX=1 asks for it)", pytrace=False)
    folder = Path(tempfile.mkdtemp(prefix="newsroom-front-"))
    folder.chmod(0o755)
    static = folder / "static" / STATIC_FILE
    static.parent.mkdir(parents=True)
    static.write_text("body { color: #222 }\n")
    (folder / "media").mkdir()
    settings.MEDIA_ROOT = folder / "media"
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def start_front(front_folder):
    """``start_front(upstream)`` runs nginx before ``upstream`` (host:port), stopped after
    the test; pytest shows its error log, printed here, when the test failed."""
    started = []

    def start(upstream):
        started.append(Front(front_folder, upstream))
        return started[-1]

    yield start
    for front in started:
        front.stop()
        print(f"nginx error log ({front.error_log}):\n{front.log()}")


@pytest.fixture
def front(start_front, live_server, transactional_db):
    return start_front(live_server.url.removeprefix("http://"))


@pytest.fixture(autouse=True)
def _plain_http_cookies(settings):
    """The live server speaks plain HTTP; production's Secure cookies would not come back."""
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False


def max_age(response) -> int:
    return int(re.search(r"max-age=(\d+)", response.getheader("Cache-Control")).group(1))


def test_a_reader_page_is_rendered_once_then_served_by_the_front(front):
    article = ArticleFactory(live=True, title="Cảng Lạch Huyện đón tàu lớn")
    first = front.get(article.get_absolute_url())
    assert first.status == 200
    assert first.getheader("X-Front-Cache") == "MISS"
    assert "public" in first.getheader("Cache-Control")
    assert 0 < max_age(first) <= pagecache.DOWNSTREAM_MAX_AGE
    second = front.get(article.get_absolute_url())
    assert second.getheader("X-Front-Cache") == "HIT"
    assert second.text == first.text
    assert article.title in second.text


def test_an_edit_to_a_live_article_shows_once_the_max_age_sent_is_over(front, monkeypatch):
    """Through the front, an edit shows within the max-age the app sends (at most
    DOWNSTREAM_MAX_AGE, a minute; two seconds here), give or take nginx's one-second clock."""
    monkeypatch.setattr(pagecache, "DOWNSTREAM_MAX_AGE", 2)
    article = ArticleFactory(live=True, sapo="Bản tin lúc sáng về cảng biển.")
    url = article.get_absolute_url()
    first = front.get(url)
    assert max_age(first) == 2
    assert front.get(url).getheader("X-Front-Cache") == "HIT"
    sent_at = time.monotonic()
    # What readers see, written at once (an editor's "Lưu và xuất bản ngay" does the same).
    article.sapo = "Bản tin đã sửa: tàu đã cập cảng."
    article.save()
    time.sleep(max(0, sent_at + max_age(first) + 1.2 - time.monotonic()))
    fresh = front.get(url)
    assert fresh.getheader("X-Front-Cache") in ("EXPIRED", "MISS")
    assert "Bản tin đã sửa" in fresh.text


def test_a_scheduled_article_appears_through_the_front_at_its_minute(front):
    ArticleFactory(live=True, title="Bài đã đăng từ sáng")
    scheduled = ArticleFactory(
        title="Bài hẹn giờ lên trang chủ",
        status="published",
        published_at=timezone.now() + timedelta(seconds=4),
    )
    before = front.get("/")
    assert scheduled.title not in before.text
    # Kept (max-age 0 would not be), and not past the article's minute.
    assert 1 <= max_age(before) <= 4
    assert front.get("/").getheader("X-Front-Cache") == "HIT"
    wait = (scheduled.published_at - timezone.now()).total_seconds() + 1.2
    time.sleep(max(wait, 0))
    after = front.get("/")
    assert scheduled.title in after.text


def test_the_admin_previews_and_health_check_are_never_kept(front):
    article = ArticleFactory(title="Bản nháp chưa duyệt")
    for path in ["/admin/login/", preview_url(article), "/healthz"]:
        for _ in range(2):
            response = front.get(path)
            assert response.status == 200, path
            assert response.getheader("X-Front-Cache") == "BYPASS", path
    assert article.title in front.get(preview_url(article)).text


def test_a_signed_in_editor_is_never_served_from_nor_stored_in_the_front(front):
    article = ArticleFactory(live=True)
    url = article.get_absolute_url()
    staff = Client()
    staff.force_login(UserFactory(is_staff=True))
    session = f"sessionid={staff.cookies['sessionid'].value}"
    for cookie in [session, f"theme=dark; {session}", "csrftoken=abc"]:
        response = front.get(url, headers={"Cookie": cookie})
        assert response.status == 200
        assert response.getheader("X-Front-Cache") == "BYPASS", cookie
    # Nothing the editor was sent was kept for readers.
    assert front.get(url).getheader("X-Front-Cache") == "MISS"
    assert front.get(url).getheader("X-Front-Cache") == "HIT"
    # And what readers are sent is not what an editor gets.
    assert front.get(url, headers={"Cookie": session}).getheader("X-Front-Cache") == "BYPASS"
    assert front.get(url, headers={"Cookie": "sessionid_x=1"}).getheader("X-Front-Cache") == "HIT"


def test_only_get_and_head_go_through_the_cache(front):
    ArticleFactory(live=True)
    front.get("/")
    assert front.get("/", method="HEAD").getheader("X-Front-Cache") == "HIT"
    for method in ["POST", "PUT", "DELETE"]:
        response = front.get("/", method=method, body=b"x=1")
        assert response.status in (403, 405), method  # Django's CSRF check or read_methods
        assert response.getheader("X-Front-Cache") is None, method
    assert front.get("/").getheader("X-Front-Cache") == "HIT"


def test_the_front_passes_on_host_client_and_scheme(front):
    """What settings.py trusts with DJANGO_BEHIND_PROXY=1: the last X-Forwarded-For hop is
    the client; X-Forwarded-Proto from a TLS load balancer before nginx goes on as it came."""
    seen = []

    def record(environ, **kwargs):
        seen.append({name: environ.get(name) for name in FORWARDED})

    request_started.connect(record)
    try:
        front.get("/healthz", headers={"Host": "localhost"})
        front.get(
            "/healthz",
            headers={
                "Host": "localhost",
                "X-Forwarded-For": "203.0.113.9",
                "X-Forwarded-Proto": "https",
            },
        )
    finally:
        request_started.disconnect(record)
    assert seen == [
        {
            "HTTP_HOST": "localhost",
            "HTTP_X_FORWARDED_FOR": "127.0.0.1",
            "HTTP_X_FORWARDED_PROTO": "http",
        },
        {
            "HTTP_HOST": "localhost",
            "HTTP_X_FORWARDED_FOR": "203.0.113.9, 127.0.0.1",
            "HTTP_X_FORWARDED_PROTO": "https",
        },
    ]
    # Django, not nginx, decides which hosts it serves.
    assert front.get("/", headers={"Host": "evil.example"}).status == 400


def test_static_files_and_uploads_are_served_by_nginx_itself(start_front, db):
    photo = PhotoFactory()
    nobody_listening = f"127.0.0.1:{free_port()}"
    front = start_front(nobody_listening)
    assert front.get("/").status == 502  # the app is not there
    static = front.get(f"/static/{STATIC_FILE}")
    assert static.status == 200
    assert static.getheader("Content-Type") == "text/css"
    assert static.getheader("Cache-Control") == "public, max-age=31536000, immutable"
    assert static.getheader("X-Front-Served") == "static"
    for url in [photo.image.url, photo.src]:
        media = front.get(url)
        assert media.status == 200, url
        assert media.getheader("X-Front-Served") == "media"
        assert media.getheader("Cache-Control") == "public, max-age=2592000"
    missing = front.get("/media/khong-co.jpg")
    assert missing.status == 404
    assert missing.getheader("Cache-Control") is None
