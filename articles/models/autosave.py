from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Autosave(models.Model):
    """What one person typed in an article's form and has not saved yet (issue #10).

    The form sends it every few seconds of inactivity and when the page is left
    (``articles/autosave.py``). It is not a revision: the article, its ``version``, its state
    and its history are untouched. One per person and article; a new article that was never
    saved has its own rows (``article`` empty), listed under "Bản nháp của tôi".
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người viết"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    article = models.ForeignKey(
        "articles.Article",
        verbose_name=_("bài viết"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="autosaves",
    )
    # The form's fields as it sent them: {name: [value, …]} (articles.autosave.FIELDS).
    data = models.JSONField(_("nội dung"), default=dict)
    # The article's version the form had loaded: restoring puts it back in the form, so the
    # version check decides whether someone saved in between.
    base_version = models.PositiveIntegerField(null=True, blank=True)
    saved_at = models.DateTimeField(_("lưu tự động lúc"), auto_now=True)

    class Meta:
        ordering = ["-saved_at", "-pk"]
        verbose_name = _("bản lưu tự động")
        verbose_name_plural = _("bản lưu tự động")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "article"],
                condition=models.Q(article__isnull=False),
                name="one_autosave_per_user_and_article",
            )
        ]
        indexes = [models.Index(fields=["user", "-saved_at"], name="autosave_user_idx")]

    def __str__(self):
        return self.title or _("(chưa có tiêu đề)")

    @property
    def title(self) -> str:
        return (self.data.get("title") or [""])[0]
