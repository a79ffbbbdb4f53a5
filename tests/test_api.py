"""The read API (issue #13): its document, its endpoints, only live articles, its 400s."""

import pytest
from django.contrib.staticfiles import finders
from openapi_spec_validator import validate

from tests.api_support import API, check, conforming, openapi_document  # noqa: F401
from tests.factories import (
    ArticleFactory,
    PhotoFactory,
    SectionFactory,
    UserFactory,
    hidden_articles,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("conforming")]


def test_the_openapi_document_is_valid(client):
    response = client.get(f"{API}/openapi.json")
    assert response.status_code == 200
    document = response.json()
    validate(document)  # openapi-spec-validator: raises on an invalid document
    assert document["openapi"].startswith("3.")
    paths = set(document["paths"])
    assert {f"{API}/sections", f"{API}/articles", f"{API}/tags", f"{API}/search"} <= paths
    assert f"{API}/articles/{{article_id}}" in paths
    for operations in document["paths"].values():
        assert set(operations["get"]["responses"]) >= {"200", "400", "429"}


def test_the_conformance_check_catches_a_drifted_answer():
    """The fixture that checks every answer of these tests is itself able to fail."""
    document = openapi_document()
    with pytest.raises(Exception, match="next"):
        check(document, "GET", f"{API}/articles", 200, {"items": []})
    with pytest.raises(AssertionError, match="not documented"):
        check(document, "GET", f"{API}/articles", 418, {"detail": "x"})
    with pytest.raises(Exception, match="published_at"):
        item = {"id": 1, "title": "x", "published_at": "hôm qua"}
        check(document, "GET", f"{API}/articles", 200, {"items": [item], "next": None})


def test_sections_are_a_tree_in_the_editors_order(client):
    world = SectionFactory(name="Thế giới", position=2)
    home = SectionFactory(name="Thời sự", position=1)
    SectionFactory(name="Giao thông", parent=home)
    items = client.get(f"{API}/sections").json()["items"]
    assert [s["name"] for s in items] == ["Thời sự", "Thế giới"]
    assert items[0]["children"][0]["name"] == "Giao thông"
    assert items[0]["parent"] is None and items[1]["id"] == world.pk
    assert items[0]["url"].endswith(f"/chuyen-muc/{home.slug}/")


def test_one_article_with_its_authors_tags_and_blocks(client):
    photo = PhotoFactory(caption="Cảng Lạch Huyện", credit="Hoàng Tùng", alt_text="Cần cẩu")
    author = UserFactory(first_name="Hà", last_name="Nguyễn Thu")
    article = ArticleFactory(
        live=True,
        lead_photo=photo,
        byline="CTV Minh Anh",
        body=f'<p>Mở <em>đầu</em>.</p><figure class="news-photo" data-photo-id="{photo.pk}">'
        "</figure><h3>Tiểu mục</h3>",
    )
    article.authors.add(author)
    article.tags.add("Hải Phòng", "cảng biển")
    body = client.get(f"{API}/articles/{article.pk}").json()
    assert body["title"] == article.title and body["byline"] == "CTV Minh Anh"
    assert body["authors"] == [
        {
            "id": author.pk,
            "name": "Nguyễn Thu Hà",
            "url": f"http://127.0.0.1:8000/tac-gia/{author.pk}/",
        }
    ]
    assert [t["name"] for t in body["tags"]] == ["Hải Phòng", "cảng biển"]
    assert [b["type"] for b in body["blocks"]] == ["paragraph", "figure", "heading"]
    figure = body["blocks"][1]["photo"]
    assert figure["credit_line"] == "Ảnh: Hoàng Tùng." and figure["alt"] == "Cần cẩu"
    assert {r["width"] for r in figure["renditions"]} >= {480, 800, 1200}
    assert all(r["url"].startswith("http://127.0.0.1:8000/media/") for r in figure["renditions"])
    assert body["published_at"].endswith("+07:00")
    assert body["url"] == f"http://127.0.0.1:8000{article.get_absolute_url()}"


def _hidden_world():
    """A live article and one of each hidden state, all sharing section, tag and author."""
    section = SectionFactory(name="Môi trường")
    author = UserFactory()
    live = ArticleFactory(live=True, section=section, title="Bài đang hiện")
    hidden = hidden_articles(section)
    for article in [live, *hidden]:
        article.tags.add("chuyển đổi xanh")
        article.authors.add(author)
    hidden[0].tags.add("chỉ trong bản nháp")
    return section, author, live, hidden


@pytest.mark.parametrize(
    "query",
    ["", "?section=moi-truong", "?tag=chuyen-doi-xanh", "?author={author}", "?limit=50"],
)
def test_lists_show_only_live_articles(client, query):
    section, author, live, hidden = _hidden_world()
    items = client.get(f"{API}/articles{query.format(author=author.pk)}").json()["items"]
    assert [item["id"] for item in items] == [live.pk]


def test_hidden_articles_have_no_detail_and_no_search_hit(client):
    section, author, live, hidden = _hidden_world()
    for article in hidden:
        response = client.get(f"{API}/articles/{article.pk}")
        assert response.status_code == 404
        assert response.json() == {"detail": "Không có bài viết này."}
    found = client.get(f"{API}/search", {"q": "Bài ẩn"}).json()["items"]
    assert found == []
    assert [i["id"] for i in client.get(f"{API}/search", {"q": "bai"}).json()["items"]] == [
        live.pk
    ]


def test_tags_lists_only_tags_with_a_live_article(client):
    _hidden_world()
    names = [tag["name"] for tag in client.get(f"{API}/tags").json()["items"]]
    assert names == ["chuyển đổi xanh"]


def test_tags_pages_walk_every_tag_once(client):
    article = ArticleFactory(live=True)
    article.tags.add(*(f"thẻ {i:02d}" for i in range(6)), "dài " * 24)  # a 90-character slug
    seen, url = [], f"{API}/tags?limit=1"  # every tag's slug in a cursor
    while url:
        body = client.get(url).json()
        seen += [tag["slug"] for tag in body["items"]]
        url = body["next"] and body["next"].removeprefix("http://127.0.0.1:8000")
    assert seen == sorted(seen) and len(seen) == len(set(seen)) == 7


def test_search_is_the_reader_search(client):
    ArticleFactory(live=True, title="Hải Phòng mở tuyến xe buýt điện")
    ArticleFactory(live=True, title="Đà Nẵng đón khách", sapo="Khách đến từ Hải Phòng.")
    body = client.get(f"{API}/search", {"q": "  HAI   phong "}).json()
    assert body["query"] == "HAI phong" and body["page"] == 1
    assert [i["title"] for i in body["items"]] == [
        "Hải Phòng mở tuyến xe buýt điện",
        "Đà Nẵng đón khách",
    ]
    assert client.get(f"{API}/search").json()["items"] == []


@pytest.mark.parametrize(
    "url, word",
    [
        ("/articles?limit=0", "limit"),
        ("/articles?limit=51", "limit"),
        ("/articles?limit=abc", "limit"),
        ("/articles?limit=99999999999999999999999999", "limit"),
        ("/articles?author=0", "author"),
        ("/articles?author=-3", "author"),
        ("/articles?author=99999999999999999999", "author"),
        ("/articles?section=không-dấu", "section"),
        ("/articles?section=khong-co", "chuyên mục"),
        ("/articles?tag=a%20b", "tag"),
        ("/articles?cursor=zzz", "cursor"),
        ("/articles?cursor=MjAyNTEzMzExMDA2MDBfMQ", "cursor"),  # month 13
        ("/articles?cursor=" + "A" * 65, "cursor"),
        ("/articles/abc", "article_id"),
        ("/articles/0", "article_id"),
        ("/articles/99999999999999999999999", "article_id"),
        ("/tags?cursor=!!", "cursor"),
        ("/tags?cursor=w6Q", "cursor"),  # base64 of a non-ASCII slug
        ("/search?q=x&page=16", "page"),
        ("/search?q=x&page=0", "page"),
        ("/articles?q=%00", "NUL"),
        ("/search?q=a%00b", "NUL"),
    ],
)
def test_a_bad_parameter_is_a_400_in_vietnamese(client, url, word):
    SectionFactory(name="Khác")
    response = client.get(API + url)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert word in response.json()["detail"]


@pytest.mark.parametrize("query", ["?tag=khong-co-the-nay", "?author=987654"])
def test_an_unknown_tag_or_author_is_an_empty_list(client, query):
    """As for a tag or author without a live article: the API tells no more than pages."""
    ArticleFactory(live=True)
    assert client.get(f"{API}/articles{query}").json() == {"items": [], "next": None}


def test_other_addresses_and_methods(client):
    response = client.get("/api/v1/khong-co")
    assert response.status_code == 404 and "API" in response.json()["detail"]
    assert client.get("/api/v2/articles").status_code == 404
    assert client.post(f"{API}/articles").status_code == 405


def test_the_docs_page_loads_nothing_from_elsewhere_and_runs_no_inline_script(client):
    response = client.get(f"{API}/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "http://" not in html and "https://" not in html and "//cdn" not in html
    assert "<script>" not in html.replace(" ", "")  # only src= and a JSON data block
    assert '"validatorUrl": null' in html  # no badge fetched from swagger.io
    for name in ("ninja/swagger-ui.css", "ninja/swagger-ui-bundle.js", "ninja/swagger-ui-init.js"):
        assert f"/static/{name}" in html and finders.find(name)
    csp = response["Content-Security-Policy"]
    script_src = csp.split("script-src")[1].split(";")[0]
    assert script_src.split() == ["'self'"]


def test_an_empty_parameter_is_as_if_absent_and_head_is_answered(client):
    article = ArticleFactory(live=True)
    expected = client.get(f"{API}/articles").json()
    for query in ("?section=", "?tag=&author=", "?limit=", "?cursor=&limit=20.0"):
        assert client.get(f"{API}/articles{query}").json() == expected, query
    assert client.get(f"{API}/search?q=&page=").json()["page"] == 1
    head = client.head(f"{API}/articles/{article.pk}")
    assert head.status_code == 200 and head.content == b""


def test_any_web_page_may_read_the_answers(client):
    """Public data, read without cookies: partners' pages may fetch it from the browser."""
    for url in (f"{API}/sections", f"{API}/articles?limit=0"):
        assert client.get(url)["Access-Control-Allow-Origin"] == "*"
