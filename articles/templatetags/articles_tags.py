"""The reader pages' template library: the plain helpers of ``articles.dates``,
``articles.links``, ``articles.names``, ``articles.json_ld`` and ``articles.navigation`` as
filters and tags.

Nothing is defined here: Python code (views, feeds, sitemaps) imports those modules, never
this library.
"""

from django import template

from articles.dates import dateline, iso_local, time_date_zone
from articles.json_ld import breadcrumb_json_ld, news_article_json_ld
from articles.links import absolute_url
from articles.names import full_name
from articles.navigation import breadcrumbs, menu_context

register = template.Library()

register.filter("dateline", dateline)  # Thứ Bảy 08/03/2025, 10:06 (GMT+7)
register.filter("iso_local", iso_local)  # 2025-03-08T10:06:00+07:00
register.filter("time_date_zone", time_date_zone)  # 14:20 09/03/2025 (GMT+7)
register.filter("absolute", absolute_url)
register.filter("full_name", full_name)  # family name first
register.simple_tag(news_article_json_ld)
register.simple_tag(breadcrumb_json_ld)
register.simple_tag(breadcrumbs)  # {% breadcrumbs section as crumbs %}
register.inclusion_tag("articles/_section_menu.html", takes_context=True, name="section_menu")(
    menu_context
)
