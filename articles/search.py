"""Reader search: accent-insensitive, ranked, on PostgreSQL and (as a fallback) SQLite.

The query is folded exactly like the stored ``search_title``/``search_text`` columns
(NFC first, then ``search_fold``), so ``Hải Phòng``, ``hai phong``, ``HẢI PHÒNG`` and a
decomposed (NFD) ``Hải Phòng`` are the same query, and ``dong`` finds ``đồng``.
"""

import re

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, F, Q, QuerySet, Value, When

from articles.models import Article
from articles.text import nfc, search_fold

MAX_QUERY_LENGTH = 200
# Control characters (PostgreSQL refuses NUL in text) and anything that is not a word
# character, folded to spaces.
_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)


def clean_query(raw: str | None) -> str:
    """What the reader typed, NFC, trimmed, without control characters, at most 200 chars."""
    text = nfc(raw or "")[:MAX_QUERY_LENGTH]
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())


def query_words(query: str) -> list[str]:
    """The folded words of ``query``: ``Hải Phòng!`` → ``["hai", "phong"]``."""
    return _NOT_WORD.sub(" ", search_fold(nfc(query))).split()


def search_articles(query: str) -> QuerySet[Article]:
    """Live articles matching every word of ``query``: title matches first, then recent."""
    words = query_words(query)
    articles = Article.objects.live()
    if not words:
        return articles.none()
    if connection.vendor == "postgresql":
        return _postgresql(articles, words)
    return _fallback(articles, words)


def vector_query(words: list[str]) -> SearchQuery:
    """Every one of the folded ``words``, as a query on the stored ``search_vector``."""
    # "plain" ANDs the words; they are already folded, so the simple configuration
    # (no stemming, no stop words) matches them against the folded columns as they are.
    return SearchQuery(" ".join(words), config="simple", search_type="plain")


def _postgresql(articles: QuerySet, words: list[str]) -> QuerySet:
    search_query = vector_query(words)
    return (
        articles.filter(search_vector=search_query)  # the GIN-indexed stored vector
        .annotate(rank=SearchRank(F("search_vector"), search_query))
        .order_by("-rank", "-published_at", "-pk")
    )


def _fallback(articles: QuerySet, words: list[str]) -> QuerySet:
    for word in words:
        articles = articles.filter(
            Q(search_title__icontains=word) | Q(search_text__icontains=word)
        )
    title_hits = sum(
        (
            Case(When(search_title__icontains=word, then=Value(1)), default=Value(0))
            for word in words
        ),
        Value(0),
    )
    return articles.annotate(rank=title_hits).order_by("-rank", "-published_at", "-pk")
