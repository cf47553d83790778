"""The whole demo, loaded once per test process for the tests of this package.

Loading the demo translates every page through wagtail-localize and takes a while, so it is
loaded once, in an outer transaction opened before the first test of this package and rolled
back after its last; each test runs in a savepoint inside it (pytest-django's `db`), so what a
test changes is undone and the next test sees the demo as loaded. The tests of this package
are one xdist group (`pytestmark = DEMO` in each module; the root conftest.py turns xdist's
"load" distribution into "loadgroup"): one worker loads the demo, once, and no test outside
this package ever sees it. Tests here must not use `transactional_db` (its flush would empty
the database under the outer transaction).
"""

import io
import sys

import pytest
from django.core.management import call_command
from django.db import transaction

# Every module of this package: `pytestmark = DEMO`.
DEMO = [pytest.mark.django_db, pytest.mark.xdist_group("demo")]


@pytest.fixture(scope="package", autouse=True)
def demo_site(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            call_command("load_demo_content", stdout=io.StringIO())
        except BaseException:
            outer.__exit__(*sys.exc_info())
            raise
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)
