"""Reader pages. Every one asks for articles through ``Article.objects.live()``."""

from functools import wraps

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_http_methods

from articles import article_page, cards, dates, home_page, keyset, pagecache, richtext
from articles.context_processors import site_header
from articles.corrections import corrections_of
from articles.links import absolute_url
from articles.models import Article, Section, Tag
from articles.names import full_name
from articles.reads import beacon, lists
from articles.related import related_articles
from articles.search import RANKED, clean_query, search_articles

PER_PAGE = keyset.PER_PAGE
SEARCH_MAX_PAGES = RANKED // PER_PAGE  # 15: every ranked match, no more
READ_METHODS = ["GET", "HEAD", "OPTIONS"]


def read_methods(view):
    """GET and HEAD as ``require_safe``; OPTIONS answered with ``Allow``; any other is 405."""

    # Monitors, crawlers and link checkers send HEAD. OPTIONS as Django's class-based View
    # answers it; TRACE, POST and the rest get 405 with the same Allow. Every reader URL
    # has it: pages, feeds, sitemaps, robots.txt, favicon.
    @require_http_methods(READ_METHODS)
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse()
            response.headers["Allow"] = ", ".join(READ_METHODS)
            response.headers["Content-Length"] = "0"
            return response
        return view(request, *args, **kwargs)

    return wrapper


def _page(request, articles, **kwargs):
    """The page of ``articles`` the request asks for (``articles.keyset``), with their
    cards (``articles.cards``), or a redirect."""
    page = keyset.paginate(request, articles, per_page=PER_PAGE, **kwargs)
    if not isinstance(page, HttpResponse):
        cards.attach_list(page.object_list)
    return page


def _list_page(request, template, context):
    response = render(request, template, context)
    if not context["page"].is_cacheable:
        patch_cache_control(response, private=True)
    return response


def _canonical(request, page=None):
    return absolute_url(page.absolute_path() if page is not None else request.path)


@read_methods
def home(request):
    # Any live article may show here; said outright, as the most-read lists add scopes.
    pagecache.depends_on(pagecache.LISTS)
    # The section ids come with the header's menu, kept in the shared cache while the
    # SITE generation, which every section change moves, stays: no query for them.
    latest, blocks = home_page.read(site_header(request).section_ids, timezone.now())
    cards.attach(
        [
            *((article, "h2", True) for article in latest[:1]),
            *((article, "h3", False) for article in latest[1:]),
            *((article, "h3", False) for _, articles in blocks for article in articles),
        ]
    )
    return render(
        request,
        "articles/home.html",
        {
            "lead": latest[0] if latest else None,
            "latest": latest[1:],
            "blocks": blocks,
            "most_read": lists.for_home(),
            "canonical_url": absolute_url(reverse("articles:home")),
            "meta_description": f"{settings.NEWSROOM_SITE_NAME}: tin tức mới nhất.",
        },
    )


@read_methods
def section_detail(request, slug):
    # The section and its subsections in one query; their articles by section id, which
    # the (section, status, published_at, id) index answers in order.
    family = list(
        Section.objects.select_related("parent").filter(Q(slug=slug) | Q(parent__slug=slug))
    )
    section = next((s for s in family if s.slug == slug), None)
    if section is None:
        raise Http404("Không có chuyên mục này.")
    pagecache.depends_on(*(pagecache.section_scope(s.pk) for s in family))
    page = _page(request, cards.queryset().filter(section_id__in=[s.pk for s in family]))
    if isinstance(page, HttpResponse):
        return page
    return _list_page(
        request,
        "articles/section_detail.html",
        {
            "section": section,
            "page": page,
            "canonical_url": _canonical(request, page),
            "section_feed": reverse("articles:section_feed", kwargs={"slug": section.slug}),
            "current_section": section,  # the header's menu marks it aria-current="page"
            "current_is_page": True,
        },
    )


@read_methods
def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    pagecache.depends_on(pagecache.tag_scope(tag.pk))
    # A tag without a live article has no page: its first page is empty, a 404.
    page = _page(request, cards.queryset().filter(tags=tag), allow_empty=False)
    if isinstance(page, HttpResponse):
        return page
    return _list_page(
        request,
        "articles/tag_detail.html",
        {"tag": tag, "page": page, "canonical_url": _canonical(request, page)},
    )


@read_methods
def author_detail(request, pk):
    author = get_object_or_404(get_user_model(), pk=pk)
    pagecache.depends_on(pagecache.author_scope(author.pk))
    # Only people with a live article have a public page: no list of staff accounts.
    page = _page(request, cards.queryset().filter(authors=author), allow_empty=False)
    if isinstance(page, HttpResponse):
        return page
    return _list_page(
        request,
        "articles/author_detail.html",
        {
            "author": author,
            "author_name": full_name(author),
            "page": page,
            "canonical_url": _canonical(request, page),
        },
    )


@read_methods
def search(request):
    query = clean_query(request.GET.get("q"))
    # Ranked, so ``?trang=N``, bounded: no count, no OFFSET past a few hundred rows.
    page = _page(
        request,
        search_articles(query).summaries().select_related("section", "lead_photo"),
        base={"q": query},
        keyset=False,
        max_pages=SEARCH_MAX_PAGES,
    )
    return render(request, "articles/search.html", {"q": query, "page": page})


def article_context(article: Article, *, preview: bool = False) -> dict:
    """What ``articles/article_detail.html`` needs; a preview passes ``preview=True``."""
    photos = article_page.body_photos(article)
    share_photo = article.share_photo(photos)
    return {
        "article": article,
        "body": richtext.render_body(article.body, photos),
        "authors": article_page.authors_of(article),
        "tags": article_page.tags_of(article),
        "related": related_articles(article),
        "corrections": corrections_of(article),
        "preview": preview,
        "canonical_url": absolute_url(article.get_absolute_url()),
        "share_photo": share_photo,
        "share_image": share_photo.social if share_photo else None,
        "section_feed": reverse("articles:section_feed", kwargs={"slug": article.section.slug}),
        "current_section": article.section,  # the header's menu marks it aria-current="true"
        "updated_at": dates.updated_after_publication(
            article.published_at, article.updated_at, article.created_at
        ),
    }


@read_methods
def article_detail(request, section_slug, slug, pk):
    article = article_page.read(pk)  # with its authors, tags and corrections
    if article is None:
        raise Http404("Không có bài viết này.")
    # The id in the URL finds the article whatever its slug or section, so an old URL
    # (the title, hence the slug, changed; or the article moved section) still finds it
    # and answers 301 to the current one. No contrib.redirects row has to be written on
    # every title change, and none can be forgotten.
    if (section_slug, slug) != (article.section.slug, article.slug):
        return redirect(article.get_absolute_url(), permanent=True)
    context = article_context(article)
    context.update(read_url=beacon.url(article), most_read=lists.for_section(article.section))
    # What the page shows besides the article: its tags' and authors' names, the picks
    # and candidates in "Xem thêm". A newly published candidate joins "Xem thêm" when the
    # page is next rendered (NEWSROOM_PAGE_CACHE_SECONDS at most).
    pagecache.depends_on(
        pagecache.article_scope(article.pk),
        *(pagecache.tag_scope(tag.pk) for tag in context["tags"]),
        *(pagecache.author_scope(author.pk) for author in context["authors"]),
        *(pagecache.article_scope(item.pk) for item in context["related"]),
    )
    return render(request, "articles/article_detail.html", context)


@read_methods
def favicon(request):
    """Browsers that ignore the ``<link rel="icon">`` ask for /favicon.ico."""
    return redirect(static("articles/favicon.svg"), permanent=True)


@read_methods
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /xem-truoc/",
        "",
        f"Sitemap: {absolute_url(reverse('sitemap'))}",
        f"Sitemap: {absolute_url(reverse('sitemap-news'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
