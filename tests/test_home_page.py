"""The home page's one query (articles/home_page.py): the site's newest and each section's
newest, split from one set of LIMIT windows, checked against the rule read plainly."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles import home_page
from articles.models import Article, Section
from tests.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db


def test_the_split_is_the_rule_read_plainly(django_assert_num_queries):
    now = timezone.now()
    busy, quiet, empty = (
        SectionFactory(name="Thời sự", position=2),
        SectionFactory(name="Văn hoá", position=1),
        SectionFactory(name="Thể thao", position=3),
    )
    for hours in range(1, 10):  # the busy section holds most of the newest articles
        ArticleFactory(live=True, section=busy, published_at=now - timedelta(hours=hours))
    for hours in (5, 30, 31, 32, 33, 34):
        ArticleFactory(
            live=True, section=quiet, published_at=now - timedelta(hours=hours, minutes=1)
        )
    ArticleFactory(section=empty, status=Article.Status.DRAFT)
    ArticleFactory(
        section=quiet, status=Article.Status.PUBLISHED, published_at=now + timedelta(hours=1)
    )
    ids = list(Section.objects.values_list("pk", flat=True))
    with django_assert_num_queries(1):
        latest, blocks = home_page.read(ids, now)
    live = Article.objects.live(now).order_by("-published_at", "-pk")
    assert [a.pk for a in latest] == list(live.values_list("pk", flat=True)[: home_page.LATEST])
    assert [section.name for section, _ in blocks] == ["Văn hoá", "Thời sự"]  # by position
    for section, articles in blocks:
        newest = live.filter(section=section)[: home_page.PER_SECTION]
        assert [a.pk for a in articles] == [a.pk for a in newest]
    # An article both among the latest and in its block is two instances: two cards.
    busy_block = {s.pk: a for s, a in blocks}[busy.pk]
    assert busy_block[0].pk == latest[0].pk and busy_block[0] is not latest[0]


def test_no_section_no_article():
    assert home_page.read([], timezone.now()) == ([], [])
