from .article import Article, ArticleQuerySet
from .autosave import Autosave
from .banner import HotlineBanner
from .correction import Correction
from .pending import PendingEdit
from .photo import Photo, photo_upload_to
from .reads import ArticleReads
from .recent_search import RecentSearch, SearchWindow
from .related import RelatedArticle, Suggestions
from .section import Section
from .tag import Tag, TaggedArticle
from .trail import ArticleDeletion, StateChange

__all__ = [
    "Article",
    "ArticleDeletion",
    "ArticleQuerySet",
    "ArticleReads",
    "Autosave",
    "Correction",
    "HotlineBanner",
    "PendingEdit",
    "Photo",
    "RecentSearch",
    "RelatedArticle",
    "SearchWindow",
    "Section",
    "StateChange",
    "Suggestions",
    "Tag",
    "TaggedArticle",
    "photo_upload_to",
]
