"""`python -m bench.compare A.json B.json`: SQL queries per URL in two bench runs (e.g.
`--scale 1` and `--scale 10`), to check that they do not grow with the amount of content.

Compares the uncached passes, database by database, URL by URL; prints a Markdown table and
exits with 1 when a count differs.
"""

import json
import sys
from pathlib import Path


def uncached_queries(report: dict) -> dict[tuple[str, str], int | None]:
    found = {}
    for run in report["runs"]:
        if run.get("cached"):
            continue
        for m in run["measurements"]:
            if m["kind"] == "page":
                found[(run["database"], m["name"])] = m["queries"]
    return found


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    reports = [json.loads(Path(name).read_text()) for name in args]
    scales = [report["machine"]["scale"] for report in reports]
    first, second = (uncached_queries(report) for report in reports)
    print(f"| database | URL | SQL at scale {scales[0]:g} | SQL at scale {scales[1]:g} | same |")
    print("| --- | --- | ---: | ---: | --- |")
    differ = 0
    for key in [k for k in first if k in second]:
        a, b = first[key], second[key]
        if a is None or b is None:
            verdict = "not measured (request over 30 s)"
        else:
            verdict = "yes" if a == b else "NO"
            differ += a != b
        print(
            f"| {key[0]} | {key[1]} | {a if a is not None else '–'} | "
            f"{b if b is not None else '–'} | {verdict} |"
        )
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
