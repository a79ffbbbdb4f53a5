"""Vietnamese text helpers: NFC storage, ASCII slugs, accent folding for search."""

import re
import unicodedata

from anyascii import anyascii

# Letters that accent stripping (NFKD + dropping combining marks) cannot reach.
_BASE_LETTERS = str.maketrans({"đ": "d", "Đ": "D"})


def nfc(value: str | None) -> str | None:
    """Return ``value`` in Unicode NFC (macOS and some keyboards send NFD)."""
    if not isinstance(value, str):
        return value
    return unicodedata.normalize("NFC", value)


def _is_invisible(char: str) -> bool:
    """Format characters (zero-width space and joiners, BOM, bidi marks, soft hyphen)."""
    return unicodedata.category(char) == "Cf"


def clean_line(value: str | None) -> str | None:
    """One line of text as stored: NFC, no invisible characters, every run of whitespace
    (tabs, newlines, no-break spaces) one space, trimmed.

    A title of a zero-width space and a no-break space is empty after this, so the
    "required" check sees it as empty.
    """
    if not isinstance(value, str):
        return value
    text = "".join(c for c in nfc(value) if not _is_invisible(c))
    return " ".join(text.split())


def clean_text(value: str | None) -> str | None:
    """Several lines of text as stored: NFC, no invisible characters, trimmed at both ends."""
    if not isinstance(value, str):
        return value
    return "".join(c for c in nfc(value) if not _is_invisible(c)).strip()


def fold(value: str) -> str:
    """Strip Vietnamese tone and vowel marks and map đ/Đ to d/D: ``Đà Nẵng`` → ``Da Nang``."""
    decomposed = unicodedata.normalize("NFKD", value.translate(_BASE_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def search_fold(value: str) -> str:
    """Lower-cased, accent-folded text for accent-insensitive matching."""
    return fold(value).casefold()


def _word_break(char: str) -> str:
    # Punctuation (every dash: ‐ – — ―), symbols (emoji), separators and controls all
    # break words: "Thừa Thiên–Huế" is thua-thien-hue, not thua-thienhue.
    return " " if unicodedata.category(char)[0] in "PSZC" else char


def vietnamese_slugify(value: str, max_length: int = 200) -> str:
    """ASCII slug of a Vietnamese text; empty only when the text has no letter or digit.

    ``Hải Phòng đẩy mạnh chuyển đổi xanh`` → ``hai-phong-day-manh-chuyen-doi-xanh``.
    Django's ``slugify`` drops ``đ`` instead of writing ``d``; letters of other scripts
    are transliterated by anyascii (``Ελλάδα`` → ``ellada``) rather than dropped.
    """
    words = "".join(_word_break(c) for c in fold(nfc(value or "")))
    ascii_text = anyascii(words).lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return slug[:max_length].rstrip("-")


def derive_slug(text: str, *, fallback: str, max_length: int = 200, taken=None) -> str:
    """The slug of an article's title, a section's or a tag's name: the one derivation.

    ``vietnamese_slugify(text)``, or ``fallback`` when the text has no letter or digit (an
    empty slug once broke ``/sitemap.xml``); with ``taken`` (a slug → bool), the first of
    ``slug``, ``slug-2``, ``slug-3``… that it says is free.
    """
    slug = vietnamese_slugify(text, max_length) or fallback
    return _first_free(slug, taken, max_length) if taken else slug


def _first_free(base: str, taken, max_length: int) -> str:
    slug, n = base[:max_length], 1
    while taken(slug):
        n += 1
        suffix = f"-{n}"
        slug = base[: max_length - len(suffix)].rstrip("-") + suffix
    return slug
