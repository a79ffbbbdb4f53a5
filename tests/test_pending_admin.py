"""Issue #10 in the admin: a live article's save waits; "Cập nhật bài" shows the diff, then
publishes it; an editor's "Lưu và xuất bản ngay" goes out at once."""

import pytest
from django.test import Client
from django.urls import reverse

from articles import publishing
from articles.models import Article, Autosave, PendingEdit, RelatedArticle
from tests.article_forms import CHANGELIST, change_url, form_data
from tests.factories import ArticleFactory, own_article

pytestmark = pytest.mark.django_db

Status = Article.Status
OLD, NEW = "Cảng Lạch Huyện đón tàu lớn", "Cảng Lạch Huyện đón tàu 200.000 tấn"
BANNER = "Bài có thay đổi chưa xuất bản"


def pending_url(article):
    return reverse("admin:articles_article_publish_pending", args=[article.pk])


def as_posted(response, **overrides):
    """What the change form as rendered posts when nothing is touched, plus ``overrides``."""

    def plain(value):
        if isinstance(value, list | tuple):
            return [plain(v) for v in value]
        value = getattr(value, "name", None) or getattr(value, "pk", value)
        return "" if value is None else value

    form = response.context["adminform"].form
    data = {name: plain(form[name].value()) for name in form.fields}
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management[name].value()
        for sub in formset.forms:
            for name in sub.fields:
                if name != "DELETE":
                    data[sub.add_prefix(name)] = plain(sub[name].value())
    data["_continue"] = "1"
    data.update(overrides)
    return data


def reader_title(client, article):
    page = Client().get(Article.objects.get(pk=article.pk).get_absolute_url())
    assert page.status_code == 200
    return page.context["article"].title


@pytest.fixture
def live(journalist):
    article = own_article(journalist, live=True, title=OLD)
    article.tags.add("cảng biển")
    return article


def test_journalist_saves_a_live_article_and_continues_from_the_pending_edit(
    client, journalist, live
):
    picked = ArticleFactory(live=True, title="Bài đọc thêm được chọn")
    client.force_login(journalist)
    page = client.get(change_url(live))
    text = page.content.decode()
    assert 'name="_save"' in text and "“Lưu lại” giữ thay đổi chưa xuất bản" in text
    assert "_save_and_publish" not in text  # an editor's button
    data = as_posted(page, title=NEW)
    data["tags"] = ["cảng biển", "logistics"]
    data.update(
        {
            "related_links-TOTAL_FORMS": "1",
            "related_links-0-to_article": picked.pk,
            "related_links-0-position": "0",
            "related_links-0-from_article": live.pk,
        }
    )
    response = client.post(change_url(live), data, follow=True)
    assert response.redirect_chain
    text = response.content.decode()
    assert "thành thay đổi chưa xuất bản: bạn đọc vẫn thấy bản cũ" in text
    assert "thay đổi thành công" not in text
    assert reader_title(client, live) == OLD
    assert not live.related_links.exists()

    # Reopened: the form holds the pending edit, the banner says whose and when.
    assert BANNER in text and "Nguyễn Lan" in text
    assert "Đã xuất bản · có thay đổi chưa xuất bản" in text
    form = response.context["adminform"].form
    assert form["title"].value() == NEW
    assert list(form["tags"].value()) == ["cảng biển", "logistics"]
    assert "Cập nhật bài</a>" not in text  # editors publish it
    assert "Bỏ thay đổi chưa xuất bản" in text
    formset = response.context["inline_admin_formsets"][0].formset
    assert [f["to_article"].value() for f in formset.forms] == [picked.pk]

    # Saved again, untouched but the sapo: the picks and tags of the pending edit stay.
    again = client.post(change_url(live), as_posted(response, sapo="Sapo viết lại."))
    assert again.status_code == 302
    pending = PendingEdit.objects.get(article=live)
    assert (pending.data["title"], pending.data["sapo"]) == (NEW, "Sapo viết lại.")
    assert pending.data["tags"] == ["cảng biển", "logistics"]
    assert pending.data["related"] == [[picked.pk, 0]]
    assert reader_title(client, live) == OLD


def test_editor_reviews_the_diff_then_updates_the_article(client, journalist, editor, live):
    client.force_login(journalist)
    data = as_posted(client.get(change_url(live)), title=NEW)
    data["tags"] = ["cảng biển", "logistics"]
    assert client.post(change_url(live), data).status_code == 302

    client.force_login(editor)
    text = client.get(change_url(live)).content.decode()
    assert BANNER in text and f'href="{pending_url(live)}">Cập nhật bài</a>' in text
    review = client.get(pending_url(live))
    text = review.content.decode()
    assert review.status_code == 200
    assert "<del>lớn</del><ins>200.000 tấn</ins>" in text
    assert "logistics</ins>" in text  # the tags
    assert "Bút danh" not in text  # only what changes
    assert reader_title(client, live) == OLD

    version = Article.objects.get(pk=live.pk).version
    response = client.post(pending_url(live), {"version": version}, follow=True)
    text = response.content.decode()
    assert "Đã cập nhật bài" in text and BANNER not in text
    assert reader_title(client, live) == NEW
    live.refresh_from_db()
    assert list(live.tags.names()) == ["cảng biển", "logistics"]
    assert "Cập nhật bài: thay đổi lưu lúc" in text  # the trail
    assert not PendingEdit.objects.exists()


def test_a_stale_review_is_shown_again_not_published(client, journalist, editor, live):
    client.force_login(journalist)
    assert client.post(change_url(live), as_posted(client.get(change_url(live)), title=NEW))
    reviewed = Article.objects.get(pk=live.pk).version
    client.post(change_url(live), as_posted(client.get(change_url(live)), title="Lần hai"))
    client.force_login(editor)
    response = client.post(pending_url(live), {"version": reviewed}, follow=True)
    assert response.redirect_chain[-1][0] == pending_url(live)
    assert "vừa được thay đổi sau khi bạn xem" in response.content.decode()
    assert "<ins>Lần hai</ins>" in response.content.decode().replace("<ins>Lần hai </ins>", "")
    assert reader_title(client, live) == OLD


def test_journalists_cannot_update_the_article(client, journalist, live):
    client.force_login(journalist)
    client.post(change_url(live), as_posted(client.get(change_url(live)), title=NEW))
    assert client.get(pending_url(live)).status_code == 403
    version = Article.objects.get(pk=live.pk).version
    assert client.post(pending_url(live), {"version": version}).status_code == 403
    data = as_posted(client.get(change_url(live)), title="Tự xuất bản", _save_and_publish="1")
    assert client.post(change_url(live), data).status_code == 403
    assert reader_title(client, live) == OLD


def test_discarding_the_pending_edit(client, journalist, live):
    client.force_login(journalist)
    client.post(change_url(live), as_posted(client.get(change_url(live)), title=NEW))
    version = Article.objects.get(pk=live.pk).version
    url = reverse("admin:articles_article_workflow", args=[live.pk])
    response = client.post(url, {"action": "discard_pending", "version": version}, follow=True)
    assert "Bỏ thay đổi chưa xuất bản: xong." in response.content.decode()
    assert response.context["adminform"].form["title"].value() == OLD
    assert not PendingEdit.objects.exists()


def test_editors_quick_fix_goes_out_at_once(client, journalist, editor, live):
    kept = ArticleFactory(live=True, title="Bài liên quan cũ")
    RelatedArticle.objects.create(from_article=live, to_article=kept, position=0)
    client.force_login(journalist)
    client.post(change_url(live), as_posted(client.get(change_url(live)), sapo="Sapo mới."))
    client.force_login(editor)
    page = client.get(change_url(live))
    assert 'name="_save_and_publish" title="Sửa nhanh' in page.content.decode()
    data = as_posted(page, title=NEW, _save_and_publish="1")
    response = client.post(change_url(live), data, follow=True)
    text = response.content.decode()
    assert "Đã lưu và xuất bản ngay" in text and BANNER not in text
    live.refresh_from_db()
    assert (live.title, live.sapo) == (NEW, "Sapo mới.")  # the pending edit went with it
    assert reader_title(client, live) == NEW
    assert [link.to_article for link in live.related_links.all()] == [kept]
    assert live.state_changes.get().note.startswith("Lưu và xuất bản ngay")


def test_a_plain_save_by_an_editor_waits_too(client, editor, live):
    client.force_login(editor)
    client.post(change_url(live), as_posted(client.get(change_url(live)), title=NEW))
    assert reader_title(client, live) == OLD
    assert PendingEdit.objects.get(article=live).edited_by == editor


def test_saving_a_live_article_unchanged_leaves_nothing_pending(client, editor, live):
    client.force_login(editor)
    response = client.post(change_url(live), as_posted(client.get(change_url(live))), follow=True)
    assert "không khác bản bạn đọc đang thấy" in response.content.decode()
    assert not PendingEdit.objects.exists()


def test_changelist_marks_articles_with_a_pending_edit(client, journalist, editor, live):
    other = ArticleFactory(live=True, title="Bài không sửa")
    client.force_login(journalist)
    client.post(change_url(live), as_posted(client.get(change_url(live)), title=NEW))
    client.force_login(editor)
    page = client.get(reverse(CHANGELIST)).content.decode()
    assert page.count("có thay đổi chưa xuất bản") == 1
    rows = [row for row in page.split("<tr") if "có thay đổi chưa xuất bản" in row]
    assert len(rows) == 1 and OLD in rows[0] and other.title not in rows[0]


def test_someone_elses_pending_save_is_a_conflict_with_its_diff(client, journalist, editor, live):
    client.force_login(editor)
    loaded = client.get(change_url(live))
    other = Client()
    other.force_login(journalist)
    other.post(change_url(live), as_posted(other.get(change_url(live)), title=NEW))
    response = client.post(change_url(live), as_posted(loaded, sapo="Sapo của biên tập."))
    text = response.content.decode()
    assert response.status_code == 200
    assert "đã lưu thành thay đổi chưa xuất bản" in text
    assert "<ins>200.000 tấn</ins>" in text
    assert PendingEdit.objects.get().data["title"] == NEW


def test_the_autosave_offer_compares_with_the_pending_edit(client, journalist, live):
    client.force_login(journalist)
    client.post(change_url(live), as_posted(client.get(change_url(live)), title=NEW))
    data = form_data(Article.objects.get(pk=live.pk), title=NEW)
    typed = {k: data[k] for k in ("title", "location", "sapo", "body", "section", "version")}
    client.post(reverse("admin:articles_article_autosave"), {**typed, "article": live.pk})
    # Typed the same as the pending edit: nothing to offer, and the autosave is dropped.
    text = client.get(change_url(live)).content.decode()
    assert "Khôi phục bản lưu tự động" not in text
    assert not Autosave.objects.exists()


def test_a_pending_edit_of_an_unpublished_article_is_saved_with_it(client, editor, live):
    client.force_login(editor)
    client.post(change_url(live), as_posted(client.get(change_url(live)), title=NEW))
    publishing.unpublish(live, by=editor)
    page = client.get(change_url(live))
    assert page.context["adminform"].form["title"].value() == NEW
    assert client.post(change_url(live), as_posted(page)).status_code == 302
    live.refresh_from_db()
    assert (live.title, live.status) == (NEW, Status.DRAFT)
    assert not PendingEdit.objects.exists()


def test_restoring_a_revision_of_a_live_article_says_it_waits(client, editor, live):
    client.force_login(editor)
    client.post(change_url(live), as_posted(client.get(change_url(live)), title=NEW))
    client.post(pending_url(live), {"version": Article.objects.get(pk=live.pk).version})
    first = live.history.order_by("history_date").first()
    url = reverse("admin:articles_article_revision_restore", args=[live.pk, first.history_id])
    text = client.post(url, follow=True).content.decode()
    assert "thành thay đổi chưa xuất bản" in text and BANNER in text
    assert reader_title(client, live) == NEW


def test_an_article_cannot_pick_itself(client, editor):
    article = ArticleFactory()
    client.force_login(editor)
    data = as_posted(client.get(change_url(article)))
    data.update(
        {
            "related_links-TOTAL_FORMS": "1",
            "related_links-0-to_article": article.pk,
            "related_links-0-position": "0",
            "related_links-0-from_article": article.pk,
        }
    )
    response = client.post(change_url(article), data)
    assert response.status_code == 200
    assert "không thể liên quan đến chính nó" in response.content.decode()
    assert not RelatedArticle.objects.exists()
