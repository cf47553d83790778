"""Security middleware used by the production settings.

- `ContentSecurityPolicyMiddleware`: django-csp's middleware with one strict policy for the
  public site (`CONTENT_SECURITY_POLICY`: scripts only from our own origin, no inline scripts)
  and a second one for the Wagtail admin (`STGM_ADMIN_CONTENT_SECURITY_POLICY`), because
  Wagtail 8's own admin templates still carry inline scripts (date pickers, inline panels,
  wagtail-localize's editor) that we cannot change.
- `PermissionsPolicyMiddleware`: the `Permissions-Policy` header (Django 5.2 has no setting).
- `AdminLoginThrottleMiddleware`: refuses the admin login with 429 after too many failed
  attempts from one client address, or for one user name, within a window. Counters live in
  the default cache (Redis in production), so every app server shares them.
"""

import hashlib
from collections.abc import Callable

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.urls import reverse
from django.utils.translation import gettext as _

ADMIN_PREFIX = "/admin/"


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp, with the admin's policy under /admin/ and the strict one elsewhere."""

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        admin_policy = settings.STGM_ADMIN_CONTENT_SECURITY_POLICY
        if (
            not report_only
            and parts.config is None
            and admin_policy
            and request.path_info.startswith(ADMIN_PREFIX)
        ):
            parts.config = admin_policy["DIRECTIVES"]
        return parts


class PermissionsPolicyMiddleware:
    """Set `Permissions-Policy` from the `PERMISSIONS_POLICY` setting (feature -> origins)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response
        policy: dict[str, list[str]] = getattr(settings, "PERMISSIONS_POLICY", {})
        self.header = ", ".join(
            f"{feature}=({' '.join(origins)})" for feature, origins in policy.items()
        )

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if self.header and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = self.header
        return response


def client_address(request: HttpRequest) -> str:
    """The client's address: behind `STGM_TRUSTED_PROXY_COUNT` proxies, read X-Forwarded-For.

    Each trusted proxy appends the address it received the request from, so the client is
    the entry that many places from the right; anything further left is the client's word.
    """
    proxies = int(settings.STGM_TRUSTED_PROXY_COUNT)
    if proxies:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def _digest(value: str) -> str:
    # Counter keys hold no user name or address in clear (they could show in a cache dump).
    return hashlib.sha256(value.encode()).hexdigest()[:32]


class AdminLoginThrottleMiddleware:
    """Count failed POSTs to the admin login; refuse further attempts for a while."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response
        self.per_address = int(settings.STGM_LOGIN_FAILURES_PER_ADDRESS)
        self.per_username = int(settings.STGM_LOGIN_FAILURES_PER_USERNAME)
        self.window = int(settings.STGM_LOGIN_FAILURE_WINDOW)
        self._login_path: str | None = None

    @property
    def login_path(self) -> str:
        if self._login_path is None:
            self._login_path = reverse("wagtailadmin_login")
        return self._login_path

    def keys(self, request: HttpRequest) -> list[tuple[str, int]]:
        username = request.POST.get("username", "").strip().casefold()
        return [
            (f"login-fail:addr:{_digest(client_address(request))}", self.per_address),
            (f"login-fail:user:{_digest(username)}", self.per_username),
        ]

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.method != "POST" or request.path_info != self.login_path:
            return self.get_response(request)
        keys = self.keys(request)
        counts = cache.get_many([key for key, _limit in keys])
        if any(counts.get(key, 0) >= limit for key, limit in keys):
            response = HttpResponse(
                _("Too many failed login attempts. Please try again later."),
                status=429,
                content_type="text/plain; charset=utf-8",
            )
            response["Retry-After"] = str(self.window)
            return response
        response = self.get_response(request)
        # A successful login redirects; a failed one renders the form again (200).
        if response.status_code == 200:
            for key, _limit in keys:
                if cache.add(key, 1, timeout=self.window):
                    continue
                try:
                    cache.incr(key)
                except ValueError:  # expired between add() and incr()
                    cache.add(key, 1, timeout=self.window)
        return response
