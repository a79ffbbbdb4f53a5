"""Backup and restore (make backup / make restore).

The round trip runs ``manage.py backup`` and ``manage.py restore`` in subprocesses with
``DATABASE_URL`` and ``DJANGO_MEDIA_ROOT`` set, exactly as ``make`` runs them, between
scratch PostgreSQL databases made next to the configured one and dropped at the end.
"""

import json
import os
import shutil
from types import SimpleNamespace
from urllib.parse import urlsplit, urlunsplit

import psycopg2
import pytest
from django.conf import settings
from psycopg2 import sql

from tests.commands import manage

# A few objects with everything a restore must bring back: Vietnamese text, a photo file
# with real bytes and its renditions, a body that refers to the photo.
SEED = """
import io
from PIL import Image
from django.core.files.base import ContentFile
from articles.models import Article, Photo, Section

buffer = io.BytesIO()
Image.effect_noise((640, 360), 60).convert("RGB").save(buffer, "JPEG")
photo = Photo.objects.create(
    image=ContentFile(buffer.getvalue(), name="cang.jpg"),
    caption="Cảng Hải Phòng lúc bình minh",
    credit="Hoàng Tùng",
)
section = Section.objects.create(name="Thời sự")
for n in range(3):
    Article.objects.create(
        section=section,
        title=f"Đà Nẵng thử sao lưu, bài số {n}",
        sapo="Bản sao lưu phải giữ nguyên từng dấu tiếng Việt.",
        body=f'<p>Đoạn {n}: Hải Phòng, Huế.</p><figure class="news-photo" '
        f'data-photo-id="{photo.pk}"></figure>',
    )
"""


def _manage(*args, database_url, media_root):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "AWS_")) and key != "REDIS_URL"
    }
    env.update(DATABASE_URL=database_url, DJANGO_MEDIA_ROOT=str(media_root))
    return manage(*args, env=env, timeout=180)


def _connect(dbname):
    db = settings.DATABASES["default"]
    params = {key.lower(): db[key] for key in ("USER", "PASSWORD", "HOST", "PORT") if db[key]}
    connection = psycopg2.connect(dbname=dbname, **params)
    connection.autocommit = True
    return connection


def _rows(dbname, query):
    connection = _connect(dbname)
    try:
        with connection.cursor() as cursor:
            cursor.execute(query)
            return cursor.fetchall()
    finally:
        connection.close()


def _table_count(dbname):
    return _rows(dbname, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")[0][0]


@pytest.fixture(scope="module")
def databases():
    """Empty scratch databases ``source``, ``target`` and ``empty``: names and URLs."""
    if "postgresql" not in settings.DATABASES["default"]["ENGINE"]:
        pytest.skip(
            "backup and restore need PostgreSQL: set DATABASE_URL=postgres://… "
            "(CI's PostgreSQL run does)"
        )
    url = urlsplit(os.environ["DATABASE_URL"])
    base = f"{url.path.lstrip('/')}_backup_{os.getpid()}"
    names = {role: f"{base}_{role}"[:63] for role in ("source", "target", "empty")}
    admin = _connect("postgres")
    try:
        for name in names.values():
            # template0 takes no connections, so nobody else's session can block the copy.
            admin.cursor().execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE template0").format(sql.Identifier(name))
            )
        yield SimpleNamespace(
            **names,
            **{
                f"{role}_url": urlunsplit(url._replace(path=f"/{name}"))
                for role, name in names.items()
            },
        )
    finally:
        for name in names.values():
            admin.cursor().execute(
                sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name))
            )
        admin.close()


@pytest.fixture(scope="module")
def backup(databases, tmp_path_factory):
    """A migrated source database with three articles and a photo, and its backup folder."""
    media = tmp_path_factory.mktemp("source-media")
    folder = tmp_path_factory.mktemp("backups") / "20250308-100600"
    for args in [("migrate", "--noinput", "-v0"), ("shell", "-c", SEED), ("backup", folder)]:
        result = _manage(*args, database_url=databases.source_url, media_root=media)
        assert result.returncode == 0, result.stdout + result.stderr
    assert f"Đã sao lưu vào {folder}: 3 bài viết, 1 ảnh." in result.stdout
    return SimpleNamespace(folder=folder, media=media, output=result.stdout)


@pytest.fixture(scope="module")
def restored(databases, backup, tmp_path_factory):
    """The backup restored into the empty ``target`` database and a new media folder."""
    media = tmp_path_factory.mktemp("target-media") / "media"
    result = _manage("restore", backup.folder, database_url=databases.target_url, media_root=media)
    assert result.returncode == 0, result.stdout + result.stderr
    return SimpleNamespace(media=media, output=result.stdout)


def _restore_refused(folder, *, database_url, media_root):
    result = _manage("restore", folder, database_url=database_url, media_root=media_root)
    assert result.returncode != 0
    assert "CommandError" in result.stderr
    return result.stderr


def test_backup_writes_a_dump_the_media_and_a_manifest(backup):
    manifest = json.loads((backup.folder / "manifest.json").read_text())
    assert manifest["counts"] == {"articles": 3, "photos": 1}
    assert set(manifest["files"]) == {"database.dump", "media.tar.gz"}
    assert (backup.folder / "database.dump").read_bytes()[:5] == b"PGDMP"  # pg_dump -Fc
    assert manifest["media"]["storage"] == "filesystem"
    assert "missing" not in manifest["media"]


def test_restore_brings_back_the_articles_and_the_photo_files(databases, backup, restored):
    articles = "SELECT title, body FROM articles_article ORDER BY id"
    assert len(_rows(databases.target, articles)) == 3
    assert _rows(databases.target, articles) == _rows(databases.source, articles)
    assert "Hải Phòng, Huế" in _rows(databases.target, articles)[0][1]

    [(image, renditions)] = _rows(databases.target, "SELECT image, renditions FROM articles_photo")
    assert (restored.media / image).read_bytes() == (backup.media / image).read_bytes()
    assert renditions["webp"]
    for _, name in [*renditions["webp"], (None, renditions["fallback"])]:
        assert (restored.media / name).read_bytes() == (backup.media / name).read_bytes()
    assert "3 bài viết, 1 ảnh" in restored.output


def test_restore_refuses_a_database_that_has_tables(databases, backup, restored, tmp_path):
    tables = _table_count(databases.target)
    message = _restore_refused(
        backup.folder,
        database_url=databases.target_url,
        media_root=tmp_path / "media",
    )
    assert f"{databases.target} đã có {tables} bảng" in message
    assert "--force" in message
    assert not (tmp_path / "media").exists()


def test_restore_refuses_a_media_folder_with_files(databases, backup, tmp_path):
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "anh-cu.jpg").write_bytes(b"old upload")
    message = _restore_refused(
        backup.folder, database_url=databases.empty_url, media_root=tmp_path / "media"
    )
    assert "không trống" in message
    assert _table_count(databases.empty) == 0
    assert [p.name for p in (tmp_path / "media").iterdir()] == ["anh-cu.jpg"]


def test_restore_refuses_a_damaged_backup(databases, backup, tmp_path):
    damaged = tmp_path / "damaged"
    shutil.copytree(backup.folder, damaged)
    with (damaged / "database.dump").open("r+b") as dump:
        dump.seek(200)
        byte = dump.read(1)
        dump.seek(200)
        dump.write(bytes([byte[0] ^ 0xFF]))
    message = _restore_refused(
        damaged, database_url=databases.empty_url, media_root=tmp_path / "media"
    )
    assert "checksum" in message
    assert _table_count(databases.empty) == 0


def test_restore_with_force_restores_over_a_database_that_has_tables(
    databases, backup, restored, tmp_path
):
    result = _manage(
        "restore",
        backup.folder,
        "--force",
        database_url=databases.target_url,
        media_root=restored.media,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert _rows(databases.target, "SELECT count(*) FROM articles_article") == [(3,)]


def test_backup_on_sqlite_says_it_needs_postgresql(tmp_path):
    result = _manage(
        "backup",
        tmp_path / "backup",
        database_url=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        media_root=tmp_path / "media",
    )
    assert result.returncode != 0
    assert "cần PostgreSQL" in result.stderr
    assert not (tmp_path / "backup").exists()
