"""The cells of a run (a page × a server × a connection count) and the interleaved rounds."""

import contextlib
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import wrk
from .servers import get


@dataclass
class Cell:
    page: object  # picks.Page, or the ceiling's
    key: str  # cold, warm, front, static (at --connections); cold_c1, front_c1, static_c1
    base: str
    connections: int
    threads: int
    paths_file: Path | None = None
    prime: list[str] = field(default_factory=list)
    drain: bool = True  # wait for the server's queue to empty after the cell
    runs: list[dict] = field(default_factory=list)


def cells(groups, ceiling, static_base: str, rotation_file: Path, args) -> list:
    """Per page and server: ``--connections``, and 1 connection for cold (and --base-url)
    pages; then nginx's static copy at both. ``groups``: (pages, {mode: base URL}) pairs,
    Newsroom's pages on its servers, then Wagtail's (``--wagtail``) on its one, as "cold"."""
    found = []
    for pages, targets in groups:
        for page in pages:
            paths_file = rotation_file if page.rotation else None
            for mode, base in targets.items():
                prime = (page.rotation or [page.path]) if mode != "cold" else []
                found.append(
                    Cell(page, mode, base, args.connections, args.threads, paths_file, prime)
                )
                if mode != "warm" and args.connections > 1:  # single-request latency
                    found.append(Cell(page, f"{mode}_c1", base, 1, 1, paths_file, prime))
    found.append(Cell(ceiling, "static", static_base, args.connections, args.threads, drain=False))
    if args.connections > 1:
        found.append(Cell(ceiling, "static_c1", static_base, 1, 1, drain=False))
    return found


def check_pages(groups, notes: list) -> bytes:
    """Every page answers 200 on each of its servers (``groups`` as for ``cells``); the warm
    one from its page cache. Returns Newsroom's article page's HTML (for nginx)."""
    article_html = b""
    servers = [
        (page, mode, base)
        for pages, targets in groups
        for page in pages
        for mode, base in targets.items()
    ]
    for page, mode, base in servers:
        status, headers, body = get(base + page.path)
        if status != 200:
            sys.exit(f"{mode} ({base}): {page.path} trả về {status}: {body[:300]!r}")
        page.bytes = len(body)
        if page.key == "article" and mode != "warm":
            article_html = body
        if mode == "warm":
            state = get(base + page.path)[1].get("x-page-cache")
            if state != "hit":
                notes.append(
                    f"{page.label}: the warm server's second answer was no page-cache "
                    f"hit (X-Page-Cache: {state})"
                )
    return article_html


def run(cells: list[Cell], args) -> None:
    """Every cell once a round, ``--rounds`` times: round-robin, not one cell's runs in a row."""
    seconds = len(cells) * args.rounds * wrk.seconds(args.duration)
    print(
        f"{len(cells)} cells × {args.rounds} round(s) × {args.duration}: ≈ {seconds / 60:.0f} min",
        file=sys.stderr,
        flush=True,
    )
    for number in range(1, args.rounds + 1):
        for cell in cells:
            for path in cell.prime:
                get(cell.base + path)
            one = wrk.run(
                cell.base + cell.page.path,
                connections=cell.connections,
                threads=cell.threads,
                duration=args.duration,
                timeout=args.timeout,
                paths_file=cell.paths_file,
            )
            cell.runs.append(one)
            errors = f", errors {one['errors']}" if one["errors"] else ""
            if cell.drain:
                # wrk hangs up, but gunicorn still answers every request queued behind its
                # sync workers: wait for them, or the next cell measures this one's tail.
                start = time.monotonic()
                with contextlib.suppress(OSError):
                    get(cell.base + "/healthz", timeout=600)
                if (waited := time.monotonic() - start) > 1:
                    errors += f" (then {waited:.1f} s until the server was idle)"
            print(
                f"[{number}/{args.rounds}] {cell.key:<10} {cell.page.label}: "
                f"{one['rps']:.0f} req/s, p50 {one['p50_ms']:.2f} ms, "
                f"p99 {one['p99_ms']:.2f} ms{errors}",
                file=sys.stderr,
                flush=True,
            )
