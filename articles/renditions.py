"""Photo renditions, made once when a photo's file is saved, never in a reader's request.

sorl-thumbnail does the resizing and names the files; their names are kept on the
Photo row so reader pages build ``srcset`` without asking the thumbnail store.
"""

from django.conf import settings
from sorl.thumbnail import get_thumbnail


def make(photo) -> dict:
    """Make the WebP renditions (and a JPEG fallback) of ``photo`` and store their names."""
    widths = [w for w in settings.NEWSROOM_PHOTO_WIDTHS if w < photo.width] or [photo.width]
    if photo.width not in widths and photo.width < max(settings.NEWSROOM_PHOTO_WIDTHS):
        widths.append(photo.width)
    webp = []
    for width in sorted(set(widths)):
        thumb = get_thumbnail(photo.image, str(width), format="WEBP", upscale=False)
        webp.append([width, thumb.name])
    fallback = get_thumbnail(photo.image, "800", format="JPEG", upscale=False, quality=85)
    photo.renditions = {"webp": webp, "fallback": fallback.name}
    type(photo).objects.filter(pk=photo.pk).update(renditions=photo.renditions)
    return photo.renditions
