"""Security middleware and header helpers (one middleware list for every settings module).

- `ContentSecurityPolicyMiddleware`: django-csp's middleware with one strict policy for the
  public site (`CONTENT_SECURITY_POLICY`: scripts only from our own origin, no inline scripts)
  and a second one for the Wagtail admin (`STGM_ADMIN_CONTENT_SECURITY_POLICY`), because
  Wagtail 8's own admin templates still carry inline scripts (date pickers, inline panels,
  wagtail-localize's editor) that we cannot change. Its `frame-ancestors` follows the
  response's `X-Frame-Options`: 'none' with DENY (every page), 'self' with SAMEORIGIN (the
  preview views the page editor frames), so old and new browsers apply the same rule.
- `CrossOriginResourcePolicyMiddleware`: `Cross-Origin-Resource-Policy` on what Django answers
  (Django 5.2 has no setting); WhiteNoise's static files get theirs from
  `config.policies.static_file_headers`.

The Permissions-Policy header is django-permissions-policy's (`PERMISSIONS_POLICY`), the admin
login lockouts django-axes' (core/lockouts.py).
"""

from collections.abc import Callable

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

ADMIN_PREFIX = "/admin/"
CORP_HEADER = "Cross-Origin-Resource-Policy"


def frame_ancestors(response: HttpResponseBase) -> list[str]:
    """The CSP `frame-ancestors` that says what the response's X-Frame-Options says."""
    if response.get("X-Frame-Options", "").upper() == "SAMEORIGIN":
        return ["'self'"]
    return ["'none'"]


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp, with the admin's policy under /admin/ and the strict one elsewhere."""

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only or parts.config is not None:
            return parts
        policy = getattr(settings, "CONTENT_SECURITY_POLICY", None)
        admin_policy = settings.STGM_ADMIN_CONTENT_SECURITY_POLICY
        if admin_policy and request.path_info.startswith(ADMIN_PREFIX):
            policy = admin_policy
        if policy:
            parts.config = {**policy["DIRECTIVES"], "frame-ancestors": frame_ancestors(response)}
        return parts


class CrossOriginResourcePolicyMiddleware:
    """`Cross-Origin-Resource-Policy: STGM_CROSS_ORIGIN_RESOURCE_POLICY` unless a view set one."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        policy = settings.STGM_CROSS_ORIGIN_RESOURCE_POLICY
        if policy and CORP_HEADER not in response:
            response[CORP_HEADER] = policy
        return response
