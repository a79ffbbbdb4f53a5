"""Vietnamese text helpers: NFC storage, ASCII slugs, accent folding for search."""

import re
import unicodedata

# Letters that accent stripping (NFKD + dropping combining marks) cannot reach.
_BASE_LETTERS = str.maketrans({"đ": "d", "Đ": "D"})


def nfc(value: str | None) -> str | None:
    """Return ``value`` in Unicode NFC (macOS and some keyboards send NFD)."""
    if not isinstance(value, str):
        return value
    return unicodedata.normalize("NFC", value)


def fold(value: str) -> str:
    """Strip Vietnamese tone and vowel marks and map đ/Đ to d/D: ``Đà Nẵng`` → ``Da Nang``."""
    decomposed = unicodedata.normalize("NFKD", value.translate(_BASE_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def search_fold(value: str) -> str:
    """Lower-cased, accent-folded text for accent-insensitive matching."""
    return fold(value).casefold()


def vietnamese_slugify(value: str, max_length: int = 200) -> str:
    """ASCII slug of a Vietnamese text.

    ``Hải Phòng đẩy mạnh chuyển đổi xanh`` → ``hai-phong-day-manh-chuyen-doi-xanh``.
    Django's ``slugify`` drops ``đ`` instead of writing ``d``.
    """
    ascii_text = fold(value).encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return slug[:max_length].rstrip("-")
