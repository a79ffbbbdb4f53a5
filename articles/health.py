from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from articles import cachesafe


@never_cache
@require_safe
def healthz(request):
    """503 when the database does not answer; 200, "degraded", when only the cache does not.

    Without the cache every page still works, uncached (issue #8), so the load balancer
    keeps sending readers here; the JSON tells monitoring which part is down.
    """
    cache = "ok" if cachesafe.ping() else "unavailable"
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse(
            {"status": "error", "database": "unavailable", "cache": cache}, status=503
        )
    status = "ok" if cache == "ok" else "degraded"
    return JsonResponse({"status": status, "database": "ok", "cache": cache})
