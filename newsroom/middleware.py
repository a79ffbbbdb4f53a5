from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from django.http import HttpResponseBadRequest, JsonResponse
from django.urls import reverse

from newsroom import routers


class CSPMiddleware(BaseCSPMiddleware):
    """django-csp's middleware, with inline scripts allowed in the admin only.

    django-prose-editor loads its ES modules through an inline ``<script
    type="importmap">`` that Django's form media renders without a nonce.
    Reader pages keep ``script-src 'self'``.
    """

    def process_response(self, request, response):
        if request.path.startswith(reverse("admin:index")):
            response._csp_update = {"script-src": ["'unsafe-inline'"]}
        return super().process_response(request, response)


class NulByteMiddleware:
    """A NUL byte in the path or the query string is a 400, before any view runs.

    PostgreSQL refuses ``\\x00`` in text, so a NUL in a search or autocomplete term was a
    500 wherever it reached a query. No address of ours has one. Forms refuse NUL in
    posted text themselves (Django's ProhibitNullCharactersValidator).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            message = "Địa chỉ có ký tự không hợp lệ (NUL)."
            if request.path.startswith("/api/"):  # the read API answers JSON, even here
                return JsonResponse({"detail": message}, status=400)
            return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
        return self.get_response(request)


class ReplicaReadsMiddleware:
    """Marks an anonymous reader's request: its queries may read the replica.

    Placed before the page cache, so a page rendered on a miss reads the replica too
    (newsroom/routers.py). Without ``DATABASE_REPLICA_URL`` it does nothing.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = routers.begin(request)
        try:
            return self.get_response(request)
        finally:
            routers.end(token)
