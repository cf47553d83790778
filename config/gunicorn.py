"""gunicorn configuration: `gunicorn -c config/gunicorn.py config.wsgi`.

Every value can be changed from the environment (the names gunicorn itself documents where
it has one). Sync workers: Wagtail renders pages on the CPU and talks to PostgreSQL and
Redis, so one process per request is the simple, robust model; put a buffering proxy
(nginx, a cloud load balancer) in front so slow clients never hold a worker.
"""

import multiprocessing
import os
import sys
from pathlib import Path

# gunicorn reads this file before it imports the application: make `config` importable.
PROJECT_DIR = str(Path(__file__).resolve().parent.parent)
if PROJECT_DIR not in sys.path:
    sys.path.insert(0, PROJECT_DIR)

from config.logs import GunicornAccessJSONFormatter, JSONFormatter  # noqa: E402

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")  # noqa: S104 - behind the proxy
# The usual (2 x cores) + 1; WEB_CONCURRENCY (gunicorn's own variable) overrides it.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
# Whole seconds a request may take before its worker is killed and replaced.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# Recycle each worker after some thousands of requests (with jitter, so they do not all
# restart together): bounds the growth of any per-process memory.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "500"))
# Heartbeat files in memory, not on a possibly slow disk.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108
# Trust X-Forwarded-* only from these proxy addresses (comma-separated; "*" behind a
# private load balancer that cannot be bypassed).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# Requests are limited before Django sees them.
limit_request_line = 8190
limit_request_fields = 100

# JSON lines on standard error for gunicorn's own messages and the access log.
ACCESS_LOG = os.environ.get("GUNICORN_ACCESS_LOG", "true") == "true"
accesslog = "-" if ACCESS_LOG else None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": JSONFormatter},
        "access_json": {"()": GunicornAccessJSONFormatter},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "access_json",
            "stream": "ext://sys.stderr",
        },
        "error_console": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "stream": "ext://sys.stderr",
        },
    },
    "root": {"level": "INFO", "handlers": []},
    "loggers": {
        "gunicorn.error": {"level": "INFO", "handlers": ["error_console"], "propagate": False},
        "gunicorn.access": {
            "level": "INFO" if ACCESS_LOG else "WARNING",
            "handlers": ["console"],
            "propagate": False,
        },
    },
}
