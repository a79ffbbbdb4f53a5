"""Focal point and crops (issue #10) as readers and shares see them: the 1.91:1 social crop
in ``og:image`` and JSON-LD, the first body photo or none without a lead photo, the card
crop on lists, the whole photo for a row from before the crops."""

import json

import pytest
from django.core.files.storage import default_storage
from django.test import Client
from lxml import html as lxml_html

from articles.models import Photo
from tests.factories import ArticleFactory, PhotoFactory
from tests.striped_photos import RED, dominant, opened, social_image, striped_photo

pytestmark = pytest.mark.django_db

SITE = "https://bao.example"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.NEWSROOM_SITE_URL = SITE


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
