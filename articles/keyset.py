"""Reader list pages without ``COUNT(*)`` or a deep ``OFFSET`` (issue #9).

A list is ordered newest first on ``(published_at, id)``. "Trang sau" carries the last
card's position, ``?truoc=20250308100600_12345`` (UTC ``YYYYMMDDHHMMSS``, microseconds
appended when there are any, ``_``, the id): the next page is the ``PER_PAGE`` articles
before it, read from an index wherever it is in the archive, so page 500 costs what page 1
does. "Trang trước" carries the first card's position, ``?sau=…``; once it reaches the
newest articles it sends the reader to the first page. ``?trang=N`` (old links, search)
is an ``OFFSET`` bounded to ``max_pages``. One query per page, ``PER_PAGE + 1`` rows (the
extra row says whether there is a next page; a keyset page also reads the position's own
card, to tell a real position from a hand-made one).
"""

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.db.models import Q, QuerySet
from django.http import Http404, QueryDict
from django.shortcuts import redirect

from articles.dates import format_time_date

PER_PAGE = 20
MAX_OFFSET_PAGES = 10
_POSITION = re.compile(r"([0-9]{14})([0-9]{6})?_([1-9][0-9]{0,17})")
_BIGINT = 2**63 - 1


@dataclass
class Page:
    """One page of a list; iterate it for the articles."""

    object_list: list
    path: str
    base: dict  # parameters every link of the list keeps (the search query)
    number: int | None = None  # ``?trang=N`` pages only
    label: str = ""  # for the title: "trang 2", "bài từ 10:06 08/03/2025 trở về trước"
    robots: str = ""
    # A position that is no card's (hand-made) still gets its page, but not a cache
    # entry: otherwise every instant of the archive could fill the page cache (issue #8).
    is_cacheable: bool = True
    current_query: dict = field(default_factory=dict)
    next_query: dict | None = None
    previous_query: dict | None = None

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)

    @property
    def has_other_pages(self) -> bool:
        return self.next_query is not None or self.previous_query is not None

    @property
    def next_url(self) -> str:
        return self.url(self.next_query) if self.next_query is not None else ""

    @property
    def previous_url(self) -> str:
        return self.url(self.previous_query) if self.previous_query is not None else ""

    def url(self, params: dict) -> str:
        """The list's URL with ``params``: ``?truoc=…`` or, for the first page, the path."""
        query = QueryDict(mutable=True)
        query.update({**self.base, **params})
        return f"?{query.urlencode()}" if query else self.path

    def absolute_path(self) -> str:
        """This page's own path and query, for its canonical URL."""
        url = self.url(self.current_query)
        return self.path + url if url.startswith("?") else url


def format_position(published_at: datetime, pk: int) -> str:
    """``(published_at, id)`` as it is written in ``?truoc=``/``?sau=``."""
    at = published_at.astimezone(UTC)
    micro = f"{at.microsecond:06d}" if at.microsecond else ""
    return f"{at:%Y%m%d%H%M%S}{micro}_{pk}"


def parse_position(value: str | None) -> tuple[datetime, int] | None:
    """The position written by ``format_position``; None for anything else."""
    match = _POSITION.fullmatch(value or "")
    if not match:
        return None
    seconds, micro, pk = match.groups()
    try:
        at = datetime.strptime(seconds, "%Y%m%d%H%M%S").replace(
            microsecond=int(micro or 0), tzinfo=UTC
        )
    except ValueError:
        return None
    return (at, int(pk)) if int(pk) <= _BIGINT else None


def normalise_position(value: str | None) -> str:
    """For the page cache key: the position as the view reads it (or the value, a 404)."""
    position = parse_position(value)
    return format_position(*position) if position else (value or "")


def _older(at: datetime, pk: int) -> Q:
    """At or before the position. The redundant ``published_at <= at`` gives the index
    scan its start, so the database seeks to the position instead of walking newer rows."""
    return Q(published_at__lte=at) & (Q(published_at__lt=at) | Q(published_at=at, pk__lte=pk))


def _newer(at: datetime, pk: int) -> Q:
    """At or after the position."""
    return Q(published_at__gte=at) & (Q(published_at__gt=at) | Q(published_at=at, pk__gte=pk))


def _past(rows: list, position: tuple, per_page: int) -> tuple[list, bool]:
    """``rows`` (``per_page + 2``, from the position on) without the position's own card;
    and whether there was one."""
    if rows and (rows[0].published_at, rows[0].pk) == position:
        return rows[1:], True
    return rows[: per_page + 1], False


def before(articles: QuerySet, position: tuple, per_page: int) -> tuple[list, bool, bool]:
    """The ``per_page`` newest of ``articles`` older than ``position``: one index range.

    Also whether more follow, and whether ``position`` is an article of ``articles`` (a
    hand-made position still gets its rows, but should not get a cache entry). Reader
    lists' "Trang sau" and the read API's cursor (``articles/api/``) both read through it.
    """
    ordered = articles.order_by("-published_at", "-pk")
    rows = list(ordered.filter(_older(*position))[: per_page + 2])
    rows, is_card = _past(rows, position, per_page)
    return rows[:per_page], len(rows) > per_page, is_card


def _position_of(article) -> str:
    return format_position(article.published_at, article.pk)


def paginate(
    request,
    articles: QuerySet,
    *,
    base: dict | None = None,
    keyset: bool = True,
    max_pages: int = MAX_OFFSET_PAGES,
    allow_empty: bool = True,
    per_page: int = PER_PAGE,
):
    """The page of ``articles`` the request asks for: a ``Page``, or a redirect to page 1.

    A page that does not exist, or a position that is not one, is a 404, never a 500.
    ``allow_empty=False`` makes an empty first page a 404 too (tags, authors).
    """
    base = {k: v for k, v in (base or {}).items() if v}
    page = Page([], path=request.path, base=base)
    older, newer = request.GET.get("truoc") or None, request.GET.get("sau") or None
    if keyset and (older is not None or newer is not None):
        position = parse_position(older if older is not None else newer)
        if position is None:
            raise Http404("Không có trang này.")
        ordered = articles.order_by("-published_at", "-pk")
        if older is not None:
            rows, has_next, page.is_cacheable = before(articles, position, per_page)
            if not rows:
                raise Http404("Không có trang này.")
            page.current_query = {"truoc": format_position(*position)}
        else:
            rows = list(ordered.reverse().filter(_newer(*position))[: per_page + 2])
            rows, page.is_cacheable = _past(rows, position, per_page)
            if len(rows) <= per_page:  # these are the newest articles: the first page
                return redirect(page.url({}))
            page.current_query = {"sau": format_position(*position)}
            has_next = True  # the article at ``position`` and those before it
            rows = rows[:per_page][::-1]
        page.object_list = rows
        page.previous_query = {"sau": _position_of(rows[0])}
        if has_next:
            page.next_query = {"truoc": _position_of(rows[-1])}
        page.label = f"bài từ {format_time_date(rows[0].published_at)} trở về trước"
        # Deep pages move on as articles are published: crawlers follow them to the
        # articles (the sitemap lists every one) but need not index the lists.
        page.robots = "noindex, follow"
        return page
    try:
        number = int(request.GET.get("trang", 1))
    except (TypeError, ValueError) as exc:
        raise Http404("Không có trang này.") from exc
    if not 1 <= number <= max_pages:
        raise Http404("Không có trang này.")
    start = (number - 1) * per_page
    rows = list(articles[start : start + per_page + 1])
    if not rows and (number > 1 or not allow_empty):
        raise Http404("Không có trang này.")
    page.object_list, page.number = rows[:per_page], number
    if number > 1:
        page.label = f"trang {number}"
        page.current_query = {"trang": number}
        page.previous_query = {"trang": number - 1} if number > 2 else {}
        page.robots = "noindex, follow" if keyset else ""
    if len(rows) > per_page:
        if keyset:
            page.next_query = {"truoc": _position_of(rows[per_page - 1])}
        elif number < max_pages:
            page.next_query = {"trang": number + 1}
    return page
