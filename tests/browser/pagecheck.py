"""The third-party page checks' tools and helpers, shared by the browser tests that run them
(``test_page_quality.py``, ``test_most_read.py``): where the tools are, whether they are
installed, axe on an open page, and where reports and the README's screenshots go."""

import json
import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ROOT / "tools" / "pagecheck" / "node_modules"
VNU_JAR = TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = TOOLS / "axe-core" / "axe.min.js"
LIGHTHOUSE = TOOLS / "lighthouse" / "cli" / "index.js"
ARTIFACTS = ROOT / "test-artifacts" / "pagecheck"
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"


def missing_tools() -> list[str]:
    missing = []
    if not shutil.which("java"):
        missing.append("Java 17+ (apt-get install default-jre-headless)")
    if not shutil.which("node"):
        missing.append("Node.js 20 (apt-get install nodejs npm)")
    if not (VNU_JAR.exists() and AXE_JS.exists() and LIGHTHOUSE.exists()):
        missing.append("the npm tools (npm ci --prefix tools/pagecheck)")
    return missing


def require_tools() -> None:
    """Skip without the tools, or fail under ``NEWSROOM_REQUIRE_BROWSER=1`` (CI)."""
    if missing := missing_tools():
        message = "page checks need " + ", ".join(missing)
        if os.environ.get("NEWSROOM_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)


def report(name, payload):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / name
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=2))
    return path


def assert_axe_finds_no_serious_violation(page, name):
    page.add_script_tag(path=str(AXE_JS))
    results = page.evaluate("async () => await axe.run(document)")
    serious = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
    if serious:
        report(f"axe-{name}.json", serious)
    assert not serious, [f"{v['id']}: {v['help']} ({len(v['nodes'])})" for v in serious]
    return results
