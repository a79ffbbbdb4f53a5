"""'Cập nhật lúc …' on an article changed after publication, and JSON-LD's
``dateModified`` (issue #13): shown after a real change, never for publishing itself, a
scheduled article going live or an edit still waiting for an editor."""

import json
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from lxml import html as lxml_html

from articles import dates, publishing
from articles.models import Article
from tests.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db

# 10:00 in Hà Nội on Saturday 8 March 2025.
T0 = datetime(2025, 3, 8, 3, 0, tzinfo=UTC)
SYSTEM = publishing.SYSTEM


def draft_at(moment) -> Article:
    with time_machine.travel(moment, tick=False):
        return publishing.create(
            Article(title="Hải Phòng mở tuyến buýt điện", sapo="Sapo.", section=SectionFactory()),
            by=SYSTEM,
        )


def publish_at(article, moment) -> Article:
    with time_machine.travel(moment, tick=False):
        return publishing.publish(article, by=SYSTEM)


def edit_at(article, moment, **changes) -> Article:
    """A live article's change written at once (an editor's "Lưu và xuất bản ngay")."""
    with time_machine.travel(moment, tick=False):
        article = Article.objects.get(pk=article.pk)
        for name, value in changes.items():
            setattr(article, name, value)
        return publishing.save_edit(article, by=SYSTEM, version=article.version, publish_now=True)


def read(client, article, moment) -> tuple[lxml_html.HtmlElement, dict]:
    url = Article.objects.get(pk=article.pk).get_absolute_url()  # a new title, a new slug
    with time_machine.travel(moment, tick=False):
        response = client.get(url)
    assert response.status_code == 200
    tree = lxml_html.fromstring(response.content.decode())
    (script,) = tree.xpath("//script[@type='application/ld+json']/text()")
    return tree, json.loads(script)


def updated(tree) -> list[tuple[str, str, str]]:
    """(the paragraph's text, its <time datetime>, the time's text) of each update line."""
    return [
        (
            " ".join(p.text_content().split()),
            p.xpath("./time/@datetime")[0],
            p.xpath("./time")[0].text,
        )
        for p in tree.xpath("//article//p[@class='updated-at']")
    ]


def test_the_format_is_time_date_zone():
    assert dates.time_date_zone(datetime(2025, 3, 9, 7, 20, tzinfo=UTC)) == (
        "14:20 09/03/2025 (GMT+7)"
    )
    assert dates.time_date_zone(None) == ""


def test_publishing_shows_no_update_then_a_change_does(client):
    article = publish_at(draft_at(T0), T0 + timedelta(minutes=30))
    tree, data = read(client, article, T0 + timedelta(hours=1))
    assert updated(tree) == []
    assert data["datePublished"] == data["dateModified"] == "2025-03-08T10:30:00+07:00"

    edit_at(article, T0 + timedelta(days=1, minutes=20), title="Hải Phòng mở thêm tuyến buýt")
    tree, data = read(client, article, T0 + timedelta(days=2))
    assert updated(tree) == [
        (
            "Cập nhật lúc 10:20 09/03/2025 (GMT+7)",
            "2025-03-09T10:20:00+07:00",
            "10:20 09/03/2025 (GMT+7)",
        )
    ]
    assert data["datePublished"] == "2025-03-08T10:30:00+07:00"
    assert data["dateModified"] == "2025-03-09T10:20:00+07:00"
    # After the dateline, inside the article's header.
    body = lxml_html.tostring(tree, encoding="unicode")
    assert body.index('class="dateline"') < body.index('class="updated-at"') < body.index("sapo")


def test_a_save_within_the_minute_of_publication_is_not_an_update(client):
    article = publish_at(draft_at(T0), T0 + timedelta(hours=1))
    edit_at(article, T0 + timedelta(hours=1, seconds=50), sapo="Sapo sửa ngay.")
    tree, data = read(client, article, T0 + timedelta(hours=2))
    assert updated(tree) == [] and data["dateModified"] == data["datePublished"]
    edit_at(article, T0 + timedelta(hours=1, minutes=2), sapo="Sapo sửa lần hai.")
    tree, data = read(client, article, T0 + timedelta(hours=2))
    assert updated(tree)[0][1] == data["dateModified"] == "2025-03-08T11:02:00+07:00"


def test_a_scheduled_article_goes_live_without_an_update(client):
    """Its row was last saved (scheduled, even edited) before its time came."""
    article = draft_at(T0)
    with time_machine.travel(T0 + timedelta(minutes=10), tick=False):
        publishing.schedule(article, by=SYSTEM, at=T0 + timedelta(hours=5))
    with time_machine.travel(T0 + timedelta(hours=2), tick=False):
        article = Article.objects.get(pk=article.pk)
        article.sapo = "Sapo sửa trong lúc chờ giờ."
        publishing.save_edit(article, by=SYSTEM, version=article.version)
    tree, data = read(client, article, T0 + timedelta(hours=6))
    assert updated(tree) == []
    assert data["datePublished"] == data["dateModified"] == "2025-03-08T15:00:00+07:00"


def test_an_edit_waiting_for_an_editor_is_not_an_update(client):
    """Staged (issue #10): readers still see the article as published; then put on the page."""
    article = publish_at(draft_at(T0), T0 + timedelta(minutes=5))
    with time_machine.travel(T0 + timedelta(hours=3), tick=False):
        staged = Article.objects.get(pk=article.pk)
        staged.title = "Tiêu đề chờ duyệt"
        publishing.stage_edit(
            staged, by=SYSTEM, version=staged.version, tags=[], authors=[], related=[]
        )
    tree, data = read(client, article, T0 + timedelta(hours=4))
    assert updated(tree) == [] and data["dateModified"] == data["datePublished"]
    with time_machine.travel(T0 + timedelta(hours=5), tick=False):
        fresh = Article.objects.get(pk=article.pk)
        publishing.publish_pending(fresh, by=SYSTEM, version=fresh.version)
    tree, data = read(client, article, T0 + timedelta(hours=6))
    assert tree.xpath("//h1/text()") == ["Tiêu đề chờ duyệt"]
    assert updated(tree)[0][0] == "Cập nhật lúc 15:00 08/03/2025 (GMT+7)"
    assert data["dateModified"] == "2025-03-08T15:00:00+07:00"


def test_an_article_imported_with_an_earlier_publication_time_was_not_updated(client):
    """A row written today for an article published a year ago (an importer, a fixture)."""
    article = ArticleFactory(live=True, published_at=T0 - timedelta(days=365))
    tree, data = read(client, article, datetime.now(UTC))
    assert updated(tree) == [] and data["dateModified"] == data["datePublished"]


@pytest.mark.usefixtures("page_cache")
def test_a_cached_article_page_shows_the_update_at_once(client):
    article = publish_at(draft_at(T0), T0 + timedelta(minutes=5))
    now = datetime.now(UTC)
    assert updated(read(client, article, now)[0]) == []
    with time_machine.travel(now, tick=False):
        assert client.get(article.get_absolute_url())["X-Page-Cache"] == "hit"
    edit_at(article, now + timedelta(seconds=1), body="<p>Đoạn mới.</p>")
    tree, data = read(client, article, now + timedelta(seconds=2))
    assert len(updated(tree)) == 1 and data["dateModified"] == updated(tree)[0][1]
