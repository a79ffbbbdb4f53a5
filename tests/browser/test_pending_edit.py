"""Issue #10 in a real browser: a journalist's edit of a live article waits; the editor
reviews what changes for readers, updates the article, and readers see it."""

import re

import pytest
from playwright.sync_api import expect

from articles.models import Article
from tests.factories import own_article, staff_member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OLD, NEW = "Cảng Lạch Huyện đón tàu lớn", "Cảng Lạch Huyện đón tàu 200.000 tấn"


def test_journalist_edits_a_live_article_and_the_editor_updates_it(
    page, live_server, admin_login, newsroom_groups
):
    journalist = staff_member("Phóng viên", username="phongvien-capnhat")
    editor = staff_member("Biên tập viên", username="bientap-capnhat")
    article = own_article(journalist, live=True, title=OLD)
    reader_url = f"{live_server.url}{article.get_absolute_url()}"
    change = f"{live_server.url}/admin/articles/article/{article.pk}/change/"

    admin_login(journalist)
    page.goto(change)
    expect(page.locator(".edits-wait")).to_contain_text("giữ thay đổi chưa xuất bản")
    page.fill("#id_title", NEW)
    page.click("input[name=_continue]")
    page.wait_for_url(re.compile(r"/change/$"))
    expect(page.locator(".messagelist")).to_contain_text("bạn đọc vẫn thấy bản cũ")
    expect(page.locator("#pending-edit")).to_contain_text("Bài có thay đổi chưa xuất bản")
    expect(page.locator("#id_title")).to_have_value(NEW)  # the journalist continues it

    reader = page.context.browser.new_context(locale="vi-VN")
    try:
        reader_page = reader.new_page()
        reader_page.goto(reader_url)
        expect(reader_page.locator("h1")).to_have_text(OLD)

        page.context.clear_cookies()
        admin_login(editor)
        page.goto(change)
        page.get_by_role("link", name="Cập nhật bài", exact=True).click()
        page.wait_for_url(re.compile(r"/cap-nhat/$"))
        diff = page.locator(".pending-diff")
        expect(diff.locator("del")).to_have_text("lớn")
        expect(diff.locator("ins")).to_have_text("200.000 tấn")
        page.get_by_role("button", name="Cập nhật bài").click()
        page.wait_for_url(re.compile(r"/change/$"))
        expect(page.locator(".messagelist")).to_contain_text("Đã cập nhật bài")
        expect(page.locator("#pending-edit")).to_have_count(0)

        reader_page.goto(reader_url)
        expect(reader_page.locator("h1")).to_have_text(NEW)
    finally:
        reader.close()
    article.refresh_from_db()
    assert article.title == NEW and article.status == Article.Status.PUBLISHED
