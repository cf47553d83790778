"""The benchmark's load driver: what wrk sends is what the bench says it measures."""

import argparse
import shutil
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from bench.load import warm_up_and_load

WRK = shutil.which("wrk")
needs_wrk = pytest.mark.skipif(
    WRK is None, reason="wrk is not installed (make bench-tools, or the bench, installs it)"
)


class RecordingHandler(BaseHTTPRequestHandler):
    bodies: list[bytes] = []
    lock = threading.Lock()

    def do_POST(self) -> None:  # noqa: N802 - the stdlib's name
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        with self.lock:
            self.bodies.append(body)
        self.send_response(303)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


@needs_wrk
def test_a_unique_post_never_repeats_a_value_of_its_warm_up(tmp_path: Path) -> None:
    # The same script for warm-up and run restarted its counter: the run re-sent the warm-up's
    # organisations, and the site answered those duplicates with 409.
    RecordingHandler.bodies = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), RecordingHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        target = {"method": "POST", "body": "organisation=org-{n}", "headers": {}}
        args = argparse.Namespace(warmup=1, duration=1, connections=2, threads=1)
        url = f"http://127.0.0.1:{server.server_address[1]}/apply/"
        result = warm_up_and_load(WRK, url, target, tmp_path, args)
    finally:
        server.shutdown()
        server.server_close()
    bodies = RecordingHandler.bodies
    assert result["requests"] > 0
    assert len(bodies) > result["requests"]  # the warm-up's requests came first
    assert len(set(bodies)) == len(bodies)
    assert result["status"] == 0


def test_each_scale_has_its_own_block_in_the_results_file(tmp_path):
    from bench.report import update_results_file

    results = tmp_path / "RESULTS.md"
    results.write_text("# Bench\n<!-- bench:start -->\nold\n<!-- bench:end -->\n\nWhat it shows.\n")
    update_results_file("scale one", 1, results)
    update_results_file("scale ten", 10, results)
    update_results_file("scale ten again", 10, results)
    assert results.read_text() == (
        "# Bench\n<!-- bench:start -->\nscale one\n<!-- bench:end -->\n\n"
        "<!-- bench:start scale=10 -->\nscale ten again\n<!-- bench:end scale=10 -->\n\n"
        "What it shows.\n"
    )


def test_a_results_file_without_blocks_gets_one_at_its_end(tmp_path):
    from bench.report import update_results_file

    results = tmp_path / "RESULTS.md"
    results.write_text("# Bench\n\nHow to run.\n")
    update_results_file("the tables", 1, results)
    assert results.read_text() == (
        "# Bench\n\nHow to run.\n\n<!-- bench:start -->\nthe tables\n<!-- bench:end -->\n"
    )


def test_results_go_to_the_results_file_never_to_the_readme(tmp_path, monkeypatch):
    # --results (and its former name --readme) writes bench/RESULTS.md; README.md is the
    # project's front page and holds no figures.
    from bench import cli, report

    assert report.RESULTS_FILE == report.ROOT / "bench" / "RESULTS.md"
    assert cli.parse_args(["--results"]).results
    assert cli.parse_args(["--readme"]).results
    assert not cli.parse_args([]).results
    readme = report.ROOT / "README.md"
    before = readme.read_bytes() if readme.exists() else None
    target = tmp_path / "RESULTS.md"
    monkeypatch.setattr(report, "RESULTS_FILE", target)
    report.update_results_file("the tables", 1)
    assert "the tables" in target.read_text()
    assert (readme.read_bytes() if readme.exists() else None) == before


def test_the_committed_results_file_has_the_scale_one_block():
    from bench.report import RESULTS_FILE, markers

    text = RESULTS_FILE.read_text()
    start, end = markers(1)
    assert text.index(start) < text.index(end)


def test_bench_never_imports_config():
    # config wires everything together and nothing imports it (docs/style.md, floors); the
    # bench's URLconf lives in config/bench_urls.py and imports bench, not the other way.
    import ast

    from bench.env import ROOT

    offenders = []
    for path in sorted((ROOT / "bench").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names = [node.module]
            offenders += [
                f"{path.relative_to(ROOT)}: {name}"
                for name in names
                if name == "config" or name.startswith("config.")
            ]
    assert offenders == []


def test_every_bench_module_stays_under_500_lines():
    from bench.env import ROOT

    long = {
        str(path.relative_to(ROOT)): length
        for path in (ROOT / "bench").rglob("*.py")
        if (length := len(path.read_text().splitlines())) >= 500
    }
    assert long == {}


def test_cpu_per_request_is_the_server_cpu_of_the_run_over_its_requests():
    from bench.measure import Measurement
    from bench.report import run_table

    def measured(name: str, kind: str, cpu_s: float, requests: int) -> dict:
        m = Measurement(name, f"/{name}/", kind)
        summary = {"requests": requests, "duration_us": 3e6, "p50_us": 1, "p90_us": 1}
        errors = dict.fromkeys(("connect", "read", "write", "status", "timeout"), 0)
        m.record({**summary, "p99_us": 1, **errors, "server_cpu_s": cpu_s})
        return m.__dict__

    floor = measured("floor", "floor", 0.5, 100)  # 5 ms a request
    page = measured("home", "page", 1.5, 100)
    assert page["cpu_ms"] == pytest.approx(15.0)
    run = {"database": "sqlite", "database_version": "3", "note": "uncached"}
    run |= {"rss_start_mb": [], "rss_end_mb": [], "measurements": [floor, page]}
    row = next(line for line in run_table(run) if line.startswith("| home"))
    assert row.startswith("| home `GET /home/` | 15.0 | 3.0 |")


def test_the_server_cpu_is_read_from_proc_for_the_master_and_its_workers():
    import os
    import subprocess
    import sys

    from bench.server import Server

    busy = subprocess.Popen([sys.executable, "-c", "sum(range(10**8))"])
    try:
        server = Server.__new__(Server)
        server.process = busy
        first = server.cpu_seconds()
        busy.wait()
    finally:
        busy.kill()
    assert first >= 0
    own = Server.__new__(Server)
    own.process = subprocess.Popen.__new__(subprocess.Popen)
    own.process.pid = os.getpid()
    assert own.cpu_seconds() == pytest.approx(sum(os.times()[:2]), abs=0.05)
