"""`python -m bench.calls --database-url URL --targets FILE`: the work each page does per
request, counted rather than timed, so that the machine's load cannot move it: the Python
function calls (cProfile's count), the SQL queries, and on SQLite the statements' virtual
machine steps (SQLite runs inside the worker, so its work is the worker's CPU; a
PostgreSQL server's is not). Prints JSON: {name: {"calls": ..., "queries": ...,
"sqlite_steps": ...}} per request, over a few requests after a warm-up (a POST target's
"{n}" a new value in each, as in the timed runs).

`python -m bench --growth` runs it on both scales beside the timed runs: a page whose
counts stay flat does the same work on the large site, whatever its timings say."""

import argparse
import cProfile
import hashlib
import json
import os
import pstats
import sys
import time

WARM_UP = 3
COUNTED = 5
#: SQLite calls the progress handler once every this many virtual machine instructions.
STEP_GRAIN = 100


def sender(client, target: dict):
    """A function sending the target's request: a GET, or its POST with a new value for
    each "{n}" of its body (a new organisation each time)."""
    if target.get("method", "GET") == "GET":
        return lambda: client.get(target["path"])
    content_type = target.get("headers", {}).get("Content-Type", "")

    def post():
        body = target.get("body", "").replace("{n}", f"calls-{time.time_ns()}")
        return client.generic("POST", target["path"], body, content_type=content_type)

    return post


def counts(client, target: dict) -> dict:
    """The counts of one request of `target` (averaged over COUNTED after WARM_UP)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    send = sender(client, target)
    for _ in range(WARM_UP):
        send()
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
            status = send().status_code
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
    found = {target["name"]: counts(client, target) for target in targets}
    print(json.dumps(found))
    return 0


if __name__ == "__main__":
    sys.exit(main())
