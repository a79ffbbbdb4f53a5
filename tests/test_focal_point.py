"""Focal point and crops (issue #10): the social image and list cards are cut around the
point the editor chose, once, when the photo is saved; shares show the 1.91:1 crop."""

import io
import json

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse
from lxml import html as lxml_html
from PIL import Image

from articles import renditions
from articles.models import Photo
from tests.factories import ArticleFactory, PhotoFactory, UserFactory

pytestmark = pytest.mark.django_db

SITE = "https://bao.example"
RED, GREEN, BLUE = (220, 20, 20), (20, 180, 20), (20, 20, 220)


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.NEWSROOM_SITE_URL = SITE


def striped_png(width=3000, height=600):
    """Left third red, middle third green, right third blue."""
    image = Image.new("RGB", (width, height), GREEN)
    image.paste(RED, (0, 0, width // 3, height))
    image.paste(BLUE, (2 * width // 3, 0, width, height))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return ContentFile(buffer.getvalue(), name="ba-dai-mau.png")


def striped_photo(**fields):
    photo = Photo(image=striped_png(), caption="Ba dải màu", credit="Hoàng Tùng", **fields)
    photo.save()
    return photo


def opened(name):
    with default_storage.open(name) as f:
        image = Image.open(f)
        image.load()
    return image


def dominant(image):
    """The colour (of red, green, blue) most pixels are closest to."""
    counts = {RED: 0, GREEN: 0, BLUE: 0}
    for count, pixel in image.convert("RGB").getcolors(image.width * image.height):
        nearest = min(
            counts, key=lambda c: sum((a - b) ** 2 for a, b in zip(c, pixel, strict=True))
        )
        counts[nearest] += count
    return max(counts, key=counts.get)


def social_image(photo):
    return opened(photo.renditions["social"]["name"])


# The model: every door keeps the focal point inside the photo


@pytest.mark.parametrize("x, y", [(1.7, 0.5), (0.5, -0.1), (float("nan"), 0.5), (None, 0.5)])
def test_a_focal_point_outside_the_photo_is_refused_through_the_orm(x, y):
    """The shell and importers: save() refuses, in Vietnamese, before anything is stored."""
    with pytest.raises(ValidationError) as caught:
        Photo(image=striped_png(30, 20), caption="Ảnh", focal_x=x, focal_y=y).save()
    assert "Điểm lấy nét phải nằm trong ảnh" in str(caught.value)
    assert not Photo.objects.exists()


def test_full_clean_names_the_coordinate_outside_the_photo():
    photo = PhotoFactory()
    photo.focal_y = 1.01
    with pytest.raises(ValidationError) as caught:
        photo.full_clean()
    assert list(caught.value.message_dict) == ["focal_y"]
    assert "từ 0 đến 1" in caught.value.message_dict["focal_y"][0]


def test_the_database_refuses_what_bypasses_save():
    photo = PhotoFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Photo.objects.filter(pk=photo.pk).update(focal_x=1.7)


def test_the_edges_and_the_centre_are_inside():
    for x, y in [(0, 0), (1, 1), (0.5, 0.5)]:
        PhotoFactory(focal_x=x, focal_y=y).full_clean()


# The crops


def test_crops_have_their_sizes_and_ratios(settings):
    photo = PhotoFactory()  # 1600 × 900
    social = photo.renditions["social"]
    assert social["size"] == [1200, 630]
    image = opened(social["name"])
    assert (image.format, image.size) == ("JPEG", (1200, 630))
    card = photo.renditions["card"]
    assert [width for width, _ in card["webp"]] == [480, 800]
    for width, name in card["webp"]:
        image = opened(name)
        assert image.format == "WEBP"
        assert image.size == (width, round(width * 2 / 3))
    assert card["size"] == [800, 533]
    assert opened(card["fallback"]).format == "JPEG"
    assert photo.social.src == default_storage.url(social["name"])
    assert (photo.card.width, photo.card.height) == (800, 533)


def test_a_small_photo_is_cropped_but_never_enlarged():
    photo = PhotoFactory(image__width=300, image__height=300)
    social = photo.renditions["social"]
    assert social["size"] == [300, 158]  # 1.91:1, as wide as the photo
    assert opened(social["name"]).size == (300, 158)
    assert [width for width, _ in photo.renditions["card"]["webp"]] == [300]
    assert photo.renditions["card"]["size"] == [300, 200]


def test_the_crop_window_follows_the_focal_point():
    """Red left, blue right: the social image is red with the point on the left, blue with
    it on the right, green in the middle; the list card too."""
    assert dominant(social_image(striped_photo(focal_x=0.05))) == RED
    assert dominant(social_image(striped_photo(focal_x=0.95))) == BLUE
    assert dominant(social_image(striped_photo())) == GREEN
    left = striped_photo(focal_x=0)
    assert dominant(opened(left.renditions["card"]["webp"][-1][1])) == RED
    assert left.social.width == 1143  # 600 px high: the widest 1.91:1 window, not enlarged


def test_crop_position_centres_the_window_on_the_point_and_keeps_it_inside():
    photo = Photo(width=3000, height=600, focal_x=0.5, focal_y=0.5)
    assert renditions.crop_position(photo, 1200 / 630) == "50% 50%"
    photo.focal_x = 0.4  # centre at 1200 px, window 1143 wide: starts at 628.5 of 1857
    assert renditions.crop_position(photo, 1200 / 630) == "34% 50%"
    photo.focal_x = 0.01  # would start left of the photo: pushed back to its edge
    assert renditions.crop_position(photo, 1200 / 630) == "0% 50%"
    photo.focal_x = 1
    assert renditions.crop_position(photo, 1200 / 630) == "100% 50%"


def test_moving_only_the_focal_point_remakes_the_crops_and_only_them(monkeypatch):
    photo = striped_photo(focal_x=0.05)
    whole = photo.renditions["webp"], photo.renditions["fallback"]
    calls = []
    real = renditions.make_crops
    monkeypatch.setattr(renditions, "make_crops", lambda p: calls.append(p) or real(p))
    monkeypatch.setattr(renditions, "make", lambda p: pytest.fail("whole photo remade"))

    photo.caption = "Chú thích mới"
    photo.save()
    assert calls == [], "a caption edit keeps the crops"

    photo.focal_x = 0.95
    photo.save()
    assert len(calls) == 1
    photo.refresh_from_db()
    assert (photo.renditions["webp"], photo.renditions["fallback"]) == whole
    assert photo.renditions["focal"] == [0.95, 0.5]
    assert dominant(social_image(photo)) == BLUE


def test_a_row_from_before_the_crops_shows_the_whole_photo_until_saved():
    photo = PhotoFactory()
    old = {key: photo.renditions[key] for key in ("webp", "fallback")}
    Photo.objects.filter(pk=photo.pk).update(renditions=old)
    photo.refresh_from_db()
    assert photo.card.src == photo.src and photo.card.srcset == photo.srcset
    assert (photo.card.width, photo.card.height) == (1600, 900)
    assert photo.social.src == photo.rendition_url(1200) and photo.social.width == 0

    article = ArticleFactory(live=True, lead_photo=photo)
    tree = lxml_html.fromstring(_get(article))
    assert tree.xpath("//meta[@property='og:image']/@content") == [
        SITE + photo.rendition_url(1200)
    ]
    assert not tree.xpath("//meta[@property='og:image:width']")

    photo.save()  # any later save cuts them
    assert photo.renditions["social"]["size"] == [1200, 630]


# The article page


def _get(article):
    response = Client().get(article.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def head(article):
    tree = lxml_html.fromstring(_get(article))
    meta = {
        key: tree.xpath(f"//meta[@property='{key}' or @name='{key}']/@content")
        for key in (
            "og:image",
            "og:image:width",
            "og:image:height",
            "og:image:alt",
            "twitter:image",
            "twitter:card",
        )
    }
    (script,) = tree.xpath("//script[@type='application/ld+json']/text()")
    return meta, json.loads(script)


def test_og_image_and_json_ld_are_the_social_crop():
    photo = striped_photo(focal_x=0.05, alt_text="Dải đỏ bên trái")
    article = ArticleFactory(live=True, lead_photo=photo)
    meta, data = head(article)
    url = SITE + photo.social.src
    assert meta["og:image"] == [url] and meta["twitter:image"] == [url]
    assert meta["og:image:width"] == ["1143"] and meta["og:image:height"] == ["600"]
    assert meta["og:image:alt"] == ["Dải đỏ bên trái"]
    assert meta["twitter:card"] == ["summary_large_image"]
    assert data["image"] == [url]
    assert url.endswith(".jpg")
    assert dominant(social_image(photo)) == RED


def test_without_a_lead_photo_shares_show_the_first_body_photo():
    first = PhotoFactory(caption="Ảnh đầu tiên")
    second = PhotoFactory(caption="Ảnh thứ hai")
    body = "".join(
        f'<p>Đoạn.</p><figure class="news-photo" data-photo-id="{p.pk}"></figure>'
        for p in (first, second)
    )
    article = ArticleFactory(live=True, body=body)
    meta, data = head(article)
    url = SITE + first.social.src
    assert meta["og:image"] == [url] and data["image"] == [url]
    assert meta["og:image:width"] == ["1200"] and meta["og:image:height"] == ["630"]
    assert meta["og:image:alt"] == ["Ảnh đầu tiên"]
    assert article.share_photo() == first

    first.delete()  # a deleted photo is skipped, as the body skips it
    article.refresh_from_db()
    assert article.share_photo() == second
    assert head(article)[0]["og:image"] == [SITE + second.social.src]


def test_without_any_photo_shares_show_none():
    article = ArticleFactory(live=True)
    meta, data = head(article)
    assert meta["og:image"] == [] and "image" not in data
    assert meta["twitter:card"] == ["summary"]
    assert article.share_photo() is None


def test_list_cards_show_the_card_crop_with_its_size(client):
    photo = striped_photo(focal_x=0.05)
    article = ArticleFactory(live=True, lead_photo=photo)
    tree = lxml_html.fromstring(client.get(article.section.get_absolute_url()).content)
    (img,) = tree.xpath("//img[@class='card-photo']")
    card = photo.renditions["card"]
    assert img.get("src") == default_storage.url(card["fallback"])
    assert img.get("srcset") == photo.card.srcset
    assert (img.get("width"), img.get("height")) == ("800", "533")
    assert dominant(opened(card["fallback"])) == RED


# The photo form: click or type the point, in per cent


def photo_change_url(photo):
    return reverse("admin:articles_photo_change", args=[photo.pk])


def photo_form_data(photo, **changes):
    data = {
        "caption": photo.caption,
        "credit": photo.credit,
        "alt_text": photo.alt_text,
        "focal_x": "50",
        "focal_y": "50",
    }
    return {**data, **changes}


def test_photo_form_shows_the_photo_to_click_the_point_and_the_crops(client, journalist):
    photo = striped_photo(focal_x=0.25, focal_y=0.6)
    client.force_login(journalist)
    tree = lxml_html.fromstring(client.get(photo_change_url(photo)).content.decode())
    (picker,) = tree.xpath("//div[@class='focal-picker']")
    assert picker.xpath(".//img[@class='focal-image']/@src") == [photo.src]
    crops = picker.xpath(".//figure[@class='focal-crop']/img/@src")
    assert crops == [photo.social.src, photo.card.src]
    assert tree.xpath("//input[@name='focal_x']/@value") == ["25.0"]
    assert tree.xpath("//input[@name='focal_y']/@value") == ["60.0"]
    labels = [" ".join(label.text_content().split()) for label in tree.xpath("//label")]
    assert "Điểm lấy nét ngang (%):" in labels and "Điểm lấy nét dọc (%):" in labels
    assert "articles/admin/photo-focal.js" in client.get(photo_change_url(photo)).content.decode()


def test_the_add_form_has_no_point_yet(client, journalist):
    client.force_login(journalist)
    html = client.get(reverse("admin:articles_photo_add")).content.decode()
    assert 'name="focal_x"' not in html and "focal-picker" not in html


def test_saving_the_photo_form_with_a_new_point_recuts_the_social_image(client, journalist):
    photo = striped_photo()
    assert dominant(social_image(photo)) == GREEN
    client.force_login(journalist)
    response = client.post(
        photo_change_url(photo), photo_form_data(photo, focal_x="3.5", focal_y="40")
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    photo.refresh_from_db()
    assert (photo.focal_x, photo.focal_y) == (0.035, 0.4)
    assert dominant(social_image(photo)) == RED


@pytest.mark.parametrize("value", ["150", "-1", "abc"])
def test_a_point_outside_the_photo_is_refused_in_vietnamese(client, journalist, value):
    photo = PhotoFactory()
    client.force_login(journalist)
    response = client.post(photo_change_url(photo), photo_form_data(photo, focal_x=value))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["focal_x"]
    assert errors and all("Đảm bảo" in e or "Nhập một số" in e for e in errors), errors
    photo.refresh_from_db()
    assert photo.focal_x == 0.5


def test_an_empty_box_keeps_the_point(client, journalist):
    photo = striped_photo(focal_x=0.2)
    client.force_login(journalist)
    response = client.post(photo_change_url(photo), photo_form_data(photo, focal_x=""))
    assert response.status_code == 302
    photo.refresh_from_db()
    assert photo.focal_x == 0.2


def test_uploads_without_a_point_are_centred(client, journalist):
    client.force_login(journalist)
    upload = SimpleUploadedFile("anh.png", striped_png(300, 100).read())
    response = client.post(
        reverse("admin:articles_photo_upload"), {"image": upload, "caption": "Ảnh mới"}
    )
    assert response.status_code == 201, response.content
    photo = Photo.objects.get()
    assert (photo.focal_x, photo.focal_y) == (0.5, 0.5)
    assert response.json()["photo"]["card"]["src"] == photo.card.src


# The article form: the lead photo as cards show it, and what shares will show


def article_form(client, user, article):
    client.force_login(user)
    url = reverse("admin:articles_article_change", args=[article.pk])
    tree = lxml_html.fromstring(client.get(url).content.decode())
    (preview,) = tree.xpath("//div[@class='lead-photo-preview']")
    note = " ".join(preview.xpath(".//p[@class='share-photo-note']")[0].text_content().split())
    return preview, note


def test_the_article_form_says_shares_show_the_lead_photo(client, editor):
    lead, body_photo = PhotoFactory(caption="Ảnh đại diện"), PhotoFactory(caption="Trong bài")
    article = ArticleFactory(
        lead_photo=lead, body=f'<figure class="news-photo" data-photo-id="{body_photo.pk}">'
    )
    preview, note = article_form(client, editor, article)
    assert note == "Ảnh khi bạn đọc chia sẻ bài: ảnh đại diện này."
    assert preview.xpath(".//img[@class='lead-photo-image']/@src") == [lead.card.src]
    # What lead-photo.js shows when the lead photo is taken away, before saving:
    assert preview.xpath("./p/@data-body") == [
        "Ảnh khi bạn đọc chia sẻ bài: ảnh đầu tiên trong thân bài, “{caption}”."
    ]


def test_the_article_form_says_shares_show_the_first_body_photo(client, editor):
    body_photo = PhotoFactory(caption="Công nhân trong nhà máy")
    article = ArticleFactory(
        body=f'<p>Đoạn.</p><figure class="news-photo" data-photo-id="{body_photo.pk}">'
    )
    preview, note = article_form(client, editor, article)
    assert note == (
        "Ảnh khi bạn đọc chia sẻ bài: ảnh đầu tiên trong thân bài, “Công nhân trong nhà máy”."
    )
    assert preview.xpath(".//img[@class='lead-photo-image']/@hidden")


def test_the_article_form_says_shares_show_no_photo(client, editor):
    _, note = article_form(client, editor, ArticleFactory())
    assert note.startswith("Ảnh khi bạn đọc chia sẻ bài: không có ảnh")


def test_the_photo_card_json_answers_only_who_may_use_the_library(client, editor):
    photo = PhotoFactory()
    url = reverse("admin:articles_photo_card", args=[photo.pk])
    client.force_login(editor)
    card = client.get(url).json()["photo"]["card"]
    assert card == {"src": photo.card.src, "width": 800, "height": 533}
    client.force_login(UserFactory(username="khach", is_staff=True))
    assert client.get(url).status_code == 403
