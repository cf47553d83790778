"""`python -m bench`: generate content, serve it with gunicorn, load it with wrk, report.

For each database (SQLite always; PostgreSQL too when DATABASE_URL points at one):

1. build the bench database once per scale and content version (cached in var/bench/,
   or the PostgreSQL database `stgm_bench`), with the generators of bench.generators;
2. start gunicorn (config/gunicorn.py) with config.settings.bench: production settings,
   DEBUG off, plain HTTP on loopback, a middleware that counts SQL queries per request;
3. for each URL: one request to read its status and query count, a warm-up, then wrk from a
   second process; the framework ceiling (a trivial view behind the same middleware) and a
   static file are measured the same way;
4. with `--reference URL` (the reference Wagtail site running on this machine), measure
   pairs of our pages and its nearest ones alternately in the same window;
5. print a table with CPU per request, ratios to the floor and the ceiling, and write it as
   Markdown and JSON to bench/results/ (`--results` also puts it in bench/RESULTS.md, with
   the summary of the saved runs: scale 1 and scale 10 side by side; `--summary` rebuilds
   only that summary).

Only loopback addresses are ever loaded; every wrk run is bounded in time.
"""

import argparse
import os
import sys
from datetime import UTC, datetime

from bench.database import databases, prepare
from bench.growth import run_growth
from bench.load import ensure_wrk
from bench.reference import PAIRS, loopback_base, pairs_with
from bench.run import run_tables
from bench.soak import run_soak
from bench.summary import write_summary


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    p.add_argument("--scale", type=float, default=1.0, help="multiply the content")
    p.add_argument("--db", choices=["all", "sqlite", "postgresql"], default="all")
    p.add_argument("--duration", type=float, default=3, help="seconds measured per URL")
    p.add_argument("--warmup", type=float, default=1, help="seconds of warm-up per URL")
    p.add_argument("--connections", type=int, default=16)
    p.add_argument("--threads", type=int, default=2, help="wrk threads")
    p.add_argument(
        "--workers", type=int, default=(os.cpu_count() or 1) + 1, help="gunicorn workers"
    )
    p.add_argument("--only", default="", help="measure only URLs whose name has this")
    p.add_argument(
        "--english",
        action="store_true",
        help="also every page type in English (by default only home and a programme page)",
    )
    p.add_argument("--rebuild", action="store_true", help="regenerate the content")
    p.add_argument(
        "--no-cached", action="store_true", help="skip the pass with the full-page cache on"
    )
    p.add_argument(
        "--results",
        action="store_true",
        help="also put the tables in bench/RESULTS.md (one block per scale) and rebuild its "
        "summary",
    )
    # The former name of --results (it wrote into README.md, which no longer holds results).
    p.add_argument("--readme", dest="results", action="store_true", help=argparse.SUPPRESS)
    p.add_argument(
        "--prepare-only", action="store_true", help="build the bench databases, measure nothing"
    )
    p.add_argument(
        "--quiet-load",
        type=float,
        default=0,
        help="before each pass, wait until the 1-minute load average is below this",
    )
    p.add_argument(
        "--quiet-wait", type=float, default=25, help="minutes to wait for --quiet-load at most"
    )
    p.add_argument(
        "--summary",
        action="store_true",
        help="measure nothing: rebuild the summary of bench/RESULTS.md (scale 1 and scale 10 "
        "side by side) from the saved runs in bench/results/ and print it",
    )
    p.add_argument(
        "--reference",
        default="",
        metavar="URL",
        help="the reference Wagtail site (bakerydemo) running on this machine, e.g. "
        "http://127.0.0.1:8001: its nearest pages are measured alternately with ours",
    )
    p.add_argument(
        "--reference-page",
        action="append",
        default=[],
        metavar="NAME=PATH",
        help="the reference's page of a pair (repeatable); the defaults: "
        + ", ".join(f"{pair.key}={pair.path}" for pair in PAIRS),
    )
    p.add_argument(
        "--reference-rounds",
        type=int,
        default=2,
        help="runs of each reference page, between runs of ours (ours, reference, ours, ...)",
    )
    p.add_argument(
        "--growth",
        action="store_true",
        help="instead of the table: the pages of --growth-from and --scale served side by "
        "side and measured alternately (uncached), each page's growth judged",
    )
    p.add_argument("--growth-from", type=float, default=1.0, help="the small scale of --growth")
    p.add_argument("--growth-rounds", type=int, default=2, help="runs of each page at each scale")
    p.add_argument(
        "--soak",
        type=float,
        default=0,
        metavar="MINUTES",
        help="instead of the table: load every page uncached for MINUTES, workers' memory "
        "sampled each minute",
    )
    return p


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = parser()
    args = p.parse_args(argv)
    try:
        if args.reference:
            loopback_base(args.reference)
        pairs_with(args.reference_page)
    except ValueError as error:
        p.error(str(error))
    if args.reference_rounds < 1:
        p.error("--reference-rounds must be at least 1")
    if args.growth_rounds < 1:
        p.error("--growth-rounds must be at least 1")
    if args.growth and args.growth_from == args.scale:
        p.error("--growth compares two scales: give --scale other than --growth-from")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.summary:
        print(write_summary())
        return 0
    wrk = ensure_wrk()
    if args.prepare_only:
        for database in databases(args.db, args.scale):
            prepare(database, args.scale, args.rebuild)
        return 0
    report = {
        "command": "python -m bench " + " ".join(sys.argv[1:] if argv is None else argv),
        "started": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }
    if args.soak:
        return run_soak(args, wrk, report)
    if args.growth:
        return run_growth(args, wrk, report)
    return run_tables(args, wrk, report)
