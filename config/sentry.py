"""Error reports (Sentry or a compatible service) without personal data.

`send_default_pii=False` alone still sends the request body, the query string (where the
applicant's private link carries its key), the stack frames' local variables (the form,
its cleaned data, the key) and most headers. Here nothing of the applicant leaves the server:

- the SDK is told what not to collect with its `data_collection` option (which replaces
  `send_default_pii` since sentry-sdk 2.6x): no user, cookie, body, query string, database
  parameter or frame variable, only harmless request headers;
- `before_send` (events and transactions) keeps, of the request, its method, its address
  without query string and with key-like path segments masked, and the same few headers;
  it drops the user's e-mail and name and every frame's variables (again), and runs the
  SDK's `EventScrubber`, recursive, with its denylist extended by the personal fields'
  names (the SDK itself runs no scrubber once `data_collection` is given);
- every string that is left (exception messages, log messages, breadcrumbs, span
  descriptions) is masked: e-mail addresses, PostgreSQL key details (config.logs.scrub),
  query strings of addresses and signed private keys;
- `before_breadcrumb` does the same to each breadcrumb as it is recorded.
"""

import re
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from sentry_sdk.scrubber import DEFAULT_DENYLIST, EventScrubber

from .logs import scrub as scrub_log_text

FILTERED = "[Filtered]"
# Request headers that say nothing about the person (the Referer may be a private link,
# Cookie and Authorization are credentials, X-Forwarded-For is an address).
SAFE_HEADERS = ("accept", "accept-language", "content-length", "content-type", "host")
# The applicants' personal fields and the private link's key, by name, wherever a dict
# carries them (on top of the SDK's secrets and addresses).
PERSONAL_KEYS = [
    "key",
    "access_key",
    "link_token",
    "token",
    "contact_name",
    "email",
    "e_mail",
    "phone",
    "organisation",
    "website",
    "exhibit",
    "team_accessibility_needs",
    "accessibility_needs",
    "summary",
    "why_it_matters",
    "username",
    "db.params",
    "http.query",
    "http.fragment",
    "url.query",
    "query_string",
]
# A signed private key (`<key>:<signature>`, base64url) or an address's query string.
SIGNED_KEY_RE = re.compile(r"[A-Za-z0-9_-]{16,}(?::|%3A)[A-Za-z0-9_-]{16,}")
SCRUBBER = EventScrubber(denylist=[*DEFAULT_DENYLIST, *PERSONAL_KEYS], recursive=True)
URL_QUERY_RE = re.compile(r"((?:https?://[^\s/?#\"'<>]+)?/[^\s?#\"'<>]*)\?[^\s#\"'<>]*")


def looks_like_key(segment: str) -> bool:
    """A path segment that is a key, not a slug: a signed token, or a long random run of
    upper and lower case letters and digits (slugs are lower case)."""
    if SIGNED_KEY_RE.fullmatch(segment):
        return True
    return (
        len(segment) >= 20
        and re.fullmatch(r"[A-Za-z0-9_-]+", segment) is not None
        and any(c.isupper() for c in segment)
        and any(c.isdigit() for c in segment)
    )


def clean_url(url: str) -> str:
    """The address without query string or fragment, key-like path segments masked."""
    parts = urlsplit(url)
    path = "/".join(FILTERED if looks_like_key(s) else s for s in parts.path.split("/"))
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def scrub_text(text: str) -> str:
    """Mask e-mail addresses, database key values, query strings and signed keys."""
    text = scrub_log_text(text)
    text = URL_QUERY_RE.sub(lambda m: clean_url(m.group(1)) + "?" + FILTERED, text)
    return SIGNED_KEY_RE.sub(FILTERED, text)


def scrub_strings(value: Any) -> Any:
    """Every string in a nested structure through `scrub_text` (in place for containers)."""
    if isinstance(value, str):
        return scrub_text(value)
    if isinstance(value, dict):
        for key in list(value):
            value[key] = scrub_strings(value[key])
    elif isinstance(value, list):
        for index, item in enumerate(value):
            value[index] = scrub_strings(item)
    return value


def scrub_request(request: dict[str, Any]) -> dict[str, Any]:
    headers = request.get("headers") or {}
    kept = {
        "method": request.get("method"),
        "url": clean_url(request.get("url") or ""),
        "headers": {k: v for k, v in headers.items() if k.lower() in SAFE_HEADERS},
    }
    return {k: v for k, v in kept.items() if v}


def drop_frame_variables(event: dict[str, Any]) -> None:
    exceptions = (event.get("exception") or {}).get("values") or []
    threads = (event.get("threads") or {}).get("values") or []
    for holder in [*exceptions, *threads]:
        for frame in (holder.get("stacktrace") or {}).get("frames") or []:
            frame.pop("vars", None)


def before_send(event: dict[str, Any], hint: dict[str, Any] | None = None) -> dict[str, Any]:
    """For events and transactions: keep what helps find the bug, nothing of the person."""
    if isinstance(event.get("request"), dict):
        event["request"] = scrub_request(event["request"])
    user = event.get("user")
    if isinstance(user, dict):  # an editor's id helps; their e-mail, name and address do not
        event["user"] = {"id": user["id"]} if "id" in user else {}
    drop_frame_variables(event)
    for breadcrumb in (event.get("breadcrumbs") or {}).get("values") or []:
        before_breadcrumb(breadcrumb)
    for span in event.get("spans") or []:
        for name in ("db.params", "http.query", "http.fragment", "url.query"):
            (span.get("data") or {}).pop(name, None)
    SCRUBBER.scrub_event(event)
    return scrub_strings(event)


def before_breadcrumb(
    breadcrumb: dict[str, Any], hint: dict[str, Any] | None = None
) -> dict[str, Any]:
    data = breadcrumb.get("data")
    if isinstance(data, dict):
        for name in ("db.params", "http.query", "http.fragment", "url.query", "body"):
            data.pop(name, None)
        if isinstance(data.get("url"), str):
            data["url"] = clean_url(data["url"])
    return scrub_strings(breadcrumb)


def sentry_options() -> dict[str, Any]:
    """The keyword arguments of `sentry_sdk.init` (besides the DSN, environment, release
    and sampling), shared by the production settings and the tests."""
    return {
        "data_collection": {
            "user_info": False,
            "cookies": {"mode": "off"},
            "http_headers": {"request": {"mode": "allowlist", "terms": list(SAFE_HEADERS)}},
            "http_bodies": [],
            "url_query_params": {"mode": "off"},
            "graphql": {"document": False, "variables": False},
            "gen_ai": {"inputs": False, "outputs": False},
            "database_query_data": False,
            "queues": False,
            "stack_frame_variables": False,
        },
        "max_request_body_size": "never",
        "before_send": before_send,
        "before_send_transaction": before_send,
        "before_breadcrumb": before_breadcrumb,
    }
