"""Photo uploads through every door (admin form, multi-upload, the editor's upload, the ORM):
images over the pixel or byte limit are refused from their header, with flat memory
(issue #8)."""

import gc
import io
import tracemalloc
from contextlib import contextmanager
from pathlib import Path

import PIL.Image
import pytest
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Photo
from tests.images import claimed_jpeg, claimed_png, encoded, real_png

pytestmark = pytest.mark.django_db

ADD = reverse("admin:articles_photo_add")
UPLOAD = reverse("admin:articles_photo_upload")
MULTI_UPLOAD = reverse("admin:articles_photo_multi_upload")
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
