"""How an app takes part in the full-page cache (pagecache/) without pagecache knowing it.

- `@cacheable_page` marks a view (a function, or a view class such as a `Feed`) whose
  anonymous GET responses the page cache may store and a CDN may keep. Pages served by
  Wagtail (routable sub-pages and their feeds included) are cacheable already.
- The Wagtail hook `FRONTEND_CACHE_URLS_HOOK` lets an app name the URLs a CDN must purge
  when pages are published, unpublished, moved or renamed, beyond the pages themselves
  (which pagecache.frontend works out): feeds and sitemap files that list pages, an event's
  own calendar file. A hook function is called as `fn(site=, root_url=, pages=)` and returns
  full URLs; `pages` are the changed page and its live translations (specific, deferred).

Cached responses are keyed on the generations of core.versions.
"""

from collections.abc import Callable
from typing import TypeVar

FRONTEND_CACHE_URLS_HOOK = "frontend_cache_urls"
MARK = "cacheable_page"

View = TypeVar("View", bound=Callable)


def cacheable_page(view: View) -> View:
    """Mark `view` as one whose anonymous responses are the same for every visitor."""
    setattr(view, MARK, True)
    return view


def is_cacheable_page(view) -> bool:
    # functools.wraps copies the mark onto decorators applied after this one; a view class
    # instance (a Feed) finds it on its class.
    return bool(getattr(view, MARK, False))
