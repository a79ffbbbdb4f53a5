"""Model rows as the read API's dicts (shapes in ``articles/api/schemas.py``).

Every URL is absolute (``articles/links.py``), every time in Vietnam's zone with its offset
(``2025-03-08T10:06:00+07:00``), as the pages print them.
"""

from django.urls import reverse
from django.utils import timezone

from articles import richtext
from articles.api.blocks import blocks
from articles.api.photos import photo_data
from articles.links import absolute_url
from articles.names import full_name


def ref(item) -> dict:
    """A section or a tag as the API names it: id, name, slug and its page's address."""
    return {
        "id": item.pk,
        "name": item.name,
        "slug": item.slug,
        "url": absolute_url(item.get_absolute_url()),
    }


def author(user) -> dict:
    path = reverse("articles:author", kwargs={"pk": user.pk})
    return {"id": user.pk, "name": full_name(user), "url": absolute_url(path)}


def summary(article) -> dict:
    """A list item: what a list card shows. Read with ``select_related("section",
    "lead_photo")``; no body, tags or authors (their changes would not move a list)."""
    return {
        "id": article.pk,
        "title": article.title,
        "url": absolute_url(article.get_absolute_url()),
        "api_url": absolute_url(reverse("api:article", kwargs={"article_id": article.pk})),
        "section": ref(article.section),
        "location": article.location,
        "sapo": article.sapo,
        "published_at": timezone.localtime(article.published_at),
        "updated_at": timezone.localtime(article.updated_at),
        "lead_photo": photo_data(article.lead_photo) if article.lead_photo_id else None,
    }


def detail(article, photos_by_id: dict) -> dict:
    """One article with its body as blocks; authors and tags prefetched."""
    return {
        **summary(article),
        "byline": article.byline,
        "authors": [author(user) for user in article.authors.all()],
        "tags": [ref(tag) for tag in article.tags.all()],
        "blocks": blocks(article.body, photos_by_id),
    }


def body_photos(article) -> dict:
    from articles.models import Photo

    return Photo.objects.in_bulk(richtext.photo_ids(article.body))


def section_tree(sections) -> list[dict]:
    """Top-level sections in their order, each with its sub-sections (one level deep)."""
    children: dict[int, list] = {}
    for section in sections:
        if section.parent_id is not None:
            children.setdefault(section.parent_id, []).append(ref(section))
    return [
        {**ref(s), "parent": None, "children": children.get(s.pk, [])}
        for s in sections
        if s.parent_id is None
    ]
