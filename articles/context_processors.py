from django.conf import settings

from articles.models import HotlineBanner


def hotline_banner(request):
    """The header's hotline (one query) and the site's name (none)."""
    return {
        "hotline_banner": HotlineBanner.objects.active().first(),
        "site_name": settings.NEWSROOM_SITE_NAME,
    }
