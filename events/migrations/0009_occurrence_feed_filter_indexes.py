"""Indexes for the .ics feeds of a province, a type and a province's type (events.feeds)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0008_merge_figures_and_training"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="occurrence",
            index=models.Index(
                fields=["locale", "province", "start"], name="occurrence_province_start"
            ),
        ),
        migrations.AddIndex(
            model_name="occurrence",
            index=models.Index(fields=["locale", "event_type", "start"], name="occurrence_type_start"),
        ),
        migrations.AddIndex(
            model_name="occurrence",
            index=models.Index(
                fields=["locale", "province", "event_type", "start"],
                name="occurrence_province_type_start",
            ),
        ),
    ]
