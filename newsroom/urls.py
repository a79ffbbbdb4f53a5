from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path

from articles import sitemaps
from articles.admin.autocomplete import autocomplete_view
from articles.admin.login import AdminLoginForm
from articles.api import site as api_site
from articles.health import healthz
from articles.preview import article_preview
from articles.views import favicon, read_methods, robots_txt
from newsroom.media import serve_media

admin.site.site_header = "Newsroom — Toà soạn"
admin.site.site_title = "Newsroom"
admin.site.index_title = "Quản trị nội dung"
admin.site.login_form = AdminLoginForm
# Related articles by title, section, date and state; photos by caption and credit.
admin.site.autocomplete_view = autocomplete_view

# A database that cannot be reached answers 503 "bảo trì" with Retry-After (issue #8).
handler500 = "newsroom.errors.server_error_or_unavailable"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("robots.txt", robots_txt, name="robots"),
    path("favicon.ico", favicon, name="favicon"),
    path("sitemap.xml", sitemaps.index, name="sitemap"),
    path(
        "sitemap-news.xml",
        read_methods(sitemap_views.sitemap),
        {"sitemaps": sitemaps.NEWS_SITEMAPS, "template_name": "articles/sitemap_news.xml"},
        name="sitemap-news",
    ),
    # After sitemap-news.xml: "chuyen-muc", "the" and one "bai-viet-YYYY-MM" per month.
    path("sitemap-<str:section>.xml", sitemaps.section, name="sitemap-section"),
    path("admin/", admin.site.urls),
    path("xem-truoc/<str:token>/", article_preview, name="article_preview"),
    # The read API (issue #13); any other address under /api/ is a JSON 404.
    path("api/v1/", api_site.urls()),
    re_path(r"^api/", api_site.unknown_address),
    path("", include("articles.urls")),
]

if settings.NEWSROOM_SERVE_MEDIA:
    # For a deployment with no proxy or object storage in front of the media volume.
    urlpatterns.insert(0, re_path(r"^media/(?P<path>.*)$", serve_media))
