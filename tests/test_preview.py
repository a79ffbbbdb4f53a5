"""Preview links: signed, expiring, any state, the reader's template, noindex, never cached."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from articles import preview, publishing
from articles.models import Article, RelatedArticle
from tests.factories import ArticleFactory, PhotoFactory, own_article

pytestmark = pytest.mark.django_db

Status = Article.Status


@pytest.mark.parametrize(
    ("status", "published_at"),
    [
        (Status.DRAFT, None),
        (Status.SUBMITTED, None),
        (Status.RETURNED, None),
        (Status.PUBLISHED, timedelta(days=2)),  # scheduled
    ],
)
def test_preview_shows_an_unpublished_article_marked_and_noindex(client, status, published_at):
    article = ArticleFactory(
        title="Cần Thơ mùa nước nổi",
        status=status,
        published_at=timezone.now() + published_at if published_at else None,
    )
    assert client.get(article.get_absolute_url()).status_code == 404  # readers: nothing
    response = client.get(preview.preview_url(article))
    assert response.status_code == 200
    assert "articles/article_detail.html" in [t.name for t in response.templates]
    assert response.context["preview"] is True
    page = response.content.decode()
    assert "Cần Thơ mùa nước nổi" in page
    assert "Bản xem trước" in page
    assert '<meta name="robots" content="noindex' in page
    assert response["X-Robots-Tag"].startswith("noindex")
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_preview_renders_like_the_reader_page(client):
    """The same context as the reader view: the live page and its preview show the same body."""
    article = ArticleFactory(live=True, body="<p>Đoạn một.</p><p>Đoạn <em>hai</em>.</p>")
    public = client.get(article.get_absolute_url())
    previewed = client.get(preview.preview_url(article))
    assert set(public.context["body"].split()) == set(previewed.context["body"].split())
    assert public.context.get("preview") in (None, False)


def test_a_tampered_link_is_404(client):
    article = ArticleFactory()
    other = ArticleFactory()
    token = preview.make_token(article)
    forged = token.replace(f"{article.pk}:", f"{other.pk}:", 1)
    assert client.get(reverse("article_preview", args=[forged])).status_code == 404
    assert client.get(reverse("article_preview", args=[token + "x"])).status_code == 404
    assert client.get(reverse("article_preview", args=["12:abc:def"])).status_code == 404


def test_a_link_expires_after_seven_days(client):
    article = ArticleFactory()
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        url = preview.preview_url(article)
    with time_machine.travel(start + timedelta(days=7) - timedelta(seconds=1), tick=False):
        assert client.get(url).status_code == 200
    with time_machine.travel(start + timedelta(days=7, seconds=1), tick=False):
        assert client.get(url).status_code == 404


def test_a_deleted_article_preview_is_404(client):
    article = ArticleFactory()
    url = preview.preview_url(article)
    article.delete()
    assert client.get(url).status_code == 404


def test_change_form_offers_the_preview_link(client, editor):
    article = ArticleFactory()
    client.force_login(editor)
    page = client.get(reverse("admin:articles_article_change", args=[article.pk])).content
    assert b"/xem-truoc/" in page and "Xem trước".encode() in page


def test_a_live_articles_preview_shows_its_pending_edit_labelled(client, journalist):
    """Issue #10: the preview link shows what "Cập nhật bài" will put on the page (title,
    sapo, body, lead photo, tags in their order, picks), not what readers see now."""
    old_photo = PhotoFactory(caption="Ảnh cũ ở bến cảng")
    new_photo = PhotoFactory(caption="Tàu 200.000 tấn cập cảng", credit="Minh Anh")
    old_pick = ArticleFactory(live=True, title="Bài liên quan cũ")
    new_pick = ArticleFactory(live=True, title="Bài liên quan mới")
    article = own_article(
        journalist,
        live=True,
        title="Cảng Lạch Huyện đón tàu lớn",
        sapo="Sapo cũ.",
        body="<p>Đoạn cũ.</p>",
        lead_photo=old_photo,
    )
    article.tags.add("cảng biển")
    RelatedArticle.objects.create(from_article=article, to_article=old_pick, position=0)
    edited = Article.objects.get(pk=article.pk)
    edited.title, edited.sapo = "Cảng Lạch Huyện đón tàu 200.000 tấn", "Sapo mới."
    edited.body = "<p>Đoạn mới, viết lại.</p>"
    edited.lead_photo = new_photo
    publishing.stage_edit(
        edited,
        by=journalist,
        version=edited.version,
        tags=["logistics", "cảng biển"],
        authors=[journalist.pk],
        related=[(new_pick.pk, 0)],
    )

    readers = client.get(article.get_absolute_url()).content.decode()
    assert "Cảng Lạch Huyện đón tàu lớn" in readers and "200.000" not in readers

    response = client.get(preview.preview_url(article))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Bản xem trước: thay đổi chưa xuất bản" in page
    assert "Cảng Lạch Huyện đón tàu 200.000 tấn" in page and "đón tàu lớn" not in page
    assert "Sapo mới." in page and "Sapo cũ." not in page
    assert "Đoạn mới, viết lại." in page and "Đoạn cũ." not in page
    assert response.context["share_photo"] == new_photo  # the lead photo, og:image too
    assert new_photo.social.src in page and old_photo.social.src not in page
    assert [tag.name for tag in response.context["tags"]] == ["logistics", "cảng biển"]
    assert [item.title for item in response.context["related"]] == ["Bài liên quan mới"]
    assert '<meta name="robots" content="noindex' in page

    # Nothing of it reached readers.
    readers = client.get(article.get_absolute_url()).content.decode()
    assert "đón tàu lớn" in readers and "200.000" not in readers and "logistics" not in readers


def test_a_live_articles_preview_without_pending_edit_says_it_is_on_the_page(client):
    article = ArticleFactory(live=True, title="Cần Thơ mùa nước nổi")
    page = client.get(preview.preview_url(article)).content.decode()
    assert "Bản xem trước: bài đang trên trang" in page
    assert "chưa xuất bản" not in page
