"""Corrections (issue #13): who may add one, what it changes, where readers see it."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import feedparser
import pytest
import time_machine
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles import publishing
from articles.models import Article, Correction, StateChange
from articles.preview import preview_url
from tests.factories import ArticleFactory, own_article

pytestmark = pytest.mark.django_db

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
FIXED = "Bài trước ghi nhầm số vốn: đúng là 1.200 tỷ đồng."
KIND = Correction.Kind.CORRECTION


@pytest.fixture
def live(journalist):
    return own_article(journalist, live=True, title="Cảng Lạch Huyện mở rộng")


def loaded(article):
    return Article.objects.get(pk=article.pk)


def test_an_editor_adds_a_correction_recorded_in_the_trail(
    editor, live, received, django_capture_on_commit_callbacks
):
    before = loaded(live)
    with django_capture_on_commit_callbacks(execute=True):
        correction = publishing.add_correction(live, KIND, f"  {FIXED}\u200b ", by=editor)
    assert (correction.kind, correction.text, correction.created_by) == (KIND, FIXED, editor)
    after = loaded(live)
    # Published when it was; changed after publication; the content was not saved again.
    assert after.published_at == before.published_at
    assert after.updated_at == correction.created_at > before.updated_at
    assert after.version == before.version
    assert after.history.count() == before.history.count()
    step = StateChange.objects.get(article=live)
    assert (step.by, step.from_status, step.to_status) == (editor, "published", "published")
    assert step.published_at == before.published_at
    assert step.note == f"Đính chính: {FIXED}"
    assert [(r["action"], r["by"]) for r in received] == [("add_correction", editor)]


@pytest.mark.parametrize("who", ["journalist", "other_journalist"])
def test_journalists_may_not_add_corrections(request, who, live):
    with pytest.raises(PermissionDenied, match="Chỉ biên tập viên"):
        publishing.add_correction(live, KIND, FIXED, by=request.getfixturevalue(who))
    assert not Correction.objects.exists()
    assert not StateChange.objects.exists()


@pytest.mark.parametrize(
    "state",
    [
        {"status": Article.Status.DRAFT},
        {"status": Article.Status.SUBMITTED},
        {"status": Article.Status.PUBLISHED, "published_at": timezone.now() + timedelta(hours=2)},
    ],
)
def test_only_a_live_article_takes_a_correction(editor, state):
    article = ArticleFactory(**state)
    with pytest.raises(ValidationError, match="Chỉ thêm đính chính cho bài đang trên trang"):
        publishing.add_correction(article, KIND, FIXED, by=editor)
    assert not Correction.objects.exists()
    assert not StateChange.objects.exists()


@pytest.mark.parametrize(
    ("kind", "text"), [("ghi-chu", FIXED), (KIND, "\u200b \n"), (KIND, "x" * 1001)]
)
def test_a_bad_kind_or_text_is_refused_in_vietnamese(editor, live, kind, text):
    with pytest.raises(ValidationError) as refused:
        publishing.add_correction(live, kind, text, by=editor)
    message = " ".join(refused.value.messages)
    assert any(word in message for word in ("không", "tối đa", "hợp lệ")), message
    assert not Correction.objects.exists()
    assert loaded(live).updated_at == live.updated_at


def test_the_article_page_shows_corrections_at_its_end(client, editor, live):
    with time_machine.travel(datetime(2025, 3, 9, 14, 20, tzinfo=HCM), tick=False):
        live.published_at = timezone.now() - timedelta(hours=3)
        Article.objects.filter(pk=live.pk).update(published_at=live.published_at)
        publishing.add_correction(live, KIND, "Tên <b>ông</b> A & B.", by=editor)
    with time_machine.travel(datetime(2025, 3, 9, 15, 5, tzinfo=HCM), tick=False):
        publishing.add_correction(live, Correction.Kind.UPDATE, "Thêm số liệu mới.", by=editor)
        html = client.get(live.get_absolute_url()).content.decode()
    block = html[html.index('<aside class="corrections"') : html.index("</aside>")]
    assert 'aria-labelledby="dinh-chinh"' in block
    assert '<h2 id="dinh-chinh">' in block
    assert (
        '<strong>Đính chính</strong> (<time datetime="2025-03-09T14:20:00+07:00">'
        "14:20 09/03/2025</time>): Tên &lt;b&gt;ông&lt;/b&gt; A &amp; B."
    ) in block
    assert "<strong>Cập nhật</strong> (<time" in block
    assert block.index("Đính chính") < block.index("Cập nhật</strong>")  # oldest first
    assert html.index('class="body"') < html.index('<aside class="corrections"')


def test_an_article_without_corrections_has_no_block(client, live):
    assert 'class="corrections"' not in client.get(live.get_absolute_url()).content.decode()


def test_corrections_cost_no_query_on_the_article_page_and_the_feeds(
    client, editor, live, django_assert_num_queries
):
    """The pins of tests/test_query_counts.py hold with corrections: they come in the query
    that reads the article, and in the one that reads the feed's items."""
    urls = [live.get_absolute_url(), "/rss.xml"]
    counts = []
    for url in urls:
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        counts.append(len(queries))
    for n in range(3):
        publishing.add_correction(live, KIND, f"Sửa lần {n}.", by=editor)
    for url, count in zip(urls, counts, strict=True):
        cache.clear()
        with django_assert_num_queries(count):
            response = client.get(url)
        assert "Sửa lần 2." in response.content.decode()


def test_the_feeds_carry_the_corrections(client, editor, live):
    publishing.add_correction(live, KIND, FIXED, by=editor)
    for url in ["/rss.xml", f"/chuyen-muc/{live.section.slug}/rss.xml"]:
        entry = feedparser.parse(client.get(url).content).entries[0]
        assert entry.summary.startswith(f"HẢI PHÒNG {live.sapo}")
        assert "Đính chính (" in entry.summary
        assert entry.summary.endswith(f"): {FIXED}")


@pytest.mark.usefixtures("page_cache")
def test_a_cached_page_and_feed_show_the_correction_on_the_next_request(client, editor, live):
    url = live.get_absolute_url()
    assert FIXED not in client.get(url).content.decode()
    assert FIXED not in client.get("/rss.xml").content.decode()
    assert client.get(url).headers["X-Page-Cache"] == "hit"  # now kept
    publishing.add_correction(live, KIND, FIXED, by=editor)
    assert FIXED in client.get(url).content.decode()
    assert FIXED in client.get("/rss.xml").content.decode()


def test_the_preview_shows_corrections_too(client, editor, live):
    publishing.add_correction(live, KIND, FIXED, by=editor)
    assert FIXED in client.get(preview_url(live)).content.decode()


# The admin


def correction_url(article):
    return reverse("admin:articles_article_correction", args=[article.pk])


def test_an_editor_adds_one_from_the_article_page(client, editor, live):
    client.force_login(editor)
    page = client.get(reverse("admin:articles_article_change", args=[live.pk])).content.decode()
    assert f'href="{correction_url(live)}"' in page and "Thêm đính chính" in page
    assert client.get(correction_url(live)).status_code == 200
    response = client.post(correction_url(live), {"kind": KIND, "text": FIXED}, follow=True)
    assert response.redirect_chain[-1][0] == reverse(
        "admin:articles_article_change", args=[live.pk]
    )
    assert "Đã thêm đính chính" in response.content.decode()
    assert FIXED in response.content.decode()  # listed on the article's page
    assert Correction.objects.get().created_by == editor


def test_an_error_brings_the_form_back_with_what_was_typed(client, editor, live):
    client.force_login(editor)
    typed = "Đoạn đính chính đang gõ dở & chưa lưu"
    response = client.post(correction_url(live), {"kind": "update", "text": "x" * 1001})
    assert response.status_code == 200
    assert "tối đa 1000 kí tự" in response.content.decode()
    publishing.unpublish(live, by=editor)  # taken down while the editor was typing
    response = client.post(correction_url(live), {"kind": "update", "text": typed})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Chỉ thêm đính chính cho bài đang trên trang" in page
    assert "Đoạn đính chính đang gõ dở &amp; chưa lưu</textarea>" in page
    chosen = re.search(r'<input type="radio"[^>]*value="update"[^>]*>', page).group()
    assert "checked" in chosen
    assert not Correction.objects.exists()


def test_journalists_see_corrections_read_only(client, editor, journalist, live):
    publishing.add_correction(live, KIND, FIXED, by=editor)
    client.force_login(journalist)
    page = client.get(reverse("admin:articles_article_change", args=[live.pk])).content.decode()
    assert FIXED in page
    assert correction_url(live) not in page
    assert client.get(correction_url(live)).status_code == 403
    assert client.post(correction_url(live), {"kind": KIND, "text": "x"}).status_code == 403
    assert Correction.objects.count() == 1


def test_no_button_on_an_article_readers_do_not_see(client, editor):
    draft = ArticleFactory()
    client.force_login(editor)
    page = client.get(reverse("admin:articles_article_change", args=[draft.pk])).content.decode()
    assert "Bài chưa có đính chính nào." in page
    assert correction_url(draft) not in page
    page = client.get(correction_url(draft)).content.decode()
    assert "Chỉ thêm đính chính cho bài đang trên trang" in page and "<textarea" not in page


@pytest.mark.parametrize(
    "data", [{"kind": "bia", "text": FIXED}, {"kind": KIND, "text": "a\x00b"}, {}]
)
def test_bad_input_in_the_admin_is_an_error_not_a_500(client, editor, live, data):
    client.force_login(editor)
    response = client.post(correction_url(live), data)
    assert response.status_code == 200
    assert 'class="errorlist' in response.content.decode()
    assert not Correction.objects.exists()
