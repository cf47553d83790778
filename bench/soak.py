"""`python -m bench --soak MINUTES`: every page target in turn (uncached, POSTs included)
for MINUTES, each worker's memory sampled once a minute: a leak shows as steady growth."""

import argparse
import tempfile
import time
from pathlib import Path

from bench.database import databases, prepare
from bench.env import Database, bench_env, flush_bench_cache, in_django
from bench.load import fresh_script, run_wrk, wait_for_quiet
from bench.probe import quote, with_csrf
from bench.report import machine_info, soak_markdown, write_results
from bench.server import Server, serving

# Growth of a worker's memory over a soak, after its first minute, that still counts as flat.
MAX_SOAK_GROWTH = 0.10


def sample(server: Server, minute: float) -> dict:
    return {"minute": round(minute, 1), "rss_mb": server.worker_rss_mb()}


def growth(samples: list[dict]) -> float:
    """The largest relative growth of a worker from its first minute to the end."""
    after_warmup = next((s for s in samples if s["minute"] >= 1), samples[0])["rss_mb"]
    final = samples[-1]["rss_mb"]
    return max(
        ((end - start) / start for start, end in zip(after_warmup, final, strict=False)),
        default=0.0,
    )


def soak(database: Database, wrk: str, args: argparse.Namespace, scripts: Path) -> dict:
    targets = in_django(["targets", "--scale", str(args.scale)], bench_env(database))
    pages = [t for t in targets if t["kind"] == "page" and not t.get("optional")]  # type: ignore[union-attr]
    flush_bench_cache()
    samples: list[dict] = []
    requests = 0
    with serving(database, args.workers, {"PAGE_CACHE_SECONDS": "0"}) as server:
        pages = [with_csrf(server.base, target) for target in pages]
        started = time.monotonic()
        next_sample = started
        while (elapsed := time.monotonic() - started) < args.soak * 60:
            if time.monotonic() >= next_sample:
                samples.append(sample(server, elapsed / 60))
                next_sample += 60
            for target in pages:
                url = server.base + quote(target["path"])
                script = fresh_script(target, scripts)
                requests += run_wrk(wrk, url, script, 1, args.connections, args.threads)["requests"]
        samples.append(sample(server, args.soak))
    grown = growth(samples)
    return {
        "database": database.label,
        "minutes": args.soak,
        "requests": requests,
        "samples": samples,
        "growth_after_first_minute": round(grown, 3),
        "flat": grown <= MAX_SOAK_GROWTH,
    }


def run_soak(args: argparse.Namespace, wrk: str, report: dict) -> int:
    """Soak every database of `--db`; exit status 1 when a worker's memory kept growing."""
    report = {**report, "machine": machine_info(args.workers, args, wrk), "soaks": []}
    with tempfile.TemporaryDirectory() as scripts_dir:
        for database in databases(args.db, args.scale):
            prepare(database, args.scale, args.rebuild)
            wait_for_quiet(args.quiet_load, args.quiet_wait)
            report["soaks"].append(soak(database, wrk, args, Path(scripts_dir)))
    table = soak_markdown(report, MAX_SOAK_GROWTH)
    print(table)
    write_results(table, report, ["soak-latest"])
    return 0 if all(run["flat"] for run in report["soaks"]) else 1
