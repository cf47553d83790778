"""One URL measured (probe, warm-up, load, probe again) and judged against the targets of
issue 20, relative to the floor and the framework ceiling of the same pass: CPU per request,
not latency (a loaded machine makes requests wait, not cost more)."""

import argparse
from dataclasses import dataclass, field
from pathlib import Path

from bench.load import warm_up_and_load
from bench.probe import PROBE_TIMEOUT, probe, quote, with_csrf
from bench.server import Server

# The targets, checked for every page (bench/RESULTS.md, "What a run does, and the targets").
MAX_QUERIES = 15
MAX_FLOOR_RATIO = 3.0  # uncached CPU per request over the bare Wagtail page's: an aim
MAX_FEED_CPU_MS = 50.0  # an events .ics feed, uncached, filtered or not
MIN_CACHED_RPS_RATIO = 0.5  # cached pages at the ceiling's throughput (at least half of it)
MAX_REFERENCE_RATIO = 0.5  # our CPU per request over the reference site's nearest page
MAX_GROWTH = 0.10  # CPU per request at scale 10 over scale 1, minus one
PRIVATE = "private by design, never cached"


@dataclass
class Measurement:
    name: str
    path: str
    kind: str
    method: str = "GET"
    status: int = 0
    queries: int | None = None
    queries_first: int | None = None
    bytes: int = 0
    rps: float = 0.0
    p50_ms: float = 0.0
    p90_ms: float = 0.0
    p99_ms: float = 0.0
    requests: int = 0
    # The server processes' CPU time during the measured run / its requests: what a page
    # costs whatever the machine's load does to latency.
    cpu_ms: float | None = None
    errors: dict[str, int] = field(default_factory=dict)
    cacheable: bool = True
    cache: str = ""  # X-Page-Cache of the request after the run: hit, miss or none
    rps_ratio: float | None = None
    p99_ratio: float | None = None
    verdict: str = ""

    def record(self, result: dict) -> None:
        """Take the figures of wrk's summary."""
        self.requests = result["requests"]
        self.rps = result["requests"] / (result["duration_us"] / 1e6)
        self.p50_ms = result["p50_us"] / 1000
        self.p90_ms = result["p90_us"] / 1000
        self.p99_ms = result["p99_us"] / 1000
        self.errors = {k: result[k] for k in ("connect", "read", "write", "status", "timeout")}
        if result.get("server_cpu_s") is not None and self.requests:
            self.cpu_ms = result["server_cpu_s"] * 1000 / self.requests


def measure(
    server: Server, wrk: str, target: dict, args: argparse.Namespace, scripts: Path
) -> Measurement:
    """A first request (status, queries of a cold request), then, unless it failed, the
    warm-up and load, then one more request for the queries and cache verdict after it."""
    m = Measurement(target["name"], target["path"], target["kind"], target["method"])
    m.cacheable = target.get("cacheable", True)
    target = with_csrf(server.base, target)
    m.status, m.queries_first, m.bytes, _cache = probe(server.base, target)
    if m.status == 0:
        m.verdict = f"one request took over {PROBE_TIMEOUT} s: not loaded"
        return m
    if m.status >= 400:
        m.verdict = f"HTTP {m.status}"
        return m
    url = server.base + quote(target["path"])
    result = warm_up_and_load(wrk, url, target, scripts, args, server.cpu_seconds)
    m.status, m.queries, _bytes, m.cache = probe(server.base, target)
    m.record(result)
    return m


def is_feed(path: str) -> bool:
    """The events .ics feed, filtered or not (not one event's calendar file)."""
    return path.split("?")[0].endswith("events.ics")


def judge(measurements: list[Measurement], cached: bool = False) -> None:
    """Set each measurement's ratios to the ceiling and, for pages, its verdict."""
    ceiling = next((m for m in measurements if m.kind == "ceiling" and m.rps), None)
    floor = next((m for m in measurements if m.kind == "floor" and m.cpu_ms), None)
    for m in measurements:
        if not m.rps and m.kind == "page" and not m.verdict:
            m.verdict = "no request completed"
        if not m.rps:
            continue
        if ceiling is not None:
            m.rps_ratio = m.rps / ceiling.rps
            m.p99_ratio = m.p99_ms / ceiling.p99_ms if ceiling.p99_ms else None
        if m.kind == "page":
            m.verdict = verdict(problems(m, cached, floor.cpu_ms if floor else None))


def problems(m: Measurement, cached: bool, floor_ms: float | None = None) -> list[str]:
    """What misses a target. With the page cache on, a cacheable page must be a hit at half
    the ceiling's throughput; anything else (and every page uncached) is judged uncached."""
    found = []
    if cached and not m.cacheable:
        found.append(PRIVATE)
    if cached and m.cacheable:
        if m.rps_ratio is not None and m.rps_ratio < MIN_CACHED_RPS_RATIO:
            found.append(f"req/s < {MIN_CACHED_RPS_RATIO:g}× ceiling")
    else:
        found += uncached_problems(m, floor_ms)
    if cached and m.cacheable and m.cache != "hit":
        found.append(f"not served from the page cache ({m.cache or 'no header'})")
    if any(m.errors.values()):
        found.append(f"errors {m.errors}")
    return found


def uncached_problems(m: Measurement, floor_ms: float | None = None) -> list[str]:
    """At most MAX_QUERIES queries; CPU within MAX_FLOOR_RATIO of the floor (an aim); a
    feed under MAX_FEED_CPU_MS. Latency and throughput are shown, not judged."""
    found = []
    if m.queries is not None and m.queries > MAX_QUERIES:
        found.append(f"{m.queries} queries > {MAX_QUERIES}")
    if m.cpu_ms is not None and floor_ms:
        ratio = m.cpu_ms / floor_ms
        if ratio > MAX_FLOOR_RATIO:
            found.append(f"CPU {ratio:.1f}× floor > {MAX_FLOOR_RATIO:g}× (aim)")
    if m.cpu_ms is not None and is_feed(m.path) and m.cpu_ms >= MAX_FEED_CPU_MS:
        found.append(f"feed CPU {m.cpu_ms:,.0f} ms ≥ {MAX_FEED_CPU_MS:g} ms")
    return found


def verdict(found: list[str]) -> str:
    if found == [PRIVATE]:
        return f"ok ({PRIVATE})"
    return "; ".join(found) or "ok"
