from django.contrib import admin

from articles.models import Article, RelatedArticle


class RelatedArticleInline(admin.TabularInline):
    model = RelatedArticle
    fk_name = "from_article"
    autocomplete_fields = ["to_article"]
    extra = 0


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "section", "status", "published_at"]
    list_filter = ["status", "section"]
    search_fields = ["title"]
    date_hierarchy = "published_at"
    autocomplete_fields = ["lead_photo", "authors"]
    fields = [
        "title",
        "location",
        "sapo",
        "body",
        "lead_photo",
        "section",
        "tags",
        "authors",
        "byline",
    ]
    inlines = [RelatedArticleInline]
