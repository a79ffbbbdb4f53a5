"""Which articles an article page offers under "Xem thêm"."""

from django.db.models import Count, F, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

from articles.models import Article, RelatedArticle, TaggedArticle

MAX_RELATED = 6


def related_articles(article: Article, limit: int = MAX_RELATED) -> list[Article]:
    """Up to ``limit`` live articles to read next, in one query, whatever their number.

    The rule, in order:
    1. the articles the editor picked by hand, in the editor's order;
    2. then live articles sharing the most tags with this one (more recent first on a tie);
    3. then the latest live articles of the same section.
    Never the article itself, never one that is not live (draft, submitted, returned,
    scheduled), even when picked by hand.
    """
    picked = RelatedArticle.objects.filter(from_article=article.pk, to_article=OuterRef("pk"))
    own_tags = TaggedArticle.objects.filter(content_object=article.pk).values("tag_id")
    shared = (
        TaggedArticle.objects.filter(content_object=OuterRef("pk"), tag_id__in=own_tags)
        .order_by()
        .values("content_object")
        .annotate(n=Count("pk"))
        .values("n")
    )
    # Candidates are restricted with semi-joins (picked, tagged alike, same section) so the
    # database never scores the whole archive; only these rows get the two subqueries.
    candidates = (
        Article.objects.live()
        .exclude(pk=article.pk)
        .filter(
            Q(pk__in=RelatedArticle.objects.filter(from_article=article.pk).values("to_article"))
            | Q(pk__in=TaggedArticle.objects.filter(tag_id__in=own_tags).values("content_object"))
            | Q(section=article.section_id)
        )
        .annotate(
            pick_position=Subquery(picked.values("position")[:1]),
            pick_id=Subquery(picked.values("pk")[:1]),
            shared_tags=Coalesce(Subquery(shared, output_field=IntegerField()), Value(0)),
        )
        .select_related("section")
        .order_by(
            F("pick_position").asc(nulls_last=True),
            F("pick_id").asc(nulls_last=True),
            "-shared_tags",
            "-published_at",
            "-pk",
        )
    )
    return list(candidates[:limit])
