"""What every part of the driver shares: paths, the bench database it talks about, the
environment of the processes it starts (Django's side, gunicorn), and the log."""

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var" / "bench"
PYTHON = sys.executable
# The bench's own Redis database (2 by default), emptied before each pass: never the site's.
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/2")
# Variables of the caller's environment that must not leak into the bench's processes.
PRIVATE_PREFIXES = (
    "DJANGO_",
    "SECRET_KEY",
    "REDIS_URL",
    "SENTRY_",
    "ALLOWED_HOSTS",
    "CSRF_",
    "AWS_",
)


@dataclass
class Database:
    label: str  # "sqlite" or "postgresql"
    url: str


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def bench_env(database: Database, **extra: str) -> dict[str, str]:
    """The environment of a process of the bench: config.settings.bench on `database`."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(PRIVATE_PREFIXES)}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.bench",
        DATABASE_URL=database.url,
        REDIS_URL=REDIS_URL,
        PYTHONUNBUFFERED="1",
    )
    env.update(extra)
    return env


def run_json(args: list[str], env: dict[str, str], timeout: int) -> tuple[object, str]:
    """Run `python ARGS` in the project: its JSON answer (the last line it prints), or None
    when it failed, and the end of what it wrote on standard error."""
    result = subprocess.run(
        [PYTHON, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    errors = result.stderr.strip()[-4000:]
    if result.returncode != 0:
        return None, errors
    return json.loads(result.stdout.strip().splitlines()[-1]), errors


def in_django(args: list[str], env: dict[str, str], timeout: int = 3600) -> object:
    """Run `python -m bench.content ARGS` (inside Django) and return its JSON answer."""
    answer, errors = run_json(["-m", "bench.content", *args], env, timeout)
    if answer is None:
        raise SystemExit(f"bench.content {args} failed:\n{errors}")
    if errors:
        log(errors[-2000:])
    return answer


def manage(database: Database, *args: str, timeout: int = 1800) -> None:
    """Run a `manage.py` command with the bench settings on `database`."""
    subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=bench_env(database),
        check=True,
        timeout=timeout,
    )


def flush_bench_cache() -> None:
    """Empty the bench's own Redis database, never the site's."""
    import redis

    redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).flushdb()
