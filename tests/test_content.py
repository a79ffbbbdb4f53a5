"""The content model: NFC text, Vietnamese slugs, sanitised bodies, banner, photos."""

import unicodedata

import pytest
from django.db import IntegrityError, transaction

from articles.models import Article, HotlineBanner, Tag
from articles.phones import tel_uri
from articles.text import vietnamese_slugify
from tests.factories import ArticleFactory, HotlineBannerFactory, PhotoFactory, SectionFactory

pytestmark = pytest.mark.django_db


def nfd(text):
    return unicodedata.normalize("NFD", text)


def test_text_sent_in_nfd_is_stored_in_nfc():
    title = "Hải Phòng đẩy mạnh chuyển đổi xanh"
    article = ArticleFactory(
        title=nfd(title), location=nfd("Hải Phòng"), sapo=nfd("Sapo tiếng Việt có dấu.")
    )
    article.refresh_from_db()
    assert article.title == title
    assert unicodedata.is_normalized("NFC", article.title)
    assert unicodedata.is_normalized("NFC", article.location)
    assert unicodedata.is_normalized("NFC", article.sapo)
    assert nfd(title) != title  # the test really fed decomposed text


def test_full_clean_normalises_too():
    article = ArticleFactory.build(section=SectionFactory(), title=nfd("Đà Nẵng mùa lễ hội"))
    article.full_clean()
    assert article.title == "Đà Nẵng mùa lễ hội"


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        (
            "Hải Phòng đẩy mạnh chuyển đổi xanh các khu công nghiệp",
            "hai-phong-day-manh-chuyen-doi-xanh-cac-khu-cong-nghiep",
        ),
        ("Đà Nẵng", "da-nang"),
        ("ĐẮK LẮK đón mùa cà phê", "dak-lak-don-mua-ca-phe"),
        ("ba bà bá bả bã bạ", "ba-ba-ba-ba-ba-ba"),  # every tone mark
        ("ă â ê ô ơ ư đ", "a-a-e-o-o-u-d"),  # every vowel mark and đ
        ("Ưu tiên Ở Ủy ban", "uu-tien-o-uy-ban"),
        ("  Giá xăng: tăng 5%!  ", "gia-xang-tang-5"),
    ],
)
def test_vietnamese_slugs(title, slug):
    assert vietnamese_slugify(title) == slug
    assert vietnamese_slugify(nfd(title)) == slug


def test_article_slug_is_made_on_the_server_from_the_title():
    article = ArticleFactory(title="Đường sắt Bắc – Nam tốc độ cao")
    assert article.slug == "duong-sat-bac-nam-toc-do-cao"


def test_tag_slugs_follow_the_same_rule():
    article = ArticleFactory()
    article.tags.add("Đồng bằng sông Cửu Long", "chuyển đổi xanh")
    assert set(Tag.objects.values_list("slug", flat=True)) == {
        "dong-bang-song-cuu-long",
        "chuyen-doi-xanh",
    }


@pytest.mark.parametrize(
    "hostile",
    [
        '<p>Xin chào</p><script>alert("x")</script>',
        '<p onclick="alert(1)">Xin chào</p>',
        '<p><a href="javascript:alert(1)">Xin chào</a></p>',
        '<p>Xin chào</p><img src="x" onerror="alert(1)">',
        '<p>Xin chào</p><iframe src="https://evil.example"></iframe>',
        '<p style="background:url(javascript:alert(1))">Xin chào</p>',
    ],
)
def test_hostile_html_never_reaches_the_database(hostile):
    article = ArticleFactory.build(section=SectionFactory(), body=hostile)
    article.full_clean()
    article.save()
    stored = Article.objects.get(pk=article.pk).body
    for bad in ("<script", "onclick", "onerror", "javascript:", "<iframe", "style="):
        assert bad not in stored.lower()
    assert "Xin chào" in stored


def test_the_editor_markup_survives_sanitising():
    photo = PhotoFactory()
    body = (
        "<h2>Tiêu đề phụ</h2><p><strong>Đậm</strong> <em>nghiêng</em> "
        '<a href="https://example.vn/">liên kết</a></p><ul><li><p>một</p></li></ul>'
        f"<ol><li><p>hai</p></li></ol><blockquote><p>trích</p></blockquote>"
        f'<figure class="news-photo" data-photo-id="{photo.pk}"></figure>'
    )
    article = ArticleFactory.build(section=SectionFactory(), body=body)
    article.full_clean()
    for kept in ("<h2>", "<strong>", "<em>", 'href="https://example.vn/"', "<ul>", "<ol>"):
        assert kept in article.body
    assert f'data-photo-id="{photo.pk}"' in article.body


def test_only_one_banner_can_be_active():
    HotlineBannerFactory(phone="0983.970.780", is_active=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        HotlineBanner.objects.create(phone="0912.345.678", is_active=True)
    HotlineBanner.objects.create(phone="0912.345.678", is_active=False)
    assert HotlineBanner.objects.active().count() == 1


@pytest.mark.parametrize(
    ("written", "uri"),
    [
        ("0983.970.780", "tel:+84983970780"),
        ("0983 970 780", "tel:+84983970780"),
        ("+84 983 970 780", "tel:+84983970780"),
        ("024.3822.1234", "tel:+842438221234"),
        ("1900 1234", "tel:19001234"),
    ],
)
def test_banner_phone_becomes_a_tel_link(written, uri):
    assert tel_uri(written) == uri


@pytest.mark.parametrize("bad", ["12345", "0983.970.78", "hotline", "0083970780"])
def test_banner_rejects_numbers_that_are_not_vietnamese(bad):
    from django.core.exceptions import ValidationError

    banner = HotlineBanner(phone=bad)
    with pytest.raises(ValidationError) as error:
        banner.full_clean()
    assert "Số điện thoại không hợp lệ" in str(error.value)


def test_banner_is_in_every_page_header(client):
    HotlineBannerFactory()
    html = client.get("/").content.decode()
    assert '<a href="tel:+84983970780">0983.970.780</a>' in html
    assert "Hotline" in html


def test_no_active_banner_no_banner(client):
    HotlineBannerFactory(is_active=False)
    assert "tel:" not in client.get("/").content.decode()


def test_renditions_are_made_once_when_the_photo_is_saved(monkeypatch):
    from articles import renditions

    calls = []
    real_make = renditions.make
    monkeypatch.setattr(renditions, "make", lambda photo: calls.append(photo) or real_make(photo))
    photo = PhotoFactory()
    assert len(calls) == 1
    widths = [width for width, _ in photo.renditions["webp"]]
    assert widths == [480, 800, 1200]
    assert photo.renditions["fallback"].endswith(".jpg")
    assert "480w" in photo.srcset and ".webp" in photo.srcset

    photo.caption = "Chú thích mới"
    photo.save()
    assert len(calls) == 1, "editing the caption must not redraw the renditions"


def test_reader_page_with_photos_makes_no_rendition(client, monkeypatch):
    from articles import renditions

    photo = PhotoFactory()
    article = ArticleFactory(
        live=True, body=f'<p>Một</p><figure data-photo-id="{photo.pk}"></figure><p>Hai</p>'
    )
    monkeypatch.setattr(renditions, "make", lambda photo: pytest.fail("rendition in a request"))
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200


def test_credit_line_and_prefix_typed_by_hand():
    assert PhotoFactory(credit="Hoàng Tùng").credit_line == "Ảnh: Hoàng Tùng."
    assert PhotoFactory(credit="Ảnh: Hoàng Tùng.").credit == "Hoàng Tùng"
    assert PhotoFactory(credit="").credit_line == ""


def test_body_photos_are_tracked_on_save():
    first, second = PhotoFactory(), PhotoFactory()
    article = ArticleFactory(
        body=f'<p>a</p><figure data-photo-id="{first.pk}"></figure>'
        f'<figure data-photo-id="{second.pk}"></figure><figure data-photo-id="999999"></figure>'
    )
    assert set(article.photos.all()) == {first, second}
