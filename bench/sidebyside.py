"""Our pages beside the reference site's nearest ones, in the same window: for each pair,
ours, the reference's, ours, the reference's, ... ours (`--reference-rounds` of the
reference's), each a warm-up then a measured wrk run with the same settings, so that load
that comes and goes falls on both sides. The figures: CPU ms per request on each side (the
range over the runs, and all the CPU over all the requests), and our share of the
reference's (the issue's target: at most 0.5)."""

import argparse
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

from bench.env import log
from bench.measure import MAX_REFERENCE_RATIO, measure
from bench.reference import Pair, Reference, command_names, cpu_note
from bench.server import Server

Measure = Callable[[dict], dict]


def alternate(
    pairs: list[Pair],
    targets: dict[str, dict],
    rounds: int,
    measure_ours: Measure,
    measure_reference: Measure,
) -> list[dict]:
    """For each pair whose page of ours is in `targets` (by name): ours, then `rounds` times
    the reference's and ours again. Measurements are dicts (Measurement.__dict__)."""
    results = []
    for pair in pairs:
        found = {"key": pair.key, "label": pair.label, "ours_name": pair.ours}
        found["reference_path"] = pair.path
        target = targets.get(pair.ours)
        if target is None:
            results.append({**found, "skipped": "our page is not measured in this run"})
            continue
        theirs = {"name": f"reference {pair.key}", "path": pair.path, "kind": "reference"}
        theirs["method"] = "GET"
        ours_runs, reference_runs = [measure_ours(target)], []
        for _ in range(rounds):
            reference_runs.append(measure_reference(theirs))
            ours_runs.append(measure_ours(target))
        results.append({**found, "ours_path": target["path"], "ours": ours_runs})
        results[-1]["reference"] = reference_runs
    return results


def cpu_per_request(runs: list[dict]) -> float | None:
    """All the CPU of the runs that measured it over all their requests, in ms."""
    measured = [run for run in runs if run.get("cpu_ms") is not None and run.get("requests")]
    requests = sum(run["requests"] for run in measured)
    if not requests:
        return None
    return sum(run["cpu_ms"] * run["requests"] for run in measured) / requests


def cpu_range(runs: list[dict]) -> tuple[float, float] | None:
    values = [run["cpu_ms"] for run in runs if run.get("cpu_ms") is not None]
    return (min(values), max(values)) if values else None


def pair_figures(pair: dict) -> dict:
    """A pair's CPU ms per request on each side (range and overall), the ratio, and what
    misses the target."""
    ours, theirs = cpu_per_request(pair.get("ours", [])), cpu_per_request(pair.get("reference", []))
    ratio = ours / theirs if ours is not None and theirs else None
    problems = []
    if pair.get("skipped"):
        problems.append(pair["skipped"])
    statuses = {run.get("status") for run in pair.get("reference", [])} - {200}
    problems += [f"reference HTTP {status}" for status in sorted(statuses, key=str)]
    if ratio is not None and ratio > MAX_REFERENCE_RATIO:
        problems.append(f"ratio {ratio:.2f} > {MAX_REFERENCE_RATIO:g}")
    if not pair.get("skipped") and ratio is None:
        problems.append("no CPU figure on one side")
    return {
        "ours_ms": ours,
        "reference_ms": theirs,
        "ours_range": cpu_range(pair.get("ours", [])),
        "reference_range": cpu_range(pair.get("reference", [])),
        "ratio": ratio,
        "check": "; ".join(problems) or "ok",
    }


def measure_beside(
    server: Server,
    reference: Reference,
    pairs: list[Pair],
    targets: list[dict],
    wrk: str,
    args: argparse.Namespace,
    scripts: Path,
) -> dict:
    """The side-by-side block of a pass: the pairs measured alternately, or why not."""
    found: dict = {"url": reference.base, "rounds": args.reference_rounds, "pairs": []}
    found["error"] = reference.unreachable()
    if found["error"]:
        log(f"reference: {found['error']}; carrying on without it")
        return found
    pids = reference.pids()
    names = command_names(pids)
    found["pids"], found["processes"] = pids, sorted(set(names.values()))
    found["cpu_note"] = cpu_note(names, reference.port)
    # Without its own processes, the reference is still loaded but its CPU is not read.
    readable = not found["cpu_note"]
    side = reference if readable else SimpleNamespace(base=reference.base, cpu_seconds=None)

    def ours(target: dict) -> dict:
        log(f"[beside the reference] ours: {target['path']}")
        return measure(server, wrk, target, args, scripts).__dict__

    def theirs(target: dict) -> dict:
        log(f"[beside the reference] reference: {target['path']}")
        return measure(side, wrk, target, args, scripts).__dict__  # type: ignore[arg-type]

    by_name = {t["name"]: t for t in targets if t["kind"] == "page"}
    found["pairs"] = alternate(pairs, by_name, args.reference_rounds, ours, theirs)
    return found
