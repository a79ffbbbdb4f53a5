"""The section menu on a 360 px phone, with JavaScript off: reached and opened with the
keyboard alone, it shows every section, fits the screen, and its links work (issue #13)."""

from pathlib import Path

import pytest

from tests.factories import ArticleFactory, HotlineBannerFactory, SectionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}
# Beside the article screenshots of test_page_quality.py; the README may show it.
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
SUMMARY = "nav[aria-label='Chuyên mục'] summary"
LINKS = "nav[aria-label='Chuyên mục'] .section-menu-list a"


@pytest.fixture
def phone(browser):
    context = browser.new_context(
        viewport=PHONE,
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        locale="vi-VN",
        java_script_enabled=False,
    )
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def focused(page) -> str:
    return page.evaluate(
        "() => document.activeElement.tagName + ':' + document.activeElement.textContent.trim()"
    )


def test_the_menu_opens_with_the_keyboard_on_a_phone(phone, live_server):
    HotlineBannerFactory()
    economy = SectionFactory(name="Kinh tế", position=1)
    stocks = SectionFactory(name="Chứng khoán", parent=economy)
    SectionFactory(name="Thời sự", position=2)
    ArticleFactory(live=True, section=stocks)
    page = phone
    page.goto(live_server.url + "/")
    assert page.locator(SUMMARY).is_visible()
    assert not page.locator(LINKS).first.is_visible()  # closed: the page starts with news

    for _ in range(10):  # skip link, hotline, brand, search field and button, then the menu
        page.keyboard.press("Tab")
        if focused(page) == "SUMMARY:Chuyên mục":
            break
    assert focused(page) == "SUMMARY:Chuyên mục"
    page.keyboard.press("Enter")
    assert page.locator("details.section-menu").get_attribute("open") is not None
    assert page.locator(LINKS).all_inner_texts() == ["Kinh tế", "Chứng khoán", "Thời sự"]
    assert all(link.is_visible() for link in page.locator(LINKS).all())
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{overflow}px wider than the phone"
    for link in page.locator(LINKS).all():  # big enough to tap
        assert link.bounding_box()["height"] >= 24
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "menu-mobile.png"))

    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert focused(page) == "A:Chứng khoán"
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{stocks.get_absolute_url()}")
    assert page.locator("h1").inner_text() == "Chứng khoán"
    # On the section's page the menu is closed again, its item marked.
    assert not page.locator(LINKS).first.is_visible()
    assert page.locator(f"{LINKS}[aria-current='page']").text_content() == "Chứng khoán"

    page.focus(SUMMARY)
    page.keyboard.press("Space")
    assert page.locator(LINKS).first.is_visible()
    page.keyboard.press("Space")
    assert not page.locator(LINKS).first.is_visible()
