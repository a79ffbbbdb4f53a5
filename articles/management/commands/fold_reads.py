"""``manage.py fold_reads [--days N]``: the read counters' daily totals into the database.

By default yesterday's and today's so far (run it from cron every 15 minutes or so, and at
least once after midnight); ``--days 8`` catches up after the job stopped, as far back as
Redis keeps daily counters. See ``articles/reads/fold.py``.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from articles import cachesafe
from articles.reads import fold, store

MAX_DAYS = store.DAY_SECONDS_KEPT // (24 * 3600)


class Command(BaseCommand):
    help = "Gộp lượt đọc trong Redis vào cơ sở dữ liệu (hôm qua và hôm nay, mặc định)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=2,
            help=f"Số ngày gần nhất cần gộp, tính cả hôm nay (1–{MAX_DAYS}; mặc định 2).",
        )

    def handle(self, *args, days, **options):
        if not 1 <= days <= MAX_DAYS:
            raise CommandError(f"--days phải từ 1 đến {MAX_DAYS}: Redis chỉ giữ chừng ấy ngày.")
        if not store.available():
            self.stdout.write(
                "Bộ đếm lượt đọc cần Redis (REDIS_URL); bộ nhớ đệm đang dùng không phải "
                "Redis nên không có lượt đọc nào để gộp."
            )
            return
        today = timezone.localdate()
        for back in reversed(range(days)):
            day = today - timedelta(days=back)
            try:
                written = fold.fold_day(day)
            except cachesafe.UNREACHABLE as exc:
                raise CommandError(f"Không kết nối được Redis: {exc}") from exc
            self.stdout.write(f"{day:%d/%m/%Y}: {written} bài được cập nhật lượt đọc.")
