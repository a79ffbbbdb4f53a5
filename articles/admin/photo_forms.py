"""Photo upload forms: one photo, or several sharing a caption and credit."""

import os

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from articles import images
from articles.models import Photo
from articles.models.photo import ALLOWED_EXTENSIONS

MAX_FILES_AT_ONCE = 50


class PhotoImageField(forms.FileField):
    """A photo file refused in Vietnamese (empty, over a limit, not an image, wrong type or
    extension), cleaned into the re-encoded file that is stored (articles.images)."""

    # Django's extension validator speaks English; the extension is checked in to_python.
    default_validators = []
    default_error_messages = {
        "required": _("Hãy chọn một tệp ảnh."),
        "empty": _("Tệp “%(name)s” rỗng."),
        "invalid": _("Không đọc được tệp tải lên; hãy chọn lại."),
        "missing": _("Không nhận được tệp; hãy chọn lại."),
        "extension": _("Tên tệp “%(name)s” phải có đuôi .jpg, .jpeg, .png hoặc .webp."),
    }

    def to_python(self, data):
        name = getattr(data, "name", "") or ""
        if data and not getattr(data, "size", 0):
            raise ValidationError(
                self.error_messages["empty"], code="empty", params={"name": name}
            )
        f = super().to_python(data)
        if f is None:
            return None
        # Size and header first: a file over a limit is refused before anything decodes it.
        image_format = images.check(f)
        if os.path.splitext(name)[1].lower().lstrip(".") not in ALLOWED_EXTENSIONS:
            raise ValidationError(
                self.error_messages["extension"], code="extension", params={"name": name}
            )
        return images.reencode(f, image_format)


class FocalPercentField(forms.FloatField):
    """One coordinate of the focal point as people read it, in per cent of the width or
    height; the model keeps the fraction (``Photo.focal_x``). Left empty, it is unchanged."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "widget", forms.NumberInput(attrs={"step": "0.1", "class": "vIntegerField"})
        )
        super().__init__(min_value=0, max_value=100, required=False, **kwargs)


class PhotoForm(forms.ModelForm):
    focal_x = FocalPercentField(
        label=_("Điểm lấy nét ngang (%)"),
        help_text=_("0 là mép trái, 100 là mép phải của ảnh."),
    )
    focal_y = FocalPercentField(
        label=_("Điểm lấy nét dọc (%)"),
        help_text=_("0 là mép trên, 100 là mép dưới của ảnh."),
    )

    class Meta:
        model = Photo
        fields = ["image", "caption", "credit", "alt_text", "focal_x", "focal_y"]
        field_classes = {"image": PhotoImageField}
        widgets = {
            "image": forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
            "caption": forms.Textarea(attrs={"rows": 2, "cols": 60}),
        }
        error_messages = {
            "caption": {"required": _("Hãy viết chú thích cho ảnh.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Left empty, the caption and credit come from the file's own metadata (clean).
        self.fields["caption"].required = False
        for name in ("focal_x", "focal_y"):
            self.initial[name] = round(getattr(self.instance, name) * 100, 1)

    def _clean_focal(self, name):
        percent = self.cleaned_data.get(name)
        if percent is None:  # left empty, or not sent (the editor's upload dialog)
            return getattr(self.instance, name)
        return percent / 100

    def clean_focal_x(self):
        return self._clean_focal("focal_x")

    def clean_focal_y(self):
        return self._clean_focal("focal_y")

    def clean(self):
        cleaned = super().clean()
        image = cleaned.get("image")
        missing = [name for name in ("caption", "credit") if not cleaned.get(name)]
        if image and missing and not self.instance.pk:
            # What the photo desk wrote in the file (IPTC, XMP): the form's own prefill,
            # also for an upload made without the page's script.
            written = images.describe(image)
            for name in missing:
                if written[name]:
                    cleaned[name] = written[name]
        if not cleaned.get("caption") and "caption" not in self.errors:
            self.add_error(
                "caption", ValidationError(_("Hãy viết chú thích cho ảnh."), "required")
            )
        return cleaned


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultiplePhotoField(forms.FileField):
    """Several files from one ``<input multiple>``; each is checked on its own by PhotoForm."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if not files:
            raise ValidationError(_("Hãy chọn ít nhất một tệp ảnh."), code="required")
        if len(files) > MAX_FILES_AT_ONCE:
            raise ValidationError(
                _("Mỗi lần tải tối đa %(max)s ảnh."),
                code="too_many",
                params={"max": MAX_FILES_AT_ONCE},
            )
        return files


class MultiUploadForm(forms.Form):
    """Several photos at once. Each has its own caption, credit and alt text when the page's
    script (photo-multi-upload.js) is there (``caption-0``, ``credit-0``… in the order of
    the files), prefilled from the file; the shared fields fill what a photo leaves empty,
    and the file's own IPTC/XMP caption and credit what both leave empty (PhotoForm)."""

    images = MultiplePhotoField(
        label=_("Các tệp ảnh"),
        widget=MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    caption = forms.CharField(
        label=_("Chú thích chung"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 60}),
        help_text=_(
            "Cho ảnh nào không có chú thích riêng hay chú thích ghi sẵn trong tệp; "
            "sửa riêng từng ảnh sau trong thư viện."
        ),
    )
    credit = forms.CharField(
        label=_("Tác giả ảnh chung"),
        max_length=100,
        required=False,
        help_text=_("Tên người chụp, ví dụ Hoàng Tùng."),
    )
    alt_text = forms.CharField(
        label=_("Mô tả cho người khiếm thị"),
        max_length=300,
        required=False,
        help_text=_("Để trống sẽ dùng chú thích."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["images"].help_text = _(
            "Chọn một hoặc nhiều ảnh JPEG, PNG hoặc WebP, mỗi ảnh tối đa %(limit)s MB."
        ) % {"limit": settings.NEWSROOM_MAX_UPLOAD_MB}

    def photo_forms(self):
        """One bound PhotoForm per uploaded file: its own fields, else the shared ones.

        Made one at a time, so each decoded and re-encoded file is let go once it is saved.
        """
        shared = {name: self.cleaned_data[name] for name in ("caption", "credit", "alt_text")}
        for number, f in enumerate(self.cleaned_data["images"]):
            own = {name: self.data.get(f"{name}-{number}", "").strip() for name in shared}
            data = {name: own[name] or shared[name] for name in shared}
            yield f, PhotoForm(data=data, files={"image": f})
