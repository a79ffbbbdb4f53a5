"""The change form's workflow side: buttons, audit trail, who else is editing, tags, preview
and read-only pages."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles import publishing
from articles.models import Article, StateChange, Tag
from tests.article_forms import change_url, form_data
from tests.factories import ArticleFactory, PhotoFactory, own_article

pytestmark = pytest.mark.django_db

Status = Article.Status


# The change form's workflow side


def test_change_form_shows_buttons_trail_and_preview_link(client, editor, journalist):
    article = own_article(journalist)
    publishing.submit(article, by=journalist)
    client.force_login(editor)
    page = client.get(change_url(article)).content.decode()
    for label in ["Trả lại", "Xuất bản", "Hẹn giờ"]:
        assert label in page
    assert "Gửi duyệt</button>" not in page
    assert "Lịch sử duyệt bài" in page and "Chờ duyệt" in page
    assert "/xem-truoc/" in page


def test_journalist_sees_only_submit(client, journalist):
    article = own_article(journalist)
    client.force_login(journalist)
    page = client.get(change_url(article)).content.decode()
    assert "Gửi duyệt</button>" in page
    assert 'value="publish"' not in page and 'value="schedule"' not in page


def test_audit_trail_in_the_change_form(client, editor, journalist):
    article = own_article(journalist)
    publishing.submit(article, by=journalist)
    publishing.return_to_author(article, by=editor, note="Bổ sung ảnh <b>có</b> tác giả.")
    client.force_login(journalist)
    page = client.get(change_url(article)).content.decode()
    trail = page[page.index("Lịch sử duyệt bài") :]
    assert "Bổ sung ảnh &lt;b&gt;có&lt;/b&gt; tác giả." in trail  # escaped
    assert trail.index("Gửi duyệt") if "Gửi duyệt" in trail else True
    assert StateChange.objects.filter(article=article).count() == 2
    assert "Trả lại" in trail and "Nguyễn" in trail  # who (the factories' family name)


def test_the_trail_names_a_system_caller(client, editor):
    """A change an importer made through publishing says so, not "—"."""
    article = ArticleFactory()
    publishing.submit(article, by=publishing.System("nhap-bai"))
    client.force_login(editor)
    page = client.get(change_url(article)).content.decode()
    trail = page[page.index("Lịch sử duyệt bài") :]
    assert "<td>Hệ thống (nhap-bai)</td>" in trail


def test_who_else_has_the_article_open(client, editor, journalist):
    """Only people whose form is open (opened, then kept by its heartbeat) are named; one
    who left is gone at once; a read-only view names nobody (issue #10)."""
    article = own_article(journalist)
    presence_url = reverse("admin:articles_article_presence", args=[article.pk])
    client.force_login(journalist)
    client.get(change_url(article))
    client.force_login(editor)
    page = client.get(change_url(article)).content.decode()
    assert 'Đang mở bài này: <span class="names">Nguyễn Lan</span>' in page
    assert client.post(presence_url).json() == {"others": ["Nguyễn Lan"]}  # the heartbeat
    client.force_login(journalist)
    client.post(presence_url, {"roi": "1"})  # the journalist's tab is closed
    client.force_login(editor)
    assert client.post(presence_url).json() == {"others": []}
    # Submitted, the journalist may only read it: reading is not having the form open.
    publishing.submit(article, by=journalist)
    client.force_login(journalist)
    client.get(change_url(article))
    client.force_login(editor)
    assert client.post(presence_url).json() == {"others": []}
    client.force_login(journalist)
    assert client.post(presence_url).status_code == 403


def test_tag_names_with_spaces_stay_one_tag(client, journalist):
    article = own_article(journalist)
    client.force_login(journalist)
    client.post(change_url(article), form_data(article, tags=["chuyển đổi xanh"]))
    assert list(Tag.objects.values_list("name", flat=True)) == ["chuyển đổi xanh"]


def test_tag_autocomplete_is_accent_insensitive(client, journalist):
    ArticleFactory().tags.add("Hải Phòng", "Đà Nẵng")
    client.force_login(journalist)
    response = client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "articles",
            "model_name": "article",
            "field_name": "tags",
            "term": "hai phong",
        },
    )
    assert [r["text"] for r in response.json()["results"]] == ["Hải Phòng"]


def test_read_only_page_shows_the_body_as_readers_will(client, journalist):
    """Text and figures with caption and credit (issue #10), not markup or "[Ảnh #46]"."""
    photo = PhotoFactory(caption="Cảng Lạch Huyện", credit="Hoàng Tùng")
    body = (
        f'<p>Đoạn một &amp; <em>hai</em>.</p><figure class="news-photo" '
        f'data-photo-id="{photo.pk}"></figure><p>Ba</p><script>alert(1)</script>'
    )
    article = own_article(journalist, status=Status.SUBMITTED, body=body)
    Article.objects.filter(pk=article.pk).update(body=body)  # even what save() would clean
    client.force_login(journalist)
    page = client.get(change_url(article)).content.decode()
    assert "<p>Đoạn một &amp; <em>hai</em>.</p>" in page
    assert "&lt;p&gt;" not in page and "[Ảnh #" not in page and "<script>alert" not in page
    assert "Cảng Lạch Huyện" in page and "Ảnh: Hoàng Tùng." in page
    assert photo.src in page
    assert "Version" not in page and 'name="version"' not in page


def test_a_forbidden_admin_page_answers_in_vietnamese(client, journalist):
    article = ArticleFactory(created_by=journalist)
    client.force_login(journalist)
    response = client.get(reverse("admin:articles_article_delete", args=[article.pk]))
    assert response.status_code == 403
    html = response.content.decode()
    assert "Không có quyền truy cập" in html
    assert reverse("admin:index") in html


def test_view_on_site_leads_to_the_preview_until_the_article_is_live(client, editor):
    """A draft's public URL would 404, so the admin's "view on site" opens its preview."""
    draft = ArticleFactory()
    live = ArticleFactory(live=True)
    client.force_login(editor)
    for article, expected in ((draft, "/xem-truoc/"), (live, live.get_absolute_url())):
        response = client.get(reverse("admin:articles_article_change", args=[article.pk]))
        assert expected in response.context["absolute_url"]
        assert client.get(response.context["absolute_url"]).status_code == 200


def test_schedule_times_are_written_the_newsroom_way(client, editor):
    """dd/mm/yyyy HH:MM, 24-hour, whatever the browser's locale (issue #10): a text field
    with that pattern, prefilled with the next full hour, read in the newsroom's zone."""
    article = ArticleFactory(status=Status.SUBMITTED)
    client.force_login(editor)
    page = client.get(change_url(article)).content.decode()
    assert 'type="datetime-local"' not in page
    assert 'placeholder="dd/mm/yyyy HH:MM"' in page
    suggested = timezone.localtime() + timedelta(hours=1)
    assert f'value="{suggested:%d/%m/%Y %H}:00"' in page
    at = timezone.localtime() + timedelta(days=3)
    workflow = reverse("admin:articles_article_workflow", args=[article.pk])
    client.post(workflow, {"action": "schedule", "at": f"{at:%d/%m/%Y} 06:30"})
    article.refresh_from_db()
    assert timezone.localtime(article.published_at).strftime("%d/%m/%Y %H:%M") == (
        f"{at:%d/%m/%Y} 06:30"
    )


def test_tags_keep_the_order_typed(client, journalist):
    """On the reader page too, and when the journalist reorders them (issue #10)."""
    article = own_article(journalist, live=False)
    client.force_login(journalist)
    client.post(change_url(article), form_data(article, tags=["thời tiết", "bão", "Huế"]))
    article = Article.objects.get(pk=article.pk)
    assert [t.name for t in article.tags.all()] == ["thời tiết", "bão", "Huế"]
    client.post(change_url(article), form_data(article, tags=["Huế", "thời tiết", "lũ"]))
    article = Article.objects.prefetch_related("tags").get(pk=article.pk)
    assert [t.name for t in article.tags.all()] == ["Huế", "thời tiết", "lũ"]
    form = client.get(change_url(article)).context["adminform"].form
    assert form["tags"].value() is not None
    page = client.get(change_url(article)).content.decode()
    assert page.index(">Huế<") < page.index(">thời tiết<") < page.index(">lũ<")
