"""RSS 2.0 feeds: the whole site and one per section, live articles only."""

import mimetypes
from collections import defaultdict

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.files.storage import default_storage
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.feedgenerator import Enclosure, Rss201rev2Feed

from articles.corrections import as_text, corrections_of, with_corrections
from articles.links import absolute_url
from articles.models import Article, Section, TaggedArticle
from articles.names import full_name
from articles.views import read_methods

FEED_SIZE = 30
ENCLOSURE_MIN_WIDTH = 800  # the smallest WebP at least this wide


class LatestArticlesFeed(Feed):
    feed_type = Rss201rev2Feed
    language = "vi"

    # Django's Feed answers any method (OPTIONS, TRACE, POST) with the feed itself.
    @method_decorator(read_methods)
    def __call__(self, request, *args, **kwargs):
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return settings.NEWSROOM_SITE_NAME

    def link(self):
        return absolute_url(reverse("articles:home"))

    def feed_url(self):
        return absolute_url(reverse("articles:feed"))

    def description(self):
        return f"Tin mới nhất của {settings.NEWSROOM_SITE_NAME}."

    def articles(self):
        return Article.objects.live()

    def items(self, obj=None):
        articles = self.articles() if obj is None else self.articles(obj)
        # Corrections in the same query (articles/corrections.py).
        items = articles.summaries().select_related("section", "lead_photo")
        items = list(with_corrections(items)[:FEED_SIZE])
        # Authors and tags in two queries, kept on each item: prefetch_related made a
        # queryset per article and relation (60 for a feed, a third of its time).
        ids = [item.pk for item in items]
        authors, tags = defaultdict(list), defaultdict(list)
        links = Article.authors.through.objects.filter(article_id__in=ids)
        for link in links.select_related("user").order_by("user_id"):
            authors[link.article_id].append(full_name(link.user))
        tagged = TaggedArticle.objects.filter(content_object_id__in=ids).order_by("pk")
        for article_id, name in tagged.values_list("content_object_id", "tag__name"):
            tags[article_id].append(name)  # in the order the journalist typed them
        for item in items:
            item.feed_authors, item.feed_tags = authors[item.pk], tags[item.pk]
        return items

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        location = f"{item.location_display} " if item.location else ""
        # A reader of the feed reads the corrections too, after the sapo (issue #13).
        corrections = as_text(corrections_of(item))
        return location + item.sapo + (f"\n\n{corrections}" if corrections else "")

    def item_link(self, item):
        return absolute_url(item.get_absolute_url())

    def item_guid(self, item):
        return absolute_url(item.get_absolute_url())

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return ", ".join(item.feed_authors + ([item.byline] if item.byline else [])) or None

    def item_categories(self, item):
        return [item.section.name, *item.feed_tags]

    def item_enclosures(self, item):
        photo = item.lead_photo
        if photo is None:
            return []
        name = photo.rendition_name(ENCLOSURE_MIN_WIDTH)
        # The size comes from the storage (a stat on disk), never from the database.
        try:
            length = default_storage.size(name)
        except (OSError, NotImplementedError):
            length = 0
        mime_type = mimetypes.guess_type(name)[0] or "image/jpeg"
        return [Enclosure(absolute_url(default_storage.url(name)), str(length), mime_type)]


class SectionFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Section, slug=slug)

    def title(self, obj):
        return f"{obj.name} – {settings.NEWSROOM_SITE_NAME}"

    def link(self, obj):
        return absolute_url(obj.get_absolute_url())

    def feed_url(self, obj):
        return absolute_url(reverse("articles:section_feed", kwargs={"slug": obj.slug}))

    def description(self, obj):
        return obj.description or f"Tin mới nhất chuyên mục {obj.name}."

    def articles(self, obj):
        return Article.objects.live().filter(section=obj)
