from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PendingEdit(models.Model):
    """What was saved of a live article and is not yet on its page (issue #10).

    Saving a live article keeps the edit here instead of writing the article: readers see
    the article as it was until an editor presses "Cập nhật bài" (``publishing.publish_pending``),
    which applies it as an ordinary save. One per article: the next save replaces it. Not an
    autosave (what one person typed and did not save): this one was saved, and everyone who
    opens the article continues from it.
    """

    article = models.OneToOneField(
        "articles.Article",
        verbose_name=_("bài viết"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="pending_edit",
    )
    # The article's content as saved (publishing.CONTENT_FIELDS, then "tags": names in
    # order, "authors": user ids, "related": hand-picked article ids in order).
    data = models.JSONField(_("nội dung"), default=dict)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người lưu"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("lưu lúc"), auto_now=True)

    class Meta:
        verbose_name = _("thay đổi chưa xuất bản")
        verbose_name_plural = _("thay đổi chưa xuất bản")

    def __str__(self):
        return self.data.get("title", "")
