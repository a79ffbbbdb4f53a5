"""The photo library's admin: the list, search, filters and the photo form with its focal
point; its own pages (the editor's picker, uploads) are in ``photo_views``."""

from django.conf import settings
from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from articles.models import Photo
from articles.names import full_name

from .changelist import ChangeList
from .photo_forms import PhotoForm
from .photo_views import PhotoViewsMixin, search_photos, thumbnail_url

THUMB_WIDTH = 96


def _size_attrs(crop):
    if not crop.width:
        return ""
    return format_html(' width="{}" height="{}"', crop.width, crop.height)


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
class PhotoAdmin(PhotoViewsMixin, admin.ModelAdmin):
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
