"""Two app servers share the work: a publish shows on the other server at once.

Two `runserver` processes with production's settings (tests/resilience_settings.py) share
the test database and a Redis this module starts; the test process publishes through the
ORM with the same cache settings. No process-local copy (the page cache's keys, the
versioned fragments each process keeps: the menu) may outlive the new content generation.
"""

from functools import partial

import pytest
from django.core.cache import caches
from django.test import override_settings

from core.versions import local_copies
from demo.builders import make_standard_page
from tests.resilience import (
    COMMITTED,
    AppServer,
    RedisServer,
    database_restored_afterwards,
    manage_env,
    redis_missing_reason,
    shared_database_url,
    wait_for,
)
from tests.test_production import production_settings
from tests.test_settings import PRODUCTION_ENV

# The servers must see what the test writes: no transaction around the test.
pytestmark = [
    COMMITTED,
    pytest.mark.services,
    pytest.mark.usefixtures("database_restored_afterwards"),
    pytest.mark.skipif(redis_missing_reason() is not None, reason=redis_missing_reason() or ""),
]
__all__ = ["database_restored_afterwards"]


@pytest.fixture
def redis_server():
    server = RedisServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def servers(redis_server, tmp_path):
    env = manage_env(
        **{
            **PRODUCTION_ENV,
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": shared_database_url(),
            "REDIS_URL": redis_server.url,
            "SECURE_SSL_REDIRECT": "false",
            "SESSION_COOKIE_SECURE": "false",
            "CSRF_COOKIE_SECURE": "false",
            "LOG_LEVEL": "WARNING",
        }
    )
    pair = [AppServer(env, tmp_path / f"server-{name}.log") for name in "ab"]
    try:
        for server in pair:
            server.wait_until_serving()
        yield pair
    finally:
        for server in pair:
            server.stop()


@pytest.fixture
def shared_cache(monkeypatch, redis_server):
    """The test process uses the servers' cache: its publish retires their generations."""
    prod = production_settings(monkeypatch, REDIS_URL=redis_server.url)
    with override_settings(CACHES=prod.CACHES):
        yield
        caches["default"].close()
    local_copies.clear()


def test_a_publish_on_one_server_shows_on_the_other_at_once(home, servers, shared_cache):
    a, b = servers
    about = make_standard_page(home, title="Hakkımızda", slug="hakkimizda", show_in_menus=True)
    # Warm both servers: the page and the home page (whose menu names the page) are cached.
    # (The first render creates the site's settings row, which retires `content` once.)
    for server in servers:
        for path in ("/tr/", "/tr/hakkimizda/"):
            wait_for(partial(server.cached, path), what=f"{path} cached")
            status, headers, body = server.get(path)
            assert status == 200 and headers.get("X-Page-Cache") == "hit"
            assert "Hakkımızda" in body

    about.title = "Biz kimiz"
    about.save_revision().publish()

    for server in (b, a):
        status, _headers, body = server.get("/tr/hakkimizda/")
        assert status == 200 and "Biz kimiz" in body
        status, _headers, body = server.get("/tr/")
        assert status == 200 and "Biz kimiz" in body and "Hakkımızda" not in body
