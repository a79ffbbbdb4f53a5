from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.names import full_name

from .article import Article


class TrailEntry(models.Model):
    """Who, when and why, as each row of the editorial trail holds them
    (``publishing.trail.signed``)."""

    published_at = models.DateTimeField(_("giờ xuất bản"), null=True, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # A system caller (publishing.System: a seed command, an importer) that made the change
    # without permission checks; empty for a person's own action.
    system = models.CharField(_("hệ thống"), max_length=40, blank=True)
    at = models.DateTimeField(_("lúc"), default=timezone.now)
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        abstract = True
        ordering = ["at", "pk"]

    @property
    def who(self) -> str:
        """Who the trail names: the person, the system caller that wrote it, or both."""
        person = full_name(self.by) if self.by_id else ""
        if not self.system:
            return person or full_name(None)
        return f"{person} ({self.system})" if person else f"Hệ thống ({self.system})"


class StateChange(TrailEntry):
    """One step of an article's editorial trail: who moved it, when, from, to, and why."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="state_changes")
    from_status = models.CharField(_("từ"), max_length=20, choices=Article.Status.choices)
    to_status = models.CharField(_("sang"), max_length=20, choices=Article.Status.choices)

    class Meta(TrailEntry.Meta):
        verbose_name = _("chuyển trạng thái")
        verbose_name_plural = _("lịch sử duyệt bài")

    def __str__(self):
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"


class ArticleDeletion(TrailEntry):
    """An article deleted through ``publishing.delete``: who, when, and what it was. Kept
    after the article's row and its ``StateChange`` trail are gone (they cascade with it)."""

    article_id = models.PositiveBigIntegerField(_("mã bài"), db_index=True)
    title = models.CharField(_("tiêu đề"), max_length=250)
    from_status = models.CharField(
        _("trạng thái khi xoá"), max_length=20, choices=Article.Status.choices
    )

    class Meta(TrailEntry.Meta):
        verbose_name = _("bài đã xoá")
        verbose_name_plural = _("bài đã xoá")

    def __str__(self):
        return f"#{self.article_id} {self.title}"
