"""Issue #12's shared helpers: each rule written once and the callers that share it."""

from pathlib import Path

import feedparser
import pytest
from django.conf import settings
from django.core.files.storage import default_storage

from articles import dates
from articles.links import absolute_url
from articles.matching import filter_folded
from articles.models import Article, Photo, Tag
from articles.names import full_name
from articles.search import articles_matching, search_articles
from articles.text import derive_slug
from tests.factories import ArticleFactory, PhotoFactory, SectionFactory

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


# One choice of a rendition by width (Photo.rendition_name) ------------------------------

WEBP = [[480, "r/480.webp"], [800, "r/800.webp"], [1200, "r/1200.webp"]]


def photo_with(renditions):
    return Photo(image="photos/original.jpg", width=1600, height=1200, renditions=renditions)


@pytest.mark.parametrize(
    ("min_width", "name"),
    [(0, "r/480.webp"), (480, "r/480.webp"), (481, "r/800.webp"), (1200, "r/1200.webp")],
)
def test_the_smallest_rendition_at_least_as_wide(min_width, name):
    assert photo_with({"webp": WEBP, "fallback": "r/800.jpg"}).rendition_name(min_width) == name


def test_too_wide_a_wish_gets_the_widest_and_no_renditions_the_fallback_or_original():
    assert photo_with({"webp": WEBP}).rendition_name(5000) == "r/1200.webp"
    assert photo_with({"fallback": "r/800.jpg"}).rendition_name(800) == "r/800.jpg"
    assert photo_with({}).rendition_name(800) == "photos/original.jpg"
    assert photo_with({}).rendition_url(800) == "/media/photos/original.jpg"


def test_feeds_and_the_uncropped_share_take_the_same_choice(client):
    """The feed's enclosure is the photo's 800 px choice; a photo without crops shares
    its 1200 px choice."""
    photo = PhotoFactory(image__width=1600, image__height=1200)
    ArticleFactory(live=True, lead_photo=photo)
    (entry,) = feedparser.parse(client.get("/rss.xml").content).entries
    (enclosure,) = entry.enclosures
    assert dict(photo.renditions["webp"])[800] == photo.rendition_name(800)
    assert enclosure.href.endswith(photo.rendition_url(800))
    photo.renditions = {k: v for k, v in photo.renditions.items() if k not in ("card", "social")}
    assert (
        photo.social.src
        == photo.rendition_url(1200)
        == default_storage.url(dict(photo.renditions["webp"])[1200])
    )


# One derivation of a slug (articles.text.derive_slug) --------------------------------


def test_derive_slug_folds_falls_back_cuts_and_finds_a_free_one():
    assert derive_slug("Đà Nẵng – Hội An", fallback="x") == "da-nang-hoi-an"
    assert derive_slug("!!! 🎉", fallback="chuyen-muc") == "chuyen-muc"
    assert derive_slug("Hải Phòng đẩy mạnh", fallback="x", max_length=9) == "hai-phong"
    taken = {"hai-phong", "hai-phong-2"}
    assert derive_slug("Hải Phòng", fallback="x", taken=taken.__contains__) == "hai-phong-3"
    assert derive_slug(
        "Hải Phòng", fallback="x", max_length=10, taken={"hai-phong"}.__contains__
    ) == ("hai-phon-2")


def test_articles_sections_and_tags_take_their_slug_from_the_one_derivation(monkeypatch):
    """Whatever the rule becomes, every kind of slug follows it."""
    monkeypatch.setattr("articles.text.vietnamese_slugify", lambda text, max_length=200: "mot")
    article = ArticleFactory(title="Tiêu đề bất kỳ")
    section = SectionFactory(name="Chuyên mục bất kỳ", slug="")
    tag = Tag.objects.create(name="Thẻ bất kỳ")
    assert (article.slug, section.slug, tag.slug) == ("mot", "mot-2", "mot")


# Plain helpers in plain modules, re-exported by the template library ------------------


def test_the_template_library_re_exports_the_plain_helpers():
    from articles.templatetags.articles_tags import register

    assert register.filters["absolute"] is absolute_url
    assert register.filters["dateline"] is dates.dateline
    assert register.filters["iso_local"] is dates.iso_local
    assert register.filters["full_name"] is full_name


def test_python_code_never_imports_the_template_library():
    root = Path(settings.BASE_DIR)
    for path in [*root.glob("articles/**/*.py"), *root.glob("newsroom/**/*.py")]:
        if "templatetags" not in path.parts:
            assert "articles.templatetags" not in path.read_text(), path


def test_absolute_url(settings):
    settings.NEWSROOM_SITE_URL = "https://bao.example/"
    assert absolute_url("/thoi-su/") == "https://bao.example/thoi-su/"
    assert absolute_url("https://cdn.example/a.webp") == "https://cdn.example/a.webp"
    assert absolute_url("") == ""
