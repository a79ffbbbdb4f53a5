"""Issue #10: an edit of a live article waits as a pending edit until an editor publishes it."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from articles import publishing
from articles.models import Article, PendingEdit, RelatedArticle
from tests.factories import ArticleFactory, PhotoFactory, own_article

pytestmark = pytest.mark.django_db

Status = Article.Status
OLD, NEW = "Cảng Lạch Huyện đón tàu lớn", "Cảng Lạch Huyện đón tàu 200.000 tấn"


def loaded(article):
    """The article as a form would load it."""
    return Article.objects.get(pk=article.pk)


def stage(article, by, *, version=None, tags=(), authors=None, related=(), **fields):
    edited = loaded(article)
    for name, value in fields.items():
        setattr(edited, name, value)
    return publishing.stage_edit(
        edited,
        by=by,
        version=edited.version if version is None else version,
        tags=list(tags),
        authors=[a.pk for a in edited.authors.all()] if authors is None else authors,
        related=list(related),
    )


@pytest.fixture
def live(journalist):
    article = own_article(journalist, live=True, title=OLD)
    article.tags.add("cảng biển")
    return article


def reader_page(client, article):
    response = client.get(loaded(article).get_absolute_url())
    assert response.status_code == 200
    return response


def test_a_journalists_edit_of_their_live_article_waits(client, journalist, live):
    version = live.version
    pending = stage(live, journalist, title=NEW, sapo="Sapo mới.", tags=["cảng biển", "logistics"])
    assert pending.edited_by == journalist
    assert pending.data["title"] == NEW and pending.data["tags"] == ["cảng biển", "logistics"]
    page = reader_page(client, live).content.decode()
    assert OLD in page and NEW not in page and "logistics" not in page
    row = loaded(live)
    assert (row.title, row.status, row.version) == (OLD, Status.PUBLISHED, version + 1)
    assert list(row.tags.names()) == ["cảng biển"]
    assert row.history.count() == 1  # no revision until it is published
    assert not row.state_changes.exists()


def test_staging_leaves_the_page_cache_warm(client, journalist, live, page_cache):
    assert reader_page(client, live)["X-Page-Cache"] == "miss"
    stage(live, journalist, title=NEW)
    response = reader_page(client, live)
    assert response["X-Page-Cache"] == "hit" and NEW not in response.content.decode()


def test_a_stale_version_is_refused_for_staging_and_saving(journalist, editor, live):
    version = live.version
    stage(live, journalist, title=NEW)
    with pytest.raises(publishing.EditConflict):
        stage(live, editor, title="Bản của người khác", version=version)
    assert PendingEdit.objects.get(article=live).data["title"] == NEW
    quick = loaded(live)
    quick.title = "Sửa nhanh"
    with pytest.raises(publishing.EditConflict):
        publishing.save_edit(quick, by=editor, version=version, publish_now=True)
    assert loaded(live).title == OLD


def test_publish_pending_puts_the_edit_on_the_page(client, journalist, editor, live, page_cache):
    other = ArticleFactory(live=True, title="Bài được chọn đọc thêm")
    photo = PhotoFactory()
    assert OLD in reader_page(client, live).content.decode()
    stage(
        live,
        journalist,
        title=NEW,
        lead_photo_id=photo.pk,
        tags=["logistics", "cảng biển"],
        related=[(other.pk, 0)],
    )
    article = loaded(live)
    publishing.publish_pending(article, by=editor, version=article.version)

    response = reader_page(client, live)
    assert response["X-Page-Cache"] == "miss"  # the page cache moved on
    page = response.content.decode()
    assert NEW in page and "Bài được chọn đọc thêm" in page
    row = loaded(live)
    assert (row.title, row.lead_photo_id, row.status) == (NEW, photo.pk, Status.PUBLISHED)
    assert list(row.tags.names()) == ["logistics", "cảng biển"]  # in the order typed
    assert row.suggestions.ids[0] == other.pk  # "Xem thêm" refreshed by its receivers
    assert row.version == article.version == live.version + 2
    assert not PendingEdit.objects.filter(article=live).exists()
    newest = row.history.order_by("-history_date").first()
    assert (newest.history_change_reason, newest.history_user, newest.title) == (
        "Cập nhật bài",
        editor,
        NEW,
    )
    step = row.state_changes.get()
    assert (step.by, step.from_status, step.to_status) == (
        editor,
        Status.PUBLISHED,
        Status.PUBLISHED,
    )
    assert step.note.startswith("Cập nhật bài") and "Nguyễn" in step.note


def test_only_editors_publish_a_pending_edit(journalist, live):
    stage(live, journalist, title=NEW)
    with pytest.raises(PermissionDenied):
        publishing.publish_pending(live, by=journalist, version=loaded(live).version)
    assert loaded(live).title == OLD and PendingEdit.objects.filter(article=live).exists()


def test_publish_pending_refuses_what_changed_since_it_was_reviewed(journalist, editor, live):
    stage(live, journalist, title=NEW)
    reviewed = loaded(live).version
    stage(live, journalist, title="Lại sửa tiếp")
    with pytest.raises(ValidationError, match="vừa được thay đổi"):
        publishing.publish_pending(live, by=editor, version=reviewed)
    assert loaded(live).title == OLD


def test_publish_pending_drops_picks_taken_away(journalist, editor, live):
    kept, dropped = ArticleFactory(live=True), ArticleFactory(live=True)
    RelatedArticle.objects.create(from_article=live, to_article=kept, position=1)
    RelatedArticle.objects.create(from_article=live, to_article=dropped, position=0)
    stage(live, journalist, tags=["cảng biển"], related=[(kept.pk, 0)], title=NEW)
    publishing.publish_pending(live, by=editor, version=loaded(live).version)
    links = list(live.related_links.values_list("to_article", "position"))
    assert links == [(kept.pk, 0)]


def test_discard_drops_the_pending_edit(client, journalist, live):
    stage(live, journalist, title=NEW)
    version = loaded(live).version
    publishing.discard_pending(live, by=journalist, version=version)
    assert not PendingEdit.objects.filter(article=live).exists()
    assert loaded(live).version == version + 1  # a form still showing it is out of date
    assert OLD in reader_page(client, live).content.decode()
    with pytest.raises(ValidationError):
        publishing.discard_pending(live, by=journalist)


def test_saving_back_what_readers_see_leaves_nothing_pending(journalist, live):
    stage(live, journalist, title=NEW, tags=["cảng biển"])
    assert stage(live, journalist, title=OLD, tags=["cảng biển"]) is None
    assert not PendingEdit.objects.filter(article=live).exists()


def test_an_editors_quick_fix_goes_out_at_once_and_says_so(client, journalist, editor, live):
    stage(live, journalist, sapo="Sapo đang viết lại.", tags=["cảng biển"])
    fix = loaded(live)  # the form shows the pending edit: the fix carries it
    fix.sapo, fix.title = "Sapo đang viết lại.", NEW
    publishing.save_edit(fix, by=editor, version=fix.version, publish_now=True)
    page = reader_page(client, live).content.decode()
    assert NEW in page and "Sapo đang viết lại." in page
    assert not PendingEdit.objects.filter(article=live).exists()
    assert "Lưu và xuất bản ngay" in loaded(live).state_changes.get().note
    newest = live.history.order_by("-history_date").first()
    assert newest.history_change_reason == "Lưu và xuất bản ngay"


def test_a_plain_save_never_writes_a_live_article(journalist, editor, live):
    for user in (editor, journalist):
        edited = loaded(live)
        edited.title = NEW
        with pytest.raises(publishing.WentLive):
            publishing.save_edit(edited, by=user, version=edited.version)
    edited = loaded(live)
    edited.title = NEW
    with pytest.raises(PermissionDenied):
        publishing.save_edit(edited, by=journalist, version=edited.version, publish_now=True)
    assert loaded(live).title == OLD


def test_a_scheduled_article_is_saved_directly(editor):
    article = ArticleFactory(
        status=Status.PUBLISHED, published_at=timezone.now() + timedelta(days=1), title=OLD
    )
    edited = loaded(article)
    edited.title = NEW
    publishing.save_edit(edited, by=editor, version=edited.version)
    assert loaded(article).title == NEW
    with pytest.raises(ValidationError):
        stage(article, editor, title="Không chờ")


def test_journalists_stage_only_on_their_own_live_articles(journalist, other_journalist, live):
    with pytest.raises(PermissionDenied):
        stage(live, other_journalist, title=NEW)
    scheduled = own_article(
        journalist, status=Status.PUBLISHED, published_at=timezone.now() + timedelta(days=1)
    )
    assert not publishing.can_edit(journalist, scheduled)


def test_restoring_a_revision_of_a_live_article_waits_too(client, editor):
    article = ArticleFactory(title=OLD)
    original = article.history.get()
    publishing.publish(article, by=editor)
    quick = loaded(article)
    quick.title = NEW
    publishing.save_edit(quick, by=editor, version=quick.version, publish_now=True)
    publishing.restore(article, by=editor, revision=original)
    assert NEW in reader_page(client, article).content.decode()
    assert PendingEdit.objects.get(article=article).data["title"] == OLD
    publishing.publish_pending(article, by=editor, version=loaded(article).version)
    assert OLD in reader_page(client, article).content.decode()


def test_pending_content_is_in_no_reader_door(client, journalist, live):
    """Article page, section, tag, home, search, feeds and sitemap show the article as it is."""
    stage(live, journalist, title=NEW, tags=["cảng biển", "bí mật"])
    row = loaded(live)
    urls = [
        "/",
        row.get_absolute_url(),
        row.section.get_absolute_url(),
        "/rss.xml",
        "/sitemap.xml",
        "/tim-kiem/?q=tấn",
    ]
    for url in urls:
        response = client.get(url, follow=True)
        body = b"".join(response) if response.streaming else response.content
        assert "200.000" not in body.decode() and "bí mật" not in body.decode(), url


def test_available_actions_offer_the_pending_edit(journalist, editor, live):
    assert "publish_pending" not in publishing.available_actions(editor, live)
    stage(live, journalist, title=NEW)
    assert {"publish_pending", "discard_pending"} <= set(
        publishing.available_actions(editor, live)
    )
    assert publishing.available_actions(journalist, live) == ["discard_pending"]


def test_a_pending_edit_picks_only_what_its_author_may_link(journalist, other_journalist, live):
    """Who may link what holds in the service, not only in the admin's form."""
    someone_elses_draft = own_article(other_journalist)
    with pytest.raises(ValidationError, match="bài liên quan"):
        stage(live, journalist, title=NEW, related=[(someone_elses_draft.pk, 0)])
    assert not PendingEdit.objects.filter(article=live).exists()
    assert loaded(live).version == live.version  # refused as a whole
    readable = ArticleFactory(live=True)
    pending = stage(live, journalist, title=NEW, related=[(readable.pk, 0)])
    assert pending.data["related"] == [[readable.pk, 0]]


def test_updates_of_a_live_article_are_signalled_with_its_state_unchanged(
    journalist, editor, live, received, django_capture_on_commit_callbacks
):
    """ "Cập nhật bài" and "Lưu và xuất bản ngay" are in the trail, so they are sent too."""
    stage(live, journalist, title=NEW)
    with django_capture_on_commit_callbacks(execute=True):
        publishing.publish_pending(live, by=editor, version=loaded(live).version)
    quick = loaded(live)
    quick.title = OLD
    with django_capture_on_commit_callbacks(execute=True):
        publishing.save_edit(quick, by=editor, version=quick.version, publish_now=True)
    assert [(r["action"], r["by"], r["from_status"], r["to_status"]) for r in received] == [
        ("publish_pending", editor, Status.PUBLISHED, Status.PUBLISHED),
        ("publish_now", editor, Status.PUBLISHED, Status.PUBLISHED),
    ]
    assert all(r["article_id"] == live.pk for r in received)
