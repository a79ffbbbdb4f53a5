"""The read API's browsable page (``/api/v1/docs``) in Chromium, under the reader CSP: it
loads nothing from another origin, breaks no policy, and shows every endpoint."""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.factories import ArticleFactory


@pytest.mark.django_db(transaction=True)
def test_the_docs_page_works_under_the_csp_with_nothing_from_elsewhere(page, live_server):
    ArticleFactory(live=True)
    origin = urlsplit(live_server.url).netloc
    requested, violations = [], []
    page.on("request", lambda request: requested.append(request.url))
    page.on(
        "console",
        lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None,
    )
    response = page.goto(f"{live_server.url}/api/v1/docs")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    operations = page.locator(".opblock-summary-path")
    expect(operations.first).to_be_visible()
    paths = {text.replace("\u200b", "") for text in operations.all_inner_texts()}
    assert {"/api/v1/articles", "/api/v1/articles/{article_id}", "/api/v1/search"} <= paths
    # Swagger UI runs a request, as a reader of the page would.
    page.locator(".opblock-summary-path", has_text="/api/v1/sections").click()
    page.get_by_role("button", name="Execute").click()
    expect(
        page.locator(".live-responses-table tr.response .response-col_status").first
    ).to_contain_text("200")
    assert any(url.endswith("/static/ninja/swagger-ui-bundle.js") for url in requested)
    elsewhere = [url for url in requested if urlsplit(url).netloc not in (origin, "")]
    assert [url for url in elsewhere if not url.startswith("data:")] == []
    assert violations == []
