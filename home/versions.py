"""Version numbers in the cache that retire cached data at once on every app server: cached
keys carry the version, and bumping it makes them unreachable."""

from django.core.cache import cache
from django.db import connection, transaction


def current_version(key: str) -> int:
    return cache.get_or_set(key, 1, timeout=None)


def bump_version(key: str) -> None:
    try:
        cache.incr(key)
    except ValueError:  # evicted or never set
        cache.set(key, 1, timeout=None)


def retire(key: str) -> None:
    """Bump now and, inside a transaction, again on commit: a request that read the old rows
    between the first bump and the commit must not leave them cached under the new version."""
    bump_version(key)
    if connection.in_atomic_block:
        transaction.on_commit(lambda: bump_version(key))
