from django.contrib import admin
from taggit.models import Tag as TaggitTag

from articles.models import Tag

# Our articles use articles.Tag (ASCII slugs by the Vietnamese rule); taggit's own
# tag table stays empty, so its admin would only confuse.
if admin.site.is_registered(TaggitTag):
    admin.site.unregister(TaggitTag)


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    readonly_fields = ["slug"]
