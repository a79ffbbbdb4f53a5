"""Breadcrumbs on article and section pages (issue #13): ``Trang chủ › Section ›
Sub-section`` as a labelled ordered list, and the same trail as a schema.org
``BreadcrumbList`` with absolute URLs."""

import json
import re

import pytest
from lxml import html as lxml_html

from tests.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db

SITE = "https://bao.example"
NAV = "//main//nav[@class='breadcrumb'][@aria-label='Đường dẫn']"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.NEWSROOM_SITE_URL = SITE


@pytest.fixture
def sections():
    economy = SectionFactory(name="Kinh tế")
    return economy, SectionFactory(name="Chứng khoán", parent=economy)


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return lxml_html.fromstring(response.content.decode())


def crumbs(tree) -> list[tuple[str, str, str | None]]:
    """(name, href, aria-current) of each item, read from the ordered list itself."""
    (nav,) = tree.xpath(NAV)
    items = nav.xpath("./ol/li")
    assert len(items) == len(nav.xpath(".//a")), "one link per list item, nothing else"
    return [
        (li.xpath("./a")[0].text, li.xpath("./a/@href")[0], li.xpath("./a")[0].get("aria-current"))
        for li in items
    ]


def json_ld(tree) -> list[dict]:
    return [
        json.loads(text) for text in tree.xpath("//script[@type='application/ld+json']/text()")
    ]


def as_json_ld(trail) -> dict:
    """What the HTML trail must say in schema.org's words."""
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": n, "name": name, "item": SITE + href}
            for n, (name, href, _) in enumerate(trail, start=1)
        ],
    }


def test_an_article_in_a_sub_section(client, sections):
    economy, stocks = sections
    article = ArticleFactory(live=True, section=stocks, title="Chứng khoán tăng điểm")
    tree = get(client, article.get_absolute_url())
    trail = crumbs(tree)
    # Ends at the section: the title is the page's heading, not repeated; nothing is
    # "current" (the section's link is not this page).
    assert trail == [
        ("Trang chủ", "/", None),
        ("Kinh tế", economy.get_absolute_url(), None),
        ("Chứng khoán", stocks.get_absolute_url(), None),
    ]
    assert article.title not in tree.xpath(NAV)[0].text_content()
    (data,) = json_ld(tree)  # still one script: NewsArticle, its page carrying the trail
    assert data["@type"] == "NewsArticle"
    page = data["mainEntityOfPage"]
    assert page["@type"] == "WebPage"
    assert page["@id"] == page["url"] == SITE + article.get_absolute_url()
    assert page["breadcrumb"] == as_json_ld(trail)


def test_an_article_in_a_top_level_section(client, sections):
    economy, _ = sections
    article = ArticleFactory(live=True, section=economy)
    tree = get(client, article.get_absolute_url())
    assert [name for name, _, _ in crumbs(tree)] == ["Trang chủ", "Kinh tế"]
    (data,) = json_ld(tree)
    assert data["mainEntityOfPage"]["breadcrumb"]["itemListElement"][-1] == {
        "@type": "ListItem",
        "position": 2,
        "name": "Kinh tế",
        "item": f"{SITE}/chuyen-muc/kinh-te/",
    }


@pytest.mark.parametrize("which", ["top", "sub"])
def test_a_section_page_ends_at_itself_marked_current(client, sections, which):
    economy, stocks = sections
    section = economy if which == "top" else stocks
    tree = get(client, section.get_absolute_url())
    trail = crumbs(tree)
    expected = [("Trang chủ", "/", None)]
    if which == "sub":
        expected.append(("Kinh tế", economy.get_absolute_url(), None))
    expected.append((section.name, section.get_absolute_url(), "page"))
    assert trail == expected
    (data,) = json_ld(tree)
    assert data == {"@context": "https://schema.org", **as_json_ld(trail)}


def test_breadcrumbs_come_before_the_heading(client, sections):
    _, stocks = sections
    article = ArticleFactory(live=True, section=stocks)
    for url in (stocks.get_absolute_url(), article.get_absolute_url()):
        body = client.get(url).content.decode()
        assert body.index('class="breadcrumb"') < body.index("<h1>") < body.index("</main>")


def test_a_section_name_stays_data_in_both(client):
    section = SectionFactory(name="Tin </script><b>nóng</b> & mới")
    article = ArticleFactory(live=True, section=section)
    for url in (section.get_absolute_url(), article.get_absolute_url()):
        body = client.get(url).content.decode()
        assert "<b>nóng</b>" not in body
        inline = re.findall(r"<script\b(?![^>]*\bsrc=)", body)
        assert len(inline) == 1  # the JSON-LD, not closed early
        tree = lxml_html.fromstring(body)
        assert crumbs(tree)[-1][0] == section.name
        names = json.dumps(json_ld(tree), ensure_ascii=False)
        assert json.dumps(section.name, ensure_ascii=False) in names


def test_no_breadcrumb_on_the_home_and_list_pages(client, sections):
    article = ArticleFactory(live=True, section=sections[1])
    article.tags.add("thị trường")
    for url in ("/", "/the/thi-truong/", "/tim-kiem/?q=thi+truong"):
        tree = get(client, url)
        assert not tree.xpath(NAV), url
        assert not [d for d in json_ld(tree) if d.get("@type") == "BreadcrumbList"], url
