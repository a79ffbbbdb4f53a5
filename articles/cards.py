"""List cards rendered once per content, kept in the cache (issue #9).

A card (the ``card`` partial of ``articles/_card_list.html``: lead photo, title, dateline,
place and sapo) is the same HTML on the home page, section, tag, author and search pages
until its article, section or photo changes. The home page shows 43 of them and rendering
them was most of its cold cost; every publish moves the home page's page-cache
generation, so in a working newsroom the home page is rendered again many times an hour,
from cards that did not change.

A card's key is a digest of everything it is made from: the source of the file holding
the card (the partial and the libraries it loads), the article's, its section's and its
lead photo's loaded columns (``updated_at`` and ``version`` among them), the heading
level, whether the photo loads eagerly, the time zone and the media URL. Nothing has to
invalidate a card: a change makes another key, and the old one expires (``SECONDS``). A
cache that cannot be reached renders every card.
"""

import hashlib
from functools import cache as once

from django.conf import settings
from django.core.cache import cache
from django.template.loader import get_template, render_to_string
from django.utils.safestring import SafeString, mark_safe

from articles import cachesafe
from articles.models import Article

# The columns a card is made of, and a list page's section blocks (``Section`` position and
# name): list pages read only these (``views._cards``), so a card's key digests only them,
# and a row is a third of the article's, section's and photo's columns.
FIELDS = (
    "title",
    "slug",
    "location",
    "sapo",
    "published_at",
    "section__slug",
    "section__name",
    "section__position",
    "section__parent_id",
    "lead_photo__image",
    "lead_photo__caption",
    "lead_photo__alt_text",
    "lead_photo__width",
    "lead_photo__height",
    "lead_photo__renditions",
)


def queryset(now=None):
    """Live articles (at ``now``) as list cards show them: lead photo, title, sapo, dateline."""
    articles = Article.objects.live(now).select_related("section", "lead_photo")
    return articles.only(*FIELDS)


FILE = "articles/_card_list.html"
TEMPLATE = f"{FILE}#card"  # django-template-partials: the partial alone
KEY = "card:{digest}"
SECONDS = 24 * 3600


@once
def _template_digest() -> str:
    # What a deploy changes in the card's markup changes every key.
    source = get_template(FILE).template.source
    return hashlib.blake2b(source.encode(), digest_size=8).hexdigest()


def _columns(obj) -> tuple | None:
    if obj is None:
        return None
    return tuple(obj.__dict__.get(field.attname) for field in obj._meta.concrete_fields)


def key(article, heading: str, eager: bool) -> str:
    made_of = (
        _template_digest(),
        settings.TIME_ZONE,
        settings.MEDIA_URL,
        heading,
        eager,
        _columns(article),
        _columns(article.section),
        _columns(article.lead_photo),
    )
    digest = hashlib.blake2b(repr(made_of).encode(), digest_size=16).hexdigest()
    return KEY.format(digest=digest)


def attach(cards) -> None:
    """Set ``article.card``, its card's HTML, for each ``(article, heading, eager)`` of
    ``cards``: one cache read for all of them, one write for those rendered now."""
    cards = list(cards)
    keys = [key(article, heading, eager) for article, heading, eager in cards]
    found = cachesafe.call(cache.get_many, keys, fallback={}) or {}
    made = {}
    for (article, heading, eager), card_key in zip(cards, keys, strict=True):
        html = found.get(card_key)
        if html is None:
            html = made[card_key] = str(
                render_to_string(
                    TEMPLATE, {"article": article, "heading": heading, "eager": eager}
                )
            )
        article.card = mark_safe(html) if not isinstance(html, SafeString) else html
    if made:
        cachesafe.call(cache.set_many, made, SECONDS)


def attach_list(articles, heading: str = "h2") -> None:
    """The cards of a list page: the first one's photo loads at once, the others lazily."""
    attach((article, heading, index == 0) for index, article in enumerate(articles))
