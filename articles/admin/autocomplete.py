"""The admin's autocomplete, with labels that let a journalist choose right (issue #10).

Django's autocomplete answers ``str(obj)``: a related article's title alone (three
"Hải Phòng …" drafts and a live one look alike), a photo's caption alone. A model admin
with an ``autocomplete_label(obj)`` gives the label instead; the others (tags, whose
label is their name) keep Django's. One with ``autocomplete_details(obj)`` adds its keys
to each result, for a widget that shows more than a line of text (the lead photo's
thumbnail, ``PhotoAutocompleteSelect``). One with ``get_autocomplete_queryset(request)``
offers those rows rather than its list's (the articles a journalist may link).
"""

from django import forms
from django.contrib import admin
from django.contrib.admin.views import autocomplete
from django.contrib.admin.widgets import AutocompleteSelect


class AutocompleteJsonView(autocomplete.AutocompleteJsonView):
    def get_queryset(self):
        # What may be picked can be more than the model admin's list shows (a journalist
        # links any live article, and sees only their own): a model admin says so with
        # get_autocomplete_queryset(request); then Django's filter and search, as in super().
        picks = getattr(self.model_admin, "get_autocomplete_queryset", None)
        if picks is None:
            return super().get_queryset()
        qs = picks(self.request).complex_filter(self.source_field.get_limit_choices_to())
        qs, distinct = self.model_admin.get_search_results(self.request, qs, self.term)
        return qs.distinct() if distinct else qs

    def serialize_result(self, obj, to_field_name):
        result = super().serialize_result(obj, to_field_name)
        label = getattr(self.model_admin, "autocomplete_label", None)
        if label is not None:
            result["text"] = label(obj)
        details = getattr(self.model_admin, "autocomplete_details", None)
        if details is not None:
            result.update(details(obj))
        return result


def autocomplete_view(request):
    return AutocompleteJsonView.as_view(admin_site=admin.site)(request)


class PhotoAutocompleteSelect(AutocompleteSelect):
    """Django's autocomplete, whose dropdown shows each photo's thumbnail, caption and
    credit (photo-autocomplete.js reads ``PhotoAdmin.autocomplete_details``)."""

    def __init__(self, field, admin_site, attrs=None, choices=(), using=None):
        attrs = {**(attrs or {}), "class": "photo-autocomplete"}
        super().__init__(field, admin_site, attrs, choices, using)

    @property
    def media(self):
        # In the same list as Django's scripts, after autocomplete.js, whose start it
        # extends: Media + Media would keep no order between the two lists.
        django = super().media
        return forms.Media(
            js=[*django._js, "articles/admin/photo-autocomplete.js"],
            css={
                "screen": [*django._css.get("screen", []), "articles/admin/photo-autocomplete.css"]
            },
        )
