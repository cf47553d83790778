"""The summary of bench/RESULTS.md: scale 1 and scale 10 side by side, one table per
database, from the saved runs (`bench/results/<database>-scale<N>.json`, the last run of
each database and scale; `python -m bench --summary` rebuilds it, `--results` too).

Per page (uncached): CPU ms per request at each saved scale, its growth from scale 1 to
scale 10 (target at most +10%; from the smallest to the largest scale when those two are
not both there), CPU over the floor's at the largest scale (aim at most 3×), and, when a run
measured the reference site beside ours, the reference's CPU and our ratio (target at most
0.5).
"""

import json
import re
from pathlib import Path

from bench.env import ROOT, log
from bench.measure import (
    MAX_FEED_CPU_MS,
    MAX_FLOOR_RATIO,
    MAX_GROWTH,
    MAX_REFERENCE_RATIO,
    is_feed,
)
from bench.report import RESULTS_DIR, RESULTS_FILE, fmt
from bench.sidebyside import pair_figures

SAVED = re.compile(r"^(?P<database>[a-z]+)-scale(?P<scale>[0-9.]+)\.json$")
START, END = "<!-- bench:summary:start -->", "<!-- bench:summary:end -->"
BASE_SCALES = (1.0, 10.0)


def saved_runs(directory: Path = RESULTS_DIR) -> dict[str, dict[float, dict]]:
    """{database: {scale: saved report}} of bench/results/<database>-scale<N>.json."""
    found: dict[str, dict[float, dict]] = {}
    for path in sorted(directory.glob("*-scale*.json")) if directory.exists() else []:
        match = SAVED.match(path.name)
        if match:
            report = json.loads(path.read_text())
            found.setdefault(match["database"], {})[float(match["scale"])] = report
    return found


def uncached(report: dict) -> dict | None:
    return next((run for run in report["runs"] if not run.get("cached")), None)


def cached(report: dict) -> dict | None:
    return next((run for run in report["runs"] if run.get("cached")), None)


def growth_scales(scales: list[float]) -> tuple[float, float] | None:
    """Scale 1 to scale 10 when both were run, else the smallest to the largest."""
    if all(scale in scales for scale in BASE_SCALES):
        return BASE_SCALES
    return (scales[0], scales[-1]) if len(scales) > 1 else None


def cpu_by_name(run: dict | None) -> dict[str, dict]:
    return {m["name"]: m for m in (run or {}).get("measurements", [])}


def floor_ms(run: dict | None) -> float | None:
    floor = next((m for m in (run or {}).get("measurements", []) if m["kind"] == "floor"), None)
    return floor.get("cpu_ms") if floor else None


def reference_block(by_scale: dict[float, dict]) -> tuple[float, dict] | None:
    """The side-by-side block of the largest scale whose run measured the reference."""
    for scale in sorted(by_scale, reverse=True):
        block = (uncached(by_scale[scale]) or {}).get("reference")
        if block:
            return scale, block
    return None


def page_row(name: str, runs: dict[float, dict | None], shown: dict) -> str:
    """One page's row: CPU at each scale, growth, ÷ floor, reference and ratio, checks."""
    scales, growth_of, pair = shown["scales"], shown["growth"], shown["pairs"].get(name)
    cpu = {scale: cpu_by_name(runs[scale]).get(name, {}).get("cpu_ms") for scale in scales}
    problems = []
    cells = [fmt(cpu[scale]) for scale in scales]
    growth = None
    if growth_of and cpu[growth_of[0]] and cpu[growth_of[1]] is not None:
        growth = cpu[growth_of[1]] / cpu[growth_of[0]] - 1
        if growth > MAX_GROWTH:
            problems.append(f"growth {growth:+.0%} > {MAX_GROWTH:+.0%}")
    largest = cpu[scales[-1]]
    floor = floor_ms(runs[scales[-1]])
    to_floor = largest / floor if largest is not None and floor else None
    if to_floor is not None and to_floor > MAX_FLOOR_RATIO:
        problems.append(f"{to_floor:.1f}× floor > {MAX_FLOOR_RATIO:g}× (aim)")
    path = next((by[name]["path"] for by in map(cpu_by_name, runs.values()) if name in by), "")
    if largest is not None and is_feed(path) and largest >= MAX_FEED_CPU_MS:
        problems.append(f"feed {largest:,.0f} ms ≥ {MAX_FEED_CPU_MS:g} ms")
    if largest is None:
        problems.append(f"no CPU figure at scale {scales[-1]:g}")
    reference = ratio = "–"
    if pair is not None:
        figures = pair_figures(pair)
        reference, ratio = fmt(figures["reference_ms"]), fmt(figures["ratio"], 2)
        if figures["check"] != "ok":
            problems.append(figures["check"])
    growth_cell = "–" if growth is None else f"{growth:+.0%}"
    if name in shown["floors"]:  # the yardstick itself: shown, not judged
        problems = []
    return (
        f"| {name} `{path}` | {' | '.join(cells)} | {growth_cell} | {fmt(to_floor)} | "
        f"{reference} | {ratio} | {'; '.join(problems) or 'ok'} |"
    )


def cached_line(by_scale: dict[float, dict]) -> str:
    """How the cached pass of each scale fared: cacheable pages that are hits and at the
    ceiling's throughput."""
    parts = []
    for scale, report in sorted(by_scale.items()):
        run = cached(report)
        if run is None:
            continue
        pages = [m for m in run["measurements"] if m["kind"] == "page" and m.get("cacheable")]
        good = [m for m in pages if m.get("verdict") == "ok"]
        parts.append(f"scale {scale:g}: {len(good)} of {len(pages)} cacheable pages ok")
    if not parts:
        return "Cached pass: not run (`--no-cached`)."
    head = "Cached pass (a hit, at half the ceiling's throughput or more): "
    return head + "; ".join(parts) + "."


def database_summary(database: str, by_scale: dict[float, dict]) -> list[str]:
    scales = sorted(by_scale)
    runs = {scale: uncached(by_scale[scale]) for scale in scales}
    growth = growth_scales(scales)
    found = reference_block(by_scale)
    pairs = {}
    if found and not found[1].get("error"):
        pairs = {pair["ours_name"]: pair for pair in found[1]["pairs"]}
    runs_text = "; ".join(
        f"scale {scale:g}: {by_scale[scale].get('started', '?')}, "
        f"`{by_scale[scale].get('command', 'python -m bench')}`"
        for scale in scales
    )
    if found is None:
        reference_text = "The reference site was not measured (no `--reference`)."
    elif found[1].get("error"):
        reference_text = f"Reference site: {found[1]['error']}."
    else:
        reference_text = (
            f"The reference site ({found[1]['url']}) was measured beside scale {found[0]:g}, "
            "alternately with ours: its CPU and our ratio are from those runs."
        )
    growth_head = f"growth {growth[0]:g} → {growth[1]:g}" if growth else "growth"
    lines = [
        f"**{database}** (uncached; {runs_text}). {reference_text}",
        "",
        "| page | "
        + " | ".join(f"CPU ms/req, scale {scale:g}" for scale in scales)
        + f" | {growth_head} (≤ {MAX_GROWTH:+.0%}) | CPU ÷ floor, scale {scales[-1]:g} "
        f"(aim ≤ {MAX_FLOOR_RATIO:g}×) | reference CPU ms/req | ratio "
        f"(≤ {MAX_REFERENCE_RATIO:g}) | check |",
        "| --- | " + "---: | " * (len(scales) + 4) + "--- |",
    ]
    names = dict.fromkeys(
        m["name"]
        for scale in scales
        for m in (runs[scale] or {}).get("measurements", [])
        if m["kind"] in ("floor", "page")
    )
    floors = {
        m["name"]
        for run in runs.values()
        for m in (run or {}).get("measurements", [])
        if m["kind"] == "floor"
    }
    shown = {"scales": scales, "growth": growth, "pairs": pairs, "floors": floors}
    lines += [page_row(name, runs, shown) for name in names]
    return [*lines, "", cached_line(by_scale), ""]


def summary_markdown(saved: dict[str, dict[float, dict]]) -> str:
    if not saved:
        return "No saved runs yet (`python -m bench --scale 1 --results`, then `--scale 10`)."
    lines = []
    for database in sorted(saved, key=lambda name: (name != "sqlite", name)):
        lines += database_summary(database, saved[database])
    return "\n".join(lines).rstrip()


def update_summary(text: str, path: Path | None = None) -> None:
    """Put `text` between the summary markers of the results file (at its end if missing)."""
    path = path or RESULTS_FILE
    content = path.read_text() if path.exists() else ""
    if START not in content or END not in content:
        content = f"{content.rstrip()}\n\n{START}\n{END}\n".lstrip()
    before, rest = content.split(START, 1)
    _old, after = rest.split(END, 1)
    path.write_text(f"{before}{START}\n{text}\n{END}{after}")
    log(f"written: the summary in {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


def write_summary(directory: Path = RESULTS_DIR, path: Path | None = None) -> str:
    """The summary of the saved runs, printed and put in the results file."""
    text = summary_markdown(saved_runs(directory))
    update_summary(text, path)
    return text
