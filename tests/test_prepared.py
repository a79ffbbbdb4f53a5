"""Querysets compiled once per process (articles/prepared.py), PostgreSQL's prepared
statements under them, and URLs reversed once (articles/links.path_to): the cold article
page's machinery (issue #9). Each gives what the plain ORM or ``reverse`` gives."""

from datetime import timedelta

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.urls import NoReverseMatch, reverse, set_script_prefix
from django.utils import timezone

from articles import article_page
from articles.links import path_to
from articles.models import Article
from articles.prepared import ID, IDS, MOMENT, Prepared
from tests.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db

LIVE_BY_ID = Prepared(
    lambda ids, now: Article.objects.live(now).select_related("section").filter(pk__in=ids),
    ids=IDS,
    now=MOMENT,
)
ONE = Prepared(lambda pk: Article.objects.filter(pk=pk).select_related("section"), pk=ID)


def published(hours_ago=1, **kwargs):
    return ArticleFactory(
        status=Article.Status.PUBLISHED,
        published_at=timezone.now() - timedelta(hours=hours_ago),
        **kwargs,
    )


def on_server():
    """The statements prepared on this connection's session (PostgreSQL)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM pg_prepared_statements")
        return {name for (name,) in cursor.fetchall()}


def needs_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("prepared statements are PostgreSQL's")


def test_the_same_rows_as_the_queryset():
    section = SectionFactory(name="Kinh tế")
    first, second = published(section=section), published(hours_ago=2)
    later = published(hours_ago=-2)  # scheduled: not live now
    found = LIVE_BY_ID(ids=[second.pk, first.pk, later.pk], now=timezone.now())
    assert sorted(a.pk for a in found) == sorted([first.pk, second.pk])
    by_pk = {a.pk: a for a in found}
    assert by_pk[first.pk].title == first.title
    assert by_pk[first.pk].section.name == "Kinh tế"  # select_related, no query
    assert by_pk[first.pk].published_at == Article.objects.get(pk=first.pk).published_at


def test_each_call_puts_its_own_values_in():
    a, b = published(), published()
    assert [x.pk for x in ONE(pk=a.pk)] == [a.pk]
    assert [x.pk for x in ONE(pk=b.pk)] == [b.pk]
    later = published(hours_ago=-2)
    assert LIVE_BY_ID(ids=[later.pk], now=timezone.now()) == []
    in_three_hours = timezone.now() + timedelta(hours=3)
    assert [x.pk for x in LIVE_BY_ID(ids=[later.pk], now=in_three_hours)] == [later.pk]


def test_lists_of_any_length_and_repeated_ids(django_assert_num_queries):
    articles = [published(hours_ago=n) for n in range(1, 6)]
    ids = [a.pk for a in articles]
    for length in (1, 3, 5):
        with django_assert_num_queries(1):
            found = LIVE_BY_ID(ids=ids[:length] + ids[:length], now=timezone.now())
        assert sorted(a.pk for a in found) == sorted(ids[:length])
    with django_assert_num_queries(0):  # an empty list finds nothing, as pk__in=[] would
        assert LIVE_BY_ID(ids=[], now=timezone.now()) == []


def test_a_query_whose_sql_depends_on_a_value_is_refused():
    def build(pk):
        articles = Article.objects.filter(pk=pk)
        return articles.filter(title="x") if pk == -1 else articles

    with pytest.raises(ImproperlyConfigured, match="changes the SQL"):
        Prepared(build, pk=ID)(pk=1)


def test_a_value_not_used_as_given_is_refused():
    # pk + 1 lands in the SQL: a call's own value would not be what the query used.
    with pytest.raises(ImproperlyConfigured, match="not where expected"):
        Prepared(lambda pk: Article.objects.filter(pk=pk + 1), pk=ID)(pk=1)


def test_the_article_page_reads_names_and_tags_in_the_articles_query(django_assert_num_queries):
    article = published()
    author = article.authors.create(username="thuha", first_name="Thu Hà", last_name="Nguyễn")
    article.tags.set(["Hải Phòng", "Cảng biển", "An toàn"])
    with django_assert_num_queries(1):
        found = article_page.read(article.pk)
        authors, tags = article_page.authors_of(found), article_page.tags_of(found)
    assert [(a.pk, a.first_name, a.last_name) for a in authors] == [
        (author.pk, "Thu Hà", "Nguyễn")
    ]
    assert [t.name for t in tags] == ["Hải Phòng", "Cảng biển", "An toàn"]  # typed order
    assert [t.pk for t in tags] == [t.pk for t in article.tags.all()]
    assert article_page.read(published(hours_ago=-1).pk) is None  # scheduled


@pytest.mark.django_db(transaction=True)
def test_prepared_once_per_session_and_again_after_a_reconnection(django_assert_num_queries):
    needs_postgres()
    article = published()
    ONE(pk=article.pk)
    (compiled,) = ONE._compiled.values()
    name = compiled.statement.name
    assert name.startswith("nr_articles_article_") and name in on_server()
    with django_assert_num_queries(1) as captured:  # EXECUTE only: no second PREPARE
        assert [a.pk for a in ONE(pk=article.pk)] == [article.pk]
    assert captured.captured_queries[0]["sql"].startswith(f"EXECUTE {name} (")
    connection.close()
    assert [a.pk for a in ONE(pk=article.pk)] == [article.pk]  # a new session: prepared
    assert name in on_server()


@pytest.mark.django_db(transaction=True)
def test_a_statement_dropped_from_the_session_is_prepared_again():
    needs_postgres()
    article = published()
    ONE(pk=article.pk)
    with connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")  # what a pooler's DISCARD ALL does
    assert [a.pk for a in ONE(pk=article.pk)] == [article.pk]


def test_off_by_setting_the_plain_statement_runs(settings, django_assert_num_queries):
    settings.NEWSROOM_PREPARED_STATEMENTS = False
    article = published()
    with django_assert_num_queries(1) as captured:
        assert [a.pk for a in ONE(pk=article.pk)] == [article.pk]
    assert captured.captured_queries[0]["sql"].startswith("SELECT ")


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("articles:home", {}),
        ("articles:section", {"slug": "thoi-su"}),
        ("articles:tag", {"slug": "hai-phong_2"}),
        ("articles:author", {"pk": 7}),
        ("articles:detail", {"section_slug": "kinh-te", "slug": "gia-vang-tang", "pk": 123}),
    ],
)
def test_path_to_is_reverse(name, kwargs):
    assert path_to(name, **kwargs) == reverse(name, kwargs=kwargs)


def test_path_to_refuses_what_reverse_refuses():
    for slug in ("hải-phòng", "a/b", ""):
        with pytest.raises(NoReverseMatch):
            path_to("articles:tag", slug=slug)
    with pytest.raises(NoReverseMatch):
        path_to("articles:author", pk=-1)


def test_path_to_under_a_script_prefix():
    set_script_prefix("/bao/")
    try:
        assert path_to("articles:section", slug="the-thao") == "/bao/chuyen-muc/the-thao/"
    finally:
        set_script_prefix("/")
    assert path_to("articles:section", slug="the-thao") == "/chuyen-muc/the-thao/"
