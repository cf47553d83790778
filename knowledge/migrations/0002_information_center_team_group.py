"""The "Information Center team" group: the editors (with superusers) who read and answer
the questions people ask, and so see the askers' data."""

from django.db import migrations

from applications.team_groups import team_group_operation

GROUP = "Information Center team"
PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("knowledge", "question", "view_question"),
    ("knowledge", "question", "change_question"),
    ("applications", "applicationemail", "view_applicationemail"),
    ("applications", "applicationlogentry", "view_applicationlogentry"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0001_initial"),
        ("applications", "0005_answer_status_choices"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [team_group_operation(GROUP, PERMISSIONS)]
