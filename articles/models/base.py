from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from articles.text import clean_line, clean_text, nfc


class NFCModel(models.Model):
    """Stores every text field clean, whichever door the text came through.

    One-line fields (``CharField``) are NFC, without invisible characters, with whitespace
    collapsed and trimmed; plain multi-line fields are NFC, without invisible characters,
    trimmed; HTML fields are NFC. A required field that is empty after that is refused on
    ``save()`` as in a form, and so is a text longer than its column, so a shell, an
    importer or a fixture cannot store a title made of a zero-width space, nor fail in the
    database with one too long.
    """

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.normalize_text()
        self.check_text()
        super().save(*args, **kwargs)

    def clean_fields(self, exclude=None):
        self.normalize_text()
        super().clean_fields(exclude=exclude)

    def _text_fields(self):
        for field in self._meta.concrete_fields:
            if isinstance(field, models.CharField | models.TextField):
                yield field

    def normalize_text(self):
        for field in self._text_fields():
            value = getattr(self, field.attname)
            if isinstance(field, models.CharField):
                value = clean_line(value)
            elif type(field) is models.TextField:
                value = clean_text(value)
            else:  # rich text (ProseEditorField): the markup is the sanitiser's business
                value = nfc(value)
            setattr(self, field.attname, value)

    def check_text(self):
        """Refuse, before the database does, a required text left empty or one too long."""
        errors = {}
        for field in self._text_fields():
            value = getattr(self, field.attname) or ""
            if field.editable and not field.blank and not value:
                errors[field.name] = ValidationError(
                    _("Trường này không được để trống."), code="blank"
                )
            elif field.max_length and len(value) > field.max_length:
                errors[field.name] = ValidationError(
                    _("%(field)s dài %(length)s ký tự; tối đa %(max)s ký tự."),
                    code="max_length",
                    params={
                        "field": capfirst(field.verbose_name),
                        "length": len(value),
                        "max": field.max_length,
                    },
                )
        if errors:
            raise ValidationError(errors)
