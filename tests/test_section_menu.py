"""The section menu in every reader header (issue #13): plain HTML, editor-set order,
sub-sections nested, the current section marked, and no query on a shared cache."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from lxml import html as lxml_html

from articles.models import Section
from tests.factories import ArticleFactory, HotlineBannerFactory, SectionFactory, UserFactory

pytestmark = pytest.mark.django_db

MENU = "//header//nav[@aria-label='Chuyên mục']"
TOP = MENU + "/details/ul[@class='section-menu-list']/li"
SECTION_TABLE = Section._meta.db_table


@pytest.fixture
def site():
    """Sections in an order their ids and names do not give, one with two sub-sections."""
    HotlineBannerFactory()
    news = SectionFactory(name="Thời sự", position=3)
    economy = SectionFactory(name="Kinh tế", position=1)
    environment = SectionFactory(name="Môi trường", position=1)  # same position: by name
    stocks = SectionFactory(name="Chứng khoán", parent=economy, position=2)
    SectionFactory(name="Bất động sản", parent=economy, position=2)
    SectionFactory(name="Tài chính", parent=economy, position=1)
    article = ArticleFactory(live=True, section=stocks, title="Chứng khoán tăng điểm")
    article.tags.add("thị trường")
    author = UserFactory()
    article.authors.add(author)
    ArticleFactory(live=True, section=news)
    return {
        "news": news,
        "economy": economy,
        "environment": environment,
        "stocks": stocks,
        "article": article,
        "author": author,
    }


def pages(site) -> dict[str, str]:
    return {
        "home": "/",
        "section": site["news"].get_absolute_url(),
        "sub-section": site["stocks"].get_absolute_url(),
        "article": site["article"].get_absolute_url(),
        "tag": reverse("articles:tag", kwargs={"slug": "thi-truong"}),
        "author": reverse("articles:author", kwargs={"pk": site["author"].pk}),
        "search": "/tim-kiem/?q=chung+khoan",
        "not found": "/khong-co-trang-nay/",
    }


def tree_of(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return lxml_html.fromstring(response.content.decode())


def menu(tree) -> list[tuple[str, list[str]]]:
    """The menu as a reader sees it without script: each top item and its sub-items."""
    return [(li.xpath("./a/text()")[0], li.xpath("./ul/li/a/text()")) for li in tree.xpath(TOP)]


def marks(tree) -> dict[str, str]:
    return {a.text: a.get("aria-current") for a in tree.xpath(MENU + "//a[@aria-current]")}


EXPECTED = [
    ("Kinh tế", ["Tài chính", "Bất động sản", "Chứng khoán"]),
    ("Môi trường", []),
    ("Thời sự", []),
]


def test_every_reader_page_has_the_menu_in_plain_html(client, site):
    for name, url in pages(site).items():
        tree = tree_of(client, url, 404 if name == "not found" else 200)
        # A native disclosure: no script opens it, and the links are in the page.
        (summary,) = tree.xpath(MENU + "/details[@class='section-menu']/summary")
        assert summary.text_content().strip() == "Chuyên mục", name
        # (The article page loads our own reads.js and share.js: neither touches the menu.)
        assert not tree.xpath(MENU + "//script"), name
        assert menu(tree) == EXPECTED, name
        hrefs = tree.xpath(MENU + "//a/@href")
        assert site["stocks"].get_absolute_url() in hrefs
        assert len(hrefs) == len(set(hrefs)) == 6


def test_the_order_is_the_editors(client, site):
    site["news"].position = 0
    site["news"].save()
    site["environment"].name = "Giáo dục"  # now before "Kinh tế" at the same position
    site["environment"].save()
    assert [name for name, _ in menu(tree_of(client, "/"))] == ["Thời sự", "Giáo dục", "Kinh tế"]


def test_the_section_page_is_marked_page(client, site):
    assert marks(tree_of(client, site["news"].get_absolute_url())) == {"Thời sự": "page"}
    # Page 2 of a section is still that section's page.
    assert marks(tree_of(client, site["news"].get_absolute_url() + "?trang=1")) == {
        "Thời sự": "page"
    }


def test_a_sub_section_page_marks_its_parent_true(client, site):
    tree = tree_of(client, site["stocks"].get_absolute_url())
    assert marks(tree) == {"Chứng khoán": "page", "Kinh tế": "true"}


def test_an_article_marks_its_section_true_not_page(client, site):
    """The link goes to the section, not to this page: "true", the current item of the set."""
    tree = tree_of(client, site["article"].get_absolute_url())
    assert marks(tree) == {"Chứng khoán": "true", "Kinh tế": "true"}


@pytest.mark.parametrize("name", ["home", "tag", "author", "search", "not found"])
def test_other_pages_mark_nothing(client, site, name):
    tree = tree_of(client, pages(site)[name], 404 if name == "not found" else 200)
    assert marks(tree) == {}


def test_no_section_no_menu(client):
    tree = tree_of(client, "/")
    assert not tree.xpath(MENU)


def section_queries(client, url) -> tuple[int, int]:
    """(queries, of which on the section table alone, not joined) for one page."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    alone = [q for q in queries if f'FROM "{SECTION_TABLE}"' in q["sql"]]
    return len(queries), len(alone)


def count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200, url
    return len(queries)


def test_no_query_for_the_header_on_a_shared_cache(client, site, settings, tmp_path):
    """After the first page, the banner and the menu cost nothing on any page: exactly the
    two queries a per-process cache makes for them are gone."""
    urls = {name: url for name, url in pages(site).items() if name != "not found"}
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    per_process = {name: count(client, url) for name, url in urls.items()}
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "cache"),
        }
    }
    client.get("/")
    shared = {name: count(client, url) for name, url in urls.items()}
    assert shared == {name: n - 2 for name, n in per_process.items()}
    # The tag page reads no section row alone: its cards join their section.
    assert section_queries(client, urls["tag"]) == (2, 0)
    cache.clear()


def test_a_per_process_cache_reads_the_menu_once_a_page(client, site, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    urls = pages(site)
    for _ in range(2):
        assert section_queries(client, urls["tag"]) == (4, 1)  # banner, menu, tag, page
    # The home page reads its sections' ids from the menu's query: no second one.
    assert section_queries(client, "/")[1] == 1


def test_pages_without_the_reader_header_do_not_read_it(client, site):
    assert section_queries(client, "/sitemap-news.xml")[1] == 0
    assert section_queries(client, "/rss.xml")[1] == 0


@pytest.mark.usefixtures("shared_cache", "page_cache")
def test_a_renamed_section_shows_on_cached_pages_at_once(client, site):
    """The tag page shows no section's articles by scope, yet its menu is refreshed:
    every page depends on SITE, which a section's save and delete move."""
    url = pages(site)["tag"]
    assert client.get(url)["X-Page-Cache"] == "miss"
    assert client.get(url)["X-Page-Cache"] == "hit"
    site["environment"].name = "Môi trường – Khí hậu"
    site["environment"].save()
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert ("Môi trường – Khí hậu", []) in menu(lxml_html.fromstring(response.content.decode()))
    assert client.get(url)["X-Page-Cache"] == "hit"
    site["environment"].delete()
    tree = lxml_html.fromstring(client.get(url).content.decode())
    assert [name for name, _ in menu(tree)] == ["Kinh tế", "Thời sự"]


@pytest.mark.usefixtures("page_cache")
def test_the_mark_is_the_pages_own_on_cached_pages(client, site):
    """The mark comes from the view, so a cached section page keeps it for every reader,
    and a cached article page never carries another page's mark."""
    section_url, article_url = (
        site["stocks"].get_absolute_url(),
        site["article"].get_absolute_url(),
    )
    for _ in range(2):
        assert marks(tree_of(client, section_url))["Chứng khoán"] == "page"
        assert marks(tree_of(client, article_url))["Chứng khoán"] == "true"
    assert client.get(section_url)["X-Page-Cache"] == "hit"


@pytest.mark.usefixtures("shared_cache", "page_cache")
def test_editors_reorder_the_menu_from_the_sections_list(client, site, editor):
    """The admin's section list ("thứ tự"): the next reader page has the new order."""
    assert client.get("/")["X-Page-Cache"] == "miss"
    assert client.get("/")["X-Page-Cache"] == "hit"
    client.force_login(editor)
    url = reverse("admin:articles_section_changelist")
    top = [site["economy"], site["environment"], site["news"]]
    data = {"form-TOTAL_FORMS": "3", "form-INITIAL_FORMS": "3", "_save": "Lưu"}
    for i, (section, position) in enumerate(zip(top, [5, 9, 1], strict=True)):
        data |= {f"form-{i}-id": str(section.pk), f"form-{i}-position": str(position)}
    response = client.post(url + "?parent__isnull=True", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()
    response = client.get("/")
    assert response["X-Page-Cache"] == "miss"
    tree = lxml_html.fromstring(response.content.decode())
    assert [name for name, _ in menu(tree)] == ["Thời sự", "Kinh tế", "Môi trường"]
