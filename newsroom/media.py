from django.conf import settings
from django.views.decorators.cache import cache_control
from django.views.static import serve


@cache_control(public=True, max_age=30 * 24 * 3600)
def serve_media(request, path):
    """Uploaded photos from MEDIA_ROOT; renditions are immutable files with unique names."""
    return serve(request, path, document_root=settings.MEDIA_ROOT)
