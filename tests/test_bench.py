"""The benchmark's load driver: what wrk sends is what the bench says it measures."""

import argparse
import shutil
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from bench.run import warm_up_and_load

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


def test_each_scale_has_its_own_block_in_the_readme(tmp_path, monkeypatch):
    from bench import run

    readme = tmp_path / "README.md"
    readme.write_text("# Bench\n<!-- bench:start -->\nold\n<!-- bench:end -->\n\nWhat it shows.\n")
    monkeypatch.setattr(run, "README", readme)
    run.update_readme("scale one", 1)
    run.update_readme("scale ten", 10)
    run.update_readme("scale ten again", 10)
    assert readme.read_text() == (
        "# Bench\n<!-- bench:start -->\nscale one\n<!-- bench:end -->\n\n"
        "<!-- bench:start scale=10 -->\nscale ten again\n<!-- bench:end scale=10 -->\n\n"
        "What it shows.\n"
    )
