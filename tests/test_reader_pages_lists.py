"""Reader pages around the articles: list cards, sections, tags and authors, the home page,
the header, the hotline, error pages, robots.txt and the favicon."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from articles.views import PER_PAGE
from tests.factories import (
    ArticleFactory,
    HotlineBannerFactory,
    PhotoFactory,
    SectionFactory,
    UserFactory,
)
from tests.html_pages import SITE, page

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reader_site")]


def test_list_cards_show_photo_title_sapo_and_dateline(client):
    section = SectionFactory(name="Kinh tế")
    article = ArticleFactory(live=True, section=section, lead_photo=PhotoFactory())
    tree = page(client.get(section.get_absolute_url()))
    (card,) = tree.xpath("//article[@class='card']")
    assert card.xpath(".//img/@srcset")[0].count("w,") >= 1
    assert card.xpath(".//h2/a/@href") == [article.get_absolute_url()]
    sapo = " ".join(card.xpath("string(.//p[@class='card-sapo'])").split())
    assert sapo == f"{article.location.upper()} {article.sapo}"  # opened by its place
    assert card.xpath(".//time/text()")[0].endswith("(GMT+7)")


def test_section_pages_link_on_by_position(client):
    """Next pages link by the last card's position (issue #9); old ``?trang=N`` links work."""
    section = SectionFactory()
    articles = ArticleFactory.create_batch(PER_PAGE + 1, live=True, section=section)
    oldest = min(articles, key=lambda a: (a.published_at, a.pk))
    first = page(client.get(section.get_absolute_url()))
    assert len(first.xpath("//article[@class='card']")) == PER_PAGE
    (next_href,) = first.xpath("//a[@rel='next']/@href")
    assert next_href.startswith("?truoc=")
    second = page(client.get(section.get_absolute_url() + next_href))
    assert second.xpath("//article[@class='card']//h2/a/@href") == [oldest.get_absolute_url()]
    assert second.xpath("//link[@rel='canonical']/@href") == [
        SITE + section.get_absolute_url() + next_href
    ]
    assert second.xpath("//meta[@name='robots']/@content") == ["noindex, follow"]
    assert second.xpath("//a[@rel='next']") == []
    # "Trang trước" from the second page reaches the newest articles: the first page.
    (prev_href,) = second.xpath("//a[@rel='prev']/@href")
    back = client.get(section.get_absolute_url() + prev_href)
    assert back.status_code == 302 and back["Location"] == section.get_absolute_url()
    old_link = page(client.get(section.get_absolute_url() + "?trang=2"))
    assert len(old_link.xpath("//article[@class='card']")) == 1
    assert old_link.xpath("//a[@rel='prev']/@href") == [section.get_absolute_url()]
    for bad in ("3", "0", "abc", "11", "9" * 30):
        assert client.get(section.get_absolute_url(), {"trang": bad}).status_code == 404


def test_tag_and_author_pages_list_their_live_articles(client):
    author = UserFactory(first_name="Tùng", last_name="Hoàng")
    article = ArticleFactory(live=True)
    article.authors.add(author)
    article.tags.add("Đồng bằng sông Cửu Long")
    ArticleFactory(live=True, title="Không liên quan")
    tag_page = page(client.get("/the/dong-bang-song-cuu-long/"))
    assert tag_page.xpath("//h1/text()") == ["Đồng bằng sông Cửu Long"]
    assert tag_page.xpath("//article[@class='card']//h2/a/text()") == [article.title]
    author_url = reverse("articles:author", kwargs={"pk": author.pk})
    author_page = page(client.get(author_url))
    assert author_page.xpath("//h1/text()") == ["Hoàng Tùng"]
    assert author_page.xpath("//article[@class='card']//h2/a/text()") == [article.title]


def test_staff_without_a_live_article_have_no_author_page(client, journalist):
    ArticleFactory(status=Article.Status.DRAFT).authors.add(journalist)
    assert client.get(reverse("articles:author", kwargs={"pk": journalist.pk})).status_code == 404


def test_home_has_lead_latest_and_a_block_per_section(client):
    economy, culture = SectionFactory(name="Kinh tế"), SectionFactory(name="Văn hoá")
    now = timezone.now()
    old = ArticleFactory(live=True, section=culture, title="Bài cũ")
    old.published_at = now - timedelta(days=2)
    old.save()
    newest = ArticleFactory(live=True, section=economy, title="Bài mới nhất")
    tree = page(client.get("/"))
    assert tree.xpath("//section[@class='lead-story']//h2/a/text()") == ["Bài mới nhất"]
    assert tree.xpath("//section[@class='latest']//h3/a/text()") == ["Bài cũ"]
    blocks = tree.xpath("//section[@class='section-block']")
    assert [b.xpath("./h2/a/text()")[0] for b in blocks] == ["Kinh tế", "Văn hoá"]
    assert blocks[0].xpath(".//h3/a/text()") == [newest.title]


def test_header_has_search_form_skip_link_and_lang(client):
    tree = page(client.get("/"))
    assert tree.get("lang") == "vi"
    (form,) = tree.xpath("//header//form[@role='search']")
    assert form.get("action") == "/tim-kiem/" and form.xpath(".//input/@name") == ["q"]
    assert tree.xpath("//a[@class='skip-link']/@href") == ["#noi-dung"]
    assert tree.xpath("//main/@id") == ["noi-dung"]


def test_404_page_is_vietnamese(client):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_500_page_renders_without_the_database(rf, settings, django_assert_num_queries):
    """Django renders 500.html with an empty Context: no banner, no query, no static tag."""
    from django.views.defaults import server_error

    settings.STORAGES = {  # a production storage whose manifest is missing
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    with django_assert_num_queries(0):
        response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Xin lỗi, trang đang gặp sự cố" in response.content.decode()
    assert 'lang="vi"' in response.content.decode()


def test_robots_txt_names_both_sitemaps(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert f"Sitemap: {SITE}/sitemap.xml" in lines
    assert f"Sitemap: {SITE}/sitemap-news.xml" in lines


def test_a_saved_hotline_shows_on_the_next_page(client):
    banner = HotlineBannerFactory(phone="0983.970.780")
    assert "0983.970.780" in client.get("/tim-kiem/").content.decode()
    banner.phone = "1900 1234"
    banner.save()
    tree = page(client.get("/tim-kiem/"))
    assert tree.xpath("//p[@class='hotline']/a/@href") == ["tel:19001234"]
    banner.delete()
    assert not page(client.get("/tim-kiem/")).xpath("//p[@class='hotline']")


def test_favicon_is_linked_and_the_ico_path_redirects_to_it(client, db):
    html = client.get("/").content.decode()
    assert 'rel="icon"' in html and "favicon.svg" in html
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("articles/favicon.svg")


def test_robots_txt_keeps_crawlers_out_of_the_admin_and_previews_only(client, db):
    body = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in body and "Disallow: /xem-truoc/" in body
    assert "/tim-kiem/" not in body  # search pages are indexable
