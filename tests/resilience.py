"""Servers the resilience tests start, stop and start again on free ports: a Redis, a second
PostgreSQL cluster, an app server. Each waits by polling with short timeouts, never sleeps."""

import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest
from django.conf import settings

REDIS_SERVER = shutil.which("redis-server")
RUNUSER = shutil.which("runuser")
PG_BIN = Path(os.environ.get("STGM_TEST_PG_BIN", "/usr/local/bin"))
INITDB = PG_BIN / "initdb"
PG_CTL = PG_BIN / "pg_ctl"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(condition: Callable[[], object], timeout: float = 15.0, what: str = "") -> object:
    """Poll `condition` until it returns something true; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or condition}")
        time.sleep(0.05)


def listening(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return True
    except OSError:
        return False


class RedisServer:
    """A throw-away redis-server with no persistence on a free port."""

    def __init__(self) -> None:
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for(lambda: listening(self.port), what=f"redis on {self.port}")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None
        wait_for(lambda: not listening(self.port), what="redis to stop")


class PostgresCluster:
    """A second PostgreSQL cluster (initdb + pg_ctl) on a free port, with trust
    authentication for the user `postgres`, in a directory of its own under /tmp (removed
    by `remove`). PostgreSQL refuses to run as root: as root, it runs as the system user
    `postgres`, which then owns the directory."""

    def __init__(self) -> None:
        self.directory = Path(tempfile.mkdtemp(prefix="stgm-pg-"))
        self.data = self.directory / "data"
        self.port = free_port()
        self.as_user: list[str] = []
        if os.geteuid() == 0:
            entry = pwd.getpwnam("postgres")
            os.chown(self.directory, entry.pw_uid, entry.pw_gid)
            self.as_user = [RUNUSER, "-u", "postgres", "--"]

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str, check: bool = True) -> None:
        result = subprocess.run(
            [*self.as_user, *args], capture_output=True, text=True, timeout=120, check=False
        )
        assert result.returncode == 0 or not check, result.stdout + result.stderr

    def create(self) -> None:
        self._run(str(INITDB), "-D", str(self.data), "-U", "postgres", "-A", "trust", "--no-sync")

    def start(self) -> None:
        options = f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1 -c fsync=off"
        log = str(self.directory / "server.log")
        self._run(str(PG_CTL), "-D", str(self.data), "-o", options, "-l", log, "-w", "start")

    def stop(self, check: bool = True) -> None:
        # "fast": disconnect the clients (the worker) at once, as a restart does.
        self._run(str(PG_CTL), "-D", str(self.data), "-m", "fast", "-w", "stop", check=check)

    def remove(self) -> None:
        """Stop the server if it runs, and delete the cluster."""
        if (self.data / "postmaster.pid").exists():
            self.stop(check=False)
        shutil.rmtree(self.directory, ignore_errors=True)


def postgres_missing_reason() -> str | None:
    if not (INITDB.exists() and PG_CTL.exists()):
        return f"PostgreSQL's initdb and pg_ctl are not in {PG_BIN} (set STGM_TEST_PG_BIN)"
    if os.geteuid() == 0 and not (RUNUSER and _has_user("postgres")):
        return "running as root without runuser and a `postgres` user to run PostgreSQL as"
    return None


def _has_user(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


def redis_missing_reason() -> str | None:
    return None if REDIS_SERVER else "redis-server is not installed (apt-get install redis)"


def manage_env(**extra: str) -> dict[str, str]:
    """The environment of a manage.py child process: the current one, without the test
    run's settings module, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env["PYTHONUNBUFFERED"] = "1"
    return {**env, **extra}


def manage(*args: str, env: dict[str, str], output: Path) -> subprocess.Popen:
    """Start `manage.py <args>` in the project, its output in the file `output`."""
    log = output.open("ab")
    return subprocess.Popen(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def http_get(url: str, timeout: float = 10.0) -> tuple[int, dict[str, str], str]:
    """(status, headers, body) of a GET, errors included."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - loopback
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def shared_database_url() -> str:
    """The URL of the test run's database, for a child process to share it."""
    from urllib.parse import quote

    from django.db import connections

    params = connections["default"].settings_dict
    if params["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{params['NAME']}"
    user = quote(params.get("USER") or "")
    password = quote(params.get("PASSWORD") or "")
    host = params.get("HOST") or "127.0.0.1"
    port = params.get("PORT") or "5432"
    return f"postgres://{user}:{password}@{host}:{port}/{params['NAME']}"


class AppServer:
    """`manage.py runserver --noreload` with tests.resilience_settings (production's) on a
    free port; `base` is its URL."""

    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = log
        env = {**env, "DJANGO_SETTINGS_MODULE": "tests.resilience_settings"}
        self.process = manage(
            "runserver", "--noreload", f"127.0.0.1:{self.port}", env=env, output=log
        )

    def wait_until_serving(self) -> None:
        def healthy() -> bool:
            assert self.process.poll() is None, self.log.read_text()
            try:
                return http_get(f"{self.base}/healthz", timeout=2)[0] == 200
            except OSError:
                return False

        wait_for(healthy, timeout=60, what=f"the app server on {self.port}")

    def get(self, path: str) -> tuple[int, dict[str, str], str]:
        return http_get(self.base + path)

    def cached(self, path: str) -> bool:
        """Whether `path` now comes from the page cache."""
        return self.get(path)[1].get("X-Page-Cache") == "hit"

    def stop(self) -> None:
        stop(self.process)


#: The mark of tests whose writes other processes (app servers) must see, or that close the
#: database connection: no transaction around the test. pytest-django restores what the
#: migrations left before each such test and empties the database after it.
COMMITTED = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(scope="module")
def database_restored_afterwards(django_db_setup, django_db_blocker):
    """For a module of COMMITTED tests: the database as it was before the module, restored
    after it (tests/e2e/snapshot.py), for the tests that follow and for the next run of a
    reused test database (pytest-django's flush after each test would leave it empty)."""
    from tests.e2e.snapshot import Snapshot

    with django_db_blocker.unblock():
        baseline = Snapshot()
    yield
    with django_db_blocker.unblock():
        baseline.restore()
        baseline.close()
