"""Reader pages' schema.org data, each as one ``<script type="application/ld+json">``.

The article page: ``{% news_article_json_ld article tags authors share_image %}``, a
``NewsArticle`` whose ``mainEntityOfPage`` is the ``WebPage`` with its ``breadcrumb`` (a
``BreadcrumbList``: schema.org puts breadcrumbs on the page, not on the article). The
section page: ``{% breadcrumb_json_ld section %}``, the ``BreadcrumbList`` alone. Both in
``articles_tags``.
"""

import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import SafeString, mark_safe

from articles.dates import iso_local, updated_after_publication
from articles.links import absolute_url
from articles.names import full_name
from articles.navigation import breadcrumb_list

# What json_script escapes, so no text inside the JSON can close its <script>.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld_script(data: dict) -> SafeString:
    """``<script type="application/ld+json">`` holding ``data``, escaped like json_script."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return mark_safe(
        '<script type="application/ld+json">' + text.translate(_JSON_SCRIPT_ESCAPES) + "</script>"
    )


def news_article_json_ld(article, tags, authors, share_image=None) -> SafeString:
    """The schema.org ``NewsArticle`` of an article page; ``share_image`` is the social crop
    (``Photo.social``) of the photo shares show."""
    # The change the page shows as "Cập nhật lúc", else the publication: a scheduled
    # article's row was saved before it went live.
    modified = updated_after_publication(
        article.published_at, article.updated_at, article.created_at
    )
    url = absolute_url(article.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "description": article.sapo,
        "mainEntityOfPage": {
            "@type": "WebPage",
            "@id": url,
            "url": url,
            "breadcrumb": breadcrumb_list(article.section),
        },
        "datePublished": iso_local(article.published_at),
        "dateModified": iso_local(modified or article.published_at),
        "author": [{"@type": "Person", "name": full_name(user)} for user in authors]
        + ([{"@type": "Person", "name": article.byline}] if article.byline else []),
        "publisher": {
            "@type": "Organization",
            "name": settings.NEWSROOM_SITE_NAME,
            "url": absolute_url("/"),
        },
        "articleSection": article.section.name,
        "keywords": [tag.name for tag in tags],
        "inLanguage": "vi",
    }
    if share_image:
        data["image"] = [absolute_url(share_image.src)]
    return json_ld_script(data)


def breadcrumb_json_ld(section) -> SafeString:
    """The schema.org ``BreadcrumbList`` of a section page."""
    return json_ld_script({"@context": "https://schema.org", **breadcrumb_list(section)})
