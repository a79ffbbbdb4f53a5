"""The read API through the page cache (ETag, 304, Cache-Control, invalidation) and its
rate limit per client address."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import Client, override_settings
from django.utils import timezone

from articles.models import Article
from tests.api_support import API, conforming, path_of  # noqa: F401
from tests.factories import ArticleFactory, SectionFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("conforming")]


@pytest.fixture
def article():
    article = ArticleFactory(live=True, title="Hải Phòng mở tuyến xe buýt điện")
    article.tags.add("giao thông")
    return article


@pytest.mark.usefixtures("page_cache")
@pytest.mark.parametrize(
    "url",
    [
        "/articles",
        "/articles/{pk}",
        "/sections",
        "/tags",
        "/search?q=xe+buyt",
        "/articles?tag=giao-thong",
    ],
)
def test_a_second_answer_comes_from_the_page_cache_with_an_etag(
    client, article, url, django_assert_num_queries
):
    url = API + url.format(pk=article.pk)
    first = client.get(url)
    assert first["X-Page-Cache"] == "miss"
    assert "public" in first["Cache-Control"] and "max-age=60" in first["Cache-Control"]
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second["X-Page-Cache"] == "hit" and second.content == first.content
    assert second["ETag"] == first["ETag"]
    again = client.get(url, headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304 and again.content == b""


def test_an_etag_and_304_without_the_page_cache_too(client, article):
    first = client.get(f"{API}/articles/{article.pk}")
    assert first.has_header("ETag")
    again = client.get(f"{API}/articles/{article.pk}", headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304


@pytest.mark.usefixtures("page_cache")
def test_an_edit_to_a_live_article_moves_its_answers_on(client, article):
    urls = [f"{API}/articles", f"{API}/articles/{article.pk}", f"{API}/articles?tag=giao-thong"]
    etags = [client.get(url)["ETag"] for url in urls]
    article.title = "Hải Phòng mở thêm tuyến xe buýt điện"
    article.save()
    for url, etag in zip(urls, etags, strict=True):
        response = client.get(url, headers={"if-none-match": etag})
        assert response.status_code == 200 and response["X-Page-Cache"] == "miss"
        assert "mở thêm tuyến" in response.content.decode()


@pytest.mark.usefixtures("page_cache")
def test_unpublishing_removes_the_article_and_drafts_move_nothing(client, article):
    client.get(f"{API}/articles")
    # A draft: the desk's saves keep the cache warm.
    ArticleFactory(title="Bản nháp mới", section=article.section)
    assert client.get(f"{API}/articles")["X-Page-Cache"] == "hit"
    article.status = Article.Status.DRAFT
    article.save()
    assert client.get(f"{API}/articles").json()["items"] == []
    assert client.get(f"{API}/articles/{article.pk}").status_code == 404


@pytest.mark.usefixtures("page_cache")
def test_a_scheduled_article_appears_at_its_minute_and_max_age_stops_there(client, article):
    at = timezone.now() + timedelta(seconds=30)
    scheduled = ArticleFactory(status=Article.Status.PUBLISHED, published_at=at)
    response = client.get(f"{API}/articles")
    assert scheduled.pk not in [i["id"] for i in response.json()["items"]]
    max_age = int(response["Cache-Control"].split("max-age=")[1].split(",")[0])
    assert max_age <= 30
    import time_machine

    with time_machine.travel(at + timedelta(seconds=1)):
        ids = [i["id"] for i in client.get(f"{API}/articles").json()["items"]]
    assert ids[0] == scheduled.pk


@pytest.mark.usefixtures("page_cache")
def test_the_key_holds_only_the_parameters_read_normalised(client, article):
    client.get(f"{API}/articles?limit=20")
    for same in ("?limit=020", "?limit=20&utm_source=zalo", "?section=&limit=20", ""):
        assert client.get(f"{API}/articles{same}")["X-Page-Cache"] == "hit", same
    assert client.get(f"{API}/articles?limit=5")["X-Page-Cache"] == "miss"
    client.get(f"{API}/search?q=Xe%20bu%C3%BDt")
    assert client.get(f"{API}/search?q=++Xe+bu%C3%BDt+")["X-Page-Cache"] == "hit"


@pytest.mark.usefixtures("page_cache")
def test_a_hand_made_cursor_is_answered_but_not_stored(client, article):
    from articles.api.params import encode_position

    cursor = encode_position((timezone.now() + timedelta(days=1), 999))
    first = client.get(f"{API}/articles", {"cursor": cursor})
    assert [i["id"] for i in first.json()["items"]] == [article.pk]
    assert "private" in first["Cache-Control"]
    assert client.get(f"{API}/articles", {"cursor": cursor}).get("X-Page-Cache") != "hit"


# The rate limit --------------------------------------------------------------------------


@pytest.fixture
def three_a_minute(settings):
    settings.NEWSROOM_API_RATE = "3/m"


@pytest.mark.usefixtures("three_a_minute")
def test_a_fourth_request_in_a_minute_is_a_429_per_address(client, article):
    urls = [f"{API}/articles", f"{API}/sections", f"{API}/tags"]
    assert [client.get(url).status_code for url in urls] == [200, 200, 200]
    response = client.get(f"{API}/articles/{article.pk}")
    assert response.status_code == 429
    assert response.json()["detail"].startswith("Quá nhiều yêu cầu từ địa chỉ này")
    assert int(response["Retry-After"]) > 0
    other = Client(REMOTE_ADDR="203.0.113.9")
    assert other.get(f"{API}/articles/{article.pk}").status_code == 200


@pytest.mark.usefixtures("three_a_minute")
def test_a_forwarded_for_header_is_ignored_unless_behind_the_proxy(client, settings):
    spoofing = [
        client.get(f"{API}/sections", headers={"x-forwarded-for": f"198.51.100.{i}"})
        for i in range(4)
    ]
    assert spoofing[-1].status_code == 429  # one REMOTE_ADDR, whatever the header says
    cache.clear()
    settings.NINJA_NUM_PROXIES = 1  # DJANGO_BEHIND_PROXY=1: the proxy's last hop
    for i in range(4):
        headers = {"x-forwarded-for": f"10.0.0.1, 198.51.100.{i}"}
        assert client.get(f"{API}/sections", headers=headers).status_code == 200
    same = [
        client.get(f"{API}/sections", headers={"x-forwarded-for": f"{i}.1.1.1, 198.51.100.7"})
        for i in range(4)
    ]
    assert same[-1].status_code == 429  # a hop the client wrote itself does not help


@pytest.mark.usefixtures("three_a_minute")
def test_signed_in_staff_are_not_limited(client):
    client.force_login(UserFactory(is_staff=True))
    assert {client.get(f"{API}/sections").status_code for _ in range(5)} == {200}


@pytest.mark.usefixtures("three_a_minute", "page_cache")
def test_answers_from_the_page_cache_are_not_counted(client, article):
    assert {client.get(f"{API}/articles").status_code for _ in range(6)} == {200}


@pytest.mark.usefixtures("three_a_minute")
def test_with_the_cache_down_the_api_answers_unlimited(client, article):
    from tests.outages import redis_down

    with redis_down():
        statuses = {client.get(f"{API}/articles/{article.pk}").status_code for _ in range(5)}
    assert statuses == {200}


def test_the_default_rate_is_120_a_minute_from_the_environment(settings):
    from articles.api.throttle import AnonymousRate

    assert settings.NEWSROOM_API_RATE == "120/m"
    throttle = AnonymousRate()
    assert (throttle.num_requests, throttle.duration) == (120, 60)
    with override_settings(NEWSROOM_API_RATE="10/s"):
        assert AnonymousRate().parse_rate("10/s") == (10, 1)
    SectionFactory()
