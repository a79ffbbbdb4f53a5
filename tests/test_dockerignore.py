"""What the Docker build context leaves out: secrets and local state never reach the daemon,
and what the Dockerfile copies does."""

import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


# The Docker build context. Docker matches .dockerignore patterns from the context root
# (Go's filepath.Match plus "**"), a pattern also excludes everything under a matching
# folder, the last matching line wins, and "!" lines bring paths back.


def _dockerignore_rules():
    rules = []
    for line in (ROOT / ".dockerignore").read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        keep = line.startswith("!")
        pattern = os.path.normpath(line.lstrip("!").strip("/"))
        regex = ""
        for token in re.findall(r"\*\*/|\*\*|\*|\?|[^*?]+", pattern):
            regex += {"**/": "(?:.*/)?", "**": ".*", "*": "[^/]*", "?": "[^/]"}.get(
                token, re.escape(token)
            )
        rules.append((re.compile(regex + r"\Z"), keep))
    return rules


def _sent(path, rules):
    """Whether Docker sends ``path`` (relative, with slashes) in the build context."""
    parts = path.split("/")
    prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    sent = True
    for regex, keep in rules:
        if any(regex.match(prefix) for prefix in prefixes):
            sent = keep
    return sent


NEVER_SENT = [
    ".env",
    ".env.production",
    "newsroom/.env",
    ".venv/bin/python",
    "db.sqlite3",
    "tests/local.sqlite3",
    "media/photos/2025/03/cang.jpg",
    "staticfiles/admin/css/base.css",
    ".git/config",
    "backups/20250308-100600/database.dump",
    "test-artifacts/pagecheck/report.html",
    "tools/pagecheck/node_modules/lighthouse/package.json",
    "articles/__pycache__/views.cpython-311.pyc",
]


def test_dockerignore_keeps_secrets_and_local_state_out():
    rules = _dockerignore_rules()
    assert [path for path in NEVER_SENT if _sent(path, rules)] == []
    for path in [".env.example", "manage.py", "articles/views.py", "tools/pagecheck/package.json"]:
        assert _sent(path, rules), path


def test_build_context_sends_what_the_dockerfile_copies_and_no_secrets():
    """Walk this working tree as ``docker build .`` would send it."""
    rules = _dockerignore_rules()
    sent = []
    for folder, dirs, files in os.walk(ROOT):
        relative = Path(folder).relative_to(ROOT).as_posix()
        prefix = "" if relative == "." else relative + "/"
        # Nothing is brought back under an excluded folder, so it need not be walked.
        dirs[:] = [d for d in dirs if _sent(prefix + d, rules)]
        sent += [prefix + name for name in files if _sent(prefix + name, rules)]
    leaks = [
        path
        for path in sent
        if re.search(r"(^|/)(\.env(\..*)?|db\.sqlite3)$", path)
        and path != ".env.example"
        or path.startswith((".venv/", ".git/", "media/", "staticfiles/", "backups/"))
    ]
    assert leaks == []

    copied = re.findall(r"^COPY (?!--from)(.+) \S+$", (ROOT / "Dockerfile").read_text(), re.M)
    for source in " ".join(copied).split():
        assert source == "." or any(p == source or p.startswith(source + "/") for p in sent), (
            f"the Dockerfile copies {source}, which .dockerignore leaves out"
        )
