"""The most-read rankings: each list's top ids, kept in the cache, refreshed by beacons.

A ranking is ``KEEP`` article ids from the counters (``store.top``), kept under its name.
Pages showing a list depend on the list's scope (``generations.most_read_scope``). A
beacon refreshes the rankings it touches at most every ``REFRESH_SECONDS`` (one
``cache.add`` decides which beacon does it), and moves the scope on only when the ids or
their order changed: cached pages then show the new list at their next request, and keep
their place while it holds. Rankings are raw ids: whether each article is live is decided
when a page is rendered (``lists``), and an article that stops being live moves its own
scope, so the pages listing it are rendered again without it.

A refresh costs no query: the beacon stays a Redis-only request.
"""

from django.core.cache import cache

from articles import cachesafe, generations
from articles.reads import store

REFRESH_SECONDS = 300
# Five are shown; the others take the place of any that is not live.
KEEP = 10
RANKING_KEY = "most-read:ranking:{name}"
LOCK_KEY = "most-read:refresh:{name}"
# Without reads a ranking is not refreshed; after a day it is made again when shown.
RANKING_SECONDS = 24 * 3600


def name(window: str, part: str) -> str:
    return f"{part}:{window}"


def scope(window: str, part: str) -> str:
    return generations.most_read_scope(name(window, part))


def ranking(window: str, part: str) -> list[int] | None:
    """The kept ranking, made and kept when missing; None when nothing is counted."""
    if not store.available():
        return None
    key = RANKING_KEY.format(name=name(window, part))
    kept = cachesafe.call(cache.get, key)
    if kept is not None:
        return kept
    ids = store.top(window, part, KEEP)
    if ids is not None:
        # add, not set: a refresh that stored a newer ranking meanwhile wins.
        cachesafe.call(cache.add, key, ids, RANKING_SECONDS)
    return ids


def refresh(window: str, part: str) -> bool:
    """Make the ranking again if its turn came; True when it changed (its scope moved)."""
    listed = name(window, part)
    if not cachesafe.call(cache.add, LOCK_KEY.format(name=listed), 1, REFRESH_SECONDS):
        return False
    ids = store.top(window, part, KEEP)
    if ids is None:
        return False
    key = RANKING_KEY.format(name=listed)
    if cachesafe.call(cache.get, key) == ids:
        return False
    # Stored before the scope moves: a page rendered after the bump reads the new ids.
    cachesafe.call(cache.set, key, ids, RANKING_SECONDS)
    return generations.bump_cached(scope(window, part))


def refresh_after_read(section_id: int) -> None:
    """The rankings a read in ``section_id`` may change: the site's two and the section's."""
    for window in store.WINDOWS:
        refresh(window, store.SITE)
    refresh(store.DAY, store.section_part(section_id))
