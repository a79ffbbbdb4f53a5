"""Which months have live articles, kept so the sitemap index costs the same at any size
(issue #9; ``articles/sitemaps.py`` draws the index and the monthly sitemaps from them).

This month's rows (and any later) are grouped from one index range and kept a minute under
``LISTS``; the *closed* months' (before this one: no scheduled article can be in them) are
grouped once and kept under the ``ARCHIVE`` generation, which only a change to a live
article of a closed month moves (``articles/invalidation.py``). What a closed month's
sitemap renders is kept under the same generation (``closed_xml_key``).
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Max
from django.db.models.functions import Greatest, TruncMonth
from django.utils import timezone

from articles import cachesafe, pagecache
from articles.models import Article

CLOSED_KEY = "sitemaps:closed-months:{before:%Y-%m}:{generation}"
CLOSED_SECONDS = 7 * 24 * 3600  # an entry of an old generation is never read again
# Rendered XML of closed months: the site's address and (for article URLs, which carry
# their section's slug) the SITE generation are part of it; "v1" moves with the templates.
CLOSED_XML_KEY = "sitemaps:closed-xml:v1:{name}:{site}:{archive}:{site_generation}"
OPEN_KEY = "sitemaps:open-months:{before:%Y-%m}:{generation}"
# This month's rows change with every live article saved (LISTS moves) and when a
# scheduled one goes live, which no save announces: they are grouped again after a minute.
OPEN_SECONDS = 60


def month_rows():
    """Months with live articles, newest first: ``month``, ``count`` and ``latest`` change."""
    return (
        Article.objects.live()
        .annotate(month=TruncMonth("published_at"))
        .values("month")
        .annotate(count=Count("*"), latest=Max(Greatest("updated_at", "published_at")))
        .order_by("-month")
    )


def archive_generations() -> dict[str, int] | None:
    """The ``ARCHIVE``, ``SITE`` and ``LISTS`` generations on a shared cache; None on a
    per-process one or when the cache cannot be reached (then nothing is kept)."""
    if not cachesafe.shared():
        return None
    return pagecache.generations([pagecache.ARCHIVE, pagecache.SITE, pagecache.LISTS])


def open_months(before: datetime, generations: dict | None) -> list[dict]:
    """The rows of this month (and any later), kept ``OPEN_SECONDS`` under ``LISTS``: at a
    million articles a month holds 17,000 of them, 15 ms to group on every request."""
    if generations is None:
        return list(month_rows().filter(published_at__gte=before))
    key = OPEN_KEY.format(before=before, generation=generations[pagecache.LISTS])
    now = timezone.now()
    found = cachesafe.call(cache.get, key)
    if found is not None and now < found["until"]:
        return found["rows"]
    rows = list(month_rows().filter(published_at__gte=before))
    until = now + timedelta(seconds=OPEN_SECONDS)
    cachesafe.call(cache.set, key, {"rows": rows, "until": until}, OPEN_SECONDS)
    return rows


def closed_months(before: datetime, generations: dict | None, compute: bool = True):
    """The rows of the months before ``before``, from the cache when it has them; grouped
    and kept otherwise (``compute``; else None). ``generations``: ``archive_generations()``,
    read before grouping: a change meanwhile moves the generation, and rows grouped before
    it are kept under the old one, never read again."""
    key = None
    if generations is not None:
        key = CLOSED_KEY.format(before=before, generation=generations[pagecache.ARCHIVE])
    if not compute:
        return None if key is None else cachesafe.call(cache.get, key)

    def grouped():
        return list(month_rows().filter(published_at__lt=before))

    return cachesafe.kept(key, grouped, CLOSED_SECONDS)


def closed_xml_key(name: str, before: datetime, generations: dict | None) -> str | None:
    if generations is None:
        return None
    return CLOSED_XML_KEY.format(
        name=f"{name}:{before:%Y-%m}",
        site=settings.NEWSROOM_SITE_URL,
        archive=generations[pagecache.ARCHIVE],
        site_generation=generations[pagecache.SITE],
    )
