"""Middleware of the site-wide kernel."""

from collections.abc import Callable

from django.http import Http404, HttpRequest, HttpResponseBase
from django.utils.translation import get_language_from_path
from wagtail import views as wagtail_views

from . import routing


class PageRoutingMiddleware:
    """Finds the page of a request to Wagtail's page view from core.routing's cached steps
    (one query, the page's row) and leaves the result where `Page.route_for_request` looks
    first (`request._wagtail_route_for_request`, as it caches its own), with the site where
    `Site.find_for_request` does. Other views of the public site (under a language prefix:
    search, feeds) get the site and its root paths from the cache the same way, for the
    page links they show; any other view (the admin, health checks) is left alone."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> None:
        if view_func is not wagtail_views.serve:
            if get_language_from_path(request.path_info) and routing.find_site(request):
                routing.remember_site_root_paths(request)
            return None
        if hasattr(request, "_wagtail_route_for_request"):
            return None
        path = view_kwargs.get("path", view_args[0] if view_args else "")
        try:
            request._wagtail_route_for_request = routing.route(request, path)
        except Http404:
            request._wagtail_route_for_request = None
        return None
