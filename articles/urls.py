from django.urls import path

from articles import views

app_name = "articles"

urlpatterns = [
    path("", views.home, name="home"),
    path("chuyen-muc/<slug:slug>/", views.section_detail, name="section"),
    path("the/<slug:slug>/", views.tag_detail, name="tag"),
    path("<slug:section_slug>/<slug:slug>-<int:pk>.html", views.article_detail, name="detail"),
]
