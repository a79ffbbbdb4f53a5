from django.urls import path

from articles import feeds, views

app_name = "articles"

urlpatterns = [
    path("", views.home, name="home"),
    path("rss.xml", feeds.LatestArticlesFeed(), name="feed"),
    path("tim-kiem/", views.search, name="search"),
    path("chuyen-muc/<slug:slug>/", views.section_detail, name="section"),
    path("chuyen-muc/<slug:slug>/rss.xml", feeds.SectionFeed(), name="section_feed"),
    path("the/<slug:slug>/", views.tag_detail, name="tag"),
    path("tac-gia/<int:pk>/", views.author_detail, name="author"),
    path("<slug:section_slug>/<slug:slug>-<int:pk>.html", views.article_detail, name="detail"),
]
