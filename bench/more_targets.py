"""`python -m bench.more_targets --scale N`: inside Django (like `bench.content targets`),
the targets of the generators that make no content and are not listed in
`bench.generators.generators()` (listing one there changes the bench databases' stamp, which
rebuilds them); prints them as JSON. `more_targets()` is the driver's side."""

import argparse
import json
import os
import sys
from dataclasses import asdict

import django

from bench.env import log, run_json

FOLLOWS = "events .ics feed (tr)"  # the extra feeds go after this target in the table


def extra_generators() -> list:
    from bench.generators.place_feeds import PlaceFeeds

    return [PlaceFeeds()]


def more_targets(env: dict[str, str], scale: float) -> list[dict]:
    """The extra targets, asked of a process with the bench's settings (`env`)."""
    answer, errors = run_json(["-m", "bench.more_targets", "--scale", str(scale)], env, 600)
    if answer is None:
        log(f"bench.more_targets failed, measuring without its targets:\n{errors[-2000:]}")
        return []
    return answer  # type: ignore[return-value]


def merged(targets: list[dict], extra: list[dict]) -> list[dict]:
    """`extra` after the events feed (or at the end), without the ones already there (by
    method and path: a generator may list one of them later)."""
    seen = {(t["method"], t["path"]) for t in targets}
    new = [t for t in extra if (t["method"], t["path"]) not in seen]
    names = [t["name"] for t in targets]
    at = names.index(FOLLOWS) + 1 if FOLLOWS in names else len(targets)
    return [*targets[:at], *new, *targets[at:]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.more_targets")
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.bench")
    django.setup()
    from bench.generators.base import Context

    ctx = Context(args.scale)
    found = [asdict(t) for g in extra_generators() if g.available() for t in g.targets(ctx)]
    json.dump(found, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
