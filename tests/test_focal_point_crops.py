"""Focal point and crops (issue #10): every door keeps the point inside the photo, and the
crops are cut around it, once, when the photo is saved, at their sizes and ratios."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction

from articles import renditions
from articles.models import Photo
from tests.factories import PhotoFactory
from tests.striped_photos import (
    BLUE,
    GREEN,
    RED,
    dominant,
    opened,
    social_image,
    striped_photo,
    striped_png,
)

pytestmark = pytest.mark.django_db

SITE = "https://bao.example"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.NEWSROOM_SITE_URL = SITE


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
