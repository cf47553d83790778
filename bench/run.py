"""The table run of `python -m bench`: for each database, a pass with the full-page cache
off and one with it on; each pass a fresh server and an empty cache, every target measured
in turn, then judged against the floor and ceiling of the same pass. With `--reference`,
the uncached pass then measures the pairs of pages beside the reference site's
(bench.sidebyside)."""

import argparse
import tempfile
from pathlib import Path

from bench.database import collectstatic, database_version, databases, prepare
from bench.env import Database, bench_env, flush_bench_cache, in_django, log
from bench.load import load_average, wait_for_quiet
from bench.measure import Measurement, judge, measure
from bench.more_targets import merged, more_targets
from bench.reference import Reference, loopback_base, pairs_with
from bench.report import (
    machine_info,
    markdown,
    timestamped_stem,
    update_results_file,
    write_results,
    write_scale_results,
)
from bench.server import serving
from bench.sidebyside import measure_beside
from bench.summary import write_summary

UNCACHED = ("uncached (full-page cache off)", "0")
CACHED = ("cached (full-page cache on, anonymous visitors)", "300")


def selected_targets(database: Database, args: argparse.Namespace) -> list[dict]:
    """The targets of the database's content; pages only if their name has `--only` and,
    for the English ones, with `--english`."""
    env = bench_env(database)
    targets = in_django(["targets", "--scale", str(args.scale)], env)
    targets = merged(targets, more_targets(env, args.scale))  # type: ignore[arg-type]
    return [
        t
        for t in targets  # type: ignore[union-attr]
        if t["kind"] != "page"
        or (args.only.lower() in t["name"].lower() and (args.english or not t.get("optional")))
    ]


def modes(args: argparse.Namespace) -> list[tuple[str, str]]:
    """(note, PAGE_CACHE_SECONDS) of each pass."""
    return [UNCACHED] if args.no_cached else [UNCACHED, CACHED]


def run_pass(
    database: Database,
    mode: tuple[str, str],
    targets: list[dict],
    wrk: str,
    args: argparse.Namespace,
    scripts: Path,
) -> dict:
    note, seconds = mode
    cached = seconds != "0"
    wait_for_quiet(args.quiet_load, args.quiet_wait)
    load_start = load_average()
    flush_bench_cache()
    measurements: list[Measurement] = []
    rss_start: list[float] = []
    with serving(database, args.workers, {"PAGE_CACHE_SECONDS": seconds}) as server:
        for target in targets:
            if cached and target["kind"] == "static":
                continue
            log(
                f"[{database.label}, {'cached' if cached else 'uncached'}] "
                f"{target['name']}: {target['path']}"
            )
            measurements.append(measure(server, wrk, target, args, scripts))
            if not rss_start:  # after the first target: workers started and warm
                rss_start = server.worker_rss_mb()
        rss_end = server.worker_rss_mb()
        load_end = load_average()
        beside = None
        if args.reference and not cached:
            reference = Reference(loopback_base(args.reference))
            pairs = pairs_with(args.reference_page)
            beside = measure_beside(server, reference, pairs, targets, wrk, args, scripts)
    judge(measurements, cached)
    return {
        "database": database.label,
        "database_version": database_version(database),
        "note": note,
        "cached": cached,
        "rss_start_mb": rss_start,
        "rss_end_mb": rss_end,
        "load_start": load_start,
        "load_end": load_end,
        "measurements": [m.__dict__ for m in measurements],
        **({"reference": beside} if beside is not None else {}),
    }


def run_tables(args: argparse.Namespace, wrk: str, report: dict) -> int:
    """Measure every database of `--db`; print the tables and write them."""
    report = {**report, "machine": machine_info(args.workers, args, wrk), "runs": []}
    with tempfile.TemporaryDirectory() as scripts_dir:
        for index, database in enumerate(databases(args.db, args.scale)):
            stamp = prepare(database, args.scale, args.rebuild)
            report["not_measured"] = stamp.get("planned", {})
            if index == 0:
                collectstatic(database)
            targets = selected_targets(database, args)
            for mode in modes(args):
                run = run_pass(database, mode, targets, wrk, args, Path(scripts_dir))
                report["runs"].append({**run, "content": stamp.get("made")})
    table = markdown(report)
    print(table)
    write_results(table, report, [timestamped_stem(), "latest"])
    write_scale_results(report)
    if args.results:
        update_results_file(table, args.scale)
        print(write_summary())
    return 0
