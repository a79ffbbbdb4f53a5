"""Wagtail 8 measured in the same run (``bench/run --wagtail``): the issue's reference.

The site is ``bench/wagtail/`` (a news index and its article pages, Wagtail's own idioms),
with its own virtualenv ``bench/wagtail/.venv`` made here from its pinned
``requirements.txt`` (the project's dependencies stay as they are) and its own database
``nr_bench_wagtail_<N>`` (N the measured database's article count): created, migrated and
seeded by its ``manage.py seed_news`` when it holds no article page. Its pages and their
query counts come from its ``manage.py bench_pages`` (JSON); bench/run then serves it with
gunicorn like Newsroom's cold server (sync workers, DEBUG off, no page cache) and loads its
article and index pages in the same interleaved rounds.
"""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

from . import database

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "bench" / "wagtail"
VENV = SITE / ".venv"
PYTHON = VENV / "bin" / "python"
REQUIREMENTS = SITE / "requirements.txt"
STAMP = VENV / ".installed"  # newer than requirements.txt once they are installed


def ensure_venv() -> Path:
    """``bench/wagtail/.venv`` with the pinned requirements; its python."""
    if not PYTHON.exists():
        print("$ python3 -m venv bench/wagtail/.venv", file=sys.stderr, flush=True)
        # The interpreter under whatever virtualenv runs us (venv builds from it).
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    if not STAMP.exists() or STAMP.stat().st_mtime < REQUIREMENTS.stat().st_mtime:
        print("$ pip install -r bench/wagtail/requirements.txt", file=sys.stderr, flush=True)
        done = subprocess.run(
            [str(PYTHON), "-m", "pip", "install", "--quiet", "-r", str(REQUIREMENTS)]
        )
        if done.returncode:
            sys.exit("Không cài được bench/wagtail/requirements.txt (pip).")
        STAMP.touch()
    return PYTHON


def env(database_url: str) -> dict:
    """This shell's environment without Django and Newsroom settings, plus the site's."""
    own = ("DJANGO_", "NEWSROOM_", "DATABASE_URL", "REDIS_URL", "PYTHONPATH")
    found = {k: v for k, v in os.environ.items() if not k.startswith(own)}
    found.update(
        DJANGO_SETTINGS_MODULE="refsite.settings",
        DATABASE_URL=database_url,
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_DEBUG="0",
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
    )
    return found


def manage(site_env: dict, *args: str, capture: bool = False) -> str:
    """``bench/wagtail/manage.py`` under the site's virtualenv; its stdout when captured."""
    if not capture:
        print("$ bench/wagtail/manage.py", *args, file=sys.stderr, flush=True)
    done = subprocess.run(
        [str(PYTHON), "manage.py", *args],
        cwd=SITE,
        env=site_env,
        stdout=subprocess.PIPE if capture else None,
        text=True,
    )
    if done.returncode:
        sys.exit(f"bench/wagtail/manage.py {' '.join(args)} thất bại")
    return done.stdout or ""


def article_pages(url: str) -> int:
    """Rows in ``news_articlepage``; 0 when the table does not exist yet."""
    connection = database._connect(url, urlsplit(url).path.lstrip("/"))
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT to_regclass('news_articlepage') IS NOT NULL")
            if not cursor.fetchone()[0]:
                return 0
            cursor.execute("SELECT count(*) FROM news_articlepage")
            return cursor.fetchone()[0]
    finally:
        connection.close()


def prepare(server: str, articles: int) -> tuple[dict, dict]:
    """The site ready to serve ``articles`` pages: its environment, and ``bench_pages``'s
    answer (the pages, their queries) with the database and versions added."""
    ensure_venv()
    url, created = database.bench_database(server, articles, prefix="nr_bench_wagtail")
    name = urlsplit(url).path[1:]
    print(f"{'created' if created else 'reusing'} {name} (Wagtail)", file=sys.stderr)
    site_env = env(url)
    if others := database.busy(url):
        sys.exit(f"{url}: {others} phiên khác đang làm việc trong cơ sở dữ liệu này: chờ đã.")
    manage(site_env, "migrate", "--noinput", "-v", "0")
    if article_pages(url) == 0:
        manage(site_env, "seed_news", "--articles", str(articles))
    found = json.loads(manage(site_env, "bench_pages", capture=True))
    found["database"] = name
    return site_env, found


def pages(found: dict) -> list:
    """``bench_pages``'s pages as bench/run's (Django set up: ``picks`` imports models)."""
    from .picks import Page

    return [Page(p["key"], p["label"], p["path"], queries=p["queries"]) for p in found["pages"]]


def start(servers, site_env: dict, workers: int) -> str:
    """The site under gunicorn as Newsroom's cold one is (sync workers, no access log)."""
    return servers.gunicorn(
        "gunicorn-wagtail",
        site_env,
        workers,
        app="refsite.wsgi:application",
        python=PYTHON,
        cwd=SITE,
    )


def meta(found: dict, workers: int) -> dict:
    """What the report says of the reference: versions, database, workers."""
    return {
        "database": found["database"],
        "articles": found["articles"],
        "versions": found["versions"],
        "workers": workers,
    }
