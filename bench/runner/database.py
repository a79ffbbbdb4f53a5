"""The database ``bench/run`` measures: found, or made and seeded (``nr_bench_<N>``).

``--articles N`` creates ``nr_bench_10k`` (``1m``, ``2500``…) when it does not exist,
applies the migrations, and seeds it with ``manage.py seed_bench`` when it holds no article,
then ``VACUUM ANALYZE``; an existing one is migrated and reused as it is.
``--database-url`` is used as given: never migrated or seeded, only checked.
"""

import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg2
from psycopg2 import sql

ROOT = Path(__file__).resolve().parents[2]


def parse_count(text: str) -> int:
    """``10000``, ``10k``, ``1m``, ``1_000_000`` → an int."""
    text = text.strip().lower().replace("_", "").replace(",", "")
    factor = {"k": 1_000, "m": 1_000_000}.get(text[-1:], 1)
    return int(float(text.rstrip("km")) * factor)


def short(count: int) -> str:
    """10000 → ``10k``, 1000000 → ``1m``, 2500 → ``2500``: database and result names."""
    if count and count % 1_000_000 == 0:
        return f"{count // 1_000_000}m"
    if count and count % 1_000 == 0:
        return f"{count // 1_000}k"
    return str(count)


def _connect(url: str, dbname: str):
    parts = urlsplit(url)
    return psycopg2.connect(urlunsplit(parts._replace(path=f"/{dbname}")))


def bench_database(server: str, articles: int, prefix: str = "nr_bench") -> tuple[str, bool]:
    """The URL of ``<prefix>_<N>`` on ``server``; True when it was created now."""
    name = f"{prefix}_{short(articles)}"
    connection = _connect(server, "postgres")
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            created = cursor.fetchone() is None
            if created:
                cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    finally:
        connection.close()
    parts = urlsplit(server)
    return urlunsplit(parts._replace(path=f"/{name}")), created


def article_count(url: str) -> int:
    """Rows in ``articles_article``; 0 when the table does not exist yet."""
    connection = _connect(url, urlsplit(url).path.lstrip("/"))
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT to_regclass('articles_article') IS NOT NULL")
            if not cursor.fetchone()[0]:
                return 0
            cursor.execute("SELECT count(*) FROM articles_article")
            return cursor.fetchone()[0]
    finally:
        connection.close()


def busy(url: str) -> int:
    """Other sessions working in this database (a seed_bench still running, say)."""
    name = urlsplit(url).path.lstrip("/")
    connection = _connect(url, name)
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = %s"
                " AND pid <> pg_backend_pid() AND state <> 'idle'",
                [name],
            )
            return cursor.fetchone()[0]
    finally:
        connection.close()


def manage(env: dict, *args: str) -> None:
    command = [sys.executable, str(ROOT / "manage.py"), *args]
    print("$", "manage.py", *args, file=sys.stderr, flush=True)
    if subprocess.run(command, cwd=ROOT, env=env).returncode:
        sys.exit(f"manage.py {' '.join(args)} thất bại")


def prepare(url: str, env: dict, *, articles: int | None) -> int:
    """Migrate and seed a ``--articles`` database; check a ``--database-url`` one.

    Returns the number of articles.
    """
    if articles is None:
        pending = subprocess.run(
            [sys.executable, str(ROOT / "manage.py"), "migrate", "--check"],
            cwd=ROOT,
            env=env,
            capture_output=True,
        )
        if pending.returncode:
            sys.exit(
                f"{url}: còn migration chưa áp dụng (manage.py migrate), bench/run không tự làm."
            )
    else:
        if others := busy(url):
            sys.exit(
                f"{url}: {others} phiên khác đang làm việc trong cơ sở dữ liệu này "
                "(seed_bench chưa xong?): chờ rồi chạy lại."
            )
        manage(env, "migrate", "--noinput", "-v", "0")
    count = article_count(url)
    if count == 0 and articles is not None:
        manage(env, "seed_bench", "--articles", str(articles))
        connection = _connect(url, urlsplit(url).path.lstrip("/"))
        connection.autocommit = True
        try:
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        finally:
            connection.close()
        count = article_count(url)
    if count == 0:
        sys.exit(
            f"{url}: không có bài viết nào (seed_bench --articles N, hoặc bench/run --articles N)."
        )
    return count
