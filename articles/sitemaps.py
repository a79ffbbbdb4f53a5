"""Sitemaps: articles, sections and tags at /sitemap.xml; the last two days for Google News."""

from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Exists, Max, OuterRef, Q
from django.utils import timezone

from articles.models import Article, Section, Tag, TaggedArticle

NEWS_WINDOW = timedelta(days=2)
NEWS_LIMIT = 1000  # Google News reads at most 1,000 URLs per sitemap


class SiteSitemap(Sitemap):
    """URLs on NEWSROOM_SITE_URL (contrib.sites is not installed, and the Host header is
    whatever the client sent)."""

    def get_protocol(self, protocol=None):
        return urlsplit(settings.NEWSROOM_SITE_URL).scheme or "https"

    def get_domain(self, site=None):
        return urlsplit(settings.NEWSROOM_SITE_URL).netloc


class ArticleSitemap(SiteSitemap):
    changefreq = "daily"

    def items(self):
        return Article.objects.live().select_related("section").order_by("-published_at", "-pk")

    def lastmod(self, item):
        return max(item.updated_at, item.published_at)


class SectionSitemap(SiteSitemap):
    changefreq = "hourly"

    def items(self):
        return Section.objects.annotate(
            latest=Max("articles__published_at", filter=Q(articles__in=Article.objects.live()))
        ).order_by("position", "name")

    def lastmod(self, item):
        return item.latest


class TagSitemap(SiteSitemap):
    changefreq = "daily"

    def items(self):
        # Only tags with a live article: a tag page without one is a 404.
        tagged_live = TaggedArticle.objects.filter(
            tag=OuterRef("pk"), content_object__in=Article.objects.live()
        )
        return Tag.objects.filter(Exists(tagged_live)).order_by("name")


class NewsSitemap(SiteSitemap):
    """Google News: live articles of the last two days, newest first, at most 1,000."""

    limit = NEWS_LIMIT

    def items(self):
        since = timezone.now() - NEWS_WINDOW
        return (
            Article.objects.live()
            .filter(published_at__gte=since)
            .select_related("section")
            .order_by("-published_at", "-pk")[:NEWS_LIMIT]
        )


SITEMAPS = {"articles": ArticleSitemap, "sections": SectionSitemap, "tags": TagSitemap}
NEWS_SITEMAPS = {"news": NewsSitemap}
