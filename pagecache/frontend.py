"""Purging a CDN or caching proxy in front of the app (wagtail.contrib.frontend_cache).

Only when `WAGTAILFRONTENDCACHE` names a backend (config/settings/production.py builds it
from the environment); otherwise every handler here returns at once.

A page is shown by other pages: listings and the calendar show their events, the home pages
show the next events and featured stories (the English home also shows Turkish events that
have no translation), every translation links to the others in its language switcher, and
the feeds and the sitemap list pages. Wagtail's stock handlers purge only the published page
itself, so on publish, unpublish (a deletion of a live page unpublishes it first), move and
slug change, `purge_page_after_commit` purges in one `PurgeBatch`:

- the page and its live translations, each with its cached paths (`get_cached_paths()`,
  plus the routable sub-pages that take no argument, e.g. an event index's `calendar/`,
  a story archive's `feed/`);
- their ancestors up to the home page of their language, and the home of every language;
- what apps add through the `frontend_cache_urls` hook (core.caching): events its site-wide
  feeds (`.ics`, RSS, Atom) in every language and an event's own `.ics` file, home every
  sitemap file;
- after a move or a slug change, also the old URL and the old parent's chain.

Not purged (they expire after `STGM_FRONTEND_CACHE_SECONDS`): query-string variants of a
listing (filters, `?page=2`), calendar months other than the current one, and the old URLs
of a moved page's descendants (the redirects app purges those when it creates redirects).
Saving a snippet, the site settings or an application purges nothing here: such a change
shows on many pages, and purging a whole CDN for it is costly or impossible (README,
"Production").
"""

import copy
import logging
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.urls import NoReverseMatch
from wagtail import hooks
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, Site

from core.caching import FRONTEND_CACHE_URLS_HOOK

logger = logging.getLogger(__name__)


def frontend_cache_configured() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def routable_subpaths(page: Page) -> list[str]:
    """The sub-pages of a routable page that take no argument, e.g. "calendar/"."""
    if not hasattr(page, "get_subpage_urls"):
        return []
    subpaths = []
    for pattern in page.get_subpage_urls():
        try:
            subpath = page.reverse_subpage(pattern.name)
        except NoReverseMatch:  # needs arguments (a year and a month): left to expire
            continue
        if subpath not in subpaths:
            subpaths.append(subpath)
    return subpaths


def page_urls(page: Page, batch: PurgeBatch) -> list[str]:
    """The full URLs that show `page` itself: its cached paths and its routable sub-pages."""
    page = page.specific_deferred
    full_url = page.get_full_url(batch)  # the batch caches the site root paths
    if full_url is None:
        return []
    paths = [*page.get_cached_paths(), *("/" + subpath for subpath in routable_subpaths(page))]
    return [full_url + path.lstrip("/") for path in dict.fromkeys(paths)]


def ancestor_pages(pages: Iterable[Page]) -> list[Page]:
    """The ancestors of `pages` below the tree's root, in one query."""
    steplen = Page.steplen
    paths = {
        page.path[:end] for page in pages for end in range(2 * steplen, len(page.path), steplen)
    }
    if not paths:
        return []
    return list(Page.objects.filter(path__in=paths).specific(defer=True))


def registered_urls(site: Site, root_url: str, pages: list[Page]) -> list[str]:
    """The URLs that apps add through the `frontend_cache_urls` hook (core.caching): feeds
    and sitemap files that list pages, an event's own calendar file."""
    urls = []
    for fn in hooks.get_hooks(FRONTEND_CACHE_URLS_HOOK):
        urls.extend(fn(site=site, root_url=root_url, pages=pages))
    return urls


def build_purge_batch(
    page: Page,
    *,
    old_page: Page | None = None,
    old_parent: Page | None = None,
) -> PurgeBatch:
    """Every URL that may show `page` (and its old location after a move or a rename)."""
    batch = PurgeBatch()
    page = page.specific_deferred
    shown = [page, *page.get_translations().live().specific(defer=True)]
    url_parts = page.get_url_parts(batch)
    if url_parts is None or url_parts[1] is None:  # not under any site: nothing is served
        return batch
    site_id, root_url, _path = url_parts
    site = Site.objects.select_related("root_page").get(pk=site_id)
    homes = site.root_page.get_translations(inclusive=True).specific(defer=True)

    chain = [*shown, *homes, *ancestor_pages(shown)]
    if old_parent is not None:
        chain.extend([old_parent, *ancestor_pages([old_parent])])
    for item in {item.pk: item for item in chain}.values():
        batch.add_urls(page_urls(item, batch))
    if old_page is not None:  # same pk as `page`, another URL
        batch.add_urls(page_urls(old_page, batch))
    batch.add_urls(registered_urls(site, root_url, shown))
    return batch


def purge_page_after_commit(
    page: Page,
    *,
    old_page: Page | None = None,
    old_parent: Page | None = None,
) -> None:
    """Work out the URLs now (a deleted page is gone after the commit), purge after it.

    Purging before the commit would let the CDN fetch the old content again; if the
    transaction rolls back, the callback and its URLs are dropped with it.
    """
    if not frontend_cache_configured():
        return
    try:
        batch = build_purge_batch(page, old_page=old_page, old_parent=old_parent)
    except Exception:
        # A CDN that keeps a page until it expires is better than a publish that fails.
        logger.exception("Could not work out the front-end cache URLs of page %s", page.pk)
        return
    if batch.urls:
        # robust: the change is committed already; a failing purge must not turn it into
        # an error page for the editor.
        transaction.on_commit(batch.purge, robust=True)


# --- Signal handlers ------------------------------------------------------------------------


def on_page_published(instance: Page, **_kwargs) -> None:
    purge_page_after_commit(instance)


def on_page_unpublished(instance: Page, **_kwargs) -> None:
    purge_page_after_commit(instance)


def on_page_moved(
    instance: Page, parent_page_before: Page, url_path_before: str, **_kwargs
) -> None:
    old_page = None
    if url_path_before != instance.url_path:
        # The page as it was, at its old URL (without the copied cache that points back).
        old_page = copy.copy(instance.specific_deferred)
        old_page.__dict__.pop("specific_deferred", None)
        old_page.url_path = url_path_before
    purge_page_after_commit(instance, old_page=old_page, old_parent=parent_page_before)


def on_page_slug_changed(instance: Page, instance_before: Page, **_kwargs) -> None:
    # Sent after the commit that renamed the page; the publish purged the new URL already,
    # so this batch purges the old one (which now redirects) and the same listings again.
    purge_page_after_commit(instance, old_page=instance_before)


def connect() -> None:
    """Our handlers replace Wagtail's (see apps.FrontendCacheConfig), which purge less."""
    from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

    uid = "pagecache-frontend"
    page_published.connect(on_page_published, dispatch_uid=f"{uid}-published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid=f"{uid}-unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid=f"{uid}-moved")
    page_slug_changed.connect(on_page_slug_changed, dispatch_uid=f"{uid}-slug")
