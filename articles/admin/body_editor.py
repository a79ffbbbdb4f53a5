"""The article body's editor: django-prose-editor's admin widget, with what our photo node needs.

The NewsPhoto node (``articles/static/articles/prose-photo.js``) asks the photo library for
cards, pages of the picker and uploads. Their addresses are reversed here and handed to the
script in the textarea's ``data-photo-urls``, so the script never guesses them from the
page's own address (the admin may be mounted anywhere).
"""

import json

from django.urls import reverse
from django_prose_editor.widgets import AdminProseEditorWidget
from js_asset import ImportMap, Media

# A photo id reversed into the card's address, then replaced by the script's "{id}".
_ANY_ID = 2147483647

# The modules prose-photo.js imports by name. Named in the import map, they are loaded from
# their hashed files: a relative import would ask for an unhashed name, which production's
# static files do not keep (WHITENOISE_KEEP_ONLY_HASHED_FILES).
PHOTO_MODULES = ImportMap(
    {
        "articles/prose-photo-library": "articles/prose-photo-library.js",
        "articles/prose-photo-picker": "articles/prose-photo-picker.js",
    }
)


def photo_urls() -> dict[str, str]:
    """The photo library's addresses the editor's photo node calls."""
    card = reverse("admin:articles_photo_card", kwargs={"pk": _ANY_ID})
    return {
        "picker": reverse("admin:articles_photo_picker"),
        "card": card.replace(str(_ANY_ID), "{id}"),
        "upload": reverse("admin:articles_photo_upload"),
        "metadata": reverse("admin:articles_photo_metadata"),
    }


class ArticleBodyWidget(AdminProseEditorWidget):
    @property
    def media(self):
        # The photo node's and its picker's styles (a file, as the CSP would have it) and
        # the modules the node imports.
        css = {"all": ["articles/prose-photo.css"]}
        return super().media + Media(css=css, importmap=PHOTO_MODULES)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"]["data-photo-urls"] = json.dumps(photo_urls())
        return context
