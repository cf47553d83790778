"""Site-wide navigation data cached between requests, dropped whenever pages or settings change.

The menu and the footer appear on every page; without this they cost several queries each.
"""

from dataclasses import dataclass

from django.http import HttpRequest
from django.utils.translation import get_language
from wagtail.models import Page, Site

from .i18n import localized_root
from .versions import current_version, retire, versioned_get_or_set

VERSION_KEY = "navigation-version"


@dataclass(frozen=True)
class MenuItem:
    title: str
    url: str
    path: str


def navigation_version() -> int:
    return current_version(VERSION_KEY)


def invalidate_navigation(**kwargs) -> None:
    """Signal receiver: any published, moved or deleted page or saved setting may show here.
    Retired now and again on commit (see core.versions.retire): a view restriction cached as
    absent would otherwise serve a private page publicly."""
    retire(VERSION_KEY)


def menu_items(request: HttpRequest) -> list[MenuItem]:
    root = localized_root(request)
    if root is None:
        return []
    key = f"menu:{navigation_version()}:{root.pk}:{get_language()}"

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
    key = f"breadcrumbs:{navigation_version()}:{getattr(site, 'pk', None)}:{page.pk}"

    def compute() -> list[Crumb]:
        ancestors = page.get_ancestors().filter(depth__gte=2)
        return [Crumb(ancestor.title, ancestor.get_url(request)) for ancestor in ancestors]

    return versioned_get_or_set(key, compute)


def navigation_context(request: HttpRequest) -> dict:
    """Context processor: the version that keys cached fragments (footer)."""
    return {"navigation_version": navigation_version()}
