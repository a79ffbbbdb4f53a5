"""A journalist places library photos in the article body from the editor, in a real browser."""

import io
import re

import pytest
from django.contrib.auth.models import Group
from lxml import html as lxml_html
from PIL import Image
from playwright.sync_api import expect

from articles.models import Article, Photo
from articles.richtext import render_body
from tests.browser.conftest import open_picker
from tests.factories import ArticleFactory, SectionFactory

# Live-server tests need committed rows; the groups come from conftest's newsroom_groups.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FIRST = "Ban Quản lý Khu kinh tế tổ chức hội thảo về chuyển đổi xanh."
SECOND = "Các doanh nghiệp cam kết giảm phát thải trong năm năm tới."


def rendered_figure(article):
    """The first figure the reader page would show for ``article``'s body."""
    article = Article.objects.get(pk=article.pk)
    body = render_body(article.body, {photo.pk: photo for photo in article.photos.all()})
    figures = lxml_html.fragment_fromstring(body, create_parent="div").findall(".//figure")
    assert figures, body
    return figures[0]


def test_groups_come_from_the_migration(newsroom_groups):
    """The live-server tests run with the journalists' and editors' groups in place."""
    assert set(newsroom_groups.values_list("name", flat=True)) == {"Phóng viên", "Biên tập viên"}
    assert Group.objects.get(name="Phóng viên").permissions.filter(codename="add_photo").exists()


def test_journalist_inserts_a_library_photo_between_two_paragraphs(
    page, live_server, admin_login, journalist_user, harbour_photo, other_photo
):
    """Toolbar button, search, click: the body stores the reference between the paragraphs."""
    section = SectionFactory(name="Môi trường")
    admin_login(journalist_user)
    page.goto(f"{live_server.url}/admin/articles/article/add/")
    page.fill("#id_title", "Hải Phòng đẩy mạnh chuyển đổi xanh các khu công nghiệp")
    page.fill("#id_location", "Hải Phòng")
    page.fill("#id_sapo", "Hội thảo bàn cách đưa các khu công nghiệp sang sản xuất xanh.")
    page.select_option("#id_section", str(section.pk))

    editor = page.locator(".prose-editor .ProseMirror[contenteditable=true]")
    editor.click()
    page.keyboard.type(FIRST)
    page.keyboard.press("Enter")
    page.keyboard.type(SECOND)
    editor.locator("p").first.click()
    page.keyboard.press("End")

    dialog = open_picker(page)
    expect(dialog.locator(".news-photo-picker__item")).to_have_count(2)
    dialog.locator("input[name=q]").fill("cang lach huyen")  # no accents typed
    expect(dialog.locator(".news-photo-picker__item")).to_have_count(1)
    item = dialog.locator(f'.news-photo-picker__item[data-photo-id="{harbour_photo.pk}"]')
    expect(item).to_contain_text("Ảnh: Hoàng Tùng.")
    item.click()
    expect(dialog).to_have_count(0)

    placed = editor.locator(f'figure[data-photo-id="{harbour_photo.pk}"]')
    expect(placed).to_contain_text(harbour_photo.caption)
    expect(placed).to_contain_text("Ảnh: Hoàng Tùng.")
    expect(placed.locator("img")).to_have_attribute("src", re.compile(r"\.webp$"))

    page.click("input[name=_save]")
    page.wait_for_url(re.compile(r"/admin/articles/article/(\d+/change/)?(\?.*)?$"))
    article = Article.objects.get(title__startswith="Hải Phòng đẩy mạnh")
    reference = f'<figure class="news-photo" data-photo-id="{harbour_photo.pk}"></figure>'
    assert re.search(
        rf"<p>{re.escape(FIRST)}</p>\s*{re.escape(reference)}\s*<p>{re.escape(SECOND)}</p>",
        article.body,
    ), article.body
    assert list(article.photos.all()) == [harbour_photo]

    figure = rendered_figure(article)
    img = figure.find("img")
    assert img.get("width") == str(harbour_photo.width)
    assert img.get("height") == str(harbour_photo.height)
    assert harbour_photo.renditions["webp"][0][1] in img.get("srcset")
    caption = figure.find("figcaption")
    assert caption.text_content().split() == f"{harbour_photo.caption} Ảnh: Hoàng Tùng.".split()
    assert caption.find("span").text == "Ảnh: Hoàng Tùng."


def test_caption_changed_in_the_library_changes_every_figure(
    page, live_server, admin_login, journalist_user, harbour_photo
):
    """Editing the caption and credit in the photo library shows in the article and its editor."""
    article = ArticleFactory(
        body=(
            f'<p>{FIRST}</p><figure class="news-photo" data-photo-id="{harbour_photo.pk}">'
            f"</figure><p>{SECOND}</p>"
        ),
        created_by=journalist_user,
    )
    article.authors.add(journalist_user)
    assert "Cảng Lạch Huyện" in rendered_figure(article).find("figcaption").text_content()

    admin_login(journalist_user)
    page.goto(f"{live_server.url}/admin/articles/photo/{harbour_photo.pk}/change/")
    page.fill("#id_caption", "Bến container số 3 của cảng Lạch Huyện")
    page.fill("#id_credit", "Thu Hà")
    page.click("input[name=_save]")
    page.wait_for_url(re.compile(r"/admin/articles/photo/(\?.*)?$"))

    caption = rendered_figure(article).find("figcaption").text_content()
    assert "Bến container số 3 của cảng Lạch Huyện" in caption
    assert "Ảnh: Thu Hà." in caption
    assert "Hoàng Tùng" not in caption

    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    placed = page.locator(
        f'.ProseMirror[contenteditable=true] figure[data-photo-id="{harbour_photo.pk}"]'
    )
    expect(placed).to_contain_text("Bến container số 3 của cảng Lạch Huyện")
    expect(placed).to_contain_text("Ảnh: Thu Hà.")


def test_upload_from_the_editor_dialog_keeps_the_article(
    page, live_server, admin_login, journalist_user, tmp_path
):
    """A new photo uploaded in the dialog lands in the body; the unsaved article text stays."""
    admin_login(journalist_user)
    page.goto(f"{live_server.url}/admin/articles/article/add/")
    page.fill("#id_title", "Bài đang viết dở")
    editor = page.locator(".prose-editor .ProseMirror[contenteditable=true]")
    editor.click()
    page.keyboard.type(FIRST)

    dialog = open_picker(page)
    # Open already: uploading is not behind a click (issue #10).
    expect(dialog.locator("details.news-photo-picker__upload")).to_have_attribute("open", "")
    not_an_image = tmp_path / "ghi-chu.jpg"
    not_an_image.write_bytes(b"day khong phai la anh")
    dialog.locator("input[name=image]").set_input_files(str(not_an_image))
    dialog.locator("textarea[name=caption]").fill("Công nhân lắp tấm pin mặt trời")
    dialog.get_by_role("button", name="Tải lên và chèn").click()
    expect(dialog).to_contain_text("không phải là ảnh")
    assert not Photo.objects.exists()

    good = tmp_path / "pin-mat-troi.png"
    buffer = io.BytesIO()
    Image.new("RGB", (900, 600), "navy").save(buffer, format="PNG")
    good.write_bytes(buffer.getvalue())
    dialog.locator("input[name=image]").set_input_files(str(good))
    dialog.locator("input[name=credit]").fill("Thu Hà")
    dialog.get_by_role("button", name="Tải lên và chèn").click()
    expect(dialog).to_have_count(0)

    photo = Photo.objects.get()
    assert photo.caption == "Công nhân lắp tấm pin mặt trời"
    assert photo.uploaded_by == journalist_user
    placed = editor.locator(f'figure[data-photo-id="{photo.pk}"]')
    expect(placed).to_contain_text("Ảnh: Thu Hà.")
    expect(page.locator("#id_title")).to_have_value("Bài đang viết dở")
    expect(editor).to_contain_text(FIRST)


def test_editor_toolbar_speaks_vietnamese(page, live_server, admin_login, journalist_user):
    """The editor's own toolbar titles are English in its bundle; ours replace them."""
    admin_login(journalist_user)
    page.goto(f"{live_server.url}/admin/articles/article/add/")
    menubar = page.locator(".prose-menubar")
    expect(menubar.locator('button[title="Đậm"]')).to_have_count(1)
    expect(menubar.locator('button[title="Nghiêng"]')).to_have_count(1)
    expect(menubar.locator('button[title="Danh sách số"]')).to_have_count(1)
    expect(menubar.locator('button[title="bold"], button[title="italic"]')).to_have_count(0)
