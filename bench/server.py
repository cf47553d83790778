"""The measured server: gunicorn (config/gunicorn.py) with config.settings.bench on a free
loopback port, its workers never recycled (memory growth must show), tasks queued in the
database as in production."""

import os
import re
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from bench.env import PYTHON, ROOT, Database, bench_env

GUNICORN = str(Path(PYTHON).with_name("gunicorn"))
START_TIMEOUT = 60  # seconds for /healthz to answer


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(database: Database, port: int, workers: int, extra: dict[str, str]) -> dict:
    return bench_env(
        database,
        GUNICORN_BIND=f"127.0.0.1:{port}",
        WEB_CONCURRENCY=str(workers),
        GUNICORN_ACCESS_LOG="false",
        GUNICORN_MAX_REQUESTS="0",  # no recycling: memory growth must show
        BENCH_QUEUE_TASKS="1",
        **extra,
    )


class Server:
    """A running gunicorn; `base` is its URL. Start with `serving()`, which stops it."""

    def __init__(self, database: Database, workers: int, extra_env: dict[str, str]) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_file = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            [GUNICORN, "-c", "config/gunicorn.py", "config.wsgi"],
            cwd=ROOT,
            env=server_env(database, self.port, workers, extra_env),
            stdout=self.log_file,
            stderr=subprocess.STDOUT,
        )

    def wait_until_healthy(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn exited:\n{self.output()}")
            try:
                with urllib.request.urlopen(f"{self.base}/healthz", timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                time.sleep(0.3)
        self.stop()
        raise SystemExit(f"gunicorn did not become healthy:\n{self.output()}")

    def output(self) -> str:
        self.log_file.seek(0)
        return self.log_file.read().decode(errors="replace")[-4000:]

    def worker_pids(self) -> list[str]:
        """The gunicorn master's children: its workers."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return children.read_text().split() if children.exists() else []

    def cpu_seconds(self) -> float:
        """User and system CPU time of the master and its workers so far (from /proc; the
        workers are never recycled, so differences are the CPU of what happened between)."""
        ticks = 0
        for pid in [str(self.process.pid), *self.worker_pids()]:
            stat = Path(f"/proc/{pid}/stat")
            if stat.exists():
                # Fields after the command name (which may hold spaces): utime, stime are
                # the 14th and 15th of the whole line.
                fields = stat.read_text().rsplit(")", 1)[1].split()
                ticks += int(fields[11]) + int(fields[12])
        return ticks / os.sysconf("SC_CLK_TCK")

    def worker_rss_mb(self) -> list[float]:
        """Resident memory of each worker (children of the gunicorn master), smallest first."""
        sizes = []
        for pid in self.worker_pids():
            status = Path(f"/proc/{pid}/status")
            if status.exists():
                match = re.search(r"VmRSS:\s+(\d+) kB", status.read_text())
                if match:
                    sizes.append(round(int(match.group(1)) / 1024, 1))
        return sorted(sizes)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@contextmanager
def serving(database: Database, workers: int, extra_env: dict[str, str]):
    """A healthy server for the `with` block, stopped after it."""
    server = Server(database, workers, extra_env)
    try:
        server.wait_until_healthy()
        yield server
    finally:
        server.stop()
