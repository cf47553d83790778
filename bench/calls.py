"""`python -m bench.calls --database-url URL --targets FILE`: the work each page does per
request, counted rather than timed, so that the machine's load cannot move it: the Python
function calls (cProfile's count), the SQL queries, and on SQLite the statements' virtual
machine steps (SQLite runs inside the worker, so its work is the worker's CPU; a
PostgreSQL server's is not). Prints JSON: {name: {"calls": ..., "queries": ...,
"sqlite_steps": ...}} per request, over a few requests after a warm-up.

`python -m bench --growth` runs it on both scales beside the timed runs: a page whose
counts stay flat does the same work on the large site, whatever its timings say."""

import argparse
import cProfile
import hashlib
import json
import os
import pstats
import sys

WARM_UP = 3
COUNTED = 5
#: SQLite calls the progress handler once every this many virtual machine instructions.
STEP_GRAIN = 100


def counts(client, path: str) -> dict:
    """The counts of one request to `path` (averaged over COUNTED after WARM_UP)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(WARM_UP):
        client.get(path)
    steps = [0]

    def step() -> int:
        steps[0] += STEP_GRAIN
        return 0  # carry on

    sqlite = connection.vendor == "sqlite"
    if sqlite:
        connection.ensure_connection()
        connection.connection.set_progress_handler(step, STEP_GRAIN)
    profiler = cProfile.Profile()
    with CaptureQueriesContext(connection) as queries:
        profiler.enable()
        for _ in range(COUNTED):
            status = client.get(path).status_code
        profiler.disable()
    if sqlite:
        connection.connection.set_progress_handler(None, 0)
    return {
        "status": status,
        "calls": round(pstats.Stats(profiler).total_calls / COUNTED),
        "queries": len(queries.captured_queries) / COUNTED,
        "sqlite_steps": round(steps[0] / COUNTED) if sqlite else None,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--targets", required=True, help="a JSON list of bench targets")
    args = parser.parse_args(argv)
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.bench"
    os.environ["PAGE_CACHE_SECONDS"] = "0"
    os.environ["DATABASE_URL"] = args.database_url
    digest = hashlib.sha256(args.database_url.encode()).hexdigest()[:10]
    os.environ["CACHE_KEY_PREFIX"] = f"stgm-calls-{digest}"  # this database's keys only
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    call_command("collectstatic", "--noinput", verbosity=0)  # the manifest of hashed names

    client = Client(HTTP_HOST="127.0.0.1")
    with open(args.targets) as file:
        targets = json.load(file)
    found = {
        target["name"]: counts(client, target["path"])
        for target in targets
        if target.get("method", "GET") == "GET"
    }
    print(json.dumps(found))
    return 0


if __name__ == "__main__":
    sys.exit(main())
