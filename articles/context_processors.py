from django.conf import settings

from articles import pagecache
from articles.models import HotlineBanner

BANNER_KEY = "hotline-banner:v1"
BANNER_SECONDS = 24 * 3600


def hotline_banner(request):
    """The header's hotline and the site's name, without a query on a shared cache.

    The active banner is kept in the shared cache while the ``SITE`` generation, which a
    banner's save or delete moves (``articles/invalidation.py``), stays put: a page the
    page cache does not hold (the cold path, every admin page) reads it with the
    generation in one cache round trip instead of a query. On a per-process or an
    unreachable cache it is one query, as before.
    """
    return {
        "hotline_banner": pagecache.kept_while(
            pagecache.SITE,
            BANNER_KEY,
            lambda: HotlineBanner.objects.active().first(),
            BANNER_SECONDS,
        ),
        "site_name": settings.NEWSROOM_SITE_NAME,
    }
