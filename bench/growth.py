"""`python -m bench --growth --scale 10`: how a page's cost grows with content, measured in
one window. Two servers run side by side, one on the scale-1 database (`--growth-from`),
one on the `--scale` one, each with its own cache keys, the page cache off; each page is
measured on the small site, the large one, the small one, ... (`--growth-rounds` runs of
each), with the same wrk settings. Separate table runs a quarter of an hour apart differ by
10 to 15 % on the same page (frequency, caches, other work): more than the +10 % the growth
target allows; alternating puts that drift on both sides. Beside the timings, the work each
page does per request is counted at both scales (bench.calls: Python function calls, SQL
queries, SQLite's steps), which no load can move."""

import argparse
import json
import tempfile
from collections.abc import Callable
from pathlib import Path

from bench.database import databases, prepare
from bench.env import Database, bench_env, flush_bench_cache, log, run_json
from bench.load import load_average, wait_for_quiet
from bench.measure import MAX_GROWTH, measure
from bench.report import fmt, machine_info, span, update_block, write_results
from bench.run import selected_targets
from bench.server import serving
from bench.sidebyside import cpu_per_request, cpu_range

START, END = "<!-- bench:growth:start -->", "<!-- bench:growth:end -->"
Measure = Callable[[dict], dict]


def alternate_scales(
    small: dict[str, dict],
    large: dict[str, dict],
    rounds: int,
    on_small: Measure,
    on_large: Measure,
) -> list[dict]:
    """For each page measured at both scales (by name, in the large site's order): the
    small site's, then the large one's, `rounds` times. Pages of one scale only are listed
    as such, unmeasured."""
    pages = []
    for name, target in large.items():
        if name not in small:
            pages.append({"name": name, "large_path": target["path"], "only": "large"})
            continue
        runs: dict[str, list[dict]] = {"small": [], "large": []}
        for _ in range(rounds):
            runs["small"].append(on_small(small[name]))
            runs["large"].append(on_large(target))
        pages.append(
            {"name": name, "small_path": small[name]["path"], "large_path": target["path"], **runs}
        )
    pages += [
        {"name": n, "small_path": t["path"], "only": "small"}
        for n, t in small.items()
        if n not in large
    ]
    return pages


def work_growth(page: dict) -> dict[str, float]:
    """How each count of bench.calls grew from the small site to the large one."""
    small, large = page.get("work_small") or {}, page.get("work_large") or {}
    return {
        count: large[count] / small[count] - 1
        for count in ("calls", "sqlite_steps")
        if small.get(count) and large.get(count) is not None
    }


def page_growth(page: dict) -> dict:
    """A page's CPU ms per request at each scale (all CPU over all requests, and the range
    over the runs), the growth, and what misses the target: the CPU's growth, or the
    work's (the counts of bench.calls)."""
    small, large = cpu_per_request(page.get("small", [])), cpu_per_request(page.get("large", []))
    grown = large / small - 1 if small and large is not None else None
    problems = []
    if page.get("only"):
        problems.append(f"measured at the {page['only']} scale only")
    elif grown is None:
        problems.append("no CPU figure on one side")
    elif grown > MAX_GROWTH:
        problems.append(f"growth {grown:+.0%} > +{MAX_GROWTH:.0%}")
    for count, work in work_growth(page).items():
        if work > MAX_GROWTH:
            problems.append(f"{count.replace('_', ' ')} {work:+.0%} > +{MAX_GROWTH:.0%}")
    check = "; ".join(problems) or "ok"
    return {
        "small_ms": small,
        "large_ms": large,
        "small_range": cpu_range(page.get("small", [])),
        "large_range": cpu_range(page.get("large", [])),
        "growth": grown,
        "check": check,
    }


def pages_by_name(database: Database, scale: float, args: argparse.Namespace) -> dict[str, dict]:
    found = selected_targets(database, argparse.Namespace(**{**vars(args), "scale": scale}))
    return {t["name"]: t for t in found if t["kind"] in ("page", "floor")}


def work_counts(database: Database, targets: dict[str, dict]) -> dict[str, dict]:
    """The counts of bench.calls for each of `targets`, in a process of its own on
    `database` ({} with the reason logged if it fails)."""
    with tempfile.NamedTemporaryFile("w", suffix=".json") as file:
        json.dump(list(targets.values()), file)
        file.flush()
        command = ["-m", "bench.calls", "--database-url", database.url, "--targets", file.name]
        answer, errors = run_json(command, bench_env(database), 1800)
    if answer is None:
        log(f"bench.calls failed on {database.label}: {errors[-2000:]}")
        return {}
    return answer  # type: ignore[return-value]


def measure_growth(
    pair: tuple[Database, Database], wrk: str, args: argparse.Namespace, scripts: Path
) -> dict:
    """One database's pages at both scales: their work counted, then timed alternately."""
    small_db, large_db = pair
    small = pages_by_name(small_db, args.growth_from, args)
    large = pages_by_name(large_db, args.scale, args)
    log(f"[{large_db.label}, growth] counting each page's work at both scales")
    work = {"small": work_counts(small_db, small), "large": work_counts(large_db, large)}
    wait_for_quiet(args.quiet_load, args.quiet_wait)
    load_start = load_average()
    flush_bench_cache()
    # Each site its own cache keys: both servers share the bench's Redis database.
    own = {"PAGE_CACHE_SECONDS": "0"}
    with (
        serving(small_db, args.workers, {**own, "CACHE_KEY_PREFIX": "bench-small"}) as on_small,
        serving(large_db, args.workers, {**own, "CACHE_KEY_PREFIX": "bench-large"}) as on_large,
    ):

        def runner(server, label: str) -> Measure:
            def run(target: dict) -> dict:
                log(f"[{large_db.label}, growth] {label}: {target['name']}: {target['path']}")
                return measure(server, wrk, target, args, scripts).__dict__

            return run

        pages = alternate_scales(
            small,
            large,
            args.growth_rounds,
            runner(on_small, f"scale {args.growth_from:g}"),
            runner(on_large, f"scale {args.scale:g}"),
        )
    for page in pages:
        for side in ("small", "large"):
            page[f"work_{side}"] = work[side].get(page["name"])
    return {
        "database": large_db.label,
        "load_start": load_start,
        "load_end": load_average(),
        "pages": pages,
    }


WORK = ("calls", "queries", "sqlite_steps")


def work_cell(page: dict, count: str) -> str:
    """A count at both scales, "17,225 → 17,160"."""
    values = [(page.get(f"work_{side}") or {}).get(count) for side in ("small", "large")]
    if all(value is None for value in values):
        return "–"
    return " → ".join("–" if value is None else f"{value:,.0f}" for value in values)


def growth_markdown(report: dict) -> str:
    scales = report["scales"]
    lines = [
        f"`{report['command']}` ({report['started']}; {report['machine']['cpu']})",
        "",
        f"Scale {scales[0]:g} and scale {scales[1]:g} served side by side, each page measured "
        f"alternately on each ({report['rounds']} runs of each, page cache off). CPU ms/req: "
        "all the CPU over all the requests (the range over the runs in brackets); growth: "
        f"the large site's over the small one's (target at most +{MAX_GROWTH:.0%}). Work: "
        "Python function calls and SQL queries per request at each scale, and on SQLite "
        "its virtual machine's steps (counted by bench.calls, not timed).",
    ]
    for run in report["runs"]:
        lines += [
            "",
            f"**{run['database']}**; load average (1, 5, 15 min) {run['load_start']} at the "
            f"start, {run['load_end']} at the end",
            "",
            f"| page | CPU ms/req, scale {scales[0]:g} | CPU ms/req, scale {scales[1]:g} | "
            "growth | Python calls | SQL queries | SQLite steps | check |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
        ]
        for page in run["pages"]:
            figures = page_growth(page)
            grown = figures["growth"]
            lines.append(
                f"| {page['name']} `{page.get('large_path') or page.get('small_path')}` | "
                f"{fmt(figures['small_ms'])} ({span(figures['small_range'])}) | "
                f"{fmt(figures['large_ms'])} ({span(figures['large_range'])}) | "
                f"{'–' if grown is None else f'{grown:+.0%}'} | "
                + " | ".join(work_cell(page, count) for count in WORK)
                + f" | {figures['check']} |"
            )
    return "\n".join(lines) + "\n"


def run_growth(args: argparse.Namespace, wrk: str, report: dict) -> int:
    """Every database of `--db` at both scales; exit status 1 when a page grew too much."""
    report = {
        **report,
        "machine": machine_info(args.workers, args, wrk),
        "scales": [args.growth_from, args.scale],
        "rounds": args.growth_rounds,
        "runs": [],
    }
    pairs = zip(databases(args.db, args.growth_from), databases(args.db, args.scale), strict=True)
    with tempfile.TemporaryDirectory() as scripts_dir:
        for pair in pairs:
            for database, scale in zip(pair, (args.growth_from, args.scale), strict=True):
                prepare(database, scale, args.rebuild)
            report["runs"].append(measure_growth(pair, wrk, args, Path(scripts_dir)))
    table = growth_markdown(report)
    print(table)
    write_results(table, report, ["growth-latest"])
    if args.results:
        update_block(table, START, END)
    checks = [page_growth(page)["check"] for run in report["runs"] for page in run["pages"]]
    return 0 if all(check == "ok" for check in checks) else 1
