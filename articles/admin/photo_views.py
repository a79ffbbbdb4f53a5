"""The photo library's own admin pages: the editor's photo picker and a placed photo's
card (JSON), uploads from the editor's dialog, one file's caption and credit, and several
photos at once. Each checks the admin's permissions itself and answers in Vietnamese."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseNotAllowed, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _

from articles import images, publishing
from articles.matching import filter_folded
from articles.models import Photo

from .photo_forms import MultiUploadForm, PhotoForm

PICKER_PAGE_SIZE = 24
PICKER_MAX_PAGE = 10_000


def thumbnail_url(photo):
    """The smallest stored rendition; thumbnails are never made inside a request."""
    return photo.rendition_url(min_width=0)


def photo_json(photo):
    """What the editor's picker and its placed figures show of a library photo."""
    card = photo.card
    return {
        **photo.facts(),
        "thumbnail": thumbnail_url(photo),
        # As list cards show it (the article form's lead photo preview).
        "card": {"src": card.src, "width": card.width, "height": card.height},
    }


def search_photos(queryset, term):
    """Photos whose caption or credit hold every word of ``term``, accents ignored."""
    return filter_folded(queryset, term, ["search_text"])


class PhotoViewsMixin:
    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        wrap = self.admin_site.admin_view
        return [
            path("picker/", wrap(self.picker_view), name=f"{prefix}_picker"),
            path("<int:pk>/card/", wrap(self.card_view), name=f"{prefix}_card"),
            path("upload/", wrap(self.upload_view), name=f"{prefix}_upload"),
            path("doc-thong-tin/", wrap(self.metadata_view), name=f"{prefix}_metadata"),
            path("multi-upload/", wrap(self.multi_upload_view), name=f"{prefix}_multi_upload"),
            *super().get_urls(),
        ]

    def _refuse_json(self, message):
        return JsonResponse({"error": message}, status=403)

    def picker_view(self, request):
        """The editor's photo picker: newest first, filtered by ``q``, a page at a time."""
        if not self.has_view_permission(request):
            return self._refuse_json(_("Bạn không có quyền xem thư viện ảnh."))
        queryset = search_photos(Photo.objects.all(), request.GET.get("q", ""))
        try:
            page = int(request.GET.get("page", 1))
        except ValueError:
            page = 1
        # Clamped: a huge page made an OFFSET beyond bigint, a 500 on PostgreSQL.
        page = min(max(page, 1), PICKER_MAX_PAGE)
        start = (page - 1) * PICKER_PAGE_SIZE
        rows = list(queryset[start : start + PICKER_PAGE_SIZE + 1])
        return JsonResponse(
            {
                "results": [photo_json(photo) for photo in rows[:PICKER_PAGE_SIZE]],
                "page": page,
                "has_more": len(rows) > PICKER_PAGE_SIZE,
            }
        )

    def card_view(self, request, pk):
        """One photo as a figure placed in the editor shows it."""
        if not self.has_view_permission(request):
            return self._refuse_json(_("Bạn không có quyền xem thư viện ảnh."))
        photo = publishing.usable_photos(request.user).filter(pk=pk).first()
        if photo is None:
            message = _("Ảnh số %(id)s không còn trong thư viện.") % {"id": pk}
            return JsonResponse({"error": message}, status=404)
        return JsonResponse({"photo": photo_json(photo)})

    def _save_upload(self, request, form):
        photo = form.save(commit=False)
        photo.uploaded_by = request.user
        photo.save()
        self.log_addition(request, photo, [{"added": {}}])
        return photo

    def upload_view(self, request):
        """Upload one photo from the editor's dialog; JSON errors in Vietnamese."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_add_permission(request):
            return self._refuse_json(_("Bạn không có quyền tải ảnh lên."))
        form = PhotoForm(request.POST, request.FILES)
        if not form.is_valid():
            errors = {name: [str(m) for m in msgs] for name, msgs in form.errors.items()}
            return JsonResponse({"errors": errors}, status=400)
        photo = self._save_upload(request, form)
        return JsonResponse({"photo": photo_json(photo)}, status=201)

    def metadata_view(self, request):
        """The caption and credit written in a chosen file (IPTC, XMP), to prefill the form
        before it is sent: the person confirms or edits them (issue #10)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_add_permission(request):
            return self._refuse_json(_("Bạn không có quyền tải ảnh lên."))
        upload = request.FILES.get("image")
        if upload is None:
            return JsonResponse({"error": str(_("Hãy chọn một tệp ảnh."))}, status=400)
        try:
            images.check(upload)
        except ValidationError as error:
            return JsonResponse({"error": " ".join(error.messages)}, status=400)
        return JsonResponse(images.describe(upload))

    def multi_upload_view(self, request):
        """Several photos at once, sharing a caption and credit; bad files are named, good kept."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = MultiUploadForm(request.POST or None, request.FILES or None)
        rejected = []
        if request.method == "POST" and form.is_valid():
            saved = 0
            for upload, photo_form in form.photo_forms():
                if photo_form.is_valid():
                    self._save_upload(request, photo_form)
                    saved += 1
                else:
                    errors = [str(m) for msgs in photo_form.errors.values() for m in msgs]
                    rejected.append({"name": upload.name, "errors": errors})
            if saved:
                messages.success(request, _("Đã tải lên %(n)s ảnh.") % {"n": saved})
            if not rejected:
                return redirect("admin:articles_photo_changelist")
            message = _("%(n)s tệp không tải lên được, xem lý do bên dưới.")
            messages.error(request, message % {"n": len(rejected)})
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Tải nhiều ảnh lên thư viện"),
            "form": form,
            "rejected": rejected,
            "has_view_permission": self.has_view_permission(request),
            "media": self.media + form.media,
            # photo-multi-upload.js: each photo read, then sent, on its own
            "metadata_url": reverse("admin:articles_photo_metadata"),
            "upload_url": reverse("admin:articles_photo_upload"),
            "done_url": reverse("admin:articles_photo_changelist"),
        }
        return TemplateResponse(request, "admin/articles/photo/multi_upload.html", context)
