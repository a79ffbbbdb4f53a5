from django.db import models

from articles.text import nfc


class NFCModel(models.Model):
    """Stores every text field in Unicode NFC, whichever door the text came through."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.normalize_text()
        super().save(*args, **kwargs)

    def clean_fields(self, exclude=None):
        self.normalize_text()
        super().clean_fields(exclude=exclude)

    def normalize_text(self):
        for field in self._meta.concrete_fields:
            if isinstance(field, models.CharField | models.TextField):
                setattr(self, field.attname, nfc(getattr(self, field.attname)))
