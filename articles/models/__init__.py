from .article import Article, ArticleQuerySet, RelatedArticle, StateChange
from .banner import HotlineBanner
from .photo import Photo, photo_upload_to
from .section import Section
from .tag import Tag, TaggedArticle

__all__ = [
    "Article",
    "ArticleQuerySet",
    "HotlineBanner",
    "Photo",
    "RelatedArticle",
    "Section",
    "StateChange",
    "Tag",
    "TaggedArticle",
    "photo_upload_to",
]
