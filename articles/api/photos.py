"""A library photo as the read API gives it: caption, credit, alt text and its renditions.

The renditions are the files ``articles/renditions.py`` made when the photo was saved, read
from ``Photo.renditions`` (no thumbnail-store lookup, no image work in a request), each
with its URL, width, height and type. Only widths are stored: a height is computed from
the photo's (or the crop's) ratio, as sorl-thumbnail computed it, give or take a pixel of
rounding. ``card`` is the list cards' crop around the focal point
(``NEWSROOM_CARD_RATIO``), empty for a photo whose crops were never made.
"""

import mimetypes

from django.conf import settings
from django.core.files.storage import default_storage

from articles.links import absolute_url

# The JPEG fallback's width (articles/renditions.py asks sorl-thumbnail for "800").
FALLBACK_WIDTH = 800


def _rendition(name: str, width: int, height: int) -> dict:
    kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return {
        "url": absolute_url(default_storage.url(name)),
        "width": width,
        "height": height,
        "type": kind,
    }


def _scaled(photo, width: int) -> int:
    return round(width * photo.height / photo.width) if photo.width else 0


def renditions(photo) -> list[dict]:
    """The whole photo's renditions, narrowest first, then the JPEG fallback; the original
    file for a photo without renditions."""
    made = photo.renditions or {}
    found = [_rendition(name, w, _scaled(photo, w)) for w, name in made.get("webp", [])]
    if made.get("fallback"):
        width = min(FALLBACK_WIDTH, photo.width)
        found.append(_rendition(made["fallback"], width, _scaled(photo, width)))
    if not found and photo.image:
        found.append(_rendition(photo.image.name, photo.width, photo.height))
    return found


def card(photo) -> list[dict]:
    """The list-card crop's renditions (WebP by width, then a JPEG), or none."""
    made = (photo.renditions or {}).get("card")
    if not made or not made.get("webp"):
        return []
    ratio_w, ratio_h = settings.NEWSROOM_CARD_RATIO
    found = [_rendition(name, w, round(w * ratio_h / ratio_w)) for w, name in made["webp"]]
    width = made["webp"][0][0]  # the fallback is cut at the narrowest width
    found.append(_rendition(made["fallback"], width, round(width * ratio_h / ratio_w)))
    return found


def photo_data(photo) -> dict:
    return {
        **photo.facts(),
        "renditions": renditions(photo),
        "card": card(photo),
    }
