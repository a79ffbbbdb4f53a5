"""Which articles an article page offers under "Xem thêm"."""

from django.db.models import Case, Count, F, IntegerField, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce

from articles.candidates import union_all
from articles.models import Article, RelatedArticle, TaggedArticle

MAX_RELATED = 6
# Candidates, whatever the size of the archive (issue #9): the newest PER_TAG live articles
# of each of the article's first MAX_TAGS tags, at most MAX_PICKS hand-picked ones and the
# newest few of the section. Only these rows are scored.
PER_TAG = 200
MAX_TAGS = 10
MAX_PICKS = 50


def related_articles(article: Article, limit: int = MAX_RELATED) -> list[Article]:
    """Up to ``limit`` live articles to read next, in one query once tags are prefetched.

    The rule, in order:
    1. the articles the editor picked by hand, in the editor's order;
    2. then live articles sharing the most tags with this one (more recent first on a tie);
    3. then the latest live articles of the same section.
    Never the article itself, never one that is not live (draft, submitted, returned,
    scheduled), even when picked by hand. Tag candidates are the newest ``PER_TAG`` (by id)
    of each tag, so an old article sharing many tags may lose its place to newer ones.
    """
    tag_ids = [tag.pk for tag in article.tags.all()][:MAX_TAGS]  # prefetched on the page
    live = Article.objects.live()
    windows = [
        RelatedArticle.objects.filter(from_article=article.pk)
        .order_by("position", "pk")
        .values_list("to_article")[:MAX_PICKS],
        live.filter(section=article.section_id)
        .exclude(pk=article.pk)
        .order_by("-published_at", "-pk")
        .values_list("pk")[:limit],
    ]
    # By tag then article id, through TaggedArticle's (tag, content_object) index alone:
    # the through table has no publication date to order by, and ids grow with time. The
    # live rule is applied once, to the candidates; a window that holds a few drafts or
    # scheduled articles just offers a few candidates fewer.
    windows += [
        TaggedArticle.objects.filter(tag_id=tag_id)
        .exclude(content_object=article.pk)
        .order_by("-content_object")
        .values_list("content_object")[:PER_TAG]
        for tag_id in tag_ids
    ]
    picks = RelatedArticle.objects.filter(from_article=article.pk)
    picked = picks.filter(to_article=OuterRef("pk"))
    shared = (
        TaggedArticle.objects.filter(content_object=OuterRef("pk"), tag_id__in=tag_ids)
        .order_by()
        .values("content_object")
        .annotate(n=Count("pk"))
        .values("n")
    )
    shared_tags = Coalesce(Subquery(shared, output_field=IntegerField()), Value(0))
    candidates = (
        live.exclude(pk=article.pk)
        .filter(pk__in=union_all(windows))
        .annotate(
            # Looked up only for the picks: the IN list is read once per query, where a
            # bare subquery ran twice for each of the hundreds of candidates.
            pick_position=Case(
                When(
                    pk__in=picks.values("to_article"), then=Subquery(picked.values("position")[:1])
                )
            ),
            pick_id=Case(
                When(pk__in=picks.values("to_article"), then=Subquery(picked.values("pk")[:1]))
            ),
            shared_tags=shared_tags if tag_ids else Value(0),
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
