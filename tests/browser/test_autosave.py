"""Nothing a journalist types is lost (issue #10), in a real browser: autosave, leaving the
page, restoring, another person's save in between, and saving and submitting in one step."""

import re
import time

import pytest
from playwright.sync_api import expect

from articles import presence, publishing
from articles.models import Article, Autosave
from tests.factories import own_article, staff_member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EDITOR = ".prose-editor .ProseMirror[contenteditable=true]"


def change_url(live_server, article):
    return f"{live_server.url}/admin/articles/article/{article.pk}/change/"


def test_typed_text_survives_a_closed_tab(page, live_server, admin_login, newsroom_groups):
    """Type, let autosave run, close the tab; reopen, restore, save: nothing lost."""
    journalist = staff_member("Phóng viên", username="phongvien-autosave")
    article = own_article(journalist, title="Tiêu đề cũ", body="<p>Đoạn đã lưu.</p>")
    admin_login(journalist)
    page.goto(change_url(live_server, article))
    page.fill("#id_title", "Quảng Ninh mở tuyến đường ven vịnh")
    page.locator(EDITOR).click()
    page.keyboard.press("End")
    page.keyboard.type(" Câu mới gõ mà chưa lưu.")
    expect(page.locator("#autosave-status")).to_contain_text("Đã lưu tự động lúc", timeout=8000)
    # The workflow buttons would act on the saved text: locked while the form differs.
    expect(page.get_by_role("button", name="Gửi duyệt", exact=True)).to_be_disabled()
    page.close()

    kept = Autosave.objects.get(user=journalist, article=article)
    assert kept.data["title"] == ["Quảng Ninh mở tuyến đường ven vịnh"]
    article.refresh_from_db()
    assert article.title == "Tiêu đề cũ" and article.version == 1  # not saved, not versioned

    page = page.context.new_page()
    page.goto(change_url(live_server, article))
    offer = page.locator(".autosave-offer")
    expect(offer).to_contain_text("Khôi phục bản lưu tự động lúc")
    expect(offer.locator("ins").first).to_be_visible()
    offer.get_by_role("link", name="Khôi phục").click()
    expect(page.locator("#id_title")).to_have_value("Quảng Ninh mở tuyến đường ven vịnh")
    expect(page.locator(EDITOR)).to_contain_text("Câu mới gõ mà chưa lưu.")
    page.click("input[name=_continue]")
    page.wait_for_url(re.compile(r"/change/$"))
    article.refresh_from_db()
    assert article.title == "Quảng Ninh mở tuyến đường ven vịnh"
    assert "Câu mới gõ mà chưa lưu." in article.body
    assert not Autosave.objects.exists()


def test_leaving_with_unsaved_text_asks_and_keeps_it(
    page, live_server, admin_login, newsroom_groups
):
    """Closing right after typing (before autosave's pause) asks first and still keeps it."""
    journalist = staff_member("Phóng viên", username="phongvien-roi-trang")
    article = own_article(journalist, title="Bài đang viết")
    admin_login(journalist)
    page.goto(change_url(live_server, article))
    page.click("#id_sapo")  # typed by hand: the browser asks before leaving only then
    page.keyboard.press("Control+A")
    page.keyboard.type("Sapo gõ vội rồi đóng trang.")
    dialogs = []

    def answer(dialog):
        dialogs.append(dialog.type)
        dialog.accept()

    page.on("dialog", answer)
    page.close(run_before_unload=True)
    page.wait_for_event("close")
    assert dialogs == ["beforeunload"]
    # The beacon sent on leaving reaches the server.
    for _ in range(50):  # the live server answers it in its own thread
        if Autosave.objects.filter(user=journalist, article=article).exists():
            break
        time.sleep(0.1)
    kept = Autosave.objects.get(user=journalist, article=article)
    assert kept.data["sapo"] == ["Sapo gõ vội rồi đóng trang."]


def test_restoring_does_not_overwrite_a_colleagues_newer_save(
    page, live_server, admin_login, newsroom_groups
):
    journalist = staff_member("Phóng viên", username="phongvien-xung-dot")
    editor = staff_member("Biên tập viên", username="bientap-xung-dot")
    article = own_article(journalist, title="Bản đầu")
    admin_login(journalist)
    page.goto(change_url(live_server, article))
    page.fill("#id_title", "Bản của phóng viên")
    expect(page.locator("#autosave-status")).to_contain_text("Đã lưu tự động lúc", timeout=8000)
    page.close()
    # The closed tab's goodbye beacon (presence, "roi") is answered in the live server's
    # thread, which reads the article: on SQLite that read, still running, locks the table
    # against the save below ("database table is locked", seen in CI). Wait for it.
    for _ in range(50):
        if not presence.others(article.pk, editor):
            break
        time.sleep(0.1)

    # The editor saves meanwhile.
    article.refresh_from_db()
    article.title = "Bản của biên tập viên"
    publishing.save_edit(article, by=editor, version=article.version)

    page = page.context.new_page()
    page.goto(change_url(live_server, article))
    page.locator(".autosave-offer").get_by_role("link", name="Khôi phục").click()
    expect(page.locator("#id_title")).to_have_value("Bản của phóng viên")
    page.click("input[name=_continue]")
    expect(page.locator(".conflict-diff")).to_contain_text("Chưa lưu")
    expect(page.locator("#id_title")).to_have_value("Bản của phóng viên")  # still there
    article.refresh_from_db()
    assert article.title == "Bản của biên tập viên"


def test_save_and_submit_in_one_click(page, live_server, admin_login, newsroom_groups):
    journalist = staff_member("Phóng viên", username="phongvien-gui-luon")
    article = own_article(journalist, title="Bản nháp", body="<p>Một.</p>")
    admin_login(journalist)
    page.goto(change_url(live_server, article))
    page.fill("#id_title", "Viết xong, gửi duyệt ngay")
    # Live counts: the title against its limit, the body's words and reading time.
    expect(page.locator(".field-title .live-count")).to_have_text("25/250 ký tự")
    expect(page.locator(".field-body .live-count")).to_have_text("1 chữ, khoảng 1 phút đọc")
    page.locator(EDITOR).click()
    page.keyboard.press("End")
    page.keyboard.type(" Hai ba bốn năm.")
    expect(page.locator(".field-body .live-count")).to_have_text("5 chữ, khoảng 1 phút đọc")
    page.get_by_role("button", name="Lưu và gửi duyệt").click()
    expect(page.locator(".messagelist")).to_contain_text("Đã lưu và gửi duyệt")
    article.refresh_from_db()
    assert article.title == "Viết xong, gửi duyệt ngay"
    assert article.status == Article.Status.SUBMITTED
