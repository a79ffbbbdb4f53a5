from dataclasses import dataclass

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from articles import navigation, pagecache
from articles.models import HotlineBanner, Section

# Kept pickled: a new version of the key when SiteHeader or MenuSection change shape, so
# no process reads an entry written by the code before a deploy.
HEADER_KEY = "site-header:v1"
HEADER_SECONDS = 24 * 3600


@dataclass(frozen=True)
class SiteHeader:
    """What every reader page's header shows: the hotline and the section menu; and every
    section's id, which the home page's blocks read (one entry, one cache round trip)."""

    banner: HotlineBanner | None
    sections: tuple[navigation.MenuSection, ...]
    section_ids: tuple[int, ...]


def _read_header() -> SiteHeader:
    sections, ids = navigation.read_sections(Section.objects.all())
    return SiteHeader(HotlineBanner.objects.active().first(), sections, ids)


def site_header(request) -> SiteHeader:
    """The header, without a query on a shared cache; read once per request.

    Kept in the shared cache while the ``SITE`` generation, which a banner's or a section's
    save or delete moves (``articles/invalidation.py``), stays put: a page the page cache
    does not hold (the cold path) reads it with the generation in one cache round trip
    instead of two queries. On a per-process or an unreachable cache it is two queries,
    made once per request (the home view and the template share them).
    """
    header = getattr(request, "_site_header", None)
    if header is None:
        header = pagecache.kept_while(pagecache.SITE, HEADER_KEY, _read_header, HEADER_SECONDS)
        request._site_header = header
    return header


def hotline_banner(request):
    """The header's hotline and section menu, and the site's name.

    Lazy: read only when a template shows them, so the admin, sitemaps and other pages
    without the reader header cost nothing for it.
    """
    header = SimpleLazyObject(lambda: site_header(request))
    return {
        "site_header": header,
        "hotline_banner": SimpleLazyObject(lambda: header.banner),
        "site_name": settings.NEWSROOM_SITE_NAME,
    }
