"""load_demo_content --if-empty leaves a site that already has a home page alone (the demo
content itself is tested in tests/demo/, loaded once)."""

from django.core.management import call_command

from home.models import StandardPage


def test_if_empty_leaves_an_existing_site_alone(db, home, capsys):
    call_command("load_demo_content", "--if-empty")
    assert "nothing to do" in capsys.readouterr().out
    assert not StandardPage.objects.exists()


def test_the_demo_admin_switches_the_admin_to_english_on_the_account_page(db, home, client):
    from django.contrib.auth import get_user_model

    from demo.management.commands.load_demo_content import Command

    Command().ensure_admin()
    admin = get_user_model().objects.get(username="admin")
    client.force_login(admin)
    form = {
        "name_email-first_name": admin.first_name,
        "name_email-last_name": admin.last_name,
        "name_email-email": admin.email,
        "locale-preferred_language": "en",
        "locale-current_time_zone": "",
        "theme-theme": "system",
        "theme-density": "default",
        "theme-contrast": "system",
        "theme-keyboard_shortcuts": "on",
    }
    response = client.post("/admin/account/", form)
    assert response.status_code == 302, response.content.decode()[:2000]
    admin.wagtail_userprofile.refresh_from_db()
    assert admin.wagtail_userprofile.preferred_language == "en"
    assert '<html lang="en"' in client.get("/admin/").content.decode()
