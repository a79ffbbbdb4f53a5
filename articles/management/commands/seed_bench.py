"""``manage.py seed_bench --articles N``: an archive of N realistic articles, fast (issue #9).

A shell around ``articles.demo.bench`` (what the archive looks like, and why it is made
the way it is, is said there): the arguments, the progress bars, the closing line.
"""

import random
import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from tqdm import tqdm

from articles import related
from articles.demo.bench import cast, writing
from articles.demo.bench.plan import Plan
from articles.models import Article


class Command(BaseCommand):
    help = (
        "Tạo nhanh N bài viết thử tải (chuyên mục, thẻ, tác giả, ảnh, bài liên quan, "
        "5 năm xuất bản), thêm vào dữ liệu đang có, cho các bài đo trong bench/."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=2000, help="Số bài viết cần tạo.")
        parser.add_argument("--seed", type=int, default=1, help="Hạt giống ngẫu nhiên.")

    def handle(self, *args, articles, seed, **options):
        if articles < 1:
            raise CommandError("Số bài viết phải lớn hơn 0.")
        made_of = cast.prepare()
        plan = Plan(random.Random(seed), articles, made_of.start, timezone.now(), made_of)
        with self.progress(articles, "Bài viết", options) as progress:
            writing.write_all(plan, progress.update)
        # "Xem thêm" as publishing stores it, for the whole archive at once.
        published = Article.objects.filter(status=Article.Status.PUBLISHED).count()
        with self.progress(published, "Xem thêm", options) as progress:
            related.refresh_all(progress=progress.update)
        writing.finish()
        self.stdout.write(
            f"Đã tạo {articles} bài viết thử tải ({plan.scheduled} hẹn giờ, "
            f"{plan.unpublished} chưa xuất bản)."
        )

    def progress(self, total, desc, options):
        return tqdm(
            total=total,
            desc=desc,
            unit=" bài",
            file=options.get("stderr", sys.stderr),
            disable=None,  # shown on a terminal only
        )
