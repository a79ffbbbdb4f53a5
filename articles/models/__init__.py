from .article import Article, ArticleQuerySet, RelatedArticle, StateChange, Suggestions
from .autosave import Autosave
from .banner import HotlineBanner
from .pending import PendingEdit
from .photo import Photo, photo_upload_to
from .recent_search import RecentSearch, SearchWindow
from .section import Section
from .tag import Tag, TaggedArticle

__all__ = [
    "Article",
    "ArticleQuerySet",
    "Autosave",
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
