"""``POST /doc/<id>/<section>/<token>``: one read of an article page, sent by its script.

Not a page: never in the page cache (``pagecache.EXCLUDED_PREFIXES``) nor in nginx's
(it only keeps GET and HEAD; ``/doc/`` is listed there too), ``Cache-Control: no-store``
(``never_cache``), no CSRF token (``sendBeacon`` cannot send one, and a forged read is
what the token and the limits are for). It answers 204 whether or not the read was
counted, so a robot learns nothing, and it reads no database row: the token says the pair
of ids came from a page we rendered, the counters and rankings are in Redis.
"""

from django.http import HttpResponse, HttpResponseBadRequest
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from articles.reads import ranking, readers, store


def url(article) -> str:
    """The beacon URL printed in ``article``'s page (``data-read-url``)."""
    pk, section_id = article.pk, article.section_id
    return reverse(
        "articles:read",
        kwargs={"pk": pk, "section_id": section_id, "token": readers.token(pk, section_id)},
    )


@never_cache  # no-store, on the 405 for a GET too
@csrf_exempt
@require_POST
def read(request, pk, section_id, token):
    pk, section_id = int(pk), int(section_id)
    if pk <= 0 or section_id <= 0 or not readers.valid_token(pk, section_id, token):
        return HttpResponseBadRequest(
            "Mã lượt đọc không hợp lệ.", content_type="text/plain; charset=utf-8"
        )
    if readers.counts(request) and store.count(pk, section_id, readers.address(request)):
        ranking.refresh_after_read(section_id)
    return HttpResponse(status=204)
