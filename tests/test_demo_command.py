"""load_demo_content --if-empty leaves a site that already has a home page alone (the demo
content itself is tested in tests/demo/, loaded once)."""

from django.core.management import call_command

from home.models import StandardPage


def test_if_empty_leaves_an_existing_site_alone(db, home, capsys):
    call_command("load_demo_content", "--if-empty")
    assert "nothing to do" in capsys.readouterr().out
    assert not StandardPage.objects.exists()
