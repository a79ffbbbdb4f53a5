"""The newsroom's two groups and their permissions, so a fresh database has them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

JOURNALIST = "Phóng viên"
EDITOR = "Biên tập viên"

JOURNALIST_PERMS = [
    "articles.add_article",
    "articles.change_article",
    "articles.view_article",
    "articles.add_photo",
    "articles.change_photo",
    "articles.view_photo",
    "articles.view_section",
    "articles.view_tag",
    "articles.add_tag",
    "articles.view_hotlinebanner",
]
EDITOR_PERMS = JOURNALIST_PERMS + [
    "articles.delete_article",
    "articles.review_article",
    "articles.publish_article",
    "articles.delete_photo",
    "articles.add_section",
    "articles.change_section",
    "articles.delete_section",
    "articles.change_tag",
    "articles.delete_tag",
    "articles.add_hotlinebanner",
    "articles.change_hotlinebanner",
    "articles.delete_hotlinebanner",
]


def create_groups(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, perms in [(JOURNALIST, JOURNALIST_PERMS), (EDITOR, EDITOR_PERMS)]:
        group, _ = Group.objects.get_or_create(name=name)
        for perm in perms:
            app_label, codename = perm.split(".")
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


def delete_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[JOURNALIST, EDITOR]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, delete_groups)]
