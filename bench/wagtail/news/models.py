"""A news index and its articles, the way a typical Wagtail news site models them.

As Wagtail's tutorial (``BlogIndexPage``/``BlogPage``) and bakerydemo's ``blog`` app do:
the index lists its live children newest first (Django's ``Paginator``, 20 a page, so a
``COUNT`` and a slice); an article has a date, an intro, a rich-text body and tags through
``modelcluster``'s ``ClusterTaggableManager``. Nothing here is tuned for the benchmark, and
nothing is left out that such a site would do on these pages.
"""

from django.core.paginator import Paginator
from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

PER_PAGE = 20


class NewsIndexPage(Page):
    intro = RichTextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["news.ArticlePage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = ArticlePage.objects.child_of(self).live().order_by("-first_published_at")
        if tag := request.GET.get("the"):  # the article page's tag links
            articles = articles.filter(tags__slug=tag)
        context["articles"] = Paginator(articles, PER_PAGE).get_page(request.GET.get("page"))
        return context


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class ArticlePage(Page):
    date = models.DateTimeField("Ngày đăng")
    intro = models.CharField("Sapo", max_length=500)
    body = RichTextField("Nội dung")
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True)

    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    parent_page_types = ["news.NewsIndexPage"]
