"""Reader queries on a PostgreSQL streaming replica (issue #11, ``DATABASE_REPLICA_URL``).

Only an anonymous reader's request reads the replica: GET or HEAD, not the admin, a preview
or the health check, no session cookie (``ReplicaReadsMiddleware`` marks it). Everything
else (writes, the admin, a logged-in editor, management commands) uses the primary.

**Never older than the page cache.** An edit bumps the page cache's generations; a page
rendered right after from a replica that has not replayed the edit would be stored under
the new generation. So each bump first records the primary's WAL position (``MIN_LSN_KEY``,
only ever raised), and a request reads the replica only if it has replayed that far; else,
or if the replica does not answer, the primary. The check is made at the request's first
query, not before: a page cache hit costs no query, and a page rendered on a miss checks
after the page cache read its generations (``reconsider()``).
"""

import contextlib
import contextvars
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections

logger = logging.getLogger("newsroom.replica")

REPLICA = "replica"
MIN_LSN_KEY = "replica:min-lsn"
EXCLUDED_PREFIXES = ("/admin/", "/xem-truoc/", "/healthz")
# After the replica failed to answer, this process reads the primary for this long.
DOWN_SECONDS = 5.0

_down_until = 0.0


class _ReaderRequest:
    """A reader's request: which database it reads, decided at its first query."""

    alias: str | None = None


_request: contextvars.ContextVar[_ReaderRequest | None] = contextvars.ContextVar(
    "replica_reader_request", default=None
)


def configured() -> bool:
    return REPLICA in connections.databases


def _postgres(alias: str) -> bool:
    return connections.databases[alias]["ENGINE"] == "django.db.backends.postgresql"


def _lsn(number: int) -> str:
    return f"{number >> 32:X}/{number & 0xFFFFFFFF:X}"


# The writer's side ---------------------------------------------------------------------


def _primary_position() -> int:
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute("SELECT pg_current_wal_lsn() - '0/0'")
        return int(cursor.fetchone()[0])


def note_primary_position() -> None:
    """Raise ``MIN_LSN_KEY`` to the primary's WAL position, before a page cache bump.

    Inside a transaction the position that counts is the commit's: it is noted again on
    commit (``articles/invalidation.py`` bumps again then, which calls this first).
    """
    if not configured() or not _postgres(DEFAULT_DB_ALIAS):
        return
    if connections[DEFAULT_DB_ALIAS].in_atomic_block:
        from django.db import transaction

        transaction.on_commit(note_primary_position)
    try:
        position = _primary_position()
    except Exception:
        logger.exception("Could not read the primary's WAL position")
        return
    _raise_min_lsn(position)


def _raise_min_lsn(position: int) -> None:
    from articles import cachesafe

    known = cachesafe.call(cache.get, MIN_LSN_KEY)
    if known is None:
        if cachesafe.call(cache.add, MIN_LSN_KEY, position, timeout=None):
            return
        known = cachesafe.call(cache.get, MIN_LSN_KEY) or 0
    if known < position:
        # incr adds atomically: with writers racing it may overshoot (the primary is read a
        # little longer), never fall short.
        try:
            cachesafe.call(cache.incr, MIN_LSN_KEY, position - known)
        except ValueError:
            cachesafe.call(cache.set, MIN_LSN_KEY, position, timeout=None)


# The reader's side ---------------------------------------------------------------------


def _replica_caught_up() -> bool:
    global _down_until
    if time.monotonic() < _down_until or not _postgres(REPLICA):
        return False
    from articles import cachesafe

    wanted = cachesafe.call(cache.get, MIN_LSN_KEY, fallback="unreachable")
    if wanted is None:
        # Never noted (a fresh or flushed cache): from now on, the primary's position.
        try:
            cachesafe.call(cache.add, MIN_LSN_KEY, _primary_position(), timeout=None)
        except Exception:
            logger.exception("Could not read the primary's WAL position")
        return False
    if wanted == "unreachable":
        return False
    try:
        with connections[REPLICA].cursor() as cursor:
            cursor.execute("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [_lsn(wanted)])
            return bool(cursor.fetchone()[0])
    except Exception:
        _down_until = time.monotonic() + DOWN_SECONDS
        logger.warning("The replica did not answer; reading the primary", exc_info=True)
        with contextlib.suppress(Exception):
            connections[REPLICA].close()
        return False


def reader_request(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.path.startswith(EXCLUDED_PREFIXES)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def begin(request) -> contextvars.Token | None:
    """Mark ``request`` as a reader's (when it is one and a replica is configured)."""
    if not configured() or not reader_request(request):
        return None
    return _request.set(_ReaderRequest())


def end(token) -> None:
    if token is not None:
        _request.reset(token)


def reconsider() -> None:
    """Decide again at the next query (the page cache calls it before rendering a miss)."""
    state = _request.get()
    if state is not None:
        state.alias = None


def read_alias() -> str:
    state = _request.get()
    if state is None or not configured():
        return DEFAULT_DB_ALIAS
    if state.alias is None:
        state.alias = REPLICA if _replica_caught_up() else DEFAULT_DB_ALIAS
    return state.alias


class ReplicaRouter:
    """Reads in a reader's request to the replica (when caught up); all else to the primary."""

    def db_for_read(self, model, **hints):
        return read_alias()

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS
