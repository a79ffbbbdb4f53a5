from django.contrib import admin, messages
from django.db import transaction
from django.utils.translation import gettext as _

from articles.models import HotlineBanner


@admin.register(HotlineBanner)
class HotlineBannerAdmin(admin.ModelAdmin):
    list_display = ["label", "phone", "is_active"]
    list_filter = ["is_active"]
    fields = ["label", "phone", "is_active"]

    @transaction.atomic
    def save_model(self, request, obj, form, change):
        # Turning one banner on turns the shown one off: the constraint keeps it to one.
        if obj.is_active:
            others = HotlineBanner.objects.active().exclude(pk=obj.pk)
            if others.exists():
                others.update(is_active=False)
                messages.info(request, _("Hotline cũ đã được tắt; hotline này đang hiển thị."))
        super().save_model(request, obj, form, change)
