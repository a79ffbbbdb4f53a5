"""One wrk run: requests per second and latency percentiles, from bench/runner/wrk.lua."""

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

LUA = Path(__file__).resolve().parent / "wrk.lua"
ERRORS = ("connect", "read", "write", "status", "timeout")


def wrk_version() -> str:
    binary = shutil.which("wrk")
    if binary is None:
        sys.exit("wrk không có: apt-get install -y wrk")
    output = subprocess.run([binary, "-v"], capture_output=True, text=True)
    return (output.stdout or output.stderr).split()[1]


def seconds(duration: str) -> float:
    """wrk's time: ``10s``, ``2m``, ``1h``; a bare number is seconds."""
    match = re.fullmatch(r"([0-9]+(?:\.[0-9]+)?)(s|m|h)?", duration.strip())
    if not match:
        raise ValueError(f"not a duration: {duration!r} (10s, 2m, 1h)")
    units = {"s": 1, "m": 60, "h": 3600, None: 1}
    return float(match[1]) * units[match[2]]


def duration(text: str) -> str:
    """argparse type: a duration wrk reads, as given."""
    seconds(text)
    return text


def run(
    url: str,
    *,
    connections: int,
    threads: int,
    duration: str,
    timeout: str,
    paths_file: Path | None = None,
) -> dict:
    """wrk against ``url`` (or, with ``paths_file``, its host rotating over those paths)."""
    threads = min(threads, connections)
    env = {**os.environ, "NR_WRK_THREADS": str(threads), "NR_WRK_PATHS": str(paths_file or "")}
    command = [
        "wrk",
        f"--connections={connections}",
        f"--threads={threads}",
        f"--duration={duration}",
        f"--timeout={timeout}",
        f"--script={LUA}",
        url,
    ]
    limit = seconds(duration) + seconds(timeout) + 30
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=limit)
    line = next((x for x in done.stdout.splitlines() if x.startswith("NRJSON ")), None)
    if done.returncode or line is None:
        sys.exit(
            f"wrk thất bại ({done.returncode}): {' '.join(command)}\n{done.stdout}{done.stderr}"
        )
    raw = json.loads(line.removeprefix("NRJSON "))
    return {
        "requests": raw["requests"],
        "rps": raw["requests"] / (raw["duration_us"] / 1e6),
        "p50_ms": raw["p50_us"] / 1000,
        "p90_ms": raw["p90_us"] / 1000,
        "p99_ms": raw["p99_us"] / 1000,
        "max_ms": raw["max_us"] / 1000,
        "errors": {name: raw[name] for name in ERRORS if raw[name]},
    }


def median(runs: list[dict]) -> dict:
    """Each number's median over the runs (separately), errors summed."""
    errors: dict[str, int] = {}
    for one in runs:
        for name, count in one["errors"].items():
            errors[name] = errors.get(name, 0) + count
    keys = ("requests", "rps", "p50_ms", "p90_ms", "p99_ms", "max_ms")
    return {
        **{key: statistics.median(one[key] for one in runs) for key in keys},
        "errors": errors,
    }
