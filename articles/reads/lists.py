"""What a page shows under "Đọc nhiều": the rankings resolved to live articles.

One query whatever the lists: every ranked id of the block by primary key through
``Article.objects.live()``, then each list in its ranking's order, the first ``SHOWN``
still live (and, for a section's list, still in that section). The page depends on each
list's scope and on every article it shows, so a new ranking or an unpublished article
refreshes it. ``None`` hides the block: no counters (a local-memory cache), Redis
unreachable, or nothing read yet; never a list made up from something else.
"""

from dataclasses import dataclass, field

from articles import pagecache
from articles.models import Article
from articles.reads import ranking, store

SHOWN = 5
LAST_DAY = "24 giờ qua"
LAST_WEEK = "7 ngày qua"


@dataclass
class MostReadList:
    label: str
    articles: list = field(default_factory=list)


@dataclass
class MostRead:
    title: str
    lists: list[MostReadList]


def for_home() -> MostRead | None:
    """The site's most read, in the last 24 hours and the last 7 days."""
    return _block(
        "Đọc nhiều",
        [(store.DAY, store.SITE, LAST_DAY, None), (store.WEEK, store.SITE, LAST_WEEK, None)],
    )


def for_section(section) -> MostRead | None:
    """The most read of ``section`` (an article page's own section), last 24 hours."""
    part = store.section_part(section.pk)
    return _block(f"Đọc nhiều: {section.name}", [(store.DAY, part, LAST_DAY, section.pk)])


def _block(title, specs) -> MostRead | None:
    if not store.available():
        return None
    ranked = []
    for window, part, label, section_id in specs:
        ids = ranking.ranking(window, part)
        if ids is None:
            return None  # Redis unreachable: the page is not cached either
        # Even an empty list: the first reads move this page on.
        pagecache.depends_on(ranking.scope(window, part))
        ranked.append((label, ids, section_id))
    wanted = {pk for _, ids, _ in ranked for pk in ids}
    if not wanted:
        return None
    found = Article.objects.live().filter(pk__in=wanted).select_related("section")
    found = found.only("title", "slug", "section_id", "section__slug")
    by_id = {article.pk: article for article in found}
    lists = []
    for label, ids, section_id in ranked:
        shown = [
            by_id[pk] for pk in ids if pk in by_id and section_id in (None, by_id[pk].section_id)
        ][:SHOWN]
        if shown:
            lists.append(MostReadList(label, shown))
    pagecache.depends_on(
        *(pagecache.article_scope(article.pk) for listed in lists for article in listed.articles)
    )
    return MostRead(title, lists) if lists else None
