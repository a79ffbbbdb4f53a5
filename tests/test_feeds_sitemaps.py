"""RSS feeds, sitemaps and the Google News sitemap: valid, absolute, live articles only."""

from datetime import timedelta
from pathlib import Path

import feedparser
import pytest
from django.core.files.storage import default_storage
from django.db import connection
from django.utils import timezone
from lxml import etree

from articles import sitemaps
from articles.models import Article
from tests.factories import ArticleFactory, PhotoFactory, SectionFactory

pytestmark = pytest.mark.django_db

SITE = "https://bao.example"
SITEMAP_XSD = Path(__file__).parent / "schemas" / "sitemap-0.9.xsd"
NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}


@pytest.fixture(autouse=True)
def _site(settings):
    settings.NEWSROOM_SITE_URL = SITE
    settings.NEWSROOM_SITE_NAME = "Báo Thử"


def live_article(**kwargs):
    return ArticleFactory(live=True, **kwargs)


def test_site_feed_is_valid_rss_with_absolute_links_and_photo_enclosure(client):
    photo = PhotoFactory()
    article = live_article(title="Tin có ảnh & <dấu>", lead_photo=photo)
    article.tags.add("cảng biển")
    live_article(title="Tin không ảnh")
    response = client.get("/rss.xml")
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "rss20"
    assert feed.feed.title == "Báo Thử"
    assert feed.feed.link == SITE + "/"
    assert feed.feed.language == "vi"
    entry = next(e for e in feed.entries if e.title == article.title)
    assert entry.link == SITE + article.get_absolute_url()
    assert {t.term for t in entry.tags} == {article.section.name, "cảng biển"}
    (enclosure,) = entry.enclosures
    assert enclosure.href.startswith(SITE + "/media/") and enclosure.href.endswith(".webp")
    assert enclosure.type == "image/webp"
    stored = enclosure.href.removeprefix(SITE + "/media/")
    assert int(enclosure.length) == default_storage.size(stored) > 0
    plain = next(e for e in feed.entries if e.title == "Tin không ảnh")
    assert plain.enclosures == []


def test_section_feed_holds_its_section_only(client):
    section, other = SectionFactory(name="Kinh tế"), SectionFactory()
    mine = live_article(section=section)
    live_article(section=other)
    feed = feedparser.parse(client.get(f"/chuyen-muc/{section.slug}/rss.xml").content)
    assert feed.bozo == 0
    assert feed.feed.title == "Kinh tế – Báo Thử"
    assert [e.link for e in feed.entries] == [SITE + mine.get_absolute_url()]
    assert client.get("/chuyen-muc/khong-co/rss.xml").status_code == 404


def test_every_page_links_the_site_feed(client):
    article = live_article()
    for url in ["/", article.get_absolute_url(), article.section.get_absolute_url()]:
        body = client.get(url).content.decode()
        assert '<link rel="alternate" type="application/rss+xml"' in body
        assert 'href="/rss.xml"' in body


def test_sitemap_is_valid_against_the_0_9_schema_and_lists_articles_sections_tags(client):
    article = live_article()
    article.tags.add("Hải Phòng")
    draft_only = ArticleFactory(status=Article.Status.DRAFT)
    draft_only.tags.add("chỉ ở bản nháp")
    index = etree.fromstring(client.get("/sitemap.xml").content)
    schema = etree.XMLSchema(etree.parse(str(SITEMAP_XSD)))
    locations = []
    for sitemap in index.xpath("/sm:sitemapindex/sm:sitemap/sm:loc/text()", namespaces=NS):
        response = client.get(sitemap.removeprefix(SITE))
        assert response.status_code == 200, sitemap
        doc = etree.fromstring(response.content)
        schema.assertValid(doc)
        locations += doc.xpath("//sm:loc/text()", namespaces=NS)
    assert SITE + article.get_absolute_url() in locations
    assert SITE + article.section.get_absolute_url() in locations
    assert SITE + "/the/hai-phong/" in locations
    assert SITE + "/the/chi-o-ban-nhap/" not in locations
    assert all(loc.startswith(SITE + "/") for loc in locations)


def test_news_sitemap_has_the_last_two_days_with_publication_and_gmt7_dates(client):
    recent = live_article(title="Tin hôm nay")
    old = live_article(title="Tin ba ngày trước")
    old.published_at = timezone.now() - timedelta(days=3)
    old.save()
    doc = etree.fromstring(client.get("/sitemap-news.xml").content)
    assert doc.tag == f"{{{NS['sm']}}}urlset"
    (url,) = doc.xpath("//sm:url", namespaces=NS)
    assert url.xpath("sm:loc/text()", namespaces=NS) == [SITE + recent.get_absolute_url()]
    assert url.xpath(".//news:publication/news:name/text()", namespaces=NS) == ["Báo Thử"]
    assert url.xpath(".//news:publication/news:language/text()", namespaces=NS) == ["vi"]
    (date,) = url.xpath(".//news:publication_date/text()", namespaces=NS)
    assert date.endswith("+07:00")
    assert url.xpath(".//news:title/text()", namespaces=NS) == ["Tin hôm nay"]


def test_news_sitemap_stops_at_1000(client, settings):
    from articles import sitemaps

    assert sitemaps.NEWS_LIMIT == 1000
    assert sitemaps.NewsSitemap().items().query.high_mark == 1000


def test_the_months_query_can_read_the_live_index_alone():
    """``article_live_idx`` covers the sitemap index's months query (``updated_at`` for each
    month's lastmod) on PostgreSQL: an index-only scan; SQLite has the key columns only."""
    ArticleFactory.create_batch(3, live=True)
    with connection.cursor() as cursor:
        index = connection.introspection.get_constraints(cursor, "articles_article")
        assert index["article_live_idx"]["columns"][:3] == ["status", "published_at", "id"]
        if connection.vendor != "postgresql":
            return
        # Three rows read faster from the table: make the planner show what the index allows.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        sql, params = sitemaps.month_rows().query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Index Only Scan using article_live_idx" in plan, plan


def test_feed_items_carry_their_authors_and_tags_in_order(client):
    from tests.factories import UserFactory

    section = SectionFactory(name="Kinh tế")
    article = ArticleFactory(live=True, section=section, byline="CTV Minh An")
    article.authors.set(
        [
            UserFactory(first_name="Thu Hà", last_name="Nguyễn"),
            UserFactory(first_name="Văn Nam", last_name="Trần"),
        ]
    )
    article.tags.set(["xuất khẩu", "cảng biển", "an ninh lương thực"])
    ArticleFactory(live=True, section=section)  # another item, with neither
    feed = feedparser.parse(client.get("/rss.xml").content)
    entry = next(e for e in feed.entries if e.link.endswith(f"-{article.pk}.html"))
    assert [t.term for t in entry.tags] == [
        "Kinh tế",
        "xuất khẩu",
        "cảng biển",
        "an ninh lương thực",
    ]
    assert entry.author == "Nguyễn Thu Hà, Trần Văn Nam, CTV Minh An"
    other = next(e for e in feed.entries if e is not entry)
    assert [t.term for t in other.tags] == ["Kinh tế"]
