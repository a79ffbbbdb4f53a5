from django.urls import path, re_path

from articles import feeds, views
from articles.reads import beacon

app_name = "articles"

urlpatterns = [
    path("", views.home, name="home"),
    path("rss.xml", feeds.LatestArticlesFeed(), name="feed"),
    path("tim-kiem/", views.search, name="search"),
    path("chuyen-muc/<slug:slug>/", views.section_detail, name="section"),
    path("chuyen-muc/<slug:slug>/rss.xml", feeds.SectionFeed(), name="section_feed"),
    path("the/<slug:slug>/", views.tag_detail, name="tag"),
    path("tac-gia/<int:pk>/", views.author_detail, name="author"),
    # A read, posted by the article page's script (issue #13): not a page.
    re_path(
        r"^doc/(?P<pk>[0-9]{1,18})/(?P<section_id>[0-9]{1,18})/(?P<token>[0-9a-f]{16})$",
        beacon.read,
        name="read",
    ),
    path("<slug:section_slug>/<slug:slug>-<int:pk>.html", views.article_detail, name="detail"),
]
