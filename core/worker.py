"""The background worker (django-tasks-db's), riding out a database restart or a Redis outage.

django-tasks-db's worker exits on the first `OperationalError` that is not a locked SQLite
file: a PostgreSQL restart stopped every e-mail, search-index and CDN-purge task until
someone started it again. This worker keeps its place instead:

- when taking the next task fails, it waits (0.5 s, doubling up to `max_retry_delay`) until
  the database answers a probe, then goes on with the same worker id and counts;
- when recording a task's outcome fails, the task has run: it waits for the database the
  same way and records the outcome then, so the task is neither left "running" nor run
  twice.

Redis never stops it: the cache answers as a miss while Redis is down (config.cache), and a
task that fails on it anyway is recorded as failed, as any task error is. Each outage is
logged when it starts and when it ends, not at every retry.
"""

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import suppress
from typing import Any

from django.db import DatabaseError, InterfaceError, OperationalError, connections
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("django_tasks_db")

#: Errors of a service that went away, as opposed to errors of a task or of our code.
OUTAGE_ERRORS = (OperationalError, InterfaceError, RedisConnectionError, RedisTimeoutError)
FIRST_RETRY_DELAY = 0.5


def retry_delays(longest: float, first: float = FIRST_RETRY_DELAY) -> Iterator[float]:
    """0.5, 1, 2, 4 ... seconds, never more than `longest`."""
    delay = min(first, longest)
    while True:
        yield delay
        delay = min(delay * 2, longest)


def database_answers(alias: str) -> bool:
    """A fresh connection and `SELECT 1`: True once the database is back."""
    connection = connections[alias]
    with suppress(DatabaseError):
        connection.close()  # the broken one
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except OUTAGE_ERRORS:
        return False
    return True


class ResilientWorker(Worker):
    def __init__(self, *, max_retry_delay: float = 30.0, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.max_retry_delay = max_retry_delay

    def run(self) -> None:
        while self.running:
            try:
                super().run()
                return  # --batch or --max-tasks reached: the library's own exits
            except OUTAGE_ERRORS as error:
                logger.warning(
                    "worker_id=%s lost the database or the cache (%s): retrying",
                    self.worker_id,
                    type(error).__name__,
                )
                self.startup_delay = False
                self.wait_for_database()

    def wait_for_database(self) -> None:
        """Sleep with backoff until the tasks' database answers (or the worker is stopped)."""
        started = time.monotonic()
        alias = DBTaskResult.objects.db
        for delay in retry_delays(self.max_retry_delay):
            if not self.running:
                return
            time.sleep(delay)
            if database_answers(alias):
                logger.warning(
                    "worker_id=%s reached the database again after %.1f s: resuming",
                    self.worker_id,
                    time.monotonic() - started,
                )
                return

    def run_task(self, db_task_result: DBTaskResult) -> None:
        for name in ("set_successful", "set_failed"):
            setattr(db_task_result, name, self.until_recorded(getattr(db_task_result, name)))
        super().run_task(db_task_result)

    def until_recorded(self, record: Callable[..., None]) -> Callable[..., None]:
        """`record` (a task's outcome), retried across a database outage."""

        def recording(*args: Any) -> None:
            while True:
                try:
                    return record(*args)
                except OUTAGE_ERRORS as error:
                    if not self.running:
                        raise
                    logger.warning(
                        "worker_id=%s could not record a task's outcome (%s): retrying",
                        self.worker_id,
                        type(error).__name__,
                    )
                    self.wait_for_database()

        return recording
