"""Photos arrive captioned (issue #10): caption and credit from the file's IPTC and XMP."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles import images
from articles.models import Photo
from tests.images import encoded, with_metadata

pytestmark = pytest.mark.django_db

METADATA = reverse("admin:articles_photo_metadata")
ADD = reverse("admin:articles_photo_add")
UPLOAD = reverse("admin:articles_photo_upload")

IPTC = {
    "Iptc.Application2.Caption": "Tàu container cập cảng Lạch Huyện lúc bình minh.",
    "Iptc.Application2.Byline": ["Hoàng Tùng"],
    "Iptc.Application2.Credit": "Báo Hải Phòng",
}
XMP = {
    "Xmp.dc.description": {'lang="x-default"': "Ruộng bậc thang Mù Cang Chải mùa lúa chín."},
    "Xmp.photoshop.Credit": "Minh Đức",
}


def upload(data, name="anh.jpg"):
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


def test_iptc_caption_and_by_line(client, journalist):
    client.force_login(journalist)
    response = client.post(METADATA, {"image": upload(with_metadata(encoded(), iptc=IPTC))})
    assert response.status_code == 200
    assert response.json() == {
        "caption": "Tàu container cập cảng Lạch Huyện lúc bình minh.",
        "credit": "Hoàng Tùng",  # the photographer, before the agency's credit line
    }


@pytest.mark.parametrize("image_format, name", [("JPEG", "anh.jpg"), ("WEBP", "anh.webp")])
def test_xmp_description_and_credit(client, journalist, image_format, name):
    client.force_login(journalist)
    data = with_metadata(encoded(image_format), xmp=XMP)
    response = client.post(METADATA, {"image": upload(data, name)})
    assert response.json() == {
        "caption": "Ruộng bậc thang Mù Cang Chải mùa lúa chín.",
        "credit": "Minh Đức",
    }


def test_a_file_without_metadata_gives_empty_fields(client, journalist):
    client.force_login(journalist)
    response = client.post(METADATA, {"image": upload(encoded())})
    assert response.json() == {"caption": "", "credit": ""}


def test_bad_files_and_doors(client, journalist):
    client.force_login(journalist)
    response = client.post(METADATA, {"image": upload(b"not an image at all")})
    assert response.status_code == 400
    assert "không phải là ảnh" in response.json()["error"]
    assert client.post(METADATA).json()["error"] == "Hãy chọn một tệp ảnh."
    assert client.get(METADATA).status_code == 405
    client.logout()
    assert client.post(METADATA, {"image": upload(encoded())}).status_code == 302  # login


def test_the_add_form_names_the_metadata_url(client, journalist):
    client.force_login(journalist)
    page = client.get(ADD).content.decode()
    assert f'data-metadata-url="{METADATA}"' in page
    assert "photo-metadata.js" in page


def test_left_empty_caption_and_credit_come_from_the_file(client, journalist):
    """Without the page's script (or from an importer's form post) the same prefill."""
    client.force_login(journalist)
    data = with_metadata(encoded(), iptc=IPTC)
    response = client.post(UPLOAD, {"image": upload(data), "caption": "", "credit": ""})
    assert response.status_code == 201, response.content
    photo = Photo.objects.get()
    assert photo.caption == IPTC["Iptc.Application2.Caption"]
    assert photo.credit == "Hoàng Tùng"


def test_what_was_typed_wins_over_the_file(client, journalist):
    client.force_login(journalist)
    data = with_metadata(encoded(), iptc=IPTC)
    client.post(ADD, {"image": upload(data), "caption": "Chú thích của tôi.", "credit": "Tôi"})
    photo = Photo.objects.get()
    assert (photo.caption, photo.credit) == ("Chú thích của tôi.", "Tôi")


def test_no_caption_anywhere_is_refused_in_vietnamese(client, journalist):
    client.force_login(journalist)
    response = client.post(UPLOAD, {"image": upload(encoded()), "caption": ""})
    assert response.status_code == 400
    assert response.json()["errors"]["caption"] == ["Hãy viết chú thích cho ảnh."]


def test_describe_keeps_the_file_readable():
    data = with_metadata(encoded(), iptc=IPTC)
    file = upload(data)
    assert images.describe(file)["credit"] == "Hoàng Tùng"
    assert file.read() == data  # read again from the start by whoever comes next
