"""The article admin's revision pages: the history, the diff of two revisions, restore.

The history lists revisions 100 a page, as Django's admin history does, reading only the
columns the list shows; bodies are read for the two revisions being compared (or the one
being restored). Restoring changes the article only through ``publishing.restore``.
"""

from django.contrib import messages
from django.contrib.admin.views.main import PAGE_VAR
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path

from articles import publishing
from articles.models.history import relations_of

from . import revisions

PER_PAGE = 100
# What a row of the history list shows: never the body, the sapo or the relations.
LIST_COLUMNS = (
    "history_id",
    "id",
    "version",
    "history_date",
    "history_type",
    "history_change_reason",
    "history_user",
    "title",
    "status",
    "published_at",
)


class RevisionViewsMixin:
    """For ``ArticleAdmin``, beside ``ArticleViewsMixin`` (whose ``_article_or_404`` it uses)."""

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/history/so-sanh/",
                view(self.revision_diff_view),
                name="articles_article_revision_diff",
            ),
            path(
                "<path:object_id>/history/<int:history_id>/khoi-phuc/",
                view(self.revision_restore_view),
                name="articles_article_revision_restore",
            ),
            *super().get_urls(),
        ]

    def history_view(self, request, object_id, extra_context=None):
        article = self._article_or_404(request, object_id)
        records = (
            article.history.select_related("history_user")
            .only(*LIST_COLUMNS)
            .order_by("-history_date", "-history_id")
        )
        paginator = Paginator(records, PER_PAGE)
        page = paginator.get_page(request.GET.get(PAGE_VAR))
        for record in page:
            record.state_text = revisions.state_label(record)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"Lịch sử sửa bài: {article}",
            "article": article,
            "records": page,
            "page_range": paginator.get_elided_page_range(page.number),
            "page_var": PAGE_VAR,
            "can_restore": self.has_change_permission(request, article),
        }
        return TemplateResponse(request, self.object_history_template, context)

    def revision_diff_view(self, request, object_id):
        article = self._article_or_404(request, object_id)
        history = article.history.all()
        try:
            a = int(request.GET.get("a", ""))
            b = int(request.GET["b"]) if request.GET.get("b") else None
        except ValueError as error:
            raise Http404("Không có phiên bản này.") from error
        if b is None:  # against the newest
            newest = history.order_by("-history_date", "-history_id")
            b = newest.values_list("history_id", flat=True).first()
        # The two full rows, in one query; exact lookups, which match nothing (rather than
        # fail, as IN does on SQLite) for an id beyond the column's range.
        found = {r.history_id: r for r in history.filter(Q(history_id=a) | Q(history_id=b))}
        if a not in found or b not in found:
            raise Http404("Không có phiên bản này.")
        old, new = sorted((found[a], found[b]), key=lambda r: (r.history_date, r.history_id))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"So sánh hai phiên bản: {article}",
            "article": article,
            "old": old,
            "new": new,
            "changes": revisions.revision_diff(old, new),
        }
        return TemplateResponse(request, "admin/articles/article/revision_diff.html", context)

    def revision_restore_view(self, request, object_id, history_id):
        article = self._article_or_404(request, object_id, edit=True)
        revision = get_object_or_404(article.history.all(), history_id=history_id)
        if request.method == "POST":
            try:
                publishing.restore(article, by=request.user, revision=revision)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                done = f"Đã khôi phục nội dung phiên bản {revision.version} thành bản mới."
                if publishing.stages_edits(article):
                    done = (
                        f"Đã khôi phục nội dung phiên bản {revision.version} thành thay đổi "
                        "chưa xuất bản: bạn đọc thấy khi biên tập viên bấm “Cập nhật bài”."
                    )
                messages.success(request, done)
            return redirect("admin:articles_article_change", article.pk)
        changes = revisions.diff(article, revision)
        restored = publishing.restorable_relations(article, revision, by=request.user)
        changes += revisions.relation_changes(relations_of(article), restored)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"Khôi phục phiên bản {revision.version}?",
            "article": article,
            "revision": revision,
            "changes": changes,
        }
        return TemplateResponse(request, "admin/articles/article/revision_restore.html", context)
