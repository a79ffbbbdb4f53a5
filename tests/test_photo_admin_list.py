"""The photo library admin's list and the editor picker's JSON: stored thumbnails only (a
fixed query count, no thumbnail made in a request), search without accents, pages."""

import pytest
from django.urls import reverse

from articles.models import Photo
from tests.factories import PhotoFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:articles_photo_changelist")
PICKER = reverse("admin:articles_photo_picker")


def small_photo(**kwargs):
    return PhotoFactory(image__width=120, image__height=90, **kwargs)


@pytest.fixture
def forbid_thumbnails(monkeypatch):
    """Call it once the photos exist: from then on, making a thumbnail fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError("a thumbnail was generated inside a request")

    def arm():
        monkeypatch.setattr("articles.renditions.get_thumbnail", refuse)
        monkeypatch.setattr("sorl.thumbnail.get_thumbnail", refuse)

    return arm


@pytest.mark.parametrize("count", [1, 10])
def test_changelist_query_count_does_not_grow_with_photos(
    client, journalist, django_assert_num_queries, count, forbid_thumbnails
):
    """The photo list costs the same number of queries for 1 or 10 photos."""
    for _ in range(count):
        photo = small_photo()
        Photo.objects.filter(pk=photo.pk).update(uploaded_by=journalist)
    client.force_login(journalist)
    forbid_thumbnails()
    with django_assert_num_queries(7):  # no hotline banner: no reader header (issue #13)
        response = client.get(CHANGELIST)
    assert response.status_code == 200
    assert response.content.decode().count('class="photo-thumb"') == count


def test_changelist_shows_stored_thumbnails_uploader_and_missing_credit(
    client, journalist, forbid_thumbnails
):
    """Thumbnails are stored renditions; a photo without credit is flagged."""
    journalist.first_name, journalist.last_name = "Lan", "Nguyễn"
    journalist.save()
    credited = small_photo(caption="Cảng Lạch Huyện", credit="Hoàng Tùng")
    uncredited = small_photo(caption="Chợ nổi Cái Răng", credit="")
    Photo.objects.update(uploaded_by=journalist)
    client.force_login(journalist)
    forbid_thumbnails()
    html = client.get(CHANGELIST).content.decode()
    smallest = credited.renditions["webp"][0][1]
    assert smallest in html
    assert "Hoàng Tùng" in html
    assert "thiếu tác giả ảnh" in html
    assert "Nguyễn Lan" in html  # family name first
    assert uncredited.caption in html


def test_changelist_filters_photos_without_credit(client, journalist):
    small_photo(caption="Sông Hương mùa thu", credit="Hoàng Tùng")
    small_photo(caption="Không ai chụp", credit="")
    client.force_login(journalist)
    html = client.get(CHANGELIST, {"tac_gia": "thieu"}).content.decode()
    assert "Không ai chụp" in html
    assert "Sông Hương mùa thu" not in html


@pytest.mark.parametrize("term", ["hai phong", "Hải Phòng", "HAI PHÒNG", "hoang tung"])
def test_changelist_search_ignores_accents(client, journalist, term):
    """Searching ``hai phong`` finds ``Hải Phòng``; the credit is searched too."""
    small_photo(caption="Cảng biển Hải Phòng lúc bình minh", credit="Hoàng Tùng")
    small_photo(caption="Ruộng bậc thang Mù Cang Chải", credit="Minh Anh")
    client.force_login(journalist)
    html = client.get(CHANGELIST, {"q": term}).content.decode()
    assert "Cảng biển Hải Phòng" in html
    assert "Mù Cang Chải" not in html


def test_picker_json_lists_photos_newest_first_with_stored_thumbnails(
    client, journalist, forbid_thumbnails
):
    older = small_photo(caption="Cầu Long Biên", credit="Hoàng Tùng")
    newer = small_photo(caption="Hồ Gươm", credit="")
    client.force_login(journalist)
    forbid_thumbnails()
    data = client.get(PICKER).json()
    assert [row["id"] for row in data["results"]] == [newer.pk, older.pk]
    row = data["results"][1]
    assert row["caption"] == "Cầu Long Biên"
    assert row["credit_line"] == "Ảnh: Hoàng Tùng."
    assert row["thumbnail"].endswith(older.renditions["webp"][0][1])
    assert data["has_more"] is False


def test_picker_json_search_ignores_accents(client, journalist):
    small_photo(caption="Đà Nẵng về đêm")
    small_photo(caption="Hà Giang mùa hoa tam giác mạch")
    client.force_login(journalist)
    data = client.get(PICKER, {"q": "da nang"}).json()
    assert [row["caption"] for row in data["results"]] == ["Đà Nẵng về đêm"]


def test_picker_json_pages(client, journalist):
    for _ in range(25):
        small_photo()
    client.force_login(journalist)
    first = client.get(PICKER).json()
    second = client.get(PICKER, {"page": 2}).json()
    assert len(first["results"]) == 24
    assert first["has_more"] is True
    assert len(second["results"]) == 1
    assert second["has_more"] is False


def test_card_json_and_a_missing_photo(client, journalist):
    photo = small_photo(caption="Vịnh Hạ Long")
    client.force_login(journalist)
    card = reverse("admin:articles_photo_card", args=[photo.pk])
    assert client.get(card).json()["photo"]["caption"] == "Vịnh Hạ Long"
    gone = client.get(reverse("admin:articles_photo_card", args=[photo.pk + 1000]))
    assert gone.status_code == 404
    assert "không còn trong thư viện" in gone.json()["error"]
