"""``manage.py suggest_related``: store "Xem thêm" for every published article (issue #9).

Each article's list is stored when it is published or its tags or picks change
(``articles.related``). This applies the rule to all of them at once: after an upgrade
that added the column, after a bulk import, or now and then (nightly, say) so that older
articles' lists take in newer articles on the same tags.
"""

import sys

from django.core.management.base import BaseCommand
from tqdm import tqdm

from articles import pagecache, related
from articles.models import Article


class Command(BaseCommand):
    help = 'Tính lại "Xem thêm" của mọi bài đã xuất bản theo quy tắc hiện hành.'

    def handle(self, *args, **options):
        total = Article.objects.filter(status=Article.Status.PUBLISHED).count()
        with tqdm(
            total=total, desc="Xem thêm", unit=" bài", file=sys.stderr, disable=None
        ) as progress:
            written = related.refresh_all(progress=progress.update)
        pagecache.bump()  # every article page may show another list
        self.stdout.write(f'Đã tính lại "Xem thêm" cho {written} bài viết.')
