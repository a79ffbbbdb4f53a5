"""``manage.py make_renditions`` (issue #10): photos saved before the crops existed get
them, in batches; run again, it has nothing left to do."""

import io

import pytest
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command

from articles.models import Photo
from tests.factories import PhotoFactory

pytestmark = pytest.mark.django_db


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("make_renditions", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def from_before_crops(photo, *, nothing=False):
    """``photo`` as a row saved before migration 0011: whole-photo renditions, no crops
    (or, ``nothing``, from before renditions too)."""
    made = photo.renditions
    old = {} if nothing else {"webp": made["webp"], "fallback": made["fallback"]}
    Photo.objects.filter(pk=photo.pk).update(renditions=old)
    photo.refresh_from_db()
    return photo


def test_photos_without_crops_get_them_in_batches_and_a_second_run_does_nothing():
    complete = PhotoFactory()
    untouched = dict(complete.renditions)
    old = [from_before_crops(PhotoFactory()) for _ in range(3)]
    whole = old[0].renditions["webp"]
    bare = from_before_crops(PhotoFactory(), nothing=True)
    assert old[0].card.src == old[0].src  # the fallback: the whole photo

    out, err = run("--batch-size", "2")
    assert err == ""
    assert out.splitlines() == [
        "Đã xử lý 2/4 ảnh…",
        "Đã xử lý 4/4 ảnh…",
        "Xong: đã tạo bản thu nhỏ và ảnh cắt cho 4 ảnh.",
    ]
    for photo in [*old, bare]:
        photo.refresh_from_db()
        assert set(photo.renditions) >= {"webp", "fallback", "card", "social"}
        assert photo.card.src != photo.src and photo.social.width == 1200
        assert default_storage.exists(photo.renditions["card"]["fallback"])
        assert default_storage.exists(photo.renditions["social"]["name"])
    assert old[0].renditions["webp"] == whole  # only the crops were missing
    complete.refresh_from_db()
    assert complete.renditions == untouched  # --missing is the default

    out, _ = run()
    assert out == "Không có ảnh nào thiếu bản thu nhỏ hay ảnh cắt.\n"
    assert run("--missing")[0] == out


def test_all_makes_every_photos_renditions_again():
    photos = [PhotoFactory(), from_before_crops(PhotoFactory())]
    out, _ = run("--all")
    assert out.splitlines()[-1] == "Xong: đã tạo bản thu nhỏ và ảnh cắt cho 2 ảnh."
    for photo in photos:
        photo.refresh_from_db()
        assert {"card", "social"} <= set(photo.renditions)


def test_a_photo_whose_file_is_gone_is_named_and_the_others_are_done():
    gone = from_before_crops(PhotoFactory())
    default_storage.delete(gone.image.name)
    fine = from_before_crops(PhotoFactory())
    err = io.StringIO()
    with pytest.raises(CommandError, match=f"1 ảnh không tạo được: #{gone.pk}"):
        call_command("make_renditions", stdout=io.StringIO(), stderr=err)
    assert err.getvalue().startswith(f"Ảnh #{gone.pk}: không còn tệp ảnh gốc photos/")
    fine.refresh_from_db()
    assert "card" in fine.renditions
    # (refresh_from_db would ask the missing file its size)
    assert "card" not in Photo.objects.values_list("renditions", flat=True).get(pk=gone.pk)


def test_missing_and_all_cannot_be_asked_together():
    with pytest.raises(CommandError):
        run("--missing", "--all")
