"""The Vietnamese catalogs themselves (locale/vi/LC_MESSAGES): every msgid translated, the
.mo files built from the .po files as they are, and ``msgfmt --check`` clean."""

import gettext
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

LOCALE_DIR = Path(settings.BASE_DIR) / "locale" / "vi" / "LC_MESSAGES"


# The catalogs themselves


def _read_po(path):
    """{(msgctxt, msgid): [msgstr, ...]} from a .po file; enough of the format for ours."""
    entries, current, field = {}, None, None
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if current and "msgid" in current:
                key = (current.get("msgctxt"), current["msgid"])
                entries[key] = [v for k, v in sorted(current.items()) if k.startswith("msgstr")]
            current, field = None, None
            continue
        if line.startswith("#"):
            continue
        match = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) (".*")$', line)
        if match:
            current = current or {}
            field = match.group(1)
            current[field] = json.loads(match.group(2))
        else:
            current[field] += json.loads(line)
    return entries


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_every_msgid_is_translated(domain):
    """Each catalog entry has a non-empty msgstr, and the header declares one plural form."""
    entries = _read_po(LOCALE_DIR / f"{domain}.po")
    header = entries.pop((None, ""))[0]
    assert "Plural-Forms: nplurals=1; plural=0;" in header
    assert "charset=UTF-8" in header
    assert entries
    untranslated = [key for key, values in entries.items() if not all(values)]
    assert untranslated == []


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_mo_files_match_the_po_files(domain):
    """The committed .mo holds exactly what the .po says (compile after editing a .po)."""
    po = _read_po(LOCALE_DIR / f"{domain}.po")
    po.pop((None, ""))
    with open(LOCALE_DIR / f"{domain}.mo", "rb") as fp:
        mo = gettext.GNUTranslations(fp)._catalog
    # One plural form in Vietnamese: a plural entry compiles to the key (msgid, 0).
    expected = {
        (f"{ctx}\x04{msgid}" if ctx else msgid): values[0] for (ctx, msgid), values in po.items()
    }
    compiled = {k if isinstance(k, str) else k[0]: v for k, v in mo.items() if k != ""}
    assert compiled == expected


@pytest.mark.skipif(not shutil.which("msgfmt"), reason="gettext's msgfmt is not installed")
@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_po_files_pass_msgfmt_check(domain):
    """msgfmt --check accepts the catalogs: placeholders match their msgids, header is valid."""
    result = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(LOCALE_DIR / f"{domain}.po")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
