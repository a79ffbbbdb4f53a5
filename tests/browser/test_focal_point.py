"""The focal point in a real browser (issue #10): a click on the photo moves the crop that
shares show; the lead photo preview follows the autocomplete before the article is saved."""

import io
import re

import pytest
from django.core.files.base import ContentFile
from lxml import html as lxml_html
from PIL import Image
from playwright.sync_api import expect

from articles.models import Photo
from tests.factories import ArticleFactory, PhotoFactory, staff_member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RED, BLUE = (220, 20, 20), (20, 20, 220)


def halves_photo():
    """3600 × 1200, left half red, right half blue: the widest 1.91:1 window is 2286 px wide,
    so where it sits decides how much red the social image holds."""
    image = Image.new("RGB", (3600, 1200), BLUE)
    image.paste(RED, (0, 0, 1800, 1200))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    photo = Photo(
        image=ContentFile(buffer.getvalue(), name="hai-nua.png"),
        caption="Hai nửa đỏ và xanh",
        credit="Hoàng Tùng",
    )
    photo.save()
    return photo


def red_share(image):
    colours = image.convert("RGB").getcolors(image.width * image.height)
    return sum(count for count, (r, _, b) in colours if r > b) / (image.width * image.height)


def shared_image(page, url):
    """The og:image of the page at ``url``, fetched as a crawler would, and opened."""
    page.goto(url)
    tree = lxml_html.fromstring(page.content())
    (og_image,) = tree.xpath("//meta[@property='og:image']/@content")
    size = [tree.xpath(f"//meta[@property='og:image:{k}']/@content") for k in ("width", "height")]
    response = page.request.get(og_image)
    assert response.ok, og_image
    image = Image.open(io.BytesIO(response.body()))
    image.load()
    return image, size


def test_a_click_near_the_left_edge_cuts_the_shared_image_from_the_left(
    page, live_server, admin_login, settings
):
    settings.NEWSROOM_SITE_URL = live_server.url  # og:image is fetched from the live server
    editor = staff_member("Biên tập viên", username="bientap-lay-net")
    photo = halves_photo()
    article = ArticleFactory(live=True, lead_photo=photo)
    article_url = f"{live_server.url}{article.get_absolute_url()}"
    before, _ = shared_image(page, article_url)
    assert 0.4 < red_share(before) < 0.6  # centred: as much red as blue

    admin_login(editor)
    page.goto(f"{live_server.url}/admin/articles/photo/{photo.pk}/change/")
    image = page.locator(".focal-picker .focal-image")
    box = image.bounding_box()
    image.click(position={"x": 4, "y": box["height"] / 2})
    focal_x = float(page.input_value("#id_focal_x"))
    assert focal_x < 1.5, focal_x
    assert abs(float(page.input_value("#id_focal_y")) - 50) < 1
    expect(page.locator(".focal-marker")).to_be_visible()
    # The previews already show the left part, before saving.
    social_preview = page.locator(".focal-crop").first.locator("img")
    expect(social_preview).to_have_css("object-position", re.compile(r"^0% "))

    page.click("input[name=_save]")
    page.wait_for_url(re.compile(r"/admin/articles/photo/(\?.*)?$"))
    photo.refresh_from_db()
    assert photo.focal_x == pytest.approx(focal_x / 100)

    after, size = shared_image(page, article_url)
    assert (after.format, after.size) == ("JPEG", (1200, 630))
    assert size == [["1200"], ["630"]]
    assert red_share(after) > 0.75  # the window starts at the left edge: 1800 of 2286 px
    assert after.getpixel((5, 315))[0] > 200 and after.getpixel((1195, 315))[2] > 200


def test_the_lead_photo_preview_follows_the_pick_before_saving(page, live_server, admin_login):
    editor = staff_member("Biên tập viên", username="bientap-anh-dai-dien")
    harbour = PhotoFactory(caption="Cảng Lạch Huyện lúc bình minh")
    field = PhotoFactory(caption="Ruộng bậc thang Mù Cang Chải", credit="Minh Anh")
    in_body = PhotoFactory(caption="Công nhân trong nhà máy điện gió")
    article = ArticleFactory(
        lead_photo=harbour,
        body=f'<p>Đoạn.</p><figure class="news-photo" data-photo-id="{in_body.pk}"></figure>',
    )
    admin_login(editor)
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    preview = page.locator(".lead-photo-preview")
    image = preview.locator(".lead-photo-image")
    note = preview.locator(".share-photo-note")
    expect(image).to_have_attribute("src", harbour.card.src)
    expect(note).to_have_text("Ảnh khi bạn đọc chia sẻ bài: ảnh đại diện này.")

    page.locator(".field-lead_photo .select2-selection").click()
    search = page.locator(".select2-container--open .select2-search__field")
    search.type("ruong bac thang")
    page.locator(".select2-results__option", has_text="Mù Cang Chải").click()
    expect(image).to_have_attribute("src", field.card.src)
    expect(preview.locator(".lead-photo-caption")).to_have_text(
        "Ruộng bậc thang Mù Cang Chải Ảnh: Minh Anh."
    )

    # Without a lead photo, shares show the body's first photo; the form says which.
    page.locator(".field-lead_photo .select2-selection__clear").click()
    expect(image).to_be_hidden()
    expect(note).to_have_text(
        "Ảnh khi bạn đọc chia sẻ bài: ảnh đầu tiên trong thân bài, "
        "“Công nhân trong nhà máy điện gió”."
    )
    article.refresh_from_db()
    assert article.lead_photo_id == harbour.pk  # nothing saved yet
