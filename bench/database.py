"""The bench database of each scale: which ones (SQLite always, PostgreSQL when
DATABASE_URL points at one), and building one unless a build of the same content exists.

A build is recorded in `var/bench/stamp-<database>-<scale>.json`: the scale, the generators'
versions, the database URL and a hash of the migrations. The same content with newer
migrations is migrated, as a deployment would be, not regenerated.
"""

import hashlib
import json
import os
import re
import time
import urllib.parse
from pathlib import Path

from bench.env import ROOT, VAR, Database, bench_env, in_django, log, manage

BENCH_PG_NAME = "stgm_bench"
SQLITE_PREFIX = "sqlite:///"


def bench_pg_name(scale: float) -> str:
    """One PostgreSQL database per scale, like the SQLite files (stgm_bench at scale 1;
    BENCH_PG_NAME in the environment replaces stgm_bench, so that several checkouts sharing
    one server each build their own)."""
    base = os.environ.get("BENCH_PG_NAME") or BENCH_PG_NAME
    return base if scale == 1 else f"{base}_{scale:g}".replace(".", "_")


def postgres_url(url: str, name: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))


def databases(choice: str, scale: float) -> list[Database]:
    """The bench databases of `--db` (all, sqlite or postgresql) at `scale`."""
    found = []
    if choice in ("all", "sqlite"):
        found.append(Database("sqlite", f"{SQLITE_PREFIX}{VAR / f'bench-scale{scale:g}.sqlite3'}"))
    url = os.environ.get("DATABASE_URL", "")
    if choice in ("all", "postgresql") and url.startswith(("postgres://", "postgresql://")):
        found.append(Database("postgresql", postgres_url(url, bench_pg_name(scale))))
    elif choice == "postgresql":
        raise SystemExit("--db postgresql needs DATABASE_URL=postgres://...")
    return found


def sqlite_path(database: Database) -> Path:
    return Path(database.url[len(SQLITE_PREFIX) :])


def exists(database: Database) -> bool:
    return database.label != "sqlite" or sqlite_path(database).exists()


def migrations_hash() -> str:
    digest = hashlib.sha256()
    for path in sorted(ROOT.glob("*/migrations/*.py")):
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def stamp_file(database: Database, scale: float) -> Path:
    return VAR / f"stamp-{database.label}-{scale:g}.json"


def same_content(old: dict, new: dict) -> bool:
    """The same scale, generators and database, whatever the migrations."""

    def content(stamp: dict) -> dict:
        return {key: value for key, value in stamp.items() if key != "migrations"}

    return content(old) == content(new)


def prepare(database: Database, scale: float, rebuild: bool) -> dict[str, object]:
    """Build the bench database unless one with the same stamp exists; return the stamp
    with what no generator makes yet (`planned`) and, after a build, what was made."""
    VAR.mkdir(parents=True, exist_ok=True)
    info = in_django(["fingerprint"], bench_env(database))
    stamp = {
        "scale": scale,
        "generators": info["generators"],  # type: ignore[index]
        "migrations": migrations_hash(),
        "database": database.url,
    }
    path = stamp_file(database, scale)
    old = json.loads(path.read_text()) if path.exists() else {}
    if not rebuild and same_content(old, stamp) and exists(database):
        if old.get("migrations") != stamp["migrations"]:
            log(f"[{database.label}] applying new migrations to the bench database")
            manage(database, "migrate", "--noinput", "-v0")
            path.write_text(json.dumps(stamp))
        log(f"[{database.label}] reusing the bench database (scale {scale:g})")
        return {**stamp, "planned": info["planned"]}  # type: ignore[index]
    made = build(database, scale)
    path.write_text(json.dumps(stamp))
    return {**stamp, "planned": info["planned"], "made": made}  # type: ignore[index]


def build(database: Database, scale: float) -> object:
    """An empty database, then the content of `bench.content generate`."""
    log(f"[{database.label}] building the bench database (scale {scale:g}); this takes a while")
    if database.label == "sqlite":
        sqlite_path(database).unlink(missing_ok=True)
    else:
        recreate_postgres(database.url)
    started = time.monotonic()
    made = in_django(["generate", "--scale", str(scale)], bench_env(database))
    log(f"[{database.label}] generated in {time.monotonic() - started:.0f} s: {made}")
    return made


def recreate_postgres(url: str) -> None:
    import psycopg

    name = urllib.parse.urlsplit(url).path.lstrip("/")
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", name):
        raise SystemExit(f"unexpected bench database name {name!r}")
    admin = postgres_url(url, "postgres")
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def collectstatic(database: Database) -> None:
    manage(database, "collectstatic", "--noinput", "-v0", timeout=600)


def database_version(database: Database) -> str:
    if database.label == "sqlite":
        import sqlite3

        return f"SQLite {sqlite3.sqlite_version}"
    import psycopg

    with psycopg.connect(database.url) as connection:
        row = connection.execute("SHOW server_version").fetchone()
    return f"PostgreSQL {row[0].split()[0] if row else '?'}"
