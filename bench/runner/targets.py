"""The ratios within one ``bench/run`` and the issue's targets, from a result (pure).

The reference is Wagtail's cold article page and its news index: measured in the same
run when ``--wagtail`` was given (the rows ``wagtail_article`` and ``wagtail_index``),
otherwise the fixed ``--reference-rps`` / ``--reference-home-rps`` taken from the issue.
A ratio against Wagtail of the same run holds on a slow day as on a quiet one; the fixed
numbers do not (this machine's speed varies by 2× from day to day).
"""

P99_LIMIT_MS = 100


def get(page: dict, cell: str, key: str = "rps") -> float | None:
    found = page["cells"].get(cell)
    return found["median"][key] if found else None


def page_of(result: dict, key: str) -> dict:
    return next((p for p in result["pages"] if p["key"] == key), {"cells": {}, "queries": None})


def reference(result: dict) -> dict:
    """Wagtail's req/s for ``article`` and ``home`` (its index page), each with a ``…_name``
    saying where it came from and a ``…_label`` with the number too, and ``source``:
    "wagtail" (this run), "fixed" or "mixed"."""
    fixed = result["meta"]["reference"]
    found, sources = {}, set()
    for key, page, label in (
        ("article", "wagtail_article", "Wagtail article"),
        ("home", "wagtail_index", "Wagtail index"),
    ):
        measured = get(page_of(result, page), "cold")
        if measured is not None:
            found[f"{key}_rps"], found[f"{key}_name"] = measured, f"{label} (this run)"
            found[f"{key}_label"] = f"{label} (this run), {measured:.0f} req/s"
            sources.add("wagtail")
        else:
            found[f"{key}_rps"] = fixed[f"{key}_rps"]
            found[f"{key}_name"] = f"reference {fixed[f'{key}_rps']:.0f} req/s (fixed)"
            found[f"{key}_label"] = found[f"{key}_name"]
            sources.add("fixed")
    found["source"] = sources.pop() if len(sources) == 1 else "mixed"
    return found


def reference_note(result: dict) -> str:
    """One line for the report: which reference its ratios and targets use."""
    ref, fixed = reference(result), result["meta"]["reference"]
    if ref["source"] == "wagtail":
        return (
            "Reference: Wagtail measured in this run (bench/run --wagtail): its article "
            f"{ref['article_rps']:.0f} req/s, its index {ref['home_rps']:.0f} req/s, "
            "cold at the same connection counts."
        )
    text = (
        f"Reference: fixed numbers (--reference-rps {fixed['article_rps']:.0f}, "
        f"--reference-home-rps {fixed['home_rps']:.0f}, from the issue's text)"
    )
    if ref["source"] == "mixed":
        return text + " for what Wagtail's rows of this run do not give."
    return text + "; bench/run --wagtail measures Wagtail in the same run instead."


def ratios(result: dict) -> list[str]:
    ref = reference(result)
    article, home = page_of(result, "article"), page_of(result, "home")
    rotating = page_of(result, "article_rotating")
    wagtail = page_of(result, "wagtail_article")
    static = result["ceiling"]["cells"]["static"]["median"]["rps"]
    warm = "warm" if "warm" in article["cells"] else "front"
    served = "warm article" if warm == "warm" else "article as served"
    pairs = [
        (f"{served} / nginx static", get(article, warm), static),
        (f"cold article / {ref['article_name']}", get(article, "cold"), ref["article_rps"]),
        (f"cold home / {ref['home_name']}", get(home, "cold"), ref["home_rps"]),
        (f"{served} / {ref['article_name']}", get(article, warm), ref["article_rps"]),
        ("warm article / cold article", get(article, "warm"), get(article, "cold")),
        (
            f"cold article, {rotating.get('rotation')} URLs / one",
            get(rotating, "cold"),
            get(article, "cold"),
        ),
        (
            f"{served}, {rotating.get('rotation')} URLs / one",
            get(rotating, warm),
            get(article, warm),
        ),
    ]
    found = [
        f"{name}: {a / b:.2f}× ({a:.0f} / {b:.0f} req/s)"
        for name, a, b in pairs
        if a is not None and b
    ]
    # One request at a time: how much longer Wagtail's article takes than ours (cold).
    slow, fast = get(wagtail, "cold_c1", "p50_ms"), get(article, "cold_c1", "p50_ms")
    if slow and fast:
        found.append(
            f"Wagtail article p50 / cold article p50, 1 connection: {slow / fast:.2f}× "
            f"({slow:.2f} / {fast:.2f} ms)"
        )
    return found


def at_least(name: str, rps: float | None, times: int, reference: float, label: str):
    """(passed, text) for "``name`` serves at least ``times`` × the reference"."""
    goal = f"{name} ≥ {times} × {label}"
    if rps is None:
        return (None, f"{goal}: not measured (--base-url)")
    if not reference:
        return (None, f"{goal}: Wagtail answered no request in its cell")
    return (rps >= times * reference, f"{goal}: {rps:.0f} = {rps / reference:.2f}×")


def targets(result: dict) -> list[tuple[bool | None, str]]:
    """The issue's targets: (passed, text); None when this run cannot tell."""
    ref = reference(result)
    article, home = page_of(result, "article"), page_of(result, "home")
    front = bool(result["meta"].get("base_url"))
    warm = "front" if front else "warm"
    of_article, of_home = ref["article_label"], ref["home_label"]
    found: list[tuple[bool | None, str]] = []
    found.append(at_least("cold article", get(article, "cold"), 2, ref["article_rps"], of_article))
    queries = article["queries"]
    found.append((queries is not None and queries <= 6, f"cold article ≤ 6 queries: {queries}"))
    found.append(at_least("cold home", get(home, "cold"), 2, ref["home_rps"], of_home))
    label = "article as served" if front else "warm article"
    found.append(at_least(label, get(article, warm), 10, ref["article_rps"], of_article))
    p99 = [(get(p, warm, "p99_ms"), p["label"]) for p in result["pages"] if warm in p["cells"]]
    over = [f"{name} {value:.1f} ms" for value, name in p99 if value >= P99_LIMIT_MS]
    over += [
        f"{p['label']} (no request answered)"
        for p in result["pages"]
        if warm in p["cells"] and not p["cells"][warm]["median"]["requests"]
    ]
    worst = max(p99) if p99 else (None, "")
    text = f"p99 < {P99_LIMIT_MS} ms, every page {'as served' if front else 'warm'} at "
    text += f"{result['meta']['wrk']['connections']} connections: "
    text += ("over: " + ", ".join(over)) if over else f"worst {worst[1]}, {worst[0]:.1f} ms"
    found.append((not over, text))
    found.append((None, "1M no slower than 1.3× 10k: bench/run --compare <10k.json> <1m.json>"))
    return found


def checklist(items: list[tuple[bool | None, str]]) -> str:
    word = {True: "PASS", False: "FAIL", None: "----"}
    return "\n".join(f"- {word[ok]} {text}" for ok, text in items)
