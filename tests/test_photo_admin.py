"""The photo library admin: list, search, uploads one or many, the editor picker's JSON."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from articles.models import Photo
from tests.factories import PhotoFactory, UserFactory
from tests.images import encoded, with_metadata

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:articles_photo_changelist")
PICKER = reverse("admin:articles_photo_picker")
UPLOAD = reverse("admin:articles_photo_upload")
MULTI_UPLOAD = reverse("admin:articles_photo_multi_upload")


def image_file(name="anh.jpg", image_format="JPEG", size=(64, 48)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "orange").save(buffer, format=image_format)
    return SimpleUploadedFile(name, buffer.getvalue())


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


def test_admin_add_sets_uploaded_by(client, journalist):
    client.force_login(journalist)
    response = client.post(
        reverse("admin:articles_photo_add"),
        {"image": image_file(), "caption": "Cầu Rồng phun lửa", "credit": "Ảnh: Hoàng Tùng."},
    )
    assert response.status_code == 302
    photo = Photo.objects.get()
    assert photo.uploaded_by == journalist
    assert photo.credit == "Hoàng Tùng"
    assert photo.renditions["webp"]


def test_admin_add_refuses_a_gif_in_vietnamese(client, journalist):
    client.force_login(journalist)
    response = client.post(
        reverse("admin:articles_photo_add"),
        {"image": image_file("dong.gif", "GIF"), "caption": "Ảnh động"},
    )
    assert response.status_code == 200
    assert "có định dạng GIF; chỉ nhận JPEG, PNG hoặc WebP" in response.content.decode()
    assert response.context["adminform"].form["caption"].value() == "Ảnh động"
    assert not Photo.objects.exists()


def test_multi_upload_keeps_good_files_and_names_bad_ones(client, journalist):
    """Each good file becomes a photo with the shared caption; a bad file is named with why."""
    client.force_login(journalist)
    response = client.post(
        MULTI_UPLOAD,
        {
            "images": [
                image_file("cang.jpg"),
                image_file("bien.png", "PNG"),
                SimpleUploadedFile("ghi-chu.jpg", b"day khong phai anh"),
            ],
            "caption": "Lễ hội pháo hoa Đà Nẵng",
            "credit": "Hoàng Tùng",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "ghi-chu.jpg" in html
    assert "không phải là ảnh" in html
    assert "Đã tải lên 2 ảnh." in html
    assert response.context["form"]["caption"].value() == "Lễ hội pháo hoa Đà Nẵng"
    photos = Photo.objects.all()
    assert len(photos) == 2
    assert {p.caption for p in photos} == {"Lễ hội pháo hoa Đà Nẵng"}
    assert {p.uploaded_by for p in photos} == {journalist}
    assert all(p.renditions["webp"] for p in photos)


def test_multi_upload_all_good_goes_back_to_the_library(client, journalist):
    client.force_login(journalist)
    response = client.post(
        MULTI_UPLOAD,
        {"images": [image_file("a.jpg"), image_file("b.webp", "WEBP")], "caption": "Mùa lúa"},
    )
    assert response.status_code == 302
    assert response["Location"] == CHANGELIST
    assert Photo.objects.count() == 2


def test_multi_upload_needs_a_file_and_each_photo_a_caption(client, journalist):
    client.force_login(journalist)
    response = client.post(MULTI_UPLOAD, {"caption": "", "credit": "Hoàng Tùng"})
    assert "Hãy chọn ít nhất một tệp ảnh." in response.content.decode()
    response = client.post(MULTI_UPLOAD, {"images": [image_file("khong-chu-thich.jpg")]})
    html = response.content.decode()
    assert "khong-chu-thich.jpg" in html and "Hãy viết chú thích cho ảnh." in html
    assert not Photo.objects.exists()


def test_multi_upload_gives_each_photo_its_own_caption_and_credit(client, journalist):
    """Per photo (the page's script posts caption-0, credit-0…), else the shared fields,
    else what the file itself says (IPTC/XMP)."""
    captioned = SimpleUploadedFile(
        "co-iptc.jpg",
        with_metadata(encoded(), iptc={"Iptc.Application2.Caption": "Ghi sẵn trong tệp"}),
    )
    client.force_login(journalist)
    response = client.post(
        MULTI_UPLOAD,
        {
            "images": [image_file("mot.jpg"), image_file("hai.jpg"), captioned],
            "caption-0": "Chú thích riêng ảnh một",
            "credit-0": "Minh Đức",
            "credit": "Hoàng Tùng",
        },
    )
    assert response.status_code == 200  # "hai.jpg" has no caption anywhere
    assert "hai.jpg" in response.content.decode()
    photos = {p.caption: p.credit for p in Photo.objects.all()}
    assert photos == {
        "Chú thích riêng ảnh một": "Minh Đức",
        "Ghi sẵn trong tệp": "Hoàng Tùng",
    }
    assert response.context["form"]["credit"].value() == "Hoàng Tùng"  # kept for a retry


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("to.jpg", b"\xff" * (10 * 1024 * 1024 + 1)), "vượt giới hạn 10 MB"),
        (image_file("dong.gif", "GIF"), "có định dạng GIF"),
        (image_file("anh.bmp", "BMP"), "có định dạng BMP"),
        (image_file("anh.tiff", "PNG"), "phải có đuôi .jpg, .jpeg, .png hoặc .webp"),
        (SimpleUploadedFile("rong.jpg", b""), "rỗng"),
    ],
)
def test_upload_json_refuses_bad_files_in_vietnamese(client, journalist, upload, message):
    client.force_login(journalist)
    response = client.post(UPLOAD, {"image": upload, "caption": "Thử"})
    assert response.status_code == 400
    assert message in " ".join(response.json()["errors"]["image"])
    assert not Photo.objects.exists()


def test_upload_json_makes_a_photo_and_returns_it(client, journalist):
    client.force_login(journalist)
    response = client.post(
        UPLOAD, {"image": image_file(), "caption": "Phố cổ Hội An", "credit": "Minh Anh"}
    )
    assert response.status_code == 201
    data = response.json()["photo"]
    photo = Photo.objects.get()
    assert data["id"] == photo.pk
    assert data["caption"] == "Phố cổ Hội An"
    assert data["credit_line"] == "Ảnh: Minh Anh."
    assert photo.uploaded_by == journalist


def test_upload_json_needs_a_caption(client, journalist):
    client.force_login(journalist)
    response = client.post(UPLOAD, {"image": image_file()})
    assert response.status_code == 400
    assert response.json()["errors"]["caption"] == ["Hãy viết chú thích cho ảnh."]


def test_upload_json_is_post_only(client, journalist):
    client.force_login(journalist)
    assert client.get(UPLOAD).status_code == 405


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


@pytest.fixture
def staff_without_photo_perms(db):
    return UserFactory(username="khach", is_staff=True)


@pytest.mark.parametrize("url", [PICKER, "card"])
def test_picker_refuses_staff_without_view_photo(client, staff_without_photo_perms, url):
    photo = small_photo()
    if url == "card":
        url = reverse("admin:articles_photo_card", args=[photo.pk])
    client.force_login(staff_without_photo_perms)
    response = client.get(url)
    assert response.status_code == 403
    assert response.json()["error"] == "Bạn không có quyền xem thư viện ảnh."


def test_uploads_refuse_staff_without_add_photo(client, staff_without_photo_perms):
    client.force_login(staff_without_photo_perms)
    response = client.post(UPLOAD, {"image": image_file(), "caption": "Thử"})
    assert response.status_code == 403
    assert response.json()["error"] == "Bạn không có quyền tải ảnh lên."
    multi = client.post(MULTI_UPLOAD, {"images": [image_file()], "caption": "Thử"})
    assert multi.status_code == 403
    assert not Photo.objects.exists()


@pytest.mark.parametrize("url", [PICKER, UPLOAD, MULTI_UPLOAD])
def test_anonymous_visitors_are_sent_to_the_login(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_changelist_links_to_multi_upload(client, journalist):
    client.force_login(journalist)
    assert MULTI_UPLOAD in client.get(CHANGELIST).content.decode()
