"""Pagination of long listings."""

import hashlib
from collections.abc import Mapping

from django.core.paginator import Paginator
from django.http import QueryDict
from django.utils.functional import cached_property

from .versions import versioned_get_or_set


class CachedCountPaginator(Paginator):
    """A Paginator whose total is cached under `count_key` for `count_seconds`: counting
    every matching row is the part of a listing page that grows with the archive. The key
    should carry the version of the rows counted; the time bounds how stale a count that
    moves with the clock ("upcoming") can be."""

    def __init__(self, object_list, per_page: int, *, count_key: str, count_seconds: int):
        super().__init__(object_list, per_page)
        self.count_key = count_key
        self.count_seconds = count_seconds

    @cached_property
    def count(self) -> int:
        return versioned_get_or_set(
            self.count_key, lambda: Paginator.count.func(self), timeout=self.count_seconds
        )


def query_digest(query: QueryDict | Mapping, ignore: tuple[str, ...] = ("page",)) -> str:
    """A short, order-independent digest of a query string's parameters, or of a form's
    cleaned values (one value a name), for cache keys."""
    lists = query.lists() if isinstance(query, QueryDict) else ((k, [v]) for k, v in query.items())
    items = sorted(
        (key, str(value)) for key, values in lists if key not in ignore for value in values
    )
    return hashlib.sha256(repr(items).encode()).hexdigest()[:24]
