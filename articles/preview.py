"""Signed, expiring preview links: any article, in the reader's template, never indexed."""

from datetime import timedelta

from django.core import signing
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers

from articles import views
from articles.models import Article

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
    # The reader view's own context, so the preview shows what readers will see.
    context = views.article_context(article, preview=True)
    response = TemplateResponse(request, "articles/article_detail.html", context)
    response["X-Robots-Tag"] = "noindex, nofollow"
    add_never_cache_headers(response)
    response["Cache-Control"] += ", private"
    return response
