"""The "Narrator reviewers" group: the only editors (with superusers) who see the data of
people applying to the Power Stories open call, and who score their applications."""

from django.db import migrations

from applications.team_groups import team_group_operation

GROUP = "Narrator reviewers"
PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("stories", "narratorapplication", "view_narratorapplication"),
    ("stories", "narratorapplication", "change_narratorapplication"),
    ("stories", "narratorreview", "view_narratorreview"),
    ("stories", "narratorreview", "add_narratorreview"),
    ("stories", "narratorreview", "change_narratorreview"),
    ("applications", "applicationemail", "view_applicationemail"),
    ("applications", "applicationlogentry", "view_applicationlogentry"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0002_open_call"),
        ("applications", "0003_status_choices_for_every_kind"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [team_group_operation(GROUP, PERMISSIONS)]
