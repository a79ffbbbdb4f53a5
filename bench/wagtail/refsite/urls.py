"""Wagtail's project template URLs (less documents and search), plus bench/run's /healthz."""

from django.urls import include, path
from news.views import healthz
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

urlpatterns = [
    path("healthz", healthz),  # bench/run waits on it, as on Newsroom's
    path("admin/", include(wagtailadmin_urls)),
    # Everything else is a page of the tree, served by Wagtail (last, as in the template).
    path("", include(wagtail_urls)),
]
