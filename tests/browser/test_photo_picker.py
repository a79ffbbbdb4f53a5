"""The editor's photo picker (issue #12), in a real browser: its URLs come from the server,
"Xem thêm ảnh" never skips a page, its photos are buttons in a list."""

import json
import re
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from playwright.sync_api import expect

from articles.admin.photo_views import PICKER_PAGE_SIZE
from tests.browser.conftest import open_picker
from tests.factories import PhotoFactory

# Live-server tests need committed rows; the groups come from conftest's newsroom_groups.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def many_photos():
    """Two full pages of the picker and one photo more, newest first as the picker lists them."""
    photos = [
        PhotoFactory(image__width=120, image__height=90, caption=f"Ảnh thư viện số {n:02}")
        for n in range(2 * PICKER_PAGE_SIZE + 1)
    ]
    return photos[::-1]


def watch_picker(page):
    """Every page the picker asks for, in order; ``hold`` pages wait until released."""
    asked, held, hold, fail = [], [], set(), set()

    def handle(route):
        number = parse_qs(urlsplit(route.request.url).query)["page"][0]
        asked.append(int(number))
        if int(number) in fail:
            route.fulfill(status=500, body="Internal Server Error", content_type="text/plain")
        elif int(number) in hold:
            held.append(route)
        else:
            route.continue_()

    picker = reverse("admin:articles_photo_picker")
    page.route(lambda url: urlsplit(url).path == picker, handle)
    return SimpleNamespace(asked=asked, held=held, hold=hold, fail=fail)


def open_article_form(page, live_server, admin_login, user):
    admin_login(user)
    page.goto(f"{live_server.url}/admin/articles/article/add/")
    page.locator(".prose-editor .ProseMirror[contenteditable=true]").click()


def shown_ids(dialog):
    items = dialog.locator(".news-photo-picker__item")
    return [int(i) for i in items.evaluate_all("els => els.map(e => e.dataset.photoId)")]


def test_picker_urls_come_from_the_server(page, live_server, admin_login, journalist_user):
    """The body's textarea carries the reversed URLs; the script never reads the page's path."""
    open_article_form(page, live_server, admin_login, journalist_user)
    urls = json.loads(page.locator("textarea[name=body]").get_attribute("data-photo-urls"))
    assert urls["picker"] == reverse("admin:articles_photo_picker")
    assert urls["card"] == reverse("admin:articles_photo_card", args=[1]).replace("/1/", "/{id}/")
    for script in Path(finders.find("articles/prose-photo.js")).parent.glob("prose-photo*.js"):
        assert "location.pathname" not in script.read_text(encoding="utf-8"), script

    watch = watch_picker(page)
    open_picker(page)
    expect(page.locator("dialog.news-photo-picker .news-photo-picker__status").first).to_have_text(
        re.compile("Không tìm thấy ảnh nào")
    )
    assert watch.asked == [1]


@pytest.fixture
def first_page(page, live_server, admin_login, journalist_user, many_photos):
    """The picker open on its first page, its requests watched."""
    open_article_form(page, live_server, admin_login, journalist_user)
    watch = watch_picker(page)
    dialog = open_picker(page)
    expect_shown(dialog, many_photos[:PICKER_PAGE_SIZE])
    watch.dialog = dialog
    watch.more = dialog.get_by_role("button", name="Xem thêm ảnh")
    return watch


def expect_shown(dialog, photos):
    expect(dialog.locator(".news-photo-picker__item")).to_have_count(len(photos))
    assert shown_ids(dialog) == [photo.pk for photo in photos]


def test_double_click_on_more_loads_the_next_page_once(first_page, many_photos):
    picker, more = first_page, first_page.more
    picker.hold.add(2)
    more.dblclick()
    expect(more).to_be_disabled()  # while page 2 is on its way
    for route in picker.held:
        route.continue_()
    expect_shown(picker.dialog, many_photos[: 2 * PICKER_PAGE_SIZE])
    assert picker.asked == [1, 2]
    expect(more).to_be_enabled()

    more.click()
    expect_shown(picker.dialog, many_photos)
    assert picker.asked == [1, 2, 3]
    expect(more).to_be_hidden()  # nothing after page 3


def test_a_failed_load_more_says_so_and_the_next_click_asks_again(first_page, many_photos):
    picker, more = first_page, first_page.more
    picker.fail.add(2)
    more.click()
    status = picker.dialog.locator(".news-photo-picker__status").first
    expect(status).to_have_text(re.compile(r"Không tải được thêm ảnh: Lỗi máy chủ \(500\)"))
    expect(more).to_be_enabled()
    expect_shown(picker.dialog, many_photos[:PICKER_PAGE_SIZE])

    picker.fail.clear()
    more.click()
    expect_shown(picker.dialog, many_photos[: 2 * PICKER_PAGE_SIZE])
    assert picker.asked == [1, 2, 2]
    expect(status).to_have_text("")


def test_picker_photos_are_buttons_in_a_list(
    page, live_server, admin_login, journalist_user, harbour_photo, other_photo
):
    """Each photo is a button in a list item, named by its caption and credit; Tab, Enter
    and Space pick it."""
    open_article_form(page, live_server, admin_login, journalist_user)
    editor = page.locator(".prose-editor .ProseMirror[contenteditable=true]")
    dialog = open_picker(page)
    expect(dialog.locator("ul.news-photo-picker__grid > li > button[type=button]")).to_have_count(
        2
    )
    expect(dialog.get_by_role("list").get_by_role("listitem")).to_have_count(2)
    harbour = dialog.get_by_role("button", name=f"{harbour_photo.caption} Ảnh: Hoàng Tùng.")
    fields = dialog.get_by_role("button", name=f"{other_photo.caption} Ảnh: Minh Anh.")
    expect(harbour).to_have_count(1)
    expect(fields).to_have_count(1)

    expect(dialog.locator("input[name=q]")).to_be_focused()
    page.keyboard.press("Tab")
    expect(fields).to_be_focused()  # the newest first
    page.keyboard.press("Tab")
    expect(harbour).to_be_focused()
    page.keyboard.press("Enter")
    expect(dialog).to_have_count(0)
    expect(editor.locator(f'figure[data-photo-id="{harbour_photo.pk}"]')).to_have_count(1)

    dialog = open_picker(page)
    expect(fields).to_have_count(1)
    page.keyboard.press("Tab")
    expect(fields).to_be_focused()
    page.keyboard.press("Space")
    expect(dialog).to_have_count(0)
    expect(editor.locator(f'figure[data-photo-id="{other_photo.pk}"]')).to_have_count(1)
