"""The reader pages' template library: the plain helpers of ``articles.dates``,
``articles.links``, ``articles.names`` and ``articles.json_ld`` as filters and a tag.

Nothing is defined here: Python code (views, feeds, sitemaps) imports those modules, never
this library.
"""

from django import template

from articles.dates import dateline, iso_local
from articles.json_ld import news_article_json_ld
from articles.links import absolute_url
from articles.names import full_name

register = template.Library()

register.filter("dateline", dateline)  # Thứ Bảy 08/03/2025, 10:06 (GMT+7)
register.filter("iso_local", iso_local)  # 2025-03-08T10:06:00+07:00
register.filter("absolute", absolute_url)
register.filter("full_name", full_name)  # family name first
register.simple_tag(news_article_json_ld)
