"""Reader pages: the article page as DESIGN.md draws it, lists, errors, head, query counts."""

import json
import re
from datetime import UTC, datetime, timedelta

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from lxml import html as lxml_html

from articles.models import Article, RelatedArticle
from articles.views import PER_PAGE
from tests.factories import (
    ArticleFactory,
    HotlineBannerFactory,
    PhotoFactory,
    SectionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

SITE = "https://bao.example"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.NEWSROOM_SITE_URL = SITE
    settings.NEWSROOM_SITE_NAME = "Báo Thử"


def page(response):
    assert response.status_code == 200, response.status_code
    return lxml_html.fromstring(response.content.decode())


def text_of(tree, xpath):
    return " ".join(" ".join(n.text_content().split()) for n in tree.xpath(xpath))


@pytest.fixture
def full_article():
    """An article with every part DESIGN.md's table lists, plus three related candidates."""
    HotlineBannerFactory(phone="0983.970.780")
    section = SectionFactory(name="Môi trường")
    lead, inline = PhotoFactory(), PhotoFactory(caption="Khu công nghiệp", credit="Hoàng Tùng")
    article = ArticleFactory(
        title="Hải Phòng đẩy mạnh chuyển đổi xanh các khu công nghiệp",
        location="Hải Phòng",
        sapo="Ban Quản lý Khu kinh tế tổ chức hội thảo.",
        body=f'<p>Đoạn một.</p><figure class="news-photo" data-photo-id="{inline.pk}"></figure>'
        "<p>Đoạn hai.</p>",
        section=section,
        lead_photo=lead,
        byline="Cộng tác viên Minh An",
        status=Article.Status.PUBLISHED,
        published_at=datetime(2025, 3, 8, 3, 6, tzinfo=UTC),
    )
    article.authors.add(UserFactory(first_name="Lan", last_name="Nguyễn"))
    article.tags.add("chuyển đổi xanh", "khu công nghiệp")
    # Made before the pick: "Xem thêm" is chosen when the article changes (issue #9).
    ArticleFactory(live=True, section=section, title="Cùng chuyên mục")
    picked = ArticleFactory(live=True, title="Bài chọn tay", sapo="Sapo bài chọn tay.")
    RelatedArticle.objects.create(from_article=article, to_article=picked)
    return article


def test_article_page_shows_every_part_in_order(client, full_article):
    """Hotline, breadcrumb, title, dateline, location + sapo, figure, byline, tags, Xem thêm."""
    response = client.get(full_article.get_absolute_url())
    tree = page(response)
    assert tree.xpath("//header//a[@href='tel:+84983970780']/text()") == ["0983.970.780"]
    assert text_of(tree, "//nav[@class='breadcrumb']") == "Môi trường"
    assert tree.xpath("//h1/text()") == [full_article.title]
    time = tree.xpath("//article//time")[0]
    assert time.get("datetime") == "2025-03-08T10:06:00+07:00"
    assert time.text == "Thứ Bảy 08/03/2025, 10:06 (GMT+7)"
    assert text_of(tree, "//p[@class='sapo']") == (
        "HẢI PHÒNG Ban Quản lý Khu kinh tế tổ chức hội thảo."
    )
    assert text_of(tree, "//div[@class='body']//figcaption") == (
        "Khu công nghiệp Ảnh: Hoàng Tùng."
    )
    assert text_of(tree, "//p[@class='byline']") == "Nguyễn Lan, Cộng tác viên Minh An"
    assert text_of(tree, "//p[@class='tags']") == "Thẻ: chuyển đổi xanh · khu công nghiệp"
    assert tree.xpath("//p[@class='tags']/a/@href")[0] == "/the/chuyen-doi-xanh/"
    # Hand-picked: the editor's choice is the list (issue #10).
    assert tree.xpath("//section[@class='related']//h3/a/text()") == ["Bài chọn tay"]
    assert "Sapo bài chọn tay." in text_of(tree, "//section[@class='related']")
    body = response.content.decode()
    order = ["tel:", "breadcrumb", "<h1>", "<time", 'class="sapo"', "<figure", "byline"]
    positions = [body.index(marker) for marker in order]
    assert positions == sorted(positions)
    assert not tree.xpath("//meta[@name='robots']")
    assert "Bản xem trước" not in body


def test_article_head_has_canonical_description_social_cards_and_feeds(client, full_article):
    tree = page(client.get(full_article.get_absolute_url()))
    url = SITE + full_article.get_absolute_url()
    assert tree.xpath("//link[@rel='canonical']/@href") == [url]
    assert tree.xpath("//meta[@name='description']/@content") == [full_article.sapo]
    assert tree.xpath("//meta[@property='og:url']/@content") == [url]
    image = tree.xpath("//meta[@property='og:image']/@content")[0]
    # The 1.91:1 JPEG crop (articles/renditions.py): crawlers that skip WebP show it too.
    assert image.startswith(SITE + "/media/") and image.endswith(".jpg")
    assert tree.xpath("//meta[@property='og:image:width']/@content") == ["1200"]
    assert tree.xpath("//meta[@property='og:image:height']/@content") == ["630"]
    assert tree.xpath("//meta[@name='twitter:card']/@content") == ["summary_large_image"]
    assert tree.xpath("//meta[@name='twitter:image']/@content") == [image]
    feeds = tree.xpath("//head/link[@type='application/rss+xml']/@href")
    assert feeds == ["/rss.xml", f"/chuyen-muc/{full_article.section.slug}/rss.xml"]


def test_json_ld_news_article(client, full_article):
    tree = page(client.get(full_article.get_absolute_url()))
    (script,) = tree.xpath("//script[@type='application/ld+json']/text()")
    data = json.loads(script)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == full_article.title
    assert data["datePublished"] == "2025-03-08T10:06:00+07:00"
    assert data["dateModified"].endswith("+07:00")
    assert data["author"] == [
        {"@type": "Person", "name": "Nguyễn Lan"},
        {"@type": "Person", "name": "Cộng tác viên Minh An"},
    ]
    assert data["publisher"]["name"] == "Báo Thử"
    assert data["articleSection"] == "Môi trường"
    assert data["keywords"] == ["chuyển đổi xanh", "khu công nghiệp"]
    assert data["image"][0].startswith(SITE + "/media/")


def test_no_title_can_close_the_json_ld_script(client):
    """A title holding ``</script>`` stays data: escaped inside JSON-LD, nothing executes."""
    article = ArticleFactory(live=True, title="Tin </script><script>alert(1)</script> & <b>")
    body = client.get(article.get_absolute_url()).content.decode()
    # Inline scripts only: the page loads our own share.js by src (issue #13).
    scripts = re.findall(r"<script\b(?![^>]*\bsrc=)[^>]*>(.*?)</script>", body, re.S)
    assert len(scripts) == 1
    assert "<" not in scripts[0] and "\\u003C/script\\u003E" in scripts[0]
    assert json.loads(scripts[0])["headline"] == article.title


@pytest.mark.parametrize(
    "status",
    [Article.Status.DRAFT, Article.Status.SUBMITTED, Article.Status.RETURNED],
)
def test_an_article_not_published_is_a_404(client, status):
    article = ArticleFactory(status=status, published_at=timezone.now() - timedelta(days=1))
    assert client.get(article.get_absolute_url()).status_code == 404


def test_a_scheduled_article_is_a_404_until_its_time(client):
    article = ArticleFactory(
        status=Article.Status.PUBLISHED, published_at=timezone.now() + timedelta(hours=1)
    )
    assert client.get(article.get_absolute_url()).status_code == 404


def test_old_slug_and_old_section_answer_301_to_the_current_url(client):
    """The id finds the article; a changed title (new slug) or section redirects."""
    article = ArticleFactory(live=True, title="Tiêu đề cũ")
    old_url = article.get_absolute_url()
    article.title = "Tiêu đề mới"
    article.save()
    new_url = article.get_absolute_url()
    assert new_url != old_url and "tieu-de-moi" in new_url
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == new_url
    moved = reverse(
        "articles:detail",
        kwargs={"section_slug": "chuyen-muc-khac", "slug": article.slug, "pk": article.pk},
    )
    assert client.get(moved)["Location"] == new_url
    assert client.get(new_url).status_code == 200


def test_preview_flag_adds_noindex_and_a_banner():
    """Another view may render the article template with ``preview=True``."""
    from articles.views import article_context

    article = ArticleFactory(title="Bản nháp")
    html = render_to_string("articles/article_detail.html", article_context(article, preview=True))
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert "Bản xem trước" in html


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
