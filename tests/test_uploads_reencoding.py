"""Every stored original is re-encoded (issue #8): nothing appended after the image data is
kept, a disguised format is stored as what it is, nothing visible is lost, and the colour
profile, caption and credit stay while GPS and the rest of the metadata go."""

import io

import pyexiv2
import pytest
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image, ImageCms

from articles.models import Photo
from tests.images import POLYGLOT_TAIL, encoded

pytestmark = pytest.mark.django_db

UPLOAD = reverse("admin:articles_photo_upload")


def upload(name, data):
    return SimpleUploadedFile(name, data)


def stored_bytes(photo):
    photo.refresh_from_db()
    with photo.image.open("rb") as f:
        return f.read()


# Polyglots: nothing after the image data is stored.


def _post_upload(client, journalist, name, data):
    client.force_login(journalist)
    response = client.post(UPLOAD, {"image": upload(name, data), "caption": "Thử"})
    assert response.status_code == 201, response.content
    return Photo.objects.get(pk=response.json()["photo"]["id"])


def _orm_create(client, journalist, name, data):
    return Photo.objects.create(image=File(io.BytesIO(data), name=name), caption="Nhập từ kho")


@pytest.mark.parametrize("door", [_post_upload, _orm_create], ids=["upload", "orm"])
@pytest.mark.parametrize(
    ("name", "image_format"), [("anh.jpg", "JPEG"), ("anh.png", "PNG"), ("anh.webp", "WEBP")]
)
def test_an_appended_html_page_is_not_stored(client, journalist, door, name, image_format):
    data = encoded(image_format, (64, 48)) + POLYGLOT_TAIL
    photo = door(client, journalist, name, data)
    stored = stored_bytes(photo)
    assert b"<html" not in stored
    assert b"<script" not in stored
    image = Image.open(io.BytesIO(stored))
    assert (image.format, image.size) == (image_format, (64, 48))
    assert (photo.width, photo.height) == (64, 48)
    assert photo.image.name.endswith(name[name.index(".") :])


def test_a_png_disguised_as_jpg_is_stored_as_png(client, journalist):
    photo = _post_upload(client, journalist, "anh.jpg", encoded("PNG"))
    assert photo.image.name.endswith(".png")
    assert Image.open(io.BytesIO(stored_bytes(photo))).format == "PNG"


def _stored_image(photo):
    return Image.open(io.BytesIO(stored_bytes(photo)))


def test_re_encoding_loses_nothing_visible(client, journalist):
    """PNG and lossless WebP pixels are unchanged, lossy WebP stays lossy; a JPEG keeps its
    own quantisation tables and subsampling (no second generation of rounding)."""
    gradient = Image.linear_gradient("L").convert("RGB").resize((64, 48))
    for name, image_format, options in [
        ("a.png", "PNG", {}),
        ("b.webp", "WEBP", {"lossless": True}),
    ]:
        buffer = io.BytesIO()
        gradient.save(buffer, format=image_format, **options)
        stored = _stored_image(_orm_create(client, journalist, name, buffer.getvalue()))
        assert stored.convert("RGB").tobytes() == gradient.tobytes(), name
    lossy = stored_bytes(_orm_create(client, journalist, "c.webp", encoded("WEBP")))
    assert b"VP8 " in lossy
    assert b"VP8L" not in lossy
    buffer = io.BytesIO()
    gradient.save(buffer, format="JPEG", quality=60, subsampling=2)
    original = Image.open(io.BytesIO(buffer.getvalue()))
    stored = _stored_image(_orm_create(client, journalist, "d.jpg", buffer.getvalue()))
    assert stored.quantization == original.quantization
    assert stored.layer == original.layer


@pytest.mark.parametrize(
    ("name", "mode", "options"),
    [
        ("xam.jpg", "L", {}),
        ("in.jpg", "CMYK", {}),
        ("trong.png", "RGBA", {}),
        ("xam-trong.png", "LA", {}),
        ("16bit.png", "I;16", {}),
        ("bang-mau.png", "P", {"transparency": 0}),
        ("trong.webp", "RGBA", {}),
    ],
)
def test_re_encoding_keeps_the_mode_and_transparency(client, journalist, name, mode, options):
    image_format = {"jpg": "JPEG", "png": "PNG", "webp": "WEBP"}[name.rsplit(".", 1)[1]]
    data = encoded(image_format, mode=mode, color=0, **options)
    stored = _stored_image(_orm_create(client, journalist, name, data))
    original = Image.open(io.BytesIO(data))
    assert (stored.format, stored.mode, stored.size) == (image_format, original.mode, (64, 48))
    assert stored.info.get("transparency") == original.info.get("transparency")


def test_a_photo_spooled_to_disk_is_stored(client, journalist, settings):
    """Past FILE_UPLOAD_MAX_MEMORY_SIZE Django hands over a temporary file; it works the same."""
    noise = Image.merge("RGB", [Image.effect_noise((1000, 1000), 100) for _ in range(3)])
    buffer = io.BytesIO()
    noise.save(buffer, format="PNG")
    assert len(buffer.getvalue()) > settings.FILE_UPLOAD_MAX_MEMORY_SIZE
    photo = _post_upload(client, journalist, "nhieu.png", buffer.getvalue())
    assert _stored_image(photo).tobytes() == noise.tobytes()


def test_a_truncated_image_is_refused_as_broken(client, journalist):
    """Its header is fine; decoding it fails while the form is validated, not at save."""
    noise = Image.effect_noise((640, 480), 64).convert("RGB")
    buffer = io.BytesIO()
    noise.save(buffer, format="JPEG")
    data = buffer.getvalue()[:4000]
    client.force_login(journalist)
    response = client.post(UPLOAD, {"image": upload("dut.jpg", data), "caption": "Thử"})
    assert response.json()["errors"]["image"] == [
        "Tệp “dut.jpg” không phải là ảnh hoặc ảnh bị hỏng. Hãy chọn ảnh JPEG, PNG hoặc WebP."
    ]
    with pytest.raises(ValidationError):
        Photo.objects.create(image=File(io.BytesIO(data), name="dut.jpg"), caption="Thử")
    assert not Photo.objects.exists()


# Metadata: colour profile, caption and credit kept; GPS and the rest dropped.


@pytest.fixture
def camera_jpeg():
    """A JPEG as a camera and a photo desk leave it: sRGB profile, IPTC and XMP caption and
    credit, EXIF GPS, camera make and a 90° orientation, and a comment with markup."""
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    data = encoded("JPEG", (64, 48), icc_profile=icc, comment=b"<script>alert(1)</script>")
    image = pyexiv2.ImageData(data)
    image.modify_iptc(
        {
            "Iptc.Envelope.CharacterSet": "\x1b%G",
            "Iptc.Application2.Headline": "Pháo hoa Đà Nẵng",
            "Iptc.Application2.Caption": "Cầu Rồng phun lửa <script>đêm</script> khai mạc",
            "Iptc.Application2.Byline": ["Hoàng Tùng"],
            "Iptc.Application2.Credit": "TTXVN",
            "Iptc.Application2.Source": "Báo ảnh",
            "Iptc.Application2.Copyright": "© TTXVN 2025",
            "Iptc.Application2.City": "Đà Nẵng",
        }
    )
    image.modify_xmp(
        {
            "Xmp.dc.description": {'lang="x-default"': "Cầu Rồng phun lửa"},
            "Xmp.dc.creator": ["Hoàng Tùng"],
            "Xmp.dc.rights": {'lang="x-default"': "© TTXVN 2025"},
            "Xmp.photoshop.Credit": "TTXVN",
            "Xmp.photoshop.Headline": "Pháo hoa Đà Nẵng",
            "Xmp.exif.GPSLatitude": "16,4.0N",
        }
    )
    image.modify_exif(
        {
            "Exif.Image.Make": "Canon",
            "Exif.Image.Model": "EOS R6",
            "Exif.Image.Orientation": "6",
            "Exif.Image.Artist": "Hoàng Tùng",
            "Exif.GPSInfo.GPSLatitudeRef": "N",
            "Exif.GPSInfo.GPSLatitude": "16/1 4/1 0/1",
            "Exif.GPSInfo.GPSLongitudeRef": "E",
            "Exif.GPSInfo.GPSLongitude": "108/1 13/1 0/1",
        }
    )
    data = image.get_bytes()
    image.close()
    return data, icc


def test_colour_profile_caption_and_credit_are_kept_gps_is_not(client, journalist, camera_jpeg):
    data, icc = camera_jpeg
    photo = _post_upload(client, journalist, "camera.jpg", data + POLYGLOT_TAIL)
    stored = stored_bytes(photo)
    metadata = pyexiv2.ImageData(stored)
    iptc, xmp, exif = metadata.read_iptc(), metadata.read_xmp(), metadata.read_exif()
    assert metadata.read_icc() == icc
    assert metadata.read_comment() == ""
    metadata.close()
    assert iptc["Iptc.Application2.Caption"] == "Cầu Rồng phun lửa scriptđêm/script khai mạc"
    assert iptc["Iptc.Application2.Byline"] == ["Hoàng Tùng"]
    assert iptc["Iptc.Application2.Credit"] == "TTXVN"
    assert iptc["Iptc.Application2.Source"] == "Báo ảnh"
    assert iptc["Iptc.Application2.Copyright"] == "© TTXVN 2025"
    assert iptc["Iptc.Application2.Headline"] == "Pháo hoa Đà Nẵng"
    assert "Iptc.Application2.City" not in iptc
    assert xmp["Xmp.dc.description"] == {'lang="x-default"': "Cầu Rồng phun lửa"}
    assert xmp["Xmp.dc.creator"] == ["Hoàng Tùng"]
    assert xmp["Xmp.photoshop.Credit"] == "TTXVN"
    assert not [key for key in xmp if "GPS" in key]
    assert exif == {"Exif.Image.Artist": "Hoàng Tùng"}
    assert b"<script" not in stored
    assert b"Canon" not in stored
    # The orientation is applied to the pixels: the stored photo stands upright.
    assert Image.open(io.BytesIO(stored)).size == (48, 64)
    assert (photo.width, photo.height) == (48, 64)
