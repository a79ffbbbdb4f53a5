from django.db import models
from django.utils.translation import gettext_lazy as _


class ArticleReads(models.Model):
    """How many times an article was read on one day (local date), folded from Redis.

    Reads are counted in Redis, never with a database write per read (``articles/reads/``);
    ``manage.py fold_reads`` copies each day's totals here, where editors see them in the
    admin. Folding sets the day's count, so running it again for the same day is harmless.
    """

    # The unique (article, day) index leads with the article: no second index for the key.
    article = models.ForeignKey(
        "articles.Article",
        verbose_name=_("bài viết"),
        on_delete=models.CASCADE,
        related_name="daily_reads",
        db_index=False,
    )
    day = models.DateField(_("ngày"))
    count = models.PositiveIntegerField(_("lượt đọc"), default=0)

    class Meta:
        verbose_name = _("lượt đọc trong ngày")
        verbose_name_plural = _("lượt đọc theo ngày")
        constraints = [
            models.UniqueConstraint(fields=["article", "day"], name="one_reads_row_per_day")
        ]

    def __str__(self):
        return f"{self.article_id} · {self.day:%d/%m/%Y}: {self.count}"
