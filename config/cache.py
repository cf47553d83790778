"""Django's Redis cache, with one Redis client per connection pool instead of one per call,
and a site that keeps serving when Redis is down.

Django builds a new `redis.Redis` for every cache operation, and building one fills its
table of response callbacks, which a page's many cache reads paid each time. A client over
a connection pool is safe to share between threads, so it is made once.

A cache is an accelerator. When Redis does not answer (refused, timed out, still loading),
every operation behaves as a miss: a read finds nothing, a write keeps nothing, `incr` finds
no counter (as Django's cache does for a missing key), so pages are rendered uncached and
forms keep working. The first failure opens a breaker for `OUTAGE_RETRY_SECONDS` (5): until
then no request waits for Redis again, after it one operation tries. The outage is logged
once, and again at most every `OUTAGE_LOG_SECONDS` (60) while it lasts, per process; the
recovery once. When Redis answers again, the functions named in `ON_RECONNECT` run (the
settings retire the cache generations: a publish during the outage could not retire them,
and Redis may still hold the pages cached before it).

    "OPTIONS": {"socket_timeout": 2, "OUTAGE_RETRY_SECONDS": 5,
                "ON_RECONNECT": ["core.versions.bump_all"]}
"""

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.utils.module_loading import import_string
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("config.cache")

#: What an unreachable Redis raises (BusyLoadingError, while it loads, is a ConnectionError).
OUTAGE_ERRORS = (RedisConnectionError, RedisTimeoutError)
#: The options this module reads; the others go to redis-py's connection pool.
OWN_OPTIONS = ("OUTAGE_RETRY_SECONDS", "OUTAGE_LOG_SECONDS", "ON_RECONNECT")


class NoCounter(ValueError):
    """`incr` while Redis is down: as Django's cache answers for a key it does not hold."""


class Outage:
    """Whether this process takes one Redis server set as down, shared by its threads."""

    def __init__(
        self, retry_seconds: float, log_seconds: float, on_reconnect: list[Callable[[], Any]]
    ) -> None:
        self.retry_seconds = retry_seconds
        self.log_seconds = log_seconds
        self.on_reconnect = on_reconnect
        self.since: float | None = None  # monotonic time of the first failure
        self.retry_at = 0.0
        self.logged_at: float | None = None
        self.lock = threading.Lock()

    def skip(self) -> bool:
        """True while the breaker is open: answer as a miss without asking Redis."""
        return self.since is not None and time.monotonic() < self.retry_at

    def failed(self, error: Exception) -> None:
        now = time.monotonic()
        with self.lock:
            if self.since is None:
                self.since = now
            self.retry_at = now + self.retry_seconds
            if self.logged_at is not None and now - self.logged_at < self.log_seconds:
                return
            self.logged_at = now
            down_for = now - self.since
        # The error's class only: its message names the host.
        logger.warning(
            "Redis unreachable (%s) for %.0f s: serving without the cache, retrying every %s s",
            type(error).__name__,
            down_for,
            self.retry_seconds,
        )

    def answered(self) -> None:
        if self.since is None:
            return
        with self.lock:
            if self.since is None:
                return
            down_for = time.monotonic() - self.since
            self.since = None
            self.logged_at = None
        logger.warning("Redis reachable again after %.0f s: the cache is back", down_for)
        for function in self.on_reconnect:
            try:
                function()
            except Exception:
                logger.exception("After Redis came back, %s failed", function.__qualname__)


_outages: dict[tuple, Outage] = {}
_outages_lock = threading.Lock()


def outage_for(servers: list[str], options: dict[str, Any]) -> Outage:
    """One Outage per server set and process: Django makes a cache object per thread."""
    key = (tuple(servers), repr(sorted(options.items())))
    with _outages_lock:
        if key not in _outages:
            _outages[key] = Outage(
                retry_seconds=float(options.get("OUTAGE_RETRY_SECONDS", 5)),
                log_seconds=float(options.get("OUTAGE_LOG_SECONDS", 60)),
                on_reconnect=[import_string(path) for path in options.get("ON_RECONNECT", [])],
            )
        return _outages[key]


def _missing(default_position: int | None = None, value: Any = None):
    """What an operation answers while Redis is down (the default argument of a `get`)."""

    def answer(args: tuple, kwargs: dict) -> Any:
        if default_position is not None:
            if "default" in kwargs:
                return kwargs["default"]
            if len(args) > default_position:
                return args[default_position]
        return value

    return answer


def _no_counter(args: tuple, kwargs: dict) -> Any:
    raise NoCounter("Redis is unreachable: no counter")


#: Each client operation and its answer as a miss.
MISS_ANSWERS: dict[str, Callable[[tuple, dict], Any]] = {
    "get": _missing(default_position=1),
    "get_many": lambda args, kwargs: {},
    "has_key": _missing(value=False),
    "add": _missing(value=False),
    "set": _missing(),
    "set_many": _missing(),
    "touch": _missing(value=False),
    "delete": _missing(value=False),
    "delete_many": _missing(),
    "incr": _no_counter,
    "clear": _missing(value=False),
}


class ReusedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, servers, outage: Outage, **options) -> None:
        super().__init__(servers, **options)
        self._clients: dict[int, object] = {}
        self._outage = outage

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients.setdefault(id(pool), self._client(connection_pool=pool))
        return client


def _guarded(name: str, answer: Callable[[tuple, dict], Any]) -> Callable:
    operation = getattr(RedisCacheClient, name)

    def guarded(self: ReusedClientRedisCacheClient, *args, **kwargs):
        outage = self._outage
        if outage.skip():
            return answer(args, kwargs)
        try:
            result = operation(self, *args, **kwargs)
        except OUTAGE_ERRORS as error:
            outage.failed(error)
            return answer(args, kwargs)
        outage.answered()
        return result

    guarded.__name__ = name
    return guarded


for _name, _answer in MISS_ANSWERS.items():
    setattr(ReusedClientRedisCacheClient, _name, _guarded(_name, _answer))


class ReusedClientRedisCache(RedisCache):
    def __init__(self, server, params) -> None:
        super().__init__(server, params)
        options = dict(self._options)
        own = {name: options.pop(name) for name in OWN_OPTIONS if name in options}
        self._options = {**options, "outage": outage_for(self._servers, own)}
        self._class = ReusedClientRedisCacheClient
