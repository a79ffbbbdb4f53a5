from django.contrib import admin
from taggit.models import Tag as TaggitTag

from articles.matching import filter_folded, query_words
from articles.models import Tag

# Our articles use articles.Tag (ASCII slugs by the Vietnamese rule); taggit's own
# tag table stays empty, so its admin would only confuse.
if admin.site.is_registered(TaggitTag):
    admin.site.unregister(TaggitTag)


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    search_help_text = "Tìm theo tên thẻ, có dấu hay không dấu."
    readonly_fields = ["slug"]

    def get_search_results(self, request, queryset, search_term):
        # The slug is the accent-folded name, so "hai phong" finds "Hải Phòng" (also in the
        # article form's tag autocomplete, which asks this admin).
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if query_words(search_term):
            results |= filter_folded(queryset, search_term, ["slug"])
        return results, may_have_duplicates
