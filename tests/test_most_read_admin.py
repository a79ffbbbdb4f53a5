"""Đọc nhiều (issue #13) for editors: ``fold_reads`` copies the daily counters into
``ArticleReads`` (setting, never adding, never lowering), and the admin shows them."""

from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import ArticleReads
from articles.reads import fold, store
from tests.factories import ArticleFactory, SectionFactory
from tests.reads_support import needs_redis, read_many

pytestmark = pytest.mark.django_db


def test_folding_sets_never_adds_and_never_lowers(monkeypatch):
    kept, gone = ArticleFactory(live=True), ArticleFactory(live=True)
    day = date(2026, 11, 29)
    counted = {kept.pk: 7, gone.pk: 3}
    monkeypatch.setattr(store, "day_totals", lambda d: dict(counted))
    gone.delete()
    assert fold.fold_day(day) == 1
    assert fold.fold_day(day) == 0  # again: the same row, the same count
    counted[kept.pk] = 9
    fold.fold_day(day)
    counted[kept.pk] = 2  # Redis restarted and began again
    fold.fold_day(day)
    assert list(ArticleReads.objects.values_list("article", "day", "count")) == [(kept.pk, day, 9)]


def test_editors_see_reads_without_a_query_per_row(client, editor):
    section = SectionFactory()  # one: a new section moves the banner's SITE generation on
    articles = ArticleFactory.create_batch(3, live=True, section=section)
    ArticleReads.objects.create(article=articles[0], day=timezone.localdate(), count=1234)
    ArticleReads.objects.create(article=articles[0], day=date(2020, 1, 1), count=1)
    client.force_login(editor)
    form = client.get(reverse("admin:articles_article_change", args=[articles[0].pk]))
    assert "Tổng đã gộp: 1.235" in form.content.decode()
    assert "7 ngày qua: 1.234" in form.content.decode()
    url = reverse("admin:articles_article_changelist")
    with CaptureQueriesContext(connection) as few:
        listed = client.get(url).content.decode()
    assert "1.235" in listed and "lượt đọc" in listed.lower()
    ArticleFactory.create_batch(5, live=True, section=section)
    with CaptureQueriesContext(connection) as more:
        client.get(url)
    assert len(more) == len(few)


@needs_redis
def test_fold_reads_copies_the_days_and_is_idempotent(client):
    article = ArticleFactory(live=True)
    read_many(client, article, 3)
    store.count(article.pk, article.section_id, "x", timezone.now() - timedelta(days=1))
    call_command("fold_reads")
    call_command("fold_reads")
    today = timezone.localdate()
    assert dict(ArticleReads.objects.values_list("day", "count")) == {
        today: 3,
        today - timedelta(days=1): 1,
    }
