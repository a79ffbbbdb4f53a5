"""Every reader page type, served by gunicorn with the demo content, passes third-party checks.

- the W3C Nu HTML Checker (npm ``vnu-jar``, run on Java): no errors;
- axe-core in Debian's Chromium: no serious or critical violations; also on the admin's
  article form, signed in, with the body's editor and with its photo picker open;
- Lighthouse 12 on mobile: at least 95 in accessibility, best practices and SEO.

The tools live in ``tools/pagecheck/`` (``npm ci`` there; ``make test`` does it when npm is
installed). Reports of failed checks are written to ``test-artifacts/pagecheck/``.
"""

import json
import os
import subprocess
import urllib.request
from pathlib import Path

import pytest

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.browser.demo_site import serve
from tests.browser.pagecheck import (
    LIGHTHOUSE,
    SCREENSHOTS,
    VNU_JAR,
    assert_axe_finds_no_serious_violation,
    report,
    require_tools,
)

# Page types a reader can reach; the 404 page is checked for markup and accessibility only
# (Lighthouse's SEO category rightly marks a 404 as not indexable).
PAGE_TYPES = ["home", "section", "tag", "author", "article", "search", "not_found"]
LIGHTHOUSE_PAGES = [p for p in PAGE_TYPES if p != "not_found"]
LIGHTHOUSE_MIN = 0.95


@pytest.fixture(scope="module")
def tools_present():
    require_tools()


@pytest.fixture(scope="module")
def demo_site(tools_present, tmp_path_factory):
    """A production-shaped server (DEBUG off, gunicorn, WhiteNoise) over the demo content."""
    with serve(tmp_path_factory.mktemp("pagecheck")) as urls:
        yield urls


def _fetch(url):
    try:
        response = urllib.request.urlopen(url, timeout=10)
    except urllib.error.HTTPError as error:
        return error.code, error.read()
    return response.status, response.read()


@pytest.fixture(scope="module")
def vnu_results(demo_site, tmp_path_factory):
    """Runs the Nu HTML Checker once over every page type; errors by page type."""
    folder = tmp_path_factory.mktemp("html")
    files = {}
    for name, url in demo_site.items():
        status, body = _fetch(url)
        assert status == (404 if name == "not_found" else 200), f"{name}: {url} gave {status}"
        files[name] = folder / f"{name}.html"
        files[name].write_bytes(body)
    result = subprocess.run(
        ["java", "-jar", VNU_JAR, "--errors-only", "--format", "json", *files.values()],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    by_page = {name: [] for name in files}
    for message in messages:
        name = Path(message.get("url", "").removeprefix("file:")).stem
        by_page.setdefault(name, []).append(message)
    return by_page


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_nu_html_checker_finds_no_error(vnu_results, page_type):
    errors = vnu_results[page_type]
    if errors:
        report(f"vnu-{page_type}.json", errors)
    assert not errors, [f"{e.get('lastLine')}: {e['message']}" for e in errors]


@pytest.fixture(scope="module")
def axe_page(tools_present, browser):
    # Our CSP forbids inline scripts on reader pages; axe is injected as one.
    context = browser.new_context(bypass_csp=True, viewport={"width": 390, "height": 844})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_axe_finds_no_serious_violation(demo_site, axe_page, page_type):
    axe_page.goto(demo_site[page_type])
    assert_axe_finds_no_serious_violation(axe_page, page_type)


@pytest.fixture(scope="module")
def admin_axe_page(demo_site, browser):
    """A desktop page signed in to the demo's admin as the journalist ``phongvien``."""
    base = demo_site["home"].removesuffix("/")
    context = browser.new_context(
        bypass_csp=True, locale="vi-VN", viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.goto(f"{base}/admin/login/?next=/admin/")
    page.fill("input[name=username]", "phongvien")
    page.fill("input[name=password]", "phongvien-demo")
    page.click("input[type=submit]")
    page.wait_for_url(f"{base}/admin/")
    page.base = base
    yield page
    context.close()


@pytest.mark.parametrize("state", ["editor", "photo_picker"])
def test_axe_finds_no_serious_violation_on_the_article_form(admin_axe_page, state):
    """The article add form with the body's editor started; then with its photo picker open
    and the library's first page shown."""
    page = admin_axe_page
    page.goto(f"{page.base}/admin/articles/article/add/")
    page.locator(".prose-editor .ProseMirror[contenteditable=true]").wait_for()
    page.locator('.prose-menubar button[title="Đậm"]').wait_for()  # editor-vi.js has run
    if state == "photo_picker":
        page.click('.prose-menubar button[data-name="newsPhoto"]')
        page.locator("dialog.news-photo-picker .news-photo-picker__item").first.wait_for()
    results = assert_axe_finds_no_serious_violation(page, f"admin-article-{state}")
    checked = [
        node["html"]
        for rule in results["passes"]
        if rule["id"] == "button-name"
        for node in rule["nodes"]
    ]
    # axe did look inside the open picker: its photo buttons are among the nodes it passed.
    photos = [html for html in checked if "news-photo-picker__item" in html]
    assert bool(photos) == (state == "photo_picker"), checked


@pytest.mark.parametrize("page_type", LIGHTHOUSE_PAGES)
def test_lighthouse_scores_on_mobile(demo_site, page_type, tmp_path):
    output = tmp_path / "lighthouse.json"
    chrome_flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    subprocess.run(
        [
            "node",
            LIGHTHOUSE,
            demo_site[page_type],
            "--only-categories=accessibility,best-practices,seo",
            "--form-factor=mobile",
            "--output=json",
            f"--output-path={output}",
            f"--chrome-flags={chrome_flags}",
            "--quiet",
        ],
        env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
        check=True,
        timeout=240,
    )
    found = json.loads(output.read_text())
    scores = {key: cat["score"] for key, cat in found["categories"].items()}
    if min(scores.values()) < LIGHTHOUSE_MIN:
        failing = [
            f"{audit['id']}: {audit['title']}"
            for audit in found["audits"].values()
            if audit.get("score") is not None
            and audit["score"] < 1
            and audit.get("scoreDisplayMode") in ("binary", "numeric")
        ]
        report(f"lighthouse-{page_type}.json", {"scores": scores, "failing": failing})
        pytest.fail(f"{page_type}: {scores}; failing audits: {failing}")


@pytest.mark.parametrize(
    ("device", "viewport"),
    [("desktop", {"width": 1280, "height": 900}), ("mobile", {"width": 390, "height": 844})],
)
def test_article_page_fits_the_screen(demo_site, browser, device, viewport):
    """No sideways scrolling; hotline, dateline and a captioned, credited figure are shown.

    The screenshots (test-artifacts/screenshots/) are the README's.
    """
    context = browser.new_context(viewport=viewport, device_scale_factor=1, locale="vi-VN")
    page = context.new_page()
    page.goto(demo_site["article"])
    page.wait_for_load_state("networkidle")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{device}: {overflow}px wider than the screen"
    assert page.locator("header a[href^='tel:']").is_visible()
    assert page.locator("article time").first.inner_text().endswith("(GMT+7)")
    caption = page.locator("article figure figcaption").first
    caption.scroll_into_view_if_needed()
    assert caption.is_visible() and "Ảnh: " in caption.inner_text()
    image_loaded = page.locator("article figure img").first.evaluate(
        "img => img.complete && img.naturalWidth > 0"
    )
    assert image_loaded
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(SCREENSHOTS / f"article-{device}.png"), full_page=device == "mobile")
    context.close()
