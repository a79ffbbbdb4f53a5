"""``manage.py seed_bench`` appends a benchmark archive: valid live articles over five years,
every state, moved through publishing, the rows ``save`` would make, deterministic, with
progress on a terminal only.

The 1,000-article archive is made once for the module, inside a transaction rolled back
when the module ends; each test runs in a savepoint inside it, as usual.
"""

import io
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import models, transaction
from django.test import override_settings
from django.utils import timezone

from articles import richtext
from articles.demo import content
from articles.models import Article, StateChange, TaggedArticle

pytestmark = pytest.mark.django_db


def bench(articles, **options):
    """Run seed_bench; what it wrote on stdout and on stderr."""
    out, err = io.StringIO(), options.pop("stderr", io.StringIO())
    call_command("seed_bench", articles=articles, stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker, tmp_path_factory):
    """1,000 bench articles made once for the module (after the demo, when it is there),
    rolled back when the module ends: when the run started, what it printed, the articles.
    """
    media = tmp_path_factory.mktemp("bench-media")
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media),
        transaction.atomic(),
    ):
        started = timezone.now()
        last = Article.objects.order_by("pk").last()
        out, _ = bench(1000)
        made = Article.objects.filter(pk__gt=last.pk if last else 0)
        yield started, out, made
        transaction.set_rollback(True)


def test_seed_bench_archive_has_every_state(archive):
    """Live, ~0.5% scheduled within 30 days, ~0.2% never published."""
    started, out, made = archive
    assert out.strip() == "Đã tạo 1000 bài viết thử tải (5 hẹn giờ, 2 chưa xuất bản)."
    assert made.live().count() == 993
    scheduled = list(made.scheduled().values_list("published_at", flat=True))
    assert len(scheduled) == 5
    assert all(started < at <= started + timedelta(days=30) for at in scheduled)
    unpublished = made.exclude(status=Article.Status.PUBLISHED)
    assert unpublished.count() == 2
    assert not unpublished.filter(published_at__isnull=False).exists()


def test_seed_bench_archive_spans_five_years_with_ids_in_time_order(archive):
    started, _, made = archive
    live = made.live()
    assert len(live.dates("published_at", "month")) >= 58  # 61 months, ~16 articles each
    oldest = live.order_by("published_at").first().published_at
    assert started - timedelta(days=5 * 366) < oldest < started - timedelta(days=4 * 365)
    # "Newest by id" stands for "newest" (tag windows of "Xem thêm", issue #9).
    times = list(made.exclude(published_at=None).order_by("pk").values_list("published_at"))
    assert times == sorted(times)
    for article in live:
        assert article.created_at <= article.published_at <= article.updated_at <= timezone.now()


def test_seed_bench_archive_fills_sections_authors_tags_and_picks(archive):
    _, _, made = archive
    made = made.prefetch_related("authors", "tags", "related_links__to_article")
    assert set(made.values_list("section__slug", flat=True)) == set(content.SECTIONS)
    journalists = get_user_model().objects.filter(groups__name=content.JOURNALIST_GROUP)
    bench_journalists = set(journalists.filter(username__startswith="phongvien-bench-"))
    assert len(bench_journalists) == 20
    authors, picks = set(), 0
    for article in made:
        assert 1 <= len(article.authors.all()) <= 2
        authors |= set(article.authors.all())
        assert 2 <= len(article.tags.all()) <= 4
        links = list(article.related_links.all())
        assert len(links) <= 3
        for link in links:  # editor picks of earlier live articles
            assert link.to_article.pk < article.pk and link.to_article.is_live
        picks += len(links)
    assert authors <= bench_journalists and len(authors) >= 15
    assert 800 <= picks <= 1400  # 1.1 per article on average
    # Tag popularity is skewed: a few tags are on many articles, most on a few.
    tagged = TaggedArticle.objects.filter(content_object__in=made)
    sizes = sorted(
        tagged.values("tag").annotate(n=models.Count("pk")).values_list("n", flat=True),
        reverse=True,
    )
    assert len(sizes) >= 200
    assert sizes[0] >= 300 and sizes[0] > 20 * sizes[len(sizes) // 2]


def test_seed_bench_moves_articles_through_publishing(archive):
    """Each article's state comes with its trail, the system's (``publishing.create_many``)."""
    _, _, made = archive
    Status = Article.Status
    expected = {
        Status.PUBLISHED: [(Status.DRAFT, Status.PUBLISHED)],
        Status.DRAFT: [],
        Status.SUBMITTED: [(Status.DRAFT, Status.SUBMITTED)],
        Status.RETURNED: [(Status.DRAFT, Status.SUBMITTED), (Status.SUBMITTED, Status.RETURNED)],
    }
    trail = StateChange.objects.filter(article__in=made)
    assert set(trail.values_list("system", flat=True)) == {"seed_bench"}
    assert not trail.filter(by__isnull=False).exists()
    for article in made.prefetch_related("state_changes"):
        steps = list(article.state_changes.all())
        assert [(s.from_status, s.to_status) for s in steps] == expected[article.status]
        assert article.version == 1 + len(steps)
        if article.status == Status.PUBLISHED:
            assert steps[0].published_at == article.published_at
            assert steps[0].at <= timezone.now()
    assert trail.count() >= 998


def test_seed_bench_rows_are_what_save_makes(archive):
    """Each derived column (and the vector, on PostgreSQL) is what Article.save() stores."""
    _, _, made = archive
    columns = ["title", "location", "sapo", "body", "slug", "search_title", "search_text"]
    columns.append("search_vector")
    for article in list(made.order_by("pk"))[::50]:
        seeded = Article.objects.values(*columns).get(pk=article.pk)
        photos = set(article.photos.values_list("pk", flat=True))
        assert photos == set(richtext.photo_ids(article.body))
        article.save()
        assert Article.objects.values(*columns).get(pk=article.pk) == seeded
        assert set(article.photos.values_list("pk", flat=True)) == photos


def test_seed_bench_is_deterministic_and_appends():
    """The same --seed makes the same articles; running again adds N more."""

    def snapshot():
        articles = Article.objects.order_by("pk").select_related("section")
        return [
            (
                a.title,
                a.section.slug,
                a.status,
                a.published_at,
                a.created_at,
                a.updated_at,
                a.body,
                sorted(a.tags.names()),
                sorted(a.authors.values_list("username", flat=True)),
                [link.to_article.title for link in a.related_links.all()],
            )
            for a in articles.prefetch_related("tags", "authors")
        ]

    with time_machine.travel(timezone.now(), tick=False):
        bench(1)  # journalists, sections, photos and tags, made once
        with transaction.atomic():
            bench(120, seed=7)
            first = snapshot()
            transaction.set_rollback(True)
        bench(120, seed=7)
        assert snapshot() == first
        before = Article.objects.count()
        bench(120, seed=7)
    assert Article.objects.count() == before + 120
    assert Article.objects.order_by("pk").last().title.endswith(f", bài số {before + 120}")


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_seed_bench_shows_progress_on_a_terminal_only():
    _, shown = bench(40, stderr=Terminal())
    assert "40/40" in shown
    _, hidden = bench(40)
    assert hidden == ""
