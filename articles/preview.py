"""Signed, expiring preview links: any article, in the reader's template, never indexed.

An article with a pending edit (a live article's saved changes waiting for "Cập nhật bài")
is previewed as that edit will show: its fields, tags, authors and hand-picked "Xem thêm".
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers

from articles import publishing, views
from articles.models import Article, PendingEdit, Tag
from articles.related import MAX_RELATED

MAX_AGE = timedelta(days=7)
_SALT = "articles.preview"


def make_token(article: Article) -> str:
    """A token naming ``article``, signed with SECRET_KEY and stamped with the time."""
    return signing.TimestampSigner(salt=_SALT).sign(str(article.pk))


def preview_url(article: Article) -> str:
    """The path of ``article``'s preview, valid for ``MAX_AGE``."""
    return reverse("article_preview", kwargs={"token": make_token(article)})


@views.read_methods
def article_preview(request, token):
    try:
        pk = signing.TimestampSigner(salt=_SALT).unsign(token, max_age=MAX_AGE)
    except signing.BadSignature as error:  # SignatureExpired is a BadSignature too
        raise Http404("Đường dẫn xem trước không hợp lệ hoặc đã hết hạn.") from error
    articles = Article.objects.select_related("section__parent", "lead_photo").prefetch_related(
        "authors", "tags"
    )
    article = get_object_or_404(articles, pk=pk)
    pending = publishing.pending_of(article)
    if pending is None:
        # The reader view's own context, so the preview shows what readers will see.
        context = views.article_context(article, preview=True)
    else:
        context = pending_context(article, pending)
    response = TemplateResponse(request, "articles/article_detail.html", context)
    response["X-Robots-Tag"] = "noindex, nofollow"
    add_never_cache_headers(response)
    response["Cache-Control"] += ", private"
    return response


def pending_context(article: Article, pending: PendingEdit) -> dict:
    """The reader view's context for ``article`` as its pending edit will show it."""
    edited = publishing.pending_article(article, pending)
    context = views.article_context(edited, preview=True)
    data = pending.data
    if "tags" in data:
        context["tags"] = _tags(data["tags"])
    if "authors" in data:
        people = get_user_model().objects.in_bulk(data["authors"])
        context["authors"] = [people[pk] for pk in data["authors"] if pk in people]
    if "related" in data:
        context["related"] = _related(edited, data["related"], context["related"])
    context["pending_edit"] = pending
    return context


def _tags(names: list[str]) -> list[Tag]:
    """The edit's tags in the order typed; one not made yet (it will be on "Cập nhật bài")
    as the unsaved tag it will be."""
    found = {tag.name.casefold(): tag for tag in Tag.objects.filter(name__in=names)}
    tags = []
    for name in names:
        tag = found.get(name.casefold())
        if tag is None:
            tag = Tag(name=name)
            tag.slug = tag.slugify(name)
        tags.append(tag)
    return tags


def _related(article: Article, picks: list, current: list[Article]) -> list[Article]:
    """The edit's hand-picked "Xem thêm", those live, in its order (``related.rank``'s rule);
    without a live pick, the list readers see now, short of the picks the edit drops."""
    ids = [pk for pk, _position in sorted(picks, key=lambda pick: pick[1]) if pk != article.pk]
    live = Article.objects.live().summaries().select_related("section").in_bulk(ids)
    chosen = [live[pk] for pk in ids if pk in live]
    dropped = set(article.related_links.values_list("to_article_id", flat=True)) - set(ids)
    rest = [item for item in current if item.pk not in dropped and item.pk not in ids]
    if chosen and not settings.NEWSROOM_RELATED_TOP_UP:
        return chosen[:MAX_RELATED]
    return (chosen + rest)[:MAX_RELATED]
