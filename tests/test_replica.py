"""Reader queries on a streaming replica (issue #11, newsroom/routers.py).

The router's rules are tested without a replica. The rest runs against a real one, named by
``NEWSROOM_TEST_REPLICA_URL`` (``.ci/run`` starts one with ``pg_basebackup -R`` on port
5433): the ``replica`` alias points at it with the test database's name, which physical
replication copies from the primary. Without it those tests skip, and fail when
``NEWSROOM_REQUIRE_REPLICA=1`` (CI's PostgreSQL run).
"""

import os
import socket
import time
import types

import environ
import pytest
from django.db import connections
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from newsroom import routers
from newsroom.middleware import ReplicaReadsMiddleware
from tests.factories import ArticleFactory

REPLICA_URL = os.environ.get("NEWSROOM_TEST_REPLICA_URL", "")
MISSING = "no streaming replica: set NEWSROOM_TEST_REPLICA_URL (.ci/run starts one)"
POSTGRES = "django.db.backends.postgresql"


def _replica_alias(monkeypatch, settings, url, blocker):
    default = connections.databases["default"]
    if default["ENGINE"] != POSTGRES:
        pytest.skip("the replica tests need PostgreSQL (DATABASE_URL)")
    found = environ.Env.db_url_config(url)
    connections.databases["replica"] = {
        **default,
        **{key: found[key] for key in ("HOST", "PORT", "USER", "PASSWORD")},
        # The test database Django made on the primary, copied by replication.
        "NAME": default["NAME"],
        "OPTIONS": {**default["OPTIONS"], "connect_timeout": 2},
    }
    # Django's test case refuses to connect to an alias the test did not name (and would
    # flush one it named: a replica is read-only). This one is the test's own.
    connection = connections["replica"]
    real = blocker._real_ensure_connection
    connection.ensure_connection = types.MethodType(real, connection)
    settings.DATABASE_ROUTERS = ["newsroom.routers.ReplicaRouter"]
    monkeypatch.setattr(routers, "_down_until", 0.0)


def _drop_replica_alias():
    connections["replica"].close()
    del connections["replica"]
    del connections.databases["replica"]


@pytest.fixture
def replica(transactional_db, monkeypatch, settings, django_db_blocker):
    if not REPLICA_URL:
        if os.environ.get("NEWSROOM_REQUIRE_REPLICA") == "1":
            pytest.fail(f"{MISSING} (NEWSROOM_REQUIRE_REPLICA=1 asks for it)", pytrace=False)
        pytest.skip(MISSING)
    _replica_alias(monkeypatch, settings, REPLICA_URL, django_db_blocker)
    try:
        yield connections["replica"]
    finally:
        _drop_replica_alias()


def _scalar(alias, sql, params=()):
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


def wait_for_replay(timeout=15.0):
    target = _scalar("default", "SELECT pg_current_wal_lsn()::text")
    deadline = time.monotonic() + timeout
    while not _scalar("replica", "SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [target]):
        assert time.monotonic() < deadline, f"the replica did not replay up to {target}"
        time.sleep(0.05)


# The rules, no replica needed ----------------------------------------------------------


@pytest.mark.parametrize(
    "method, path, cookie, reader",
    [
        ("get", "/", False, True),
        ("head", "/thoi-su/", False, True),
        ("get", "/", True, False),
        ("post", "/", False, False),
        ("get", "/admin/articles/article/", False, False),
        ("get", "/xem-truoc/abc/", False, False),
        ("get", "/healthz", False, False),
    ],
)
def test_only_anonymous_readers_requests_may_read_the_replica(method, path, cookie, reader):
    request = getattr(RequestFactory(), method)(path)
    if cookie:
        request.COOKIES["sessionid"] = "x"
    assert routers.reader_request(request) is reader


@pytest.fixture
def fake_replica(monkeypatch, settings):
    """A ``replica`` alias that is never connected to, and a check that always passes."""
    monkeypatch.setitem(connections.databases, "replica", dict(connections.databases["default"]))
    monkeypatch.setattr(routers, "_replica_caught_up", lambda: True)
    settings.DATABASE_ROUTERS = ["newsroom.routers.ReplicaRouter"]


def test_the_router_reads_the_replica_only_inside_a_readers_request(fake_replica):
    router = routers.ReplicaRouter()
    assert router.db_for_read(None) == "default"  # management commands, tests, the shell
    seen = {}

    def view(request):
        seen["read"], seen["write"] = router.db_for_read(None), router.db_for_write(None)
        return None

    ReplicaReadsMiddleware(view)(RequestFactory().get("/"))
    assert seen == {"read": "replica", "write": "default"}
    ReplicaReadsMiddleware(view)(RequestFactory().get("/admin/"))
    assert seen["read"] == "default"
    assert router.db_for_read(None) == "default"  # reset after the request
    assert router.allow_migrate("default", "articles")
    assert not router.allow_migrate("replica", "articles")


def test_without_a_replica_every_read_is_the_primarys(settings):
    assert "replica" not in connections.databases
    seen = {}

    def view(request):
        seen["read"] = routers.read_alias()

    ReplicaReadsMiddleware(view)(RequestFactory().get("/"))
    assert seen["read"] == "default"


# Against a real replica ----------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_an_anonymous_article_page_reads_the_replica(client, replica):
    article = ArticleFactory(live=True, title="Bài đọc từ bản sao")
    client.get("/")  # notes the primary's position (a fresh cache has none)
    wait_for_replay()
    with (
        CaptureQueriesContext(replica) as on_replica,
        CaptureQueriesContext(connections["default"]) as on_primary,
    ):
        response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert "Bài đọc từ bản sao" in response.content.decode()
    assert any("articles_article" in query["sql"] for query in on_replica.captured_queries)
    assert not any("articles_article" in query["sql"] for query in on_primary.captured_queries)


@pytest.mark.django_db(transaction=True)
def test_the_admin_and_a_logged_in_editor_read_the_primary(client, replica, editor):
    article = ArticleFactory(live=True)
    client.get("/")
    wait_for_replay()
    client.force_login(editor)
    with CaptureQueriesContext(replica) as on_replica:
        assert client.get(article.get_absolute_url()).status_code == 200
        assert client.get("/admin/articles/article/").status_code == 200
        assert client.get("/").status_code == 200
    assert on_replica.captured_queries == []


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("page_cache")
def test_an_edit_is_served_fresh_while_the_replica_has_not_replayed_it(client, replica):
    article = ArticleFactory(live=True, sapo="Sapo cũ.")
    url = article.get_absolute_url()
    client.get("/")  # notes the primary's position
    wait_for_replay()
    with CaptureQueriesContext(replica) as on_replica:
        first = client.get(url)
    assert "Sapo cũ." in first.content.decode()
    assert on_replica.captured_queries, "the page was not read from the replica"
    _scalar("replica", "SELECT pg_wal_replay_pause()")
    try:
        deadline = time.monotonic() + 10
        while _scalar("replica", "SELECT pg_get_wal_replay_pause_state()") != "paused":
            assert time.monotonic() < deadline
            time.sleep(0.05)
        article.sapo = "Sapo mới."
        article.save()
        stale = "SELECT sapo FROM articles_article WHERE id = %s"
        assert _scalar("replica", stale, [article.pk]) == "Sapo cũ."  # really behind
        with CaptureQueriesContext(replica) as on_replica:
            fresh = client.get(url)
            again = client.get(url)
        assert fresh["X-Page-Cache"] == "miss"
        assert "Sapo mới." in fresh.content.decode()
        assert "Sapo cũ." not in fresh.content.decode()
        assert again["X-Page-Cache"] == "hit"
        assert "Sapo mới." in again.content.decode()
        # Only the position check reached the replica: nothing was rendered from it.
        assert all("pg_last_wal_replay_lsn" in q["sql"] for q in on_replica.captured_queries)
    finally:
        _scalar("replica", "SELECT pg_wal_replay_resume()")
    wait_for_replay()
    with CaptureQueriesContext(replica) as on_replica:
        assert client.get("/").status_code == 200  # moved on by the edit: rendered again
    assert on_replica.captured_queries  # caught up: readers are on the replica again


def _closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.django_db(transaction=True)
def test_an_unreachable_replica_costs_readers_nothing(
    client, monkeypatch, settings, django_db_blocker
):
    url = f"postgres://postgres@127.0.0.1:{_closed_port()}/postgres"
    _replica_alias(monkeypatch, settings, url, django_db_blocker)
    try:
        article = ArticleFactory(live=True, title="Bản sao không trả lời")
        for _ in range(3):
            response = client.get(article.get_absolute_url())
            assert response.status_code == 200
            assert "Bản sao không trả lời" in response.content.decode()
        assert routers._down_until > time.monotonic()  # the primary, for a few seconds
    finally:
        _drop_replica_alias()
