"""Reader-page helpers: the Vietnamese dateline, absolute URLs, names, JSON-LD."""

import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe

from articles.dates import dateline, iso_local
from articles.names import full_name

register = template.Library()

# What json_script escapes, so no text inside the JSON can close its <script>.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


register.filter("dateline", dateline)  # articles.dates: Thứ Bảy 08/03/2025, 10:06 (GMT+7)
register.filter("iso_local", iso_local)


def absolute_url(path: str) -> str:
    """``path`` (or a storage URL) made absolute on ``NEWSROOM_SITE_URL``."""
    if not path or path.startswith(("http://", "https://")):
        return path
    return settings.NEWSROOM_SITE_URL.rstrip("/") + path


register.filter("absolute", absolute_url)


register.filter("full_name", full_name)  # articles.names: family name first


def json_ld_script(data: dict) -> str:
    """``<script type="application/ld+json">`` holding ``data``, escaped like json_script."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return mark_safe(
        '<script type="application/ld+json">' + text.translate(_JSON_SCRIPT_ESCAPES) + "</script>"
    )


@register.simple_tag
def news_article_json_ld(article, tags, authors, share_image=None):
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
