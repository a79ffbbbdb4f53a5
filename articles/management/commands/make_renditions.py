"""``manage.py make_renditions``: make the renditions and crops photos lack (issue #10).

A photo's renditions are made when its file is saved (``articles.renditions``). Photos
saved before the crops existed (migration 0011) have none: list cards and shares fall back
to the whole photo. This makes what is missing, in batches by id, and can be run again at
any time: a photo that has its renditions is left as it is (``--all`` makes them all again,
after the sizes in the settings changed, say).
"""

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from articles import pagecache, renditions
from articles.models import Photo

# What a photo saved today holds (renditions.make): whole-photo sizes and both crops.
COMPLETE = Q(renditions__has_key="webp") & Q(renditions__has_key="card")
COMPLETE &= Q(renditions__has_key="social")


class Command(BaseCommand):
    help = (
        "Tạo bản thu nhỏ và ảnh cắt (thẻ bài trong danh sách, ảnh khi chia sẻ) cho ảnh "
        "trong thư viện còn thiếu, từng đợt một; chạy lại bao nhiêu lần cũng được."
    )

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group()
        which.add_argument(
            "--missing",
            action="store_const",
            const="missing",
            dest="which",
            help="Chỉ những ảnh còn thiếu bản thu nhỏ hay ảnh cắt (mặc định).",
        )
        which.add_argument(
            "--all",
            action="store_const",
            const="all",
            dest="which",
            help="Mọi ảnh, làm lại từ đầu (ví dụ sau khi đổi kích thước trong cấu hình).",
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=100,
            help="Số ảnh mỗi đợt (mặc định 100).",
        )

    def handle(self, *args, which=None, batch_size=100, **options):
        if batch_size < 1:
            raise CommandError("--batch-size phải là số nguyên dương.")
        photos = Photo.objects.exclude(image="").order_by("pk")
        if which != "all":
            photos = photos.exclude(COMPLETE)
        total = photos.count()
        if not total:
            self.stdout.write("Không có ảnh nào thiếu bản thu nhỏ hay ảnh cắt.")
            return
        done, failed, last = 0, [], 0
        while True:
            # By id, after the last one seen: a photo done drops out of --missing's rows,
            # and one that failed is not tried again in this run.
            batch = list(photos.filter(pk__gt=last)[:batch_size])
            if not batch:
                break
            for photo in batch:
                problem = self._make(photo, everything=which == "all")
                if problem:
                    failed.append(photo.pk)
                    self.stderr.write(f"Ảnh #{photo.pk}: {problem}")
                else:
                    done += 1
            last = batch[-1].pk
            self.stdout.write(f"Đã xử lý {done + len(failed)}/{total} ảnh…")
        if done:
            pagecache.bump()  # list cards and shares show the new crops
        self.stdout.write(f"Xong: đã tạo bản thu nhỏ và ảnh cắt cho {done} ảnh.")
        if failed:
            raise CommandError(
                f"{len(failed)} ảnh không tạo được: "
                + ", ".join(f"#{pk}" for pk in failed)
                + ". Kiểm tra tệp ảnh gốc của chúng rồi chạy lại."
            )

    def _make(self, photo, *, everything):
        """Make ``photo``'s renditions; what went wrong, in Vietnamese, or None."""
        # sorl-thumbnail logs a missing file and hands back an empty thumbnail; asked
        # first, the photo is named instead.
        if not photo.image.storage.exists(photo.image.name):
            return f"không còn tệp ảnh gốc {photo.image.name}."
        try:
            if everything or not photo.renditions.get("webp"):
                renditions.make(photo)
            else:
                renditions.make_crops(photo)  # the whole-photo sizes are there
        except (OSError, ValueError) as error:  # a file that cannot be read as an image
            return f"không đọc được tệp ảnh gốc ({error})."
        return None
