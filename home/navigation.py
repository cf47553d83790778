"""Site-wide navigation data cached between requests, dropped whenever pages or settings change.

The menu and the footer appear on every page; without this they cost several queries each.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.db import connection, transaction
from django.http import HttpRequest
from django.utils.translation import get_language
from wagtail.models import Page, Site

from .i18n import localized_root

VERSION_KEY = "navigation-version"


@dataclass(frozen=True)
class MenuItem:
    title: str
    url: str
    path: str


def navigation_version() -> int:
    return cache.get_or_set(VERSION_KEY, 1, timeout=None)


def _bump() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, timeout=None)


def invalidate_navigation(**kwargs) -> None:
    """Signal receiver: any published, moved or deleted page or saved setting may show here.

    Bumped now and again on commit: a request that read the old rows between the first bump
    and the commit must not leave them cached under the new version (a view restriction
    cached as absent would serve a private page publicly).
    """
    _bump()
    if connection.in_atomic_block:
        transaction.on_commit(_bump)


def menu_items(request: HttpRequest) -> list[MenuItem]:
    root = localized_root(request)
    if root is None:
        return []
    key = f"menu:{navigation_version()}:{root.pk}:{get_language()}"

    def compute() -> list[MenuItem]:
        children = root.get_children().live().public().in_menu()
        return [MenuItem(child.title, child.get_url(request), child.path) for child in children]

    return cache.get_or_set(key, compute, timeout=None)


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

    return cache.get_or_set(key, compute, timeout=None)


def navigation_context(request: HttpRequest) -> dict:
    """Context processor: the version that keys cached fragments (footer)."""
    return {"navigation_version": navigation_version()}
