"""Corrections in the article admin (issue #13): the list on the article's page, read-only
for whoever sees the article, and the editors' "Thêm đính chính" page, which adds one
through ``publishing.add_correction`` (never a bare model save)."""

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from articles import publishing
from articles.models import Correction
from articles.models.correction import CORRECTION_MAX_LENGTH


class CorrectionForm(forms.Form):
    kind = forms.ChoiceField(
        label="Loại",
        choices=Correction.Kind.choices,
        initial=Correction.Kind.CORRECTION,
        widget=forms.RadioSelect,
    )
    text = forms.CharField(
        label="Nội dung",
        max_length=CORRECTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4, "cols": 60}),
        help_text="Văn bản thuần, hiện ở cuối bài và trong RSS kèm giờ thêm; không sửa được sau.",
        error_messages={"required": "Hãy viết nội dung đính chính."},
    )


class CorrectionViewsMixin:
    def get_urls(self):
        return [
            path(
                "<path:object_id>/dinh-chinh/",
                self.admin_site.admin_view(self.correction_view),
                name="articles_article_correction",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = self.get_object(request, unquote(object_id))
        if article is not None and self.has_view_permission(request, article):
            extra_context = {
                **(extra_context or {}),
                **self._corrections_context(request, article),
            }
        return super().change_view(request, object_id, form_url, extra_context)

    def _corrections_context(self, request, article):
        may_add = article.is_live and publishing.can_correct(request.user, article)
        return {
            "corrections": article.corrections.select_related("created_by"),
            "correction_url": (
                reverse("admin:articles_article_correction", args=[article.pk]) if may_add else ""
            ),
        }

    def correction_view(self, request, object_id):
        """ "Thêm đính chính": the form; on an error it comes back with what was typed."""
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404("Không có bài viết này.")
        if not (
            self.has_view_permission(request, article)
            and publishing.can_correct(request.user, article)
        ):
            raise PermissionDenied
        form = CorrectionForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                publishing.add_correction(article, data["kind"], data["text"], by=request.user)
            except ValidationError as error:
                form.add_error(None, error.messages)
            else:
                label = Correction.Kind(data["kind"]).label
                messages.success(request, f"Đã thêm {label.lower()} cho “{article}”.")
                return redirect("admin:articles_article_change", article.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"Thêm đính chính: {article}",
            "article": article,
            "form": form,
            "corrections": article.corrections.select_related("created_by"),
            # A refused POST comes back with what was typed, even when the article has
            # just left the site: the editor keeps the text.
            "show_form": article.is_live or form.is_bound,
        }
        return TemplateResponse(request, "admin/articles/article/correction.html", context)
