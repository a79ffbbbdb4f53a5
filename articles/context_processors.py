from django.conf import settings
from django.core.cache import cache

from articles import pagecache
from articles.models import HotlineBanner

# Keyed by the content generation, which every banner save or delete moves on
# (articles.apps), so a changed hotline shows on the next page without waiting.
BANNER_KEY = "hotline-banner:{generation}"
BANNER_SECONDS = 24 * 60 * 60


def hotline_banner(request):
    """The header's hotline (cached; one query per content generation) and the site's name."""
    key = BANNER_KEY.format(generation=pagecache.generation())
    banner = cache.get(key)
    if banner is None:
        # False, not None, marks "no active banner" as cached too.
        banner = HotlineBanner.objects.active().first() or False
        cache.set(key, banner, BANNER_SECONDS)
    return {"hotline_banner": banner or None, "site_name": settings.NEWSROOM_SITE_NAME}
