"""The load: wrk (Debian's package) from a second process, driven by a Lua script per
target, a warm-up then the measured run, every run bounded in time; and the machine's load
average around it. Only loopback addresses are ever loaded."""

import hashlib
import json
import os
import re
import shutil
import subprocess
import time
from pathlib import Path

from bench.env import log

WRK_TIMEOUT = "10s"  # a request slower than this counts as a wrk timeout error
IDLE_POLL = 0.25  # seconds between two readings of the server's CPU while waiting for idle
IDLE_CPU = 0.02  # CPU seconds in one poll under which the server counts as idle
IDLE_TIMEOUT = 60  # seconds to wait for idle at most

# The request (method, body, headers) and a `done` that prints wrk's summary as one JSON line.
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


def lua_script(target: dict, directory: Path, prefix: str = "") -> Path:
    """The script of `target` in `directory`; `prefix` starts the unique values of "{n}"."""
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
    """One wrk run; its summary (requests, duration, percentiles in µs, errors by kind)."""
    command = [
        wrk,
        f"-t{threads}",
        f"-c{connections}",
        f"-d{max(1, round(seconds))}s",
        "--timeout",
        WRK_TIMEOUT,
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


def fresh_script(target: dict, directory: Path) -> Path:
    """A script whose unique values ("{n}") no earlier script used."""
    return lua_script(target, directory, prefix=str(time.time_ns()))


def wait_until_idle(cpu_seconds, timeout: float = IDLE_TIMEOUT) -> None:
    """Wait until the server's processes stop using CPU. When wrk stops, the requests its
    connections had sent and the server had not answered yet are still in the server's
    queue: it answers them after wrk is gone, and their CPU, counted in the next measured
    run without their requests, would inflate its CPU per request."""
    deadline = time.monotonic() + timeout
    last = cpu_seconds()
    while time.monotonic() < deadline:
        time.sleep(IDLE_POLL)
        now = cpu_seconds()
        if now - last < IDLE_CPU:
            return
        last = now
    log(f"the server still used CPU after {timeout:g} s: measuring anyway")


def warm_up_and_load(
    wrk: str, url: str, target: dict, scripts: Path, args, cpu_seconds=None
) -> dict:
    """A warm-up, then the measured run (whose summary is returned); each with its own
    script, so that a POST with unique values never repeats a value of the warm-up (a
    repeated organisation is a duplicate application, answered 409). With `cpu_seconds`
    (the server's CPU time so far), the summary has the server's CPU during the run, which
    starts on an idle server; the requests left queued after it are answered (uncounted)
    before the next one."""
    run_wrk(wrk, url, fresh_script(target, scripts), args.warmup, args.connections, args.threads)
    if cpu_seconds:
        wait_until_idle(cpu_seconds)
    before = cpu_seconds() if cpu_seconds else None
    result = run_wrk(
        wrk, url, fresh_script(target, scripts), args.duration, args.connections, args.threads
    )
    if cpu_seconds and before is not None:
        result["server_cpu_s"] = cpu_seconds() - before
        wait_until_idle(cpu_seconds)
    return result


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
