"""The writing desk (issue #10): autosave and restore, "Bản nháp của tôi", one-step submit."""

import re

import pytest
from django.urls import reverse

from articles import autosave, publishing
from articles.models import Article, Autosave, StateChange
from tests.article_forms import change_url, form_data
from tests.factories import SectionFactory, own_article

pytestmark = pytest.mark.django_db

Status = Article.Status
AUTOSAVE = reverse("admin:articles_article_autosave")
ADD = reverse("admin:articles_article_add")
DRAFTS = reverse("admin:articles_article_my_drafts")


def typed(article, **fields):
    """What autosave.js posts: the form's fields with what was typed."""
    data = form_data(article, **fields)
    return {
        **{name: data[name] for name in autosave.FIELDS if name in data},
        "version": data.get("version", ""),
        "article": article.pk or "",
    }


def test_autosave_keeps_the_text_and_touches_nothing_else(client, journalist):
    article = own_article(journalist, title="Tiêu đề đã lưu", body="<p>Bản đã lưu.</p>")
    before = Article.objects.filter(pk=article.pk).values().get()
    history = article.history.count()
    client.force_login(journalist)
    response = client.post(
        AUTOSAVE, typed(article, title="Tiêu đề đang gõ", body="<p>Đoạn mới chưa lưu.</p>")
    )
    assert response.status_code == 200
    assert response.json()["message"].startswith("Đã lưu tự động lúc ")
    kept = Autosave.objects.get(user=journalist, article=article)
    assert kept.data["title"] == ["Tiêu đề đang gõ"]
    assert kept.base_version == article.version
    # No revision, no new version, no state change, not even updated_at.
    assert Article.objects.filter(pk=article.pk).values().get() == before
    assert article.history.count() == history
    # A second autosave updates the same row.
    client.post(AUTOSAVE, typed(article, title="Tiêu đề gõ tiếp"))
    assert Autosave.objects.get().data["title"] == ["Tiêu đề gõ tiếp"]


def test_reopening_offers_the_autosave_with_a_word_diff(client, journalist):
    article = own_article(journalist, title="Mưa lớn ở Huế", body="<p>Nước dâng nhanh.</p>")
    client.force_login(journalist)
    client.post(AUTOSAVE, typed(article, body="<p>Nước dâng rất nhanh trong đêm.</p>"))
    page = client.get(change_url(article)).content.decode()
    assert "Khôi phục bản lưu tự động lúc" in page
    assert "<ins>rất " in page
    assert "?khoi_phuc=1" in page
    # Restoring fills the form, with the version the text was typed against.
    response = client.get(change_url(article) + "?khoi_phuc=1")
    form = response.context["adminform"].form
    assert form.initial["body"] == "<p>Nước dâng rất nhanh trong đêm.</p>"
    assert form.initial["version"] == article.version
    assert "Đã điền lại bản lưu tự động" in response.content.decode()


def test_an_autosave_like_the_saved_article_is_not_offered(client, journalist):
    article = own_article(journalist)
    client.force_login(journalist)
    client.post(AUTOSAVE, typed(article))
    assert "Khôi phục bản lưu tự động" not in client.get(change_url(article)).content.decode()
    assert not Autosave.objects.exists()


def test_restoring_never_overwrites_a_newer_save(client, journalist, editor):
    """Typed against version 1, the editor saved version 2 meanwhile: the restored form's
    save is refused with what the editor changed, and the editor's text stays."""
    article = own_article(journalist, title="Bản gốc")
    client.force_login(journalist)
    client.post(AUTOSAVE, typed(article, title="Bản của phóng viên"))
    client.force_login(editor)
    response = client.post(change_url(article), form_data(article, title="Bản của biên tập"))
    assert response.status_code == 302
    client.force_login(journalist)
    form = client.get(change_url(article) + "?khoi_phuc=1").context["adminform"].form
    data = form_data(article, title=form.initial["title"], version=form.initial["version"])
    response = client.post(change_url(article), data)
    assert response.status_code == 200
    assert "vừa được" in response.content.decode()
    article.refresh_from_db()
    assert article.title == "Bản của biên tập"


def test_saving_the_form_drops_the_autosave(client, journalist):
    article = own_article(journalist)
    client.force_login(journalist)
    client.post(AUTOSAVE, typed(article, title="Đang gõ"))
    response = client.post(change_url(article), form_data(article, title="Đang gõ"))
    assert response.status_code == 302
    assert not Autosave.objects.exists()


def test_a_new_article_never_saved_is_kept_and_found_again(client, journalist):
    section = SectionFactory()
    client.force_login(journalist)
    first = client.post(
        AUTOSAVE, {"title": "Bài mới đang viết", "section": section.pk, "body": "<p>Một.</p>"}
    )
    kept_id = first.json()["id"]
    client.post(
        AUTOSAVE, {"autosave": kept_id, "title": "Bài mới đang viết", "body": "<p>Hai.</p>"}
    )
    kept = Autosave.objects.get()
    assert kept.pk == kept_id and kept.article is None and kept.data["body"] == ["<p>Hai.</p>"]
    drafts = client.get(DRAFTS).content.decode()
    assert "Bài mới đang viết" in drafts
    assert f"{ADD}?autosave={kept_id}" in drafts
    response = client.get(f"{ADD}?autosave={kept_id}")
    form = response.context["adminform"].form
    assert form.initial["title"] == "Bài mới đang viết"
    assert form.initial["body"] == "<p>Hai.</p>"
    assert f'name="_autosave" value="{kept_id}"' in response.content.decode()
    data = form_data(Article(section=section, sapo="Sapo."), title="Bài mới đang viết")
    del data["version"]
    response = client.post(ADD, {**data, "_autosave": kept_id})
    assert response.status_code == 302
    assert not Autosave.objects.exists()
    assert "Bài mới đang viết" in client.get(DRAFTS).content.decode()  # now a draft


def test_autosave_follows_the_edit_rules(client, journalist, other_journalist):
    theirs = own_article(other_journalist)
    submitted = own_article(journalist, status=Status.SUBMITTED)
    client.force_login(journalist)
    for article in (theirs, submitted):
        response = client.post(AUTOSAVE, typed(article, title="Không được"))
        assert response.status_code == 403
        assert "không có quyền" in response.json()["error"]
    # Someone else's new-article autosave is never reused: a row of one's own is made.
    client.force_login(other_journalist)
    their_id = client.post(AUTOSAVE, {"title": "Của người khác"}).json()["id"]
    client.force_login(journalist)
    mine = client.post(AUTOSAVE, {"autosave": their_id, "title": "Của tôi"}).json()["id"]
    assert mine != their_id
    assert Autosave.objects.get(pk=their_id).data["title"] == ["Của người khác"]
    assert client.get(f"{ADD}?autosave={their_id}").context["adminform"].form.initial.get(
        "title"
    ) in (None, "")
    assert client.post(AUTOSAVE, {"article": "999999"}).status_code == 404
    assert client.get(AUTOSAVE).status_code == 405


def test_too_much_is_refused_in_vietnamese(client, journalist, monkeypatch):
    monkeypatch.setattr(autosave, "MAX_BYTES", 100)
    article = own_article(journalist)
    client.force_login(journalist)
    response = client.post(AUTOSAVE, typed(article, body="<p>" + "chữ " * 100 + "</p>"))
    assert response.status_code == 400
    assert response.json()["error"] == autosave.TOO_BIG


def test_discarding_an_autosave(client, journalist):
    article = own_article(journalist)
    client.force_login(journalist)
    client.post(AUTOSAVE, typed(article, title="Bỏ đi"))
    kept = Autosave.objects.get()
    url = reverse("admin:articles_article_autosave_discard", args=[kept.pk])
    assert client.post(url).status_code == 302
    assert not Autosave.objects.exists()


def test_save_and_submit_in_one_step(client, journalist):
    article = own_article(journalist, title="Cũ")
    client.force_login(journalist)
    assert "Lưu và gửi duyệt" in client.get(change_url(article)).content.decode()
    data = form_data(article, title="Mới, gửi duyệt luôn")
    del data["_continue"]
    response = client.post(change_url(article), {**data, "_save_and_submit": "1"}, follow=True)
    article.refresh_from_db()
    assert article.title == "Mới, gửi duyệt luôn"
    assert article.status == Status.SUBMITTED
    step = StateChange.objects.get(article=article)
    assert (step.from_status, step.to_status, step.by) == (
        Status.DRAFT,
        Status.SUBMITTED,
        journalist,
    )
    assert "Đã lưu và gửi duyệt" in response.content.decode()
    # Submitted, the journalist can no longer edit: no form, no button.
    assert "Lưu và gửi duyệt" not in client.get(change_url(article)).content.decode()


def test_a_new_article_saved_and_submitted(client, journalist):
    section = SectionFactory()
    client.force_login(journalist)
    data = form_data(Article(section=section, sapo="Sapo."), title="Viết xong gửi luôn")
    del data["version"], data["_continue"]
    client.post(ADD, {**data, "_save_and_submit": "1"})
    article = Article.objects.get()
    assert article.status == Status.SUBMITTED
    assert article.created_by == journalist


def test_submit_refused_keeps_the_save_and_says_why(client, editor, monkeypatch):
    article = own_article(editor, title="Cũ")

    def refuse(*args, **kwargs):
        raise publishing.ValidationError("Thiếu ảnh.")

    monkeypatch.setattr(publishing, "submit", refuse)
    client.force_login(editor)
    data = form_data(article, title="Đã sửa")
    response = client.post(change_url(article), {**data, "_save_and_submit": "1"}, follow=True)
    article.refresh_from_db()
    assert article.title == "Đã sửa" and article.status == Status.DRAFT
    assert "Đã lưu nhưng chưa gửi duyệt được: Thiếu ảnh." in response.content.decode()


def test_help_texts_name_buttons_as_they_are_labelled(client, journalist):
    """Every “quoted” button a help text on the form names is a button on the page."""
    article = own_article(journalist)
    client.force_login(journalist)
    page = client.get(change_url(article)).content.decode()
    (help_text,) = re.findall(r'<p class="help" id="workflow-help">(.*?)</p>', page)
    named = re.findall(r"“(.+?)”", help_text)
    assert named == ["Lưu và gửi duyệt", "Lưu và tiếp tục chỉnh sửa"]
    labels = set(re.findall(r'<input type="submit" value="([^"]+)"', page))
    labels |= set(re.findall(r"<button[^>]*>([^<]+)</button>", page))
    assert set(named) <= labels, labels
