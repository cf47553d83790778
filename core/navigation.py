"""Site-wide navigation data cached between requests, keyed on the content generation.

The menu and the footer appear on every page; without this they cost several queries each.
"""

from dataclasses import dataclass

from django.http import HttpRequest
from django.utils.translation import get_language
from wagtail.models import Page, Site

from .i18n import localized_root
from .versions import content_generation, versioned_get_or_set


@dataclass(frozen=True)
class MenuItem:
    title: str
    url: str
    path: str


def menu_items(request: HttpRequest) -> list[MenuItem]:
    root = localized_root(request)
    if root is None:
        return []
    key = f"menu:{content_generation()}:{root.pk}:{get_language()}"

    def compute() -> list[MenuItem]:
        children = root.get_children().live().public().in_menu()
        return [MenuItem(child.title, child.get_url(request), child.path) for child in children]

    return versioned_get_or_set(key, compute)


@dataclass(frozen=True)
class Crumb:
    title: str
    url: str


def breadcrumb_trail(page: Page, request: HttpRequest) -> list[Crumb]:
    """The page's ancestors below the tree root (the home page first), cached like the menu:
    every page but the home page shows them."""
    site = Site.find_for_request(request)
    key = f"breadcrumbs:{content_generation()}:{getattr(site, 'pk', None)}:{page.pk}"

    def compute() -> list[Crumb]:
        ancestors = page.get_ancestors().filter(depth__gte=2)
        return [Crumb(ancestor.title, ancestor.get_url(request)) for ancestor in ancestors]

    return versioned_get_or_set(key, compute)
