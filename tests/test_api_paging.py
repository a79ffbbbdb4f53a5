"""The read API's article lists: cursor pages on (published_at, id), bounded queries."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.api import params
from articles.models import Article
from tests.api_support import API, conforming, path_of  # noqa: F401
from tests.factories import (
    ArticleFactory,
    PhotoFactory,
    SectionFactory,
    UserFactory,
    hidden_articles,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("conforming")]


def _archive(section, count=23):
    """``count`` live articles, some sharing a publication time (the id breaks the tie)."""
    now = timezone.now().replace(microsecond=0)
    articles = [
        ArticleFactory(section=section, status=Article.Status.PUBLISHED) for _ in range(count)
    ]
    for i, article in enumerate(articles):
        at = now - timedelta(minutes=10 + i // 3)  # three at each minute
        Article.objects.filter(pk=article.pk).update(published_at=at)
    hidden_articles(section)
    return Article.objects.live().order_by("-published_at", "-pk")


def _walk(client, url):
    pages, url = [], url
    while url:
        body = client.get(url).json()
        pages.append([item["id"] for item in body["items"]])
        url = body["next"] and path_of(body["next"])
    return pages


@pytest.mark.parametrize("limit", [1, 4, 7, 23, 50])
def test_walking_every_page_gives_every_live_article_once_newest_first(client, limit):
    section = SectionFactory(name="Kinh tế")
    expected = list(_archive(section).values_list("pk", flat=True))
    pages = _walk(client, f"{API}/articles?section=kinh-te&limit={limit}")
    assert [pk for page in pages for pk in page] == expected
    assert all(len(page) == limit for page in pages[:-1]) and 0 < len(pages[-1]) <= limit


def test_next_links_keep_the_filters_and_the_cursor_is_opaque(client):
    section = SectionFactory(name="Kinh tế")
    _archive(section, count=5)
    body = client.get(f"{API}/articles", {"section": "kinh-te", "limit": 2}).json()
    assert body["next"].startswith("http://127.0.0.1:8000/api/v1/articles?")
    assert "section=kinh-te" in body["next"] and "limit=2" in body["next"]
    cursor = body["next"].split("cursor=")[1]
    assert "_" not in cursor and params.decode_position(cursor)[1] == body["items"][-1]["id"]


def test_a_cursor_keeps_working_when_its_article_is_unpublished(client):
    section = SectionFactory(name="Kinh tế")
    ordered = list(_archive(section, count=6))
    first = client.get(f"{API}/articles?limit=3").json()
    ordered[2].status = Article.Status.DRAFT
    ordered[2].save()
    rest = client.get(path_of(first["next"]))
    assert [i["id"] for i in rest.json()["items"]] == [a.pk for a in ordered[3:6]]
    assert "private" in rest["Cache-Control"]  # answered, but not a cache entry


def test_a_list_costs_the_same_queries_on_the_first_and_a_deep_page(
    client, django_assert_num_queries
):
    section = SectionFactory(name="Kinh tế")
    _archive(section, count=30)
    url = f"{API}/articles?limit=3"
    for _ in range(6):
        with django_assert_num_queries(1):  # one index range, no COUNT, no OFFSET
            body = client.get(url).json()
        url = path_of(body["next"])
    filtered = f"{API}/articles?section=kinh-te&limit=3"
    for _ in range(6):
        with django_assert_num_queries(2):  # the section and its sub-sections, the page
            body = client.get(filtered).json()
        filtered = path_of(body["next"])


@pytest.mark.parametrize("n", [1, 5])
def test_one_article_costs_four_queries(client, django_assert_num_queries, n):
    photos = PhotoFactory.create_batch(n, image__width=120, image__height=80)
    figures = "".join(
        f'<figure class="news-photo" data-photo-id="{p.pk}"></figure>' for p in photos
    )
    article = ArticleFactory(live=True, lead_photo=photos[0], body=f"<p>Mở đầu.</p>{figures}")
    article.tags.add(*(f"thẻ {i}" for i in range(n)))
    article.authors.add(*UserFactory.create_batch(n))
    with django_assert_num_queries(4):  # article with section and lead photo, authors,
        client.get(f"{API}/articles/{article.pk}")  # tags, the body's photos


def test_the_list_query_reads_the_live_index(client):
    """The cursor page's SQL seeks on published_at and orders by (published_at, id),
    as the reader lists' keyset pages do (tests/test_deep_pages.py measures those)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    section = SectionFactory(name="Kinh tế")
    _archive(section, count=5)
    first = client.get(f"{API}/articles?limit=2").json()
    with CaptureQueriesContext(connection) as queries:
        client.get(path_of(first["next"]))
    (sql,) = [q["sql"] for q in queries.captured_queries]
    assert "LIMIT 4" in sql and "OFFSET" not in sql and "COUNT" not in sql.upper()
    assert '"published_at" <=' in sql
    assert (
        sql.rstrip()
        .split("ORDER BY")[1]
        .startswith(' "articles_article"."published_at" DESC, "articles_article"."id" DESC')
    )


@pytest.mark.parametrize("query", ["", "section=kinh-te&"])
def test_a_cursor_page_is_one_backward_index_range_on_postgresql(client, query):
    """The plan PostgreSQL gives a deep page: a live index read from the cursor down, no
    sort, whatever the archive's size (the planner is told to show what the index allows,
    as a few rows read faster from the table). With a section, which of the two live
    indexes leads is the planner's choice by the section's size, as for the section page."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("the plan is PostgreSQL's")
    section = SectionFactory(name="Kinh tế")
    _archive(section, count=8)
    first = client.get(f"{API}/articles?{query}limit=3").json()
    statements = []

    def keep(execute, sql, sql_params, many, context):
        statements.append((sql, sql_params))
        return execute(sql, sql_params, many, context)

    with connection.execute_wrapper(keep):
        client.get(path_of(first["next"]))
    sql, sql_params = statements[-1]
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        cursor.execute(f"EXPLAIN {sql}", sql_params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    indexes = ("article_live_idx", "article_section_live_idx")
    assert any(f"Index Scan Backward using {index} " in plan for index in indexes), plan
    # The seek: live()'s bound and the cursor's, both in the index condition.
    assert plan.split("Index Cond:")[1].split("\n")[0].count("published_at <= '") == 2, plan
    assert "Sort" not in plan, plan
