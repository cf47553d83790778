"""`/healthz`: is this app server able to serve? (database and cache, as JSON).

Only the database is essential: without it the server answers 503 (config/outage.py), so a
load balancer must take it out. Without Redis every server still serves, uncached
(config/cache.py): the probe answers 200 with `"status": "degraded"` and the cache check
failed, so that an outage of the shared cache never takes every server out at once.

A middleware rather than a URL so that it answers before the host check, the HTTPS redirect,
the locale redirect and the sessions: a load balancer probes app servers by their address
over plain HTTP, and a probe must never create a session or be cached.
"""

import time
import uuid
from collections.abc import Callable

from django.core.cache import cache
from django.db import connections
from django.http import HttpRequest, HttpResponse, JsonResponse

HEALTH_PATH = "/healthz"


def check_database() -> None:
    for alias in connections:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()


class CacheUnavailable(RuntimeError):
    """The cache kept nothing: config.cache answers every operation as a miss."""


def check_cache() -> None:
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", timeout=10)
    value = cache.get(key)
    cache.delete(key)
    if value != "ok":
        raise CacheUnavailable("the cache did not return the value just written")


CHECKS: dict[str, Callable[[], None]] = {"database": check_database, "cache": check_cache}
#: The checks whose failure makes the server unable to serve (503).
ESSENTIAL = {"database"}


def health_report() -> tuple[bool, dict[str, dict[str, object]]]:
    """Run every check; each reports ok and its duration, or the kind of error it raised.
    The server is healthy while every essential check passes."""
    results: dict[str, dict[str, object]] = {}
    healthy = True
    for name, check in CHECKS.items():
        started = time.perf_counter()
        try:
            check()
        except Exception as error:  # noqa: BLE001 - any failure is reported
            healthy = healthy and name not in ESSENTIAL
            # The class name only: a message may carry a host name or a password.
            results[name] = {"ok": False, "error": type(error).__name__}
        else:
            results[name] = {"ok": True}
        results[name]["ms"] = round((time.perf_counter() - started) * 1000, 1)
    return healthy, results


class HealthCheckMiddleware:
    """Answer GET/HEAD /healthz with 200 (ok or degraded) or 503 (unavailable) and a JSON
    body; pass everything else on."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info != HEALTH_PATH:
            return self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            return JsonResponse({"status": "method not allowed"}, status=405)
        healthy, checks = health_report()
        if not healthy:
            status = "unavailable"
        elif all(check["ok"] for check in checks.values()):
            status = "ok"
        else:
            status = "degraded"
        response = JsonResponse(
            {"status": status, "checks": checks}, status=200 if healthy else 503
        )
        response["Cache-Control"] = "no-store"
        return response
