"""The read API's query parameters: their bounds, the opaque cursors, the page cache key.

Parameters are declared on the endpoints with their types and bounds (so the OpenAPI
document states them) and ninja checks them; a value it refuses is a 400 with a Vietnamese
``detail`` (``articles/api/site.py`` words it from ``HINTS``), never a 500. The functions in
``KEY_PARAMS`` give the page cache (``articles/pagecache.py``) each value as the view reads
it, so ``?limit=020`` is ``?limit=20``'s entry and a parameter no view reads is no entry.

Cursors are opaque to clients. An article list's is the URL-safe base64 of the reader lists'
own position, ``(published_at, id)`` of the page's last article (``articles.keyset``); the
tags list's, of the last tag's slug.
"""

import base64
import binascii
import re

from ninja.errors import HttpError
from pydantic import TypeAdapter

from articles import keyset

DEFAULT_LIMIT = 20
MAX_LIMIT = 50
MAX_ID = 2**63 - 1  # a bigint: larger ids are no row's, and SQLite cannot bind them
MAX_CURSOR = 64
MAX_TAG_CURSOR = 136  # the base64 of a 100-character slug
SLUG_PATTERN = r"^[-a-zA-Z0-9_]{1,100}$"
_INT = TypeAdapter(int)
SEARCH_PAGES = 15  # as the reader search: views.SEARCH_MAX_PAGES pages of 20

# How each parameter's 400 says what is expected.
HINTS = {
    "limit": f"một số nguyên từ 1 đến {MAX_LIMIT}",
    "page": f"một số nguyên từ 1 đến {SEARCH_PAGES}",
    "author": "một số nguyên dương (mã tác giả)",
    "article_id": "một số nguyên dương (mã bài viết)",
    "section": "đường dẫn (slug) của một chuyên mục",
    "tag": "đường dẫn (slug) của một thẻ",
    "cursor": "giá trị next của trang trước",
    "q": "một chuỗi tìm kiếm",
}


def bad(message: str) -> HttpError:
    return HttpError(400, message)


def _b64(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def _unb64(value: str) -> str | None:
    try:
        return base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)).decode("ascii")
    except (binascii.Error, ValueError, UnicodeDecodeError):
        return None


BAD_CURSOR = "Con trỏ trang (cursor) không hợp lệ: hãy dùng giá trị next của trang trước."


def encode_position(position: tuple) -> str:
    return _b64(keyset.format_position(*position))


def decode_position(value: str | None) -> tuple | None:
    """The position in an article list's cursor; None for none; a 400 for one not ours."""
    if not value:
        return None
    position = keyset.parse_position(_unb64(value) or "")
    if position is None:
        raise bad(BAD_CURSOR)
    return position


def encode_slug(slug: str) -> str:
    return _b64(slug)


def decode_slug(value: str | None) -> str | None:
    """The tag slug in the tags list's cursor; None for none; a 400 for one not ours."""
    if not value:
        return None
    slug = _unb64(value)
    if slug is None or not re.fullmatch(SLUG_PATTERN, slug):
        raise bad(BAD_CURSOR)
    return slug


# For the page cache key: each value as the view reads it, or as given when it is refused
# (the 400 is never stored).


def _normalised(read):
    def normalise(value: str | None) -> str:
        try:
            return str(read(value))
        except (HttpError, ValueError):
            return value or ""

    return normalise


def _number(default=""):
    """An integer parameter as ninja reads it (pydantic's lax int: "020" and "20.0" are 20);
    absent or empty is its default (``site._as_reader_urls`` drops empty parameters)."""
    return lambda value: default if value in (None, "") else _INT.validate_python(value)


def _search_query(value):
    from articles.search import clean_query

    return clean_query(value)


KEY_PARAMS = {
    "api:articles": {
        "section": _normalised(lambda v: v or ""),
        "tag": _normalised(lambda v: v or ""),
        "author": _normalised(_number()),
        "cursor": _normalised(lambda v: encode_position(p) if (p := decode_position(v)) else ""),
        "limit": _normalised(_number(DEFAULT_LIMIT)),
    },
    "api:tags": {
        "cursor": _normalised(lambda v: encode_slug(s) if (s := decode_slug(v)) else ""),
        "limit": _normalised(_number(DEFAULT_LIMIT)),
    },
    "api:search": {"q": _search_query, "page": _normalised(_number(1))},
}
