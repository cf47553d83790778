"""The site's URLs plus the framework ceiling: a trivial view behind the same middleware."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns


def ceiling(request: HttpRequest) -> HttpResponse:
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("bench/ceiling/", ceiling, name="bench_ceiling"), *site_urlpatterns]
