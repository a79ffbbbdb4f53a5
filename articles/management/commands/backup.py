"""``manage.py backup [FOLDER]``: the PostgreSQL database and the media, for ``make backup``.

FOLDER (default ``backups/<time>``) receives ``database.dump`` (``pg_dump -Fc``),
``media.tar.gz`` (everything under MEDIA_ROOT) and, last, ``manifest.json`` (time, git
commit, article and photo counts, SHA-256 of both files): a folder with a manifest is a
whole backup. ``manage.py restore FOLDER`` brings it back.

Consistency: the dump is one snapshot of the database. The manifest's counts and the list
of files the photos refer to are read in that same snapshot (``pg_export_snapshot``), and
the media are archived after the dump, so every file the dump refers to is in the archive;
files uploaded meanwhile are extra and harmless. Media on S3 are left to the bucket's own
versioning or backup.
"""

import hashlib
import json
import os
import shutil
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.backends.postgresql.client import DatabaseClient
from django.utils import timezone

from articles.models import Article, Photo

DUMP = "database.dump"
MEDIA = "media.tar.gz"
MANIFEST = "manifest.json"
NEEDS_POSTGRESQL = (
    "Sao lưu và khôi phục cần PostgreSQL (DATABASE_URL=postgres://…); cơ sở dữ liệu "
    "đang dùng là {vendor}. Với SQLite, hãy chép tệp {name} khi trang đang dừng."
)


def require_postgresql() -> None:
    if connection.vendor != "postgresql":
        raise CommandError(
            NEEDS_POSTGRESQL.format(
                vendor=connection.vendor, name=connection.settings_dict["NAME"]
            )
        )


def pg_command(program: str, *options: str) -> tuple[list[str], dict[str, str]]:
    """``program`` (pg_dump, pg_restore) with the arguments and environment of the default
    database, as Django's ``dbshell`` builds them: the password travels in PGPASSWORD, never
    on a command line other users can read. Django puts the database name right after
    ``options``, so they may end with ``--dbname``."""
    if shutil.which(program) is None:
        raise CommandError(
            f"Không tìm thấy {program}: cài gói postgresql-client cùng phiên bản chính "
            "với máy chủ PostgreSQL."
        )
    args, env = DatabaseClient.settings_to_cmd_args_env(
        connection.settings_dict, ["--no-password", *options]
    )
    return [program, *args[1:]], {**os.environ, **(env or {})}


def run(args: list[str], env: dict[str, str]) -> str:
    """Run a PostgreSQL client; its error output becomes the command's error."""
    result = subprocess.run(args, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise CommandError(f"{args[0]} thất bại (mã {result.returncode}):\n{result.stderr}")
    return result.stderr


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def git_commit() -> str | None:
    try:
        result = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=settings.BASE_DIR, capture_output=True, text=True
        )
    except OSError:
        return None
    return result.stdout.strip() if result.returncode == 0 else None


class Command(BaseCommand):
    help = "Sao lưu cơ sở dữ liệu PostgreSQL (pg_dump -Fc) và thư mục media vào một thư mục."

    def add_arguments(self, parser):
        parser.add_argument(
            "folder", nargs="?", help="thư mục đích (mặc định backups/<thời điểm>); phải trống"
        )

    def handle(self, *args, folder, **options):
        require_postgresql()
        out = Path(
            folder or settings.BASE_DIR / "backups" / f"{timezone.localtime():%Y%m%d-%H%M%S}"
        )
        out.mkdir(parents=True, exist_ok=True, mode=0o700)  # a dump holds password hashes
        if any(out.iterdir()):
            raise CommandError(f"Thư mục {out} không trống; hãy chọn thư mục khác.")
        try:
            manifest = self.back_up(out)
        except BaseException:
            for name in (DUMP, MEDIA):
                (out / name).unlink(missing_ok=True)
            raise
        (out / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
        counts = manifest["counts"]
        self.stdout.write(
            f"Đã sao lưu vào {out}: {counts['articles']} bài viết, {counts['photos']} ảnh."
        )

    def back_up(self, out: Path) -> dict:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                cursor.execute("SELECT pg_export_snapshot()")
                (snapshot,) = cursor.fetchone()
            counts = {"articles": Article.objects.count(), "photos": Photo.objects.count()}
            referenced = set()
            for image, renditions in Photo.objects.values_list("image", "renditions"):
                referenced.add(image)
                referenced.update(name for _, name in renditions.get("webp", []))
                referenced.update(filter(None, [renditions.get("fallback")]))
            args, env = pg_command(
                "pg_dump", "-Fc", "--snapshot", snapshot, "-f", str(out / DUMP), "--dbname"
            )
            run(args, env)
        files = {DUMP: {"sha256": sha256(out / DUMP), "bytes": (out / DUMP).stat().st_size}}

        if bucket := settings.AWS_STORAGE_BUCKET_NAME:
            media = {"storage": "s3", "bucket": bucket}
            self.stdout.write(
                f"Ảnh nằm trên S3 (bucket {bucket}): bản sao lưu này không chép ảnh; "
                "hãy dùng versioning hoặc sao lưu của chính bucket đó."
            )
        else:
            # After the dump: every file it refers to is on disk; uploads since are extra.
            archived = archive_media(Path(settings.MEDIA_ROOT), out / MEDIA)
            files[MEDIA] = {"sha256": sha256(out / MEDIA), "bytes": (out / MEDIA).stat().st_size}
            media = {"storage": "filesystem", "files": len(archived)}
            if missing := sorted(referenced - archived):
                media["missing"] = missing
                self.stderr.write(
                    f"Cảnh báo: {len(missing)} tệp ảnh có trong cơ sở dữ liệu nhưng không có "
                    f"trong {settings.MEDIA_ROOT}, ví dụ {missing[0]} (ghi trong manifest.json)."
                )

        return {
            "format": 1,
            "created_at": timezone.now().isoformat(),
            "git_commit": git_commit(),
            "database": {
                "name": connection.settings_dict["NAME"],
                "server_version": connection.pg_version,
                "pg_dump": subprocess.run(
                    ["pg_dump", "--version"], capture_output=True, text=True
                ).stdout.strip(),
            },
            "counts": counts,
            "media": media,
            "files": files,
        }


def archive_media(media_root: Path, target: Path) -> set[str]:
    """Write ``media_root``'s contents to a tar.gz; the names of the files in it."""
    # Photos and renditions are compressed already: the lowest level only squeezes headers.
    with tarfile.open(target, "w:gz", compresslevel=1) as tar:
        if media_root.is_dir():
            for child in sorted(media_root.iterdir()):
                tar.add(child, arcname=child.name)
        return {member.name for member in tar.getmembers() if member.isfile()}
