"""The read API's endpoints. Every article they name comes from ``Article.objects.live()``.

Each records what it shows with ``pagecache.depends_on`` as the pages do: a list filtered by
section, tag or author those scopes (an unknown tag names nothing, so ``LISTS``), one
article its own, its tags' and its authors' scopes, the tags list each tag shown and
``LISTS``; the rest nothing, which is ``LISTS``. Reads are those of the reader pages, with
their indexes: a list is one index range on ``(published_at, id)`` wherever the cursor is
(``keyset.before``), a search the reader search's bounded ranking.
"""

from urllib.parse import urlencode

from django.db.models import OuterRef, Q, Subquery
from django.http import HttpResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from ninja import Path, Query, Router
from ninja.errors import HttpError

from articles import keyset, pagecache
from articles.api import data, params, schemas
from articles.links import absolute_url
from articles.models import Article, Section, Tag
from articles.search import clean_query, search_articles

router = Router()
ERRORS = {400: schemas.Error, 429: schemas.Error}


def _slug(what: str):
    return Query(None, pattern=params.SLUG_PATTERN, max_length=100, description=what)


def _cursor(max_length: int):
    return Query(None, max_length=max_length, description="Lấy từ địa chỉ next của trang trước.")


Cursor, TagCursor = _cursor(params.MAX_CURSOR), _cursor(params.MAX_TAG_CURSOR)
Limit = Query(params.DEFAULT_LIMIT, ge=1, le=params.MAX_LIMIT, description="Số mục một trang.")


def _cards():
    """Live articles as list items show them: no body, no search columns."""
    return Article.objects.live().summaries().select_related("section", "lead_photo")


def _next_url(name: str, query: dict) -> str:
    query = {key: value for key, value in query.items() if value not in (None, "")}
    return f"{absolute_url(reverse(name))}?{urlencode(query)}"


def _uncached(response: HttpResponse) -> None:
    """A page from a hand-made cursor: answered, but no cache entry (as ``keyset.Page``)."""
    patch_cache_control(response, private=True)


@router.get(
    "sections",
    response={200: schemas.SectionList, **ERRORS},
    url_name="sections",
    summary="Chuyên mục",
    description="Mọi chuyên mục theo thứ tự của ban biên tập, mỗi mục kèm chuyên mục con.",
)
def sections(request):
    """Every section, top-level ones in the editors' order, each with its sub-sections."""
    rows = list(Section.objects.order_by("position", "name", "pk"))
    return {"items": data.section_tree(rows)}


def _filtered(section, tag, author):
    """Live articles of the filters, and the scopes they show; a 400 for an unknown section.

    Sections are public (``/sections``), so an unknown slug is a client's mistake. Tags and
    authors become public through a live article: an unknown one and one without a live
    article alike give an empty list, so the API tells no more than the pages do.
    """
    rows, scopes = _cards(), []
    if section:
        family = list(
            Section.objects.filter(Q(slug=section) | Q(parent__slug=section)).values_list(
                "pk", "slug"
            )
        )
        if not any(slug == section for _, slug in family):
            raise params.bad(f"Không có chuyên mục “{section}”.")
        rows = rows.filter(section_id__in=[pk for pk, _ in family])
        scopes += [pagecache.section_scope(pk) for pk, _ in family]
    if tag:
        tag_pk = Tag.objects.filter(slug=tag).values_list("pk", flat=True).first()
        rows = rows.filter(tags=tag_pk) if tag_pk is not None else rows.none()
        scopes.append(pagecache.tag_scope(tag_pk) if tag_pk is not None else pagecache.LISTS)
    if author:
        rows = rows.filter(authors=author)
        scopes.append(pagecache.author_scope(author))
    return rows, scopes


@router.get(
    "articles",
    response={200: schemas.ArticleList, **ERRORS},
    url_name="articles",
    summary="Bài viết",
    description=(
        "Bài đã xuất bản, mới nhất trước; lọc theo chuyên mục (kèm chuyên mục con), thẻ, "
        "tác giả. Trang sau ở next. Chuyên mục không có: 400; thẻ hoặc tác giả không có "
        "bài nào: danh sách rỗng."
    ),
)
def articles(
    request,
    response: HttpResponse,
    section: str | None = _slug("Đường dẫn (slug) của chuyên mục, ví dụ moi-truong."),
    tag: str | None = _slug("Đường dẫn (slug) của thẻ, ví dụ hai-phong."),
    author: int | None = Query(None, ge=1, le=params.MAX_ID, description="Mã tác giả."),
    cursor: str | None = Cursor,
    limit: int = Limit,
):
    """Live articles, newest first, optionally of one section (with its sub-sections), tag
    or author; ``limit`` a page, the next page at ``next``."""
    position = params.decode_position(cursor)
    rows, scopes = _filtered(section, tag, author)
    pagecache.depends_on(*scopes)
    if position is None:
        page = list(rows.order_by("-published_at", "-pk")[: limit + 1])
        page, has_next = page[:limit], len(page) > limit
    else:
        page, has_next, is_cursor_card = keyset.before(rows, position, limit)
        if not is_cursor_card:
            _uncached(response)
    next_url = None
    if has_next and page:
        last = (page[-1].published_at, page[-1].pk)
        query = {"section": section, "tag": tag, "author": author, "limit": limit}
        next_url = _next_url("api:articles", {**query, "cursor": params.encode_position(last)})
    return {"items": [data.summary(article) for article in page], "next": next_url}


@router.get(
    "articles/{article_id}",
    response={200: schemas.ArticleDetail, 404: schemas.Error, **ERRORS},
    url_name="article",
    summary="Một bài viết",
    description="Bài đã xuất bản, nội dung theo khối; bài khác (nháp, hẹn giờ…): 404.",
)
def article(request, article_id: int = Path(..., ge=1, le=params.MAX_ID)):
    """One live article with its body as blocks; 404 for any other (draft, scheduled…)."""
    found = (
        Article.objects.live()
        .without_search_columns()
        .select_related("section", "lead_photo")
        .prefetch_related("authors", "tags")
        .filter(pk=article_id)
        .first()
    )
    if found is None:
        raise HttpError(404, "Không có bài viết này.")
    pagecache.depends_on(
        pagecache.article_scope(found.pk),
        *(pagecache.tag_scope(tag.pk) for tag in found.tags.all()),
        *(pagecache.author_scope(user.pk) for user in found.authors.all()),
    )
    return data.detail(found, data.body_photos(found))


@router.get(
    "tags",
    response={200: schemas.TagList, **ERRORS},
    url_name="tags",
    summary="Thẻ",
    description="Các thẻ có ít nhất một bài đã xuất bản, theo đường dẫn. Trang sau ở next.",
)
def tags(request, response: HttpResponse, cursor: str | None = TagCursor, limit: int = Limit):
    """Tags with at least one live article, by slug; ``limit`` a page."""
    after = params.decode_slug(cursor)
    # As the tags sitemap: one live article looked up tag by tag (articles/sitemaps.py).
    one_live = Article.objects.live().filter(tags=OuterRef("pk")).order_by().values("pk")[:1]
    rows = Tag.objects.alias(one_live=Subquery(one_live)).filter(one_live__isnull=False)
    rows = rows.order_by("slug")
    if after is None:
        page = list(rows[: limit + 1])
    else:
        page = list(rows.filter(slug__gte=after)[: limit + 2])
        if page and page[0].slug == after:
            page = page[1:]
        else:
            page = page[: limit + 1]
            _uncached(response)
    page, has_next = page[:limit], len(page) > limit
    pagecache.depends_on(pagecache.LISTS, *(pagecache.tag_scope(tag.pk) for tag in page))
    next_url = None
    if has_next:
        cursor = params.encode_slug(page[-1].slug)
        next_url = _next_url("api:tags", {"limit": limit, "cursor": cursor})
    return {"items": [data.ref(tag) for tag in page], "next": next_url}


@router.get(
    "search",
    response={200: schemas.SearchResults, **ERRORS},
    url_name="search",
    summary="Tìm kiếm",
    description=(
        "Như ô tìm kiếm của trang đọc: đủ mọi từ, không phân biệt dấu; bài có nhiều từ "
        "trong tiêu đề trước, rồi mới nhất; 300 kết quả mới nhất, 20 một trang."
    ),
)
def search(
    request,
    q: str = Query("", description="Không phân biệt dấu: “hai phong” tìm thấy “Hải Phòng”."),
    page: int = Query(1, ge=1, le=params.SEARCH_PAGES, description="Trang, từ 1 đến 15."),
):
    """The reader search: every word required, accent-insensitive, the most title words
    first, then the newest; its newest 300 matches, 20 a page."""
    query = clean_query(q)
    start = (page - 1) * keyset.PER_PAGE
    found = search_articles(query).summaries().select_related("section", "lead_photo")
    rows = list(found[start : start + keyset.PER_PAGE + 1])
    next_url = None
    if len(rows) > keyset.PER_PAGE and page < params.SEARCH_PAGES:
        next_url = _next_url("api:search", {"q": query, "page": page + 1})
    items = [data.summary(article) for article in rows[: keyset.PER_PAGE]]
    return {"query": query, "page": page, "items": items, "next": next_url}
