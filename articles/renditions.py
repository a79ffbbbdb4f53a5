"""Photo renditions, made once when a photo's file is saved, never in a reader's request.

sorl-thumbnail does the resizing and names the files; their names are kept on the
Photo row so reader pages build ``srcset`` without asking the thumbnail store.

Besides the whole photo (the article body), two crops are cut around the photo's focal
point: the list cards' (``NEWSROOM_CARD_RATIO``) and the social image shares show
(``NEWSROOM_SOCIAL_SIZE``, a JPEG: some crawlers still refuse WebP). Moving the focal
point makes the crops again when the photo is saved.
"""

from django.conf import settings
from sorl.thumbnail import get_thumbnail


def make(photo) -> dict:
    """Make the WebP renditions (and a JPEG fallback) of ``photo`` and its crops; store
    their names."""
    widths = [w for w in settings.NEWSROOM_PHOTO_WIDTHS if w < photo.width] or [photo.width]
    if photo.width not in widths and photo.width < max(settings.NEWSROOM_PHOTO_WIDTHS):
        widths.append(photo.width)
    webp = []
    for width in sorted(set(widths)):
        thumb = get_thumbnail(photo.image, str(width), format="WEBP", upscale=False)
        webp.append([width, thumb.name])
    fallback = get_thumbnail(photo.image, "800", format="JPEG", upscale=False, quality=85)
    photo.renditions = {"webp": webp, "fallback": fallback.name, **_crops(photo)}
    return _store(photo)


def make_crops(photo) -> dict:
    """Cut the crops of ``photo`` again around its focal point; the whole-photo renditions
    stay as they are."""
    photo.renditions = {**photo.renditions, **_crops(photo)}
    return _store(photo)


def crops_are_current(photo) -> bool:
    """The stored crops were cut around the photo's present focal point."""
    made = photo.renditions
    return "card" in made and "social" in made and made.get("focal") == _focal(photo)


def crop_position(photo, ratio: float) -> str:
    """sorl-thumbnail's ``crop`` for the largest ``ratio`` window centred on the focal point.

    sorl reads ``"30% 70%"`` as CSS reads background-position: 30 % of the room left
    beside the window, not the window's centre. So the window is centred on the focal
    point, pushed back inside the photo at the edges, and its offset told as a share of
    that room.
    """
    window_w, window_h = _largest_window(photo, ratio)
    x = _offset_percent(photo.focal_x, photo.width, window_w)
    y = _offset_percent(photo.focal_y, photo.height, window_h)
    return f"{x}% {y}%"


def _crops(photo) -> dict:
    card_ratio = settings.NEWSROOM_CARD_RATIO[0] / settings.NEWSROOM_CARD_RATIO[1]
    card_webp, card_size = [], None
    for width in sorted(settings.NEWSROOM_CARD_WIDTHS):
        thumb = _cut(photo, card_ratio, width, format="WEBP")
        if card_webp and thumb.width == card_webp[-1][0]:
            continue  # a small photo: the wider sizes are this one again
        card_webp.append([thumb.width, thumb.name])
        card_size = [thumb.width, thumb.height]
    card_fallback = _cut(photo, card_ratio, min(settings.NEWSROOM_CARD_WIDTHS), format="JPEG")
    social_w, social_h = settings.NEWSROOM_SOCIAL_SIZE
    social = _cut(photo, social_w / social_h, social_w, format="JPEG")
    return {
        "focal": _focal(photo),
        "card": {"webp": card_webp, "fallback": card_fallback.name, "size": card_size},
        "social": {"name": social.name, "size": [social.width, social.height]},
    }


def _cut(photo, ratio, width, **options):
    """The ``ratio`` crop around the focal point, ``width`` wide, or narrower: never
    enlarged past the photo's own pixels."""
    window_w, _ = _largest_window(photo, ratio)
    width = max(1, min(width, window_w))
    height = max(1, round(width / ratio))
    options.setdefault("quality", 85 if options.get("format") == "JPEG" else 82)
    return get_thumbnail(
        photo.image,
        f"{width}x{height}",
        crop=crop_position(photo, ratio),
        upscale=False,
        **options,
    )


def _largest_window(photo, ratio):
    """Width and height of the largest ``ratio`` window inside the photo."""
    if photo.width / max(photo.height, 1) > ratio:
        return round(photo.height * ratio), photo.height
    return photo.width, round(photo.width / ratio)


def _offset_percent(focal, size, window):
    room = size - window
    if room <= 0:
        return 50
    offset = min(max(focal * size - window / 2, 0), room)
    return round(100 * offset / room)


def _focal(photo):
    return [float(photo.focal_x), float(photo.focal_y)]


def _store(photo):
    type(photo).objects.filter(pk=photo.pk).update(renditions=photo.renditions)
    return photo.renditions
