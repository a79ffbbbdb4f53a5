from django.db import migrations, models

from articles.text import search_fold


def fill_search_text(apps, schema_editor):
    Photo = apps.get_model("articles", "Photo")
    for photo in Photo.objects.only("pk", "caption", "credit").iterator():
        Photo.objects.filter(pk=photo.pk).update(
            search_text=search_fold(f"{photo.caption} {photo.credit}")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_groups"),
    ]

    operations = [
        migrations.AddField(
            model_name="photo",
            name="search_text",
            field=models.TextField(default="", editable=False),
        ),
        migrations.RunPython(fill_search_text, migrations.RunPython.noop),
    ]
