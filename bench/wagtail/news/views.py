"""The one non-page view: a health check, so bench/run waits on both sites the same way."""

from django.http import HttpResponse


def healthz(request):
    return HttpResponse("ok", content_type="text/plain")
