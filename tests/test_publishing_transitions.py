"""The editorial workflow's service functions: submit, return, publish, schedule, unpublish,
approve; the trail they write, the version they bump, what they refuse."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from articles import publishing
from articles.models import Article, StateChange
from tests.factories import ArticleFactory, PhotoFactory, own_article

pytestmark = pytest.mark.django_db

Status = Article.Status


# The functions themselves


def test_submit_return_submit_publish_records_the_whole_trail(journalist, editor):
    article = own_article(journalist)
    publishing.submit(article, by=journalist)
    publishing.return_to_author(article, by=editor, note="Thiếu nguồn trích dẫn ở đoạn 2.")
    publishing.submit(article, by=journalist)
    publishing.approve(article, by=editor)
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED and article.is_live
    trail = list(article.state_changes.values_list("from_status", "to_status", "by", "note"))
    assert trail == [
        (Status.DRAFT, Status.SUBMITTED, journalist.pk, ""),
        (Status.SUBMITTED, Status.RETURNED, editor.pk, "Thiếu nguồn trích dẫn ở đoạn 2."),
        (Status.RETURNED, Status.SUBMITTED, journalist.pk, ""),
        (Status.SUBMITTED, Status.PUBLISHED, editor.pk, ""),
    ]
    assert article.state_changes.last().published_at == article.published_at


def test_each_state_change_bumps_the_version(journalist):
    article = own_article(journalist)
    before = article.version
    publishing.submit(article, by=journalist)
    assert article.version == before + 1
    assert Article.objects.get(pk=article.pk).version == before + 1


def test_returning_needs_a_note(editor, journalist):
    article = own_article(journalist, status=Status.SUBMITTED)
    with pytest.raises(ValidationError, match="lý do"):
        publishing.return_to_author(article, by=editor, note="   ")
    assert Article.objects.get(pk=article.pk).status == Status.SUBMITTED
    assert not StateChange.objects.exists()


def test_journalist_may_not_publish_schedule_return_or_unpublish(journalist):
    draft = own_article(journalist)
    submitted = own_article(journalist, status=Status.SUBMITTED)
    published = own_article(journalist, live=True)
    later = timezone.now() + timedelta(days=1)
    calls = [
        lambda: publishing.publish(draft, by=journalist),
        lambda: publishing.schedule(draft, by=journalist, at=later),
        lambda: publishing.return_to_author(submitted, by=journalist, note="x"),
        lambda: publishing.approve(submitted, by=journalist),
        lambda: publishing.unpublish(published, by=journalist),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied):
            call()
    assert not StateChange.objects.exists()


def test_publishing_refuses_photos_without_credit_and_names_them(editor):
    lead = PhotoFactory(caption="Toàn cảnh cảng Lạch Huyện", credit="")
    in_body = PhotoFactory(caption="Công nhân khu công nghiệp", credit="")
    credited = PhotoFactory(caption="Ảnh có tác giả", credit="Hoàng Tùng")
    body = (
        f'<p>Một.</p><figure class="news-photo" data-photo-id="{in_body.pk}"></figure>'
        f'<figure class="news-photo" data-photo-id="{credited.pk}"></figure><p>Hai.</p>'
    )
    article = ArticleFactory(lead_photo=lead, body=body)
    with pytest.raises(ValidationError) as caught:
        publishing.publish(article, by=editor)
    message = " ".join(caught.value.messages)
    assert "Toàn cảnh cảng Lạch Huyện" in message
    assert "Công nhân khu công nghiệp" in message
    assert "Ảnh có tác giả" not in message
    assert Article.objects.get(pk=article.pk).status == Status.DRAFT


def test_schedule_needs_a_future_time(editor):
    article = ArticleFactory()
    with pytest.raises(ValidationError, match="tương lai"):
        publishing.schedule(article, by=editor, at=timezone.now() - timedelta(minutes=1))


def test_reschedule_and_unpublish(editor):
    article = ArticleFactory()
    first, second = timezone.now() + timedelta(hours=2), timezone.now() + timedelta(days=2)
    publishing.schedule(article, by=editor, at=first)
    assert article.is_scheduled and article.published_at == first
    publishing.reschedule(article, by=editor, at=second)
    assert Article.objects.get(pk=article.pk).published_at == second
    publishing.unpublish(article, by=editor, note="Chờ số liệu mới.")
    article.refresh_from_db()
    assert (article.status, article.published_at) == (Status.DRAFT, None)
    assert list(article.state_changes.values_list("to_status", flat=True)) == [
        Status.PUBLISHED,
        Status.PUBLISHED,
        Status.DRAFT,
    ]


def test_a_stale_instance_cannot_overwrite_a_state_change(editor, journalist):
    """Functions decide from the locked row, not from the caller's possibly old copy."""
    article = own_article(journalist)
    stale = Article.objects.get(pk=article.pk)
    publishing.submit(article, by=journalist)
    publishing.return_to_author(article, by=editor, note="Sửa sapo.")
    with pytest.raises(ValidationError):
        publishing.return_to_author(stale, by=editor, note="Lần hai.")


def test_approve_decides_from_the_row_not_the_callers_copy(editor, journalist):
    """A copy read while the article waited for review, then returned by another editor:
    approving that copy publishes nothing (once, approve read the copy's status)."""
    article = own_article(journalist, status=Status.SUBMITTED)
    stale = Article.objects.get(pk=article.pk)
    publishing.return_to_author(article, by=editor, note="Thiếu nguồn.")
    assert stale.status == Status.SUBMITTED
    with pytest.raises(ValidationError, match="chờ duyệt"):
        publishing.approve(stale, by=editor)
    assert Article.objects.get(pk=article.pk).status == Status.RETURNED
    assert not article.state_changes.filter(to_status=Status.PUBLISHED).exists()


def test_approve_accepts_a_copy_read_before_the_submission(editor, journalist):
    """The other way round: the copy says draft, the row says submitted; the row wins."""
    article = own_article(journalist)
    stale = Article.objects.get(pk=article.pk)
    publishing.submit(article, by=journalist)
    publishing.approve(stale, by=editor)
    assert Article.objects.get(pk=article.pk).is_live
    assert stale.status == Status.PUBLISHED  # the caller's copy follows the row
