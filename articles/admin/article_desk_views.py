"""The article admin's desk pages (issue #10): the form's autosave (``articles/autosave.py``
holds the rules), who else has an article open (``articles/presence.py``), and "Bản nháp
của tôi"."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseNotAllowed, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone

from articles import autosave, presence
from articles.models import Article, Autosave

from .article_views import int_or_none


class ArticleDeskViewsMixin:
    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("luu-tu-dong/", view(self.autosave_view), name="articles_article_autosave"),
            path(
                "luu-tu-dong/<int:autosave_id>/bo/",
                view(self.autosave_discard_view),
                name="articles_article_autosave_discard",
            ),
            path("ban-nhap/", view(self.my_drafts_view), name="articles_article_my_drafts"),
            path(
                "<path:object_id>/dang-mo/",
                view(self.presence_view),
                name="articles_article_presence",
            ),
            *super().get_urls(),
        ]

    def autosave_view(self, request):
        """What the article form holds, kept as the person's autosave; JSON for the form."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = None
        if request.POST.get("article"):
            try:
                article = Article.objects.get(pk=int(request.POST["article"]))
            except (ValueError, Article.DoesNotExist):
                return JsonResponse({"error": "Không có bài viết này."}, status=404)
        try:
            kept = autosave.store(
                request.POST,
                by=request.user,
                article=article,
                autosave_id=int_or_none(request.POST.get("autosave")),
            )
        except PermissionDenied as error:
            return JsonResponse({"error": str(error)}, status=403)
        except ValidationError as error:
            return JsonResponse({"error": " ".join(error.messages)}, status=400)
        at = timezone.localtime(kept.saved_at)
        return JsonResponse(
            {
                "id": kept.pk,
                "saved_at": at.isoformat(),
                "message": f"Đã lưu tự động lúc {at:%H:%M:%S}.",
            }
        )

    def autosave_discard_view(self, request, autosave_id):
        """Drop one's own autosave, then back to the article (or the drafts page)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        kept = get_object_or_404(Autosave, pk=autosave_id, user=request.user)
        article_id = kept.article_id
        kept.delete()
        messages.success(request, "Đã bỏ bản lưu tự động.")
        if article_id is not None:
            return redirect("admin:articles_article_change", article_id)
        return redirect("admin:articles_article_my_drafts")

    def presence_view(self, request, object_id):
        """The open form's heartbeat (and its goodbye, ``roi``): who else has it open."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self._article_or_404(request, object_id, edit=True)
        if request.POST.get("roi"):
            presence.left(article.pk, request.user)
            return JsonResponse({"others": []})
        return JsonResponse({"others": presence.beat(article.pk, request.user)})

    def my_drafts_view(self, request):
        """ "Bản nháp của tôi": one's articles not yet sent or sent back, and new articles
        typed but never saved (kept by autosave)."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        mine = Article.objects.written_by(request.user).filter(
            status__in=Article.EDITABLE_BY_AUTHOR
        )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Bản nháp của tôi",
            "articles": mine.select_related("section").order_by("-updated_at")[:100],
            "unsaved": autosave.unsaved_new_articles(request.user)[:100],
            "can_add": self.has_add_permission(request),
        }
        return TemplateResponse(request, "admin/articles/article/my_drafts.html", context)
