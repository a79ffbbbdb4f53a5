"""Photo upload forms: one photo, or several sharing a caption and credit."""

import os

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from articles.models import Photo
from articles.models.photo import ALLOWED_EXTENSIONS

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_FILES_AT_ONCE = 50
# Pillow's format names we accept, as a journalist reads them.
ACCEPTED_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP"}


class PhotoImageField(forms.ImageField):
    """An image field whose every refusal is in Vietnamese: not an image, wrong type, too big."""

    # Django's extension validator speaks English; the extension is checked in to_python.
    default_validators = []
    default_error_messages = {
        "required": _("Hãy chọn một tệp ảnh."),
        "empty": _("Tệp “%(name)s” rỗng."),
        "invalid": _("Không đọc được tệp tải lên; hãy chọn lại."),
        "missing": _("Không nhận được tệp; hãy chọn lại."),
        "invalid_image": _(
            "Tệp “%(name)s” không phải là ảnh hoặc ảnh bị hỏng. Hãy chọn ảnh JPEG, PNG hoặc WebP."
        ),
        "too_large": _("Tệp “%(name)s” nặng %(size)s MB, vượt giới hạn 10 MB."),
        "format": _("Ảnh “%(name)s” có định dạng %(format)s; chỉ nhận JPEG, PNG hoặc WebP."),
        "extension": _("Tên tệp “%(name)s” phải có đuôi .jpg, .jpeg, .png hoặc .webp."),
    }

    def to_python(self, data):
        name = getattr(data, "name", "") or ""
        if data and getattr(data, "size", 0) > MAX_UPLOAD_BYTES:
            size = f"{data.size / 1024 / 1024:.1f}".replace(".", ",")
            raise ValidationError(
                self.error_messages["too_large"],
                code="too_large",
                params={"name": name, "size": size},
            )
        if data and not getattr(data, "size", 0):
            raise ValidationError(
                self.error_messages["empty"], code="empty", params={"name": name}
            )
        try:
            f = super().to_python(data)
        except ValidationError as error:
            if error.code == "invalid_image":
                raise ValidationError(
                    self.error_messages["invalid_image"],
                    code="invalid_image",
                    params={"name": name},
                ) from error
            raise
        if f is None:
            return None
        image_format = getattr(getattr(f, "image", None), "format", None)
        if image_format not in ACCEPTED_FORMATS:
            raise ValidationError(
                self.error_messages["format"],
                code="format",
                params={"name": name, "format": image_format or "?"},
            )
        if os.path.splitext(name)[1].lower().lstrip(".") not in ALLOWED_EXTENSIONS:
            raise ValidationError(
                self.error_messages["extension"], code="extension", params={"name": name}
            )
        return f


class PhotoForm(forms.ModelForm):
    class Meta:
        model = Photo
        fields = ["image", "caption", "credit", "alt_text"]
        field_classes = {"image": PhotoImageField}
        widgets = {
            "image": forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
            "caption": forms.Textarea(attrs={"rows": 2, "cols": 60}),
        }
        error_messages = {
            "caption": {"required": _("Hãy viết chú thích cho ảnh.")},
        }


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
    images = MultiplePhotoField(
        label=_("Các tệp ảnh"),
        widget=MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        help_text=_("Chọn một hoặc nhiều ảnh JPEG, PNG hoặc WebP, mỗi ảnh tối đa 10 MB."),
    )
    caption = forms.CharField(
        label=_("Chú thích chung"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 60}),
        help_text=_("Gán cho mọi ảnh; sửa riêng từng ảnh sau trong thư viện."),
        error_messages={"required": _("Hãy viết chú thích chung cho các ảnh.")},
    )
    credit = forms.CharField(
        label=_("Tác giả ảnh"),
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

    def photo_forms(self):
        """One bound PhotoForm per uploaded file, sharing caption, credit and alt text."""
        shared = {name: self.cleaned_data[name] for name in ("caption", "credit", "alt_text")}
        files = self.cleaned_data["images"]
        return [(f, PhotoForm(data=shared, files={"image": f})) for f in files]
