"""Every reader page type costs a fixed number of queries, with 1 or 20 of everything."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from articles.models import RelatedArticle
from tests.factories import (
    ArticleFactory,
    HotlineBannerFactory,
    PhotoFactory,
    SectionFactory,
    UserFactory,
)
from tests.sitemap_urls import month_sitemap_url

pytestmark = pytest.mark.django_db


def build(n):
    """A site with ``n`` photos in the body, tags, authors, related articles and sections."""
    HotlineBannerFactory()
    sections = SectionFactory.create_batch(n)
    # Small files: renditions are made on save, and the count does not depend on size.
    photos = PhotoFactory.create_batch(n, image__width=120, image__height=80)
    body = "".join(
        f'<p>Đoạn {i}.</p><figure class="news-photo" data-photo-id="{p.pk}"></figure>'
        for i, p in enumerate(photos)
    )
    article = ArticleFactory(
        live=True, section=sections[0], body=body, lead_photo=photos[0], byline="CTV"
    )
    authors = UserFactory.create_batch(n)
    article.authors.add(*authors)
    tags = [f"thẻ {i}" for i in range(n)]
    article.tags.add(*tags)
    for i in range(n):
        other = ArticleFactory(live=True, section=sections[i], lead_photo=photos[i])
        other.authors.add(authors[i])
        other.tags.add(*tags)
        RelatedArticle.objects.create(from_article=article, to_article=other, position=i)
    return article, authors[0]


# page: (url, queries), each page asked for with an empty cache. The header (hotline banner,
# section menu) is two queries on every HTML page then, none on XML (kept in a shared cache
# afterwards: tests/test_banner_cache.py, tests/test_section_menu.py).
PAGES = {
    # banner, menu; the article with its section, lead photo, authors, tags and corrections
    # (articles/article_page.py); body photos; related
    "article": (lambda a, u: a.get_absolute_url(), 5),
    # banner, menu (with the section ids); the lead, the latest and every section's latest in
    # one query (a LIMIT window each, read through an index: articles/home_page.py)
    "home": (lambda a, u: "/", 3),
    # banner, menu, section and its subsections, page (no count: issue #9)
    "section": (lambda a, u: a.section.get_absolute_url(), 4),
    # banner, menu, tag, page
    "tag": (lambda a, u: reverse("articles:tag", kwargs={"slug": "the-0"}), 4),
    # banner, menu, user, page
    "author": (lambda a, u: reverse("articles:author", kwargs={"pk": u.pk}), 4),
    # banner, menu, page (on PostgreSQL one statement reads the recent search table, then the
    # archive's index only if needed: articles/models/recent_search.py)
    "search": (lambda a, u: "/tim-kiem/?q=hai+phong", 3),
    # items, authors, tags
    "feed": (lambda a, u: "/rss.xml", 3),
    # section, items, authors, tags
    "section feed": (lambda a, u: f"/chuyen-muc/{a.section.slug}/rss.xml", 4),
    # whether sections and tags have any URL, this month, closed months, sections with
    # their newest article, count of sections, count of tags (no banner: the XML has none)
    "sitemap index": (lambda a, u: "/sitemap.xml", 7),
    # count and page of the month's articles
    "article sitemap": (lambda a, u: month_sitemap_url(a.published_at), 2),
    # count and page of sections; count and page of tags
    "sections sitemap": (lambda a, u: "/sitemap-chuyen-muc.xml", 2),
    "tags sitemap": (lambda a, u: "/sitemap-the.xml", 2),
    # count, page
    "news sitemap": (lambda a, u: "/sitemap-news.xml", 2),
}


@pytest.mark.parametrize("n", [1, 20])
def test_query_count_of_every_page_type(client, django_assert_num_queries, n):
    """One site per size, every page type walked on it (building the site is the slow part)."""
    article, author = build(n)
    for page, (url_of, queries) in PAGES.items():
        url = url_of(article, author)
        cache.clear()
        with django_assert_num_queries(queries, info=f"{page} page, n={n}: {url}"):
            response = client.get(url)
        assert response.status_code == 200, url
