"""Absolute links, for feeds, sitemaps, canonical URLs, JSON-LD and ``robots.txt``.

Views, feeds and sitemaps import ``absolute_url`` from here; templates use the
``absolute`` filter of ``articles_tags``, which is this function.
"""

import re

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse


def absolute_url(path: str) -> str:
    """``path`` (or a storage URL) made absolute on ``NEWSROOM_SITE_URL``."""
    if not path or path.startswith(("http://", "https://")):
        return path
    return settings.NEWSROOM_SITE_URL.rstrip("/") + path


# Reader pages reverse a URL for every card, "Xem thêm" item, tag and crumb: about twenty
# on an article page, each ≈ 40 µs through Django's resolver (issue #9). ``path_to``
# reverses a pattern once per process, URLconf and script prefix with marker arguments,
# and then fills the markers in; it is used for slug and non-negative integer arguments
# only, which the ``slug`` and ``int`` converters take as they are. Anything else goes
# through ``reverse``, which checks it.
_SLUG = re.compile(r"[-a-zA-Z0-9_]+\Z")
_TEMPLATES: dict[tuple, str | None] = {}


def path_to(name: str, **kwargs) -> str:
    """``reverse(name, kwargs=kwargs)``, the same string, without the resolver's cost."""
    if not all(_plain(value) for value in kwargs.values()):
        return reverse(name, kwargs=kwargs)
    key = (get_urlconf(), get_script_prefix(), name, tuple(sorted(kwargs)))
    try:
        template = _TEMPLATES[key]
    except KeyError:
        template = _TEMPLATES[key] = _template(name, sorted(kwargs))
    if template is None:
        return reverse(name, kwargs=kwargs)
    return template.format_map({k: str(v) for k, v in kwargs.items()})


def _plain(value) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return value >= 0
    return isinstance(value, str) and _SLUG.match(value) is not None


def _template(name: str, names: list[str]) -> str | None:
    """The reversed path with ``{name}`` where each argument goes; None when the markers
    (distinct numbers, which the ``slug`` and ``int`` converters both take) are refused or
    cannot be told apart: then every call reverses."""
    markers = {arg: str(9_000_000_001 + number) for number, arg in enumerate(names)}
    try:
        path = reverse(name, kwargs=markers)
    except NoReverseMatch:
        return None
    path = path.replace("{", "{{").replace("}", "}}")
    if any(path.count(marker) != 1 for marker in markers.values()):
        return None
    for arg, marker in markers.items():
        path = path.replace(marker, "{" + arg + "}")
    return path


@receiver(setting_changed)
def _forget_templates(*, setting, **kwargs):
    if setting == "ROOT_URLCONF":
        _TEMPLATES.clear()
