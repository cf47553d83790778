"""The framework ceiling: a trivial view behind the same middleware and server as the site
(routed by config/bench_urls.py), the yardstick of every page's figures."""

from django.http import HttpRequest, HttpResponse


def ceiling(request: HttpRequest) -> HttpResponse:
    return HttpResponse(b"ok", content_type="text/plain")
