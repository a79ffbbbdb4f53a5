"""The editorial workflow: who may move an article where, the audit trail, the clock."""

import contextlib
import logging
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from articles import publishing
from articles.models import Article, ArticleDeletion, StateChange
from tests.factories import (
    ArticleFactory,
    PhotoFactory,
    SectionFactory,
    own_article,
    staff_member,
)

pytestmark = pytest.mark.django_db

Status = Article.Status


def workflow(client, article, action, **data):
    """POST one workflow button of the change form, as the browser would send it."""
    url = reverse("admin:articles_article_workflow", args=[article.pk])
    return client.post(url, {"action": action, "version": article.version, **data})


# can_edit


def test_journalist_edits_own_drafts_returned_and_live_articles_only(journalist, other_journalist):
    """A live one too since issue #10: their edit then waits for an editor (stage_edit)."""
    article = own_article(journalist)
    assert publishing.can_edit(journalist, article)
    assert not publishing.can_edit(other_journalist, article)
    now = timezone.now()
    for status, published_at, editable in [
        (Status.RETURNED, None, True),
        (Status.SUBMITTED, None, False),
        (Status.PUBLISHED, now + timedelta(hours=1), False),  # scheduled
        (Status.PUBLISHED, now - timedelta(hours=1), True),  # live: staged
    ]:
        article.status, article.published_at = status, published_at
        assert publishing.can_edit(journalist, article) is editable
    assert not publishing.can_edit(other_journalist, article)


def test_a_co_author_edits_too(journalist, other_journalist):
    article = own_article(journalist)
    article.authors.add(other_journalist)
    assert publishing.can_edit(other_journalist, article)


def test_editor_edits_any_article_in_any_state(editor, journalist):
    for status in Status.values:
        assert publishing.can_edit(editor, own_article(journalist, status=status))


# One rule: Article.objects.visible_to / editable_by / deletable_by and the per-article checks


def test_the_querysets_and_the_per_article_checks_agree(
    journalist, other_journalist, editor, django_user_model
):
    """Every role × every state × co-author or creator: one rule, in both its forms."""
    now = timezone.now()
    states = {
        "draft": {},
        "submitted": {"status": Status.SUBMITTED},
        "returned": {"status": Status.RETURNED},
        "scheduled": {"status": Status.PUBLISHED, "published_at": now + timedelta(hours=1)},
        "live": {"status": Status.PUBLISHED, "published_at": now - timedelta(hours=1)},
    }
    articles = {}
    for name, fields in states.items():
        articles[name] = own_article(journalist, **fields)
        credited = ArticleFactory(created_by=editor, **fields)  # credited, did not create it
        credited.authors.add(journalist)
        articles[f"{name}, credited"] = credited
    inactive = staff_member("Biên tập viên", username="da-nghi", is_active=False)
    nobody = django_user_model.objects.create_user("khach", is_staff=True)
    checks = [
        ("visible_to", publishing.can_view),
        ("editable_by", publishing.can_edit),
        ("deletable_by", publishing.can_delete),
        ("linkable_by", publishing.can_link),
    ]
    for user in (journalist, other_journalist, editor, inactive, nobody):
        for method, check in checks:
            allowed = set(getattr(Article.objects, method)(user).values_list("pk", flat=True))
            for name, article in articles.items():
                fresh = Article.objects.get(pk=article.pk)
                assert check(user, fresh) is (fresh.pk in allowed), (user, method, name)
    own = set(Article.objects.editable_by(journalist).values_list("pk", flat=True))
    assert own == {articles[name].pk for name in articles if name.split(",")[0] in EDITABLE}
    assert not Article.objects.editable_by(other_journalist).exists()
    assert Article.objects.editable_by(editor).count() == len(articles)


EDITABLE = ("draft", "returned", "live")


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


# Deleting


def may_delete(user):
    """``user`` (a journalist) granted ``delete_article`` on top of their group's rights."""
    user.user_permissions.add(Permission.objects.get(codename="delete_article"))
    return type(user).objects.get(pk=user.pk)  # without the permission cache


def test_deleting_leaves_a_trail_entry_that_outlives_the_article(
    editor, journalist, received, caplog, django_capture_on_commit_callbacks
):
    article = own_article(journalist, status=Status.SUBMITTED, title="Bài sẽ bị xoá")
    publishing.approve(article, by=editor)
    pk, published_at = article.pk, article.published_at
    caplog.set_level(logging.INFO, logger="articles.publishing")
    caplog.clear()
    with django_capture_on_commit_callbacks(execute=True):
        publishing.delete(article, by=editor, note="Trùng bài.")
    assert not Article.objects.filter(pk=pk).exists()
    assert not StateChange.objects.filter(article_id=pk).exists()  # went with the article
    gone = ArticleDeletion.objects.get()
    assert (gone.article_id, gone.title, gone.from_status, gone.by, gone.note) == (
        pk,
        "Bài sẽ bị xoá",
        Status.PUBLISHED,
        editor,
        "Trùng bài.",
    )
    assert gone.published_at == published_at and gone.at <= timezone.now()
    assert [
        (r["action"], r["article_id"], r["from_status"], r["to_status"]) for r in received
    ] == [("delete", pk, Status.PUBLISHED, None)]
    assert received[0]["at"] == gone.at and received[0]["by"] == editor
    lines = [r.getMessage() for r in caplog.records if r.name == "articles.publishing"]
    assert lines == [
        f"delete: article {pk} “Bài sẽ bị xoá” published -> deleted by bientap at "
        f"{gone.at.isoformat()}"
    ]
    assert article.pk is None


def test_journalists_may_not_delete_even_their_own(journalist):
    """As before: of the newsroom's groups only the editors hold ``delete_article``."""
    article = own_article(journalist)
    with pytest.raises(PermissionDenied):
        publishing.delete(article, by=journalist)
    with pytest.raises(PermissionDenied):
        publishing.delete_many([article], by=journalist)
    assert Article.objects.filter(pk=article.pk).exists()
    assert not ArticleDeletion.objects.exists()


def test_bulk_delete_deletes_all_or_nothing(journalist, other_journalist):
    """Someone granted ``delete_article`` alone deletes what they see: their own articles."""
    journalist = may_delete(journalist)
    mine = [own_article(journalist) for _ in range(2)]
    theirs = own_article(other_journalist, title="Bài của đồng nghiệp")
    with pytest.raises(PermissionDenied, match="Bài của đồng nghiệp") as refused:
        publishing.delete_many([*mine, theirs], by=journalist)
    assert "Chưa xoá bài nào" in str(refused.value)
    assert Article.objects.count() == 3 and not ArticleDeletion.objects.exists()
    assert (
        publishing.delete_many(Article.objects.filter(created_by=journalist), by=journalist) == 2
    )
    assert list(Article.objects.all()) == [theirs]
    assert sorted(ArticleDeletion.objects.values_list("article_id", flat=True)) == sorted(
        a.pk for a in mine
    )


# Scheduling that cannot be missed


def test_scheduled_article_appears_exactly_at_its_time(client, editor):
    at = timezone.now().replace(microsecond=0) + timedelta(days=1)
    article = publishing.schedule(ArticleFactory(), by=editor, at=at)
    url = article.get_absolute_url()
    with time_machine.travel(at - timedelta(seconds=1), tick=False):
        assert article not in Article.objects.live()
        assert article in Article.objects.scheduled()
        assert client.get(url).status_code == 404
    with time_machine.travel(at, tick=False):
        assert article in Article.objects.live()
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("status", [Status.DRAFT, Status.SUBMITTED, Status.RETURNED])
def test_unpublished_articles_have_no_public_page(client, status):
    article = ArticleFactory(status=status, published_at=timezone.now() - timedelta(days=1))
    assert client.get(article.get_absolute_url()).status_code == 404


# The permission matrix, through the admin's workflow buttons

SUBMIT, RETURN, PUBLISH, SCHEDULE, RESCHEDULE, UNPUBLISH = (
    "submit",
    "return",
    "publish",
    "schedule",
    "reschedule",
    "unpublish",
)
START = {
    SUBMIT: {"status": Status.DRAFT},
    RETURN: {"status": Status.SUBMITTED},
    PUBLISH: {"status": Status.SUBMITTED},
    SCHEDULE: {"status": Status.SUBMITTED},
    RESCHEDULE: {"status": Status.PUBLISHED, "future": True},
    UNPUBLISH: {"status": Status.PUBLISHED},
}
EXPECTED = {
    SUBMIT: Status.SUBMITTED,
    RETURN: Status.RETURNED,
    PUBLISH: Status.PUBLISHED,
    SCHEDULE: Status.PUBLISHED,
    RESCHEDULE: Status.PUBLISHED,
    UNPUBLISH: Status.DRAFT,
}
# role → actions allowed on an article they wrote (journalist) or anyone's (editor)
ALLOWED = {
    "author": {SUBMIT},
    "other_journalist": set(),
    "editor": {SUBMIT, RETURN, PUBLISH, SCHEDULE, RESCHEDULE, UNPUBLISH},
}


def _start(action, author):
    start = START[action]
    published_at = None
    if start["status"] == Status.PUBLISHED:
        published_at = timezone.now() + (
            timedelta(days=1) if start.get("future") else -timedelta(hours=1)
        )
    return own_article(author, status=start["status"], published_at=published_at)


@pytest.mark.parametrize("role", sorted(ALLOWED))
@pytest.mark.parametrize("action", sorted(START))
def test_permission_matrix(client, journalist, other_journalist, editor, role, action):
    """Each role × each state change: allowed ones happen; the rest get 403, nothing changes."""
    user = {"author": journalist, "other_journalist": other_journalist, "editor": editor}[role]
    article = _start(action, journalist)
    before = Article.objects.filter(pk=article.pk).values().get()
    client.force_login(user)
    at = (timezone.localtime() + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")
    response = workflow(client, article, action, note="Cần thêm nguồn.", at=at)
    after = Article.objects.filter(pk=article.pk).values().get()
    if action in ALLOWED[role]:
        assert response.status_code == 302
        assert after["status"] == EXPECTED[action]
        assert StateChange.objects.filter(article=article, by=user).count() == 1
        if action in (SCHEDULE, RESCHEDULE):
            assert after["published_at"] > timezone.now() + timedelta(days=2)
    else:
        assert response.status_code == 403
        assert after == before
        assert not StateChange.objects.exists()


def test_workflow_refuses_a_stale_version_with_a_message(client, editor):
    article = ArticleFactory(status=Status.SUBMITTED)
    client.force_login(editor)
    url = reverse("admin:articles_article_workflow", args=[article.pk])
    response = client.post(url, {"action": "publish", "version": article.version - 1}, follow=True)
    assert "vừa được người khác thay đổi" in response.content.decode()
    assert Article.objects.get(pk=article.pk).status == Status.SUBMITTED


def test_return_without_note_comes_back_with_a_vietnamese_error(client, editor):
    article = ArticleFactory(status=Status.SUBMITTED)
    client.force_login(editor)
    response = workflow(client, article, "return", note="")
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Hãy ghi lý do trả lại bài" in page
    assert Article.objects.get(pk=article.pk).status == Status.SUBMITTED


def test_workflow_view_accepts_only_post(client, editor):
    client.force_login(editor)
    article = ArticleFactory()
    url = reverse("admin:articles_article_workflow", args=[article.pk])
    assert client.get(url).status_code == 405


def test_publish_action_from_the_changelist(client, editor, journalist):
    articles = [own_article(journalist, status=Status.SUBMITTED) for _ in range(2)]
    client.force_login(editor)
    client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_selected", "_selected_action": [a.pk for a in articles]},
    )
    assert Article.objects.live().count() == 2
    assert StateChange.objects.filter(by=editor, to_status=Status.PUBLISHED).count() == 2


def test_journalist_has_no_publish_action(client, journalist):
    article = own_article(journalist)
    client.force_login(journalist)
    client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_selected", "_selected_action": [article.pk]},
    )
    assert Article.objects.get(pk=article.pk).status == Status.DRAFT
