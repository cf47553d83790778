"""The benchmark (`make bench`): production settings, relaxed only where plain HTTP on
loopback needs it, plus a query counter and the framework-ceiling view.

Everything else (DEBUG off, persistent connections, Redis cache and sessions, WhiteNoise
with hashed static files, the security middleware and CSP) is production's.
"""

import os

from .base import VAR_DIR

BENCH_DIR = VAR_DIR / "bench"
os.environ.setdefault("SECRET_KEY", "bench-only-not-secret-" + "x" * 40)
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{BENCH_DIR / 'bench-scale1.sqlite3'}")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/2")
os.environ.setdefault("CACHE_KEY_PREFIX", "stgm-bench")
# Plain HTTP on loopback: no HTTPS redirect, no secure-only cookies, no upgrade of requests.
os.environ["SECURE_SSL_REDIRECT"] = "false"
os.environ.setdefault("SESSION_COOKIE_SECURE", "false")
os.environ.setdefault("CSRF_COOKIE_SECURE", "false")
os.environ.setdefault("LOG_LEVEL", "WARNING")

from .production import *  # noqa: E402, F403
from .production import MIDDLEWARE  # noqa: E402

ROOT_URLCONF = "config.bench_urls"
MIDDLEWARE = ["bench.middleware.QueryCountMiddleware", *MIDDLEWARE]
STATIC_ROOT = BENCH_DIR / "static"
# Content is generated in one process with no worker: run tasks (search index) at once. The
# measured server queues them in the database as production does (BENCH_QUEUE_TASKS=1; no
# worker runs, so queued e-mails and search-log entries wait there).
if os.environ.get("BENCH_QUEUE_TASKS") == "1":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
else:
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://127.0.0.1"
# wrk sends every stand application from 127.0.0.1: lift the per-address limit (still counted).
STGM_APPLICATION_SUBMISSIONS_PER_ADDRESS = 10**9
