"""Cache versions: read once per request, and versioned values kept in each process."""

import pytest
from django.core.cache import cache
from django.core.signals import request_finished, request_started

from core import versions
from core.versions import (
    LocalCopies,
    bump_version,
    current_version,
    retire,
    versioned_get_or_set,
)

KEY = "test-version"
# request_finished closes old database connections.
pytestmark = pytest.mark.django_db


@pytest.fixture
def in_request():
    request_started.send(sender=None)
    yield
    request_finished.send(sender=None)


def test_a_request_reads_each_version_once(in_request):
    first = current_version(KEY)
    cache.incr(KEY)  # another app server publishes meanwhile
    assert current_version(KEY) == first  # one request renders with one version
    request_finished.send(sender=None)
    request_started.send(sender=None)
    assert current_version(KEY) == first + 1


def test_outside_a_request_every_read_asks_the_shared_cache():
    first = current_version(KEY)
    cache.incr(KEY)
    assert current_version(KEY) == first + 1


def test_a_bump_in_the_request_is_seen_by_the_rest_of_it(in_request):
    first = current_version(KEY)
    bump_version(KEY)
    assert current_version(KEY) == first + 1


def test_an_evicted_version_never_comes_back_as_an_old_number():
    first = current_version(KEY)
    cache.delete(KEY)
    assert current_version(KEY) > first
    cache.delete(KEY)
    bump_version(KEY)
    assert current_version(KEY) > first


def test_retire_bumps_again_when_the_transaction_commits(django_capture_on_commit_callbacks):
    first = current_version(KEY)
    with django_capture_on_commit_callbacks(execute=True):
        retire(KEY)
        assert current_version(KEY) == first + 1
    assert current_version(KEY) == first + 2


def test_a_versioned_value_is_kept_in_the_process():
    calls = []

    def compute():
        calls.append(1)
        return ["menu"]

    key = f"menu:{current_version(KEY)}"
    assert versioned_get_or_set(key, compute) == ["menu"]
    cache.delete(key)  # the shared copy is gone: this process still has its own
    assert versioned_get_or_set(key, compute) == ["menu"]
    assert len(calls) == 1
    bump_version(KEY)
    assert versioned_get_or_set(f"menu:{current_version(KEY)}", compute) == ["menu"]
    assert len(calls) == 2


def test_another_process_finds_the_shared_copy():
    key = f"menu:{current_version(KEY)}"
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
