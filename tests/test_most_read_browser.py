"""Đọc nhiều in Debian's Chromium (issue #13): the article page's own script sends one read
under the strict CSP, and the pages showing the lists pass the Nu HTML Checker and axe.

The page checks of ``tests/browser/test_page_quality.py`` run on the demo site, which has
no Redis and so no list; here the lists are shown (with Redis) and checked the same way.
"""

import json
import os
import subprocess
import urllib.request

import pytest
from django.utils import timezone

from articles.reads import ranking, store
from tests.browser.conftest import CHROMIUM, MISSING, browser, browser_required  # noqa: F401
from tests.browser.pagecheck import (
    SCREENSHOTS,
    VNU_JAR,
    assert_axe_finds_no_serious_violation,
    require_tools,
)
from tests.factories import ArticleFactory, SectionFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists() and not browser_required(), reason=MISSING),
]
needs_redis = pytest.mark.skipif(
    not os.environ.get("REDIS_URL"),
    reason="the read counters are Redis sorted sets: set REDIS_URL to run this (CI does)",
)
DESKTOP = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0.0.0 Safari/537.36"


@pytest.fixture
def reader(browser):  # noqa: F811 (the fixture imported above)
    """A reader's Chromium: an ordinary user agent (Playwright's says HeadlessChrome)."""
    context = browser.new_context(user_agent=DESKTOP, locale="vi-VN")
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.problems = []
    page.on("console", lambda m: m.type == "error" and page.problems.append(m.text))
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    yield page
    context.close()


def open_and_catch_beacon(page, url):
    with page.expect_request(lambda request: "/doc/" in request.url) as caught:
        page.goto(url)
    request = caught.value
    return request, request.response()


def test_the_article_page_sends_one_read_under_the_csp(live_server, reader, transactional_db):
    article = ArticleFactory(live=True)
    request, response = open_and_catch_beacon(reader, live_server.url + article.get_absolute_url())
    assert request.method == "POST"
    assert request.url.endswith(reader.locator("article").get_attribute("data-read-url"))
    assert response.status == 204
    assert not reader.problems, reader.problems  # no CSP refusal, no script error
    if os.environ.get("REDIS_URL"):
        assert store.top(store.DAY, store.SITE, 5) == [article.pk]
        reader.reload()  # the same reader within a minute: sent, not counted again
        assert store.day_totals(timezone.localdate()) == {article.pk: 1}


@needs_redis
def test_a_headless_browser_is_not_counted(live_server, browser, transactional_db):  # noqa: F811
    article = ArticleFactory(live=True)
    context = browser.new_context()  # Playwright's own user agent: HeadlessChrome
    try:
        _, response = open_and_catch_beacon(
            context.new_page(), live_server.url + article.get_absolute_url()
        )
        assert response.status == 204
    finally:
        context.close()
    assert store.top(store.DAY, store.SITE, 5) == []


@pytest.fixture
def pages_with_lists(live_server, transactional_db):
    section = SectionFactory(name="Môi trường")
    articles = [
        ArticleFactory(live=True, section=section, title=f"Hải Phòng, bài đọc nhiều số {n}")
        for n in range(1, 7)
    ]
    for rank, article in enumerate(articles):
        for reader_number in range(len(articles) - rank):
            store.count(article.pk, section.pk, f"192.0.2.{reader_number}")
    for window in store.WINDOWS:
        ranking.refresh(window, store.SITE)
    ranking.refresh(store.DAY, store.section_part(section.pk))
    return {
        "home": live_server.url + "/",
        "article": live_server.url + articles[1].get_absolute_url(),
    }


@needs_redis
def test_pages_with_the_lists_pass_the_page_checks(pages_with_lists, browser, tmp_path):  # noqa: F811
    require_tools()
    # A small phone; axe is injected as an inline script, which our CSP would refuse.
    context = browser.new_context(
        bypass_csp=True, viewport={"width": 360, "height": 800}, locale="vi-VN"
    )
    try:
        page = context.new_page()
        for name, url in pages_with_lists.items():
            page.goto(url)
            assert page.locator(".most-read li").count() == (10 if name == "home" else 5)
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{name}: {overflow}px wider than a 360 px phone"
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)  # the README's
            page.locator(".most-read").screenshot(path=SCREENSHOTS / f"most-read-{name}.png")
            assert_axe_finds_no_serious_violation(page, f"most-read-{name}")
            (tmp_path / f"{name}.html").write_bytes(urllib.request.urlopen(url).read())
    finally:
        context.close()
    result = subprocess.run(
        ["java", "-jar", VNU_JAR, "--errors-only", "--format", "json", *tmp_path.glob("*.html")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    errors = json.loads(result.stderr or result.stdout)["messages"]
    assert not errors, [f"{e.get('url')} {e.get('lastLine')}: {e['message']}" for e in errors]
