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
from functools import lru_cache

from csp.constants import HEADER
from csp.middleware import CheckableLazyObject, CSPMiddleware, PolicyParts
from csp.utils import build_policy
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponseBase

ADMIN_PREFIX = "/admin/"
CORP_HEADER = "Cross-Origin-Resource-Policy"
# What a view or a template can set to change the policy of one response (django-csp's
# decorators); a response with none of them gets the header built once per process.
PER_RESPONSE_POLICY = (
    "_csp_config",
    "_csp_update",
    "_csp_replace",
    "_csp_exempt",
    "_csp_config_ro",
    "_csp_update_ro",
    "_csp_replace_ro",
    "_csp_exempt_ro",
)


def frame_ancestors(response: HttpResponseBase) -> list[str]:
    """The CSP `frame-ancestors` that says what the response's X-Frame-Options says."""
    if response.get("X-Frame-Options", "").upper() == "SAMEORIGIN":
        return ["'self'"]
    return ["'none'"]


def policy_for(path_info: str) -> dict | None:
    """The policy setting that applies to a path: the admin's under /admin/."""
    admin_policy = settings.STGM_ADMIN_CONTENT_SECURITY_POLICY
    if admin_policy and path_info.startswith(ADMIN_PREFIX):
        return admin_policy
    return getattr(settings, "CONTENT_SECURITY_POLICY", None)


@lru_cache(maxsize=16)
def fixed_header(admin: bool, ancestors: tuple[str, ...]) -> str:
    """The header of a response without a nonce or a policy of its own: the same for every
    such response of one part of the site with one frame rule, so built once."""
    policy = policy_for(ADMIN_PREFIX if admin else "/")
    if not policy:
        return ""
    return build_policy(config={**policy["DIRECTIVES"], "frame-ancestors": list(ancestors)})


@receiver(setting_changed)
def forget_fixed_headers(setting: str, **_kwargs) -> None:
    if "CONTENT_SECURITY_POLICY" in setting:
        fixed_header.cache_clear()


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp, with the admin's policy under /admin/ and the strict one elsewhere."""

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        # django-csp builds the header anew for every response (copying the whole policy);
        # a page that used no nonce and set no policy of its own gets the one built before.
        if (
            getattr(request, "_csp_nonce", None) is not None
            or HEADER in response
            or any(hasattr(response, name) for name in PER_RESPONSE_POLICY)
            or getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None)
            or settings.DEBUG
        ):
            return super().process_response(request, response)
        excluded = (getattr(settings, "CONTENT_SECURITY_POLICY", None) or {}).get(
            "EXCLUDE_URL_PREFIXES"
        )
        if excluded and request.path_info.startswith(tuple(excluded)):
            return super().process_response(request, response)
        admin = bool(settings.STGM_ADMIN_CONTENT_SECURITY_POLICY) and (
            request.path_info.startswith(ADMIN_PREFIX)
        )
        header = fixed_header(admin, tuple(frame_ancestors(response)))
        if header:
            response[HEADER] = header
        # As django-csp does: a nonce asked for after the header is written is an error.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only or parts.config is not None:
            return parts
        policy = policy_for(request.path_info)
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
