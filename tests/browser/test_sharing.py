"""The article page's "Sao chép liên kết" in Chromium (issue #13): the button copies the
canonical URL and says so; without JavaScript the URL waits in a read-only field."""

import pytest
from playwright.sync_api import expect

from articles.links import absolute_url
from tests.factories import ArticleFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def context_for(browser):
    contexts = []

    def make(**options):
        context = browser.new_context(locale="vi-VN", **options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


def test_the_copy_button_copies_the_canonical_url_and_says_so(live_server, context_for):
    article = ArticleFactory(live=True)
    context = context_for(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    status = page.locator("#share-status")
    expect(status).to_have_attribute("role", "status")
    expect(status).to_have_text("")
    button = page.get_by_role("button", name="Sao chép liên kết")
    expect(button).to_be_visible()
    button.click()
    expect(status).to_have_text("Đã sao chép liên kết bài viết.")
    assert page.evaluate("navigator.clipboard.readText()") == absolute_url(
        article.get_absolute_url()
    )
    assert not errors


def test_without_javascript_the_link_is_there_to_copy_by_hand(live_server, context_for):
    article = ArticleFactory(live=True)
    page = context_for(java_script_enabled=False).new_page()
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    field = page.get_by_label("Liên kết bài viết")
    expect(field).to_be_visible()
    expect(field).to_have_value(absolute_url(article.get_absolute_url()))
    expect(page.locator(".share-copy-button")).to_be_hidden()
    for name in ["Chia sẻ lên Facebook", "Chia sẻ lên Zalo"]:
        expect(page.get_by_role("link", name=name)).to_be_visible()
