"""Đọc nhiều (issue #13): reads counted by a beacon, with no database write, even for a page
served from the page cache; bots left out; lists of live articles only; folded daily.

Counting needs Redis: those tests run when REDIS_URL is set (CI) and say why they skip
otherwise. The rest (the beacon's answers, bots, windows, the list's rule, the fallbacks)
run on any cache. Folding and the admin: tests/test_most_read_admin.py.
"""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles import publishing
from articles.models import ArticleReads
from articles.reads import beacon, lists, ranking, readers, store
from tests.factories import ArticleFactory, SectionFactory
from tests.outages import redis_down
from tests.reads_support import BROWSER, needs_redis, read, read_many

pytestmark = pytest.mark.django_db


@pytest.fixture
def local_memory(settings):
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }


def refresh_rankings(section_id=None):
    """As the next beacon after REFRESH_SECONDS would."""
    cache.delete_many(
        [ranking.LOCK_KEY.format(name=ranking.name(w, store.SITE)) for w in store.WINDOWS]
    )
    if section_id is not None:
        part = store.section_part(section_id)
        cache.delete(ranking.LOCK_KEY.format(name=ranking.name(store.DAY, part)))
        ranking.refresh(store.DAY, part)
    for window in store.WINDOWS:
        ranking.refresh(window, store.SITE)


def most_read_titles(html) -> list[str]:
    block = html.split('class="most-read"', 1)
    if len(block) == 1:
        return []
    return re.findall(r"<li><a [^>]*>([^<]*)</a></li>", block[1].split("</aside>", 1)[0])


# The beacon: answers, bots, tokens -----------------------------------------------------


ROBOTS = [
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
    "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
    "Zalo-Crawler/1.0",
    "ZaloBot",
    "curl/8.5.0",
    "python-requests/2.32.3",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/131.0 Safari/537.36",
    "Mozilla/5.0 Chrome/131.0 Safari/537.36 Chrome-Lighthouse",
    "",
    "   ",
]
PEOPLE = [
    BROWSER,
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) AppleWebKit/605.1.15 Zalo iOS/24.02 ZaloTheme",
    "Mozilla/5.0 (Linux; Android 10; CUBOT X30) AppleWebKit/537.36 Chrome/120 Safari",
]


@pytest.mark.parametrize(
    "agent, robot", [(a, True) for a in ROBOTS] + [(a, False) for a in PEOPLE]
)
def test_robots_scripts_and_headless_browsers_are_not_readers(agent, robot):
    assert readers.is_bot(agent) is robot


def test_the_beacon_is_not_a_page(client, django_assert_num_queries):
    article = ArticleFactory(live=True)
    url = beacon.url(article)
    with django_assert_num_queries(0):
        answered = read(client, article)
    assert answered.status_code == 204 and answered.content == b""
    assert "no-store" in answered["Cache-Control"]
    got = client.get(url)
    assert got.status_code == 405 and "no-store" in got["Cache-Control"]
    forged = url.rsplit("/", 1)[0] + "/" + "0" * readers.TOKEN_LENGTH
    assert client.post(forged, HTTP_USER_AGENT=BROWSER).status_code == 400
    other = beacon.url(ArticleFactory(live=True)).rsplit("/", 1)[1]
    assert client.post(url.rsplit("/", 1)[0] + "/" + other).status_code == 400
    for nonsense in ["/doc/abc/1/x", "/doc/-1/2/" + "a" * 16, "/doc/" + "9" * 40 + "/1/a"]:
        assert client.post(nonsense).status_code == 404
    zero = f"/doc/0/1/{readers.token(0, 1)}"
    assert client.post(zero).status_code == 400


def test_prefetches_and_foreign_pages_are_not_reads(rf):
    def request(**headers):
        return rf.post("/doc/1/1/x", HTTP_USER_AGENT=BROWSER, **headers)

    assert readers.counts(request())
    assert readers.counts(request(HTTP_SEC_FETCH_SITE="same-origin"))
    assert not readers.counts(request(HTTP_SEC_PURPOSE="prefetch;prerender"))
    assert not readers.counts(request(HTTP_PURPOSE="prefetch"))
    assert not readers.counts(request(HTTP_SEC_FETCH_SITE="cross-site"))


def test_the_page_carries_the_beacon_and_its_script(client):
    article = ArticleFactory(live=True)
    html = client.get(article.get_absolute_url()).content.decode()
    assert f'data-read-url="{beacon.url(article)}"' in html
    assert f'data-article-id="{article.pk}"' in html
    assert f'data-section-id="{article.section_id}"' in html
    assert re.search(r'<script src="/static/articles/reads\.js" defer></script>', html)


# Windows and the list's rule, on any cache ----------------------------------------------


def test_the_24_hour_window_is_hourly_and_the_week_is_local_days():
    now = datetime(2026, 11, 30, 17, 30, tzinfo=ZoneInfo("UTC"))  # 00:30 on 1 December
    hours = store.window_keys(store.DAY, store.SITE, now)
    assert len(set(hours)) == 24
    assert hours[0].endswith("reads:h:2026120100:all")
    assert hours[-1].endswith("reads:h:2026113001:all")
    days = store.window_keys(store.WEEK, "s4", now)
    assert days[0].endswith("reads:d:20261201:s4") and days[-1].endswith("reads:d:20261125:s4")


def test_the_list_shows_live_articles_in_ranking_order(monkeypatch):
    section = SectionFactory()
    first, second, third = ArticleFactory.create_batch(3, live=True, section=section)
    draft = ArticleFactory(section=section)
    elsewhere = ArticleFactory(live=True)
    ranked = [draft.pk, third.pk, 999_999, elsewhere.pk, first.pk, second.pk]
    monkeypatch.setattr(store, "available", lambda: True)
    monkeypatch.setattr(ranking, "ranking", lambda window, part: ranked)
    home = lists.for_home()
    assert [a.pk for a in home.lists[0].articles] == [third.pk, elsewhere.pk, first.pk, second.pk]
    in_section = lists.for_section(section)
    assert [a.pk for a in in_section.lists[0].articles] == [third.pk, first.pk, second.pk]


def test_without_redis_nothing_is_counted_and_the_block_is_hidden(client, local_memory):
    article = ArticleFactory(live=True)
    assert read(client, article).status_code == 204
    assert lists.for_home() is None
    assert "Đọc nhiều" not in client.get("/").content.decode()
    assert "Đọc nhiều" not in client.get(article.get_absolute_url()).content.decode()
    call_command("fold_reads")
    assert not ArticleReads.objects.exists()


def test_with_redis_down_the_beacon_answers_and_pages_hide_the_block(client):
    article = ArticleFactory(live=True)
    with redis_down():
        assert read(client, article).status_code == 204
        for url in ["/", article.get_absolute_url()]:
            response = client.get(url)
            assert response.status_code == 200
            assert "Đọc nhiều" not in response.content.decode()


# With Redis: counting through cached pages, lists that move on --------------------------


@needs_redis
def test_a_page_from_the_page_cache_is_counted_with_no_database_write(
    client, page_cache, django_assert_num_queries
):
    article = ArticleFactory(live=True)
    client.get(article.get_absolute_url())
    page = client.get(article.get_absolute_url())
    assert page["X-Page-Cache"] == "hit"
    url = re.search(r'data-read-url="([^"]+)"', page.content.decode())[1]
    with django_assert_num_queries(0):
        assert client.post(url, HTTP_USER_AGENT=BROWSER).status_code == 204
    assert store.top(store.DAY, store.SITE, 5) == [article.pk]
    assert store.top(store.WEEK, store.section_part(article.section_id), 5) == [article.pk]
    assert store.day_totals(timezone.localdate()) == {article.pk: 1}


@needs_redis
def test_robots_and_repeats_are_not_counted(client):
    article, other = ArticleFactory.create_batch(2, live=True)
    read(client, article, agent="Mozilla/5.0 (compatible; Googlebot/2.1)")
    read(client, article, agent="")
    read(client, article, HTTP_SEC_PURPOSE="prefetch")
    assert store.top(store.DAY, store.SITE, 5) == []
    read(client, article)
    read(client, article)  # the same address again within a minute
    read(client, other)
    assert store.day_totals(timezone.localdate()) == {article.pk: 1, other.pk: 1}


@needs_redis
def test_the_windows_hold_the_last_24_hours_and_7_days():
    now = timezone.now()
    yesterday, recent, old = ArticleFactory.create_batch(3, live=True)
    store.count(yesterday.pk, yesterday.section_id, "a", now - timedelta(hours=25))
    store.count(old.pk, old.section_id, "b", now - timedelta(days=8))
    store.count(recent.pk, recent.section_id, "c", now - timedelta(hours=23))
    assert store.top(store.DAY, store.SITE, 5, now) == [recent.pk]
    assert store.top(store.WEEK, store.SITE, 5, now) == [recent.pk, yesterday.pk]


@needs_redis
def test_home_and_article_pages_list_the_most_read_live_articles(client):
    section = SectionFactory(name="Môi trường")
    a, b, c = (ArticleFactory(live=True, section=section, title=f"Bài {n}") for n in "ABC")
    d = ArticleFactory(live=True, title="Bài D khác mục")
    for article, times in [(a, 3), (b, 4), (c, 1), (d, 2)]:
        read_many(client, article, times)
    publishing.unpublish(c, by=publishing.SYSTEM)
    refresh_rankings(section.pk)
    home = client.get("/").content.decode()
    assert "24 giờ qua" in home and "7 ngày qua" in home
    assert most_read_titles(home) == ["Bài B", "Bài A", "Bài D khác mục"] * 2
    page = client.get(a.get_absolute_url()).content.decode()
    assert "Đọc nhiều: Môi trường" in page
    assert most_read_titles(page) == ["Bài B", "Bài A"]


@needs_redis
def test_an_unpublished_article_leaves_the_cached_pages_listing_it(client, page_cache):
    a, b = (ArticleFactory(live=True, title=f"Bài {n}") for n in "AB")
    read_many(client, a, 2)
    read_many(client, b, 1)
    refresh_rankings()
    assert most_read_titles(client.get("/").content.decode()) == ["Bài A", "Bài B"] * 2
    assert client.get("/")["X-Page-Cache"] == "hit"
    publishing.unpublish(a, by=publishing.SYSTEM)
    response = client.get("/")
    assert response["X-Page-Cache"] == "miss"
    assert most_read_titles(response.content.decode()) == ["Bài B"] * 2


@needs_redis
def test_cached_pages_move_on_only_when_the_ranking_changes(client, page_cache):
    a, b = (ArticleFactory(live=True, title=f"Bài {n}") for n in "AB")
    read_many(client, a, 2)
    refresh_rankings()
    client.get("/")
    refresh_rankings()  # the same ranking: the page stays
    assert client.get("/")["X-Page-Cache"] == "hit"
    read(client, b, address="192.0.2.1")  # B joins, after A
    assert client.get("/")["X-Page-Cache"] == "hit"  # within REFRESH_SECONDS
    refresh_rankings()
    response = client.get("/")
    assert response["X-Page-Cache"] == "miss"
    assert most_read_titles(response.content.decode()) == ["Bài A", "Bài B"] * 2


@needs_redis
def test_the_list_costs_one_query(client):
    articles = ArticleFactory.create_batch(3, live=True)
    client.get("/")
    with CaptureQueriesContext(connection) as without:
        client.get("/")
    for article in articles:
        read(client, article)
    refresh_rankings()
    client.get("/")
    with CaptureQueriesContext(connection) as listed:
        assert len(most_read_titles(client.get("/").content.decode())) == 6
    assert len(listed) == len(without) + 1
