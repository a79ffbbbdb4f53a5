"""Focal point and crops (issue #10) in the admin: the photo form (click or type the point,
in per cent) and the article form saying what shares will show."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from lxml import html as lxml_html

from articles.models import Photo
from tests.factories import ArticleFactory, PhotoFactory, UserFactory
from tests.striped_photos import GREEN, RED, dominant, social_image, striped_photo, striped_png

pytestmark = pytest.mark.django_db

SITE = "https://bao.example"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.NEWSROOM_SITE_URL = SITE


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
