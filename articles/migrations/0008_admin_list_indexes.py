"""``article_live_idx`` carries ``updated_at`` on PostgreSQL (``INCLUDE``): the sitemap
index's months query becomes an index-only scan (issue #9, bench/README.md).

Built under a temporary name, then the old index dropped and the new one renamed: readers
wait only for the drop and the rename, not while a million rows are indexed (3 s).
"""

from django.db import migrations

import articles.search_index


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0007_reader_list_indexes"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="article",
            index=articles.search_index.PostgresCoveringIndex(
                covering=("updated_at",),
                fields=["status", "published_at", "id"],
                name="article_live_new_idx",
            ),
        ),
        migrations.RemoveIndex(model_name="article", name="article_live_idx"),
        migrations.RenameIndex(
            model_name="article", new_name="article_live_idx", old_name="article_live_new_idx"
        ),
    ]
