"""The data migration each kind of call uses to create the group of editors who see its
applicants' data. Migrations call it with their own historical `apps`; keep it stable."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

Permissions = list[tuple[str, str, str]]  # (app label, model, codename)


def team_group_operation(group_name: str, permissions: Permissions) -> migrations.RunPython:
    """A reversible RunPython that creates `group_name` with `permissions` (those that exist)."""

    def create_group(apps, schema_editor):
        # Permissions are normally created after all migrations; the group needs them now.
        for app_config in apps.get_app_configs():
            app_config.models_module = True
            create_permissions(app_config, apps=apps, verbosity=0)
            app_config.models_module = None
        Group = apps.get_model("auth", "Group")
        Permission = apps.get_model("auth", "Permission")
        group, _ = Group.objects.get_or_create(name=group_name)
        for app_label, model, codename in permissions:
            permission = Permission.objects.filter(
                content_type__app_label=app_label, content_type__model=model, codename=codename
            ).first()
            if permission is not None:
                group.permissions.add(permission)

    def remove_group(apps, schema_editor):
        apps.get_model("auth", "Group").objects.filter(name=group_name).delete()

    return migrations.RunPython(create_group, remove_group)
