"""``manage.py bench_pages``: the pages bench/run loads on this site, as JSON on stdout.

The article page from the middle of the archive (not the newest, which a cache favours)
and the news index's page 1, each with its size and query count: the second of two
requests through Django's test client (the first loads templates and Wagtail's per-process
site root paths), as bench/run counts Newsroom's pages. Also the versions of Wagtail,
Django and gunicorn, for the report.
"""

import json

import django
import gunicorn
import wagtail
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from news.models import ArticlePage, NewsIndexPage


class Command(BaseCommand):
    help = "In ra (JSON) các trang bench/run đo trên trang Wagtail và số truy vấn của mỗi trang."

    def handle(self, *args, **options):
        index = NewsIndexPage.objects.live().first()
        articles = ArticlePage.objects.child_of(index).live() if index else None
        count = articles.count() if articles is not None else 0
        if not count:
            raise CommandError("Chưa có bài viết nào: manage.py seed_news --articles N.")
        middle = articles.order_by("first_published_at", "pk")[count // 2]
        client = Client(HTTP_HOST="127.0.0.1")  # an ALLOWED_HOSTS name, as gunicorn gets
        pages = []
        for key, label, page in (
            ("wagtail_article", "Wagtail: bài viết", middle),
            ("wagtail_index", "Wagtail: danh sách tin, trang 1", index),
        ):
            path = page.get_url()  # relative to the default site
            client.get(path)
            with CaptureQueriesContext(connection) as captured:
                response = client.get(path)
            if response.status_code != 200:
                raise CommandError(f"{path} trả về {response.status_code}")
            pages.append(
                {
                    "key": key,
                    "label": label,
                    "path": path,
                    "queries": len(captured),
                    "bytes": len(response.content),
                    "sql": [query["sql"] for query in captured],
                }
            )
        versions = {
            "wagtail": wagtail.__version__,
            "django": django.get_version(),
            "gunicorn": gunicorn.__version__,
        }
        found = {"articles": count, "pages": pages, "versions": versions}
        self.stdout.write(json.dumps(found, ensure_ascii=False))
