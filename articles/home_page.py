"""What the home page reads (issue #9): one query, compiled once per process and prepared
on PostgreSQL (``articles.prepared``), whatever the size of the archive or the number of
sections.

The site's newest ``LATEST`` live articles and each section's newest ``PER_SECTION``, as
one set of ids: ``LIMIT`` windows, each read in order through an index ((status,
published_at, id) for the site, (section, status, published_at, id) for a section), joined
by ``UNION ALL`` (``articles.candidates``). They are split here: the newest ``LATEST`` rows
are the site's newest, since the site's window is among them, and a section's newest
``PER_SECTION`` rows are that section's, since its window is among them.
"""

from __future__ import annotations

import copy
from itertools import islice

from django.db.models.expressions import RawSQL

from articles import cards
from articles.candidates import union_all, union_all_over
from articles.models import Article, Section
from articles.prepared import IDS, MOMENT, Prepared

LATEST = 11  # the lead story and ten more
PER_SECTION = 4


def _newest(articles):
    return articles.order_by("-published_at", "-pk").values_list("pk")


def _on_home(section_ids, now):
    site = union_all([_newest(Article.objects.live(now))[:LATEST]])
    sections = union_all_over(
        lambda pk: _newest(Article.objects.live(now).filter(section=pk))[:PER_SECTION],
        section_ids,
    )
    ids = RawSQL(f"{site.sql} UNION ALL {sections.sql}", (*site.params, *sections.params))
    return cards.queryset(now).filter(pk__in=ids).order_by("-published_at", "-pk")


_ON_HOME = Prepared(_on_home, section_ids=IDS, now=MOMENT)


def read(section_ids, now) -> tuple[list[Article], list[tuple[Section, list[Article]]]]:
    """The newest live articles, and each section's newest with the section, the sections in
    their editor-set order (position, then name); ``section_ids``: every section's id."""
    rows = _ON_HOME(section_ids=section_ids, now=now)
    latest = rows[:LATEST]
    shown = {article.pk for article in latest}
    by_section: dict[int, list[Article]] = {}
    for article in rows:
        by_section.setdefault(article.section_id, []).append(article)
    blocks = []
    for articles in by_section.values():
        newest = list(islice(articles, PER_SECTION))
        # Its own instance where it is also in the latest: each place has its own card.
        newest = [copy.copy(a) if a.pk in shown else a for a in newest]
        blocks.append((newest[0].section, newest))
    blocks.sort(key=lambda block: (block[0].position, block[0].name, block[0].pk))
    return latest, blocks
