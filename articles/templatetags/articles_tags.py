"""Reader-page helpers: the Vietnamese dateline, absolute URLs, names, JSON-LD."""

import json
from datetime import datetime
from zoneinfo import ZoneInfo

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe

from articles.names import full_name

register = template.Library()

NEWSROOM_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
# Our own names, Monday first like datetime.weekday(). Django's ``vi`` locale writes
# ``Thứ 7`` and ``Chủ nhật``; the newsroom writes ``Thứ Bảy`` and ``Chủ Nhật``.
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")

# What json_script escapes, so no text inside the JSON can close its <script>.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def newsroom_time(value: datetime) -> datetime:
    """``value`` in the newsroom's zone, Asia/Ho_Chi_Minh (GMT+7, no daylight saving)."""
    return value.astimezone(NEWSROOM_TZ)


@register.filter
def dateline(value: datetime | None) -> str:
    """``Thứ Bảy 08/03/2025, 10:06 (GMT+7)``."""
    if not value:
        return ""
    local = newsroom_time(value)
    return f"{WEEKDAYS[local.weekday()]} {local:%d/%m/%Y, %H:%M} (GMT+7)"


@register.filter
def iso_local(value: datetime | None) -> str:
    """``2025-03-08T10:06:00+07:00``: for ``<time datetime>``, JSON-LD and sitemaps."""
    if not value:
        return ""
    return newsroom_time(value).isoformat(timespec="seconds")


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
