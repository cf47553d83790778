"""Production settings: required variables and a clean `check --deploy`."""

import os
import subprocess
import sys

from django.conf import settings

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "a-long-random-production-secret-for-the-deploy-check-0123456789",
    "ALLOWED_HOSTS": "stgm.example.org",
    "DATABASE_URL": "postgres://stgm@db.example.org:5432/stgm",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


def run_manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    clean_env = {k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={**clean_env, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deploy_check():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_to_start_without_a_secret_key():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_base_settings_are_safe_by_default():
    from config.settings import base

    assert base.DEBUG is False
    assert base.SECRET_KEY == os.environ.get("SECRET_KEY", "")


def test_every_project_setting_the_code_reads_is_declared_with_its_default_in_base():
    import re
    from pathlib import Path

    from config.settings import base

    root = Path(__file__).resolve().parent.parent
    read = set()
    for path in root.glob("*/**/*.py"):
        if not {".venv", "tests", "migrations"} & set(path.relative_to(root).parts):
            read |= set(re.findall(r"settings\.(STGM_[A-Z_]+)", path.read_text()))
    assert read, "the code reads STGM_ settings"
    assert read <= set(dir(base)), read - set(dir(base))


SHOW_BASE_URL = "from django.conf import settings; print(settings.WAGTAILADMIN_BASE_URL)"


def test_development_links_follow_the_port_make_run_serves_on():
    # `make run PORT=8123` passes PORT on; e-mailed links (and the demo's Site) use it.
    env = {"DJANGO_SETTINGS_MODULE": "config.settings.dev", "PORT": "8123"}
    clean_env = {k: v for k, v in os.environ.items() if k != "WAGTAILADMIN_BASE_URL"}
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", SHOW_BASE_URL],
        cwd=settings.BASE_DIR,
        env={**clean_env, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout.strip().splitlines()[-1] == "http://127.0.0.1:8123", result.stderr
