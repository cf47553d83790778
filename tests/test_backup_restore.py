"""Backups can be restored (issue 21, item 11; docs/production.md, "Backups and restore").

A site with stand and narrator applications is dumped with `pg_dump -Fc` (as the nightly
backup does), restored with `pg_restore` into a new, empty database, and served from it by
another process (`manage.py` with DATABASE_URL pointing at the restore): every
application is there, and each private link the applicants hold answers 200 with their
status page. Only on PostgreSQL (the backup procedure is PostgreSQL's)."""

import json
import os
import re
import shutil
import subprocess
import sys
from urllib.parse import quote, urlsplit

import pytest
from django.conf import settings
from django.core.management import get_commands
from django.db import connection
from wagtail.models import Locale

from applications import services
from applications.models import ApplicationStatus, StandApplication
from applications.stands import services as stand_services
from demo.builders import application_fields, make_events_index, make_festival, translate
from events.choices import AllocationMode
from stories.models import NarratorApplication
from stories.open_call import services as narrator_services
from tests.test_open_call import fields as narrator_fields
from tests.test_open_call import make_call

S = ApplicationStatus
ON_POSTGRES = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
TOOLS = ("pg_dump", "pg_restore", "createdb", "dropdb")

ONLY_ON_POSTGRES = pytest.mark.skipif(
    not ON_POSTGRES,
    reason="a PostgreSQL backup (pg_dump -Fc, pg_restore); SQLite has no such tools: "
    "run with DATABASE_URL=postgres://... (CI does)",
)

# Run in the restored site's process: each private link the applicants were given, as
# they would open it, with what their status page must show.
READ_LINKS = """
import json, sys
import django
django.setup()
from urllib.parse import urlsplit
from django.test import Client
client = Client()
for link, expected in json.load(sys.stdin):
    parts = urlsplit(link)
    response = client.get(f"{parts.path}?{parts.query}", HTTP_HOST=parts.netloc)
    html = response.content.decode()
    print(json.dumps([link, response.status_code, all(text in html for text in expected)]))
"""


@pytest.fixture(scope="module")
def migrated_state(django_db_setup, django_db_blocker):
    """The database as the migrations left it, put back after the test's flush (module
    scope: torn down after pytest-django's own teardown), for the tests that follow and
    for the next run of a reused test database."""
    from tests.e2e.snapshot import Snapshot

    with django_db_blocker.unblock():
        snapshot = Snapshot()
    yield
    with django_db_blocker.unblock():
        snapshot.restore()
    snapshot.close()


def pg_environment() -> dict[str, str]:
    """The test database's connection for the PostgreSQL tools, in their variables."""
    db = connection.settings_dict
    env = {**os.environ, "PGUSER": db["USER"] or "postgres", "PGHOST": db["HOST"] or ""}
    if db["PORT"]:
        env["PGPORT"] = str(db["PORT"])
    if db["PASSWORD"]:
        env["PGPASSWORD"] = db["PASSWORD"]
    return env


def run(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run(
        command, capture_output=True, text=True, timeout=300, check=False, **kwargs
    )
    assert result.returncode == 0, f"{command[0]}: {result.stderr}"
    return result


def restored_url(name: str) -> str:
    db = connection.settings_dict
    password = f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else ""
    host = db["HOST"] or "127.0.0.1"
    port = f":{db['PORT']}" if db["PORT"] else ""
    return f"postgres://{quote(db['USER'] or 'postgres', safe='')}{password}@{host}{port}/{name}"


def build_site(home) -> list[tuple[str, list[str]]]:
    """Stand applications in both languages (approved, waitlisted, erased) and a narrator
    application; returns each private link with what its page must show."""
    english = Locale.objects.get(language_code="en")
    index = make_events_index(home)
    translate(index, english, title="Events", slug="events")
    festival = make_festival(index, stands=2, mode=AllocationMode.FIRST_COME, english=True)
    stands = [
        stand_services.submit_stand_application(
            festival, application_fields(n), "tr" if n % 2 else "en", notify=False
        )
        for n in range(1, 5)
    ]
    assert [a.status for a in stands] == [S.APPROVED, S.APPROVED, S.WAITLISTED, S.WAITLISTED]
    services.anonymise(stands[-1])  # an erased one: its link is gone on purpose
    narrator = narrator_services.submit_narrator_application(
        make_call(home), narrator_fields(), "tr", notify=False
    )
    links = [(a.status_url(), [a.organisation]) for a in stands[:-1]]
    links.append((narrator.status_url(), [narrator.contact_name]))
    return links


@pytest.mark.postgres
@ONLY_ON_POSTGRES
@pytest.mark.skipif(
    ON_POSTGRES and not all(shutil.which(tool) for tool in TOOLS),
    reason=f"the PostgreSQL client tools ({', '.join(TOOLS)}) are not installed",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_dump_restored_into_an_empty_database_serves_every_application(
    migrated_state, home, tmp_path
):
    links = build_site(home)
    source = connection.settings_dict["NAME"]
    restored = f"{source}_restored"
    dump = tmp_path / "stgm.dump"
    env = pg_environment()
    run(["pg_dump", "--format=custom", f"--file={dump}", source], env=env)
    run(["dropdb", "--if-exists", restored], env=env)
    run(["createdb", restored], env=env)
    try:
        run(
            ["pg_restore", "--exit-on-error", "--no-owner", f"--dbname={restored}", str(dump)],
            env=env,
        )
        site_env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "DATABASE_URL": restored_url(restored),
        }
        # The operator's check (docs/production.md): counts, home pages, private links.
        check = run(
            [sys.executable, "manage.py", "check_restore"], cwd=settings.BASE_DIR, env=site_env
        )
        assert "Home pages: 2 answer" in check.stdout
        assert (
            f"{StandApplication._meta.label}: 4 application(s), 1 anonymised, "
            "3 private link(s) answer 200" in check.stdout
        )
        assert (
            f"{NarratorApplication._meta.label}: 1 application(s), 0 anonymised, "
            "1 private link(s) answer 200" in check.stdout
        )
        # The links the applicants hold, opened against the restored site.
        served = run(
            [sys.executable, "-c", READ_LINKS],
            cwd=settings.BASE_DIR,
            env=site_env,
            input=json.dumps(links),
        )
        answers = [json.loads(line) for line in served.stdout.splitlines()]
        assert [(link, 200, True) for link, _ in links] == [tuple(a) for a in answers]
        assert all(urlsplit(link).query.startswith("key=") for link, _ in links)
    finally:
        run(["dropdb", "--if-exists", restored], env=env)


def test_the_production_guide_names_only_commands_that_exist():
    """The backup, restore and retention steps name real commands (the guide cannot drift)."""

    guide = (settings.BASE_DIR / "docs" / "production.md").read_text()
    named = set(re.findall(r"manage\.py (\w+)", guide))
    assert {"check_restore", "anonymise_applications", "migrate"} <= named
    assert named - set(get_commands()) == set()
    assert "pg_dump --format=custom" in guide and "pg_restore" in guide
