from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from django.urls import reverse


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
