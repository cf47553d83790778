"""The "Stand reviewers" group: the only editors (with superusers) who see applicant data."""

from django.db import migrations

from applications.team_groups import team_group_operation

GROUP = "Stand reviewers"
PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("applications", "standapplication", "view_standapplication"),
    ("applications", "standapplication", "change_standapplication"),
    ("applications", "applicationemail", "view_applicationemail"),
    ("applications", "applicationlogentry", "view_applicationlogentry"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [team_group_operation(GROUP, PERMISSIONS)]
