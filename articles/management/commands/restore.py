"""``manage.py restore FOLDER [--force]``: a ``manage.py backup`` folder, back in place.

Checks everything before changing anything: the manifest's checksums, then that the
database has no tables and the media folder is empty (``--force`` restores over them).
The dump goes in with ``pg_restore`` in one transaction, so a failed restore leaves the
database as it was; then the media archive is unpacked and the counts compared with the
manifest's.
"""

import json
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connection

from articles import pagecache
from articles.management.commands.backup import (
    DUMP,
    MANIFEST,
    MEDIA,
    pg_command,
    require_postgresql,
    run,
    sha256,
)
from articles.models import Article, Photo


class Command(BaseCommand):
    help = (
        "Khôi phục một bản sao lưu của manage.py backup vào cơ sở dữ liệu trống "
        "và thư mục media trống."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="thư mục sao lưu, ví dụ backups/20250308-100600")
        parser.add_argument(
            "--force",
            action="store_true",
            help="khôi phục cả khi cơ sở dữ liệu đã có bảng hoặc thư mục media có tệp: "
            "các bảng của bản sao lưu được xoá rồi tạo lại, tệp cùng tên bị ghi đè",
        )

    def handle(self, *args, folder, force, **options):
        require_postgresql()
        source = Path(folder)
        manifest = read_manifest(source)
        media_root = Path(settings.MEDIA_ROOT)
        restore_media = MEDIA in manifest["files"] and not settings.AWS_STORAGE_BUCKET_NAME
        if not force:
            refuse_unless_empty(media_root if restore_media else None)

        options = ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"]
        if force:
            options += ["--clean", "--if-exists"]
        args, env = pg_command("pg_restore", *options, "--dbname")
        if warnings := run([*args, str(source / DUMP)], env):
            self.stderr.write(warnings)
        # Pages cached from the database that was there before must not be served again.
        pagecache.bump()

        if restore_media:
            media_root.mkdir(parents=True, exist_ok=True)
            with tarfile.open(source / MEDIA) as tar:
                tar.extractall(media_root, filter="data")
        elif MEDIA in manifest["files"]:
            self.stdout.write(
                f"Ảnh đang lưu trên S3: chưa khôi phục {source / MEDIA}; hãy tải các tệp "
                "trong đó lên bucket."
            )
        else:
            self.stdout.write("Bản sao lưu không có ảnh (lúc sao lưu ảnh nằm trên S3).")

        counts = {"articles": Article.objects.count(), "photos": Photo.objects.count()}
        if counts != manifest["counts"]:
            raise CommandError(
                f"Đã khôi phục nhưng số liệu không khớp: {counts}, manifest ghi "
                f"{manifest['counts']}."
            )
        media_note = f" và {media_root}" if restore_media else ""
        self.stdout.write(
            f"Đã khôi phục {source} vào cơ sở dữ liệu {connection.settings_dict['NAME']}"
            f"{media_note}: {counts['articles']} bài viết, {counts['photos']} ảnh."
        )


def read_manifest(source: Path) -> dict:
    """The backup's manifest, once every file it lists matches its checksum."""
    try:
        manifest = json.loads((source / MANIFEST).read_text())
    except FileNotFoundError:
        raise CommandError(
            f"Không có {MANIFEST} trong {source}: đây không phải thư mục sao lưu, "
            "hoặc bản sao lưu chưa hoàn tất."
        ) from None
    for name, expected in manifest["files"].items():
        path = source / name
        if not path.is_file() or sha256(path) != expected["sha256"]:
            raise CommandError(
                f"{path} thiếu hoặc không khớp checksum trong {MANIFEST}: bản sao lưu "
                "bị hỏng, không khôi phục gì."
            )
    return manifest


def refuse_unless_empty(media_root: Path | None) -> None:
    name = connection.settings_dict["NAME"]
    try:
        tables = connection.introspection.table_names()
    except DatabaseError as exc:
        raise CommandError(
            f"Không kết nối được cơ sở dữ liệu {name} ({exc}). Nếu nó chưa có, hãy tạo "
            f"trước: createdb {name}"
        ) from exc
    if tables:
        raise CommandError(
            f"Cơ sở dữ liệu {name} đã có {len(tables)} bảng: chỉ khôi phục vào cơ sở dữ liệu "
            "trống. Hãy tạo một cơ sở dữ liệu mới (createdb), hoặc chạy lại với --force "
            "(make restore FORCE=1) để ghi đè."
        )
    # media/.gitkeep keeps the folder in git; it is not an upload.
    if (
        media_root
        and media_root.is_dir()
        and any(child.name != ".gitkeep" for child in media_root.iterdir())
    ):
        raise CommandError(
            f"Thư mục media {media_root} không trống: chỉ khôi phục vào thư mục trống. "
            "Hãy dọn nó hoặc đặt DJANGO_MEDIA_ROOT khác, hoặc chạy lại với --force "
            "(make restore FORCE=1) để ghi đè."
        )
