"""The article list: a fixed query count per view, filters, search, the autocompletes."""

from datetime import datetime, time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Photo
from tests.article_forms import CHANGELIST
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
