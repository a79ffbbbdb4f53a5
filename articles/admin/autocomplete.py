"""The admin's autocomplete, with labels that let a journalist choose right (issue #10).

Django's autocomplete answers ``str(obj)``: a related article's title alone (three
"Hải Phòng …" drafts and a live one look alike), a photo's caption alone. A model admin
with an ``autocomplete_label(obj)`` gives the label instead; the others (tags, whose
label is their name) keep Django's.
"""

from django.contrib import admin
from django.contrib.admin.views import autocomplete


class AutocompleteJsonView(autocomplete.AutocompleteJsonView):
    def serialize_result(self, obj, to_field_name):
        result = super().serialize_result(obj, to_field_name)
        label = getattr(self.model_admin, "autocomplete_label", None)
        if label is not None:
            result["text"] = label(obj)
        return result


def autocomplete_view(request):
    return AutocompleteJsonView.as_view(admin_site=admin.site)(request)
