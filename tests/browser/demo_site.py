"""The demo site as production serves it, for the page checks (test_page_quality.py).

A fresh SQLite database with the demo content (``seed_demo``), collected static files,
DEBUG off and gunicorn with WhiteNoise, on a free port of 127.0.0.1.
"""

import contextlib
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

URLS_SCRIPT = """
import json
from django.urls import reverse
from articles.models import Article, Section, Tag
article = Article.objects.live().exclude(lead_photo=None).filter(photos__isnull=False).first()
tag = Tag.objects.filter(tagged_articles__content_object__in=Article.objects.live()).first()
author = article.authors.first()
print(json.dumps({
    "home": "/",
    "section": article.section.get_absolute_url(),
    "tag": tag.get_absolute_url(),
    "author": reverse("articles:author", kwargs={"pk": author.pk}),
    "article": article.get_absolute_url(),
    "search": reverse("articles:search") + "?q=hai+phong",
    "not_found": "/khong-co-trang-nay/",
}))
"""


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def serve(work: Path):
    """Runs the demo site from ``work`` (database, media, static); yields its page URLs."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "NEWSROOM_"))}
    env.update(
        DATABASE_URL=f"sqlite:///{work / 'site.sqlite3'}",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="pagecheck-" + "k" * 50,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_COOKIES="0",
        DJANGO_MEDIA_ROOT=str(work / "media"),
        DJANGO_STATIC_ROOT=str(work / "static"),
        NEWSROOM_SITE_URL=f"http://127.0.0.1:{port}",
        NEWSROOM_SERVE_MEDIA="1",
    )
    env.pop("REDIS_URL", None)
    manage = [sys.executable, "manage.py"]
    for command in (["migrate", "--noinput"], ["seed_demo"], ["collectstatic", "--noinput"]):
        subprocess.run(manage + command, cwd=ROOT, env=env, check=True, capture_output=True)
    urls = json.loads(
        subprocess.run(
            manage + ["shell", "-c", URLS_SCRIPT],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    gunicorn = Path(sys.executable).parent / "gunicorn"
    server = subprocess.Popen(
        [gunicorn, "newsroom.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("gunicorn did not start")
        yield {name: base + path for name, path in urls.items()}
    finally:
        server.terminate()
        server.wait(timeout=10)
