"""The project's own scripts (articles/static/articles/**/*.js) keep one style: Prettier's.

Prettier is pinned in ``tools/pagecheck/package.json`` (``npm ci --prefix tools/pagecheck``;
``make test`` does it when npm is there); its settings are ``.prettierrc.json`` and its scope
``.prettierignore``. Without Node or the package the tests are skipped, or fail when
``NEWSROOM_REQUIRE_BROWSER=1`` (CI). ``make format`` rewrites the scripts in this style.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGECHECK = ROOT / "tools" / "pagecheck"
PRETTIER = PAGECHECK / "node_modules" / "prettier" / "bin" / "prettier.cjs"
SCRIPTS = ROOT / "articles" / "static" / "articles"


@pytest.fixture(scope="module")
def node():
    node = shutil.which("node")
    if node and PRETTIER.exists():
        return node
    message = "the JS style check needs Node.js 20 and `npm ci --prefix tools/pagecheck`"
    if os.environ.get("NEWSROOM_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{message} (NEWSROOM_REQUIRE_BROWSER=1 asks for it)", pytrace=False)
    pytest.skip(message)


def test_project_scripts_are_formatted_by_prettier(node):
    check = subprocess.run(
        [node, PRETTIER, "--check", "."], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert check.returncode == 0, check.stdout + check.stderr


def test_prettier_checks_every_project_script_and_nothing_else(node):
    """``.prettierignore`` leaves every script of ours in scope, templates and docs out."""
    scripts = sorted(str(p.relative_to(ROOT)) for p in SCRIPTS.rglob("*.js"))
    assert "articles/static/articles/prose-photo.js" in scripts
    others = ["templates/base.html", "README.md", "articles/static/articles/site.css"]
    program = """
    const prettier = require("prettier");
    const files = JSON.parse(process.argv[1]);
    Promise.all(files.map((file) => prettier.getFileInfo(file, {ignorePath: ".prettierignore"})))
        .then((infos) => console.log(JSON.stringify(infos.map((info) => info.ignored))));
    """
    result = subprocess.run(
        [node, "-e", program, json.dumps(scripts + others)],
        cwd=ROOT,
        env={**os.environ, "NODE_PATH": str(PAGECHECK / "node_modules")},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    ignored = dict(zip(scripts + others, json.loads(result.stdout), strict=True))
    assert [name for name in scripts if ignored[name]] == []
    assert [name for name in others if not ignored[name]] == []
