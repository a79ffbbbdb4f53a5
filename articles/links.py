"""Absolute links, for feeds, sitemaps, canonical URLs, JSON-LD and ``robots.txt``.

Views, feeds and sitemaps import ``absolute_url`` from here; templates use the
``absolute`` filter of ``articles_tags``, which is this function.
"""

from django.conf import settings


def absolute_url(path: str) -> str:
    """``path`` (or a storage URL) made absolute on ``NEWSROOM_SITE_URL``."""
    if not path or path.startswith(("http://", "https://")):
        return path
    return settings.NEWSROOM_SITE_URL.rstrip("/") + path
