"""Wagtail's page routing from cached steps: which page a URL names, in one query.

Wagtail finds the page of a URL by finding the site (a query), the home page in the active
language (two: the locale, the specific page), then for each slug the child (a query) and
its specific row (another): seven queries for a page two levels down, before its template
starts. Which page a host, a language or a slug names changes only when a site or a page is
published, unpublished, moved, renamed or deleted, all of which retire the content
generation (core.versions); so each step is cached under it, and a page costs one query,
its own row (with its type's `route_select_related`), which also checks that it still
exists and is live.

Pages whose type routes on its own (RoutablePageMixin: sub-pages, feeds) are fetched and
asked, as Wagtail does, when one of their sub-routes matches the rest of the path; when none
does, they would hand it back to `BasePage.route`, so the walk goes on below them without
their row (an event below the events index costs one page query, not two). What is not
found is never cached (a mistyped URL stores nothing), nor is a slug that no page could
have. With the shared cache away, each request computes its steps (a generation of its
own, core.versions), as Wagtail alone would.
"""

import pickle
import re
from typing import NamedTuple

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404, HttpRequest
from django.http.request import split_domain_port
from django.urls import Resolver404
from django.utils.translation import get_language
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site
from wagtail.models.sites import get_site_for_hostname
from wagtail.url_routing import RouteResult

from .versions import content_generation, local_copies, versioned_get_or_set

#: Seconds a step stays in the shared cache (a new generation makes it unreachable anyway).
STEP_SECONDS = 60 * 60
#: What a slug can be (WAGTAIL_ALLOW_UNICODE_SLUGS is off); anything else is asked, not cached.
SLUG = re.compile(r"[-\w]{1,255}", re.ASCII)


class PageRef(NamedTuple):
    """What routing needs of a page: where it is in the tree and its type."""

    pk: int
    content_type_id: int
    path: str
    depth: int


def _ref(page: Page) -> PageRef:
    return PageRef(page.pk, page.content_type_id, page.path, page.depth)


def _cached(key: str, compute):
    """The step under `key`: this process's copy, the shared cache's, or `compute()`,
    stored only when something was found."""
    found, value = local_copies.get(key)
    if found:
        return value
    value = cache.get(key)
    if value is None:
        value = compute()
        if value is None:
            return None
        cache.set(key, value, STEP_SECONDS)
    local_copies.put(key, value, STEP_SECONDS)
    return value


def find_site(request: HttpRequest) -> Site | None:
    """`Site.find_for_request` from the cache; each request unpickles its own copy (the
    site and its root page) to keep, as it would get from the database."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()

    def compute() -> bytes | None:
        try:
            return pickle.dumps(get_site_for_hostname(hostname, port))
        except Site.DoesNotExist:
            return None

    if len(hostname) > 200 or not hostname.isascii() or not hostname.isprintable():
        pickled = compute()
    else:
        pickled = _cached(f"routing:pickled-site:{content_generation()}:{hostname}:{port}", compute)
    site = pickle.loads(pickled) if pickled is not None else None  # noqa: S301 - our own
    request._wagtail_site = site  # where Wagtail's Site.find_for_request keeps it
    return site


def remember_site_root_paths(request: HttpRequest) -> None:
    """Wagtail's site root paths (what every `page.get_url(request)` starts from), kept in
    this process instead of read from the shared cache on each request. Wagtail keeps its
    own copy until a site or a home page is saved; a site saved, a home page published,
    moved or renamed retires this one (a home page's new draft translation has no public
    page below it until it is published)."""
    key = f"routing:site-root-paths:{content_generation()}"
    request._wagtail_cached_site_root_paths = versioned_get_or_set(  # where Wagtail keeps it
        key, Site.get_site_root_paths, STEP_SECONDS
    )


def localized_root(site: Site) -> PageRef:
    """The site's home page in the active language (Wagtail's `root_page.localized`)."""
    key = f"routing:root:{content_generation()}:{site.pk}:{get_language()}"
    return _cached(key, lambda: _ref(site.root_page.localized))


def child(parent: PageRef, slug: str) -> PageRef | None:
    """The child of `parent` with this slug, live or not (Wagtail routes through drafts and
    checks only the page served)."""

    def compute() -> PageRef | None:
        row = (
            Page.objects.filter(depth=parent.depth + 1, path__startswith=parent.path, slug=slug)
            .order_by("path")
            .values_list("pk", "content_type_id", "path", "depth")
            .first()
        )
        return PageRef(*row) if row else None

    if not SLUG.fullmatch(slug):
        return compute()
    return _cached(f"routing:child:{content_generation()}:{parent.pk}:{slug}", compute)


def page_model(ref: PageRef) -> type[Page] | None:
    return ContentType.objects.get_for_id(ref.content_type_id).model_class()


def routes_by_slug(model: type[Page] | None) -> bool:
    """Whether the type's pages route as `BasePage` does: each component a child's slug."""
    from .mixins import BasePage

    return model is not None and getattr(model, "route", None) is BasePage.route


def _route_after_routable(model: type[Page]):
    """The `route` that RoutablePageMixin's falls back on for this type."""
    after = model.__mro__[model.__mro__.index(RoutablePageMixin) + 1 :]
    return next(klass.__dict__["route"] for klass in after if "route" in klass.__dict__)


def hands_on(model: type[Page] | None, rest: list[str]) -> bool:
    """Whether a page of this type passes `rest` on to its children untouched: it routes
    as RoutablePageMixin over `BasePage.route` and none of its sub-routes matches `rest`
    (what RoutablePageMixin.route tries first, live or not, before handing it back)."""
    from .mixins import BasePage

    if model is None or getattr(model, "route", None) is not RoutablePageMixin.route:
        return False
    if _route_after_routable(model) is not BasePage.route:
        return False
    try:
        model.get_resolver().resolve("/" + "".join(f"{part}/" for part in rest))
    except Resolver404:
        return True
    return False


def fetch(ref: PageRef, model: type[Page] | None) -> Page:
    """The page's specific row, with what its template always shows: its type's
    `route_select_related` and its locale (its language, which the shared image's text
    alternative and the language links ask)."""
    try:
        if model is None:  # its type's app is gone: Wagtail serves the generic page
            return Page.objects.select_related("locale").get(pk=ref.pk)
        related = ("locale", *getattr(model, "route_select_related", ()))
        return model._default_manager.select_related(*related).get(pk=ref.pk)
    # Deleted since it was remembered (a request racing the delete). Not Page.DoesNotExist:
    # a type whose parents are abstract has a DoesNotExist of its own.
    except ObjectDoesNotExist as error:
        raise Http404 from error


def descend(start: PageRef, components: list[str]) -> tuple[PageRef, type[Page] | None, int]:
    """Follow the slugs below `start` while each page found routes by slug: the last page
    found, its type and how many components it took. Http404 when the first is missing."""
    ref, model, taken = start, None, 0
    while taken < len(components):
        found = child(ref, components[taken])
        if found is None:
            if taken == 0:
                raise Http404
            break
        ref, model, taken = found, page_model(found), taken + 1
        rest = components[taken:]
        if not routes_by_slug(model) and not (rest and hands_on(model, rest)):
            break
    return ref, model, taken


def route_below(page: Page, request: HttpRequest, components: list[str]) -> RouteResult:
    """`Page.route` for a non-empty path below `page`."""
    ref, model, taken = descend(_ref(page), components)
    rest = components[taken:]
    if rest and routes_by_slug(model):
        raise Http404  # a slug below a page that routes by slug names no child
    found = fetch(ref, model)
    if taken == 1:
        found._cached_parent_obj = page  # as Wagtail does: get_parent() costs no query
    return found.route(request, rest)


def route(request: HttpRequest, path: str) -> RouteResult | None:
    """`Page.route_for_request`: the route of `path` on the request's site, None if no page
    (Http404 from a page's own route counts as none, as in Wagtail)."""
    site = find_site(request)
    if site is None:
        return None
    remember_site_root_paths(request)
    components = [component for component in path.split("/") if component]
    root = localized_root(site)
    ref, model, rest = root, page_model(root), components
    try:
        if rest and routes_by_slug(model):
            ref, model, taken = descend(root, components)
            rest = components[taken:]
            if rest and routes_by_slug(model):
                return None
        return fetch(ref, model).route(request, rest)
    except Http404:
        return None
