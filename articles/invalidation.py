"""Which reader pages a change touches (issue #9): the page cache's scopes, bumped exactly.

Cache invalidation, not domain logic: every door that changes what a reader page shows
(admin, ``publishing``, importers, the shell) saves or deletes rows, and the receivers here
bump the scopes those rows appear in (``articles/pagecache.py``). What readers cannot see
(a draft, a submitted, returned or scheduled article, a photo no live article uses, a new
tag) bumps nothing, so the desk's saves leave the reader cache warm.

A live article's change bumps its page, the lists of its sections (and their parents),
tags and authors, and ``LISTS`` (home, search, feeds, sitemaps). An article that appears
or disappears counts as a change of a live article: publishing, unpublishing, deleting.
Banners and sections are on every page and rare: they bump ``SITE``, everything.

Each bump is made at once and again when the transaction commits: a reader page rendered
between the two, from rows read before the commit, is never served after it.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F, Q
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.utils import timezone

from articles import pagecache
from articles.models import (
    Article,
    Correction,
    HotlineBanner,
    Photo,
    RelatedArticle,
    Section,
    Tag,
    TaggedArticle,
)
from articles.pagecache import (
    ARCHIVE,
    LISTS,
    SITE,
    article_scope,
    author_scope,
    section_scope,
    tag_scope,
)

# What Article.from_db() keeps of the row as read, to compare with what a save writes.
STATE = ("status", "published_at", "section_id")


def bump(scopes) -> None:
    scopes = tuple(scopes)
    if not scopes:
        return
    pagecache.bump(*scopes)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: pagecache.bump(*scopes))


def closed_before(now=None):
    """The start of this month, local time. Months before it are *closed*: no scheduled
    article can be in one (their times are past), so only a change to one of their
    articles changes their sitemap rows (``ARCHIVE``)."""
    now = timezone.localtime(now)
    return now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def _in_closed_month(published_at) -> bool:
    return published_at is not None and published_at < closed_before()


def article_scopes(ids) -> set[str]:
    """The scopes showing these articles: three small queries whatever their number."""
    ids = list(ids)
    scopes = {LISTS}
    for pk, section_id, parent_id, published_at in Article.objects.filter(pk__in=ids).values_list(
        "pk", "section_id", "section__parent_id", "published_at"
    ):
        scopes |= {article_scope(pk), section_scope(section_id)}
        if _in_closed_month(published_at):
            scopes.add(ARCHIVE)
        if parent_id is not None:
            scopes.add(section_scope(parent_id))
    tags = TaggedArticle.objects.filter(content_object_id__in=ids).values_list("tag_id")
    authors = Article.authors.through.objects.filter(article_id__in=ids).values_list("user_id")
    scopes.update(tag_scope(pk) for (pk,) in tags)
    scopes.update(author_scope(pk) for (pk,) in authors)
    return scopes


def went_live_on_schedule(since, until) -> None:
    """Bump the articles whose scheduled time fell in (since, until]: last saved before it."""
    ids = Article.objects.live().filter(
        published_at__gt=since, published_at__lte=until, updated_at__lt=F("published_at")
    )
    ids = list(ids.values_list("pk", flat=True))
    if ids:
        bump(article_scopes(ids))


def _is_live(status, published_at, now) -> bool:
    return status == Article.Status.PUBLISHED and published_at is not None and published_at <= now


def _is_scheduled(status, published_at, now) -> bool:
    return status == Article.Status.PUBLISHED and published_at is not None and published_at > now


def _section_and_parent(section_id) -> set[str]:
    parent = Section.objects.filter(pk=section_id).values_list("parent_id", flat=True).first()
    return {section_scope(pk) for pk in (section_id, parent) if pk is not None}


def article_saved(sender, instance, created, **kwargs):
    now = timezone.now()
    loaded = getattr(instance, "_loaded", {})
    unknown = not created and any(name not in loaded for name in STATE)
    old = (None, None, None) if created or unknown else tuple(loaded[name] for name in STATE)
    new = (instance.status, instance.published_at, instance.section_id)
    instance._loaded = dict(zip(STATE, new, strict=True))
    if unknown or _is_scheduled(*old[:2], now) or _is_scheduled(*new[:2], now):
        pagecache.forget_next_scheduled()
    if not (unknown or _is_live(*old[:2], now) or _is_live(*new[:2], now)):
        return  # nothing a reader saw or sees: drafts, review, the schedule
    scopes = article_scopes([instance.pk])
    if old[2] is not None and old[2] != new[2]:
        scopes |= _section_and_parent(old[2])  # moved: the old section's list changes
    if _in_closed_month(old[1]):
        scopes.add(ARCHIVE)  # left (or changed in) a closed month
    bump(scopes)


def article_deleting(sender, instance, **kwargs):
    now = timezone.now()
    if _is_scheduled(instance.status, instance.published_at, now):
        pagecache.forget_next_scheduled()
    loaded = getattr(instance, "_loaded", {})
    if _is_live(instance.status, instance.published_at, now) or _is_live(
        loaded.get("status"), loaded.get("published_at"), now
    ):
        # Read now: its tags and authors rows go with it.
        instance._scopes_to_bump = article_scopes([instance.pk])


def article_deleted(sender, instance, **kwargs):
    bump(getattr(instance, "_scopes_to_bump", ()))


def _live(article_id) -> bool:
    return Article.objects.live().filter(pk=article_id).exists()


def article_tag_changed(sender, instance, **kwargs):
    # The article's page (its tags) and the tag's page; home and search read tags too.
    if _live(instance.content_object_id):
        bump({article_scope(instance.content_object_id), tag_scope(instance.tag_id), LISTS})


def article_authors_changed(sender, instance, action, pk_set, reverse, **kwargs):
    if reverse or action not in ("post_add", "post_remove", "pre_clear"):
        return
    if action == "pre_clear":
        pk_set = set(instance.authors.values_list("pk", flat=True))
    if pk_set and _live(instance.pk):
        bump({article_scope(instance.pk), LISTS, *(author_scope(pk) for pk in pk_set)})


def related_link_changed(sender, instance, **kwargs):
    # Only the page of the article that picks it shows a pick.
    if _live(instance.from_article_id):
        bump({article_scope(instance.from_article_id)})


def correction_changed(sender, instance, **kwargs):
    # The article's page and the feeds show its corrections; the sitemaps its updated_at.
    row = Article.objects.live().filter(pk=instance.article_id).values_list("published_at")
    published = row.first()
    if published is not None:
        closed = _in_closed_month(published[0])
        bump({article_scope(instance.article_id), LISTS, *([ARCHIVE] if closed else [])})


def photo_changed(sender, instance, created=False, **kwargs):
    if created:
        return
    users = Article.objects.live().filter(Q(lead_photo=instance.pk) | Q(photos=instance.pk))
    ids = set(users.values_list("pk", flat=True))
    if ids:
        bump(article_scopes(ids))


def tag_changed(sender, instance, created=False, **kwargs):
    if not created:
        bump({tag_scope(instance.pk)})  # renamed or deleted: its page and its articles'


def author_changed(sender, instance, created=False, update_fields=None, **kwargs):
    # A login writes last_login; a name change shows on bylines and the author's page.
    if created or (update_fields is not None and set(update_fields) <= {"last_login"}):
        return
    bump({author_scope(instance.pk)})


def everything_changed(sender, **kwargs):
    bump({SITE})


def connect() -> None:
    receivers = [
        (post_save, article_saved, Article),
        (pre_delete, article_deleting, Article),
        (post_delete, article_deleted, Article),
        (post_save, article_tag_changed, TaggedArticle),
        (post_delete, article_tag_changed, TaggedArticle),
        (m2m_changed, article_authors_changed, Article.authors.through),
        (post_save, related_link_changed, RelatedArticle),
        (post_delete, related_link_changed, RelatedArticle),
        (post_save, correction_changed, Correction),
        (post_delete, correction_changed, Correction),
        (post_save, photo_changed, Photo),
        (pre_delete, photo_changed, Photo),  # its articles' rows go with it
        (post_save, tag_changed, Tag),
        (post_delete, tag_changed, Tag),
        (post_save, author_changed, get_user_model()),
        (post_delete, author_changed, get_user_model()),
        (post_save, everything_changed, HotlineBanner),
        (post_delete, everything_changed, HotlineBanner),
        (post_save, everything_changed, Section),
        (post_delete, everything_changed, Section),
    ]
    for signal, receiver, sender in receivers:
        signal.connect(receiver, sender=sender, dispatch_uid=f"pagecache-{receiver.__name__}")
