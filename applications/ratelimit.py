"""Per-address limits on public forms, with counters in the shared cache (Redis in
production). Keys hold a digest of the address, never the address itself."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """As config.security does: behind STGM_TRUSTED_PROXY_COUNT proxies, read X-Forwarded-For."""
    proxies = int(settings.STGM_TRUSTED_PROXY_COUNT)
    if proxies:
        forwarded = [p.strip() for p in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [p for p in forwarded if p]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def _key(scope: str, request: HttpRequest) -> str:
    digest = hashlib.sha256(f"{settings.SECRET_KEY}|{client_address(request)}".encode())
    return f"applications:rate:{scope}:{digest.hexdigest()[:32]}"


def limits() -> tuple[int, int]:
    """(submissions allowed, window in seconds) per address."""
    return (
        int(settings.STGM_APPLICATION_SUBMISSIONS_PER_ADDRESS),
        int(settings.STGM_APPLICATION_RATE_WINDOW),
    )


def hit(scope: str, request: HttpRequest) -> bool:
    """Count one attempt; False once the address has used up its attempts in the window."""
    allowed, window = limits()
    key = _key(scope, request)
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count <= allowed
