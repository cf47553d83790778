"""The "Information Center team" group: the editors (with superusers) who read and answer
the questions people ask, and so see the askers' data."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Information Center team"
PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("knowledge", "question", "view_question"),
    ("knowledge", "question", "change_question"),
    ("applications", "applicationemail", "view_applicationemail"),
    ("applications", "applicationlogentry", "view_applicationlogentry"),
]


def create_group(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    for app_label, model, codename in PERMISSIONS:
        permission = Permission.objects.filter(
            content_type__app_label=app_label, content_type__model=model, codename=codename
        ).first()
        if permission is not None:
            group.permissions.add(permission)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0001_initial"),
        ("applications", "0005_answer_status_choices"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
