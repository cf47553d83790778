"""Browser tests: Playwright drives Debian's Chromium against a live server of the site.

Every test here gets:

- the site's content (tests/e2e/content.py), built once per run and restored before each
  test;
- `live_server` (pytest-django's, on a transactional database) and `page`, a Playwright page
  in a fresh browser context whose `base_url` is the live server: `page.goto("/tr/")`;
- `new_page(...)` for other contexts: another language (`locale="en-US"` sets
  Accept-Language), a phone (`viewport=PHONE`), JavaScript off (`java_script_enabled=False`);
- `axe(page)` (from tests/e2e/axe.py): WCAG 2.2 AA rules, fails on serious or critical
  violations with a readable report.

Without /usr/bin/chromium (or node_modules/axe-core for axe checks) the tests are skipped with
the reason shown at the end of the run; under `make e2e` (STGM_E2E_REQUIRED=1) they fail.
"""

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from wagtail.models import Page

from home.models import HomePage
from tests.e2e.axe import AXE_JS, assert_accessible
from tests.e2e.content import build_site
from tests.e2e.snapshot import Snapshot

CHROMIUM = Path(os.environ.get("STGM_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
CHROMIUM_MISSING = f"Chromium not installed ({CHROMIUM}): run make e2e"
REQUIRED = os.environ.get("STGM_E2E_REQUIRED") == "1"
E2E_DIR = Path(__file__).parent
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
TIMEOUT_MS = 10_000


def unavailable(reason: str) -> None:
    """Skip (fail under `make e2e`) with a reason that says what to do."""
    if REQUIRED:
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Every test under tests/e2e is a browser test, marked or not, so `-m 'not e2e'` never
    # starts Chromium. Without Chromium they are skipped here, before any fixture (database,
    # live server) is set up; under `make e2e` the `chromium_installed` fixture fails them.
    missing = None if CHROMIUM.exists() or REQUIRED else CHROMIUM_MISSING
    for item in items:
        if E2E_DIR in Path(item.path).parents:
            item.add_marker(pytest.mark.e2e)
            if missing:
                item.add_marker(pytest.mark.skip(reason=missing))


@pytest.fixture(scope="package", autouse=True)
def chromium_installed() -> None:
    """Under `make e2e`, a missing Chromium fails every test (a plain run skips them)."""
    if not CHROMIUM.exists():
        unavailable(CHROMIUM_MISSING)


@pytest.fixture(scope="package")
def browser(chromium_installed) -> Iterator:
    """Chromium, started once for tests/e2e and stopped when its last test is done."""
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an asyncio loop in this thread, so Django takes the ORM calls
    # that tests and pytest-django make between browser steps for calls from async code.
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


def _render_every_page() -> None:
    """Request each live page once: image renditions are made before the snapshot, and a
    page that cannot render fails here, with its URL."""
    client = Client()
    for page in Page.objects.live().public().filter(depth__gt=1):
        url = page.get_url()
        if url:
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)


@pytest.fixture(scope="package")
def site_content(django_db_setup, django_db_blocker) -> Iterator[Snapshot]:
    """A snapshot of the database with the site's content: made once, restored before each test.

    Afterwards the database goes back to how it was (what the migrations left), for the
    tests that follow and for the next run of a reused test database.

    The tests ask for pytest-django's serialized rollback only so that its flush after each
    test skips post_migrate (which would recreate content types under new ids); what
    pytest-django restores before each test is set to nothing, `site_url` restores the snapshot.
    """
    with django_db_blocker.unblock():
        if HomePage.objects.exists() or not Page.objects.filter(depth=1).exists():
            pytest.fail(
                "The test database is not as the migrations left it (an interrupted run?): "
                "run again with PYTEST_ARGS=--create-db",
                pytrace=False,
            )
        baseline = Snapshot()
        build_site()
        _render_every_page()
        snapshot = Snapshot()
    serialized = getattr(connection, "_test_serialized_contents", None)
    connection._test_serialized_contents = "[]"
    yield snapshot
    if serialized is not None:
        connection._test_serialized_contents = serialized
    with django_db_blocker.unblock():
        baseline.restore()
    snapshot.close()
    baseline.close()


@pytest.fixture
def site_url(site_content, django_db_serialized_rollback, live_server) -> str:
    """The live server's base URL, with the site's content in the database."""
    site_content.restore()
    cache.clear()
    return live_server.url


@pytest.fixture
def new_page(browser, site_url) -> Iterator[Callable]:
    """Open a page in a new browser context: new_page(locale="en-US", viewport=PHONE, ...)."""
    contexts = []
    errors: list[str] = []

    def open_page(*, locale: str = "tr-TR", viewport: dict | None = None, **options):
        options.setdefault("is_mobile", viewport == PHONE)
        options.setdefault("has_touch", viewport == PHONE)
        context = browser.new_context(
            base_url=site_url, locale=locale, viewport=viewport or DESKTOP, **options
        )
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
        return page

    yield open_page
    for context in contexts:
        context.close()
    assert not errors, "JavaScript errors in the page:\n" + "\n".join(errors)


@pytest.fixture
def page(new_page):
    """A desktop-sized page whose browser asks for Turkish."""
    return new_page()


@pytest.fixture
def axe() -> Callable:
    if not AXE_JS.exists():
        unavailable(f"axe-core not installed ({AXE_JS}): run make e2e")
    return assert_accessible
