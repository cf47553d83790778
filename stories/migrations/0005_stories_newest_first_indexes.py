"""Indexes that read an archive's stories newest first (`StoryPageQuerySet.newest_first`:
date told, descending, undated last), all of them or those of one province, so that a page
of the archive reads its twelve stories instead of sorting every story that matches.

PostgreSQL needs the order spelled out (a plain index read backwards puts undated stories
first); SQLite puts NULLs last when descending anyway, and cannot declare NULLS LAST in an
index: hence SQL here rather than indexes in the model's Meta."""

from django.db import migrations

INDEXES = {
    "stories_storypage_newest": "date_told {order}",
    "stories_storypage_province_newest": "province, date_told {order}",
}


def create_indexes(apps, schema_editor):
    order = "DESC NULLS LAST" if schema_editor.connection.vendor == "postgresql" else "DESC"
    for name, columns in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON stories_storypage ({columns.format(order=order)})"
        )


def drop_indexes(apps, schema_editor):
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("stories", "0004_testimonial_attribution")]

    operations = [migrations.RunPython(create_indexes, drop_indexes, elidable=False)]
