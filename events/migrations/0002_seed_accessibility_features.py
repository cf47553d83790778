from django.db import migrations

CODES = ["sign_language", "wheelchair", "live_captions", "hearing_loop", "easy_read", "quiet_room"]


def seed(apps, schema_editor):
    feature = apps.get_model("events", "AccessibilityFeature")
    for code in CODES:
        feature.objects.get_or_create(code=code)


class Migration(migrations.Migration):
    dependencies = [("events", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
