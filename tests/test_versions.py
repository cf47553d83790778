"""Cache generations: read once per request, and versioned values kept in each process."""

import pytest
from django.core.cache import cache
from django.core.signals import request_finished, request_started

from core import versions
from core.versions import (
    CONTENT,
    LocalCopies,
    bump,
    cache_key,
    generation,
    retire,
    versioned_get_or_set,
)

KEY = cache_key(CONTENT)
# request_finished closes old database connections.
pytestmark = pytest.mark.django_db


@pytest.fixture
def in_request():
    request_started.send(sender=None)
    yield
    request_finished.send(sender=None)


def test_a_request_reads_each_generation_once(in_request):
    first = generation(CONTENT)
    cache.incr(KEY)  # another app server publishes meanwhile
    assert generation(CONTENT) == first  # one request renders with one generation
    request_finished.send(sender=None)
    request_started.send(sender=None)
    assert generation(CONTENT) == first + 1


def test_outside_a_request_every_read_asks_the_shared_cache():
    first = generation(CONTENT)
    cache.incr(KEY)
    assert generation(CONTENT) == first + 1


def test_a_bump_in_the_request_is_seen_by_the_rest_of_it(in_request):
    first = generation(CONTENT)
    bump(CONTENT)
    assert generation(CONTENT) == first + 1


def test_an_evicted_generation_never_comes_back_as_an_old_number():
    first = generation(CONTENT)
    cache.delete(KEY)
    assert generation(CONTENT) > first
    cache.delete(KEY)
    bump(CONTENT)
    assert generation(CONTENT) > first


def test_retire_bumps_again_when_the_transaction_commits(django_capture_on_commit_callbacks):
    first = generation(CONTENT)
    with django_capture_on_commit_callbacks(execute=True):
        retire(CONTENT)
        assert generation(CONTENT) == first + 1
    assert generation(CONTENT) == first + 2


def test_generations_are_independent_and_named():
    content, occurrences = generation(CONTENT), generation(versions.OCCURRENCES)
    bump(versions.OCCURRENCES)
    assert generation(CONTENT) == content
    assert generation(versions.OCCURRENCES) == occurrences + 1
    with pytest.raises(ValueError, match="navigation"):
        generation("navigation")  # a typo must not create a generation nothing retires


def test_a_versioned_value_is_kept_in_the_process():
    calls = []

    def compute():
        calls.append(1)
        return ["menu"]

    key = f"menu:{generation(CONTENT)}"
    assert versioned_get_or_set(key, compute) == ["menu"]
    cache.delete(key)  # the shared copy is gone: this process still has its own
    assert versioned_get_or_set(key, compute) == ["menu"]
    assert len(calls) == 1
    bump(CONTENT)
    assert versioned_get_or_set(f"menu:{generation(CONTENT)}", compute) == ["menu"]
    assert len(calls) == 2


def test_another_process_finds_the_shared_copy():
    key = f"menu:{generation(CONTENT)}"
    versioned_get_or_set(key, lambda: "computed once")
    versions.local_copies.clear()  # as in another worker
    assert versioned_get_or_set(key, lambda: "computed again") == "computed once"


def test_local_copies_are_bounded_and_expire(monkeypatch):
    clock = [100.0]
    monkeypatch.setattr(versions.time, "monotonic", lambda: clock[0])
    copies = LocalCopies(size=2)
    copies.put("a", 1, None)
    copies.put("b", 2, 10)
    assert copies.get("a") == (True, 1)  # "a" is now the most recently used
    copies.put("c", 3, None)
    assert copies.get("b") == (False, None)
    assert copies.get("a") == (True, 1)
    copies.put("d", 4, 10)  # drops "c", the least recently used
    assert copies.get("c") == (False, None)
    clock[0] += 11
    assert copies.get("d") == (False, None)
    assert copies.get("a") == (True, 1)
