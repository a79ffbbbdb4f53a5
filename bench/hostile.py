"""Hostile input and outages benchmark: what a bad upload or a dead Redis costs a worker.

Run by hand (SQLite is enough; no server is started)::

    .venv/bin/python bench/hostile.py

Uploads: each file goes through ``PhotoForm`` (the admin's validation, then the re-encoding)
in a fresh Python process, which reports its wall time and how far its peak resident memory
rose above what Django alone takes. "Limit off" runs the same file with
``NEWSROOM_MAX_IMAGE_PIXELS`` raised past it: what the worker paid before issue #8.

Outages: anonymous GETs of the home page through Django's test client with the page cache on
and Redis (1) on a closed port, (2) black-holed: a socket that accepts connections and never
answers, as a hung server or a dropped route does. It prints the time of the first request,
which meets the failure, and the median of the next ones, which the circuit breaker spares.
"""

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

from tests.images import claimed_png, encoded, real_png  # noqa: E402


def photo(width, height, image_format="JPEG"):
    return encoded(image_format, (width, height), "teal", quality=85)


FILES = {
    "PNG thật 13000×13000": lambda: ("bom.png", real_png(13000, 13000)),
    "PNG khai 13000×13000": lambda: ("khai.png", claimed_png(13000, 13000)),
    "JPEG 8000×6000 (48 Mpx)": lambda: ("lon.jpg", photo(8000, 6000)),
    "JPEG 7000×5700 (39,9 Mpx)": lambda: ("sat-gioi-han.jpg", photo(7000, 5700)),
    "JPEG 2000×1500 kèm HTML": lambda: ("anh.jpg", photo(2000, 1500) + b"<html>x</html>"),
}


def _peak_rss_mb():
    # VmHWM, this process's own high-water mark: getrusage's ru_maxrss would carry the
    # parent's peak over the fork and exec that started this process.
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise SystemExit("/proc/self/status has no VmHWM: this benchmark needs Linux.")


def one_upload(path, limit_off):
    """In this (fresh) process: validate one file through PhotoForm; print JSON."""
    import django

    if limit_off:
        os.environ["NEWSROOM_MAX_IMAGE_PIXELS"] = str(10**9)
    django.setup()
    from django.core.files.uploadedfile import SimpleUploadedFile

    from articles.admin.photo_forms import PhotoForm

    data = Path(path).read_bytes()
    upload = SimpleUploadedFile(Path(path).name, data)
    baseline = _peak_rss_mb()
    start = time.perf_counter()
    form = PhotoForm({"caption": "Thử", "credit": "", "alt_text": ""}, {"image": upload})
    valid = form.is_valid()
    elapsed = time.perf_counter() - start
    print(
        json.dumps(
            {
                "ms": elapsed * 1000,
                "rss_mb": _peak_rss_mb() - baseline,
                "bytes": len(data),
                "outcome": "nhận" if valid else "từ chối",
            }
        )
    )


def uploads_table():
    rows = [
        "| tệp | kích thước tệp | giới hạn | kết quả | thời gian | RSS tăng thêm |",
        "|---|---:|---|---|---:|---:|",
    ]
    folder = Path(tempfile.mkdtemp(prefix="bench-hostile-"))
    for label, make in FILES.items():
        # Made here, so the measuring process's peak memory is the upload's alone.
        name, data = make()
        path = folder / name
        path.write_bytes(data)
        for limit_off in (False, True):
            args = [sys.executable, __file__, "--one-upload", str(path)]
            if limit_off:
                args.append("--limit-off")
            result = subprocess.run(args, capture_output=True, text=True, check=True, cwd=ROOT)
            data = json.loads(result.stdout.strip().splitlines()[-1])
            rows.append(
                f"| {label} | {data['bytes'] / 1024:,.0f} kB | "
                f"{'tắt' if limit_off else '40 Mpx'} | {data['outcome']} | "
                f"{data['ms']:,.0f} ms | {data['rss_mb']:,.0f} MB |"
            )
    shutil.rmtree(folder)
    return "\n".join(rows)


def _black_hole():
    """A listening socket that is never accepted from: connects succeed, reads hang."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    return sock


def outages_table(requests):
    import django

    django.setup()
    from client_settings import client_settings
    from django.conf import settings
    from django.test import Client

    from articles import cachesafe
    from articles.models import Article

    if not Article.objects.live().exists():
        sys.exit("Không có bài viết nào đã xuất bản: chạy seed_demo hoặc seed_bench trước.")
    hole = _black_hole()
    targets = {
        "Redis: cổng đóng": "redis://127.0.0.1:1/0",
        "Redis: treo (nhận kết nối, không trả lời)": f"redis://127.0.0.1:{hole.getsockname()[1]}/0",
    }
    rows = [
        "| lỗi | yêu cầu đầu | trung vị các yêu cầu sau | mã trả về |",
        "|---|---:|---:|---|",
    ]
    for label, location in targets.items():
        caches = {
            **settings.CACHES,
            "default": {
                "BACKEND": "newsroom.cache.RedisCache",
                "LOCATION": location,
                "OPTIONS": settings.CACHES["default"].get(
                    "OPTIONS", {"socket_connect_timeout": 0.25, "socket_timeout": 0.5}
                ),
            },
        }
        with client_settings(CACHES=caches, NEWSROOM_PAGE_CACHE_SECONDS=300):
            cachesafe.reset()
            client = Client(raise_request_exception=False)
            times, codes = [], set()
            for _ in range(requests + 1):
                start = time.perf_counter()
                codes.add(client.get("/").status_code)
                times.append((time.perf_counter() - start) * 1000)
        rows.append(
            f"| {label} | {times[0]:,.0f} ms | {statistics.median(times[1:]):,.1f} ms | "
            f"{', '.join(map(str, sorted(codes)))} |"
        )
    hole.close()
    return "\n".join(rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--one-upload", help=argparse.SUPPRESS)
    parser.add_argument("--limit-off", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one_upload:
        one_upload(args.one_upload, args.limit_off)
        return
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT
    ).stdout.strip()
    print(f"Commit {commit}, {datetime.now():%Y-%m-%d %H:%M}\n")
    print("Ảnh tải lên qua PhotoForm, mỗi tệp trong một tiến trình mới:\n")
    print(uploads_table())
    print(f"\nTrang chủ khi Redis hỏng, bộ nhớ đệm trang bật, {args.requests} yêu cầu sau:\n")
    print(outages_table(args.requests))


if __name__ == "__main__":
    main()
