from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .article import Article


class ArticleDeletion(models.Model):
    """An article deleted through ``publishing.delete``: who, when, and what it was. Kept
    after the article's row and its ``StateChange`` trail are gone (they cascade with it)."""

    article_id = models.PositiveBigIntegerField(_("mã bài"), db_index=True)
    title = models.CharField(_("tiêu đề"), max_length=250)
    from_status = models.CharField(
        _("trạng thái khi xoá"), max_length=20, choices=Article.Status.choices
    )
    published_at = models.DateTimeField(_("giờ xuất bản"), null=True, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người xoá"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    system = models.CharField(_("hệ thống"), max_length=40, blank=True)
    at = models.DateTimeField(_("lúc"), default=timezone.now)
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("bài đã xoá")
        verbose_name_plural = _("bài đã xoá")

    def __str__(self):
        return f"#{self.article_id} {self.title}"
