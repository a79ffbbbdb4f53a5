"""Photos arrive captioned (issue #10), in a real browser: choosing a file whose IPTC and
XMP hold a caption and a credit fills both fields before anything is sent."""

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from articles.models import Photo
from tests.factories import UserFactory
from tests.images import encoded, with_metadata

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_choosing_a_captioned_file_fills_caption_and_credit(
    page, live_server, admin_login, newsroom_groups, tmp_path
):
    journalist = UserFactory(username="phongvien-anh", is_staff=True)
    journalist.groups.add(Group.objects.get(name="Phóng viên"))
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
