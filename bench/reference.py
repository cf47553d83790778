"""The reference Wagtail site (wagtail/bakerydemo on its own production settings) when it runs
on this machine: its address (`--reference URL`, loopback only: the bench never downloads
or vendors it), the pages nearest to ours, and the processes that serve it.

Its CPU per request is read like ours: the CPU time of the processes serving its port (the
listening socket's inode in /proc/net/tcp and tcp6, the processes holding that socket, and
their children, e.g. a gunicorn master and its workers) during a measured run, divided by
the run's requests.
"""

import ipaddress
import os
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

PROC = Path("/proc")
LISTEN = "0A"  # the TCP state of a listening socket in /proc/net/tcp
REACH_TIMEOUT = 10  # seconds for the reference to answer its first request
# Processes that only forward a published port (a container's): their CPU is not the site's.
FORWARDERS = {"docker-proxy", "rootlesskit", "slirp4netns", "pasta", "conmon"}


@dataclass(frozen=True)
class Pair:
    """One of our pages and the reference's nearest one."""

    key: str  # the name in `--reference-page KEY=PATH`
    label: str
    ours: str  # the name of our target, as the generators name it
    path: str  # the reference's path


PAIRS = (
    Pair("home", "home vs home", "home (tr)", "/"),
    Pair("listing", "events listing vs blog index", "events listing (tr)", "/blog/"),
    Pair("event", "an event vs a blog post", "meeting (tr)", "/blog/tracking-wild-yeast/"),
    Pair("archive", "stories archive vs breads index", "stories archive (tr)", "/breads/"),
    Pair("search", "search vs search", "search 'eğitim' (tr)", "/search/?q=bread"),
)


def pairs_with(overrides: list[str]) -> list[Pair]:
    """PAIRS with the reference paths of `--reference-page KEY=PATH` options."""
    known = {pair.key: pair for pair in PAIRS}
    paths: dict[str, str] = {}
    for item in overrides:
        key, sep, path = item.partition("=")
        if not sep or key not in known or not path.startswith("/"):
            raise ValueError(
                f"--reference-page {item!r}: expected KEY=/path with KEY one of " + ", ".join(known)
            )
        paths[key] = path
    return [Pair(p.key, p.label, p.ours, paths.get(p.key, p.path)) for p in PAIRS]


def loopback_base(url: str) -> str:
    """`url` without a trailing slash, if it is plain HTTP on a loopback address (the bench
    loads nothing else); ValueError otherwise."""
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if parts.scheme != "http" or not loopback or parts.path not in ("", "/"):
        raise ValueError(f"--reference {url!r}: expected http://127.0.0.1:PORT (loopback only)")
    return f"http://{parts.netloc}"


def port_of(base: str) -> int:
    return urllib.parse.urlsplit(base).port or 80


def listening_inodes(port: int, proc: Path = PROC) -> set[int]:
    """Inodes of the TCP sockets listening on `port` (any address, IPv4 or IPv6)."""
    inodes = set()
    for table in ("tcp", "tcp6"):
        file = proc / "net" / table
        if not file.exists():
            continue
        for line in file.read_text().splitlines()[1:]:
            fields = line.split()
            if len(fields) < 10 or fields[3] != LISTEN:
                continue
            if int(fields[1].rsplit(":", 1)[1], 16) == port:
                inodes.add(int(fields[9]))
    inodes.discard(0)
    return inodes


def socket_owners(inodes: set[int], proc: Path = PROC) -> set[int]:
    """The processes holding one of these sockets open (every gunicorn worker inherits the
    master's listening socket; some servers hand it to their workers only)."""
    wanted = {f"socket:[{inode}]" for inode in inodes}
    owners = set()
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            links = (os.readlink(fd) for fd in (entry / "fd").iterdir())
            if any(link in wanted for link in links):
                owners.add(int(entry.name))
        except OSError:  # gone meanwhile, or not ours to read
            continue
    return owners


def children(pid: int, proc: Path = PROC) -> set[int]:
    """Every descendant of `pid` (all its threads' children, recursively)."""
    found: set[int] = set()
    try:
        tasks = list((proc / str(pid) / "task").iterdir())
    except OSError:
        return found
    for task in tasks:
        try:
            direct = {int(child) for child in (task / "children").read_text().split()}
        except OSError:
            continue
        for child in direct - found:
            found |= {child} | children(child, proc)
    return found


def serving_pids(port: int, proc: Path = PROC) -> list[int]:
    """The processes that serve `port`: the owners of its listening socket and their
    children."""
    owners = socket_owners(listening_inodes(port, proc), proc)
    found = set(owners)
    for pid in owners:
        found |= children(pid, proc)
    return sorted(found)


def cpu_seconds_of(pids: list[int], proc: Path = PROC) -> float:
    """User and system CPU time of `pids` so far, with that of their children that exited and
    were waited for (a worker recycled during a run still counts, through its master)."""
    ticks = 0
    for pid in pids:
        try:
            fields = (proc / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        # utime, stime, cutime, cstime: the 14th to 17th fields of the whole line.
        ticks += sum(int(value) for value in fields[11:15])
    return ticks / os.sysconf("SC_CLK_TCK")


def command_names(pids: list[int], proc: Path = PROC) -> dict[int, str]:
    """The command name of each pid ("gunicorn", "python3", "docker-proxy"...)."""
    names = {}
    for pid in pids:
        try:
            names[pid] = (proc / str(pid) / "comm").read_text().strip()
        except OSError:
            continue
    return names


def cpu_note(names: dict[int, str], port: int) -> str:
    """Why the reference's CPU cannot be read from these processes, or ""."""
    if not names:
        return f"no process of this machine found listening on port {port}: CPU not read"
    if any(name in FORWARDERS for name in names.values()):
        return (
            f"port {port} belongs to a forwarder ({', '.join(sorted(set(names.values())))}), "
            "not to the server: CPU not read; run the reference outside a container"
        )
    return ""


class Reference:
    """The reference site at `base`, measured like our server: `base` and `cpu_seconds`."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.port = port_of(base)

    def pids(self) -> list[int]:
        return serving_pids(self.port)

    def cpu_seconds(self) -> float:
        """The CPU so far of the processes serving its port, found anew each time (workers
        may be recycled)."""
        return cpu_seconds_of(self.pids())

    def unreachable(self) -> str:
        """Why the reference cannot be measured, or "" when it answers (any HTTP status)."""
        try:
            with urllib.request.urlopen(f"{self.base}/", timeout=REACH_TIMEOUT) as response:
                response.read()
        except urllib.error.HTTPError:
            return ""
        except (urllib.error.URLError, OSError) as error:
            return f"not reachable at {self.base} ({getattr(error, 'reason', error)})"
        return ""
