"""Full-page cache for anonymous visitors.

Served from the cache: GET and HEAD requests without a session or messages cookie, for pages
served by Wagtail (routable sub-pages and feeds included) and the views that apps mark with
`core.caching.cacheable_page` (the sitemap, robots.txt, calendar feeds). Stored only when
the response is a 200 that sets no cookie (a page with a form sets the CSRF cookie, a
message sets its cookie), is not marked private or no-store, and the request carried no
session. The key is the host, scheme, full path with query string and the active language,
plus the generations of core.versions (content, occurrences, applications), which every
change to what public pages show retires.

A CSRF cookie alone does not keep a visitor from the cache: an applicant who once opened a
stand form keeps that cookie for a year, and a stored page carries no token (rendering one
marks the response, which is then not stored), so it is the same page for them.

With `STGM_FRONTEND_CACHE_SECONDS` > 0, the same storable responses also tell a CDN or proxy
in front that it may keep them (`Cache-Control: public, max-age=0, s-maxage=N`, `Vary:
Cookie`); browsers revalidate, the shared cache keeps the page until frontend.py purges it
or N seconds pass. Nothing else gets the header: not a response that sets a cookie or carries
a CSRF token, not an editor's page, not an error, not anything private.
"""

import hashlib
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.cache import get_max_age, patch_cache_control, patch_vary_headers
from django.utils.translation import get_language

from core.caching import is_cacheable_page
from core.versions import PAGE_GENERATIONS, generation

# Wagtail's page view is not ours to mark; every other cacheable view is marked by its app.
WAGTAIL_SERVE = "wagtail.views.serve"
SKIP_PREFIXES = ("/admin/", "/static/", "/media/", "/documents/", "/healthz")
HIT_HEADER = "X-Page-Cache"


def view_path(view) -> str:
    """ "module.name" of a view function, or of the class of a view instance (a Feed)."""
    view = getattr(view, "__wrapped__", view)
    name = getattr(view, "__name__", None) or type(view).__name__
    return f"{getattr(view, '__module__', '')}.{name}"


class PageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response
        self.seconds = int(settings.STGM_PAGE_CACHE_SECONDS)
        self.shared_cache_seconds = int(settings.STGM_FRONTEND_CACHE_SECONDS)
        self.session_cookie = settings.SESSION_COOKIE_NAME
        self.messages_cookie = getattr(settings, "MESSAGE_COOKIE_NAME", "messages")

    def request_is_anonymous(self, request: HttpRequest) -> bool:
        return (
            request.method in ("GET", "HEAD")
            and self.session_cookie not in request.COOKIES
            and self.messages_cookie not in request.COOKIES
            and "HTTP_AUTHORIZATION" not in request.META
            and not request.path_info.startswith(SKIP_PREFIXES)
        )

    def key(self, request: HttpRequest) -> str:
        raw = "|".join(
            [
                request.scheme,
                request.get_host(),
                request.get_full_path(),
                get_language() or "",
            ]
        )
        digest = hashlib.sha256(raw.encode()).hexdigest()
        generations = ".".join(str(generation(name)) for name in PAGE_GENERATIONS)
        return f"pagecache:{generations}:{digest}"

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not (self.seconds or self.shared_cache_seconds):
            return self.get_response(request)
        if not self.request_is_anonymous(request):
            return self.get_response(request)
        key = self.key(request) if self.seconds else None
        cached = cache.get(key) if key else None
        if cached is not None:
            status, headers, content = cached
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response[HIT_HEADER] = "hit"
            # As on a miss: a shared cache in front must not give this to a logged-in editor.
            patch_vary_headers(response, ("Cookie",))
            return response
        response = self.get_response(request)
        if self.storable(request, response):
            if self.shared_cache_seconds:
                # Before storing, so that hits carry the same header.
                self.allow_shared_caching(response)
            if key:
                headers = [(name, value) for name, value in response.items() if name != HIT_HEADER]
                cache.set(key, (response.status_code, headers, response.content), self.seconds)
                response[HIT_HEADER] = "miss"
        return response

    def allow_shared_caching(self, response: HttpResponseBase) -> None:
        """Let a CDN keep this anonymous response until it is purged or expires."""
        # A view's own max-age (the feeds' 15 minutes for calendar apps) still holds for
        # browsers; pages get 0, so that a browser asks again and sees a purge at once.
        max_age = get_max_age(response)
        patch_cache_control(
            response,
            public=True,
            max_age=max_age if max_age is not None else 0,
            s_maxage=self.shared_cache_seconds,
        )
        patch_vary_headers(response, ("Cookie",))

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> None:
        cacheable = is_cacheable_page(view_func) or view_path(view_func) == WAGTAIL_SERVE
        request._pagecache_cacheable = cacheable  # type: ignore[attr-defined]

    def storable(self, request: HttpRequest, response: HttpResponseBase) -> bool:
        if request.method != "GET":
            return False
        if not getattr(request, "_pagecache_cacheable", False):
            return False
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            return False  # a CSRF token was rendered: it belongs to this visitor only
        session = getattr(request, "session", None)
        if session is not None and (session.session_key or not session.is_empty()):
            return False
        user = getattr(request, "user", None)
        if user is not None and getattr(user, "is_authenticated", False):
            return False
        cache_control = response.get("Cache-Control", "").lower()
        if "private" in cache_control or "no-store" in cache_control:
            return False
        return True
