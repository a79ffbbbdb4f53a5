from django.contrib import admin

from articles.models import Photo


@admin.register(Photo)
class PhotoAdmin(admin.ModelAdmin):
    list_display = ["caption", "credit", "width", "height", "uploaded_at"]
    search_fields = ["caption", "credit"]
    fields = ["image", "caption", "credit", "alt_text"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)
