"""Reader search: accent-insensitive, ranked, on PostgreSQL and (as a fallback) SQLite.

The query is folded and matched by ``articles.matching`` like every other search box
(``Hải Phòng``, ``hai phong``, ``HẢI PHÒNG`` and an NFD ``Hải Phòng`` are one query, and
``dong`` finds ``đồng``); this module ranks the matches and bounds how many it reads.
"""

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import Case, Expression, QuerySet, Value, When
from django.db.models.expressions import RawSQL
from django.utils import timezone

from articles.matching import filter_folded, query_words, vector_query, word_in
from articles.models import Article
from articles.text import nfc

MAX_QUERY_LENGTH = 200
# The matches a search ranks and pages through (views.SEARCH_MAX_PAGES pages of 20). What a
# search costs grows with it up to this cap: ranking 1,000 made a common word cost three
# times at a million articles what it cost at ten thousand (where it had 334 matches).
RANKED = 300
COLUMNS = ("search_title", "search_text")  # folded on save (Article.derive)


def clean_query(raw: str | None) -> str:
    """What the reader typed, NFC, trimmed, without control characters, at most 200 chars."""
    text = nfc(raw or "")[:MAX_QUERY_LENGTH]
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())


def search_articles(query: str) -> QuerySet[Article]:
    """The newest ``RANKED`` live articles matching every word of ``query``, best first:
    the most of its words in the title first, then the newest (``title_hits``).

    Only the newest matches are ranked (issue #9): a common word matches a tenth of the
    archive, and ranking every match grew with it. The rank reads the short title column,
    not the stored vector: ``ts_rank`` over a thousand whole-body vectors (each read from
    TOAST) cost 27 µs a match, most of a search's time at a million articles. PostgreSQL
    reads the matches through the newest articles' own search index first
    (``newest_matches``); the reader can page through as many (15 pages of 20).
    """
    words = query_words(query)
    if not words:
        return Article.objects.none()
    if connection.vendor == "postgresql":
        newest = newest_matches(vector_query(words))
    else:
        matches = articles_matching(Article.objects.live(), query)
        newest = matches.order_by("-published_at", "-pk").values("pk")[:RANKED]
    return (
        Article.objects.live()
        .filter(pk__in=newest)
        .annotate(rank=title_hits(words))
        .order_by("-rank", "-published_at", "-pk")
    )


def articles_matching(articles: QuerySet, query: str) -> QuerySet:
    """The ``articles`` holding every word of ``query`` in their title, place, sapo or body,
    as whole words (the reader search and the admin's article list)."""
    return filter_folded(articles, query, COLUMNS, vector="search_vector")


# Whether the window leaves older articles out: a one-time test, so that while it holds
# every published article the older branch never reads the archive's search index.
_WINDOW_IS_PART = "(SELECT at FROM search_window) > '-infinity'::timestamptz"


def newest_matches(search_query: SearchQuery) -> RawSQL:
    """The pks of the newest ``RANKED`` live articles matching ``search_query``, as one
    statement that reads the newest published articles' own search index
    (``RecentSearch``) first, and the whole archive's only when that holds fewer than
    ``RANKED`` matches.

    A common word matches a few percent of the archive, and the GIN index hands over its
    whole posting list whatever else the query asks: at a million articles that was 28 ms
    for one search against 8 ms at ten thousand. ``RecentSearch`` holds the newest
    ``SearchWindow.size`` (20,000) published articles, so such a word costs what it costs
    at twenty thousand articles. The older branch runs only when the recent one found
    fewer than ``RANKED`` (its ``LIMIT`` is then what is missing; a ``LIMIT 0`` reads
    nothing), and never while the window holds every published article: the answer is
    exactly the newest ``RANKED`` live matches, as without the window. A recent row older
    than the window's start (not pruned yet) is left to the older branch.
    """
    query_sql, query_params = _compile(search_query)
    # Both branches read a GIN index's list of matches first and test the rest on those
    # rows: the window's bounds and the live rule are written "(…) IS TRUE" so that the
    # planner keeps them off the btrees. Left to it, it walked the recent window newest
    # first reading a vector a row (20-47 ms at a million articles), and intersected a
    # rare word's few matches with the million entries of "published before the window"
    # (130 ms). The live rule is ``live()``'s, and the outer query applies ``live()`` again.
    sql = (
        "WITH search_window AS MATERIALIZED (SELECT COALESCE("
        " (SELECT starts_at FROM articles_searchwindow WHERE id = 1),"
        " '-infinity'::timestamptz) AS at),"
        " recent_matches AS MATERIALIZED ("
        "  SELECT r.article_id, r.published_at FROM articles_recentsearch r"
        f"  WHERE r.search_vector @@ {query_sql}"
        "  AND (r.published_at >= (SELECT at FROM search_window)) IS TRUE"
        "  AND (r.published_at <= %s) IS TRUE),"
        " recent AS MATERIALIZED ("
        "  SELECT article_id AS pk FROM recent_matches"
        "  ORDER BY published_at DESC, article_id DESC LIMIT %s),"
        # Read only when pulled: never while the recent branch found RANKED (LIMIT 0) or
        # while the window holds every published article (the one-time test).
        " older_matches AS MATERIALIZED ("
        "  SELECT a.id, a.published_at FROM articles_article a"
        f"  WHERE a.search_vector @@ {query_sql}"
        "  AND (a.status = %s) IS TRUE"
        "  AND (a.published_at <= %s) IS TRUE"
        "  AND (a.published_at < (SELECT at FROM search_window)) IS TRUE)"
        " SELECT pk FROM recent"
        " UNION ALL (SELECT id FROM older_matches"
        f"  WHERE {_WINDOW_IS_PART}"
        "  ORDER BY published_at DESC, id DESC"
        "  LIMIT (SELECT %s - count(*) FROM recent))"
    )
    # Live as ``live()`` says it, at the same moment (not the transaction's start).
    now = timezone.now()
    published = Article.Status.PUBLISHED.value
    params = (*query_params, now, RANKED, *query_params, published, now, RANKED)
    return RawSQL(sql, params)


def _compile(expression) -> tuple[str, list]:
    """SQL and parameters of a query expression (``SearchQuery``) on its own."""
    query = Article.objects.all().query
    compiler = query.get_compiler(connection=connection)
    sql, params = expression.resolve_expression(query).as_sql(compiler, connection)
    return sql, list(params)


def title_hits(words: list[str]) -> Expression:
    """How many of the folded ``words`` the folded title holds as whole words."""
    lookups = [word_in("search_title", word, whole=True) for word in words]
    hits = (Case(When(lookup, then=Value(1)), default=Value(0)) for lookup in lookups)
    return sum(hits, Value(0))
