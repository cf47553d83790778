"""Single requests around the load: the probe that reads a URL's status, SQL count, size and
page-cache verdict, and the CSRF cookie a POST target needs."""

import time
import urllib.error
import urllib.parse
import urllib.request

PROBE_TIMEOUT = 30  # seconds for the single request before the load


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """A POST answered with 303 is measured as the 303, not as the page it points to."""

    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def quote(path: str) -> str:
    return urllib.parse.quote(path, safe="/?=&%:+,;@-._~")


def probe(base: str, target: dict) -> tuple[int, int | None, int, str]:
    """One request: status, SQL queries, body size, and the full-page cache's verdict.
    Status 0: slower than PROBE_TIMEOUT (reported, not loaded)."""
    body = target.get("body", "").replace("{n}", f"probe-{time.time_ns()}")
    request = urllib.request.Request(
        base + quote(target["path"]),
        data=body.encode() or None,
        method=target["method"],
        headers=target.get("headers", {}),
    )
    try:
        with OPENER.open(request, timeout=PROBE_TIMEOUT) as response:
            content = response.read()
            status, headers = response.status, response.headers
    except urllib.error.HTTPError as error:
        content, status, headers = error.read(), error.code, error.headers
    except (TimeoutError, urllib.error.URLError):
        return 0, None, 0, ""
    queries = headers.get("X-Bench-Queries")
    cache = headers.get("X-Page-Cache", "")
    return status, int(queries) if queries is not None else None, len(content), cache


def with_csrf(base: str, target: dict) -> dict:
    """A POST target with the CSRF cookie of a GET of the same URL and its token in the body
    (a visitor who opened the form, then sent it)."""
    if not target.get("csrf"):
        return target
    with OPENER.open(base + quote(target["path"]), timeout=PROBE_TIMEOUT) as response:
        cookies = response.headers.get_all("Set-Cookie") or []
    token = next(
        (c.split(";")[0].split("=", 1)[1] for c in cookies if c.startswith("csrftoken=")), ""
    )
    if not token:
        raise SystemExit(f"no CSRF cookie from GET {target['path']}")
    headers = {**target.get("headers", {}), "Cookie": f"csrftoken={token}"}
    body = f"{target.get('body', '')}&csrfmiddlewaretoken={token}"
    return {**target, "headers": headers, "body": body}
