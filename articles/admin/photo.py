from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseNotAllowed, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from articles import images, publishing
from articles.matching import filter_folded
from articles.models import Photo
from articles.names import full_name

from .changelist import ChangeList
from .photo_forms import MultiUploadForm, PhotoForm

PICKER_PAGE_SIZE = 24
PICKER_MAX_PAGE = 10_000
THUMB_WIDTH = 96


def thumbnail_url(photo):
    """The smallest stored rendition; thumbnails are never made inside a request."""
    return photo.rendition_url(min_width=0)


def photo_json(photo):
    """What the editor's picker and its placed figures show of a library photo."""
    card = photo.card
    return {
        "id": photo.pk,
        "caption": photo.caption,
        "credit": photo.credit,
        "credit_line": photo.credit_line,
        "alt": photo.alt,
        "thumbnail": thumbnail_url(photo),
        "width": photo.width,
        "height": photo.height,
        # As list cards show it (the article form's lead photo preview).
        "card": {"src": card.src, "width": card.width, "height": card.height},
    }


def _size_attrs(crop):
    if not crop.width:
        return ""
    return format_html(' width="{}" height="{}"', crop.width, crop.height)


def search_photos(queryset, term):
    """Photos whose caption or credit hold every word of ``term``, accents ignored."""
    return filter_folded(queryset, term, ["search_text"])


class CreditListFilter(admin.SimpleListFilter):
    title = gettext_lazy("tác giả ảnh")
    parameter_name = "tac_gia"

    def lookups(self, request, model_admin):
        return [("co", _("Có tác giả ảnh")), ("thieu", _("Thiếu tác giả ảnh"))]

    def queryset(self, request, queryset):
        if self.value() == "co":
            return queryset.exclude(credit="")
        if self.value() == "thieu":
            return queryset.filter(credit="")
        return queryset


@admin.register(Photo)
class PhotoAdmin(admin.ModelAdmin):
    form = PhotoForm
    list_display = ["thumbnail", "caption", "credit_display", "size", "uploader", "uploaded_at"]
    list_display_links = ["thumbnail", "caption"]
    list_select_related = ["uploaded_by"]
    list_filter = [CreditListFilter, "uploaded_at"]
    list_per_page = 50
    # Searched through the folded search_text column, see get_search_results.
    search_fields = ["caption", "credit"]
    search_help_text = gettext_lazy("Tìm theo chú thích hoặc tác giả ảnh, có dấu hay không dấu.")
    fields = [
        "image",
        "focal_point",
        "focal_x",
        "focal_y",
        "caption",
        "credit",
        "alt_text",
        "uploader",
        "uploaded_at",
    ]
    # A new photo has no picture to point at yet: the centre, until it is saved.
    FOCAL_FIELDS = ("focal_point", "focal_x", "focal_y")

    class Media:
        js = ["articles/admin/photo-metadata.js", "articles/admin/photo-focal.js"]
        css = {"all": ["articles/admin/photo-focal.css"]}

    readonly_fields = ["focal_point", "uploader", "uploaded_at"]

    @admin.display(description=gettext_lazy("ảnh"))
    def thumbnail(self, photo):
        height = round(THUMB_WIDTH * photo.height / photo.width) if photo.width else THUMB_WIDTH
        return format_html(
            '<img src="{}" alt="" width="{}" height="{}" loading="lazy" class="photo-thumb">',
            thumbnail_url(photo),
            THUMB_WIDTH,
            height,
        )

    @admin.display(description=gettext_lazy("điểm lấy nét"))
    def focal_point(self, photo):
        """The photo to click on, its marker, and the crops cut around the point
        (photo-focal.js moves the marker and the crops as the point moves)."""
        if not photo.pk:
            return "—"
        social_w, social_h = settings.NEWSROOM_SOCIAL_SIZE
        card_w, card_h = settings.NEWSROOM_CARD_RATIO
        crops = [
            (photo.social, social_w / social_h, _("Khi bạn đọc chia sẻ bài (1,91:1)")),
            (
                photo.card,
                card_w / card_h,
                _("Trong danh sách bài (%(w)s:%(h)s)") % {"w": card_w, "h": card_h},
            ),
        ]
        return format_html(
            '<div class="focal-picker" data-image-width="{}" data-image-height="{}">'
            '<div class="focal-frame"><img class="focal-image" src="{}" width="{}" height="{}" '
            'alt="{}"><span class="focal-marker" hidden></span></div>'
            '<p class="focal-help">{}</p><div class="focal-crops">{}</div></div>',
            photo.width,
            photo.height,
            photo.src,
            photo.width,
            photo.height,
            _("Ảnh để chọn điểm lấy nét"),
            _(
                "Bấm vào chỗ quan trọng nhất của ảnh (gương mặt, chủ thể): ảnh chia sẻ và "
                "ảnh trong danh sách bài được cắt quanh điểm đó khi lưu. Hoặc gõ số vào "
                "hai ô bên dưới."
            ),
            format_html_join(
                "",
                '<figure class="focal-crop" data-ratio="{}"><img src="{}" alt=""{}>'
                "<figcaption>{}</figcaption></figure>",
                (
                    (f"{ratio:.4f}", crop.src, _size_attrs(crop), caption)
                    for crop, ratio, caption in crops
                ),
            ),
        )

    @admin.display(description=gettext_lazy("tác giả ảnh"), ordering="credit")
    def credit_display(self, photo):
        if photo.credit:
            return photo.credit
        return format_html(
            '<strong class="missing-credit" style="color: var(--error-fg)">{}</strong>',
            _("thiếu tác giả ảnh"),
        )

    @admin.display(description=gettext_lazy("kích thước"))
    def size(self, photo):
        return f"{photo.width} × {photo.height}"

    @admin.display(description=gettext_lazy("người tải lên"), ordering="uploaded_by__username")
    def uploader(self, photo):
        user = photo.uploaded_by
        return full_name(user)

    def get_search_results(self, request, queryset, search_term):
        return search_photos(queryset, search_term), False

    def get_changelist(self, request, **kwargs):
        return ChangeList  # date filters out of range: Django's ?e=1, not a 500

    def autocomplete_label(self, photo):
        """``Caption — Ảnh: Hoàng Tùng (1200×800, #12)`` for the lead photo autocomplete."""
        credit = f"Ảnh: {photo.credit}" if photo.credit else "chưa ghi tác giả ảnh"
        return f"{photo.caption} — {credit} ({photo.width}×{photo.height}, #{photo.pk})"

    def autocomplete_details(self, photo):
        """What the lead photo's dropdown shows of each photo besides its label: the list
        cards' crop as a thumbnail, the caption, the credit as printed under the photo."""
        return {
            "thumbnail": photo.card.src,
            "caption": photo.caption,
            "credit": photo.credit_line or "Chưa ghi tác giả ảnh",
            "size": f"{photo.width}×{photo.height}",
        }

    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        if obj is None:
            return [name for name in fields if name not in self.FOCAL_FIELDS]
        return fields

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        image = form.base_fields.get("image")
        if image is not None:  # photo-metadata.js prefills caption and credit from the file
            image.widget.attrs["data-metadata-url"] = reverse("admin:articles_photo_metadata")
        return form

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)

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
