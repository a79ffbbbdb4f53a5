"""Photo uploads through every door (admin form, multi-upload, the editor's upload, the ORM):
over-limit images are refused from their header with flat memory, and every stored
original is re-encoded (issue #8)."""

import gc
import io
import tracemalloc
from contextlib import contextmanager
from pathlib import Path

import PIL.Image
import pyexiv2
import pytest
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image, ImageCms

from articles.models import Photo
from tests.images import claimed_jpeg, claimed_png, encoded, real_png

pytestmark = pytest.mark.django_db

ADD = reverse("admin:articles_photo_add")
UPLOAD = reverse("admin:articles_photo_upload")
MULTI_UPLOAD = reverse("admin:articles_photo_multi_upload")
POLYGLOT_TAIL = b"<html><script>alert(1)</script></html>"
# Refusing a file must cost a request's worth of memory, nowhere near a decoded
# 13000 x 13000 image (169 MB in grey, 507 MB in colour).
PEAK_PYTHON_BYTES = 20 * 1024 * 1024
PEAK_RSS_BYTES = 40 * 1024 * 1024


@pytest.fixture(scope="module")
def real_13000_png():
    return real_png(13000, 13000)


OVER_LIMIT = {
    # Past twice Pillow's limit (ours): Pillow refuses to report the size itself.
    "claimed-13000.png": (lambda: claimed_png(13000, 13000), "có hơn 80 megapixel"),
    "claimed-10000.jpg": (lambda: claimed_jpeg(10000, 10000), "có hơn 80 megapixel"),
    "claimed-8000.png": (
        lambda: claimed_png(8000, 6000),
        "có 8000 × 6000 điểm ảnh (48 megapixel)",
    ),
    "real-13000.png": (None, "có hơn 80 megapixel"),
}
LIMIT_MESSAGE = "vượt giới hạn 40 megapixel"


@pytest.fixture(params=list(OVER_LIMIT))
def over_limit(request, real_13000_png):
    """(file name, bytes, what the message says of its size), one per attacker's file."""
    make, says = OVER_LIMIT[request.param]
    return request.param, (make() if make else real_13000_png), says


def _status(field):
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024
    return None


@contextmanager
def peak_memory():
    """Peak Python allocations (tracemalloc) and peak resident memory above the start
    (Linux: /proc/self/clear_refs resets the high-water mark), in bytes."""
    gc.collect()
    try:
        Path("/proc/self/clear_refs").write_text("5")
        rss_before = _status("VmRSS")
    except OSError:
        rss_before = None
    measured = {}
    tracemalloc.start()
    try:
        yield measured
    finally:
        measured["python"] = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        measured["rss"] = _status("VmHWM") - rss_before if rss_before is not None else None


def assert_flat(measured):
    rss = f"{measured['rss'] / 2**20:.1f} MB" if measured["rss"] is not None else "?"
    print(f"peak Python allocations {measured['python'] / 2**20:.1f} MB, RSS growth {rss}")
    assert measured["python"] < PEAK_PYTHON_BYTES, measured
    if measured["rss"] is not None:
        assert measured["rss"] < PEAK_RSS_BYTES, measured


def upload(name, data):
    return SimpleUploadedFile(name, data)


def stored_bytes(photo):
    photo.refresh_from_db()
    with photo.image.open("rb") as f:
        return f.read()


def media_files(settings):
    root = Path(settings.MEDIA_ROOT)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_pillow_guard_is_set_to_the_project_limit(settings):
    """Pillow's own bomb guard is set from the same setting at startup (newsroom/settings.py)."""
    assert PIL.Image.MAX_IMAGE_PIXELS == settings.NEWSROOM_MAX_IMAGE_PIXELS == 40_000_000
    assert settings.NEWSROOM_MAX_UPLOAD_MB == 10


# Over the pixel limit, through every door.


def test_admin_add_refuses_an_over_limit_image_keeping_what_was_typed(
    client, journalist, over_limit
):
    name, data, says = over_limit
    client.force_login(journalist)
    form = {"image": upload(name, data), "caption": "Cầu Rồng phun lửa", "credit": "Hoàng Tùng"}
    with peak_memory() as measured:
        response = client.post(ADD, form)
    assert response.status_code == 200
    html = response.content.decode()
    assert f"Ảnh “{name}” {says}, {LIMIT_MESSAGE}" in html
    form = response.context["adminform"].form
    assert form["caption"].value() == "Cầu Rồng phun lửa"
    assert form["credit"].value() == "Hoàng Tùng"
    assert not Photo.objects.exists()
    assert_flat(measured)


def test_multi_upload_refuses_an_over_limit_image_by_name_and_keeps_the_good_one(
    client, journalist, over_limit
):
    name, data, says = over_limit
    client.force_login(journalist)
    form = {"images": [upload(name, data), upload("tot.jpg", encoded())], "caption": "Mùa lũ"}
    with peak_memory() as measured:
        response = client.post(MULTI_UPLOAD, form)
    assert response.status_code == 200
    assert response.context["rejected"] == [
        {
            "name": name,
            "errors": [f"Ảnh “{name}” {says}, {LIMIT_MESSAGE}. Hãy thu nhỏ ảnh rồi tải lên lại."],
        }
    ]
    assert "Đã tải lên 1 ảnh." in response.content.decode()
    assert Photo.objects.get().caption == "Mùa lũ"
    assert_flat(measured)


def test_editor_upload_refuses_an_over_limit_image_in_json(client, journalist, over_limit):
    name, data, says = over_limit
    client.force_login(journalist)
    with peak_memory() as measured:
        response = client.post(UPLOAD, {"image": upload(name, data), "caption": "Thử"})
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert list(errors) == ["image"]
    assert errors["image"] == [
        f"Ảnh “{name}” {says}, {LIMIT_MESSAGE}. Hãy thu nhỏ ảnh rồi tải lên lại."
    ]
    assert not Photo.objects.exists()
    assert_flat(measured)


def test_orm_refuses_an_over_limit_image(settings, over_limit):
    """A shell or an importer gets the same refusal, as a ValidationError on ``image``."""
    name, data, says = over_limit
    with peak_memory() as measured, pytest.raises(ValidationError) as refused:
        Photo.objects.create(image=File(io.BytesIO(data), name=name), caption="Nhập từ kho")
    assert f"Ảnh “{name}” {says}, {LIMIT_MESSAGE}" in refused.value.message_dict["image"][0]
    assert not Photo.objects.exists()
    assert media_files(settings) == []
    assert_flat(measured)


def test_full_clean_refuses_an_over_limit_image():
    photo = Photo(image=File(io.BytesIO(claimed_png(9000, 9000)), name="to.png"), caption="Thử")
    with pytest.raises(ValidationError) as refused:
        photo.full_clean()
    assert LIMIT_MESSAGE in refused.value.message_dict["image"][0]


def test_the_pixel_limit_is_a_setting(client, journalist, settings):
    settings.NEWSROOM_MAX_IMAGE_PIXELS = 1_000_000
    client.force_login(journalist)
    data = encoded("PNG", (1200, 1000))
    response = client.post(UPLOAD, {"image": upload("anh.png", data), "caption": "Thử"})
    assert response.json()["errors"]["image"] == [
        "Ảnh “anh.png” có 1200 × 1000 điểm ảnh (1,2 megapixel), vượt giới hạn 1 megapixel. "
        "Hãy thu nhỏ ảnh rồi tải lên lại."
    ]
    settings.NEWSROOM_MAX_IMAGE_PIXELS = 1200 * 1000
    response = client.post(UPLOAD, {"image": upload("anh.png", data), "caption": "Thử"})
    assert response.status_code == 201


# Over the byte limit, through every door.


@pytest.fixture
def one_mb_limit(settings):
    settings.NEWSROOM_MAX_UPLOAD_MB = 1
    return upload("nang.jpg", b"\xff\xd8" + b"\x00" * (1536 * 1024))


BYTES_MESSAGE = "Tệp “nang.jpg” nặng 1,5 MB, vượt giới hạn 1 MB."


def test_byte_limit_on_the_admin_add_form(client, journalist, one_mb_limit):
    client.force_login(journalist)
    response = client.post(ADD, {"image": one_mb_limit, "caption": "Thử"})
    assert BYTES_MESSAGE in response.content.decode()
    assert not Photo.objects.exists()


def test_byte_limit_on_the_multi_upload(client, journalist, one_mb_limit):
    client.force_login(journalist)
    response = client.post(MULTI_UPLOAD, {"images": [one_mb_limit], "caption": "Thử"})
    assert response.context["rejected"] == [{"name": "nang.jpg", "errors": [BYTES_MESSAGE]}]
    assert "mỗi ảnh tối đa 1 MB" in response.content.decode()
    assert not Photo.objects.exists()


def test_byte_limit_on_the_editor_upload(client, journalist, one_mb_limit):
    client.force_login(journalist)
    response = client.post(UPLOAD, {"image": one_mb_limit, "caption": "Thử"})
    assert response.json() == {"errors": {"image": [BYTES_MESSAGE]}}


def test_byte_limit_on_the_orm(one_mb_limit):
    with pytest.raises(ValidationError) as refused:
        Photo.objects.create(image=one_mb_limit, caption="Thử")
    assert refused.value.message_dict == {"image": [BYTES_MESSAGE]}


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
