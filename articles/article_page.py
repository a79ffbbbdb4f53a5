"""What an article page reads (issue #9): at most three queries, each compiled once per
process (``articles.prepared``), whatever the size of the archive.

1. The live article (``read``): its section and the section's parent, its lead photo, its
   stored "Xem thêm" ids, and in JSON text columns its authors, tags and corrections (one
   probe of each table's article index; ``articles.json_rows``).
2. The photos its body shows, by id (``body_photos``; no query when it shows none).
3. Its "Xem thêm" articles still live, by id (``articles.related.related_articles``).

A preview reads its article its own way and gets the authors and tags here by a query each.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.utils import timezone

from articles import richtext
from articles.corrections import with_corrections
from articles.json_rows import folded, instance, unfolded
from articles.models import Article, Photo, Tag, TaggedArticle
from articles.prepared import ID, IDS, MOMENT, Prepared

AUTHORS = "authors_json"
TAGS = "tags_json"


def _article(pk, now):
    articles = (
        Article.objects.live(now)
        .without_search_columns()
        .select_related("section__parent", "lead_photo", "suggestions")
        .annotate(
            **{
                # In the order they were added, as article.authors.all() and the
                # article's tags (ArticleTagManager) read them.
                AUTHORS: folded(
                    Article.authors.through.objects.all(),
                    "article",
                    row="id",
                    id="user_id",
                    username="user__username",
                    first_name="user__first_name",
                    last_name="user__last_name",
                ),
                TAGS: folded(
                    TaggedArticle.objects.all(),
                    "content_object",
                    row="id",
                    id="tag_id",
                    name="tag__name",
                    slug="tag__slug",
                ),
            }
        )
    )
    return with_corrections(articles).filter(pk=pk)


_ARTICLE = Prepared(_article, pk=ID, now=MOMENT)
_PHOTOS = Prepared(lambda ids: Photo.objects.filter(pk__in=ids), ids=IDS)


def read(pk: int) -> Article | None:
    """The live article ``pk`` with what its page shows beside the body; None if not live."""
    found = _ARTICLE(pk=pk, now=timezone.now())
    return found[0] if found else None


def body_photos(article: Article) -> dict[int, Photo]:
    """The library photos the article's body shows, by id (deleted ones are not there)."""
    return {photo.pk: photo for photo in _PHOTOS(ids=richtext.photo_ids(article.body))}


def authors_of(article: Article) -> list:
    """The article's authors (with only their names read), from ``read`` or by a query."""
    if not hasattr(article, AUTHORS):
        return list(article.authors.all()) if article.pk else []
    fields = ("id", "username", "first_name", "last_name")
    return _instances(article, AUTHORS, get_user_model(), fields)


def tags_of(article: Article) -> list[Tag]:
    """The article's tags in the journalist's order, from ``read`` or by a query."""
    if not hasattr(article, TAGS):
        return list(article.tags.all()) if article.pk else []
    return _instances(article, TAGS, Tag, ("id", "name", "slug"))


def _instances(article: Article, column: str, model, fields) -> list:
    """The rows folded in ``column`` by ``read``, as ``model`` instances, in row order."""
    return [
        instance(model, article._state.db, {f: item[f] for f in fields})
        for item in unfolded(getattr(article, column), order="row")
    ]
