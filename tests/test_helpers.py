"""Issue #12's shared helpers: each rule written once and the callers that share it."""

import pytest

from articles.matching import filter_folded
from articles.models import Article, Photo, Tag
from articles.search import articles_matching, search_articles
from tests.factories import ArticleFactory, PhotoFactory

pytestmark = pytest.mark.django_db


# One accent-insensitive filter (articles.matching) ------------------------------------


def test_articles_match_whole_words_on_every_database(client, editor):
    """``hai`` is not ``khai``, for readers and in the admin, on SQLite as on PostgreSQL."""
    plain = {"location": "", "sapo": "Sapo.", "body": "<p>Nội dung.</p>", "live": True}
    hai = ArticleFactory(title="Hai tàu cập cảng", **plain)
    ArticleFactory(title="Khai mạc lễ hội", **{**plain, "sapo": "Khai trương."})
    assert list(search_articles("hai")) == [hai]
    assert list(articles_matching(Article.objects.all(), "HAI")) == [hai]
    client.force_login(editor)
    page = client.get("/admin/articles/article/", {"q": "hai"}).content.decode()
    assert "Hai tàu cập cảng" in page and "Khai mạc" not in page


def test_photos_match_any_part_of_a_word_as_the_picker_types(client, journalist):
    photo = PhotoFactory(caption="Cầu Rồng", credit="Hoàng Tùng")
    PhotoFactory(caption="Sông Hàn", credit="Minh Anh")
    assert list(filter_folded(Photo.objects.all(), "hoan tu", ["search_text"])) == [photo]
    client.force_login(journalist)
    data = client.get("/admin/articles/photo/picker/", {"q": "HOÀN"}).json()
    assert [row["id"] for row in data["results"]] == [photo.pk]


def test_a_query_without_words_filters_nothing():
    PhotoFactory()
    photos = Photo.objects.all()
    assert filter_folded(photos, "!!! %", ["search_text"]) is photos


def test_tags_are_found_by_their_folded_words(client, editor):
    ArticleFactory().tags.add("Hải Phòng", "Phòng chống thiên tai", "Đà Nẵng")
    client.force_login(editor)
    page = client.get("/admin/articles/tag/", {"q": "phong hai"}).content.decode()
    assert "Hải Phòng" in page and "thiên tai" not in page and "Đà Nẵng" not in page
    assert Tag.objects.count() == 3
