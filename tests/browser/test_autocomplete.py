"""The article form's autocompletes in a real browser (issue #10): each photo in the lead
photo dropdown shows its thumbnail, caption and credit; each related article its section,
date and state."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.factories import ArticleFactory, PhotoFactory, SectionFactory, staff_member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_dropdowns_show_enough_to_choose_right(page, live_server, admin_login):
    editor = staff_member("Biên tập viên", username="bientap-goi-y")
    harbour = PhotoFactory(caption="Cảng Lạch Huyện lúc bình minh", credit="Hoàng Tùng")
    PhotoFactory(caption="Cảng Lạch Huyện lúc hoàng hôn", credit="")
    section = SectionFactory(name="Kinh tế")
    live = ArticleFactory(title="Cảng Lạch Huyện đón tàu lớn", section=section, live=True)
    article = ArticleFactory(title="Bài đang viết")
    admin_login(editor)
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")

    page.locator(".field-lead_photo .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").type("lach huyen")
    results = page.locator(".select2-container--open .select2-results__option")
    dawn = results.filter(has_text="lúc bình minh")
    expect(dawn.locator("img.photo-result-thumbnail")).to_have_attribute("src", harbour.card.src)
    expect(dawn.locator(".photo-result-credit")).to_contain_text("Ảnh: Hoàng Tùng.")
    dusk = results.filter(has_text="lúc hoàng hôn")
    expect(dusk.locator(".photo-result-credit")).to_contain_text("Chưa ghi tác giả ảnh")
    # The thumbnail is loaded, not a broken image.
    dawn.locator("img").scroll_into_view_if_needed()
    expect(dawn.locator("img")).to_have_js_property("complete", True)
    assert dawn.locator("img").evaluate("img => img.naturalWidth") > 0
    dawn.click()
    expect(page.locator(".field-lead_photo .select2-selection__rendered")).to_contain_text(
        "Cảng Lạch Huyện lúc bình minh — Ảnh: Hoàng Tùng"
    )

    page.locator(".add-row a").click()  # a related article row (none yet)
    page.locator(".field-to_article .select2-selection").first.click()
    page.locator(".select2-container--open .select2-search__field").type("don tau")
    date = timezone.localtime(live.published_at).strftime("%d/%m/%Y")
    expect(page.locator(".select2-container--open .select2-results__option")).to_have_text(
        [f"Cảng Lạch Huyện đón tàu lớn — Kinh tế · {date} · Đã xuất bản"]
    )
