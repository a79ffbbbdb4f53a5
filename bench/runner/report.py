"""``bench/run``'s Markdown: the table, the ratios within the run, the issue's targets, and
the comparison of two result files; written into ``bench/RESULTS.md`` between markers."""

import json
from pathlib import Path

from .machine import describe
from .targets import checklist, get, ratios, reference_note, targets

# (cell, number, column) in table order; a column shows when some page has that cell.
COLUMNS = [
    ("cold", "rps", "cold req/s"),
    ("cold", "p50_ms", "cold p50 ms"),
    ("cold", "p99_ms", "cold p99 ms"),
    ("cold_c1", "p50_ms", "cold p50 ms, 1 conn."),
    ("cold_c1", "p99_ms", "cold p99 ms, 1 conn."),
    ("warm", "rps", "warm req/s"),
    ("warm", "p50_ms", "warm p50 ms"),
    ("warm", "p99_ms", "warm p99 ms"),
    ("front", "rps", "req/s"),
    ("front", "p50_ms", "p50 ms"),
    ("front", "p99_ms", "p99 ms"),
    ("front_c1", "p50_ms", "p50 ms, 1 conn."),
    ("front_c1", "p99_ms", "p99 ms, 1 conn."),
]
MAX_SLOWDOWN = 1.3
FEW = 20  # requests in a run's median below which a cell is marked ‡


def number(value: float | None, key: str) -> str:
    if value is None:
        return "—"
    if key == "rps":
        return f"{value:.0f}"
    return f"{value:.2f}" if value < 10 else f"{value:.1f}"


def table(result: dict) -> str:
    pages = result["pages"]
    columns = [c for c in COLUMNS if any(c[0] in p["cells"] for p in pages)]
    head = ["page", "URL", "kB", "queries (cold)", *[c[2] for c in columns]]
    lines = ["| " + " | ".join(head) + " |", "|---|---|" + "---:|" * (len(head) - 2)]
    for page in pages:
        url = f"`{page['path']}`" + (f" … ({page['rotation']} URLs)" if page["rotation"] else "")
        row = [page["label"], url, f"{page['bytes'] / 1024:.0f}", str(page["queries"])]
        for cell, key, _ in columns:
            found = page["cells"].get(cell)
            if found and not found["median"]["requests"]:
                row.append("— ‡")
                continue
            mark = " †" if found and found["median"]["errors"] else ""
            mark += " ‡" if found and found["median"]["requests"] < FEW else ""
            row.append(number(get(page, cell, key), key) + mark)
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def errors(result: dict) -> list[str]:
    found = []
    few = [
        f"{page['label']}, {cell}: {data['median']['requests']:.0f}"
        for page in result["pages"]
        for cell, data in page["cells"].items()
        if data["median"]["requests"] < FEW
    ]
    if few:
        found.append(
            f"‡ fewer than {FEW} requests answered in the cell (median of the rounds; a "
            "request still waiting when wrk stops is not counted): too slow for the cell's "
            "duration at this many connections, give a longer -d. " + "; ".join(few)
        )
    for page in [*result["pages"], result["ceiling"]]:
        for cell, data in page["cells"].items():
            if data["median"]["errors"]:
                summary = ", ".join(f"{n} {k}" for k, n in data["median"]["errors"].items())
                found.append(f"† {page['label']}, {cell}: {summary} (summed over the rounds)")
    return found


def ceiling(result: dict) -> str:
    static = result["ceiling"]
    many, one = static["cells"]["static"]["median"], static["cells"].get("static_c1")
    text = (
        f"Ceiling, {static['label']} ({static['bytes'] / 1024:.0f} kB): "
        f"{many['rps']:.0f} req/s, p50 {number(many['p50_ms'], 'ms')} ms, "
        f"p99 {number(many['p99_ms'], 'ms')} ms at {result['meta']['wrk']['connections']} "
        "connections"
    )
    if one:
        text += f"; p50 {number(one['median']['p50_ms'], 'ms')} ms at 1 connection"
    return text + "."


def section(result: dict) -> str:
    meta = result["meta"]
    parts = [
        f"## bench/run, {meta['database']['articles']} articles ({result['name']})",
        f"```\n{describe(meta)}\n```",
        table(result),
    ]
    notes = errors(result) + meta.get("notes", [])
    if notes:
        parts.append("\n".join(f"- {note}" for note in notes))
    parts.append(ceiling(result))
    parts.append(reference_note(result))
    parts.append(
        f"Ratios within this run ({meta['wrk']['connections']} connections):\n\n"
        + "\n".join(f"- {r}" for r in ratios(result))
    )
    parts.append("Targets (issue #9):\n\n" + checklist(targets(result)))
    return "\n\n".join(parts)


def compare(first: Path, second: Path) -> tuple[str, bool]:
    """Every page's p50 in every cell of ``second`` against ``first``; the text and whether all
    stay within ``MAX_SLOWDOWN``."""
    a, b = (json.loads(Path(p).read_text()) for p in (first, second))
    cells = ["cold", "cold_c1", "warm", "front", "front_c1"]
    pages_b = {p["key"]: p for p in b["pages"]}
    shared = [c for c in cells if any(c in p["cells"] for p in a["pages"])]
    names = {"cold_c1": "cold, 1 conn.", "front_c1": "1 conn.", "front": "as served"}
    head = ["page"]
    head += [f"{names.get(c, c)} p50 ms ({a['name']} → {b['name']})" for c in shared]
    head += ["worst"]
    lines = ["| " + " | ".join(head) + " |", "|---|" + "---:|" * (len(head) - 1)]
    failing, ok = [], True
    for page in a["pages"]:
        other = pages_b.get(page["key"])
        if other is None or page.get("reference"):  # Wagtail's rows: not our pages
            continue
        row, worst = [page["label"]], 0.0
        for cell in shared:
            x, y = get(page, cell, "p50_ms"), get(other, cell, "p50_ms")
            if x is None or y is None or not get(page, cell, "requests"):
                row.append("—")  # not measured, or no answer in the smaller run's cell
                continue
            if not get(other, cell, "requests"):
                worst = float("inf")
                row.append(f"{number(x, 'ms')} → no answer")
                continue
            worst = max(worst, y / x)
            row.append(f"{number(x, 'ms')} → {number(y, 'ms')} ({y / x:.2f}×)")
        row.append(f"{worst:.2f}×")
        lines.append("| " + " | ".join(row) + " |")
        if worst > MAX_SLOWDOWN:
            ok = False
            failing.append(f"{page['label']} {worst:.2f}×")
    verdict = "PASS" if ok else "FAIL"
    target = (
        f"- {verdict} every page at {b['name']} no slower than {MAX_SLOWDOWN}× its {a['name']} "
        "time (p50 of every cell)" + (": " + ", ".join(failing) if failing else "")
    )
    same = a["meta"]["machine"] == b["meta"]["machine"]
    where = [
        f"{name}: {r['meta']['date']}, commit {r['meta']['git']['commit']}, "
        f"{r['meta']['database']['articles']} articles, load {r['meta']['load_start']} → "
        f"{r['meta']['load_end']}"
        for name, r in ((first, a), (second, b))
    ]
    if not same:
        where.append("WARNING: the two files come from different machines.")
    if a["meta"]["git"] != b["meta"]["git"]:
        where.append("Note: the two files come from different commits (or working trees).")
    text = "\n\n".join(
        [
            f"## bench/run, {b['name']} against {a['name']}",
            "```\n" + "\n".join(where) + "\n```",
            "\n".join(lines),
            "Target (issue #9):\n\n" + target,
        ]
    )
    return text, ok


def write_section(path: Path, name: str, text: str) -> None:
    """Replace the text between this name's markers in ``path``, or append it with them."""
    start, end = f"<!-- bench/run:{name}:start -->", f"<!-- bench/run:{name}:end -->"
    block = f"{start}\n{text}\n{end}"
    old = path.read_text() if path.exists() else ""
    if start in old and end in old:
        head, rest = old.split(start, 1)
        new = head + block + rest.split(end, 1)[1]
    else:
        new = old.rstrip("\n") + ("\n\n" if old else "") + block + "\n"
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(new)
    tmp.replace(path)
