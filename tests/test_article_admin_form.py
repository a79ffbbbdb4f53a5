"""The journalists' article form: adding, editing, and crafted POSTs refused with nothing
changed."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.article_forms import change_url, form_data
from tests.factories import ArticleFactory, PhotoFactory, SectionFactory, own_article

pytestmark = pytest.mark.django_db

Status = Article.Status


def snapshot(article):
    return Article.objects.filter(pk=article.pk).values().get()


# The form


def test_form_fields_come_in_a_journalists_order(client, journalist):
    client.force_login(journalist)
    page = client.get(reverse("admin:articles_article_add")).content.decode()
    order = ["id_title", "id_location", "id_sapo", "id_body", "id_lead_photo", "id_section"]
    order += ["id_tags", "related_links-group"]
    positions = [page.index(f'id="{name}"') for name in order]
    assert positions == sorted(positions)
    assert "Địa danh" in page and "Sapo" in page and "Chuyên mục" in page
    assert "Gõ để tìm thẻ có sẵn" in page  # Vietnamese help text


def test_journalist_adds_an_article_as_a_draft_of_their_own(client, journalist):
    """created_by and authors default to the person writing; a crafted state is refused."""
    section = SectionFactory()
    client.force_login(journalist)
    add = reverse("admin:articles_article_add")
    page = client.get(add).content.decode()
    assert f'<option value="{journalist.pk}" selected>' in page  # authors preselected
    data = form_data(
        Article(section=section, sapo="Pháo hoa bên sông Hàn."),
        title="Đà Nẵng mùa lễ hội",
        authors=[],
    )
    data["tags"] = ["chuyển đổi xanh", "Đà Nẵng"]
    del data["version"]
    response = client.post(add, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get()
    assert article.created_by == journalist
    assert list(article.authors.all()) == [journalist]
    assert article.status == Status.DRAFT
    assert sorted(article.tags.names()) == ["chuyển đổi xanh", "Đà Nẵng"]
    assert article.history.count() == 1


def test_crafted_state_on_add_is_refused(client, journalist):
    client.force_login(journalist)
    data = form_data(Article(section=SectionFactory()), title="Bài tự xuất bản")
    data.update(status="published", published_at="2025-03-08 10:06")
    response = client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 200
    assert "không đổi được trạng thái" in response.content.decode()
    assert not Article.objects.exists()


def test_tags_autocomplete_against_articles_tag(client, journalist):
    ArticleFactory().tags.add("Hải Phòng", "kinh tế")
    client.force_login(journalist)
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "articles", "model_name": "article", "field_name": "tags", "term": "hải"},
    )
    assert [r["text"] for r in response.json()["results"]] == ["Hải Phòng"]
    page = client.get(reverse("admin:articles_article_add")).content.decode()
    assert "articles/admin/tag-autocomplete.js" in page
    assert 'class="tag-autocomplete"' in page


def test_lead_photo_and_related_use_autocomplete_and_the_photo_shows(client, editor):
    photo = PhotoFactory(caption="Cảng Lạch Huyện lúc bình minh")
    article = ArticleFactory(lead_photo=photo)
    client.force_login(editor)
    page = client.get(change_url(article)).content.decode()
    assert 'data-field-name="lead_photo"' in page
    assert 'data-field-name="to_article"' in page
    assert f'src="{photo.card.src}"' in page  # as list cards show it (issue #10)
    assert "Ảnh: Hoàng Tùng." in page
    # The dropdown's thumbnails: our script after Django's, which it extends.
    assert 'class="photo-autocomplete admin-autocomplete"' in page
    assert page.index("admin/js/autocomplete.js") < page.index(
        "articles/admin/photo-autocomplete.js"
    )


def test_journalist_edits_own_draft(client, journalist):
    article = own_article(journalist)
    client.force_login(journalist)
    response = client.post(change_url(article), form_data(article, title="Tiêu đề mới"))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Tiêu đề mới"
    assert article.version == 2


# Crafted POSTs: refused, nothing changes


@pytest.mark.parametrize(
    "crafted",
    [
        {"status": "published"},
        {"published_at": "2025-03-08 10:06"},
        {"published_at_0": "08/03/2025", "published_at_1": "10:06", "status": "submitted"},
    ],
)
def test_journalist_cannot_set_state_or_time_through_the_form(client, journalist, crafted):
    article = own_article(journalist)
    before = snapshot(article)
    client.force_login(journalist)
    response = client.post(change_url(article), form_data(article, title="Khác", **crafted))
    assert response.status_code == 200
    assert "không đổi được trạng thái" in response.content.decode()
    assert snapshot(article) == before


def test_a_crafted_version_is_refused(client, journalist):
    article = own_article(journalist)
    before = snapshot(article)
    client.force_login(journalist)
    response = client.post(change_url(article), form_data(article, title="Khác", version=99))
    assert response.status_code == 200
    assert "vừa được" in response.content.decode()
    assert snapshot(article) == before


def test_journalist_cannot_edit_another_authors_article(client, journalist, other_journalist):
    article = own_article(other_journalist)
    before = snapshot(article)
    client.force_login(journalist)
    assert client.get(change_url(article)).status_code == 403
    response = client.post(change_url(article), form_data(article, title="Chiếm bài"))
    assert response.status_code == 403
    assert snapshot(article) == before


@pytest.mark.parametrize("scheduled", [False, True])
def test_journalist_cannot_edit_own_article_once_submitted(client, journalist, scheduled):
    """Submitted, or scheduled: the editors have it (a live one is edited as a pending edit,
    tests/test_pending_admin.py)."""
    if scheduled:
        article = own_article(
            journalist, status=Status.PUBLISHED, published_at=timezone.now() + timedelta(days=1)
        )
    else:
        article = own_article(journalist, status=Status.SUBMITTED)
    before = snapshot(article)
    client.force_login(journalist)
    page = client.get(change_url(article))
    assert page.status_code == 200  # they may still read it
    assert 'name="_save"' not in page.content.decode()
    response = client.post(change_url(article), form_data(article, title="Sửa lén"))
    assert response.status_code == 403
    assert snapshot(article) == before


def test_editor_edits_any_article(client, editor, journalist):
    """A live one's save waits as a pending edit (issue #10); readers still see the old."""
    for article in (own_article(journalist, status=Status.SUBMITTED), own_article(journalist)):
        client.force_login(editor)
        response = client.post(change_url(article), form_data(article, title="Biên tập lại"))
        assert response.status_code == 302
        article.refresh_from_db()
        assert article.title == "Biên tập lại"
    article = own_article(journalist, live=True)
    title = article.title
    response = client.post(change_url(article), form_data(article, title="Biên tập lại"))
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.title, article.status) == (title, Status.PUBLISHED)
    assert article.pending_edit.data["title"] == "Biên tập lại"
