from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .article import Article
from .base import NFCModel

CORRECTION_MAX_LENGTH = 1000


class Correction(NFCModel):
    """A note an editor adds to a live article after publication (issue #13): readers see
    it at the end of the article and in the feeds. Added only through
    ``publishing.add_correction``; never edited afterwards, as a printed correction is not."""

    class Kind(models.TextChoices):
        CORRECTION = "correction", _("Đính chính")
        UPDATE = "update", _("Cập nhật")

    article = models.ForeignKey(
        Article,
        verbose_name=_("bài viết"),
        on_delete=models.CASCADE,
        related_name="corrections",
    )
    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices)
    # Plain text, shown escaped: NFCModel stores it NFC, trimmed, without invisible characters.
    text = models.TextField(_("nội dung"), max_length=CORRECTION_MAX_LENGTH)
    created_at = models.DateTimeField(_("lúc"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thêm"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("đính chính")
        verbose_name_plural = _("đính chính")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.text[:60]}"
