"""The index of a province's dates of one type (the listing and the .ics feed filtered by both)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0009_occurrence_listing_indexes"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="occurrence",
            index=models.Index(
                fields=["locale", "province", "event_type", "start"],
                name="occurrence_province_type_start",
            ),
        ),
    ]
