"""The journalist's and editor's day in a real browser: tags, submit, schedule."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from articles.models import Article, Tag
from tests.factories import ArticleFactory, SectionFactory, staff_member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_journalist_tags_an_article_and_sends_it_for_review(
    page, live_server, admin_login, newsroom_groups
):
    """Tag autocomplete offers existing tags (accents optional) and takes new ones."""
    journalist = staff_member("Phóng viên", username="phongvien-the")
    section = SectionFactory(name="Môi trường")
    ArticleFactory(live=True, section=section).tags.add("chuyển đổi xanh")
    admin_login(journalist)
    page.goto(f"{live_server.url}/admin/articles/article/add/")
    page.fill("#id_title", "Cần Thơ thử nghiệm xe buýt điện ven sông")
    page.fill("#id_sapo", "Hai tuyến xe buýt điện chạy thử trong ba tháng.")
    page.select_option("#id_section", str(section.pk))
    page.locator(".prose-editor .ProseMirror[contenteditable=true]").click()
    page.keyboard.type("Đoạn mở đầu của bài.")

    tags = page.locator(".field-tags .select2-container")
    tags.click()
    search = page.locator(".field-tags .select2-search__field")
    search.type("chuyen doi")
    option = page.locator(".select2-results__option", has_text="chuyển đổi xanh")
    expect(option).to_be_visible()
    option.click()
    search.type("xe buýt điện")
    new_tag = page.locator(".select2-results__option--highlighted", has_text="xe buýt điện")
    expect(new_tag).to_be_visible()  # a new name is offered as it is typed
    search.press("Enter")
    expect(tags.locator(".select2-selection__choice")).to_have_count(2)

    page.click("input[name=_continue]")
    page.wait_for_url(re.compile(r"/admin/articles/article/\d+/change/"))
    article = Article.objects.get(title__startswith="Cần Thơ thử nghiệm")
    assert sorted(article.tags.names()) == ["chuyển đổi xanh", "xe buýt điện"]
    assert Tag.objects.get(name="xe buýt điện").slug == "xe-buyt-dien"

    page.get_by_role("button", name="Gửi duyệt", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("Gửi duyệt")
    article.refresh_from_db()
    assert article.status == Article.Status.SUBMITTED
    assert article.state_changes.get().by == journalist


def test_editor_schedules_a_submitted_article(page, live_server, admin_login, newsroom_groups):
    """The schedule button publishes later: the article waits, scheduled, in the calendar."""
    editor = staff_member("Biên tập viên", username="bientap-lich")
    article = ArticleFactory(status=Article.Status.SUBMITTED, title="Bài chờ hẹn giờ")
    admin_login(editor)
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    at = timezone.localtime() + timedelta(days=1)
    page.locator("input[name=at]").first.fill(at.strftime("%d/%m/%Y %H:%M"))
    page.get_by_role("button", name="Hẹn giờ").first.click()
    expect(page.locator(".messagelist")).to_contain_text("Hẹn giờ")
    article.refresh_from_db()
    assert article.is_scheduled
    assert not Article.objects.live().filter(pk=article.pk).exists()

    page.goto(f"{live_server.url}/admin/articles/article/lich/")
    entry = page.locator("a", has_text="Bài chờ hẹn giờ").first
    expect(entry).to_be_visible()


@pytest.mark.parametrize("width", [1024, 1280, 1600])
def test_workflow_buttons_never_overlap_the_tools(
    page, live_server, admin_login, newsroom_groups, width
):
    """Issue #10: at any width from 1024 px, the editor's workflow buttons and fields stay
    clear of "Xem trước", "Lịch sử" and "Xem trên trang web"."""
    editor = staff_member("Biên tập viên", username=f"bientap-{width}")
    article = ArticleFactory(status=Article.Status.SUBMITTED, title="Bài chờ duyệt rất dài " * 3)
    page.set_viewport_size({"width": width, "height": 900})
    admin_login(editor)
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    boxes = page.evaluate(
        """() => {
            const box = (el) => { const r = el.getBoundingClientRect();
                return [r.left, r.top, r.right, r.bottom]; };
            return {
                tools: [...document.querySelectorAll('.object-tools a')].map(box),
                controls: [...document.querySelectorAll(
                    '.workflow-panel button, .workflow-panel input:not([type=hidden]),'
                    + ' .workflow-panel textarea, .workflow-panel a')].map(box),
            };
        }"""
    )
    assert len(boxes["tools"]) == 3 and len(boxes["controls"]) >= 5
    for tool in boxes["tools"]:
        for control in boxes["controls"]:
            apart = (
                tool[2] <= control[0]
                or control[2] <= tool[0]
                or tool[3] <= control[1]
                or control[3] <= tool[1]
            )
            assert apart, (tool, control)
