"""Reads in the article admin (issue #13): a "lượt đọc" column and a figure on the form.

The column is the folded total (``ArticleReads``, written by ``manage.py fold_reads``),
annotated on the list's query: one index probe per row shown, no query per row. The form
adds the last seven days and what Redis has counted today and not folded yet.
"""

from datetime import timedelta

from django.contrib import admin
from django.db.models import IntegerField, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from articles import cachesafe
from articles.models import ArticleReads
from articles.reads import store


def figure(number: int) -> str:
    """12345 as Vietnamese write it: 12.345."""
    return f"{number:,}".replace(",", ".")


def total_reads():
    """An article's folded reads, every day: for ``annotate`` over a bounded page of rows."""
    per_article = (
        ArticleReads.objects.filter(article=OuterRef("pk"))
        .order_by()
        .values("article")
        .annotate(total=Sum("count"))
        .values("total")
    )
    return Coalesce(Subquery(per_article, output_field=IntegerField()), 0)


def counted_today(pk: int) -> int | None:
    """What Redis counted for the article today (folded or not); None without Redis."""
    redis = store.client()
    if redis is None:
        return None
    key = store.day_key(timezone.localdate(), store.SITE)
    score = cachesafe.call(redis.zscore, key, pk, fallback=False)
    return None if score is False else int(score or 0)


class ArticleReadsMixin:
    def get_queryset(self, request):
        qs = super().get_queryset(request)
        match = request.resolver_match
        if match and match.url_name == "articles_article_changelist":
            qs = qs.annotate(reads_total=total_reads())
        return qs

    @admin.display(description="lượt đọc")
    def reads_column(self, obj):
        return figure(getattr(obj, "reads_total", 0) or 0)

    @admin.display(description="lượt đọc")
    def reads_summary(self, obj):
        if obj is None or obj.pk is None:
            return "Chưa có: bài chưa được lưu."
        week_start = timezone.localdate() - timedelta(days=6)
        sums = ArticleReads.objects.filter(article=obj).aggregate(
            total=Coalesce(Sum("count"), 0),
            week=Coalesce(Sum("count", filter=Q(day__gte=week_start)), 0),
        )
        parts = [
            f"Tổng đã gộp: {figure(sums['total'])}",
            f"7 ngày qua: {figure(sums['week'])}",
        ]
        today = counted_today(obj.pk)
        if today is None:
            parts.append("hôm nay: không đếm được (bộ đếm cần Redis)")
        else:
            parts.append(f"hôm nay đến giờ: {figure(today)}")
        return " · ".join(parts) + "."
