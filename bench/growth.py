"""`python -m bench --growth --scale 10`: how a page's cost grows with content, measured in
one window. Two servers run side by side, one on the scale-1 database (`--growth-from`),
one on the `--scale` one, each with its own cache keys, the page cache off; each page is
measured on the small site, the large one, the small one, ... (`--growth-rounds` runs of
each), with the same wrk settings. Separate table runs a quarter of an hour apart differ by
10 to 15 % on the same page (frequency, caches, other work): more than the +10 % the growth
target allows; alternating puts that drift on both sides."""

import argparse
import tempfile
from collections.abc import Callable
from pathlib import Path

from bench.database import databases, prepare
from bench.env import Database, flush_bench_cache, log
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


def page_growth(page: dict) -> dict:
    """A page's CPU ms per request at each scale (all CPU over all requests, and the range
    over the runs), the growth, and what misses the target."""
    small, large = cpu_per_request(page.get("small", [])), cpu_per_request(page.get("large", []))
    grown = large / small - 1 if small and large is not None else None
    if page.get("only"):
        check = f"measured at the {page['only']} scale only"
    elif grown is None:
        check = "no CPU figure on one side"
    elif grown > MAX_GROWTH:
        check = f"growth {grown:+.0%} > +{MAX_GROWTH:.0%}"
    else:
        check = "ok"
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


def measure_growth(
    pair: tuple[Database, Database], wrk: str, args: argparse.Namespace, scripts: Path
) -> dict:
    """One database's pages at both scales, alternately."""
    small_db, large_db = pair
    small = pages_by_name(small_db, args.growth_from, args)
    large = pages_by_name(large_db, args.scale, args)
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
    return {
        "database": large_db.label,
        "load_start": load_start,
        "load_end": load_average(),
        "pages": pages,
    }


def growth_markdown(report: dict) -> str:
    scales = report["scales"]
    lines = [
        f"`{report['command']}` ({report['started']}; {report['machine']['cpu']})",
        "",
        f"Scale {scales[0]:g} and scale {scales[1]:g} served side by side, each page measured "
        f"alternately on each ({report['rounds']} runs of each, page cache off). CPU ms/req: "
        "all the CPU over all the requests (the range over the runs in brackets); growth: "
        f"the large site's over the small one's (target at most +{MAX_GROWTH:.0%}).",
    ]
    for run in report["runs"]:
        lines += [
            "",
            f"**{run['database']}**; load average (1, 5, 15 min) {run['load_start']} at the "
            f"start, {run['load_end']} at the end",
            "",
            f"| page | CPU ms/req, scale {scales[0]:g} | CPU ms/req, scale {scales[1]:g} | "
            "growth | check |",
            "| --- | ---: | ---: | ---: | --- |",
        ]
        for page in run["pages"]:
            figures = page_growth(page)
            grown = figures["growth"]
            lines.append(
                f"| {page['name']} `{page.get('large_path') or page.get('small_path')}` | "
                f"{fmt(figures['small_ms'])} ({span(figures['small_range'])}) | "
                f"{fmt(figures['large_ms'])} ({span(figures['large_range'])}) | "
                f"{'–' if grown is None else f'{grown:+.0%}'} | {figures['check']} |"
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
