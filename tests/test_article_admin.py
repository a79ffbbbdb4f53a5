"""The journalists' article admin: form, list, search, filters, and crafted POSTs refused."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles import publishing
from articles.models import Article, StateChange, Tag
from tests.factories import ArticleFactory, PhotoFactory, SectionFactory, UserFactory

pytestmark = pytest.mark.django_db

Status = Article.Status
CHANGELIST = "admin:articles_article_changelist"


def own_article(user, **kwargs):
    article = ArticleFactory(created_by=user, **kwargs)
    article.authors.add(user)
    return article


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def form_data(article, rows=(), initial=0, **overrides):
    """What the change form posts for ``article`` unchanged, with related-article ``rows``
    (``initial`` of them already saved), plus ``overrides``."""
    data = {
        "title": article.title,
        "location": article.location,
        "sapo": article.sapo,
        "body": article.body,
        "lead_photo": article.lead_photo_id or "",
        "section": article.section_id,
        "tags": [t.name for t in article.tags.all()] if article.pk else [],
        "authors": [u.pk for u in article.authors.all()] if article.pk else [],
        "byline": article.byline,
        "version": article.version,
        "related_links-TOTAL_FORMS": str(len(rows)),
        "related_links-INITIAL_FORMS": str(initial),
        "related_links-MIN_NUM_FORMS": "0",
        "related_links-MAX_NUM_FORMS": "1000",
        "_continue": "1",
    }
    for i, row in enumerate(rows):
        for key, value in row.items():
            data[f"related_links-{i}-{key}"] = value
        data[f"related_links-{i}-from_article"] = article.pk
    data.update(overrides)
    return data


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
    assert f'src="{photo.src}"' in page
    assert "Ảnh: Hoàng Tùng." in page


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


@pytest.mark.parametrize("status", [Status.SUBMITTED, Status.PUBLISHED])
def test_journalist_cannot_edit_own_article_once_submitted(client, journalist, status):
    article = own_article(journalist, status=status, published_at=timezone.now())
    before = snapshot(article)
    client.force_login(journalist)
    page = client.get(change_url(article))
    assert page.status_code == 200  # they may still read it
    assert 'name="_save"' not in page.content.decode()
    response = client.post(change_url(article), form_data(article, title="Sửa lén"))
    assert response.status_code == 403
    assert snapshot(article) == before


def test_editor_edits_any_article(client, editor, journalist):
    article = own_article(journalist, live=True)
    client.force_login(editor)
    response = client.post(change_url(article), form_data(article, title="Biên tập lại"))
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.title, article.status) == ("Biên tập lại", Status.PUBLISHED)


# The list


def test_changelist_query_count_does_not_grow_with_rows(client, editor, django_assert_num_queries):
    section = SectionFactory()
    author = UserFactory(is_staff=True)

    def make(n):
        for _ in range(n):
            article = ArticleFactory(section=section, live=True)
            article.authors.add(author, editor)

    make(1)
    client.force_login(editor)
    url = reverse(CHANGELIST)
    client.get(url)  # warm the session and content types
    # session, user, 2 × permissions, hotline banner, then the changelist's own queries
    # (a bounded count, no full-table count: issue #9)
    with django_assert_num_queries(12) as one:
        assert client.get(url).status_code == 200
    make(19)
    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get(url)
    assert response.content.decode().count('class="field-state"') == 20


def test_changelist_shows_state_with_the_scheduled_time(client, editor):
    at = timezone.now() + timedelta(days=2)
    ArticleFactory(title="Bài hẹn giờ", status=Status.PUBLISHED, published_at=at)
    ArticleFactory(title="Bài đã lên", live=True)
    ArticleFactory(title="Bài nháp")
    client.force_login(editor)
    page = client.get(reverse(CHANGELIST)).content.decode()
    assert f"Hẹn giờ: {timezone.localtime(at):%d/%m/%Y %H:%M}" in page
    assert "Đã xuất bản" in page and "Bản nháp" in page
    scheduled = client.get(reverse(CHANGELIST), {"trang_thai": "scheduled"}).content.decode()
    assert "Bài hẹn giờ" in scheduled and "Bài đã lên" not in scheduled
    live = client.get(reverse(CHANGELIST), {"trang_thai": "live"}).content.decode()
    assert "Bài đã lên" in live and "Bài hẹn giờ" not in live


def test_search_is_accent_insensitive(client, editor):
    ArticleFactory(title="Hải Phòng đón tàu container lớn nhất")
    ArticleFactory(title="Đà Nẵng mùa lễ hội", location="Đà Nẵng", sapo="Pháo hoa bên sông Hàn.")
    ArticleFactory(title="Cần Thơ mùa nước nổi", location="Cần Thơ", sapo="Miền Tây.")
    client.force_login(editor)
    url = reverse(CHANGELIST)
    page = client.get(url, {"q": "hai phong"}).content.decode()
    assert "Hải Phòng đón tàu" in page and "Đà Nẵng" not in page
    page = client.get(url, {"q": "da nang"}).content.decode()
    assert "Đà Nẵng mùa lễ hội" in page and "Hải Phòng đón tàu" not in page
    page = client.get(url, {"q": "song han"}).content.decode()  # the sapo is searched too
    assert "Đà Nẵng mùa lễ hội" in page and "Cần Thơ" not in page


def test_filters_by_section_author_and_date(client, editor, journalist):
    mine = own_article(journalist, title="Bài của phóng viên")
    other = ArticleFactory(title="Bài khác", live=True)
    client.force_login(editor)
    url = reverse(CHANGELIST)
    page = client.get(url, {"section__id__exact": other.section_id}).content.decode()
    assert "Bài khác" in page and "Bài của phóng viên" not in page
    page = client.get(url, {"authors__id__exact": journalist.pk}).content.decode()
    assert "Bài của phóng viên" in page and "Bài khác" not in page
    today = timezone.localdate()
    page = client.get(
        url, {"published_at__year": today.year, "published_at__month": today.month}
    ).content.decode()
    assert "Bài khác" in page
    assert mine.pk


def test_journalist_lists_only_own_articles(client, journalist, other_journalist):
    own_article(journalist, title="Bài của tôi")
    own_article(other_journalist, title="Bài của đồng nghiệp")
    client.force_login(journalist)
    page = client.get(reverse(CHANGELIST)).content.decode()
    assert "Bài của tôi" in page and "Bài của đồng nghiệp" not in page


def test_related_autocomplete_offers_a_journalist_live_articles_and_own(
    client, journalist, other_journalist
):
    own_article(other_journalist, title="Hải Phòng bản nháp của người khác")
    ArticleFactory(title="Hải Phòng bài đã lên", live=True)
    own_article(journalist, title="Hải Phòng bài của tôi")
    client.force_login(journalist)
    response = client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "articles",
            "model_name": "relatedarticle",
            "field_name": "to_article",
            "term": "hai phong",
        },
    )
    titles = sorted(r["text"] for r in response.json()["results"])
    assert titles == ["Hải Phòng bài của tôi", "Hải Phòng bài đã lên"]


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


def test_who_else_has_the_article_open(client, editor, journalist):
    article = own_article(journalist)
    client.force_login(journalist)
    client.get(change_url(article))
    client.force_login(editor)
    page = client.get(change_url(article)).content.decode()
    assert "Đang mở bài này" in page and journalist.get_full_name() in page


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


def test_read_only_page_shows_the_text_not_the_markup(client, journalist):
    article = own_article(
        journalist, status=Status.SUBMITTED, body="<p>Đoạn một &amp; <em>hai</em>.</p><p>Ba</p>"
    )
    client.force_login(journalist)
    page = client.get(change_url(article)).content.decode()
    assert "<p>Đoạn một &amp; hai.</p>" in page
    assert "&lt;p&gt;" not in page
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
