"""Which articles an article page offers under "Xem thêm".

The rule is applied when the article changes, not when it is read (issue #9): publishing
an article, changing its tags or its hand-picked articles stores its ``SUGGESTED`` best
candidates in ``Suggestions`` (``refresh``), a narrow table of their own. A reader's page
reads those few rows by primary key and applies the live rule to them (``related_articles``): one
small query whatever the size of the archive. ``manage.py suggest_related`` applies the
rule to every published article at once (``refresh_all``, the same ranking, candidates
gathered in memory); ``seed_bench`` calls it, and it brings older lists up to date (a list
is the rule as it stood when its article last changed: newer articles on the same tags
join it when it is refreshed).
"""

import heapq
from collections import defaultdict

from django.conf import settings
from django.db.models import Q, QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

from articles.candidates import union_all
from articles.models import Article, RelatedArticle, Suggestions, TaggedArticle
from articles.prepared import IDS, MOMENT, Prepared

MAX_RELATED = 6
# Stored per article: more than a page shows, so an article unpublished since leaves room.
SUGGESTED = 12
# Candidates, whatever the size of the archive: the newest PER_TAG articles (by id) of each
# of the article's first MAX_TAGS tags (by tag id), at most MAX_PICKS hand-picked ones and
# the newest SUGGESTED of the section. Only these rows are ranked.
PER_TAG = 200
MAX_TAGS = 10
MAX_PICKS = 50
BATCH = 2000


def rank(picks: list[int], candidates, limit: int = SUGGESTED) -> list[int]:
    """The rule, in order, over ``candidates``: ``(id, published_at, shared tag count)`` of
    live articles other than the article itself (``published_at`` a datetime or its POSIX
    timestamp).

    1. the articles the editor picked by hand (``picks``), in the editor's order, and only
       those (issue #10: the editor's choice is the list) while one of them is live, unless
       ``NEWSROOM_RELATED_TOP_UP`` asks for the rest of the rule after them;
    2. then those sharing the most tags with the article, more recent first on a tie;
    3. then the latest of the same section (the section's window shares no tag: 0).
    """
    position = {pk: number for number, pk in enumerate(picks)}
    picked = [row for row in candidates if row[0] in position]  # live picks only
    if picked and not settings.NEWSROOM_RELATED_TOP_UP:
        candidates = picked
    unpicked = len(position)

    def order(row):
        moment = row[1] if isinstance(row[1], float) else row[1].timestamp()
        return (position.get(row[0], unpicked), -row[2], -moment, -row[0])

    return [pk for pk, _, _ in heapq.nsmallest(limit, candidates, key=order)]


def suggest(article: Article, limit: int = SUGGESTED) -> list[int]:
    """The rule applied now to one article, by the database: four small queries."""
    tag_ids = list(
        TaggedArticle.objects.filter(content_object=article.pk)
        .order_by("tag_id")
        .values_list("tag_id", flat=True)[:MAX_TAGS]
    )
    picks = list(
        RelatedArticle.objects.filter(from_article=article.pk)
        .order_by("position", "pk")
        .values_list("to_article", flat=True)[:MAX_PICKS]
    )
    live = Article.objects.live().exclude(pk=article.pk)
    windows = [
        live.filter(section=article.section_id)
        .order_by("-published_at", "-pk")
        .values_list("pk")[:limit]
    ]
    # By tag then article id, through TaggedArticle's (tag, content_object) index alone:
    # the through table has no publication date to order by, and ids grow with time. The
    # live rule is applied once, to the candidates; a window that holds a few drafts or
    # scheduled articles just offers a few candidates fewer.
    windows += [
        TaggedArticle.objects.filter(tag_id=tag_id)
        .exclude(content_object=article.pk)
        .order_by("-content_object")
        .values_list("content_object")[:PER_TAG]
        for tag_id in tag_ids
    ]
    rows = list(
        live.filter(Q(pk__in=union_all(windows)) | Q(pk__in=picks))
        .order_by()
        .values_list("pk", "published_at")
    )
    shared = defaultdict(int)
    if tag_ids and rows:
        for (pk,) in TaggedArticle.objects.filter(
            content_object__in=[pk for pk, _ in rows], tag_id__in=tag_ids
        ).values_list("content_object"):
            shared[pk] += 1
    return rank(picks, [(pk, published_at, shared[pk]) for pk, published_at in rows], limit)


# Compiled once per process (articles.prepared): the article page's third query.
_LIVE_BY_ID = Prepared(
    lambda ids, now: (
        Article.objects.live(now).summaries().select_related("section").filter(pk__in=ids)
    ),
    ids=IDS,
    now=MOMENT,
)


def related_articles(article: Article, limit: int = MAX_RELATED) -> list[Article]:
    """Up to ``limit`` live articles to read next: the stored suggestions still live, in
    their order; when some are no longer live (unpublished or deleted since), the newest
    of the section fill their places. Never the article itself, never one that is not live
    (draft, submitted, returned, scheduled), even when picked by hand. One query, two when
    a suggestion has gone."""
    try:
        ids = article.suggestions.ids  # joined by the article page's query
    except Suggestions.DoesNotExist:  # never stored (published before the table): the rule now
        ids = suggest(article)
    now = timezone.now()
    found = {item.pk: item for item in _LIVE_BY_ID(ids=ids, now=now)}
    items = [found[pk] for pk in ids if pk in found][:limit]
    places = min(limit, len(ids))  # a gone suggestion's place, not more (picks stay picks)
    if len(found) < len(ids) and len(items) < places:
        live = Article.objects.live(now).summaries().select_related("section")
        fill = live.filter(section=article.section_id).exclude(pk__in=[article.pk, *ids])
        items += fill.order_by("-published_at", "-pk")[: places - len(items)]
    return items


def refresh(ids) -> None:
    """Store the rule's suggestions of these articles, those that are published."""
    published = Article.objects.filter(pk__in=list(ids), status=Article.Status.PUBLISHED)
    _store({article.pk: suggest(article) for article in published.only("pk", "section_id")})


def refresh_all(progress=None) -> int:
    """The rule for every published article at once, ranked as ``suggest`` ranks, with the
    candidate windows (which are the same for every article of a tag or a section) read
    once; a million articles in minutes. Returns how many lists were written."""
    live = Article.objects.live()
    tag_windows = {}
    for tag_id in TaggedArticle.objects.values_list("tag_id", flat=True).distinct():
        # One more than a window holds: the article itself is left out of its own.
        tag_windows[tag_id] = list(
            TaggedArticle.objects.filter(tag_id=tag_id)
            .order_by("-content_object")
            .values_list("content_object", flat=True)[: PER_TAG + 1]
        )
    section_windows = {}
    for section_id in live.values_list("section_id", flat=True).distinct().order_by():
        section_windows[section_id] = list(
            live.filter(section=section_id)
            .order_by("-published_at", "-pk")
            .values_list("pk", flat=True)[: SUGGESTED + 1]
        )
    universe = {
        pk for window in [*tag_windows.values(), *section_windows.values()] for pk in window
    }
    # POSIX timestamps: rank() compares a million times what a datetime would convert.
    dates = {
        pk: moment.timestamp()
        for pk, moment in live.filter(pk__in=universe).values_list("pk", "published_at")
    }
    tags_of = defaultdict(list)
    for pk, tag_id in TaggedArticle.objects.filter(content_object__in=list(dates)).values_list(
        "content_object", "tag_id"
    ):
        tags_of[pk].append(tag_id)

    tags_of = {pk: frozenset(tag_ids) for pk, tag_ids in tags_of.items()}
    # An article outside every window sees the same candidates as any other of its section
    # with the same tags: ranked once per (section, tags). One inside a window has the
    # next article of that window instead of itself, and is ranked on its own.
    inside = universe
    top_up = settings.NEWSROOM_RELATED_TOP_UP
    ranked_for = {}

    def candidates(pk, section_id, tag_ids, own_picks, pick_dates):
        wanted = set(tag_ids)
        pool = [other for other in section_windows.get(section_id, ()) if other != pk]
        pool = pool[:SUGGESTED]
        for tag_id in tag_ids:
            pool += [other for other in tag_windows[tag_id] if other != pk][:PER_TAG]
        pool += own_picks
        rows = []
        for other in set(pool) - {pk}:
            published_at = dates.get(other) or pick_dates.get(other)
            if published_at is not None:  # live
                shared = len(wanted.intersection(tags_of.get(other, ())))
                rows.append((other, published_at, shared))
        return rows

    written = 0
    published = Article.objects.filter(status=Article.Status.PUBLISHED).order_by("pk")
    last = 0
    while batch := list(published.filter(pk__gt=last).values_list("pk", "section_id")[:BATCH]):
        last = batch[-1][0]
        pks = [pk for pk, _ in batch]
        article_tags, picks = defaultdict(list), defaultdict(list)
        for pk, tag_id in TaggedArticle.objects.filter(content_object__in=pks).values_list(
            "content_object", "tag_id"
        ):
            article_tags[pk].append(tag_id)
        links = RelatedArticle.objects.filter(from_article__in=pks).order_by("position", "pk")
        for pk, to in links.values_list("from_article", "to_article"):
            if len(picks[pk]) < MAX_PICKS:
                picks[pk].append(to)
        picked = {to for targets in picks.values() for to in targets} - dates.keys()
        pick_dates = {
            pk: moment.timestamp()
            for pk, moment in live.filter(pk__in=picked).values_list("pk", "published_at")
        }
        values = {}
        for pk, section_id in batch:
            own_picks = picks.get(pk, [])
            live_picks = [
                (other, dates.get(other) or pick_dates[other], 0)
                for other in own_picks
                if other != pk and (other in dates or other in pick_dates)
            ]
            if live_picks and not top_up:  # the editor's choice is the list
                values[pk] = rank(own_picks, live_picks)
                continue
            tag_ids = tuple(sorted(article_tags[pk])[:MAX_TAGS])
            if own_picks or pk in inside:
                rows = candidates(pk, section_id, tag_ids, own_picks, pick_dates)
                values[pk] = rank(own_picks, rows)
                continue
            key = (section_id, tag_ids)
            if key not in ranked_for:
                ranked_for[key] = rank([], candidates(None, section_id, tag_ids, [], {}))
            values[pk] = ranked_for[key]
        _store(values)
        written += len(values)
        if progress is not None:
            progress(len(values))
    return written


def _store(values: dict[int, list[int]]) -> None:
    """Insert or replace these lists (no signal, no history, nothing of the article touched)."""
    Suggestions.objects.bulk_create(
        [Suggestions(article_id=pk, ids=ids) for pk, ids in values.items()],
        batch_size=BATCH,
        update_conflicts=True,
        unique_fields=["article"],
        update_fields=["ids"],
    )


def article_saved(sender, instance, **kwargs):
    if instance.status == Article.Status.PUBLISHED:
        refresh([instance.pk])


def tags_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        if reverse:  # a tag's articles
            refresh(pk_set or ())
        else:
            refresh([instance.pk])


def picks_changed(sender, instance, origin=None, **kwargs):
    # A pick deleted with its own article (a cascade): nothing left to refresh.
    if isinstance(origin, Article) and origin.pk == instance.from_article_id:
        return
    deleted_with = isinstance(origin, QuerySet) and origin.model is Article
    if deleted_with and origin.filter(pk=instance.from_article_id).exists():
        return
    refresh([instance.from_article_id])


def connect() -> None:
    receivers = [
        (post_save, article_saved, Article),
        (m2m_changed, tags_changed, TaggedArticle),
        (post_save, picks_changed, RelatedArticle),
        (post_delete, picks_changed, RelatedArticle),
    ]
    for signal, receiver, sender in receivers:
        signal.connect(receiver, sender=sender, dispatch_uid=f"related-{receiver.__name__}")
