from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from articles.links import path_to
from articles.text import derive_slug

from .base import NFCModel

SLUG_MAX_LENGTH = 100


class Section(NFCModel):
    name = models.CharField(_("tên chuyên mục"), max_length=100)
    slug = models.SlugField(
        _("đường dẫn"),
        max_length=SLUG_MAX_LENGTH,
        unique=True,
        blank=True,
        help_text=_("Để trống để tạo tự động từ tên, không dấu."),
    )
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("chuyên mục cha"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    description = models.TextField(_("mô tả"), blank=True)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("chuyên mục")
        verbose_name_plural = _("chuyên mục")

    def __str__(self):
        return f"{self.parent.name} › {self.name}" if self.parent_id else self.name

    def clean(self):
        if self.parent_id:
            if self.parent_id == self.pk:
                raise ValidationError({"parent": _("Chuyên mục không thể là cha của chính nó.")})
            if self.parent.parent_id:
                raise ValidationError(
                    {"parent": _("Chỉ có một cấp chuyên mục con: hãy chọn chuyên mục gốc.")}
                )
        self.normalize_text()
        if not self.slug:
            self.slug = self._free_slug()

    def save(self, *args, **kwargs):
        self.normalize_text()
        if not self.slug:
            self.slug = self._free_slug()
        super().save(*args, **kwargs)

    def _free_slug(self) -> str:
        """A slug made from the name, never empty, never one another section has."""
        others = Section.objects.exclude(pk=self.pk)
        return derive_slug(
            self.name,
            fallback="chuyen-muc",
            max_length=SLUG_MAX_LENGTH,
            taken=lambda slug: others.filter(slug=slug).exists(),
        )

    def get_absolute_url(self):
        return path_to("articles:section", slug=self.slug)
