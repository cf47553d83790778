"""When the page cache is invalidated: whenever public content may have changed.

One generation number in the shared cache is part of every cache key; bumping it retires
every cached page at once, on every app server. Coarse on purpose: a page shows other
pages (menus, listings, teasers, the other language's link, stands left on a festival), so
working out which pages one change affects is where page caches go wrong, and editors
publish a few times an hour at most.

Bumped on: publish, unpublish, delete and move of a page (moderation approval and scheduled
publishing both end in a publish; wagtail-localize's sync publishes or saves the
translation), and the save or delete of any other model outside a short list of models that
never show on public pages (sessions, task rows, logs, search index rows, users).
Cached pages also expire after `STGM_PAGE_CACHE_SECONDS`, for content that changes with the
clock alone (what is "upcoming").
"""

import time

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save

GENERATION_KEY = "pagecache:generation"

# Saved often, never shown on a public page: saving them keeps the cache.
IGNORED_APPS = {
    "admin",
    "auth",
    "contenttypes",
    "django_tasks",
    "django_tasks_db",
    "sessions",
    "wagtailsearch",
    "wagtailusers",
    "wagtail_localize",
}
IGNORED_MODELS = {
    ("wagtailcore", "pagelogentry"),
    ("wagtailcore", "modellogentry"),
    ("wagtailcore", "pagesubscription"),
    ("wagtailcore", "referenceindex"),
    ("wagtailcore", "uploadedfile"),
    ("wagtailimages", "rendition"),
    ("wagtailadmin", "editingsession"),
    ("wagtailadmin", "admin"),
}


def current_generation() -> int:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # Start from the clock, never from 0: if the key is evicted, keys of an older
        # generation can never come back to life.
        cache.add(GENERATION_KEY, time.time_ns() // 1000, timeout=None)
        generation = cache.get(GENERATION_KEY, 0)
    return int(generation)


def bump() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no generation yet: start one (a new number retires nothing cached)
        current_generation()
        cache.incr(GENERATION_KEY)


def invalidate(**_kwargs) -> None:
    """Retire every cached page now, and again when the transaction commits.

    The second bump retires a page that a concurrent request rendered from the database
    between the first bump and the commit, i.e. with the old content.
    """
    bump()
    if connection.in_atomic_block:
        transaction.on_commit(bump)


def on_model_change(sender, **kwargs) -> None:
    meta = getattr(sender, "_meta", None)
    if meta is None or meta.app_label in IGNORED_APPS:
        return
    if (meta.app_label, meta.model_name) in IGNORED_MODELS:
        return
    invalidate()


def connect() -> None:
    from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

    uid = "pagecache"
    page_published.connect(invalidate, dispatch_uid=f"{uid}-published")
    page_unpublished.connect(invalidate, dispatch_uid=f"{uid}-unpublished")
    post_page_move.connect(invalidate, dispatch_uid=f"{uid}-moved")
    page_slug_changed.connect(invalidate, dispatch_uid=f"{uid}-slug")
    post_save.connect(on_model_change, dispatch_uid=f"{uid}-save")
    post_delete.connect(on_model_change, dispatch_uid=f"{uid}-delete")
