# The newest published articles' search vectors in a table of their own, kept by triggers
# (issue #9, articles/models/recent_search.py).

from pathlib import Path

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

import articles.search_index

SQL = Path(__file__).resolve().parents[1] / "search_recent.sql"
SIZE = 20_000


def install(apps, schema_editor):
    """The triggers, then the table filled with the newest SIZE published articles."""
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(SQL.read_text())
        cursor.execute(
            "SELECT published_at FROM articles_article WHERE status = 'published'"
            " ORDER BY published_at DESC OFFSET %s LIMIT 1",
            [SIZE - 1],
        )
        row = cursor.fetchone()
        starts_at = row[0] if row else None
        cursor.execute(
            "INSERT INTO articles_searchwindow (id, starts_at, size) VALUES (1, %s, %s)",
            [starts_at, SIZE],
        )
        cursor.execute(
            "INSERT INTO articles_recentsearch (article_id, published_at, search_vector)"
            " SELECT id, published_at, search_vector FROM articles_article"
            " WHERE status = 'published' AND search_vector IS NOT NULL"
            " AND published_at >= COALESCE(%s, '-infinity'::timestamptz)",
            [starts_at],
        )


def uninstall(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "DROP TRIGGER IF EXISTS articles_recent_search_row ON articles_article;"
            "DROP TRIGGER IF EXISTS articles_recent_search_prune ON articles_article;"
            "DROP FUNCTION IF EXISTS articles_recent_search_row();"
            "DROP FUNCTION IF EXISTS articles_recent_search_prune();"
        )


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0014_trail_system_and_deletion"),
    ]

    operations = [
        migrations.CreateModel(
            name="RecentSearch",
            fields=[
                (
                    "article",
                    models.OneToOneField(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="articles.article",
                    ),
                ),
                ("published_at", models.DateTimeField()),
                ("search_vector", django.contrib.postgres.search.SearchVectorField()),
            ],
            options={
                "indexes": [
                    articles.search_index.PostgresOnlyGinIndex(
                        fields=["search_vector"], name="recent_search_vector_idx"
                    ),
                    models.Index(fields=["published_at"], name="recent_search_published_idx"),
                ],
            },
        ),
        migrations.CreateModel(
            name="SearchWindow",
            fields=[
                (
                    "id",
                    models.PositiveSmallIntegerField(default=1, primary_key=True, serialize=False),
                ),
                ("starts_at", models.DateTimeField(null=True)),
                ("size", models.PositiveIntegerField(default=20000)),
            ],
            options={
                "constraints": [
                    models.CheckConstraint(condition=models.Q(("id", 1)), name="one_search_window")
                ],
            },
        ),
        migrations.RunPython(install, uninstall),
    ]
