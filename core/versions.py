"""Named cache generations: numbers in the shared cache that retire cached data at once on
every app server. A cached key carries the generation it was computed under; retiring the
generation makes every such key unreachable.

- `content`: anything a public page shows changed (a page published, unpublished, moved,
  renamed or deleted; a model on the public-models allow-list saved or deleted). Keys the
  full-page cache and the fragments that show other pages or settings (menu, breadcrumbs,
  language switcher, footer, search results, other editions, ...).
- `occurrences`: the stored dates of events changed (events.services). Keys what is
  computed from the occurrence table alone, and the full-page cache.
- `applications`: an application to a call was saved (a visitor applying, a reviewer
  deciding). Keys the full-page cache alone: a call's page shows its stands left and its
  state, no cached fragment shows applications, so a burst of applications leaves menus
  and search results cached.

    generation("content")  # the current number, to put in a cache key
    retire("content")      # a change: now, and again when the transaction commits

Two consequences make them cheap to read:

- a request reads each generation from the shared cache once, however many fragments it
  keys (a page asked Redis for the same number ten times: a fifth of its time);
- a value stored under a key that carries a generation never changes, so each process also
  keeps a copy (`versioned_get_or_set`): a new generation is a new key, on every server.

What retires a generation is an allow-list, not a list of exceptions: a saved search log,
background task, session, e-mail log, log entry or user must never empty the caches (each
anonymous search enqueues a task). Pages always retire `content`; any other model retires
a generation once the app that owns it registers it in its AppConfig.ready():
`public_models.register(Model)` (content) or `public_models.register(Model,
generation=APPLICATIONS)`.
"""

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import Any

from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import connection, models, transaction

CONTENT = "content"
OCCURRENCES = "occurrences"
APPLICATIONS = "applications"
GENERATIONS = (CONTENT, OCCURRENCES, APPLICATIONS)
#: What the full-page cache keys on: every change a public page may show.
PAGE_GENERATIONS = GENERATIONS

#: Values of versioned keys kept in each process (the least recently used are dropped).
LOCAL_COPIES = 2000

_request = threading.local()


def start_request(**_kwargs) -> None:
    _request.generations = {}


def finish_request(**_kwargs) -> None:
    _request.generations = None


request_started.connect(start_request, dispatch_uid="stgm-versions-start")
request_finished.connect(finish_request, dispatch_uid="stgm-versions-finish")


def _memo() -> dict | None:
    """This request's generations read so far; None outside a request (tasks, commands)."""
    return getattr(_request, "generations", None)


def cache_key(name: str) -> str:
    """Where the generation `name` is kept in the shared cache."""
    if name not in GENERATIONS:
        raise ValueError(f"Unknown cache generation {name!r}; known: {', '.join(GENERATIONS)}")
    return f"generation:{name}"


def _new_number() -> int:
    # From the clock, never 1: a generation evicted from the cache must not come back as a
    # number whose keys are still cached (here or in another process).
    return time.time_ns() // 1000


def generation(name: str) -> int:
    """The current number of the generation `name`, read once per request."""
    key = cache_key(name)
    memo = _memo()
    if memo is not None and key in memo:
        return memo[key]
    number = cache.get(key)
    if number is None:
        cache.add(key, _new_number(), timeout=None)
        number = cache.get(key)
    if number is None:
        # The shared cache keeps nothing (Redis down, config.cache): a change now could not
        # retire any number, so no value cached under one may be reused. A number of this
        # request's own keys nothing that another request (or a later change) could find.
        number = _new_number()
    if memo is not None:
        memo[key] = number
    return number


def content_generation() -> int:
    return generation(CONTENT)


def bump(name: str) -> None:
    """Retire the generation `name` now (see `retire` for a change inside a transaction)."""
    key = cache_key(name)
    try:
        cache.incr(key)
    except ValueError:  # evicted or never set: any new number retires the old keys
        cache.set(key, _new_number(), timeout=None)
    memo = _memo()
    if memo is not None:
        memo.pop(key, None)


def bump_all() -> None:
    """Retire every generation now: after a cache outage, during which a change could not
    retire the generations it should have (config.cache calls it when Redis is back)."""
    for name in GENERATIONS:
        bump(name)


def retire(name: str) -> None:
    """Bump now and, inside a transaction, again on commit: a request that read the old rows
    between the first bump and the commit must not leave them cached under the new number."""
    bump(name)
    if connection.in_atomic_block:
        transaction.on_commit(lambda: bump(name))


def generations_context(request) -> dict:
    """Context processor: the number that keys cached template fragments (the footer)."""
    return {"content_generation": content_generation()}


# --- Process-local copies of versioned values ---------------------------------------------


class LocalCopies:
    """A bounded, thread-safe map of versioned keys to values and their expiry time."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.entries: OrderedDict[str, tuple[float | None, Any]] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: str) -> tuple[bool, Any]:
        with self.lock:
            entry = self.entries.get(key)
            if entry is None:
                return False, None
            expires, value = entry
            if expires is not None and expires <= time.monotonic():
                del self.entries[key]
                return False, None
            self.entries.move_to_end(key)
            return True, value

    def put(self, key: str, value: Any, timeout: float | None) -> None:
        expires = None if timeout is None else time.monotonic() + timeout
        with self.lock:
            self.entries[key] = (expires, value)
            self.entries.move_to_end(key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()


local_copies = LocalCopies(LOCAL_COPIES)


def versioned_get_or_set(key: str, compute: Callable[[], Any], timeout: float | None = None):
    """`cache.get_or_set` for a key that carries a current generation: this process's copy
    if it has one, else the shared cache's, else `compute()`. Callers must not change what
    they get back (it is shared by the requests of this process)."""
    found, value = local_copies.get(key)
    if found:
        return value
    value = cache.get_or_set(key, compute, timeout=timeout)
    local_copies.put(key, value, timeout)
    return value


# --- What retires a generation -------------------------------------------------------------


class PublicModels:
    """The allow-list of models (besides pages) whose saved or deleted rows show on public
    pages, each with the generation it retires. The app that owns a model registers it."""

    def __init__(self) -> None:
        self.models: dict[type[models.Model], str] = {}

    def register(self, *model_classes: type[models.Model], generation: str = CONTENT) -> None:
        cache_key(generation)  # a known name
        for model in model_classes:
            self.models[model._meta.concrete_model] = generation

    def generation_of(self, model) -> str | None:
        """The generation a change to `model` retires; None if public pages never show it."""
        meta = getattr(model, "_meta", None)
        return None if meta is None else self.models.get(meta.concrete_model)

    def __contains__(self, model) -> bool:
        return self.generation_of(model) is not None


public_models = PublicModels()

# Page fields that a draft, a comment or a lock writes on the live row: nothing public.
DRAFT_ONLY_FIELDS = {
    "latest_revision",
    "latest_revision_created_at",
    "draft_title",
    "has_unpublished_changes",
    "locked",
    "locked_at",
    "locked_by",
}


def page_save_shows(instance, update_fields: Iterable[str] | None) -> bool:
    """Whether saving this page row may change a public page: it is live (a publish, a
    live page saved in code, an alias updated) and not only a draft's bookkeeping."""
    from wagtail.models.pages import COMMENTS_RELATION_NAME

    if not instance.live:
        return False  # unpublishing sends page_unpublished
    if update_fields is None:
        return True
    return not set(update_fields) <= DRAFT_ONLY_FIELDS | {COMMENTS_RELATION_NAME}


def retire_content(**_kwargs) -> None:
    """Receiver of Wagtail's page signals (publish, unpublish, move, slug change)."""
    retire(CONTENT)


def on_save(sender, instance, update_fields=None, **_kwargs) -> None:
    from wagtail.models import Page

    if isinstance(instance, Page):
        if page_save_shows(instance, update_fields):
            retire(CONTENT)
    elif name := public_models.generation_of(sender):
        retire(name)


def on_delete(sender, instance, **_kwargs) -> None:
    from wagtail.models import Page

    if isinstance(instance, Page):
        retire(CONTENT)
    elif name := public_models.generation_of(sender):
        retire(name)


def register_wagtail_models() -> None:
    """Wagtail's own models whose rows public pages show or obey."""
    from django.apps import apps
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Locale, PageViewRestriction, Site

    # A site's host or root changes every URL; a view restriction hides a page.
    public_models.register(Site, PageViewRestriction, Locale)
    if apps.is_installed("wagtail.images"):
        public_models.register(get_image_model())  # not its renditions, made while rendering
    if apps.is_installed("wagtail.documents"):
        public_models.register(get_document_model())
    if apps.is_installed("wagtail.contrib.redirects"):
        from wagtail.contrib.redirects.models import Redirect

        public_models.register(Redirect)
    if apps.is_installed("wagtail.contrib.search_promotions"):
        # Promotions show in search results; the query log beside them (Query) never counts.
        from wagtail.contrib.search_promotions.models import SearchPromotion

        public_models.register(SearchPromotion)


def connect() -> None:
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

    uid = "stgm-content"
    page_signals = {
        "published": page_published,
        "unpublished": page_unpublished,
        "moved": post_page_move,
        "slug": page_slug_changed,
    }
    for name, signal in page_signals.items():
        signal.connect(retire_content, dispatch_uid=f"{uid}-{name}")
    post_save.connect(on_save, dispatch_uid=f"{uid}-save")
    post_delete.connect(on_delete, dispatch_uid=f"{uid}-delete")
