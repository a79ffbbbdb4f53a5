"""What the article admin shows beside the form's fields: authors, state, the lead photo
and which photo shares show, the body as readers see it, autocomplete labels."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from articles import dates, richtext
from articles.models import Photo
from articles.names import full_name

from . import revisions

NO_LEAD_PHOTO = "Chưa chọn ảnh đại diện."
LEAD_PHOTO_NO_CREDIT = "— chưa ghi tác giả ảnh"
# Which photo readers' shares show (Article.share_photo); {caption} filled in.
SHARE_LEAD = "Ảnh khi bạn đọc chia sẻ bài: ảnh đại diện này."
SHARE_BODY = "Ảnh khi bạn đọc chia sẻ bài: ảnh đầu tiên trong thân bài, “{caption}”."
SHARE_NONE = (
    "Ảnh khi bạn đọc chia sẻ bài: không có ảnh (bài chưa có ảnh đại diện hay ảnh trong thân bài)."
)


def share_note(lead_photo, first_body_photo) -> str:
    if lead_photo is not None:
        return SHARE_LEAD
    if first_body_photo is not None:
        return SHARE_BODY.format(caption=first_body_photo.caption)
    return SHARE_NONE


class ArticleDisplayMixin:
    @admin.display(description="tác giả")
    def authors_list(self, obj):
        return ", ".join(full_name(a) for a in obj.authors.all())

    @admin.display(description="trạng thái", ordering="status")
    def state(self, obj):
        if getattr(obj, "has_pending_edit", False):
            return format_html(
                '{} <span class="pending-marker">· có thay đổi chưa xuất bản</span>',
                revisions.state_label(obj),
            )
        return revisions.state_label(obj)

    @admin.display(description="ảnh đại diện đã chọn")
    def lead_photo_thumbnail(self, obj):
        """The lead photo as list cards show it, and which photo readers' shares show;
        lead-photo.js changes both as soon as another lead photo is picked."""
        photo = obj.lead_photo if obj and obj.lead_photo_id else None
        fallback = obj.first_body_photo() if obj and obj.pk else None
        if photo is not None:
            crop = photo.card
            image = format_html(
                '<img class="lead-photo-image" src="{}" alt="{}" width="{}" height="{}">',
                crop.src,
                photo.alt,
                crop.width,
                crop.height,
            )
            caption = f"{photo.caption} {photo.credit_line or LEAD_PHOTO_NO_CREDIT}"
        else:
            image = mark_safe('<img class="lead-photo-image" alt="" hidden>')
            caption = NO_LEAD_PHOTO
        return format_html(
            '<div class="lead-photo-preview" data-card-url="{}" data-no-photo="{}" '
            'data-no-credit="{}">{}<p class="lead-photo-caption">{}</p>'
            '<p class="share-photo-note" role="status" data-lead="{}" data-body="{}" '
            'data-none="{}">{}</p></div>',
            reverse("admin:articles_photo_card", args=[0]),
            NO_LEAD_PHOTO,
            LEAD_PHOTO_NO_CREDIT,
            image,
            caption,
            SHARE_LEAD,
            SHARE_BODY,
            SHARE_NONE,
            share_note(photo, fallback),
        )

    @admin.display(description="nội dung")
    def body_text(self, obj):
        # The read-only page shows the body as readers will, figures with their caption
        # and credit (issue #10), never the stored markup or "[Ảnh #46]".
        if obj is None:
            return ""
        photos = Photo.objects.in_bulk(richtext.photo_ids(obj.body))
        rendered = richtext.render_body(obj.body, photos, eager=0)  # sanitised
        return format_html('<div class="readonly-body">{}</div>', rendered)

    def autocomplete_label(self, obj):
        """``Tiêu đề — Thời sự · 08/03/2025 · Đã xuất bản``: enough to pick the right one."""
        when = dates.format_date(obj.published_at) or "chưa có ngày xuất bản"
        return f"{obj.title} — {obj.section} · {when} · {revisions.state_label(obj)}"
