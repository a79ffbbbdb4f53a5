"""Photos arrive captioned (issue #10), in a real browser: choosing a file whose IPTC and
XMP hold a caption and a credit fills both fields before anything is sent."""

import pytest
from playwright.sync_api import expect

from articles.models import Photo
from tests.factories import staff_member
from tests.images import encoded, with_metadata

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_choosing_a_captioned_file_fills_caption_and_credit(
    page, live_server, admin_login, newsroom_groups, tmp_path
):
    journalist = staff_member("Phóng viên", username="phongvien-anh")
    photo = tmp_path / "lach-huyen.jpg"
    photo.write_bytes(
        with_metadata(
            encoded(size=(320, 200)),
            iptc={
                "Iptc.Application2.Caption": "Tàu container cập cảng Lạch Huyện.",
                "Iptc.Application2.Byline": ["Hoàng Tùng"],
            },
            xmp={"Xmp.photoshop.Credit": "Báo Hải Phòng"},
        )
    )
    admin_login(journalist)
    page.goto(f"{live_server.url}/admin/articles/photo/add/")
    page.set_input_files("input[name=image]", str(photo))
    expect(page.locator("#id_caption")).to_have_value("Tàu container cập cảng Lạch Huyện.")
    expect(page.locator("#id_credit")).to_have_value("Hoàng Tùng")
    expect(page.locator(".photo-metadata-note")).to_contain_text("hãy kiểm tra lại")
    page.fill("#id_credit", "Hoàng Tùng / Báo Hải Phòng")  # confirmed, then edited
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_be_visible()
    saved = Photo.objects.get()
    assert saved.caption == "Tàu container cập cảng Lạch Huyện."
    assert saved.credit == "Hoàng Tùng / Báo Hải Phòng"


def test_several_photos_each_with_its_caption(
    page, live_server, admin_login, newsroom_groups, tmp_path
):
    """Multi-upload: a row per photo, prefilled from the file; a refused file keeps its
    row and what was typed, the others are saved."""
    journalist = staff_member("Phóng viên", username="phongvien-nhieu-anh")
    captioned = tmp_path / "co-chu-thich.jpg"
    captioned.write_bytes(
        with_metadata(
            encoded(size=(320, 200)),
            iptc={
                "Iptc.Application2.Caption": "Chợ nổi Cái Răng lúc sáng sớm.",
                "Iptc.Application2.Byline": ["Minh Đức"],
            },
        )
    )
    plain = tmp_path / "khong-chu-thich.png"
    plain.write_bytes(encoded("PNG", size=(300, 200)))
    broken = tmp_path / "hong.jpg"
    broken.write_bytes(b"khong phai anh")
    admin_login(journalist)
    page.goto(f"{live_server.url}/admin/articles/photo/multi-upload/")
    page.set_input_files("input[name=images]", [str(captioned), str(plain), str(broken)])
    rows = page.locator(".upload-row")
    expect(rows).to_have_count(3)
    expect(rows.nth(0).locator("textarea")).to_have_value("Chợ nổi Cái Răng lúc sáng sớm.")
    expect(rows.nth(0).locator("input[name^=credit]")).to_have_value("Minh Đức")
    rows.nth(1).locator("textarea").fill("Xe buýt điện chạy thử ven sông.")
    rows.nth(1).locator("input[name^=credit]").fill("Hoàng Tùng")
    rows.nth(2).locator("textarea").fill("Chú thích của tệp hỏng")
    page.click(".submit-row input[type=submit]")
    expect(page.locator(".upload-status")).to_contain_text("Đã tải lên 2 ảnh; 1 ảnh chưa")
    expect(rows.nth(2).locator(".upload-note")).to_contain_text("không phải là ảnh")
    expect(rows.nth(2).locator("textarea")).to_have_value("Chú thích của tệp hỏng")
    assert {p.caption: p.credit for p in Photo.objects.all()} == {
        "Chợ nổi Cái Răng lúc sáng sớm.": "Minh Đức",
        "Xe buýt điện chạy thử ven sông.": "Hoàng Tùng",
    }
