"""The report: the machine it ran on, the Markdown tables, and where they are written.

Every run writes `bench/results/<stamp>.md|json` and `latest.md|json`, and each database's
passes as `bench/results/<database>-scale<N>.json` (the last run of that database and scale,
which the summary reads; all git-ignored); `--results` also puts the tables in
`bench/RESULTS.md` (committed, linked from the README), one block per scale between
`<!-- bench:start -->` markers, and the summary (bench.summary) in its own block.
"""

import argparse
import json
import os
import platform
import re
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from bench.env import PYTHON, ROOT, log
from bench.measure import MAX_FEED_CPU_MS, MAX_FLOOR_RATIO, MAX_QUERIES, MIN_CACHED_RPS_RATIO
from bench.sidebyside import pair_figures

RESULTS_DIR = ROOT / "bench" / "results"
RESULTS_FILE = ROOT / "bench" / "RESULTS.md"
TABLE_HEAD = [
    "| URL | CPU ms/req | CPU ÷ floor | req/s | p50 ms | p99 ms | SQL | cache "
    "| req/s ÷ ceiling | p99 ÷ ceiling | check |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | --- |",
]


def read_proc(path: str, pattern: str) -> str:
    file = Path(path)
    match = re.search(pattern, file.read_text()) if file.exists() else None
    return match.group(1).strip() if match else ""


def library_versions() -> list[str]:
    """Django, Wagtail, SQLite and gunicorn as the bench's processes see them."""
    return subprocess.run(
        [
            PYTHON,
            "-c",
            "import django, wagtail, sqlite3, gunicorn;"
            "print(django.get_version(), wagtail.__version__, sqlite3.sqlite_version,"
            " gunicorn.__version__)",
        ],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.split()


def machine_info(workers: int, args: argparse.Namespace, wrk: str) -> dict[str, object]:
    memory_kb = read_proc("/proc/meminfo", r"MemTotal:\s+(\d+) kB")
    wrk_version = subprocess.run(
        [wrk, "--version"], capture_output=True, text=True, check=False
    ).stdout.split("Copyright")[0]
    versions = library_versions() + [""] * 4
    return {
        "cpu": read_proc("/proc/cpuinfo", r"model name\s*:\s*(.+)"),
        "cores": os.cpu_count(),
        "memory": f"{int(memory_kb) / 1024 / 1024:.0f} GiB" if memory_kb else "",
        "os": platform.platform(terse=True),
        "python": platform.python_version(),
        "django": versions[0],
        "wagtail": versions[1],
        "sqlite": versions[2],
        "gunicorn": versions[3],
        "wrk": wrk_version.strip(),
        "gunicorn_workers": workers,
        "connections": args.connections,
        "wrk_threads": args.threads,
        "warmup_s": args.warmup,
        "duration_s": args.duration,
        "scale": args.scale,
    }


def fmt(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value:,.{digits}f}"


def machine_line(report: dict) -> str:
    machine = report["machine"]
    return (
        f"Run {report['started']} at `--scale {machine['scale']:g}`: {machine['cpu']} "
        f"({machine['cores']} cores, {machine['memory']}), {machine['os']}, Python "
        f"{machine['python']}, Django {machine['django']}, Wagtail {machine['wagtail']}; "
        f"gunicorn {machine['gunicorn']} with {machine['gunicorn_workers']} sync workers; "
        f"{machine['wrk']} with {machine['connections']} connections and "
        f"{machine['wrk_threads']} threads on the same machine, {machine['warmup_s']:g} s "
        f"warm-up then {machine['duration_s']:g} s per URL. Ratios are to the framework "
        "ceiling of the same run; SQL is the count of queries of one request after the run. "
        "CPU ms/req is the server processes' CPU time (gunicorn master and workers, from "
        "/proc) during the measured run divided by its requests; CPU ÷ floor compares it with "
        "the bare Wagtail page of the same pass. Checks: uncached, at most "
        f"{MAX_QUERIES} queries, CPU at most {MAX_FLOOR_RATIO:g}× the floor (an aim) and an "
        f"events feed under {MAX_FEED_CPU_MS:g} ms; cached, a hit at {MIN_CACHED_RPS_RATIO:g}× "
        "the ceiling's throughput or more; p99 and req/s ÷ ceiling are for information."
    )


def floor_cpu_ms(run: dict) -> float | None:
    """The CPU per request of the bare Wagtail page measured in the same pass."""
    floor = next((m for m in run["measurements"] if m["kind"] == "floor"), None)
    return floor.get("cpu_ms") if floor else None


def run_table(run: dict) -> list[str]:
    """The heading line and table of one pass (a database, cached or not)."""
    load = run.get("load_start"), run.get("load_end")
    lines = [
        f"**{run['database']}** ({run['database_version']}); {run['note']}; worker RSS "
        f"{run['rss_start_mb']} MB → {run['rss_end_mb']} MB; load average (1, 5, 15 min) "
        f"{load[0]} at the start, {load[1]} at the end",
        "",
        *TABLE_HEAD,
    ]
    floor = floor_cpu_ms(run)
    for m in run["measurements"]:
        label = f"{m['name']} `{m['method']} {m['path']}`"
        cpu = m.get("cpu_ms")
        to_floor = cpu / floor if cpu is not None and floor else None
        lines.append(
            f"| {label} | {fmt(cpu)} | {fmt(to_floor)} | "
            f"{fmt(m['rps'], 0)} | {fmt(m['p50_ms'])} | {fmt(m['p99_ms'])} | "
            f"{m['queries'] if m['queries'] is not None else '–'} | "
            f"{m.get('cache') or ''} | {fmt(m['rps_ratio'], 2)} | "
            f"{fmt(m['p99_ratio'], 1)} | {m['verdict']} |"
        )
    return [*lines, ""]


def span(values: tuple[float, float] | list[float] | None) -> str:
    """A range of CPU figures, "20.3–20.6" (one figure when both ends round alike)."""
    if not values:
        return "–"
    low, high = values
    return fmt(low) if round(low, 1) == round(high, 1) else f"{fmt(low)}–{fmt(high)}"


def beside_table(block: dict) -> list[str]:
    """The pass's pages beside the reference site's (bench.sidebyside), or why not."""
    if block.get("error"):
        return [f"Reference site: {block['error']}; not measured.", ""]
    processes = ", ".join(block.get("processes") or [])
    cpu = block.get("cpu_note") or (
        f"its CPU from the {len(block.get('pids') or [])} processes serving its port: {processes}"
    )
    lines = [
        f"Beside the reference site at {block['url']} ({cpu}), measured alternately with ours "
        f"in the same window (ours, reference, ours, ...: {block['rounds']} runs of each "
        "reference page, one more of ours), with the same wrk settings. CPU ms/req: the range "
        "over the runs; the ratio: all our CPU over all our requests, to the reference's.",
        "",
        "| pair | ours | CPU ms/req | reference | CPU ms/req | ratio | check |",
        "| --- | --- | ---: | --- | ---: | ---: | --- |",
    ]
    for pair in block["pairs"]:
        figures = pair_figures(pair)
        lines.append(
            f"| {pair['label']} | {pair['ours_name']} `{pair.get('ours_path', '–')}` | "
            f"{span(figures['ours_range'])} | `{pair['reference_path']}` | "
            f"{span(figures['reference_range'])} | {fmt(figures['ratio'], 2)} | "
            f"{figures['check']} |"
        )
    return [*lines, ""]


def markdown(report: dict) -> str:
    lines = [f"`{report.get('command', 'python -m bench')}`", "", machine_line(report), ""]
    for run in report["runs"]:
        lines += run_table(run)
        if run.get("reference"):
            lines += beside_table(run["reference"])
    if report.get("not_measured"):
        lines.append(
            "Not measured yet (their apps or generators are not there): "
            + "; ".join(f"{k}: {v}" for k, v in report["not_measured"].items())
            + "."
        )
        lines.append("")
    return "\n".join(lines)


def soak_markdown(report: dict, max_growth: float) -> str:
    lines = [f"`{report['command']}`", "", f"Run {report['started']}; {report['machine']['cpu']}"]
    for run in report["soaks"]:
        verdict = "flat" if run["flat"] else "GROWING"
        lines += [
            "",
            f"**{run['database']}**: {run['minutes']:g} minutes, {run['requests']:,} requests "
            f"over every page (uncached); largest growth of a worker after its first minute "
            f"{run['growth_after_first_minute']:.1%} ({verdict}; flat means at most "
            f"{max_growth:.0%}).",
            "",
            "| minute | worker RSS MB |",
            "| ---: | --- |",
            *[f"| {s['minute']:g} | {', '.join(map(str, s['rss_mb']))} |" for s in run["samples"]],
        ]
    return "\n".join(lines)


def write_results(table: str, report: dict, stems: list[str]) -> None:
    """`table` and `report` as bench/results/<stem>.md and .json for each stem."""
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    for stem in stems:
        (RESULTS_DIR / f"{stem}.md").write_text(table)
        (RESULTS_DIR / f"{stem}.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))
    log(f"written: bench/results/{stems[0]}.md and .json" + (" (and latest.*)" * (len(stems) > 1)))


def scale_stem(database: str, scale: float) -> str:
    return f"{database}-scale{scale:g}"


def write_scale_results(report: dict) -> list[Path]:
    """Each database's passes of `report` as bench/results/<database>-scale<N>.json, which
    the summary reads (a later run of the same database and scale replaces it)."""
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    written = []
    for database in dict.fromkeys(run["database"] for run in report["runs"]):
        runs = [run for run in report["runs"] if run["database"] == database]
        path = RESULTS_DIR / f"{scale_stem(database, report['machine']['scale'])}.json"
        path.write_text(json.dumps({**report, "runs": runs}, indent=2, ensure_ascii=False))
        written.append(path)
    log("written: " + ", ".join(f"bench/results/{path.name}" for path in written))
    return written


def timestamped_stem() -> str:
    return datetime.now(UTC).strftime("bench-%Y%m%d-%H%M%S")


def markers(scale: float) -> tuple[str, str]:
    """Each scale's tables have a block of their own (scale 1: the first)."""
    suffix = "" if scale == 1 else f" scale={scale:g}"
    return f"<!-- bench:start{suffix} -->", f"<!-- bench:end{suffix} -->"


def update_results_file(table: str, scale: float = 1, path: Path | None = None) -> None:
    """Put `table` in the block of `scale` of the results file (bench/RESULTS.md): a new
    scale's block goes after the first one; a file without blocks gets one at its end."""
    path = path or RESULTS_FILE
    text = path.read_text() if path.exists() else ""
    start, end = markers(scale)
    first_end = markers(1)[1]
    if (start not in text or end not in text) and first_end in text:
        path.write_text(text.replace(first_end, f"{first_end}\n\n{start}\n{end}", 1))
    update_block(table, start, end, path)


def update_block(table: str, start: str, end: str, path: Path | None = None) -> None:
    """Put `table` between the `start` and `end` markers of the results file, a new block
    at its end."""
    path = path or RESULTS_FILE
    text = path.read_text() if path.exists() else ""
    if start not in text or end not in text:
        text = f"{text.rstrip()}\n\n{start}\n{end}\n".lstrip()
    before, rest = text.split(start, 1)
    _old, after = rest.split(end, 1)
    path.write_text(f"{before}{start}\n{table}\n{end}{after}")
    log(f"written: {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
