from django.conf import settings

from articles.models import HotlineBanner


def hotline_banner(request):
    """The header's hotline (one query per page) and the site's name (none).

    Anonymous readers mostly get whole pages from articles.pagecache, so the query runs
    on a cache miss only; the admin's pinned query counts include it.
    """
    return {
        "hotline_banner": HotlineBanner.objects.active().first(),
        "site_name": settings.NEWSROOM_SITE_NAME,
    }
