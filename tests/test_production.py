"""Production setup: health endpoint, security headers, CSP, login lockouts, logs, gunicorn.

The header tests run the real project (test database, test client) with the production
settings' middleware and policies laid over the test settings, so what is checked is what
config/settings/production.py builds, not a copy of it.
"""

import importlib
import json
import logging
import os
import re
import socket
import subprocess
import sys
import urllib.parse
from types import ModuleType

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.test import override_settings
from wagtail.models import Page

from config.logs import GunicornAccessJSONFormatter, JSONFormatter, scrub
from demo.builders import make_standard_page
from tests.test_settings import PRODUCTION_ENV, run_manage

REDIS_URL = os.environ.get("STGM_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def production_settings(monkeypatch: pytest.MonkeyPatch, **extra_env: str) -> ModuleType:
    """config.settings.production as imported with PRODUCTION_ENV (plus `extra_env`)."""
    for name in ("AWS_STORAGE_BUCKET_NAME", "SENTRY_DSN", "AWS_S3_CUSTOM_DOMAIN", "MEDIA_HOST"):
        monkeypatch.delenv(name, raising=False)
    for name, value in {**PRODUCTION_ENV, **extra_env}.items():
        if name != "DJANGO_SETTINGS_MODULE":
            monkeypatch.setenv(name, value)
    module = importlib.import_module("config.settings.production")
    return importlib.reload(module)


@pytest.fixture
def production(monkeypatch):
    """The test project served with production's middleware, headers and policies."""
    prod = production_settings(monkeypatch)
    names = [
        "MIDDLEWARE",
        "CONTENT_SECURITY_POLICY",
        "STGM_ADMIN_CONTENT_SECURITY_POLICY",
        "PERMISSIONS_POLICY",
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_HSTS_PRELOAD",
        "SECURE_CONTENT_TYPE_NOSNIFF",
        "SECURE_REFERRER_POLICY",
        "SECURE_CROSS_ORIGIN_OPENER_POLICY",
        "AXES_FAILURE_LIMIT",
        "AXES_COOLOFF_TIME",
        "STGM_TRUSTED_PROXIES",
    ]
    with override_settings(**{name: getattr(prod, name) for name in names}):
        caches["default"].clear()
        yield prod
    caches["default"].clear()


def directives(header: str) -> dict[str, list[str]]:
    policy = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            policy[words[0]] = words[1:]
    return policy


# --- health ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_health_endpoint_reports_database_and_cache(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Cache-Control"] == "no-store"
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"]["ok"] is True
    assert body["checks"]["cache"]["ok"] is True
    assert not response.cookies, "a probe must not create a session or a CSRF cookie"


@pytest.mark.django_db
def test_health_endpoint_answers_before_host_checks_and_https_redirect(client):
    # A load balancer probes each app server by its address over plain HTTP.
    with override_settings(SECURE_SSL_REDIRECT=True, ALLOWED_HOSTS=["stgm.example.org"]):
        response = client.get("/healthz", HTTP_HOST="10.0.0.7:8000")
    assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("backend", "error"),
    [
        ("django.core.cache.backends.redis.RedisCache", "ConnectionError"),
        ("config.cache.ReusedClientRedisCache", "CacheUnavailable"),
    ],
)
def test_health_endpoint_says_degraded_but_200_when_the_cache_is_down(client, backend, error):
    """Every server still serves without Redis: a load balancer must not take them all out."""
    unreachable = {
        "default": {
            "BACKEND": backend,
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
            "OPTIONS": {"socket_connect_timeout": 0.2},
        }
    }
    with override_settings(CACHES=unreachable):
        response = client.get("/healthz")
        caches["default"].close()
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraded"
    assert body["checks"]["database"]["ok"] is True
    assert body["checks"]["cache"]["ok"] is False
    assert body["checks"]["cache"]["error"] == error


@pytest.mark.django_db
def test_health_endpoint_is_503_when_the_database_fails(client, monkeypatch):
    from config import health

    def broken() -> None:
        raise health.connections["default"].Database.OperationalError("connection refused")

    monkeypatch.setitem(health.CHECKS, "database", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["database"]["ok"] is False


def test_health_endpoint_refuses_other_methods(client):
    assert client.post("/healthz").status_code == 405


def redis_reachable() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


def test_the_redis_cache_builds_one_client_per_connection_pool():
    from config.cache import ReusedClientRedisCache

    client = ReusedClientRedisCache(REDIS_URL, {})._cache
    assert client.get_client("a") is client.get_client("b", write=True)
    # Several servers: writes go to the first, reads to the others, each with its client.
    several = ReusedClientRedisCache(f"{REDIS_URL},redis://127.0.0.1:6379/14", {})._cache
    assert several.get_client(write=True) is not several.get_client()
    assert several.get_client() is several.get_client()


@pytest.mark.django_db
@pytest.mark.skipif(
    not redis_reachable(),
    reason="Redis is not reachable at 127.0.0.1:6379; start it with "
    "`redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save ''`",
)
def test_health_endpoint_with_the_real_redis_cache_and_sessions(client):
    real_redis = {
        "default": {
            "BACKEND": "config.cache.ReusedClientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "stgm-test",
        }
    }
    with override_settings(
        CACHES=real_redis, SESSION_ENGINE="django.contrib.sessions.backends.cache"
    ):
        try:
            response = client.get("/healthz")
            assert response.status_code == 200, response.content
            assert response.json()["checks"]["cache"]["ok"] is True
            # Sessions in Redis: an admin login survives from one request to the next.
            user = get_user_model().objects.create_superuser("ops", "ops@example.org", "pw")
            client.force_login(user)
            assert client.get("/admin/").status_code == 200
        finally:
            caches["default"].close()


@pytest.mark.django_db
@pytest.mark.skipif(
    not redis_reachable(),
    reason="Redis is not reachable at 127.0.0.1:6379; start it with "
    "`redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save ''`",
)
def test_renditions_are_looked_up_in_the_process_not_in_redis(monkeypatch):
    from demo.tools import make_image

    # A database of its own: clear() empties a whole Redis database, and another test
    # process may be keeping sessions in REDIS_URL's meanwhile.
    own_database = urllib.parse.urlsplit(REDIS_URL)._replace(path="/13").geturl()
    prod = production_settings(monkeypatch, REDIS_URL=own_database, CACHE_KEY_PREFIX="stgm-test")
    with override_settings(CACHES=prod.CACHES):
        try:
            caches["default"].clear()
            image = make_image("Renditions", "#245c73", size=(40, 30))
            rendition = image.get_rendition("fill-20x20")
            key = rendition.get_cache_key()
            assert caches["renditions"].get(key) == rendition
            assert caches["default"].get(key) is None  # no round trip to Redis per image
            assert image.get_rendition("fill-20x20") == rendition
        finally:
            caches["renditions"].clear()
            caches["default"].clear()
            caches["default"].close()


# --- headers and content-security policy ----------------------------------------------------


@pytest.mark.django_db
def test_public_pages_send_the_security_headers(client, home, production):
    response = client.get(home.url, secure=True)
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    permissions = response["Permissions-Policy"]
    assert "camera=()" in permissions and "geolocation=()" in permissions
    assert "microphone=()" in permissions


@pytest.mark.django_db
def test_public_pages_have_a_strict_content_security_policy(client, home, production):
    policy = directives(client.get(home.url, secure=True)["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in policy["style-src"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["default-src"] == ["'self'"]
    assert "upgrade-insecure-requests" in policy


@pytest.mark.django_db
def test_public_pages_carry_no_inline_script(client, home, english_home, production):
    """The strict policy would block inline code: every public page must work without it."""
    page = make_standard_page(home, title="Bilgi Merkezi", intro="Sorular")
    routable = [p for p in Page.objects.live().filter(depth__gt=1).specific() if p.url]
    assert len(routable) >= 3
    for live_page in routable:
        response = client.get(live_page.url, secure=True)
        assert response.status_code == 200, live_page.url
        soup = BeautifulSoup(response.content, "html.parser")
        for script in soup.find_all("script"):
            data_block = script.get("type") in ("application/json", "application/ld+json")
            assert script.get("src") or data_block, f"inline script on {live_page.url}"
        for element in soup.find_all(True):
            handlers = [name for name in element.attrs if name.lower().startswith("on")]
            assert not handlers, f"inline event handler {handlers} on {live_page.url}"
            for name in ("href", "src", "action"):
                value = str(element.get(name, "")).strip().lower()
                assert not value.startswith("javascript:"), live_page.url
    assert page.live


@pytest.mark.django_db
def test_admin_keeps_working_under_its_own_policy(client, home, production):
    admin = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(admin)
    page = make_standard_page(home, title="ROTA")
    for url in (
        "/admin/",
        f"/admin/pages/{home.pk}/",
        f"/admin/pages/{page.pk}/edit/",
        f"/admin/pages/add/home/standardpage/{home.pk}/",
        "/admin/images/",
    ):
        response = client.get(url, secure=True)
        assert response.status_code == 200, url
        policy = directives(response["Content-Security-Policy"])
        # Wagtail's own inline scripts, nothing from other origins.
        assert policy["script-src"] == ["'self'", "'unsafe-inline'", "'unsafe-eval'"], url
        # Never framed (only Wagtail's preview views say SAMEORIGIN, and then 'self').
        assert policy["frame-ancestors"] == ["'none'"], url
        assert response["X-Frame-Options"] == "DENY", url
        assert policy["object-src"] == ["'none'"], url


# --- admin login lockouts (django-axes; tests/test_security_lockouts.py has the rest) -------


@pytest.mark.django_db
def test_production_locks_a_user_name_from_one_address_only(client, production):
    get_user_model().objects.create_superuser("editor", "editor@example.org", "right")
    assert production.AXES_FAILURE_LIMIT == 5
    assert production.AXES_COOLOFF_TIME.total_seconds() == 15 * 60
    assert production.STGM_TRUSTED_PROXIES == []
    login = {"username": "editor", "password": "wrong"}
    # Reached directly, a client's own X-Forwarded-For changes nothing.
    direct = {"REMOTE_ADDR": "203.0.113.1", "secure": True}
    for attempt in range(5):
        client.post("/admin/login/", login, HTTP_X_FORWARDED_FOR=f"192.0.2.{attempt}", **direct)
    right = {"username": "editor", "password": "right"}
    blocked = client.post("/admin/login/", right, HTTP_X_FORWARDED_FOR="192.0.2.9", **direct)
    assert blocked.status_code == 429
    assert int(blocked["Retry-After"]) == 15 * 60
    elsewhere = client.post("/admin/login/", right, REMOTE_ADDR="203.0.113.2", secure=True)
    assert elsewhere.status_code == 302


def test_production_reads_the_trusted_proxies_and_the_application_limit(monkeypatch):
    prod = production_settings(
        monkeypatch, TRUSTED_PROXIES="127.0.0.1, 10.0.0.0/8", APPLICATIONS_PER_ADDRESS_PER_HOUR="50"
    )
    assert prod.STGM_TRUSTED_PROXIES == ["127.0.0.1", "10.0.0.0/8"]
    assert prod.STGM_APPLICATION_SUBMISSIONS_PER_ADDRESS == 50


# --- production settings with a sample environment ------------------------------------------


def test_on_sqlite_every_settings_module_waits_for_the_write_lock(monkeypatch, tmp_path):
    """With several gunicorn workers on one SQLite file, half of 64 concurrent stand
    applications failed with "database is locked" before (bench, 2026-11-25)."""
    prod = production_settings(monkeypatch, DATABASE_URL=f"sqlite:///{tmp_path / 'x.sqlite3'}")
    options = prod.DATABASES["default"]["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE" and options["timeout"] >= 20
    assert "journal_mode=WAL" in options["init_command"]
    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # the test settings
        assert settings.DATABASES["default"]["OPTIONS"] == options


def test_production_settings_import_with_a_sample_environment(monkeypatch):
    prod = production_settings(monkeypatch)
    assert prod.DEBUG is False
    assert prod.DATABASES["default"]["CONN_MAX_AGE"] == 60
    assert prod.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True
    assert prod.DATABASES["default"]["OPTIONS"]["connect_timeout"] == 5
    assert prod.CACHES["default"]["BACKEND"] == "config.cache.ReusedClientRedisCache"
    assert prod.SESSION_ENGINE == "django.contrib.sessions.backends.cached_db"
    assert prod.TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"
    assert prod.STORAGES["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert prod.SECURE_SSL_REDIRECT is True
    assert prod.CSRF_TRUSTED_ORIGINS == ["https://stgm.example.org"]
    assert prod.SENTRY_DSN == ""
    # The test database's settings are untouched by importing production.
    assert settings.DATABASES["default"].get("CONN_MAX_AGE", 0) == 0


def test_production_settings_take_object_storage_from_the_environment(monkeypatch):
    prod = production_settings(
        monkeypatch,
        AWS_STORAGE_BUCKET_NAME="stgm-media",
        AWS_S3_CUSTOM_DOMAIN="media.stgm.example.org",
        DB_CONN_MAX_AGE="300",
    )
    assert prod.STORAGES["default"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert prod.AWS_STORAGE_BUCKET_NAME == "stgm-media"
    assert prod.DATABASES["default"]["CONN_MAX_AGE"] == 300
    img_src = prod.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"]
    assert "https://media.stgm.example.org" in img_src


def test_production_starts_with_storage_and_error_reporting_configured():
    """In a fresh process: the S3 backend imports (boto3) and Sentry starts with a DSN."""
    code = (
        "import django; django.setup();"
        "from django.core.files.storage import storages;"
        "import sentry_sdk;"
        "options = sentry_sdk.get_client().options;"
        "print(type(storages['default']).__name__, sentry_sdk.get_client().is_active(),"
        " options['data_collection']['user_info'], options['data_collection']['http_bodies'],"
        " options['data_collection']['stack_frame_variables'], options['before_send'].__name__)"
    )
    env = {
        **{k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV},
        **PRODUCTION_ENV,
        "AWS_STORAGE_BUCKET_NAME": "stgm-media",
        "SENTRY_DSN": "https://public@sentry.example.org/1",
    }
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    # No user, no body, no frame variables, and every event through config.sentry.
    assert result.stdout.split() == ["S3Storage", "True", "False", "[]", "False", "before_send"]


def test_gunicorn_configuration_is_valid():
    env = {**PRODUCTION_ENV, "DATABASE_URL": "sqlite:///var/ci-deploy.sqlite3"}
    clean_env = {k: v for k, v in os.environ.items() if k not in env}
    result = subprocess.run(
        [
            str(settings.BASE_DIR / ".venv" / "bin" / "gunicorn")
            if (settings.BASE_DIR / ".venv" / "bin" / "gunicorn").exists()
            else "gunicorn",
            "--check-config",
            "-c",
            "config/gunicorn.py",
            "config.wsgi",
        ],
        cwd=settings.BASE_DIR,
        env={**clean_env, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_worker_command_exists_in_production():
    result = run_manage("db_worker", "--help", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert "--queue-name" in result.stdout or "queue" in result.stdout


# --- structured logs ------------------------------------------------------------------------


def test_log_lines_are_json_without_personal_data(rf):
    request = rf.post("/tr/festival/basvuru/?email=ayse@example.org&token=abc")
    record = logging.LogRecord(
        "django.request", logging.ERROR, __file__, 1, "Internal Server Error: %s", ("/x",), None
    )
    record.request = request
    record.status_code = 500
    try:
        raise ValueError("duplicate key: Key (email)=(ayse@example.org) already exists")
    except ValueError:
        record.exc_info = sys.exc_info()
    line = JSONFormatter().format(record)
    entry = json.loads(line)
    assert entry["level"] == "ERROR" and entry["status"] == 500
    assert entry["method"] == "POST"
    assert entry["path"] == "/tr/festival/basvuru/"
    assert "ayse" not in line and "token" not in line and "REMOTE_ADDR" not in line
    assert "\n" not in line


def test_gunicorn_access_lines_leave_out_address_and_query():
    atoms = {
        "h": "203.0.113.9",
        "m": "GET",
        "U": "/tr/",
        "q": "q=ayşe",
        "s": "200",
        "B": 512,
        "D": 12345,
        "f": "https://elsewhere.example/?who=x",
    }
    record = logging.LogRecord(
        "gunicorn.access", logging.INFO, __file__, 1, "%(h)s", (atoms,), None
    )
    line = GunicornAccessJSONFormatter().format(record)
    entry = json.loads(line)
    assert entry["path"] == "/tr/" and entry["status"] == 200 and entry["duration_ms"] == 12.3
    assert "203.0.113.9" not in line and "ayşe" not in line and "elsewhere" not in line


def test_scrub_masks_addresses_and_key_values():
    assert scrub("mail to a.b+c@d-e.org failed") == "mail to <email> failed"
    assert re.search(r"Key \(org, email\)=\(…\)", scrub("Key (org, email)=(Kadın, x@y.com)"))


def test_tests_and_production_share_one_middleware_list(monkeypatch):
    from django.conf import settings

    assert production_settings(monkeypatch).MIDDLEWARE == settings.MIDDLEWARE


@pytest.mark.django_db
def test_the_tests_serve_pages_under_the_public_content_security_policy(client, home):
    response = client.get(home.url)
    policy = directives(response["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]
    assert "Permissions-Policy" in response
