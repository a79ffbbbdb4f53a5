from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path

from articles.health import healthz
from newsroom.media import serve_media

admin.site.site_header = "Newsroom — Toà soạn"
admin.site.site_title = "Newsroom"
admin.site.index_title = "Quản trị nội dung"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("", include("articles.urls")),
]

if settings.NEWSROOM_SERVE_MEDIA:
    # For a deployment with no proxy or object storage in front of the media volume.
    urlpatterns.insert(0, re_path(r"^media/(?P<path>.*)$", serve_media))
