"""`python -m bench.content generate|targets|fingerprint`: the side of the bench that runs
inside Django (started by `python -m bench` with the bench settings); prints JSON.

- generate: migrations, the demo content, then every available generator of
  `bench.generators`, each in one transaction with the search index filled in bulk;
- targets: the URLs to measure (the framework ceiling, a static file, then each generator's);
- fingerprint: the generators' names and versions, and what no generator makes yet.
"""

import argparse
import json
import os
import sys
import time
from dataclasses import asdict

import django


def generate(scale: float) -> dict[str, object]:
    from django.core.management import call_command
    from django.db import transaction

    from bench.generators import generators
    from bench.generators.base import Context
    from bench.generators.from_demo import load_demo_content
    from bench.generators.indexing import deferred_indexing

    call_command("migrate", "--noinput", verbosity=0)
    load_demo_content()
    ctx = Context(scale)
    made: dict[str, int] = {}
    for generator in generators():
        if generator.available():
            started = time.monotonic()
            with transaction.atomic():  # one commit: SQLite syncs once, not per page
                with deferred_indexing() as indexed:
                    made.update(generator.generate(ctx))
                # Before the commit checks the new rows' foreign keys (PostgreSQL defers the
                # checks to it): planned on the statistics of the tables before the batch,
                # the checks could scan a table once per new row.
                analyze()
            print(
                f"{generator.name}: {time.monotonic() - started:.0f} s "
                f"({indexed[0]} objects indexed for search in bulk)",
                file=sys.stderr,
            )
    analyze()
    from wagtail.models import Page

    made["live pages in all"] = Page.objects.live().count()
    return made


def analyze() -> None:
    """Fresh planner statistics, as autovacuum (PostgreSQL) would gather soon after such a
    load; without them PostgreSQL misjudges the size of the tables and joins badly."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def targets(scale: float) -> list:
    from django.templatetags.static import static

    from bench.generators import generators
    from bench.generators.base import Context, Target

    ctx = Context(scale)
    found = [
        Target("framework ceiling (trivial view)", "/bench/ceiling/", kind="ceiling"),
        Target("floor (a bare Wagtail page)", "/bench/floor/", kind="floor"),
        Target("static file (site.css)", static("css/site.css"), kind="static"),
    ]
    for generator in generators():
        if generator.available():
            found.extend(generator.targets(ctx))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.content")
    parser.add_argument("command", choices=["generate", "targets", "fingerprint"])
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.bench")
    django.setup()
    from bench.generators import fingerprint, planned

    if args.command == "generate":
        result: object = generate(args.scale)
    elif args.command == "targets":
        result = [asdict(target) for target in targets(args.scale)]
    else:
        result = {"generators": fingerprint(), "planned": planned()}
    json.dump(result, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
