"""Who has an article's form open now (issue #10): "Đang mở bài này" that tells the truth.

The open form says so when it loads, every ``BEAT_SECONDS`` while it stays open (a
heartbeat from ``articles/static/articles/admin/article-form.js``), and when it is left (a
beacon on ``pagehide``). Someone is shown while their last beat is under
``PRESENCE_SECONDS`` old: a closed tab disappears at once, a crashed browser within that
time, a read-only view never appears. Kept in the cache; with the cache unreachable nobody
is shown and the form still opens (issue #8).
"""

from django.core.cache import cache
from django.utils import timezone

from articles import cachesafe
from articles.names import full_name

BEAT_SECONDS = 20
# Browsers run a background tab's timers about once a minute: a beat may come that late.
PRESENCE_SECONDS = 75


def _key(article_pk) -> str:
    return f"article-editing:{article_pk}"


def _current(article_pk, now) -> dict:
    entries = cachesafe.call(cache.get, _key(article_pk)) or {}
    return {uid: entry for uid, entry in entries.items() if now - entry[1] < PRESENCE_SECONDS}


def beat(article_pk, user) -> list[str]:
    """``user``'s form of the article is open; the names of the others whose form is."""
    now = timezone.now().timestamp()
    entries = _current(article_pk, now)
    entries[user.pk] = (full_name(user), now)
    cachesafe.call(cache.set, _key(article_pk), entries, PRESENCE_SECONDS)
    return others(article_pk, user, entries)


def left(article_pk, user) -> None:
    """``user`` closed or left the form."""
    now = timezone.now().timestamp()
    entries = _current(article_pk, now)
    if entries.pop(user.pk, None) is not None:
        cachesafe.call(cache.set, _key(article_pk), entries, PRESENCE_SECONDS)


def others(article_pk, user, entries=None) -> list[str]:
    """The names of the others whose form of the article is open now."""
    if entries is None:
        entries = _current(article_pk, timezone.now().timestamp())
    return [name for uid, (name, _at) in entries.items() if uid != user.pk]
