"""`python -m bench`: generate content, serve it with gunicorn, load it with wrk, report.

For each database (SQLite always; PostgreSQL too when DATABASE_URL points at one):

1. build the bench database once per scale and content version (cached in var/bench/,
   or the PostgreSQL database `stgm_bench`), with bench.content's generators;
2. start gunicorn (config/gunicorn.py) with config.settings.bench: production settings,
   DEBUG off, plain HTTP on loopback, a middleware that counts SQL queries per request;
3. for each URL: one request to read its status and query count, a warm-up, then wrk from a
   second process at 16 connections; the framework ceiling (a trivial view behind the same
   middleware) and a static file are measured the same way;
4. print a table with ratios to the ceiling, and write it as Markdown and JSON to
   bench/results/ (`--readme` also puts it in the README).

Only loopback addresses are ever loaded; every wrk run is bounded in time.
"""

import argparse
import hashlib
import json
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var" / "bench"
RESULTS = ROOT / "bench" / "results"
README = ROOT / "README.md"
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))
BENCH_PG_NAME = "stgm_bench"
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/2")

# Targets of the issue, checked for every page (see README "Benchmark").
MAX_QUERIES = 15
MAX_P99_RATIO = 10.0
MIN_RPS_RATIO = 0.1
MIN_CACHED_RPS_RATIO = 0.5
PROBE_TIMEOUT = 30  # seconds for the single request before the load


@dataclass
class Database:
    label: str  # "sqlite" or "postgresql"
    url: str


@dataclass
class Measurement:
    name: str
    path: str
    kind: str
    method: str = "GET"
    status: int = 0
    queries: int | None = None
    queries_first: int | None = None
    bytes: int = 0
    rps: float = 0.0
    p50_ms: float = 0.0
    p90_ms: float = 0.0
    p99_ms: float = 0.0
    requests: int = 0
    errors: dict[str, int] = field(default_factory=dict)
    cacheable: bool = True
    cache: str = ""  # X-Page-Cache of the request after the run: hit, miss or none
    rps_ratio: float | None = None
    p99_ratio: float | None = None
    verdict: str = ""


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- setup ----------------------------------------------------------------------------------


def ensure_wrk() -> str:
    """wrk from Debian's packages, installed with apt-get when missing (root on this box)."""
    found = shutil.which("wrk")
    if found:
        return found
    log("wrk is missing: apt-get install -y wrk")
    apt = ["apt-get", "install", "-y", "-qq", "wrk"]
    if subprocess.run(apt, check=False).returncode != 0:
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(apt, check=True)
    found = shutil.which("wrk")
    if not found:
        raise SystemExit("wrk could not be installed; install it with: apt-get install -y wrk")
    return found


def bench_env(database: Database, **extra: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(
            ("DJANGO_", "SECRET_KEY", "REDIS_URL", "SENTRY_", "ALLOWED_HOSTS", "CSRF_", "AWS_")
        )
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.bench",
        DATABASE_URL=database.url,
        REDIS_URL=REDIS_URL,
        PYTHONUNBUFFERED="1",
    )
    env.update(extra)
    return env


def django_json(args: list[str], env: dict[str, str], timeout: int = 3600) -> object:
    result = subprocess.run(
        [PYTHON, "-m", "bench.content", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"bench.content {args} failed:\n{result.stderr[-4000:]}")
    if result.stderr.strip():
        log(result.stderr.strip()[-2000:])
    return json.loads(result.stdout.strip().splitlines()[-1])


def migrations_hash() -> str:
    digest = hashlib.sha256()
    for path in sorted(ROOT.glob("*/migrations/*.py")):
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def postgres_url(url: str, name: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))


def recreate_postgres(url: str) -> None:
    import psycopg

    name = urllib.parse.urlsplit(url).path.lstrip("/")
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", name):
        raise SystemExit(f"unexpected bench database name {name!r}")
    admin = postgres_url(url, "postgres")
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def prepare(database: Database, scale: float, rebuild: bool) -> dict[str, object]:
    """Build the bench database unless one with the same stamp exists; return the stamp."""
    VAR.mkdir(parents=True, exist_ok=True)
    env = bench_env(database)
    info = django_json(["fingerprint"], env)
    stamp = {
        "scale": scale,
        "generators": info["generators"],  # type: ignore[index]
        "migrations": migrations_hash(),
        "database": database.url,
    }
    stamp_file = VAR / f"stamp-{database.label}-{scale:g}.json"
    old = json.loads(stamp_file.read_text()) if stamp_file.exists() else {}
    same_content = {k: v for k, v in old.items() if k != "migrations"} == {
        k: v for k, v in stamp.items() if k != "migrations"
    }
    if not rebuild and same_content:
        if database.label != "sqlite" or Path(database.url[len("sqlite:///") :]).exists():
            if old.get("migrations") != stamp["migrations"]:
                # New migrations since the build: apply them, as a deployment would, and keep
                # the generated content (regenerating takes far longer).
                log(f"[{database.label}] applying new migrations to the bench database")
                subprocess.run(
                    [PYTHON, "manage.py", "migrate", "--noinput", "-v0"],
                    cwd=ROOT,
                    env=env,
                    check=True,
                    timeout=1800,
                )
                stamp_file.write_text(json.dumps(stamp))
            log(f"[{database.label}] reusing the bench database (scale {scale:g})")
            return {**stamp, "planned": info["planned"]}  # type: ignore[index]
    log(f"[{database.label}] building the bench database (scale {scale:g}); this takes a while")
    if database.label == "sqlite":
        Path(database.url[len("sqlite:///") :]).unlink(missing_ok=True)
    else:
        recreate_postgres(database.url)
    started = time.monotonic()
    made = django_json(["generate", "--scale", str(scale)], env)
    log(f"[{database.label}] generated in {time.monotonic() - started:.0f} s: {made}")
    stamp_file.write_text(json.dumps(stamp))
    return {**stamp, "planned": info["planned"], "made": made}  # type: ignore[index]


def collectstatic(database: Database) -> None:
    subprocess.run(
        [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=bench_env(database),
        check=True,
        timeout=600,
    )


def flush_bench_cache() -> None:
    """Empty the bench's own Redis database (db 2 by default), never the site's."""
    import redis

    redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).flushdb()


# --- the server -----------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    def __init__(self, database: Database, workers: int, extra_env: dict[str, str]) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = bench_env(
            database,
            GUNICORN_BIND=f"127.0.0.1:{self.port}",
            WEB_CONCURRENCY=str(workers),
            GUNICORN_ACCESS_LOG="false",
            GUNICORN_MAX_REQUESTS="0",  # no recycling: memory growth must show
            BENCH_QUEUE_TASKS="1",
            **extra_env,
        )
        self.log_file = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            [GUNICORN, "-c", "config/gunicorn.py", "config.wsgi"],
            cwd=ROOT,
            env=env,
            stdout=self.log_file,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn exited:\n{self.output()}")
            try:
                with urllib.request.urlopen(f"{self.base}/healthz", timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                time.sleep(0.3)
        self.stop()
        raise SystemExit(f"gunicorn did not become healthy:\n{self.output()}")

    def output(self) -> str:
        self.log_file.seek(0)
        return self.log_file.read().decode(errors="replace")[-4000:]

    def worker_rss_mb(self) -> list[float]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        sizes = []
        for pid in children.read_text().split() if children.exists() else []:
            status = Path(f"/proc/{pid}/status")
            if status.exists():
                match = re.search(r"VmRSS:\s+(\d+) kB", status.read_text())
                if match:
                    sizes.append(round(int(match.group(1)) / 1024, 1))
        return sorted(sizes)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


# --- load -----------------------------------------------------------------------------------

LUA = """
wrk.method = [==[{method}]==]
wrk.body = [==[{body}]==]
{headers}
{unique}
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH_JSON {{\\"requests\\":%d,\\"duration_us\\":%d,\\"p50_us\\":%d,\\"p90_us\\":%d," ..
    "\\"p99_us\\":%d,\\"connect\\":%d,\\"read\\":%d,\\"write\\":%d,\\"status\\":%d," ..
    "\\"timeout\\":%d}}\\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), e.connect, e.read, e.write, e.status, e.timeout))
end
"""


# A body with "{n}" gets a different value in every request (e.g. a new organisation per
# POST, so that each one is a valid, non-duplicate application).
LUA_UNIQUE = """
local threads = {{}}
function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_number", #threads)
end
local counter = 0
request = function()
  counter = counter + 1
  local n = [==[{prefix}]==] .. "-" .. thread_number .. "-" .. counter
  return wrk.format(nil, nil, nil, (string.gsub(wrk.body, "{{n}}", n)))
end
"""


def lua_script(target: dict, directory: Path, prefix: str = "") -> Path:
    headers = "\n".join(
        f"wrk.headers[ [==[{name}]==] ] = [==[{value}]==]"
        for name, value in target.get("headers", {}).items()
    )
    body = target.get("body", "")
    unique = LUA_UNIQUE.format(prefix=prefix) if "{n}" in body else ""
    script = directory / f"{hashlib.sha1(repr(target).encode()).hexdigest()[:12]}{prefix}.lua"  # noqa: S324
    script.write_text(
        LUA.format(method=target["method"], body=body, headers=headers, unique=unique)
    )
    return script


def run_wrk(
    wrk: str, url: str, script: Path, seconds: float, connections: int, threads: int
) -> dict:
    command = [
        wrk,
        f"-t{threads}",
        f"-c{connections}",
        f"-d{max(1, round(seconds))}s",
        "--timeout",
        "10s",
        "-s",
        str(script),
        url,
    ]
    result = subprocess.run(
        command, capture_output=True, text=True, timeout=seconds + 60, check=False
    )
    match = re.search(r"BENCH_JSON (\{.*\})", result.stdout)
    if result.returncode != 0 or not match:
        raise SystemExit(f"wrk failed on {url}:\n{result.stdout}\n{result.stderr}")
    return json.loads(match.group(1))


def warm_up_and_load(wrk: str, url: str, target: dict, scripts: Path, args) -> dict:
    """A warm-up, then the measured run; each with its own script, so that a POST with
    unique values never repeats a value of the warm-up (a repeated organisation is a
    duplicate application, answered 409)."""
    for seconds in (args.warmup, args.duration):
        script = lua_script(target, scripts, prefix=str(time.time_ns()))
        result = run_wrk(wrk, url, script, seconds, args.connections, args.threads)
    return result


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """A POST answered with 303 is measured as the 303, not as the page it points to."""

    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def probe(base: str, target: dict) -> tuple[int, int | None, int, str]:
    """One request: status, SQL queries, body size, and the full-page cache's verdict."""
    body = target.get("body", "").replace("{n}", f"probe-{time.time_ns()}")
    request = urllib.request.Request(
        base + quote(target["path"]),
        data=body.encode() or None,
        method=target["method"],
        headers=target.get("headers", {}),
    )
    try:
        with OPENER.open(request, timeout=PROBE_TIMEOUT) as response:
            content = response.read()
            status, headers = response.status, response.headers
    except urllib.error.HTTPError as error:
        content, status, headers = error.read(), error.code, error.headers
    except (TimeoutError, urllib.error.URLError):
        return 0, None, 0, ""  # slower than PROBE_TIMEOUT: reported, not loaded
    queries = headers.get("X-Bench-Queries")
    cache = headers.get("X-Page-Cache", "")
    return status, int(queries) if queries is not None else None, len(content), cache


def with_csrf(base: str, target: dict) -> dict:
    """A POST target with the CSRF cookie of a GET of the same URL and its token in the body
    (a visitor who opened the form, then sent it)."""
    if not target.get("csrf"):
        return target
    with OPENER.open(base + quote(target["path"]), timeout=PROBE_TIMEOUT) as response:
        cookies = response.headers.get_all("Set-Cookie") or []
    token = next(
        (c.split(";")[0].split("=", 1)[1] for c in cookies if c.startswith("csrftoken=")), ""
    )
    if not token:
        raise SystemExit(f"no CSRF cookie from GET {target['path']}")
    headers = {**target.get("headers", {}), "Cookie": f"csrftoken={token}"}
    body = f"{target.get('body', '')}&csrfmiddlewaretoken={token}"
    return {**target, "headers": headers, "body": body}


def quote(path: str) -> str:
    return urllib.parse.quote(path, safe="/?=&%:+,;@-._~")


def measure(
    server: Server, wrk: str, target: dict, args: argparse.Namespace, scripts: Path
) -> Measurement:
    m = Measurement(target["name"], target["path"], target["kind"], target["method"])
    m.cacheable = target.get("cacheable", True)
    target = with_csrf(server.base, target)
    m.status, m.queries_first, m.bytes, _cache = probe(server.base, target)
    if m.status == 0:
        m.verdict = f"one request took over {PROBE_TIMEOUT} s: not loaded"
        return m
    if m.status >= 400:
        m.verdict = f"HTTP {m.status}"
        return m
    url = server.base + quote(target["path"])
    result = warm_up_and_load(wrk, url, target, scripts, args)
    m.status, m.queries, _bytes, m.cache = probe(server.base, target)
    m.requests = result["requests"]
    m.rps = result["requests"] / (result["duration_us"] / 1e6)
    m.p50_ms = result["p50_us"] / 1000
    m.p90_ms = result["p90_us"] / 1000
    m.p99_ms = result["p99_us"] / 1000
    m.errors = {k: result[k] for k in ("connect", "read", "write", "status", "timeout")}
    return m


def judge(measurements: list[Measurement], cached: bool = False) -> None:
    ceiling = next((m for m in measurements if m.kind == "ceiling" and m.rps), None)
    for m in measurements:
        if not m.rps and m.kind == "page" and not m.verdict:
            m.verdict = "no request completed"
        if ceiling is None or not m.rps:
            continue
        m.rps_ratio = m.rps / ceiling.rps
        m.p99_ratio = m.p99_ms / ceiling.p99_ms if ceiling.p99_ms else None
        if m.kind != "page":
            continue
        problems = []
        if cached and not m.cacheable:
            problems.append("private by design, never cached")
        if cached and m.cacheable:
            if m.rps_ratio < MIN_CACHED_RPS_RATIO:
                problems.append(f"req/s < {MIN_CACHED_RPS_RATIO:g}× ceiling")
        else:
            if m.queries is not None and m.queries > MAX_QUERIES:
                problems.append(f"{m.queries} queries > {MAX_QUERIES}")
            if m.p99_ratio is not None and m.p99_ratio > MAX_P99_RATIO:
                problems.append(f"p99 > {MAX_P99_RATIO:g}× ceiling")
            if m.rps_ratio < MIN_RPS_RATIO:
                problems.append(f"req/s < {MIN_RPS_RATIO:g}× ceiling")
        if cached and m.cacheable and m.cache != "hit":
            problems.append(f"not served from the page cache ({m.cache or 'no header'})")
        if any(m.errors.values()):
            problems.append(f"errors {m.errors}")
        m.verdict = "; ".join(problems) or "ok"
        if problems == ["private by design, never cached"]:
            m.verdict = "ok (private by design, never cached)"


# --- reporting ------------------------------------------------------------------------------


def machine_info(workers: int, args: argparse.Namespace, wrk: str) -> dict[str, object]:
    cpu = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        match = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())
        cpu = match.group(1).strip() if match else ""
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        match = re.search(r"MemTotal:\s+(\d+) kB", meminfo.read_text())
        memory = f"{int(match.group(1)) / 1024 / 1024:.0f} GiB" if match else ""
    wrk_version = subprocess.run(
        [wrk, "--version"], capture_output=True, text=True, check=False
    ).stdout.split("Copyright")[0]
    versions = subprocess.run(
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
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory": memory,
        "os": platform.platform(terse=True),
        "python": platform.python_version(),
        "django": versions[0] if versions else "",
        "wagtail": versions[1] if len(versions) > 1 else "",
        "sqlite": versions[2] if len(versions) > 2 else "",
        "gunicorn": versions[3] if len(versions) > 3 else "",
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


def markdown(report: dict) -> str:
    machine = report["machine"]
    lines = [
        f"`{report.get('command', 'python -m bench')}`",
        "",
        f"Run {report['started']} at `--scale {machine['scale']:g}`: {machine['cpu']} "
        f"({machine['cores']} cores, {machine['memory']}), {machine['os']}, Python "
        f"{machine['python']}, Django {machine['django']}, Wagtail {machine['wagtail']}; "
        f"gunicorn {machine['gunicorn']} with {machine['gunicorn_workers']} sync workers; "
        f"{machine['wrk']} with {machine['connections']} connections and "
        f"{machine['wrk_threads']} threads on the same machine, {machine['warmup_s']:g} s "
        f"warm-up then {machine['duration_s']:g} s per URL. Ratios are to the framework "
        "ceiling of the same run; SQL is the count of queries of one request after the run.",
        "",
    ]
    for run in report["runs"]:
        load = run.get("load_start"), run.get("load_end")
        lines += [
            f"**{run['database']}** ({run['database_version']}); {run['note']}; worker RSS "
            f"{run['rss_start_mb']} MB → {run['rss_end_mb']} MB; load average (1, 5, 15 min) "
            f"{load[0]} at the start, {load[1]} at the end",
            "",
            "| URL | req/s | p50 ms | p99 ms | SQL | cache | req/s ÷ ceiling | p99 ÷ ceiling "
            "| check |",
            "| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | --- |",
        ]
        for m in run["measurements"]:
            label = f"{m['name']} `{m['method']} {m['path']}`"
            lines.append(
                f"| {label} | {fmt(m['rps'], 0)} | {fmt(m['p50_ms'])} | {fmt(m['p99_ms'])} | "
                f"{m['queries'] if m['queries'] is not None else '–'} | "
                f"{m.get('cache') or ''} | {fmt(m['rps_ratio'], 2)} | "
                f"{fmt(m['p99_ratio'], 1)} | {m['verdict']} |"
            )
        lines.append("")
    if report.get("not_measured"):
        lines.append(
            "Not measured yet (their apps or generators are not there): "
            + "; ".join(f"{k}: {v}" for k, v in report["not_measured"].items())
            + "."
        )
        lines.append("")
    return "\n".join(lines)


def readme_markers(scale: float) -> tuple[str, str]:
    """Each scale's tables have a block of their own in the README (scale 1: the first)."""
    suffix = "" if scale == 1 else f" scale={scale:g}"
    return f"<!-- bench:start{suffix} -->", f"<!-- bench:end{suffix} -->"


def update_readme(table: str, scale: float = 1) -> None:
    text = README.read_text()
    start, end = readme_markers(scale)
    if start not in text or end not in text:
        _first_start, first_end = readme_markers(1)
        if first_end not in text:
            log("README has no bench markers; not updated")
            return
        # A new scale: its block goes after the first one.
        text = text.replace(first_end, f"{first_end}\n\n{start}\n{end}", 1)
    before, rest = text.split(start, 1)
    _old, after = rest.split(end, 1)
    README.write_text(f"{before}{start}\n{table}\n{end}{after}")


def database_version(database: Database) -> str:
    if database.label == "sqlite":
        import sqlite3

        return f"SQLite {sqlite3.sqlite_version}"
    import psycopg

    with psycopg.connect(database.url) as connection:
        row = connection.execute("SHOW server_version").fetchone()
    return f"PostgreSQL {row[0].split()[0] if row else '?'}"


# --- main -----------------------------------------------------------------------------------


def bench_pg_name(scale: float) -> str:
    """One PostgreSQL database per scale, like the SQLite files (stgm_bench at scale 1)."""
    return BENCH_PG_NAME if scale == 1 else f"{BENCH_PG_NAME}_{scale:g}".replace(".", "_")


def databases(args: argparse.Namespace) -> list[Database]:
    found = []
    if args.db in ("all", "sqlite"):
        found.append(Database("sqlite", f"sqlite:///{VAR / f'bench-scale{args.scale:g}.sqlite3'}"))
    url = os.environ.get("DATABASE_URL", "")
    if args.db in ("all", "postgresql") and url.startswith(("postgres://", "postgresql://")):
        found.append(Database("postgresql", postgres_url(url, bench_pg_name(args.scale))))
    elif args.db == "postgresql":
        raise SystemExit("--db postgresql needs DATABASE_URL=postgres://...")
    return found


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply the content")
    parser.add_argument("--db", choices=["all", "sqlite", "postgresql"], default="all")
    parser.add_argument("--duration", type=float, default=3, help="seconds measured per URL")
    parser.add_argument("--warmup", type=float, default=1, help="seconds of warm-up per URL")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument(
        "--workers", type=int, default=(os.cpu_count() or 1) + 1, help="gunicorn workers"
    )
    parser.add_argument("--only", default="", help="measure only URLs whose name has this")
    parser.add_argument(
        "--english",
        action="store_true",
        help="also every page type in English (by default only home and a programme page)",
    )
    parser.add_argument("--rebuild", action="store_true", help="regenerate the content")
    parser.add_argument(
        "--no-cached", action="store_true", help="skip the pass with the full-page cache on"
    )
    parser.add_argument("--readme", action="store_true", help="put the table in README.md")
    parser.add_argument(
        "--prepare-only", action="store_true", help="build the bench databases, measure nothing"
    )
    parser.add_argument(
        "--quiet-load",
        type=float,
        default=0,
        help="before each pass, wait until the 1-minute load average is below this",
    )
    parser.add_argument(
        "--quiet-wait", type=float, default=25, help="minutes to wait for --quiet-load at most"
    )
    parser.add_argument(
        "--soak",
        type=float,
        default=0,
        metavar="MINUTES",
        help="instead of the table: load every page uncached for MINUTES, workers' memory "
        "sampled each minute",
    )
    return parser.parse_args(argv)


def load_average() -> list[float]:
    return [round(value, 2) for value in os.getloadavg()]


def wait_for_quiet(threshold: float, minutes: float) -> None:
    """Poll the 1-minute load average every minute until it is below `threshold`."""
    if not threshold:
        return
    deadline = time.monotonic() + minutes * 60
    while (load := os.getloadavg()[0]) >= threshold:
        if time.monotonic() > deadline:
            log(f"load average still {load:.2f} after {minutes:g} min: measuring anyway")
            return
        log(f"load average {load:.2f} >= {threshold:g}: waiting a minute")
        time.sleep(60)


# Growth of a worker's memory over a soak, after its first minute, that still counts as flat.
MAX_SOAK_GROWTH = 0.10


def soak(database: Database, wrk: str, args: argparse.Namespace, scripts: Path) -> dict:
    """Every page target in turn (uncached, POSTs included) for `args.soak` minutes, with
    each worker's RSS sampled once a minute: a leak shows as steady growth."""
    targets = django_json(["targets", "--scale", str(args.scale)], bench_env(database))
    pages = [t for t in targets if t["kind"] == "page" and not t.get("optional")]  # type: ignore[union-attr]
    flush_bench_cache()
    server = Server(database, args.workers, {"PAGE_CACHE_SECONDS": "0"})
    samples: list[dict] = []
    requests = 0
    try:
        pages = [with_csrf(server.base, target) for target in pages]
        started = time.monotonic()
        next_sample = started
        while (elapsed := time.monotonic() - started) < args.soak * 60:
            if time.monotonic() >= next_sample:
                samples.append({"minute": round(elapsed / 60, 1), "rss_mb": server.worker_rss_mb()})
                next_sample += 60
            for target in pages:
                script = lua_script(target, scripts, prefix=str(time.time_ns()))
                url = server.base + quote(target["path"])
                requests += run_wrk(wrk, url, script, 1, args.connections, args.threads)["requests"]
        samples.append({"minute": round(args.soak, 1), "rss_mb": server.worker_rss_mb()})
    finally:
        server.stop()
    after_warmup = next((s for s in samples if s["minute"] >= 1), samples[0])["rss_mb"]
    final = samples[-1]["rss_mb"]
    growth = max(
        ((end - start) / start for start, end in zip(after_warmup, final, strict=False)),
        default=0.0,
    )
    return {
        "database": database.label,
        "minutes": args.soak,
        "requests": requests,
        "samples": samples,
        "growth_after_first_minute": round(growth, 3),
        "flat": growth <= MAX_SOAK_GROWTH,
    }


def soak_markdown(report: dict) -> str:
    lines = [f"`{report['command']}`", "", f"Run {report['started']}; {report['machine']['cpu']}"]
    for run in report["soaks"]:
        verdict = "flat" if run["flat"] else "GROWING"
        lines += [
            "",
            f"**{run['database']}**: {run['minutes']:g} minutes, {run['requests']:,} requests "
            f"over every page (uncached); largest growth of a worker after its first minute "
            f"{run['growth_after_first_minute']:.1%} ({verdict}; flat means at most "
            f"{MAX_SOAK_GROWTH:.0%}).",
            "",
            "| minute | worker RSS MB |",
            "| ---: | --- |",
            *[f"| {s['minute']:g} | {', '.join(map(str, s['rss_mb']))} |" for s in run["samples"]],
        ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    wrk = ensure_wrk()
    if args.prepare_only:
        for database in databases(args):
            prepare(database, args.scale, args.rebuild)
        return 0
    if args.soak:
        return run_soak(args, wrk)
    started = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    report: dict = {
        "command": "python -m bench " + " ".join(sys.argv[1:] if argv is None else argv),
        "started": started,
        "machine": machine_info(args.workers, args, wrk),
        "runs": [],
    }
    with tempfile.TemporaryDirectory() as scripts_dir:
        for index, database in enumerate(databases(args)):
            stamp = prepare(database, args.scale, args.rebuild)
            report["not_measured"] = stamp.get("planned", {})
            if index == 0:
                collectstatic(database)
            targets = django_json(["targets", "--scale", str(args.scale)], bench_env(database))
            targets = [
                t
                for t in targets  # type: ignore[union-attr]
                if t["kind"] != "page"
                or (
                    args.only.lower() in t["name"].lower()
                    and (args.english or not t.get("optional"))
                )
            ]
            modes = [("uncached (full-page cache off)", "0")]
            if not args.no_cached:
                modes.append(("cached (full-page cache on, anonymous visitors)", "300"))
            for note, seconds in modes:
                cached = seconds != "0"
                wait_for_quiet(args.quiet_load, args.quiet_wait)
                load_start = load_average()
                flush_bench_cache()
                server = Server(database, args.workers, {"PAGE_CACHE_SECONDS": seconds})
                try:
                    measurements: list[Measurement] = []
                    rss_start: list[float] = []
                    for target in targets:
                        if cached and target["kind"] == "static":
                            continue
                        log(
                            f"[{database.label}, {'cached' if cached else 'uncached'}] "
                            f"{target['name']}: {target['path']}"
                        )
                        measurements.append(measure(server, wrk, target, args, Path(scripts_dir)))
                        if not rss_start:
                            rss_start = server.worker_rss_mb()
                    rss_end = server.worker_rss_mb()
                    load_end = load_average()
                finally:
                    server.stop()
                judge(measurements, cached)
                report["runs"].append(
                    {
                        "database": database.label,
                        "database_version": database_version(database),
                        "note": note,
                        "cached": cached,
                        "rss_start_mb": rss_start,
                        "rss_end_mb": rss_end,
                        "load_start": load_start,
                        "load_end": load_end,
                        "content": stamp.get("made"),
                        "measurements": [m.__dict__ for m in measurements],
                    }
                )
    table = markdown(report)
    print(table)
    RESULTS.mkdir(parents=True, exist_ok=True)
    name = datetime.now(UTC).strftime("bench-%Y%m%d-%H%M%S")
    for stem in (name, "latest"):
        (RESULTS / f"{stem}.md").write_text(table)
        (RESULTS / f"{stem}.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))
    log(f"written: bench/results/{name}.md and .json (and latest.*)")
    if args.readme:
        update_readme(table, args.scale)
    return 0


def run_soak(args: argparse.Namespace, wrk: str) -> int:
    report: dict = {
        "command": "python -m bench " + " ".join(sys.argv[1:]),
        "started": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine_info(args.workers, args, wrk),
        "soaks": [],
    }
    with tempfile.TemporaryDirectory() as scripts_dir:
        for database in databases(args):
            prepare(database, args.scale, args.rebuild)
            wait_for_quiet(args.quiet_load, args.quiet_wait)
            report["soaks"].append(soak(database, wrk, args, Path(scripts_dir)))
    table = soak_markdown(report)
    print(table)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "soak-latest.md").write_text(table)
    (RESULTS / "soak-latest.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))
    log("written: bench/results/soak-latest.md and .json")
    return 0 if all(run["flat"] for run in report["soaks"]) else 1
