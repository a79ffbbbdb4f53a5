"""The project's URLs, the admin mounted at /quan-tri/ instead of /admin/ (test_body_editor)."""

from django.contrib import admin
from django.urls import path

from newsroom import urls

urlpatterns = [
    path("quan-tri/", admin.site.urls),
    *(pattern for pattern in urls.urlpatterns if str(pattern.pattern) != "admin/"),
]
