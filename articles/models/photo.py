import math
import os
import uuid
from typing import NamedTuple

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from PIL import Image

from articles import images
from articles.text import search_fold

from .base import NFCModel

ALLOWED_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
FOCAL_POINT_OUTSIDE = _(
    "Điểm lấy nét phải nằm trong ảnh: mỗi toạ độ từ 0 đến 1, tức từ 0 đến 100 phần trăm."
)


def photo_upload_to(instance, filename):
    ext = os.path.splitext(filename)[1].lower() or ".jpg"
    return f"photos/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{ext}"


class PhotoFileField(models.ImageField):
    """Django's ImageField, except that a file too big for Pillow to tell its size leaves
    width and height at 0 instead of raising from ``Photo(image=...)``: ``Photo.clean()`` and
    ``Photo.save()`` refuse it, with the reason in Vietnamese (articles.images)."""

    def update_dimension_fields(self, instance, force=False, *args, **kwargs):
        try:
            super().update_dimension_fields(instance, force, *args, **kwargs)
        except Image.DecompressionBombError:
            setattr(instance, self.width_field, 0)
            setattr(instance, self.height_field, 0)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        # Migrations see Django's ImageField: nothing in the database differs.
        return name, "django.db.models.ImageField", args, kwargs


class Photo(NFCModel):
    image = PhotoFileField(
        _("ảnh"),
        upload_to=photo_upload_to,
        width_field="width",
        height_field="height",
        validators=[FileExtensionValidator(ALLOWED_EXTENSIONS)],
        help_text=_("JPEG, PNG hoặc WebP."),
    )
    caption = models.TextField(_("chú thích"), max_length=500)
    credit = models.CharField(
        _("tác giả ảnh"),
        max_length=100,
        blank=True,
        help_text=_("Tên người chụp, ví dụ Hoàng Tùng. Trang đọc hiện “Ảnh: Hoàng Tùng.”"),
    )
    alt_text = models.CharField(
        _("mô tả cho người khiếm thị"),
        max_length=300,
        blank=True,
        help_text=_("Để trống sẽ dùng chú thích."),
    )
    width = models.PositiveIntegerField(_("rộng (px)"), editable=False, default=0)
    height = models.PositiveIntegerField(_("cao (px)"), editable=False, default=0)
    # Storage names of the WebP renditions by width, plus a JPEG fallback; made once
    # by articles.renditions when the file is saved, read by reader pages as they are.
    renditions = models.JSONField(_("bản thu nhỏ"), default=dict, blank=True, editable=False)
    # Where the crops (the social image, list cards) are centred, as fractions of the width
    # and of the height from the top left corner: 0.5, 0.5 is the middle (issue #10).
    focal_x = models.FloatField(_("điểm lấy nét ngang"), default=0.5)
    focal_y = models.FloatField(_("điểm lấy nét dọc"), default=0.5)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người tải lên"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    uploaded_at = models.DateTimeField(_("tải lên lúc"), auto_now_add=True)
    # Accent-folded caption and credit for accent-insensitive search (articles.text.search_fold).
    search_text = models.TextField(editable=False, default="")

    class Meta:
        ordering = ["-uploaded_at", "-pk"]
        verbose_name = _("ảnh")
        verbose_name_plural = _("thư viện ảnh")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(focal_x__gte=0, focal_x__lte=1, focal_y__gte=0, focal_y__lte=1),
                name="photo_focal_point_inside",
                violation_error_message=FOCAL_POINT_OUTSIDE,
            )
        ]

    def __str__(self):
        return self.caption[:80]

    def clean(self):
        self.credit = _strip_credit_prefix(self.credit)
        self._check_focal_point()
        if self._needs_reencoding():
            try:
                images.check(self.image)
            except ValidationError as error:
                raise ValidationError({"image": error}) from None

    def save(self, *args, **kwargs):
        from articles import renditions

        self.credit = _strip_credit_prefix(self.credit)
        self.search_text = search_fold(f"{self.caption} {self.credit}")
        self._check_focal_point()  # the shell and importers too, before the database says no
        file_changed = self._has_new_file()
        # Every door (forms, shell, importers) stores a re-encoded file within the limits;
        # the admin's forms re-encode while validating, so their file is stored as it is.
        if self._needs_reencoding():
            try:
                self.image = images.reencode(self.image)
            except ValidationError as error:
                raise ValidationError({"image": error}) from None
        super().save(*args, **kwargs)
        if self.image and (file_changed or not self.renditions):
            renditions.make(self)
        elif self.image and not renditions.crops_are_current(self):
            renditions.make_crops(self)  # the focal point moved (or a row from before crops)

    def _check_focal_point(self):
        errors = {
            name: FOCAL_POINT_OUTSIDE
            for name in ("focal_x", "focal_y")
            if not _is_fraction(getattr(self, name))
        }
        if errors:
            raise ValidationError(errors)

    def _has_new_file(self):
        return bool(self.image) and not getattr(self.image, "_committed", True)

    def _needs_reencoding(self):
        # A file reencode() wrote (the admin's forms) was checked when it was made.
        return self._has_new_file() and not isinstance(self.image.file, images.ReencodedImage)

    @property
    def alt(self):
        return self.alt_text or self.caption

    @property
    def credit_line(self):
        """``Ảnh: Hoàng Tùng.`` as printed under the photo; empty when no credit."""
        return f"Ảnh: {self.credit.rstrip('.')}." if self.credit else ""

    def facts(self) -> dict:
        """What a photo says about itself, as the editor's picker and the read API give it."""
        return {
            "id": self.pk,
            "caption": self.caption,
            "credit": self.credit,
            "credit_line": self.credit_line,
            "alt": self.alt,
            "width": self.width,
            "height": self.height,
        }

    def _url(self, name):
        return default_storage.url(name)

    def _srcset(self, sizes) -> str:
        return ", ".join(f"{self._url(name)} {width}w" for width, name in sizes)

    @property
    def srcset(self):
        return self._srcset(self.renditions.get("webp", []))

    @property
    def src(self):
        """A widely supported fallback for browsers that ignore ``srcset``."""
        name = self.renditions.get("fallback")
        return self._url(name) if name else self.image.url

    def rendition_name(self, min_width: int) -> str:
        """Storage name of the smallest WebP rendition at least ``min_width`` wide, else the
        widest; the JPEG fallback (or the original) for a photo without renditions. The
        one choice by width: feeds' enclosures, admin thumbnails, the uncropped share."""
        sizes = self.renditions.get("webp", [])
        for width, name in sizes:
            if width >= min_width:
                return name
        return sizes[-1][1] if sizes else self.renditions.get("fallback") or self.image.name

    def rendition_url(self, min_width: int) -> str:
        """The URL of ``rendition_name(min_width)``."""
        return self._url(self.rendition_name(min_width))

    @property
    def card(self) -> "Crop":
        """The list cards' crop (``NEWSROOM_CARD_RATIO``, around the focal point); the whole
        photo for a row whose crops were never made."""
        card = self.renditions.get("card")
        if not card:
            return Crop(self.src, self.srcset, self.width, self.height)
        return Crop(self._url(card["fallback"]), self._srcset(card["webp"]), *card["size"])

    @property
    def social(self) -> "Crop":
        """The JPEG that shares show (``NEWSROOM_SOCIAL_SIZE``, around the focal point); for a
        row whose crops were never made, a whole-photo rendition of unknown size (0 × 0)."""
        social = self.renditions.get("social")
        if not social:
            return Crop(self.rendition_url(1200), "", 0, 0)
        return Crop(self._url(social["name"]), "", *social["size"])


class Crop(NamedTuple):
    src: str
    srcset: str
    width: int
    height: int


def _is_fraction(value) -> bool:
    try:
        value = float(value)
    except (TypeError, ValueError):
        return False
    return math.isfinite(value) and 0 <= value <= 1


def _strip_credit_prefix(credit):
    credit = (credit or "").strip()
    for prefix in ("Ảnh:", "ảnh:", "Ảnh :", "Photo:"):
        if credit.startswith(prefix):
            credit = credit[len(prefix) :].strip()
    return credit.rstrip(".").strip()
