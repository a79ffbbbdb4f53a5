"""Moving around the reader site (issue #13): the header's section menu and breadcrumbs.

The menu is on every reader page, so it is read with the hotline banner in one entry kept
beside the ``SITE`` generation (``articles/context_processors.py``): no query on a shared
cache; a section's save or delete moves ``SITE`` (``articles/invalidation.py``). What is
kept is plain data (``MenuSection``), not model instances, so an entry stays small and does
not depend on a model's pickled state.

Which section is *current* comes from the page (the view's context), never from the
request: a page cached for one reader is right for every reader.
"""

from dataclasses import dataclass

from articles.links import absolute_url, path_to

HOME_NAME = "Trang chủ"


@dataclass(frozen=True)
class MenuSection:
    pk: int
    name: str
    url: str
    children: tuple["MenuSection", ...] = ()


def read_sections(sections) -> tuple[tuple[MenuSection, ...], tuple[int, ...]]:
    """The menu tree and every section's id, from one query over ``sections``.

    Top-level sections in their editor-set order (``position``, then name), each with its
    sub-sections in the same order. Sections nest one level (``Section.clean``); a section
    saved under a sub-section by some other door is left out of the menu rather than shown
    at the wrong level. The ids (all of them) are what the home page's blocks read.
    """
    rows = list(
        sections.order_by("position", "name", "pk").values_list("pk", "name", "slug", "parent_id")
    )
    children: dict[int, list[MenuSection]] = {}
    for pk, name, slug, parent_id in rows:
        if parent_id is not None:
            children.setdefault(parent_id, []).append(MenuSection(pk, name, _url(slug)))
    tree = tuple(
        MenuSection(pk, name, _url(slug), tuple(children.get(pk, ())))
        for pk, name, slug, parent_id in rows
        if parent_id is None
    )
    return tree, tuple(pk for pk, *_ in rows)


def _url(slug: str) -> str:
    return path_to("articles:section", slug=slug)


def menu_context(context) -> dict:
    """The ``{% section_menu %}`` tag's context: each item with its ``aria-current``.

    A section page passes ``current_section`` and ``current_is_page``: its own item gets
    ``aria-current="page"`` (the link is this page). An article page passes its section
    only: that item gets ``aria-current="true"`` (the current item of a set, which the
    reader is inside, but the link is not this page, so "page" would be false). The parent
    of a current sub-section gets ``"true"`` too: the reader is inside it.
    """
    current = context.get("current_section")
    here = "page" if context.get("current_is_page") else "true"
    marks = {}
    if current is not None:
        marks[current.pk] = here
        if current.parent_id is not None:
            marks[current.parent_id] = "true"
    header = context.get("site_header")
    tree = header.sections if header is not None else ()
    items = [
        (item, marks.get(item.pk), [(child, marks.get(child.pk)) for child in item.children])
        for item in tree
    ]
    return {"items": items}


def breadcrumbs(section) -> list[tuple[str, str]]:
    """``Trang chủ › Section › Sub-section`` as (name, path) pairs; no query when the
    section was read with its parent (``select_related("parent")``)."""
    crumbs = [(HOME_NAME, path_to("articles:home"))]
    if section.parent_id is not None:
        crumbs.append((section.parent.name, section.parent.get_absolute_url()))
    crumbs.append((section.name, section.get_absolute_url()))
    return crumbs


def breadcrumb_list(section) -> dict:
    """The schema.org ``BreadcrumbList`` of ``breadcrumbs(section)``, with absolute URLs."""
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": n, "name": name, "item": absolute_url(path)}
            for n, (name, path) in enumerate(breadcrumbs(section), start=1)
        ],
    }
