"""No lost work: revisions on every save, readable diffs, restore, and edit conflicts."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles import publishing
from articles.admin.revisions import body_text, word_diff
from articles.models import Article
from tests.article_forms import change_url, diff_url, form_data, restore_url
from tests.factories import ArticleFactory, own_article

pytestmark = pytest.mark.django_db


def history_url(article):
    return reverse("admin:articles_article_history", args=[article.pk])


def loaded_form(user, article):
    """A browser that has opened the change form: its client and the data it would post."""
    client = Client()
    client.force_login(user)
    assert client.get(change_url(article)).status_code == 200
    return client, form_data(Article.objects.get(pk=article.pk))


# Revisions


def test_every_save_through_the_admin_records_a_revision(client, journalist):
    article = own_article(journalist)
    client.force_login(journalist)
    for title in ["Lần sửa một", "Lần sửa hai"]:
        article.refresh_from_db()
        client.post(change_url(article), form_data(article, title=title))
    records = list(article.history.order_by("history_date").values_list("title", "version"))
    assert records[-2:] == [("Lần sửa một", 2), ("Lần sửa hai", 3)]
    last = article.history.order_by("-history_date").first()
    assert last.history_user == journalist


def test_history_list_shows_revisions_to_author_and_editor_only(
    client, journalist, other_journalist, editor
):
    article = own_article(journalist, title="Bản đầu")
    client.force_login(journalist)
    client.post(change_url(article), form_data(article, title="Bản thứ hai"))
    for user in (journalist, editor):
        client.force_login(user)
        page = client.get(history_url(article)).content.decode()
        assert "Bản đầu" in page and "Bản thứ hai" in page
    client.force_login(other_journalist)
    assert client.get(history_url(article)).status_code == 403


def test_diff_between_two_revisions_is_readable_and_escaped(client, editor):
    article = ArticleFactory(body="<p>Cảng Lạch Huyện đón tàu lớn.</p>")
    first = article.history.get()
    client.force_login(editor)
    client.post(
        change_url(article),
        form_data(article, body="<p>Cảng Lạch Huyện đón tàu <strong>container</strong> lớn.</p>"),
    )
    article.refresh_from_db()
    client.post(change_url(article), form_data(article, title="<script>x</script> Tiêu đề"))
    latest = article.history.order_by("-history_date").first()
    url = reverse("admin:articles_article_revision_diff", args=[article.pk])
    page = client.get(url, {"a": first.history_id, "b": latest.history_id}).content.decode()
    assert "<ins>container </ins>" in page
    assert "<ins>&lt;script&gt;x&lt;/script&gt; Tiêu đề</ins>" in page
    assert "<script>x</script>" not in page


def test_word_diff_marks_removed_and_added_words():
    html = word_diff("Hải Phòng đón tàu", "Hải Phòng tiễn tàu <b>")
    assert str(html) == "Hải Phòng <del>đón </del><ins>tiễn </ins>tàu <ins>&lt;b&gt;</ins>"


def test_body_text_keeps_blocks_and_photos():
    body = '<p>Một &amp; hai.</p><figure class="news-photo" data-photo-id="7"></figure><p>Ba</p>'
    assert body_text(body) == "Một & hai.\n[Ảnh #7]\nBa"


def test_restore_asks_first_then_makes_a_new_revision(client, journalist):
    article = own_article(journalist, title="Tiêu đề gốc", sapo="Sapo gốc.")
    original = article.history.get()
    client.force_login(journalist)
    client.post(change_url(article), form_data(article, title="Tiêu đề sai", sapo="Sapo sai."))
    confirm = client.get(restore_url(article, original))
    assert confirm.status_code == 200
    assert "<del>sai</del><ins>gốc</ins>" in confirm.content.decode()
    assert Article.objects.get(pk=article.pk).title == "Tiêu đề sai"  # GET changes nothing
    response = client.post(restore_url(article, original))
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.title, article.sapo) == ("Tiêu đề gốc", "Sapo gốc.")
    assert article.history.count() == 3
    newest = article.history.order_by("-history_date").first()
    assert newest.history_change_reason == "Khôi phục phiên bản 1"
    assert newest.version == 3


def test_restore_is_permission_checked(client, journalist, other_journalist, editor):
    article = own_article(journalist, title="Tiêu đề gốc")
    original = article.history.get()
    publishing.submit(article, by=journalist)
    Article.objects.filter(pk=article.pk).update(title="Đã sửa")
    for user in (other_journalist, journalist):  # a stranger; the author once submitted
        client.force_login(user)
        assert client.post(restore_url(article, original)).status_code == 403
        assert Article.objects.get(pk=article.pk).title == "Đã sửa"
    client.force_login(editor)
    client.post(restore_url(article, original))
    assert Article.objects.get(pk=article.pk).title == "Tiêu đề gốc"


def test_restore_keeps_the_state(editor):
    article = ArticleFactory(title="Bản cũ")
    original = article.history.get()
    publishing.publish(article, by=editor)
    article.title = "Bản mới"
    publishing.save_edit(article, by=editor, version=article.version, publish_now=True)
    publishing.restore(article, by=editor, revision=original)
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    # Live: the restored content waits like any edit of a live article (issue #10).
    assert article.title == "Bản mới"
    publishing.publish_pending(article, by=editor, version=article.version)
    article.refresh_from_db()
    assert (article.title, article.status) == ("Bản cũ", Article.Status.PUBLISHED)


# Two people, one article


def test_second_of_two_concurrent_saves_is_refused_with_text_kept_and_diff(journalist, editor):
    article = own_article(journalist, sapo="Sapo ban đầu.")
    first, first_data = loaded_form(journalist, article)
    second, second_data = loaded_form(editor, article)

    response = second.post(change_url(article), {**second_data, "sapo": "Sapo biên tập viên."})
    assert response.status_code == 302

    mine = "Đoạn dẫn phóng viên vừa viết lại, rất dài và quý."
    response = first.post(change_url(article), {**first_data, "sapo": mine})
    assert response.status_code == 200
    page = response.content.decode()
    assert "vừa được" in page and "lưu sau khi bạn mở" in page
    assert mine in page  # their text is still in the form
    assert "<del>ban đầu.</del><ins>biên tập viên.</ins>" in page  # what the other changed
    assert Article.objects.get(pk=article.pk).sapo == "Sapo biên tập viên."

    # Having seen it, saving again is deliberate and goes through.
    again = {
        **first_data,
        "sapo": mine,
        "version": response.context["adminform"].form["version"].value(),
    }
    assert first.post(change_url(article), again).status_code == 302
    assert Article.objects.get(pk=article.pk).sapo == mine


def test_the_guard_is_the_update_itself(journalist):
    """Two saves from the same loaded version: the database lets exactly one through."""
    article = own_article(journalist)
    one, two = Article.objects.get(pk=article.pk), Article.objects.get(pk=article.pk)
    one.title, two.title = "Một", "Hai"
    publishing.save_edit(one, by=journalist, version=1)
    with pytest.raises(publishing.EditConflict):
        publishing.save_edit(two, by=journalist, version=1)
    assert Article.objects.get(pk=article.pk).title == "Một"


def test_a_state_change_while_editing_is_a_conflict_too(journalist, editor):
    article = own_article(journalist)
    client, data = loaded_form(editor, article)
    publishing.submit(article, by=journalist)
    response = client.post(change_url(article), {**data, "title": "Sửa của biên tập"})
    assert response.status_code == 200
    assert "Trạng thái" in response.content.decode()
    assert Article.objects.get(pk=article.pk).title != "Sửa của biên tập"


# A long history


def add_revisions(article, count):
    """``count`` revisions after the article's first, as ``count`` saves would leave them
    (versions 2, 3, …, titled "Bản 2", …), inserted at once."""
    history = Article.history.model
    first = article.history.get()
    columns = {f.attname: getattr(first, f.attname) for f in history._meta.concrete_fields}
    del columns["history_id"]
    history.objects.bulk_create(
        history(
            **columns
            | {
                "version": version,
                "title": f"Bản {version}",
                "history_type": "~",
                "history_date": first.history_date + timedelta(minutes=version),
            }
        )
        for version in range(2, count + 2)
    )


def test_history_pages_its_revisions_100_a_page_in_a_fixed_number_of_queries(client, editor):
    article = ArticleFactory()
    add_revisions(article, 249)  # 250 in all
    client.force_login(editor)
    pages, versions = {}, []
    for number, rows in [(1, 100), (2, 100), (3, 50)]:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(history_url(article), {"p": number})
        assert response.status_code == 200
        # session, user, article, the editor's permissions (their own, their groups'),
        # count, the page's rows (with who saved each); besides the hotline banner every
        # admin page may read (its cache is the site's business, not the history's)
        sql = [q["sql"] for q in queries if "articles_hotlinebanner" not in q["sql"]]
        assert len(sql) == 7, f"history page {number}: " + "\n".join(sql)
        assert len(response.context["records"]) == rows
        pages[number] = response.content.decode()
        versions += [record.version for record in response.context["records"]]
    assert versions == list(range(250, 0, -1))  # newest first, each once
    assert "250 phiên bản, trang 1/3, mỗi trang 100" in pages[1]
    assert '<a href="?p=2" rel="next">Trang sau ›</a>' in pages[1]
    assert 'href="?p=3" aria-label="Trang 3" class="end"' in pages[1]
    assert '<a href="?p=2" rel="prev">‹ Trang trước</a>' in pages[3]
    assert "Trang sau" not in pages[3]
    # The newest revision is the article as it is: every older one, on any page, restores.
    assert pages[1].count("Khôi phục…") == 99 and pages[3].count("Khôi phục…") == 50
    # Past the end, or not a number: the last page, the first.
    assert client.get(history_url(article), {"p": 9}).context["records"].number == 3
    assert client.get(history_url(article), {"p": "x"}).context["records"].number == 1


def test_short_history_has_no_pager(client, editor):
    article = ArticleFactory()
    client.force_login(editor)
    page = client.get(history_url(article)).content.decode()
    assert "1 phiên bản" in page and "Trang sau" not in page and "?p=" not in page


def history_queries(queries):
    return [q["sql"] for q in queries if "historicalarticle" in q["sql"]]


def test_history_list_reads_no_body_and_the_diff_reads_two_rows(client, editor):
    article = ArticleFactory(body="<p>Một nội dung dài.</p>")
    add_revisions(article, 5)
    client.force_login(editor)
    with CaptureQueriesContext(connection) as listed:
        assert client.get(history_url(article)).status_code == 200
    sql = history_queries(listed)
    assert len(sql) == 2  # count, page
    for query in sql:
        assert '"body"' not in query and '"sapo"' not in query and '"relations"' not in query
    assert '"title"' in sql[1]

    first, third = article.history.filter(version__in=[1, 3]).order_by("version")
    with CaptureQueriesContext(connection) as compared:
        response = client.get(diff_url(article), {"a": third.history_id, "b": first.history_id})
    sql = history_queries(compared)
    assert len(sql) == 1 and '"body"' in sql[0]  # the two rows, in one query
    assert (response.context["old"].version, response.context["new"].version) == (1, 3)
    assert "<ins>Bản 3</ins>" in response.content.decode()
