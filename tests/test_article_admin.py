"""The journalists' article admin: form, list, search, filters, and crafted POSTs refused."""

from datetime import datetime, time, timedelta

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles import publishing
from articles.models import Article, ArticleDeletion, Photo, StateChange, Tag
from tests.factories import (
    ArticleFactory,
    PhotoFactory,
    SectionFactory,
    UserFactory,
    hidden_articles,
    own_article,
)

pytestmark = pytest.mark.django_db

Status = Article.Status
CHANGELIST = "admin:articles_article_changelist"


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


# The list


STATES = ["draft", "submitted", "returned", "scheduled", "live"]  # StateFilter's values


def list_views(section, author):
    """Every view of the list: unfiltered, each filter (date as the date filter and as the
    year-and-month URLs date_hierarchy used to make), and a search."""
    today = timezone.localdate()
    month = timezone.make_aware(datetime.combine(today.replace(day=1), time.min))
    return {
        "danh sách": {},
        **{f"trạng thái {state}": {"trang_thai": state} for state in STATES},
        "chuyên mục": {"section__id__exact": section.pk},
        "tác giả": {"authors__id__exact": author.pk},
        "tháng này": {"published_at__gte": str(month)},
        "năm, tháng": {"published_at__year": today.year, "published_at__month": today.month},
        "tìm": {"q": "hai phong"},
    }


def test_changelist_query_count_is_fixed_for_every_view(client, editor, django_assert_num_queries):
    """The same queries for 5 rows as for 100, in every view of the list (issue #9)."""
    section = SectionFactory(parent=SectionFactory())  # its name shows its parent's
    author = UserFactory(is_staff=True)

    def make(n):
        for _ in range(n):
            for article in [*hidden_articles(section), ArticleFactory(section=section, live=True)]:
                article.authors.add(author, editor)

    make(1)
    client.force_login(editor)
    url = reverse(CHANGELIST)
    client.get(url)  # warm the session and content types
    # session, user, 2 × permissions, sections and staff users (filter choices), a bounded
    # count, the page with sections, the authors (no hotline banner: the admin has no reader
    # header, issue #13): no full-table count, no query a row (issue #9)
    for name, params in list_views(section, author).items():
        with django_assert_num_queries(9, info=name):
            assert client.get(url, params).status_code == 200
    make(19)
    for name, params in list_views(section, author).items():
        with django_assert_num_queries(9, info=name):
            response = client.get(url, params)
        assert response.content.decode().count('class="field-state"') >= 20, name


def test_author_filter_offers_the_staff_and_lists_their_articles(client, editor, journalist):
    """Choices: the people the authors field offers (staff), not read from the articles; the
    articles: each once, through ``pk IN`` the authors table, no DISTINCT (issue #9)."""
    UserFactory(username="doc-gia", first_name="Độc", last_name="Giả")  # not staff
    UserFactory(username="ctv", first_name="Minh An", last_name="Trần", is_staff=True)
    both = own_article(journalist, title="Bài viết chung")
    both.authors.add(editor)
    own_article(journalist, title="Bài của phóng viên")
    ArticleFactory(title="Bài không tác giả", live=True)
    client.force_login(editor)
    url = reverse(CHANGELIST)
    response = client.get(url, {"authors__id__exact": journalist.pk})
    listed = [article.title for article in response.context["cl"].result_list]
    assert sorted(listed) == ["Bài của phóng viên", "Bài viết chung"]  # each once
    choices = [c["display"] for c in _author_filter(response).choices(response.context["cl"])]
    assert "Trần Minh An" in choices  # staff with no article yet; family name first
    assert "Độc Giả" not in choices
    response = client.get(url, {"authors__id__exact": editor.pk})
    assert [article.title for article in response.context["cl"].result_list] == ["Bài viết chung"]
    with CaptureQueriesContext(connection) as queries:
        client.get(url, {"authors__id__exact": journalist.pk})
    assert not any("DISTINCT" in q["sql"].upper() for q in queries)
    assert client.get(url, {"authors__id__exact": "x"}).status_code == 302  # ?e=1


def _author_filter(response):
    return next(f for f in response.context["cl"].filter_specs if f.title == "tác giả")


@pytest.mark.parametrize("lookup", ["authors", "authors__username", "tags__name", "photos"])
def test_lookups_across_many_to_many_are_refused(client, editor, lookup):
    """They would make the list SELECT DISTINCT over whole rows; the author filter is the way."""
    client.force_login(editor)
    assert client.get(reverse(CHANGELIST), {lookup: "1"}).status_code == 400


def test_a_journalist_filtering_by_author_still_sees_only_own(
    client, journalist, other_journalist
):
    mine = own_article(journalist, title="Bài chung hai phóng viên")
    mine.authors.add(other_journalist)
    own_article(other_journalist, title="Bài riêng của đồng nghiệp")
    client.force_login(journalist)
    page = client.get(
        reverse(CHANGELIST), {"authors__id__exact": other_journalist.pk}
    ).content.decode()
    assert "Bài chung hai phóng viên" in page and "Bài riêng của đồng nghiệp" not in page


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
    # Its own month: an hour before 00:20 on the 1st is last month.
    month = timezone.localtime(other.published_at)
    page = client.get(
        url, {"published_at__year": month.year, "published_at__month": month.month}
    ).content.decode()
    assert "Bài khác" in page
    assert mine.pk


def test_year_and_month_links_read_a_range(client, editor):
    """The ?published_at__year=…&published_at__month=… links date_hierarchy made still
    filter, as a range the (published_at, id) index serves, not EXTRACT on every row."""
    article = ArticleFactory(title="Bài tháng này", live=True)
    client.force_login(editor)
    today = timezone.localtime(article.published_at)  # its month, even just after midnight
    with CaptureQueriesContext(connection) as queries:
        response = client.get(
            reverse(CHANGELIST),
            {"published_at__year": today.year, "published_at__month": today.month},
        )
    assert [a.title for a in response.context["cl"].result_list] == ["Bài tháng này"]
    page = [q["sql"] for q in queries if '"articles_article"."title"' in q["sql"]][0]
    assert "EXTRACT" not in page.upper() and "django_datetime_extract" not in page
    last_year = client.get(reverse(CHANGELIST), {"published_at__year": today.year - 1})
    assert list(last_year.context["cl"].result_list) == []


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
    titles = sorted(r["text"].split(" — ")[0] for r in response.json()["results"])
    assert titles == ["Hải Phòng bài của tôi", "Hải Phòng bài đã lên"]


def test_autocompletes_say_enough_to_choose_right(client, editor, django_assert_max_num_queries):
    """Related articles: title, section, date, state; photos: caption, credit, size
    (issue #10). Tags keep their bare names (tag-autocomplete.js reads them)."""
    section = SectionFactory(name="Thời sự")
    live = ArticleFactory(title="Hải Phòng bài đã lên", section=section, live=True)
    ArticleFactory(title="Hải Phòng bản nháp", section=section).tags.add("cảng biển")
    PhotoFactory(caption="Cảng Lạch Huyện", credit="Hoàng Tùng")
    client.force_login(editor)
    url = reverse("admin:autocomplete")
    with django_assert_max_num_queries(8):  # not one more per result
        response = client.get(
            url,
            {
                "app_label": "articles",
                "model_name": "relatedarticle",
                "field_name": "to_article",
                "term": "hai phong",
            },
        )
    labels = sorted(r["text"] for r in response.json()["results"])
    date = timezone.localtime(live.published_at).strftime("%d/%m/%Y")
    assert labels == [
        "Hải Phòng bài đã lên — Thời sự · " + date + " · Đã xuất bản",
        "Hải Phòng bản nháp — Thời sự · chưa có ngày xuất bản · Bản nháp",
    ]
    photos = client.get(
        url,
        {
            "app_label": "articles",
            "model_name": "article",
            "field_name": "lead_photo",
            "term": "cang",
        },
    ).json()["results"]
    assert len(photos) == 1
    assert photos[0]["text"].startswith("Cảng Lạch Huyện — Ảnh: Hoàng Tùng (")
    # What the dropdown shows besides the label (photo-autocomplete.js): the cards' crop.
    photo = Photo.objects.get()
    assert photos[0]["thumbnail"] == photo.card.src
    assert "/cache/" in photos[0]["thumbnail"]  # a rendition, not the uploaded original
    assert photos[0]["caption"] == "Cảng Lạch Huyện"
    assert photos[0]["credit"] == "Ảnh: Hoàng Tùng."
    assert photos[0]["size"] == f"{photo.width}×{photo.height}"
    tags = client.get(
        url,
        {"app_label": "articles", "model_name": "article", "field_name": "tags", "term": "cang"},
    ).json()["results"]
    assert [tag["text"] for tag in tags] == ["cảng biển"]


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


# Deleting: through publishing, single and bulk


def delete_action(client, articles, **extra):
    return client.post(
        reverse(CHANGELIST),
        {"action": "delete_selected", "_selected_action": [a.pk for a in articles], **extra},
        follow=True,
    )


def test_an_editor_deletes_one_article_and_the_trail_keeps_it(client, editor, journalist):
    article = own_article(journalist, live=True, title="Bài đăng nhầm")
    client.force_login(editor)
    url = reverse("admin:articles_article_delete", args=[article.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"post": "yes"}, follow=True)
    assert response.status_code == 200
    assert not Article.objects.filter(pk=article.pk).exists()
    gone = ArticleDeletion.objects.get()
    assert (gone.article_id, gone.title, gone.by, gone.from_status) == (
        article.pk,
        "Bài đăng nhầm",
        editor,
        Status.PUBLISHED,
    )


def test_an_editors_bulk_delete_confirms_then_deletes_through_publishing(
    client, editor, journalist
):
    articles = [own_article(journalist), own_article(journalist, live=True)]
    client.force_login(editor)
    confirm = delete_action(client, articles)
    assert confirm.status_code == 200 and 'name="post"' in confirm.content.decode()
    assert Article.objects.count() == 2
    done = delete_action(client, articles, post="yes")
    assert done.status_code == 200
    assert not Article.objects.exists()
    assert sorted(ArticleDeletion.objects.values_list("article_id", "by")) == sorted(
        (a.pk, editor.pk) for a in articles
    )


def test_bulk_delete_is_refused_unless_every_selected_article_may_be_deleted(
    client, journalist, other_journalist
):
    """A journalist granted ``delete_article`` selects their own and a colleague's (the list
    does not show it; the POST names it): nothing is deleted, a Vietnamese message says why."""
    journalist.user_permissions.add(Permission.objects.get(codename="delete_article"))
    mine = own_article(journalist)
    theirs = own_article(other_journalist, title="Bản nháp của đồng nghiệp")
    client.force_login(journalist)
    for extra in ({}, {"post": "yes"}):
        response = delete_action(client, [mine, theirs], **extra)
        assert response.status_code == 200
        page = response.content.decode()
        assert "Bạn không có quyền xoá “Bản nháp của đồng nghiệp”" in page
        assert "Chưa xoá bài nào" in page
        assert Article.objects.count() == 2 and not ArticleDeletion.objects.exists()
    assert 'name="post"' in delete_action(client, [mine]).content.decode()  # own: offered


def test_journalists_are_not_offered_delete(client, journalist):
    article = own_article(journalist)
    client.force_login(journalist)
    page = client.get(reverse(CHANGELIST)).content.decode()
    assert 'value="delete_selected"' not in page
    delete_action(client, [article], post="yes")
    assert Article.objects.filter(pk=article.pk).exists()
