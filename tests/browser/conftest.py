"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

Chromium comes from apt (``/usr/bin/chromium``), never from ``playwright install``.
Without it the tests are skipped, or fail when ``NEWSROOM_REQUIRE_BROWSER=1`` (CI).
A failing test leaves a screenshot in ``test-artifacts/``.
"""

import contextlib
import os
import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Group

from tests.factories import PhotoFactory, UserFactory, ensure_newsroom_groups

# Playwright's sync API runs an event loop in this thread; the live server's ORM calls
# happen in another thread, but the test's own ORM calls would otherwise be refused.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
MISSING = f"Chromium not found at {CHROMIUM}: apt-get install chromium chromium-driver"
BROWSER_TESTS = Path(__file__).resolve().parent
ARTIFACTS = BROWSER_TESTS.parent.parent / "test-artifacts"
PASSWORD = "mat-khau-thu-nghiem"  # tests.factories.UserFactory's


def browser_required():
    return os.environ.get("NEWSROOM_REQUIRE_BROWSER") == "1"


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Every test under tests/browser/ is a ``browser`` test; skipped when Chromium is missing.

    tryfirst: the marks must be on the items before ``-m "not browser"`` deselects.
    """
    for item in items:
        if BROWSER_TESTS not in Path(str(item.path)).resolve().parents:
            continue
        item.add_marker(pytest.mark.browser)
        if not CHROMIUM.exists() and not browser_required():
            item.add_marker(pytest.mark.skip(reason=MISSING))


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


# Module scope: each file's Playwright instance is closed before the next file starts
# its own (two sync_playwright() instances cannot run at once in one thread).
@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        # Only reached with NEWSROOM_REQUIRE_BROWSER=1; otherwise the test was skipped.
        pytest.fail(f"{MISSING} (NEWSROOM_REQUIRE_BROWSER=1 asks for it)", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def _plain_http_cookies(settings):
    """The live server speaks plain HTTP; production's Secure cookies would not come back."""
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False


@pytest.fixture
def newsroom_groups(transactional_db):
    """The groups from migration 0002, re-made after a transactional test's flush."""
    return ensure_newsroom_groups()


@pytest.fixture
def page(browser, request):
    context = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    messages = []
    page.on("console", lambda msg: messages.append(f"{msg.type}: {msg.text}"))
    page.on("pageerror", lambda error: messages.append(f"pageerror: {error}"))
    yield page
    failed = any(
        getattr(getattr(request.node, f"report_{when}", None), "failed", False)
        for when in ("setup", "call")
    )
    if failed:
        ARTIFACTS.mkdir(exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.nodeid)
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
        (ARTIFACTS / f"{name}.console.txt").write_text("\n".join(messages), encoding="utf-8")
    # The test is over: the admin's goodbye beacons on pagehide (presence, autosave) would
    # reach the live server while the database is flushed for the next test (SQLite:
    # "database table is locked").
    from playwright.sync_api import Error as PlaywrightError

    for open_page in context.pages:
        # A page still navigating has nothing of ours loaded to send.
        with contextlib.suppress(PlaywrightError):
            open_page.evaluate("() => { navigator.sendBeacon = () => true; }")
    context.close()


@pytest.fixture
def admin_login(page, live_server, newsroom_groups):
    """``admin_login(user)`` signs ``user`` in to the admin and leaves the page on its index."""

    def login(user, password=PASSWORD):
        page.goto(f"{live_server.url}/admin/login/?next=/admin/")
        page.fill("input[name=username]", user.get_username())
        page.fill("input[name=password]", password)
        page.click("input[type=submit], button[type=submit]")
        page.wait_for_url(f"{live_server.url}/admin/")
        return page

    return login


# The editor's photos (test_editor_photo, test_photo_picker).
@pytest.fixture
def journalist_user(newsroom_groups):
    user = UserFactory(username="phongvien-trinh-duyet", is_staff=True)
    user.groups.add(Group.objects.get(name="Phóng viên"))
    return user


@pytest.fixture
def harbour_photo():
    return PhotoFactory(
        caption="Cảng Lạch Huyện, Hải Phòng, nhìn từ trên cao", credit="Hoàng Tùng"
    )


@pytest.fixture
def other_photo():
    return PhotoFactory(caption="Ruộng bậc thang Mù Cang Chải", credit="Minh Anh")


def open_picker(page):
    """Opens the body editor's photo picker; its dialog."""
    from playwright.sync_api import expect

    page.click('.prose-menubar button[data-name="newsPhoto"]')
    dialog = page.locator("dialog.news-photo-picker")
    expect(dialog).to_be_visible()
    return dialog
