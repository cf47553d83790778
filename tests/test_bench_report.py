"""The bench's reporting side: the reference site's processes found from its port, our pages
measured alternately beside its pages, the checks of issue 20 and the summary of scale 1
and scale 10 side by side. No timing: fake figures, and processes only to be found."""

import json
import os
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from bench.measure import Measurement, judge
from bench.reference import (
    PAIRS,
    cpu_seconds_of,
    listening_inodes,
    loopback_base,
    pairs_with,
    serving_pids,
)
from bench.sidebyside import alternate, pair_figures


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_listening(port: int) -> None:
    deadline = time.monotonic() + 20
    while not listening_inodes(port):
        if time.monotonic() > deadline:
            raise AssertionError(f"nothing listens on {port}")
        time.sleep(0.1)


@pytest.fixture
def started():
    processes = []

    def start(*command: str) -> subprocess.Popen:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        processes.append(process)
        return process

    yield start
    for process in processes:
        process.kill()
        process.wait()


def test_the_processes_serving_a_port_are_found_from_its_listening_socket(started):
    port = free_port()
    server = started(sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1")
    wait_for_listening(port)
    assert serving_pids(port) == [server.pid]
    assert os.getpid() not in serving_pids(port)
    assert cpu_seconds_of([server.pid]) >= 0


def test_a_port_nobody_listens_on_has_no_processes():
    assert serving_pids(free_port()) == []


def test_the_children_of_the_socket_owner_count_even_without_the_socket(started, tmp_path):
    # As a gunicorn master and its workers: here the child closes the inherited socket, so
    # only the parent owns it, and the child is found as the parent's child.
    port = free_port()
    ready = tmp_path / "child"
    script = textwrap.dedent(
        f"""
        import os, socket, time
        s = socket.socket()
        s.bind(("127.0.0.1", {port}))
        s.listen()
        pid = os.fork()
        if pid == 0:
            s.close()
            open({str(ready)!r}, "w").write(str(os.getpid()))
            time.sleep(60)
            os._exit(0)
        time.sleep(60)
        """
    )
    parent = started(sys.executable, "-c", script)
    wait_for_listening(port)
    deadline = time.monotonic() + 20
    while not (ready.exists() and ready.read_text()):
        assert time.monotonic() < deadline
        time.sleep(0.1)
    child = int(ready.read_text())
    try:
        assert serving_pids(port) == sorted([parent.pid, child])
    finally:
        os.kill(child, 9)


def fake_proc(root: Path) -> Path:
    """A /proc with one IPv6 listener on port 8001 (inode 555) held by pid 10, whose child
    11 holds nothing; pid 12 listens elsewhere."""
    (root / "net").mkdir(parents=True)
    head = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  "
    head += "timeout inode\n"
    (root / "net" / "tcp").write_text(
        head + "   0: 0100007F:1F42 00000000:0000 0A 00000000:00000000 00:00000000 "
        "00000000     0        0 777 1 0 100 0 0 10 0\n"
        "   1: 0100007F:1F41 0100007F:9999 01 00000000:00000000 00:00000000 "
        "00000000     0        0 888 1 0 100 0 0 10 0\n"
    )
    (root / "net" / "tcp6").write_text(
        head + "   0: 00000000000000000000000000000000:1F41 00000000000000000000000000000000:0000"
        " 0A 00000000:00000000 00:00000000 00000000     0        0 555 1 0 100 0 0 10 0\n"
    )
    for pid, sockets, kids in ((10, [555], "11"), (11, [888], ""), (12, [777], "")):
        (root / str(pid) / "fd").mkdir(parents=True)
        for number, inode in enumerate(sockets):
            (root / str(pid) / "fd" / str(number)).symlink_to(f"socket:[{inode}]")
        (root / str(pid) / "task" / str(pid)).mkdir(parents=True)
        (root / str(pid) / "task" / str(pid) / "children").write_text(kids)
        # utime 100, stime 50, cutime 20, cstime 10 ticks (fields 14 to 17).
        fields = ["S", *["0"] * 10, "100", "50", "20", "10", *["0"] * 5]
        (root / str(pid) / "stat").write_text(f"{pid} (gunicorn: worker [x]) " + " ".join(fields))
    return root


def test_listening_sockets_are_read_from_tcp_and_tcp6(tmp_path):
    proc = fake_proc(tmp_path)
    # 8001 = 0x1F41: the IPv6 listener; the connected socket on 8001 (state 01) is not one.
    assert listening_inodes(8001, proc) == {555}
    assert serving_pids(8001, proc) == [10, 11]
    assert serving_pids(8002, proc) == [12]
    ticks = os.sysconf("SC_CLK_TCK")
    # A worker that exits is counted through its master's cutime/cstime.
    assert cpu_seconds_of([10, 11], proc) == pytest.approx(2 * 180 / ticks)
    assert cpu_seconds_of([10, 99], proc) == pytest.approx(180 / ticks)


def test_a_port_forwarded_into_a_container_gives_no_cpu_figure():
    from bench.reference import cpu_note

    assert cpu_note({10: "gunicorn", 11: "gunicorn"}, 8001) == ""
    assert "forwarder (docker-proxy)" in cpu_note({10: "docker-proxy"}, 8001)
    assert "no process" in cpu_note({}, 8001)


def test_the_reference_address_is_loopback_only_and_its_pages_are_options():
    assert loopback_base("http://127.0.0.1:8001/") == "http://127.0.0.1:8001"
    assert loopback_base("http://localhost:8001") == "http://localhost:8001"
    for wrong in ("http://example.com:8001", "https://127.0.0.1:8001", "http://10.0.0.1/"):
        with pytest.raises(ValueError):
            loopback_base(wrong)
    assert [pair.path for pair in pairs_with([])] == [pair.path for pair in PAIRS]
    changed = {pair.key: pair.path for pair in pairs_with(["event=/blog/other/"])}
    assert changed["event"] == "/blog/other/"
    assert changed["listing"] == "/blog/"
    assert changed["archive"] == "/breads/"
    assert changed["search"] == "/search/?q=bread"
    for wrong in (["nothing=/x/"], ["home"], ["home=relative/"]):
        with pytest.raises(ValueError):
            pairs_with(wrong)


def test_the_command_line_refuses_a_reference_elsewhere():
    from bench import cli

    args = cli.parse_args(["--reference", "http://127.0.0.1:8001", "--reference-page", "home=/x/"])
    assert args.reference_page == ["home=/x/"]
    assert args.reference_rounds == 2
    with pytest.raises(SystemExit):
        cli.parse_args(["--reference", "http://example.com/"])
    with pytest.raises(SystemExit):
        cli.parse_args(["--reference-page", "home"])


def figures(cpu_ms: float | None, requests: int = 100, status: int = 200) -> dict:
    return {"cpu_ms": cpu_ms, "requests": requests, "status": status}


def test_our_page_and_the_references_alternate_ours_first_and_last():
    calls = []

    def ours(target: dict) -> dict:
        calls.append(("ours", target["path"]))
        return figures(20)

    def theirs(target: dict) -> dict:
        calls.append(("reference", target["path"]))
        return figures(50)

    pairs = pairs_with([])[:2]
    targets = {"home (tr)": {"name": "home (tr)", "path": "/tr/", "kind": "page"}}
    found = alternate(pairs, targets, 2, ours, theirs)
    assert calls == [
        ("ours", "/tr/"),
        ("reference", "/"),
        ("ours", "/tr/"),
        ("reference", "/"),
        ("ours", "/tr/"),
    ]
    assert len(found[0]["ours"]) == 3 and len(found[0]["reference"]) == 2
    # Our listing was not selected (--only): no run of the reference's blog index either.
    assert found[1]["skipped"] and "ours" not in found[1]


def test_the_ratio_is_all_our_cpu_over_all_the_references():
    pair = {
        "ours": [figures(20.0, 100), figures(21.0, 300), figures(20.0, 100)],
        "reference": [figures(50.0, 100), figures(54.0, 100)],
    }
    found = pair_figures(pair)
    assert found["ours_ms"] == pytest.approx((2000 + 6300 + 2000) / 500)
    assert found["reference_ms"] == pytest.approx(52.0)
    assert found["ratio"] == pytest.approx(20.6 / 52.0)
    assert found["ours_range"] == (20.0, 21.0)
    assert found["reference_range"] == (50.0, 54.0)
    assert found["check"] == "ok"
    slow = pair_figures({"ours": [figures(30.0)], "reference": [figures(50.0)]})
    assert slow["check"] == "ratio 0.60 > 0.5"
    missing = pair_figures({"ours": [figures(30.0)], "reference": [figures(None, 0, 404)]})
    assert missing["ratio"] is None
    assert missing["check"] == "reference HTTP 404; no CPU figure on one side"


def measured(name: str, kind: str, cpu_ms: float, path: str = "", p99_ms: float = 5.0):
    m = Measurement(name, path or f"/{name}/", kind)
    m.rps, m.p99_ms, m.cpu_ms, m.queries, m.requests = 100.0, p99_ms, cpu_ms, 5, 100
    m.errors = dict.fromkeys(("connect", "read", "write", "status", "timeout"), 0)
    return m


def test_uncached_pages_are_judged_by_cpu_against_the_floor_and_feeds_by_their_own_limit():
    ceiling = measured("ceiling", "ceiling", 1.0, p99_ms=1.0)
    floor = measured("floor", "floor", 5.0)
    ok = measured("home", "page", 15.0, p99_ms=500.0)  # p99 500× the ceiling's: shown only
    heavy = measured("calendar", "page", 16.0)
    feed = measured("feed", "page", 12.0, "/tr/calendar/events.ics?type=series")
    slow_feed = measured("feed", "page", 60.0, "/tr/calendar/events.ics")
    one_event = measured("event ics", "page", 12.0, "/tr/calendar/event/7.ics")
    judge([ceiling, floor, ok, heavy, feed, slow_feed, one_event])
    assert ok.verdict == "ok"
    assert ok.p99_ratio == pytest.approx(500.0)
    assert heavy.verdict == "CPU 3.2× floor > 3× (aim)"
    assert feed.verdict == "ok"
    assert slow_feed.verdict == "CPU 12.0× floor > 3× (aim); feed CPU 60 ms ≥ 50 ms"
    assert one_event.verdict == "ok"


def test_cached_pages_must_be_hits_at_the_ceiling():
    ceiling = measured("ceiling", "ceiling", 1.0)
    hit, miss, slow = (measured(name, "page", 1.0) for name in ("hit", "miss", "slow"))
    hit.cache = slow.cache = "hit"
    slow.rps = 40.0
    judge([ceiling, hit, miss, slow], cached=True)
    assert hit.verdict == "ok"
    assert miss.verdict == "not served from the page cache (no header)"
    assert slow.verdict == "req/s < 0.5× ceiling"


def saved(scale: float, cpu: dict[str, float], reference: dict | None = None) -> dict:
    def m(name: str, ms: float) -> dict:
        kind = "floor" if name == "floor" else "page"
        path = "/tr/calendar/events.ics" if "feed" in name else f"/{name}/"
        return {"name": name, "path": path, "kind": kind, "cpu_ms": ms, "cacheable": True}

    run = {"database": "sqlite", "cached": False, "measurements": [m(*i) for i in cpu.items()]}
    if reference:
        run["reference"] = reference
    cached = {"database": "sqlite", "cached": True, "measurements": [m("home (tr)", 1.0)]}
    cached["measurements"][0]["verdict"] = "ok"
    return {
        "command": f"python -m bench --scale {scale:g}",
        "started": "today",
        "runs": [run, cached],
    }


def test_the_summary_puts_scale_one_and_ten_side_by_side(tmp_path, monkeypatch):
    from bench import report, summary

    pair = {"label": "home vs home", "ours_name": "home (tr)", "reference_path": "/"}
    pair |= {"ours": [figures(20.0)], "reference": [figures(50.0)]}
    block = {"url": "http://127.0.0.1:8001", "rounds": 1, "error": "", "pairs": [pair]}
    one = {"floor": 5.0, "home (tr)": 20.0, "events feed": 40.0}
    ten = {"floor": 6.0, "home (tr)": 21.0, "events feed": 60.0}
    monkeypatch.setattr(report, "RESULTS_DIR", tmp_path)
    for scale, cpu, reference in ((1, one, None), (10, ten, block), (0.1, one, None)):
        full = saved(scale, cpu, reference)
        full["machine"] = {"scale": scale}
        report.write_scale_results(full)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "sqlite-scale0.1.json",
        "sqlite-scale1.json",
        "sqlite-scale10.json",
    ]
    text = summary.summary_markdown(summary.saved_runs(tmp_path))
    assert "| CPU ms/req, scale 0.1 | CPU ms/req, scale 1 | CPU ms/req, scale 10 |" in text
    assert "growth 1 → 10 (≤ +10%)" in text
    assert "| home (tr) `/home (tr)/` | 20.0 | 20.0 | 21.0 | +5% | 3.5 | 50.0 | 0.40 |" in text
    assert "3.5× floor > 3× (aim)" in text
    feed_row = next(line for line in text.splitlines() if line.startswith("| events feed"))
    assert "+50% | 10.0 |" in feed_row
    assert "growth +50% > +10%" in feed_row and "feed 60 ms ≥ 50 ms" in feed_row
    assert "| floor `/floor/` | 5.0 | 5.0 | 6.0 | +20% | 1.0 | – | – | ok |" in text
    assert "measured beside scale 10" in text
    assert "scale 1: 1 of 1 cacheable pages ok" in text


def test_the_summary_has_its_own_block_in_the_results_file(tmp_path):
    from bench.report import update_results_file
    from bench.summary import END, START, update_summary

    results = tmp_path / "RESULTS.md"
    results.write_text(f"# Bench\n\n## Summary\n\n{START}\n{END}\n\n## Latest run\n")
    update_summary("the summary", results)
    update_results_file("scale one", 1, results)
    update_summary("the new summary", results)
    text = results.read_text()
    assert f"{START}\nthe new summary\n{END}\n\n## Latest run" in text
    assert "<!-- bench:start -->\nscale one\n<!-- bench:end -->" in text
    assert "the summary\n" not in text


def test_the_committed_results_file_has_the_summary_block():
    from bench.report import RESULTS_FILE
    from bench.summary import END, START

    text = RESULTS_FILE.read_text()
    assert text.index(START) < text.index(END) < text.index("<!-- bench:start -->")


def test_the_filtered_feeds_follow_the_events_feed_once():
    from bench.more_targets import merged

    def t(name: str, path: str) -> dict:
        return {"name": name, "path": path, "method": "GET"}

    targets = [t("home (tr)", "/tr/"), t("events .ics feed (tr)", "/f.ics"), t("x", "/x/")]
    extra = [t("province", "/f.ics?province=06"), t("again", "/f.ics")]
    assert [x["name"] for x in merged(targets, extra)] == [
        "home (tr)",
        "events .ics feed (tr)",
        "province",
        "x",
    ]


def test_the_reference_is_said_to_be_unreachable_and_the_run_carries_on():
    import argparse

    from bench.reference import Reference
    from bench.report import beside_table
    from bench.sidebyside import measure_beside

    reference = Reference(f"http://127.0.0.1:{free_port()}")
    args = argparse.Namespace(reference_rounds=2)
    block = measure_beside(None, reference, PAIRS, [], "wrk", args, Path("."))  # type: ignore[arg-type]
    assert block["error"].startswith("not reachable at http://127.0.0.1:")
    assert block["pairs"] == []
    assert beside_table(block)[0].startswith("Reference site: not reachable at")
    json.dumps(block)  # saved with the run


def test_a_running_reference_is_reachable(started):
    from bench.reference import Reference

    port = free_port()
    started(sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1")
    wait_for_listening(port)
    reference = Reference(f"http://127.0.0.1:{port}")
    assert reference.unreachable() == ""


def test_the_cpu_of_a_run_is_read_on_an_idle_server_and_the_queue_drained_after(monkeypatch):
    # Requests a warm-up left queued are answered after wrk stops: their CPU must not fall
    # in the measured run, whose requests do not count them.
    import argparse

    from bench import load

    events = []
    readings = iter([0.0, 1.0, 2.0, 2.005, 2.005, 5.0, 6.0, 6.0])

    def cpu() -> float:
        value = next(readings)
        events.append(f"cpu {value:g}")
        return value

    def wrk(*args) -> dict:
        events.append("wrk")
        return {"requests": 10}

    monkeypatch.setattr(load, "run_wrk", wrk)
    monkeypatch.setattr(load.time, "sleep", lambda seconds: None)
    monkeypatch.setattr(load, "fresh_script", lambda target, scripts: Path("x.lua"))
    args = argparse.Namespace(warmup=1, duration=1, connections=2, threads=1)
    result = load.warm_up_and_load("wrk", "http://127.0.0.1:1/", {}, Path("."), args, cpu)
    # warm-up; idle once two readings differ by less than IDLE_CPU; before; run; after;
    # then the queue drains until idle again.
    assert events == [
        "wrk",
        "cpu 0",
        "cpu 1",
        "cpu 2",
        "cpu 2.005",
        "cpu 2.005",
        "wrk",
        "cpu 5",
        "cpu 6",
        "cpu 6",
    ]
    assert result["server_cpu_s"] == pytest.approx(5.0 - 2.005)
