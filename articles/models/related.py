from django.db import models
from django.utils.translation import gettext_lazy as _

from .article import Article


class RelatedArticle(models.Model):
    from_article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="related_links"
    )
    to_article = models.ForeignKey(
        Article, verbose_name=_("bài liên quan"), on_delete=models.CASCADE, related_name="+"
    )
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("bài liên quan")
        verbose_name_plural = _("bài liên quan (chọn tay, theo thứ tự)")
        constraints = [
            models.UniqueConstraint(
                fields=["from_article", "to_article"], name="unique_related_article"
            ),
            models.CheckConstraint(
                condition=~models.Q(from_article=models.F("to_article")),
                name="related_article_not_self",
                violation_error_message=_("Bài viết không thể liên quan đến chính nó."),
            ),
        ]

    def __str__(self):
        return str(self.to_article)


class Suggestions(models.Model):
    """ "Xem thêm" of one article: the ids the rule (articles.related) chose when the article
    last changed; its page reads them and keeps those still live. A narrow table of its own:
    refreshing a million lists (``suggest_related``) writes a million small rows, not a new
    version of every article row with its body and an entry in each of its indexes."""

    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, primary_key=True, related_name="suggestions"
    )
    ids = models.JSONField(default=list)

    class Meta:
        verbose_name = _("gợi ý xem thêm")
        verbose_name_plural = _("gợi ý xem thêm")

    def __str__(self):
        return f"{self.article_id}: {self.ids}"
