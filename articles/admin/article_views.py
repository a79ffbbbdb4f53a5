"""The article admin's own pages: workflow buttons, "Cập nhật bài", calendar (the revision
pages are ``revision_views``; the desk's autosave, presence and drafts pages are
``article_desk_views``).

Each view checks permission through the admin's ``has_*_permission`` and ``publishing``,
and changes state only through ``articles.publishing``.
"""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme

from articles import publishing

from . import calendar, revisions
from .forms import WorkflowForm


class ArticleViewsMixin:
    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("lich/", view(self.calendar_view), name="articles_article_calendar"),
            path(
                "<path:object_id>/quy-trinh/",
                view(self.workflow_view),
                name="articles_article_workflow",
            ),
            path(
                "<path:object_id>/cap-nhat/",
                view(self.publish_pending_view),
                name="articles_article_publish_pending",
            ),
            *super().get_urls(),
        ]

    def _article_or_404(self, request, object_id, *, edit=False):
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404("Không có bài viết này.")
        allowed = (self.has_change_permission if edit else self.has_view_permission)(
            request, article
        )
        if not allowed:
            raise PermissionDenied
        return article

    def workflow_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self._article_or_404(request, object_id)
        back = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
            back = ""
        back = back or reverse("admin:articles_article_change", args=[article.pk])
        form = WorkflowForm(request.POST)
        if not form.is_valid():
            for errors in form.errors.values():
                messages.error(request, " ".join(errors))
            return redirect(back)
        data = form.cleaned_data
        action, note, at = data["action"], data["note"], data["at"]
        calls = {
            "submit": lambda: publishing.submit(article, by=request.user, note=note),
            "return": lambda: publishing.return_to_author(article, by=request.user, note=note),
            "publish": lambda: publishing.publish(article, by=request.user, note=note),
            "schedule": lambda: publishing.schedule(article, by=request.user, at=at, note=note),
            "reschedule": lambda: publishing.reschedule(
                article, by=request.user, at=at, note=note
            ),
            "unpublish": lambda: publishing.unpublish(article, by=request.user, note=note),
            "discard_pending": lambda: publishing.discard_pending(
                article, by=request.user, version=data["version"]
            ),
        }
        try:
            if data["version"] is not None and data["version"] != article.version:
                raise ValidationError(
                    "Bài vừa được người khác thay đổi sau khi bạn mở; hãy xem lại rồi thử lại."
                )
            calls[action]()
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            label = dict(WorkflowForm.ACTIONS)[action]
            messages.success(
                request, f"{label}: xong. Trạng thái: {revisions.state_label(article)}."
            )
        return redirect(back)

    def publish_pending_view(self, request, object_id):
        """ "Cập nhật bài": what readers will see change, then the editor's confirmation."""
        article = self._article_or_404(request, object_id)
        if not publishing.can_publish(request.user):
            raise PermissionDenied
        change_url = reverse("admin:articles_article_change", args=[article.pk])
        pending = publishing.pending_of(article)
        if pending is None:
            messages.info(request, "Bài không có thay đổi nào chờ xuất bản.")
            return redirect(change_url)
        if request.method == "POST":
            try:
                publishing.publish_pending(
                    article, by=request.user, version=int_or_none(request.POST.get("version"))
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
                return redirect(request.path)  # what is pending now, shown again
            messages.success(request, f"Đã cập nhật bài “{article}”: bạn đọc thấy bản mới.")
            return redirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"Cập nhật bài: {article}",
            "article": article,
            "pending": pending,
            "changes": revisions.pending_diff(article, pending),
            "is_live": article.is_live,
        }
        return TemplateResponse(request, "admin/articles/article/pending_publish.html", context)

    def calendar_view(self, request):
        if not publishing.can_publish(request.user):
            raise PermissionDenied
        anchor = calendar.parse_day(request.GET.get("ngay"))
        context = {
            **self.admin_site.each_context(request),
            **calendar.build(anchor, request.GET.get("xem", "week")),
            "opts": self.opts,
            "title": "Lịch xuất bản",
            "workflow_url_name": "admin:articles_article_workflow",
        }
        return TemplateResponse(request, "admin/articles/article/calendar.html", context)


def int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
