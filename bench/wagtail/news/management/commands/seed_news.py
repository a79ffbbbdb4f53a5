"""``manage.py seed_news --articles N``: N article pages under one news index, fast.

Wagtail creates a page with ``parent.add_child(instance=page)``: a treebeard path lookup,
the page's validation and save, its search-index and reference-index rows, one page at a
time. Here the pages of each batch are written together instead, with what ``add_child``
would have stored: the treebeard ``path`` (the index's path + the next 4-character base-36
step), ``depth``, the parent's ``numchild``, ``url_path``, ``draft_title``, locale,
``translation_key``, ``live`` and the publication times; then the ``news_articlepage`` rows
(Django's ``bulk_create`` refuses multi-table models, so they are one ``INSERT`` per batch)
and the tags' through rows. Left out, as nothing the reader pages read: revisions, the
search index (``wagtailsearch_indexentry``) and the reference index. At the end the whole
tree must pass treebeard's five checks (``tree_problems``), then ``VACUUM ANALYZE``.

Articles are published over the last five years, oldest first (ids and paths grow with
time, as in Newsroom's ``seed_bench``). Running it again appends to the same index.
"""

import random
import time
import uuid
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from psycopg2.extras import execute_values
from taggit.models import Tag
from wagtail.models import Page, Site

from news import content
from news.models import ArticlePage, ArticlePageTag, NewsIndexPage

BATCH = 2000
YEARS = 5
# treebeard's MP_Node.find_problems() as set-based SQL: it makes two queries a page (47 s
# for 10,000 pages, minutes at 100,000); these five statements read the table once each.
TREE_CHECKS = {
    "evil_chars": "SELECT count(*) FROM wagtailcore_page WHERE path !~ '^[0-9A-Z]+$'",
    "bad_steplen": "SELECT count(*) FROM wagtailcore_page WHERE length(path) % 4 <> 0",
    "orphans": """SELECT count(*) FROM wagtailcore_page c WHERE c.depth > 1 AND NOT EXISTS
        (SELECT 1 FROM wagtailcore_page p WHERE p.path = left(c.path, length(c.path) - 4))""",
    "wrong_depth": "SELECT count(*) FROM wagtailcore_page WHERE depth <> length(path) / 4",
    "wrong_numchild": """SELECT count(*) FROM wagtailcore_page p LEFT JOIN
        (SELECT left(path, length(path) - 4) AS parent, count(*) AS n FROM wagtailcore_page
         WHERE depth > 1 GROUP BY 1) c ON c.parent = p.path
        WHERE p.numchild <> coalesce(c.n, 0)""",
}


def tree_problems() -> dict[str, int]:
    """Pages failing each of treebeard's checks (all zero for a sound tree)."""
    if Page.steplen != 4 or Page.alphabet != "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        raise CommandError("Các câu kiểm tra cây giả định steplen 4, bảng chữ 0-9A-Z.")
    found = {}
    with connection.cursor() as cursor:
        for name, statement in TREE_CHECKS.items():
            cursor.execute(statement)
            found[name] = cursor.fetchone()[0]
    return found


class Command(BaseCommand):
    help = "Tạo N trang bài viết Wagtail dưới một trang danh sách tin (đối chiếu cho bench/run)."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=10_000, help="Số bài viết cần tạo.")
        parser.add_argument("--seed", type=int, default=1, help="Hạt giống ngẫu nhiên.")

    def handle(self, *args, articles, seed, **options):
        if articles < 1:
            raise CommandError("Số bài viết phải lớn hơn 0.")
        started = time.monotonic()
        index = self.news_index()
        tags = self.tags()
        rng = random.Random(seed + index.numchild)
        now = timezone.now()
        oldest = now - timedelta(days=365 * YEARS)
        step = (now - oldest) / articles
        article_type = ContentType.objects.get_for_model(ArticlePage)
        done = 0
        while done < articles:
            size = min(BATCH, articles - done)
            # The next step after the last child's, as add_child takes it (not numchild: a
            # deleted page leaves a gap in the steps). Read from the table: treebeard's
            # get_children() answers nothing while this instance's numchild says 0.
            children = Page.objects.filter(path__startswith=index.path, depth=index.depth + 1)
            last = children.order_by("-path").values_list("path", flat=True).first()
            start = NewsIndexPage._str2int(last[-NewsIndexPage.steplen :]) if last else 0
            rows = []
            for i in range(size):
                number = start + i + 1
                # Times grow with the path: each article somewhere in its own slot.
                at = oldest + step * (done + i + rng.random())
                rows.append((number, at, content.article(rng, number)))
            with transaction.atomic():
                self.write(index, article_type, tags, rows)
            done += size
            rate = done / (time.monotonic() - started)
            self.stderr.write(f"Bài viết: {done}/{articles} ({rate:.0f} bài/giây)")
        if problems := {name: n for name, n in tree_problems().items() if n}:
            raise CommandError(f"Cây trang có lỗi: {problems}")
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
        seconds = time.monotonic() - started
        index.refresh_from_db(fields=["numchild"])
        self.stdout.write(
            f"Đã tạo {articles} bài viết dưới {index.url_path} trong {seconds:.0f} giây "
            f"({index.numchild} bài trong trang danh sách)."
        )

    def news_index(self) -> NewsIndexPage:
        """The one news index, "/tin-tuc/" under the default site's root page, in its menu."""
        found = NewsIndexPage.objects.first()
        if found:
            return found
        site = Site.objects.get(is_default_site=True)
        index = NewsIndexPage(
            title="Tin tức",
            slug="tin-tuc",
            show_in_menus=True,
            intro="<p>Tin mới nhất từ khắp các tỉnh thành.</p>",
        )
        site.root_page.add_child(instance=index)
        # The site root from Wagtail's first migration is a bare Page: give the menu a
        # title readers would see.
        Page.objects.filter(pk=site.root_page_id).update(
            title="Trang chủ", draft_title="Trang chủ"
        )
        return index

    def tags(self) -> list[int]:
        """The 300 tags' ids, by popularity rank; created when missing."""
        existing = dict(Tag.objects.filter(name__in=content.TAGS).values_list("name", "pk"))
        taken = set(Tag.objects.values_list("slug", flat=True))
        missing = []
        for name in content.TAGS:
            if name in existing:
                continue
            slug, n = content.ascii_slug(name), 1
            while slug in taken:  # two names that fold to the same letters
                n += 1
                slug = f"{content.ascii_slug(name)}-{n}"
            taken.add(slug)
            missing.append(Tag(name=name, slug=slug))
        Tag.objects.bulk_create(missing)
        existing = dict(Tag.objects.filter(name__in=content.TAGS).values_list("name", "pk"))
        return [existing[name] for name in content.TAGS]

    def write(self, index, article_type, tags, rows) -> None:
        depth = index.depth + 1
        pages = [
            Page(
                path=NewsIndexPage._get_path(index.path, depth, number),
                depth=depth,
                numchild=0,
                title=data["title"],
                draft_title=data["title"],
                slug=data["slug"],
                content_type=article_type,
                url_path=f"{index.url_path}{data['slug']}/",
                live=True,
                has_unpublished_changes=False,
                first_published_at=at,
                last_published_at=at,
                latest_revision_created_at=at,
                locale_id=index.locale_id,
                translation_key=uuid.uuid4(),
            )
            for number, at, data in rows
        ]
        Page.objects.bulk_create(pages)
        with connection.cursor() as cursor:
            execute_values(
                cursor.cursor,  # psycopg2's own, under Django's wrapper
                "INSERT INTO news_articlepage (page_ptr_id, date, intro, body) VALUES %s",
                [
                    (page.pk, at, data["intro"], data["body"])
                    for page, (_, at, data) in zip(pages, rows, strict=True)
                ],
                page_size=500,
            )
        ArticlePageTag.objects.bulk_create(
            ArticlePageTag(content_object_id=page.pk, tag_id=tags[position])
            for page, (_, _, data) in zip(pages, rows, strict=True)
            for position in data["tags"]
        )
        Page.objects.filter(pk=index.pk).update(numchild=F("numchild") + len(pages))
