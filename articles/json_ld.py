"""The article page's schema.org ``NewsArticle``, as a ``<script type="application/ld+json">``.

Templates write it with ``{% news_article_json_ld article tags authors share_image %}``
(``articles_tags``).
"""

import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import SafeString, mark_safe

from articles.dates import iso_local
from articles.links import absolute_url
from articles.names import full_name

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
    modified = max(filter(None, [article.updated_at, article.published_at]))
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "description": article.sapo,
        "mainEntityOfPage": absolute_url(article.get_absolute_url()),
        "datePublished": iso_local(article.published_at),
        "dateModified": iso_local(modified),
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
