"""Generations: one counter per scope in the shared cache (DESIGN.md, "Read" path).

A cached page, and anything kept beside a generation (``kept_while``: the reader header's
hotline banner and section menu), is good while the generations it was made under stay put;
``bump`` moves them. With the cache unreachable a bump is owed, and this process makes it
as soon as the cache answers again (``cachesafe.when_back``), before any generation is
read, so nothing kept before an outage is served after it. ``articles.pagecache``
re-exports all of it.
"""

import time

from django.core.cache import cache

from articles import cachesafe
from newsroom import routers

SITE = "site"
LISTS = "lists"
# Not a page's scope: the closed months' sitemap rows (articles/sitemaps.py) are kept in the
# cache under its generation, bumped by a change to a live article of a closed month.
ARCHIVE = "archive"
# Moved on first by every bump: a page rendered while any bump was made is not stored.
BUMPS = "bumps"
GEN_KEY = "pagecache:gen:{scope}"

_owed: set[str] = set()


def article_scope(pk) -> str:
    return f"article:{pk}"


def section_scope(pk) -> str:
    return f"section:{pk}"


def tag_scope(pk) -> str:
    return f"tag:{pk}"


def author_scope(pk) -> str:
    return f"author:{pk}"


def most_read_scope(name) -> str:
    """A most-read ranking (``articles/reads/ranking.py``): pages showing it depend on it."""
    return f"most-read:{name}"


def _gen_key(scope: str) -> str:
    return GEN_KEY.format(scope=scope)


def _fresh_generation() -> int:
    # A counter lost with its key (eviction, restart) comes back larger than any value it
    # had, so no page stored under the old one can match it.
    return time.time_ns() // 1000


def generations(scopes) -> dict[str, int] | None:
    """The current generation of each scope (starting missing ones); None when unreachable."""
    if not pay_owed_bumps():
        return None
    keys = {_gen_key(scope): scope for scope in scopes}
    found = cachesafe.call(cache.get_many, list(keys), fallback=None)
    if found is None:
        return None
    missing = [key for key in keys if key not in found]
    for key in missing:
        cachesafe.call(cache.add, key, _fresh_generation(), timeout=None)
    if missing:
        found.update(cachesafe.call(cache.get_many, missing, fallback={}) or {})
        if any(key not in found for key in missing):
            return None
    return {keys[key]: value for key, value in found.items()}


def generation(scope: str = SITE) -> int | None:
    """One scope's generation; None when the cache cannot be reached."""
    found = generations([scope])
    return None if found is None else found[scope]


def kept_while(scope: str, key: str, make, timeout: int):
    """``make()``'s value, kept under ``key`` while ``scope``'s generation stays where it
    was before the value was made: one cache read for the value and the generation. Made
    every time on a per-process cache (a bump in one worker would not reach the others)
    or an unreachable one."""
    if not cachesafe.shared() or not pay_owed_bumps():
        return make()
    gen_key = _gen_key(scope)
    found = cachesafe.call(cache.get_many, [gen_key, key], fallback=None)
    if found is None:
        return make()
    current, kept = found.get(gen_key), found.get(key)
    if current is not None and kept is not None and kept[0] == current:
        return kept[1]
    if current is None:
        current = generation(scope)
    value = make()  # after the generation was read: a bump during make() is not missed
    if current is not None:
        cachesafe.call(cache.set, key, (current, value), timeout)
    return value


def bump(*scopes: str, **signal_kwargs) -> bool:
    """Move every page showing one of ``scopes`` on (all pages when none is named).

    Never raises for an unreachable cache (an admin save must not fail): the bump is owed
    and made when the cache answers this process again. False when some of it is owed.
    ``signal_kwargs`` lets it be a signal receiver (``restore``, ``seed_bench``).
    """
    _owed.update(scopes or (SITE,))
    return pay_owed_bumps()


def bump_cached(*scopes: str) -> bool:
    """``bump`` for a change held in the cache only (a most-read ranking, issue #13).

    Nothing was written to the database, so no replica position is noted first: a reader's
    beacon makes it without a query. BUMPS first, as ``pay_owed_bumps`` does; owed when the
    cache does not answer.
    """
    for scope in [BUMPS, *scopes]:
        if not _incr(_gen_key(scope)):
            owe(*scopes)
            return False
    return True


def owe(*scopes: str) -> None:
    """Bump ``scopes`` when the cache next answers (a change it could not be told of)."""
    _owed.update(scopes)


@cachesafe.when_back
def pay_owed_bumps() -> bool:
    if not _owed:
        return True
    # Before any generation moves: no page is rendered from a replica behind this write.
    routers.note_primary_position()
    # BUMPS first, then the scopes: a page whose generations were read before a scope moved
    # has them unchanged (stored, then never a hit); one that read them after sees BUMPS moved.
    for scope in [BUMPS, *sorted(_owed)]:
        if not _incr(_gen_key(scope)):
            return False
        _owed.discard(scope)
    return True


def _incr(key: str) -> bool:
    try:
        return cachesafe.call(cache.incr, key) is not None
    except ValueError:
        # No counter (never read, or lost): a fresh one does the same.
        cachesafe.call(cache.set, key, _fresh_generation(), timeout=None)
        return cachesafe.call(cache.get, key) is not None
