from django.contrib import admin

from articles.models import Section


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "parent", "slug", "position"]
    list_editable = ["position"]
    list_filter = ["parent"]
    search_fields = ["name"]
    fields = ["name", "slug", "parent", "position", "description"]
