"""Every state change logs one line and signals once after commit, nothing when refused or
rolled back; the system caller, and ``create_many`` for bulk loads."""

import contextlib
import logging
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from articles import publishing
from articles.models import Article, StateChange
from tests.factories import ArticleFactory, PhotoFactory, SectionFactory, own_article

pytestmark = pytest.mark.django_db

Status = Article.Status


# Every transition: a log line and a signal


def test_each_transition_logs_one_line_and_signals_once_after_commit(
    editor, journalist, received, caplog, django_capture_on_commit_callbacks
):
    article = own_article(journalist)
    later, then = timezone.now() + timedelta(days=1), timezone.now() + timedelta(days=2)
    steps = [
        ("submit", journalist, lambda: publishing.submit(article, by=journalist), "submitted"),
        (
            "return",
            editor,
            lambda: publishing.return_to_author(article, by=editor, note="Thêm ảnh."),
            "returned",
        ),
        ("submit", journalist, lambda: publishing.submit(article, by=journalist), "submitted"),
        ("approve", editor, lambda: publishing.approve(article, by=editor, at=later), "published"),
        (
            "reschedule",
            editor,
            lambda: publishing.reschedule(article, by=editor, at=then),
            "published",
        ),
        ("unpublish", editor, lambda: publishing.unpublish(article, by=editor), "draft"),
        ("publish", editor, lambda: publishing.publish(article, by=editor), "published"),
    ]
    caplog.set_level(logging.INFO, logger="articles.publishing")
    for action, user, call, to_status in steps:
        from_status = Article.objects.get(pk=article.pk).status
        caplog.clear()
        received.clear()
        with django_capture_on_commit_callbacks(execute=True):
            call()
            assert received == []  # not before the transaction commits
        step = article.state_changes.last()
        assert len(received) == 1, action
        sent = received[0]
        assert (sent["action"], sent["by"], sent["from_status"], sent["to_status"]) == (
            action,
            user,
            from_status,
            to_status,
        )
        assert sent["article"].pk == sent["article_id"] == article.pk
        assert sent["article"].status == to_status and sent["at"] == step.at
        lines = [r.getMessage() for r in caplog.records if r.name == "articles.publishing"]
        assert len(lines) == 1, lines
        assert lines[0].startswith(f"{action}: article {article.pk} “{article.title}”")
        assert f"{from_status} -> {to_status} by {user.username} at " in lines[0]


def test_a_rolled_back_transition_sends_nothing(
    journalist, received, django_capture_on_commit_callbacks
):
    article = own_article(journalist)
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        contextlib.suppress(RuntimeError),
        transaction.atomic(),
    ):
        publishing.submit(article, by=journalist)
        raise RuntimeError("rolled back")
    assert callbacks == [] and received == []
    assert Article.objects.get(pk=article.pk).status == Status.DRAFT


def test_a_refused_transition_logs_and_sends_nothing(
    journalist, received, caplog, django_capture_on_commit_callbacks
):
    article = own_article(journalist)
    caplog.set_level(logging.INFO, logger="articles.publishing")
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(PermissionDenied):
        publishing.publish(article, by=journalist)
    assert received == []
    assert not [r for r in caplog.records if r.name == "articles.publishing"]


# The system caller


def test_a_system_caller_skips_permission_checks_and_the_trail_says_so(
    caplog, received, django_capture_on_commit_callbacks
):
    importer = publishing.System("nhap-bai")
    article = ArticleFactory()
    caplog.set_level(logging.INFO, logger="articles.publishing")
    with django_capture_on_commit_callbacks(execute=True):
        publishing.submit(article, by=importer)
        publishing.approve(article, by=importer)
    assert Article.objects.get(pk=article.pk).is_live
    trail = list(article.state_changes.all())
    assert [(c.by, c.system, c.who) for c in trail] == [
        (None, "nhap-bai", "Hệ thống (nhap-bai)")
    ] * 2
    assert [r["by"] for r in received] == [importer, importer]
    assert all("by system:nhap-bai at" in r.getMessage() for r in caplog.records)
    assert article.history.first().history_user is None
    with pytest.raises(ValidationError):  # the workflow's rules still hold
        publishing.approve(article, by=publishing.SYSTEM)


def test_create_many_writes_states_and_trails_in_bulk(
    editor, received, django_capture_on_commit_callbacks
):
    now = timezone.now()
    Step = publishing.Step
    articles = [ArticleFactory.build(section=SectionFactory()) for _ in range(3)]
    trails = [
        [],
        [
            Step(Status.SUBMITTED, now - timedelta(hours=2)),
            Step(Status.RETURNED, now, credit=editor, note="Sửa tít."),
        ],
        [Step(Status.PUBLISHED, now - timedelta(hours=1), published_at=now + timedelta(days=1))],
    ]
    with django_capture_on_commit_callbacks(execute=True):
        publishing.create_many(articles, trails, by=publishing.System("seed"))
    draft, returned, scheduled = (Article.objects.get(pk=a.pk) for a in articles)
    assert (draft.status, draft.version) == (Status.DRAFT, 1)
    assert (returned.status, returned.version) == (Status.RETURNED, 3)
    assert scheduled.is_scheduled and scheduled.published_at == now + timedelta(days=1)
    assert list(
        returned.state_changes.values_list("from_status", "to_status", "by", "system", "note")
    ) == [
        (Status.DRAFT, Status.SUBMITTED, None, "seed", ""),
        (Status.SUBMITTED, Status.RETURNED, editor.pk, "seed", "Sửa tít."),
    ]
    assert returned.state_changes.last().who == "Nguyễn Lan (seed)"
    assert [(r["action"], r["article_id"]) for r in received] == [
        ("submit", returned.pk),
        ("return", returned.pk),
        ("schedule", scheduled.pk),
    ]


def test_create_many_is_for_system_callers_and_keeps_the_workflows_rules(editor):
    Step, now = publishing.Step, timezone.now()
    article = ArticleFactory.build(section=SectionFactory())
    with pytest.raises(PermissionDenied):
        publishing.create_many([article], [[]], by=editor)
    with pytest.raises(ValidationError, match="từ “Bản nháp” sang “Trả lại”"):
        publishing.create_many([article], [[Step(Status.RETURNED, now)]], by=publishing.SYSTEM)
    article.lead_photo = PhotoFactory(caption="Ảnh chưa ghi tác giả", credit="")
    published = [Step(Status.PUBLISHED, now, published_at=now)]
    with pytest.raises(ValidationError, match="Ảnh chưa ghi tác giả"):
        publishing.create_many([article], [published], by=publishing.SYSTEM)
    assert not Article.objects.exists() and not StateChange.objects.exists()
