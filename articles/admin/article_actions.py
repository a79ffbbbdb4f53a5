"""The article list's actions and deletes: thin callers of ``publishing``."""

from django.contrib import admin, messages
from django.contrib.admin import actions as django_actions
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied, ValidationError

from articles import publishing


class ArticleActionsMixin:
    def _each(self, request, queryset, call, done):
        count = 0
        for article in queryset:
            try:
                call(article, by=request.user)
            except ValidationError as error:
                messages.error(request, f"“{article}”: {' '.join(error.messages)}")
            else:
                count += 1
        if count:
            messages.success(request, done.format(count=count))

    @admin.action(description="Xuất bản ngay các bài đã chọn", permissions=["publish"])
    def publish_selected(self, request, queryset):
        self._each(request, queryset, publishing.publish, "Đã xuất bản {count} bài.")

    @admin.action(description="Gỡ các bài đã chọn", permissions=["publish"])
    def unpublish_selected(self, request, queryset):
        self._each(request, queryset, publishing.unpublish, "Đã gỡ {count} bài.")

    @admin.action(
        description=django_actions.delete_selected.short_description, permissions=["delete"]
    )
    def delete_selected(self, request, queryset):
        """Django's "delete selected" (its confirmation page, then ``delete_queryset``), only
        when the user may delete every article selected: otherwise none, and a message."""
        if request.POST.get("select_across") == "1":
            asked = queryset
        else:  # the ids posted, also those the list would not show this user
            posted = request.POST.getlist(helpers.ACTION_CHECKBOX_NAME)
            asked = [int(pk) for pk in posted if pk.isdigit()]
        try:
            publishing.check_delete_many(asked, by=request.user)
        except PermissionDenied as error:
            self.message_user(request, str(error), messages.ERROR)
            return None
        return django_actions.delete_selected(self, request, queryset)

    def delete_model(self, request, obj):
        publishing.delete(obj, by=request.user)

    def delete_queryset(self, request, queryset):
        publishing.delete_many(queryset, by=request.user)
