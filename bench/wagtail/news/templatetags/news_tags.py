"""The site menu, as bakerydemo's ``navigation_tags.top_menu`` builds it: the site root's
live children shown in menus (one query per page view)."""

from django import template
from wagtail.models import Site

register = template.Library()


@register.inclusion_tag("news/_menu.html", takes_context=True)
def top_menu(context):
    request = context["request"]
    site = Site.find_for_request(request)
    items = site.root_page.get_children().live().in_menu() if site else []
    return {"items": items, "request": request, "calling_page": context.get("page")}
