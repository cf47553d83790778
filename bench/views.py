"""The bench's yardsticks, behind the same middleware and server as the site (routed by
config/bench_urls.py): the framework ceiling (a trivial view) and the floor of a Wagtail page
on this stack (what a bare `wagtail start` page does: find the site, read its root page,
render a template with Wagtail's tags)."""

from django.http import HttpRequest, HttpResponse
from django.template import engines
from wagtail.models import Site

FLOOR_TEMPLATE = """{% load wagtailcore_tags %}<!doctype html>
<html lang="tr"><head><meta charset="utf-8"><title>{{ page.title }}</title></head>
<body><h1>{{ page.title }}</h1><p><a href="{% pageurl page %}">{{ page.title }}</a></p></body>
</html>"""


def ceiling(request: HttpRequest) -> HttpResponse:
    return HttpResponse(b"ok", content_type="text/plain")


def floor(request: HttpRequest) -> HttpResponse:
    site = Site.find_for_request(request)
    page = site.root_page if site else None
    template = engines["django"].from_string(FLOOR_TEMPLATE)
    return HttpResponse(template.render({"page": page}, request))
