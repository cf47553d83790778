"""`python -m bench.profile PATH [PATH ...]`: where an uncached request spends its time.

Runs the requests in this process through the bench settings (production middleware, the
full-page cache off) against the bench database built by `python -m bench`, under cProfile,
and prints the functions with the most time. Not a measurement of speed (the profiler
slows everything down): a map of where to look.
"""

import argparse
import cProfile
import hashlib
import os
import pstats
import sys
import time


def print_query_times(client, path: str) -> None:
    """Each SQL query of one request to `path`, slowest first."""
    from django.db import connection

    timings: list[tuple[float, str]] = []

    def timed(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            timings.append((time.perf_counter() - started, sql))

    with connection.execute_wrapper(timed):
        client.get(path)
    total = sum(seconds for seconds, _sql in timings)
    print(f"{path}: {len(timings)} queries, {total * 1000:.1f} ms in the database")
    for seconds, sql in sorted(timings, reverse=True):
        print(f"  {seconds * 1000:7.2f} ms  {sql[:300]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", help="URL paths, e.g. /tr/etkinlikler/")
    parser.add_argument("-n", "--requests", type=int, default=30, help="requests per path")
    parser.add_argument("--sort", default="cumulative", help="pstats sort key (tottime, ...)")
    parser.add_argument("--limit", type=int, default=45, help="rows to print")
    parser.add_argument("--sql", action="store_true", help="also time each query of one request")
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    args = parser.parse_args()

    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.bench"
    os.environ["PAGE_CACHE_SECONDS"] = "0"
    if args.database_url:
        os.environ["DATABASE_URL"] = args.database_url
    # Cache keys of this database's own: another scale's routes and counts are not this one's.
    digest = hashlib.sha256(os.environ.get("DATABASE_URL", "").encode()).hexdigest()[:10]
    os.environ["CACHE_KEY_PREFIX"] = f"stgm-profile-{digest}"
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    call_command("collectstatic", "--noinput", verbosity=0)  # the manifest of hashed names

    client = Client(HTTP_HOST="127.0.0.1")
    for path in args.paths:  # warm: templates compiled, connections open, caches filled
        response = client.get(path)
        print(f"{path}: HTTP {response.status_code}, {len(response.content):,} bytes")
    for path in args.paths:
        # CPU time of this process as well: wall time counts whatever else the machine does
        # (and, on PostgreSQL, the database server's share).
        started, started_cpu = time.perf_counter(), time.process_time()
        for _ in range(args.requests):
            client.get(path)
        each = (time.perf_counter() - started) / args.requests * 1000
        each_cpu = (time.process_time() - started_cpu) / args.requests * 1000
        print(f"{path}: {each:.1f} ms a request without the profiler ({each_cpu:.1f} ms CPU)")
    if args.sql:
        for path in args.paths:
            print_query_times(client, path)
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    for path in args.paths:
        for _ in range(args.requests):
            client.get(path)
    profiler.disable()
    elapsed = time.perf_counter() - started
    count = args.requests * len(args.paths)
    each = elapsed / count * 1000
    print(f"{count} requests in {elapsed:.2f} s under the profiler: {each:.1f} ms each")
    pstats.Stats(profiler, stream=sys.stdout).sort_stats(args.sort).print_stats(args.limit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
