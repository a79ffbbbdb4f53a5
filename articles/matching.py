"""Accent-insensitive matching: the one way every search box filters (reader search, the
admin's articles, the photo library, tags).

A query is folded exactly as the stored columns were (``articles.text.search_fold``: NFC,
``đ``→``d``, marks stripped, lower-cased) and split into words, so ``Hải Phòng``,
``hai phong``, ``HẢI PHÒNG`` and a decomposed (NFD) ``Hải Phòng`` are the same query; a
row matches when every word is in one of its folded columns.
"""

import re
from collections.abc import Sequence

from django.contrib.postgres.search import SearchQuery
from django.db import connection, connections
from django.db.models import Q, QuerySet

from articles.text import nfc, search_fold

# Control characters (PostgreSQL refuses NUL in text) and anything that is not a word
# character, folded to spaces: ``%`` and ``_`` are never wildcards.
_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)


def query_words(query: str) -> list[str]:
    """The folded words of ``query``: ``Hải Phòng!`` → ``["hai", "phong"]``."""
    return _NOT_WORD.sub(" ", search_fold(nfc(query or ""))).split()


def vector_query(words: list[str]) -> SearchQuery:
    """Every one of the folded ``words``, as a query on a stored search vector."""
    # "plain" ANDs the words; they are already folded, so the simple configuration
    # (no stemming, no stop words) matches them against the folded columns as they are.
    return SearchQuery(" ".join(words), config="simple", search_type="plain")


def word_in(column: str, word: str, *, whole: bool, vendor: str | None = None) -> Q:
    """``word`` (folded) in the folded ``column``: as a whole word, or anywhere in one.
    ``vendor`` is the database's (the default one's when omitted)."""
    if not whole:
        return Q(**{f"{column}__contains": word})
    if (vendor or connection.vendor) == "postgresql":  # where \b is a backspace
        return Q(**{f"{column}__regex": rf"\m{re.escape(word)}\M"})
    return Q(**{f"{column}__regex": rf"\b{re.escape(word)}\b"})


def filter_folded(
    queryset: QuerySet, query: str, columns: Sequence[str], *, vector: str | None = None
) -> QuerySet:
    """The rows of ``queryset`` whose folded ``columns`` hold every word of ``query``;
    ``queryset`` as it is when the query has no word.

    With a stored search ``vector`` (articles), words are whole words: on PostgreSQL
    through the GIN-indexed vector, never a ``LIKE '%…%'`` scan (``hai`` is not
    ``khai``), elsewhere (SQLite) through the columns as PostgreSQL would match them.
    Without one (photos, tags), a word is found inside longer ones: the picker searches
    as the person types, and ``hoan`` already finds ``Hoàng``.
    """
    words = query_words(query)
    if not words:
        return queryset
    vendor = connections[queryset.db].vendor
    if vector and vendor == "postgresql":
        return queryset.filter(**{vector: vector_query(words)})
    for word in words:
        any_column = Q()
        for column in columns:
            any_column |= word_in(column, word, whole=vector is not None, vendor=vendor)
        queryset = queryset.filter(any_column)
    return queryset
