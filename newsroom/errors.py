"""The 500 handler: a database that cannot be reached is a 503 "try again", not a bug.

Django turns an exception raised anywhere in the middleware or the view into a response
through this handler, with the exception still being handled (``sys.exc_info()``), so the
session and auth middleware's queries are covered too. 503.html, like 500.html, is
rendered with an empty Context: no query, no context processor, no static files.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.views.defaults import server_error

RETRY_AFTER_SECONDS = 30


def server_error_or_unavailable(request):
    """503 with ``Retry-After`` when the database is unreachable, else Django's 500."""
    if not isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        return server_error(request)
    response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
