"""Site-wide navigation data cached between requests, dropped whenever pages or settings change.

The menu and the footer appear on every page; without this they cost several queries each.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.http import HttpRequest
from django.utils.translation import get_language

from .i18n import localized_root

VERSION_KEY = "navigation-version"


@dataclass(frozen=True)
class MenuItem:
    title: str
    url: str
    path: str


def navigation_version() -> int:
    return cache.get_or_set(VERSION_KEY, 1, timeout=None)


def invalidate_navigation(**kwargs) -> None:
    """Signal receiver: any published, moved or deleted page or saved setting may show here."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, timeout=None)


def menu_items(request: HttpRequest) -> list[MenuItem]:
    root = localized_root(request)
    if root is None:
        return []
    key = f"menu:{navigation_version()}:{root.pk}:{get_language()}"

    def compute() -> list[MenuItem]:
        children = root.get_children().live().public().in_menu()
        return [MenuItem(child.title, child.get_url(request), child.path) for child in children]

    return cache.get_or_set(key, compute, timeout=None)


def navigation_context(request: HttpRequest) -> dict:
    """Context processor: the version that keys cached fragments (footer)."""
    return {"navigation_version": navigation_version()}
