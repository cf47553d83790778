"""Version numbers in the cache that retire cached data at once on every app server: cached
keys carry the version, and bumping it makes them unreachable.

Two consequences make them cheap to read:

- a request reads each version from the shared cache once, however many fragments it keys
  (a page asked Redis for the navigation version ten times: a fifth of its time);
- a value stored under a versioned key never changes, so each process also keeps a copy
  (`versioned_get_or_set`): a new version is a new key, on every server at once.
"""

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import connection, transaction

#: Values of versioned keys kept in each process (the least recently used are dropped).
LOCAL_COPIES = 2000

_request = threading.local()


def start_request(**_kwargs) -> None:
    _request.versions = {}


def finish_request(**_kwargs) -> None:
    _request.versions = None


request_started.connect(start_request, dispatch_uid="stgm-versions-start")
request_finished.connect(finish_request, dispatch_uid="stgm-versions-finish")


def _memo() -> dict | None:
    """This request's versions read so far; None outside a request (tasks, commands)."""
    return getattr(_request, "versions", None)


def _new_version() -> int:
    # From the clock, never 1: a version key evicted from the cache must not come back as a
    # number whose keys are still cached (here or in another process).
    return time.time_ns() // 1000


def current_version(key: str) -> int:
    memo = _memo()
    if memo is not None and key in memo:
        return memo[key]
    version = cache.get(key)
    if version is None:
        cache.add(key, _new_version(), timeout=None)
        version = cache.get(key, 0)
    if memo is not None:
        memo[key] = version
    return version


def bump_version(key: str) -> None:
    try:
        cache.incr(key)
    except ValueError:  # evicted or never set: any new number retires the old keys
        cache.set(key, _new_version(), timeout=None)
    memo = _memo()
    if memo is not None:
        memo.pop(key, None)


def retire(key: str) -> None:
    """Bump now and, inside a transaction, again on commit: a request that read the old rows
    between the first bump and the commit must not leave them cached under the new version."""
    bump_version(key)
    if connection.in_atomic_block:
        transaction.on_commit(lambda: bump_version(key))


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
    """`cache.get_or_set` for a key that carries a current version: this process's copy if
    it has one, else the shared cache's, else `compute()`. Callers must not change what
    they get back (it is shared by the requests of this process)."""
    found, value = local_copies.get(key)
    if found:
        return value
    value = cache.get_or_set(key, compute, timeout=timeout)
    local_copies.put(key, value, timeout)
    return value
