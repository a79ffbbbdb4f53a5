"""Querysets whose SQL is built once per process (issue #9).

On a cold article page the ORM spent more time building and compiling querysets than
PostgreSQL spent answering them (``bench/profile_article.py``: about half of the page;
the queries themselves a tenth). A ``Prepared`` query is an ordinary queryset, written by a
function of the values that change between calls (an id, the moment "now", a list of ids).
It is compiled on first use, per database alias and per length of its lists, twice: with a
first and a second sample of each argument. The parameters that differ between the two
compilations are that argument's places. Each call then runs the same SQL with its own
values in those places, and builds instances with the compiler set up that first time, as
Django's ``ModelIterable`` does (``select_related``, deferred fields, annotations).

On PostgreSQL the statement is also prepared on the server, once per connection
(``PREPARE``, then ``EXECUTE`` with each call's values): planning the article's query, with
its joins and subqueries, cost PostgreSQL three times what running it did. The ``PREPARE``
is a connection's setup, like Django's own session settings, and is not among a page's
queries; ``EXECUTE`` is. ``NEWSROOM_PREPARED_STATEMENTS=0`` turns this off, for a pooler
that hands one session's statements to another (PgBouncer in transaction mode).

The rules stay in the queryset (``Article.objects.live(now)``): no SQL is written by hand,
and a queryset that does not compile to the same SQL for both samples, or whose values do
not land where expected, is refused at its first call (``ImproperlyConfigured``), never
run with wrong parameters.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError, connections, router
from django.db.models import Model, QuerySet
from django.db.models.query import get_related_populators


@dataclass(frozen=True)
class Arg:
    """One kind of argument: its two samples, and how a value becomes a parameter."""

    samples: tuple
    many: bool = False

    def prep(self, connection, value):
        if isinstance(value, datetime):
            return connection.ops.adapt_datetimefield_value(value)
        return value

    def sample(self, which: int, length: int):
        if not self.many:
            return self.samples[which]
        # Ids no row has (negative), all different, so every place can be told apart.
        start = -1 - which * length
        return [start - number for number in range(length)]


ID = Arg(samples=(-1, -2))
MOMENT = Arg(
    samples=(datetime(2001, 2, 3, 4, 5, 6, tzinfo=UTC), datetime(2002, 3, 4, 5, 6, 7, tzinfo=UTC))
)
IDS = Arg(samples=((), ()), many=True)


class _Compiled:
    """A queryset's SQL with its argument places, and the compiler that reads its rows."""

    def __init__(self, build, args: dict[str, Arg], alias: str, lengths: dict[str, int]):
        connection = connections[alias]

        def compile_with(which_of):
            values = {
                name: arg.sample(which_of.get(name, 0), lengths.get(name, 0))
                for name, arg in args.items()
            }
            compiler = build(**values).using(alias).query.get_compiler(using=alias)
            sql, params = compiler.as_sql()
            return compiler, sql, list(params), values

        self.compiler, self.sql, self.params, first = compile_with({})
        self.slots = {}
        for name, arg in args.items():
            _, sql, params, _ = compile_with({name: 1})
            if sql != self.sql or len(params) != len(self.params):
                raise ImproperlyConfigured(f"{build.__qualname__}: {name} changes the SQL.")
            slots = [i for i, (a, b) in enumerate(zip(self.params, params, strict=True)) if a != b]
            expected = first[name] if arg.many else [first[name]] * len(slots)
            found = [self.params[i] for i in slots]
            if not slots or found != [arg.prep(connection, value) for value in expected]:
                raise ImproperlyConfigured(f"{build.__qualname__}: {name} is not where expected.")
            self.slots[name] = slots
        compiler = self.compiler
        klass_info = compiler.klass_info
        start, end = klass_info["select_fields"][0], klass_info["select_fields"][-1] + 1
        self.model = klass_info["model"]
        self.model_columns = (start, end)
        self.init_list = [column[0].target.attname for column in compiler.select[start:end]]
        self.annotations = list(compiler.annotation_col_map.items())
        self.alias = alias
        # How each select_related row part becomes an instance: fixed by the SQL, as the
        # column ranges are; they keep no state between rows.
        self.populators = get_related_populators(klass_info, compiler.select, alias)
        self.statement = None
        if connection.vendor == "postgresql":
            table = self.model._meta.db_table
            self.statement = _Statement(self.sql, len(self.params), table)

    def run(self, args: dict[str, Arg], values: dict) -> list[Model]:
        connection = connections[self.alias]
        params = list(self.params)
        for name, slots in self.slots.items():
            arg, value = args[name], values[name]
            if arg.many:
                given = [arg.prep(connection, item) for item in value]
            else:  # one value in several places ("now" in each of the home page's windows)
                given = [arg.prep(connection, value)] * len(slots)
            for slot, param in zip(slots, given, strict=True):
                params[slot] = param
        with connection.cursor() as cursor:
            if self.statement is None or not settings.NEWSROOM_PREPARED_STATEMENTS:
                cursor.execute(self.sql, params)
            else:
                self.statement.execute(connection, cursor, params)
            rows = cursor.fetchall()
        start, end = self.model_columns
        found = []
        for row in self.compiler.results_iter([rows]):
            obj = self.model.from_db(self.alias, self.init_list, row[start:end])
            for populator in self.populators:
                populator.populate(row, obj)
            for name, position in self.annotations:
                setattr(obj, name, row[position])
            found.append(obj)
        return found


class _Statement:
    """A PostgreSQL prepared statement: prepared on each connection before its first use."""

    def __init__(self, sql: str, count: int, table: str):
        # Named after the table it reads, so a log or pg_stat_statements tells what it is.
        self.name = f"nr_{table[:40]}_{hashlib.sha1(sql.encode()).hexdigest()[:16]}"
        numbers = iter(range(1, count + 1))
        # Django's %s placeholders become $1, $2…; its %% (a literal %) becomes %.
        body = re.sub(r"%%|%s", lambda m: "%" if m[0] == "%%" else f"${next(numbers)}", sql)
        self.prepare = f"PREPARE {self.name} AS {body}"
        self.execute_sql = (
            f"EXECUTE {self.name} ({', '.join(['%s'] * count)})"
            if count
            else (f"EXECUTE {self.name}")
        )

    def execute(self, connection, cursor, params) -> None:
        if self.name not in _prepared_on(connection):
            self._prepare(connection)
        try:
            cursor.execute(self.execute_sql, params)
        except DatabaseError as error:
            # Gone from the session (DEALLOCATE ALL, DISCARD ALL): prepared again, and
            # the call retried, where no transaction was aborted by the failure.
            if getattr(error.__cause__, "pgcode", None) != "26000":
                raise
            _prepared_on(connection).clear()
            if connection.in_atomic_block:
                raise
            self._prepare(connection)
            cursor.execute(self.execute_sql, params)

    def _prepare(self, connection) -> None:
        with connection.wrap_database_errors, connection.connection.cursor() as raw:
            raw.execute(self.prepare)
        _prepared_on(connection).add(self.name)


def _prepared_on(connection) -> set[str]:
    """The statements prepared on ``connection``'s current session (a new session, after
    a reconnection, has none)."""
    raw = connection.connection
    state = getattr(connection, "_newsroom_statements", None)
    if state is None or state[0] is not raw:
        state = connection._newsroom_statements = (raw, set())
    return state[1]


class Prepared:
    """``build(**values)`` compiled once per alias and list lengths; called with values.

    ``Prepared(lambda pk, now: Article.objects.live(now).filter(pk=pk), pk=ID, now=MOMENT)``
    An ``IDS`` argument is a list of ids, used only as ``pk__in``; an empty one finds
    nothing without a query, as the queryset would.
    """

    def __init__(self, build: Callable[..., QuerySet], **args: Arg):
        self.build = build
        self.args = args
        self.model = None
        self._compiled: dict[tuple, _Compiled] = {}

    def __call__(self, **values) -> list[Model]:
        lengths = {}
        for name, arg in self.args.items():
            if arg.many:
                values[name] = list(dict.fromkeys(values[name]))  # each id once, in order
                if not values[name]:
                    return []
                lengths[name] = len(values[name])
        if self.model is None:
            self.model = self.build(**{n: a.sample(0, 1) for n, a in self.args.items()}).model
        alias = router.db_for_read(self.model)
        key = (alias, tuple(sorted(lengths.items())))
        compiled = self._compiled.get(key)
        if compiled is None:
            compiled = self._compiled[key] = _Compiled(self.build, self.args, alias, lengths)
        return compiled.run(self.args, values)
