"""Reader search: accent-insensitive, ranked, on PostgreSQL and (as a fallback) SQLite.

The query is folded exactly like the stored ``search_title``/``search_text`` columns
(NFC first, then ``search_fold``), so ``Hải Phòng``, ``hai phong``, ``HẢI PHÒNG`` and a
decomposed (NFD) ``Hải Phòng`` are the same query, and ``dong`` finds ``đồng``.
"""

import re

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, Expression, F, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL

from articles import cachesafe
from articles.models import Article
from articles.text import nfc, search_fold

MAX_QUERY_LENGTH = 200
RANKED = 1000  # the matches a search ranks and pages through: views.SEARCH_MAX_PAGES pages
# The newest live articles a search reads first (PostgreSQL): when they hold RANKED
# matches, those are the newest RANKED of the whole archive and nothing older is read.
WINDOW = 50_000
WINDOW_KEY = "search:window-start:{window}"
WINDOW_SECONDS = 600  # any start gives the same answer; a fresher one reads fewer rows
NO_WINDOW = "-infinity"  # fewer live articles than WINDOW: everything is in the window
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
    """The newest ``RANKED`` live articles matching every word of ``query``, best first:
    title matches first, then recent.

    Only the newest matches are ranked (issue #9): a common word matches a tenth of the
    archive, and ranking every match grew with it. The database reads them either through
    the search index, the newest ``WINDOW`` live articles first (``newest_matches``); the
    reader can page through as many (50 pages of 20).
    """
    words = query_words(query)
    articles = Article.objects.live()
    if not words:
        return articles.none()
    if connection.vendor == "postgresql":
        search_query = vector_query(words)
        matches = articles.filter(search_vector=search_query)  # the GIN-indexed vector
        rank = SearchRank(F("search_vector"), search_query)
        newest = newest_matches(matches)
    else:
        matches, rank = _fallback(articles, words)
        newest = matches.order_by("-published_at", "-pk").values("pk")[:RANKED]
    return (
        Article.objects.filter(pk__in=newest)
        .annotate(rank=rank)
        .order_by("-rank", "-published_at", "-pk")
    )


def newest_matches(matches: QuerySet) -> RawSQL | QuerySet:
    """The pks of the newest ``RANKED`` of ``matches``, as one statement that reads the
    newest ``WINDOW`` live articles' matches first and older ones only when those are too
    few.

    A common word matches a few percent of the archive: at a million articles, finding its
    newest thousand matches through the search index alone read every match (30,000 rows,
    ~100 ms). The window is a range of ``article_live_idx``, intersected with the search
    index before any row is read, so such a word costs what its matches among the newest
    ``WINDOW`` cost, whatever the archive's size. The older branch runs only when the
    window held fewer than ``RANKED`` (its ``LIMIT`` is then what is missing; a ``LIMIT
    0`` reads nothing): the answer is exactly the newest ``RANKED``, as without a window.
    """
    newest_first = ("-published_at", "-pk")
    start = window_start_at()
    if start == NO_WINDOW:  # a small archive: read every match
        return matches.order_by(*newest_first).values("pk")[:RANKED]
    window_start = RawSQL("(SELECT at FROM search_window)", [])
    recent = matches.filter(published_at__gte=window_start).order_by(*newest_first)
    older = matches.filter(published_at__lt=window_start).order_by(*newest_first)
    recent_sql, recent_params = recent.values("pk")[:RANKED].query.sql_with_params()
    older_sql, older_params = older.values("pk").query.sql_with_params()
    sql = (
        "WITH search_window AS MATERIALIZED (SELECT %s::timestamptz AS at),"
        f" recent AS MATERIALIZED ({recent_sql})"
        " SELECT pk FROM recent"
        f" UNION ALL (({older_sql}) LIMIT (SELECT %s - count(*) FROM recent))"
    )
    return RawSQL(sql, (start, *recent_params, *older_params, RANKED))


def window_start_at():
    """When the newest ``WINDOW`` live articles begin (``NO_WINDOW`` with fewer), kept in
    the cache ``WINDOW_SECONDS``: reading it walks ``WINDOW`` index entries (6 ms at a
    million articles), and a start a few minutes old changes no answer, only how many
    rows the window holds."""

    def read():
        # Only a time: ties need no order, and (status, published_at) is read as it is.
        newest = Article.objects.live().order_by("-published_at")
        return newest.values_list("published_at", flat=True)[WINDOW - 1 : WINDOW].first()

    return cachesafe.kept(
        WINDOW_KEY.format(window=WINDOW), lambda: read() or NO_WINDOW, WINDOW_SECONDS
    )


def vector_query(words: list[str]) -> SearchQuery:
    """Every one of the folded ``words``, as a query on the stored ``search_vector``."""
    # "plain" ANDs the words; they are already folded, so the simple configuration
    # (no stemming, no stop words) matches them against the folded columns as they are.
    return SearchQuery(" ".join(words), config="simple", search_type="plain")


def _fallback(articles: QuerySet, words: list[str]) -> tuple[QuerySet, Expression]:
    """SQLite: every word in the folded columns; a title match ranks first."""
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
    return articles, title_hits
