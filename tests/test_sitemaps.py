"""Sitemap index (issue #9): every live article in exactly one monthly sitemap, however many."""

from collections import Counter
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from lxml import etree

from articles import cachesafe, sitemaps
from articles.models import Article
from tests.factories import ArticleFactory, SectionFactory, hidden_articles
from tests.sitemap_docs import NS, SITE, at, index_locations, urlset

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _site(settings):
    settings.NEWSROOM_SITE_URL = SITE


@pytest.fixture(autouse=True)
def _mid_month():
    """A fixed day mid-month, the clock still running: "this month" and "an hour ago" are
    the same month whatever the hour CI runs at (at 00:30 in Hà Nội an hour ago is last
    month, and the expected months were wrong on 1 December)."""
    with time_machine.travel(at(2026, 6, 15, 10), tick=True):
        yield


def test_every_live_article_is_in_exactly_one_sitemap(client, monkeypatch):
    """More articles than one sitemap holds (limit 5 here): months, pages, and no hidden one."""
    monkeypatch.setattr(sitemaps.ArticleSitemap, "limit", 5)
    section = SectionFactory()
    days = {(2025, 1): 7, (2025, 2): 5, (2025, 4): 1}  # 2 pages, exactly 1, and 1
    live = [
        ArticleFactory(section=section, status=Article.Status.PUBLISHED, published_at=at(y, m, d))
        for (y, m), n in days.items()
        for d in range(1, n + 1)
    ]
    live.append(ArticleFactory(section=section, live=True))  # this month
    live[-1].tags.add("cảng biển")
    # Edges in local time: the last minute of January and the first of March, not February.
    live += [
        ArticleFactory(section=section, status="published", published_at=at(2025, 1, 31, 23)),
        ArticleFactory(section=section, status="published", published_at=at(2025, 3, 1, 0)),
    ]
    hidden = hidden_articles(section, prefix="Bài ẩn")
    for article in hidden:
        article.published_at = article.published_at or at(2025, 1, 15)
        article.save()
    now = timezone.localtime()
    locations = index_locations(client)
    expected = {
        f"{SITE}/sitemap-chuyen-muc.xml",
        f"{SITE}/sitemap-the.xml",
        f"{SITE}/sitemap-bai-viet-2025-01.xml",
        f"{SITE}/sitemap-bai-viet-2025-01.xml?p=2",
        f"{SITE}/sitemap-bai-viet-2025-02.xml",
        f"{SITE}/sitemap-bai-viet-2025-03.xml",
        f"{SITE}/sitemap-bai-viet-2025-04.xml",
        f"{SITE}/sitemap-bai-viet-{now:%Y-%m}.xml",
    }
    assert set(locations) == expected
    listed = Counter(loc for location in locations for loc in urlset(client, location))
    for article in live:
        assert listed[SITE + article.get_absolute_url()] == 1, article.published_at
    for article in hidden:
        assert not any(f"-{article.pk}.html" in loc for loc in listed), article.status
    assert sum(n for loc, n in listed.items() if loc.endswith(".html")) == len(live)
    # The page after the last, an empty month and a month that cannot be: 404s.
    for path in [
        "/sitemap-bai-viet-2025-01.xml?p=3",
        "/sitemap-bai-viet-2025-02.xml?p=2",
        "/sitemap-bai-viet-2025-05.xml",
        "/sitemap-bai-viet-2025-13.xml",
        "/sitemap-bai-viet-0000-01.xml",
        "/sitemap-khong-co.xml",
    ]:
        assert client.get(path).status_code == 404, path


def test_the_index_gives_each_month_its_newest_change_as_lastmod(client):
    old = ArticleFactory(status="published", published_at=at(2025, 1, 10))
    newer = ArticleFactory(status="published", published_at=at(2025, 1, 20))
    Article.objects.filter(pk=old.pk).update(updated_at=at(2025, 6, 1))  # corrected later
    Article.objects.filter(pk=newer.pk).update(updated_at=at(2025, 1, 20))
    doc = etree.fromstring(client.get(reverse("sitemap")).content)
    (lastmod,) = doc.xpath(
        "sm:sitemap[sm:loc[contains(., 'bai-viet-2025-01')]]/sm:lastmod/text()", namespaces=NS
    )
    assert parse_datetime(lastmod) == at(2025, 6, 1)


def test_the_index_names_the_site_not_the_host_the_client_sent(client):
    ArticleFactory(live=True)
    response = client.get(reverse("sitemap"), headers={"host": "localhost"})
    assert b"localhost" not in response.content
    assert all(urlsplit(loc).netloc == "bao.example" for loc in index_locations(client))


def test_the_news_sitemap_keeps_two_days_only(client):
    recent = ArticleFactory(live=True)
    old = ArticleFactory(
        status="published", published_at=timezone.now() - timedelta(days=2, hours=1)
    )
    body = client.get(reverse("sitemap-news")).content.decode()
    assert recent.get_absolute_url() in body
    assert old.get_absolute_url() not in body


@pytest.mark.parametrize("n", [3, 30])
def test_sitemap_query_counts_do_not_grow_with_articles(
    client, django_assert_num_queries, n, monkeypatch
):
    # A per-process cache, whatever this run's cache is: the shared cache's path (closed
    # months grouped once) is test_closed_months_are_grouped_once's.
    monkeypatch.setattr(cachesafe, "shared", lambda: False)
    section = SectionFactory()
    for day in range(n):
        ArticleFactory(section=section, status="published", published_at=at(2025, 3, 1 + day % 28))
    ArticleFactory(section=section, live=True)
    # whether sections and tags have any URL, this month, closed months, sections with
    # their newest article, count of sections (no tag here: the tags sitemap is left out,
    # so not counted; test_query_counts.py has one)
    with django_assert_num_queries(6):
        assert client.get(reverse("sitemap")).status_code == 200
    # count of the month, its page (no banner: the XML has no header, issue #13)
    with django_assert_num_queries(2):
        url = reverse("sitemap-section", kwargs={"section": "bai-viet-2025-03"})
        assert client.get(url).status_code == 200


def test_an_article_is_listed_in_its_local_months_sitemap(client):
    # 2025-02-28 18:00 UTC is 2025-03-01 01:00 in Hà Nội.
    article = ArticleFactory(live=True, published_at=datetime(2025, 2, 28, 18, tzinfo=UTC))
    index = client.get(reverse("sitemap")).content.decode()
    assert "sitemap-bai-viet-2025-03.xml" in index and "2025-02" not in index
    url = reverse("sitemap-section", kwargs={"section": "bai-viet-2025-03"})
    assert article.get_absolute_url() in client.get(url).content.decode()


def test_a_sitemap_without_urls_is_not_listed(client):
    """A new site with no tag on a live article yet: no empty (schema-invalid) urlset."""
    ArticleFactory(live=True)
    index = client.get(reverse("sitemap")).content.decode()
    assert "sitemap-chuyen-muc.xml" in index
    assert "sitemap-the.xml" not in index


@pytest.fixture
def shared_locmem(monkeypatch):
    """The closed months kept in the cache, as on Redis (the tests' cache is local memory,
    which one process shares with itself)."""
    monkeypatch.setattr(cachesafe, "shared", lambda: True)


def month_lastmods(client) -> dict[str, str]:
    doc = etree.fromstring(client.get(reverse("sitemap")).content)
    return {
        entry.xpath("sm:loc/text()", namespaces=NS)[0]: entry.xpath(
            "sm:lastmod/text()", namespaces=NS
        )[0]
        for entry in doc
        if "bai-viet" in entry.xpath("sm:loc/text()", namespaces=NS)[0]
    }


def test_closed_months_are_grouped_once(client, shared_locmem, django_assert_num_queries):
    """At a million articles grouping every month costs what the archive holds; the closed
    ones are grouped once and kept until one of their articles changes."""
    for day in (1, 2, 3):
        ArticleFactory(status="published", published_at=at(2025, 3, day))
    ArticleFactory(live=True)
    with django_assert_num_queries(6):  # as test_sitemap_query_counts…
        assert client.get(reverse("sitemap")).status_code == 200
    with django_assert_num_queries(4):  # the closed months' entries, this month's rows kept
        assert client.get(reverse("sitemap")).status_code == 200
    # A closed month's sitemap takes its count from them: the page, no COUNT; then the
    # page itself is kept.
    url = reverse("sitemap-section", kwargs={"section": "bai-viet-2025-03"})
    with django_assert_num_queries(1):
        first = client.get(url)
    with django_assert_num_queries(0):
        again = client.get(url)
    assert first.status_code == again.status_code == 200
    assert again.content == first.content
    assert again["Last-Modified"] == first["Last-Modified"]
    assert again["X-Robots-Tag"] == "noindex, noodp, noarchive"
    url = reverse("sitemap-section", kwargs={"section": "bai-viet-2025-04"})
    assert client.get(url).status_code == 404  # none that month


def test_a_change_in_a_closed_month_reaches_the_index(client, shared_locmem):
    """An edit moves the month's lastmod; unpublishing its only article takes the month out;
    publishing one (back-dated) brings a month in."""
    edited = ArticleFactory(status="published", published_at=at(2025, 3, 5))
    alone = ArticleFactory(status="published", published_at=at(2025, 4, 5))
    ArticleFactory(live=True)
    Article.objects.filter(pk=edited.pk).update(updated_at=at(2025, 3, 5))
    before = month_lastmods(client)
    march, april = (f"{SITE}/sitemap-bai-viet-2025-0{m}.xml" for m in (3, 4))
    assert {march, april} <= before.keys()
    edited.title = "Tiêu đề đã sửa"
    edited.save()
    alone.status = Article.Status.DRAFT
    alone.save()
    after = month_lastmods(client)
    assert parse_datetime(before[march]) == at(2025, 3, 5)
    assert parse_datetime(after[march]) > at(2026, 1, 1)
    assert april not in after
    url = reverse("sitemap-section", kwargs={"section": "bai-viet-2025-04"})
    assert client.get(url).status_code == 404
    ArticleFactory(status="published", published_at=at(2024, 12, 24))
    assert f"{SITE}/sitemap-bai-viet-2024-12.xml" in month_lastmods(client)


def test_a_closed_months_kept_page_follows_its_articles(client, shared_locmem, settings):
    """The page of a closed month is kept until one of its articles changes, or a section's
    slug (in every article URL), or the site's address."""
    section = SectionFactory(slug="kinh-te")
    article = ArticleFactory(section=section, status="published", published_at=at(2025, 3, 5))
    ArticleFactory(live=True)
    url = reverse("sitemap-section", kwargs={"section": "bai-viet-2025-03"})
    assert client.get(url).content == client.get(url).content  # kept
    article.title = "Bài đã đổi tên"
    article.save()
    assert "/bai-da-doi-ten-" in urlset(client, SITE + url)[0]
    section.slug = "tai-chinh"
    section.save()
    assert urlset(client, SITE + url)[0].startswith(f"{SITE}/tai-chinh/")
    settings.NEWSROOM_SITE_URL = "https://moi.example"
    assert client.get(url).content.decode().count("https://moi.example/tai-chinh/") == 1


def test_only_plain_page_numbers_are_kept(client, shared_locmem, monkeypatch):
    """``?p=01``, ``?p=+1`` … are answered, but one page is kept once, not once per spelling."""
    keys = []
    key = sitemaps.closed_xml_key
    monkeypatch.setattr(sitemaps, "closed_xml_key", lambda *a: keys.append(key(*a)) or keys[-1])
    ArticleFactory(status="published", published_at=at(2025, 3, 5))
    url = reverse("sitemap-section", kwargs={"section": "bai-viet-2025-03"})
    for query in ("", "?p=1", "?p=01", "?p=+1", "?p=x"):
        response = client.get(url + query)
        assert response.status_code in (200, 404), query
    assert len(keys) == 2 and len(set(keys)) == 1, keys


def test_this_months_rows_follow_saves_at_once_and_the_schedule_within_a_minute(
    client, shared_locmem
):
    """This month's rows are kept a minute under LISTS: a saved live article moves them at
    once; a scheduled article going live (no save announces it) within OPEN_SECONDS."""

    now = timezone.now()
    this_month = f"{SITE}/sitemap-bai-viet-{timezone.localtime(now):%Y-%m}.xml"
    first = ArticleFactory(status="published", published_at=now - timedelta(minutes=5))
    Article.objects.filter(pk=first.pk).update(updated_at=now - timedelta(minutes=5))
    before = month_lastmods(client)[this_month]
    first.title = "Tiêu đề sửa trong tháng"
    first.save()  # a live article: LISTS moves, the rows are grouped again
    edited = month_lastmods(client)[this_month]
    assert parse_datetime(edited) > parse_datetime(before)
    due = timezone.localtime(now) + timedelta(seconds=30)
    ArticleFactory(status="published", published_at=due)  # scheduled: no bump
    with time_machine.travel(due + timedelta(seconds=OPEN_AFTER), tick=False):
        assert parse_datetime(month_lastmods(client)[this_month]) == due


OPEN_AFTER = sitemaps.OPEN_SECONDS + 1
