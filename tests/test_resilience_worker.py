"""The worker (`manage.py db_worker`, production settings) rides out a PostgreSQL restart
and a Redis outage: it keeps running, and a task enqueued afterwards runs.

Against a second PostgreSQL cluster the test creates (initdb + pg_ctl, free port, only the
task table migrated) and a redis-server on a free port. The test process enqueues and reads
tasks through a database alias for that cluster, routed for the task model alone.
"""

from pathlib import Path

import dj_database_url
import pytest
from django.core.cache import cache
from django.db import connections
from django.test import override_settings
from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

from core.worker import retry_delays
from tests.resilience import (
    PostgresCluster,
    RedisServer,
    manage,
    manage_env,
    postgres_missing_reason,
    redis_missing_reason,
    stop,
    wait_for,
)
from tests.test_settings import PRODUCTION_ENV

ALIAS = "resilience_worker"
TASK_APP = DBTaskResult._meta.app_label


@task()
def echo(value: str) -> str:
    return value


@task()
def through_the_cache(value: str) -> str:
    """A task that uses the cache, as the search index and the page cache's purges do."""
    cache.set("resilience:worker", value)
    cache.get("resilience:worker")
    return value


@task()
def held(marker: str) -> str:
    """Notes that it ran, then runs until the file `marker` exists (the test holds it there
    while PostgreSQL restarts)."""
    release = Path(marker)
    with release.with_suffix(".ran").open("a") as runs:
        runs.write("ran\n")
    wait_for(release.exists, timeout=30, what="the test to release the task")
    return "released"


class TasksToTheSecondCluster:
    def db_for_read(self, model, **hints):
        return ALIAS if model._meta.app_label == TASK_APP else None

    db_for_write = db_for_read


def test_retry_delays_double_up_to_the_longest():
    delays = retry_delays(longest=3)
    assert [next(delays) for _ in range(5)] == [0.5, 1, 2, 3, 3]


@pytest.fixture
def cluster():
    if reason := postgres_missing_reason():
        pytest.skip(reason)
    cluster = PostgresCluster()
    try:
        cluster.create()
        cluster.start()
        yield cluster
    finally:
        cluster.remove()


@pytest.fixture
def redis_server():
    if reason := redis_missing_reason():
        pytest.skip(reason)
    server = RedisServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def worker_env(cluster, redis_server, tmp_path):
    env = manage_env(
        **{
            **PRODUCTION_ENV,
            "DATABASE_URL": cluster.url,
            "REDIS_URL": redis_server.url,
            "DB_CONNECT_TIMEOUT": "1",
            "LOG_LEVEL": "INFO",
        }
    )
    migrate = manage("migrate", "--noinput", TASK_APP, env=env, output=tmp_path / "migrate.log")
    assert migrate.wait(timeout=120) == 0, (tmp_path / "migrate.log").read_text()
    return env


@pytest.fixture
def tasks_in_cluster(cluster, django_db_blocker):
    """Enqueue and read tasks in the second cluster from the test process."""
    configured = connections.configure_settings(
        {**connections.settings, ALIAS: dj_database_url.parse(cluster.url)}
    )
    connections.settings[ALIAS] = configured[ALIAS]
    with (
        django_db_blocker.unblock(),
        override_settings(
            DATABASE_ROUTERS=[TasksToTheSecondCluster()],
            TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}},
        ),
    ):
        yield
        connections[ALIAS].close()
    del connections.settings[ALIAS]


def finished(result_id: str) -> DBTaskResult | None:
    connections[ALIAS].close()  # the cluster may have restarted since the last look
    try:
        row = DBTaskResult.objects.get(id=result_id)
    except Exception:  # noqa: BLE001 - still restarting: look again
        return None
    done = (TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED)
    return row if row.status in done else None


@pytest.mark.services
def test_the_worker_rides_out_a_postgresql_restart_and_a_redis_outage(
    cluster, redis_server, worker_env, tasks_in_cluster, tmp_path
):
    log = tmp_path / "worker.log"
    worker = manage(
        *("db_worker", "--interval", "0.1", "--no-startup-delay", "--max-retry-delay", "0.5"),
        env=worker_env,
        output=log,
    )
    try:
        first = echo.enqueue("before")
        row = wait_for(lambda: finished(first.id), what="the first task")
        assert row.status == TaskResultStatus.SUCCESSFUL, log.read_text()

        cluster.stop()
        wait_for(lambda: "lost the database" in log.read_text(), what="the worker to notice")
        cluster.start()
        connections[ALIAS].close()  # the test's own connection did not survive the restart
        assert worker.poll() is None, log.read_text()
        after_restart = echo.enqueue("after the restart")
        row = wait_for(lambda: finished(after_restart.id), what="a task after the restart")
        assert row.status == TaskResultStatus.SUCCESSFUL, log.read_text()
        assert row.return_value == "after the restart"

        # A task that finishes while the database is down has its outcome recorded once the
        # database is back: not left "running", not run twice.
        release = tmp_path / "release"
        running = held.enqueue(str(release))
        wait_for(lambda: release.with_suffix(".ran").exists(), what="the held task to start")
        cluster.stop()
        release.touch()
        wait_for(lambda: "could not record" in log.read_text(), what="a failed record")
        cluster.start()
        row = wait_for(lambda: finished(running.id), what="the held task's outcome")
        assert row.status == TaskResultStatus.SUCCESSFUL, log.read_text()
        assert row.return_value == "released"
        assert release.with_suffix(".ran").read_text() == "ran\n"

        redis_server.stop()
        without_redis = through_the_cache.enqueue("without redis")
        row = wait_for(lambda: finished(without_redis.id), what="a task without Redis")
        assert row.status == TaskResultStatus.SUCCESSFUL, log.read_text()
        assert worker.poll() is None, log.read_text()
        redis_server.start()
        with_redis = through_the_cache.enqueue("redis is back")
        assert wait_for(lambda: finished(with_redis.id)).status == TaskResultStatus.SUCCESSFUL
    finally:
        stop(worker)
