"""``bench/run``'s command line and the run itself: database, servers, rounds of wrk, report."""

import argparse
import json
import os
import secrets
import shlex
import shutil
import signal
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from . import database, machine, report, rounds, wrk
from .servers import Servers

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "bench"
PAGE_KEYS = "article,article_rotating,home,section,section_deep,tag,search,sitemap_index,"
PAGE_KEYS += "sitemap_month,rss"


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="bench/run",
        description="Reader pages under wrk, cold and warm, with an nginx ceiling (issue #9).",
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--articles",
        type=database.parse_count,
        help="create or reuse the database nr_bench_<N> (10k, 1m, 2500…), seeded when empty",
    )
    where.add_argument("--database-url", help="measure this database as it is")
    parser.add_argument(
        "--postgres",
        default="postgres://postgres@127.0.0.1:5432",
        help="the PostgreSQL server of --articles databases (default: %(default)s)",
    )
    parser.add_argument(
        "--base-url",
        help="measure this running server instead of starting gunicorn (no cold/warm toggle)",
    )
    parser.add_argument(
        "--redis-url",
        default="redis://127.0.0.1:6379/3",
        help="the servers' cache, FLUSHED at the start (default: %(default)s)",
    )
    parser.add_argument(
        "-d", "--duration", type=wrk.duration, default="10s", help="wrk's time per cell (10s)"
    )
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds (3)")
    parser.add_argument("-c", "--connections", type=int, default=16, help="(16)")
    parser.add_argument("-t", "--threads", type=int, default=2, help="wrk threads (2)")
    parser.add_argument(
        "--timeout", type=wrk.duration, default="30s", help="wrk's request timeout (30s)"
    )
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers (2)")
    parser.add_argument(
        "--wagtail",
        action="store_true",
        help="serve and load Wagtail 8 (bench/wagtail/) in the same run: the reference",
    )
    parser.add_argument(
        "--reference-rps",
        type=float,
        default=150,
        help="Wagtail's cold article, req/s, without --wagtail (150)",
    )
    parser.add_argument(
        "--reference-home-rps",
        type=float,
        default=130,
        help="Wagtail's index page, req/s, without --wagtail (130)",
    )
    parser.add_argument("--deep-page", type=int, default=500, help="deep section page (500)")
    parser.add_argument("--rotation", type=int, default=1000, help="article URLs to rotate over")
    parser.add_argument("--pages", help=f"only these pages (article always): {PAGE_KEYS}")
    parser.add_argument("--site-url", default="https://newsroom.example", help="NEWSROOM_SITE_URL")
    parser.add_argument("--name", help="result name (default: 10k, 1m… from the article count)")
    parser.add_argument("--results", type=Path, default=BENCH / "RESULTS.md", help="(%(default)s)")
    parser.add_argument(
        "--json", type=Path, help="raw results (default bench/results/<name>.json)"
    )
    parser.add_argument("--no-write", action="store_true", help="print only, write no file")
    parser.add_argument(
        "--compare",
        nargs=2,
        type=Path,
        metavar=("SMALL.json", "BIG.json"),
        help="compare two result files (each page's time, within 1.3×) and exit",
    )
    args = parser.parse_args(argv)
    if not args.compare and args.articles is None and args.database_url is None:
        parser.error("give --articles N or --database-url URL (the database to measure)")
    return args


def _stop(signum, frame):
    raise SystemExit(f"\nDừng ({signal.Signals(signum).name}): gunicorn và nginx đã tắt.")


def server_env(args, database_url: str, static_root: Path) -> dict:
    """This shell's environment without its Django and Newsroom settings, plus the run's."""
    own = ("DJANGO_", "NEWSROOM_", "DATABASE_URL", "REDIS_URL")
    env = {k: v for k, v in os.environ.items() if not k.startswith(own)}
    if "DJANGO_MEDIA_ROOT" in os.environ:  # where seed_bench put the photos
        env["DJANGO_MEDIA_ROOT"] = os.environ["DJANGO_MEDIA_ROOT"]
    env.update(
        DJANGO_SETTINGS_MODULE="newsroom.settings",
        DATABASE_URL=database_url,
        REDIS_URL=args.redis_url,
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_DEBUG="0",
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        NEWSROOM_SITE_URL=args.site_url,
        DJANGO_STATIC_ROOT=str(static_root),
    )
    return env


def main(argv: list[str]) -> None:
    args = parse_args(argv)
    if args.compare:
        text, _ = report.compare(*args.compare)
        print(text)
        if not args.no_write:
            a, b = (json.loads(p.read_text())["name"] for p in args.compare)
            report.write_section(args.results, f"compare-{a}-{b}", text)
            print(f"\n(written to {args.results})", file=sys.stderr)
        return
    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGHUP, _stop)
    # Ctrl-C stops the run even when a shell started it in the background with SIGINT ignored.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    load_start = machine.load()
    workdir = Path(tempfile.mkdtemp(prefix="nr-bench-"))
    try:
        with Servers(workdir) as servers:
            result = measure(args, servers, workdir)
    except KeyboardInterrupt:
        sys.exit("\nDừng (Ctrl-C): gunicorn và nginx đã tắt.")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    meta = result["meta"]
    meta["load_start"], meta["load_end"] = load_start, machine.load()
    meta["command"] = shlex.join(["bench/run", *argv])
    text = report.section(result)
    print(text)
    if args.no_write:
        return
    path = args.json or BENCH / "results" / f"{result['name']}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n")
    report.write_section(args.results, result["name"], text)
    print(f"\n(written to {args.results} and {path})", file=sys.stderr)


def measure(args, servers: Servers, workdir: Path) -> dict:
    if args.database_url:
        url = args.database_url
    else:
        url, created = database.bench_database(args.postgres, args.articles)
        print(f"{'created' if created else 'reusing'} {urlsplit(url).path[1:]}", file=sys.stderr)
    (workdir / "static").mkdir()  # collectstatic fills it; WhiteNoise warns while it is missing
    env = server_env(args, url, workdir / "static")
    count = database.prepare(url, env, articles=args.articles)
    if args.wagtail:  # its own virtualenv and database, as many articles as ours
        from . import wagtail

        server = urlunsplit(urlsplit(url)._replace(path=""))
        wagtail_env, wagtail_found = wagtail.prepare(server, count)
    for key in [k for k in os.environ if k not in env]:
        del os.environ[key]
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection

    from . import picks

    print("picking pages, counting queries…", file=sys.stderr, flush=True)
    pages = picks.pick(args.deep_page, args.rotation)
    if args.pages:
        wanted = {"article", *args.pages.split(",")}
        pages = [p for p in pages if p.key in wanted]
    picks.count_queries(pages)
    reference = wagtail.pages(wagtail_found) if args.wagtail else []
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0].split()[0]
    from articles.models import Article

    live = Article.objects.live().count()
    connection.close()

    import gunicorn
    import redis

    notes: list[str] = []
    if args.base_url:
        targets = {"front": args.base_url.rstrip("/")}
        redis_version = "—"
    else:
        cache = redis.Redis.from_url(args.redis_url)
        redis_version = cache.info("server")["redis_version"]
        cache.flushdb()  # no page of another database or an older run
        database.manage(env, "collectstatic", "--noinput", "-v", "0")
        servers_count = 3 if args.wagtail else 2
        print(
            f"starting gunicorn ×{servers_count} ({args.workers} workers each)…",
            file=sys.stderr,
            flush=True,
        )
        targets = {
            "cold": servers.gunicorn(
                "gunicorn-cold", {**env, "NEWSROOM_PAGE_CACHE_SECONDS": "0"}, args.workers
            ),
            # The settings' own lifetime with Redis (env holds no NEWSROOM_PAGE_CACHE_SECONDS).
            "warm": servers.gunicorn("gunicorn-warm", env, args.workers),
        }
    groups = [(pages, targets)]
    if args.wagtail:  # no page cache: its cells are "cold" ones, the same workers as ours
        groups.append((reference, {"cold": wagtail.start(servers, wagtail_env, args.workers)}))
    article_html = rounds.check_pages(groups, notes)
    static_url, nginx_version = servers.nginx(article_html)
    rotation_file = workdir / "rotation.txt"
    rotating = next((p for p in pages if p.rotation), None)
    if rotating:
        rotation_file.write_text("\n".join(rotating.rotation) + "\n")

    ceiling = picks.Page("nginx", "nginx, the article page as a static file", "/article.html")
    ceiling.bytes = len(article_html)
    cells = rounds.cells(groups, ceiling, static_url.rsplit("/", 1)[0], rotation_file, args)
    rounds.run(cells, args)
    if any(one["errors"] for cell in cells for one in cell.runs):
        servers.show_logs()  # before the temporary directory goes

    def cells_of(page):
        return {
            c.key: {"median": wrk.median(c.runs), "runs": c.runs} for c in cells if c.page is page
        }

    name = args.name or database.short(count) + ("-front" if args.base_url else "")
    return {
        "name": name,
        "meta": {
            "date": datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %z"),
            "git": machine.git(),
            "machine": machine.machine(),
            "versions": {
                "python": sys.version.split()[0],
                "django": django.get_version(),
                "gunicorn": gunicorn.__version__,
                "postgresql": f"PostgreSQL {postgres}",
                "redis": redis_version,
                "nginx": nginx_version,
                "wrk": wrk.wrk_version(),
            },
            "database": {"name": urlsplit(url).path[1:], "articles": count, "live": live},
            "wrk": {
                "connections": args.connections,
                "threads": args.threads,
                "duration": args.duration,
                "timeout": args.timeout,
                "rounds": args.rounds,
            },
            "workers": args.workers,
            "base_url": args.base_url,
            "page_cache_seconds": settings.NEWSROOM_PAGE_CACHE_SECONDS,
            "redis_db": urlsplit(args.redis_url).path.lstrip("/") or "0",
            "reference": {"article_rps": args.reference_rps, "home_rps": args.reference_home_rps},
            "wagtail": wagtail.meta(wagtail_found, args.workers) if args.wagtail else None,
            "notes": notes,
        },
        "pages": [
            {
                "key": p.key,
                "label": p.label,
                "path": p.path,
                "rotation": len(p.rotation),
                "queries": p.queries,
                "bytes": p.bytes,
                "cells": cells_of(p),
                **({"reference": True} if any(p is r for r in reference) else {}),
            }
            for p in [*pages, *reference]
        ],
        "ceiling": {"label": ceiling.label, "bytes": ceiling.bytes, "cells": cells_of(ceiling)},
    }
