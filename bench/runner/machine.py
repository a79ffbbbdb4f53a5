"""What a result was measured on: the machine, its load, the software and the commit."""

import os
import platform
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def machine() -> dict:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram_gib = 0.0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram_gib = int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram_gib": round(ram_gib, 1),
        "kernel": platform.release(),
    }


def load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def git() -> dict:
    """The commit and whether tracked files differ from it (read-only: no index refresh)."""

    def out(*args):
        done = subprocess.run(
            ["git", "--no-optional-locks", "-C", str(ROOT), *args],
            capture_output=True,
            text=True,
        )
        return done.stdout.strip() if done.returncode == 0 else None

    commit = out("rev-parse", "--short", "HEAD")
    changes = out("status", "--porcelain", "--untracked-files=no")
    return {"commit": commit or "?", "dirty": bool(changes) if changes is not None else None}


def describe(meta: dict) -> str:
    """The block printed above a table."""
    m, v, db, w = meta["machine"], meta["versions"], meta["database"], meta["wrk"]
    dirty = {True: " + uncommitted changes", False: "", None: " (dirty?)"}[meta["git"]["dirty"]]
    ours = f"gunicorn {v['gunicorn']} ({meta['workers']} sync workers), Redis {v['redis']}, "
    if meta.get("base_url"):
        ours = ""  # whatever serves base_url
    lines = [
        f"{meta['date']}, commit {meta['git']['commit']}{dirty}",
        f"$ {meta['command']}",
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['ram_gib']} GiB RAM, "
        f"load average {' '.join(map(str, meta['load_start']))} at start, "
        f"{' '.join(map(str, meta['load_end']))} at end",
        f"Database: {db['name']} ({v['postgresql']}), {db['articles']} articles, "
        f"{db['live']} live",
        f"Python {v['python']}, Django {v['django']}, {ours}nginx {v['nginx']}, wrk {v['wrk']}",
        f"wrk: {w['connections']} connections / {w['threads']} threads, and 1 connection for "
        f"single-request latency; {w['duration']} a cell; median of {w['rounds']} "
        "interleaved round(s) (each number's median on its own)",
    ]
    if meta.get("base_url"):
        lines.append(
            f"Server: {meta['base_url']} as it is (--base-url: no cold/warm toggle), one "
            "priming request per URL before each cell"
        )
    else:
        lines.append(
            "Server: gunicorn, DEBUG off, Redis cache (db "
            f"{meta['redis_db']}), manifest static files; cold = page cache off "
            "(NEWSROOM_PAGE_CACHE_SECONDS=0; what is kept below pages stays on: list cards, "
            "closed months' sitemaps, the search window's start), warm = page cache on "
            f"({meta['page_cache_seconds']} s), one priming "
            "request per URL before each warm cell"
        )
    if wagtail := meta.get("wagtail"):
        wv = wagtail["versions"]
        lines.append(
            f"Reference: Wagtail {wv['wagtail']} (bench/wagtail/, Django {wv['django']}, "
            f"gunicorn {wv['gunicorn']}, {wagtail['workers']} sync workers, DEBUG off, no "
            f"page cache), database {wagtail['database']} ({wagtail['articles']} article "
            "pages under one news index); its rows are loaded like the cold ones"
        )
    lines.append(
        "Queries: one request per page through Django's test client on the same database, "
        "page cache off" + (" (Wagtail's: its own test client)" if wagtail else "")
    )
    return "\n".join(lines)
