"""A database outage answers 503 with `Retry-After` and the site's own page in the visitor's
language, never a 500; the first request after the database returns is served as usual.

The outage is real: the test project's connection is pointed at a port where nothing
listens (PostgreSQL) or at a file that cannot be opened (SQLite), then back.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.db import connections
from django.test import Client, override_settings

from config.outage import RETRY_AFTER_SECONDS
from tests.resilience import COMMITTED, database_restored_afterwards, free_port, wait_for

# The outage closes the connection: no transaction around the tests.
pytestmark = [COMMITTED, pytest.mark.usefixtures("database_restored_afterwards")]
__all__ = ["database_restored_afterwards"]


@contextmanager
def database_unreachable(tmp_path: Path) -> Iterator[None]:
    connection = connections["default"]
    saved = dict(connection.settings_dict)
    connection.close()
    if connection.vendor == "sqlite":
        connection.settings_dict["NAME"] = str(tmp_path / "no-such-directory" / "db.sqlite3")
    else:
        connection.settings_dict.update(HOST="127.0.0.1", PORT=str(free_port()))
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)


@pytest.fixture
def visitor() -> Client:
    # As a browser sees it: the response, not the exception the test client re-raises.
    return Client(raise_request_exception=False)


def test_a_database_outage_answers_503_in_the_visitors_language(
    visitor, home, english_home, tmp_path, caplog
):
    assert visitor.get("/tr/").status_code == 200
    with database_unreachable(tmp_path):
        turkish = visitor.get("/tr/")
        english = visitor.get("/en/")
        root = visitor.get("/")
        unknown = visitor.get("/en/no-such-page/")
        application_post = visitor.post("/en/events/some-festival/apply/", {"email": "x"})
    for response in (turkish, english, root, unknown, application_post):
        assert response.status_code == 503
        assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
        assert "no-store" in response["Cache-Control"]
    assert "Site kısa bir süre için kullanılamıyor" in turkish.content.decode()
    assert '<html lang="tr">' in turkish.content.decode()
    assert "The site is briefly unavailable" in english.content.decode()
    assert '<html lang="en">' in english.content.decode()
    assert "Site kısa bir süre için kullanılamıyor" in root.content.decode()
    assert "The site is briefly unavailable" in unknown.content.decode()
    # The team still hears of it: Django reports each failed request.
    assert any(record.levelname == "ERROR" for record in caplog.records)

    # Back at once: the next request connects again.
    assert visitor.get("/tr/").status_code == 200
    assert visitor.get("/en/").status_code == 200


def test_pages_in_the_page_cache_are_still_served_during_the_outage(visitor, home, tmp_path):
    with override_settings(STGM_PAGE_CACHE_SECONDS=300):
        # (The first render creates the site's settings row, which retires `content` once.)
        wait_for(lambda: visitor.get("/tr/").get("X-Page-Cache") == "hit", what="a cached page")
        with database_unreachable(tmp_path):
            cached = visitor.get("/tr/")
            not_cached = visitor.get("/en/")
    assert cached.status_code == 200 and cached["X-Page-Cache"] == "hit"
    assert not_cached.status_code == 503


def test_other_errors_stay_a_500_with_the_500_page(visitor, home, monkeypatch):
    from home.models import HomePage

    def broken(*args, **kwargs):
        raise RuntimeError("a bug, not an outage")

    monkeypatch.setattr(HomePage, "serve", broken)
    response = visitor.get("/tr/")
    assert response.status_code == 500
    assert "Retry-After" not in response
    assert "Bir şeyler ters gitti" in response.content.decode()
