"""Where the sitemap index sends crawlers for an article, worked out apart from
``articles.sitemaps`` (so tests check the code rather than repeat it)."""

from django.utils import timezone


def month_sitemap_url(moment) -> str:
    """``/sitemap-bai-viet-2025-03.xml``: the sitemap of the local month of ``moment``."""
    return f"/sitemap-bai-viet-{timezone.localtime(moment):%Y-%m}.xml"
