"""The client's address, for every limiter (django-axes for the admin login, django-ratelimit
for the public forms): one rule, so that no limiter believes a header another one refuses.

`X-Forwarded-For` is anyone's to write. It is read only when the peer that sent the request
(`REMOTE_ADDR`) is one of the proxies named in `STGM_TRUSTED_PROXIES` (addresses or CIDR
networks; empty by default, so a site reached directly uses the peer's address). Each proxy
appends the address it received the request from, so the client is the right-most entry that
is not itself a trusted proxy; anything further left is the client's own word. Parsing
(IPv4, IPv6, ports, RFC 7239 tokens) and the pick along the chain are django-ipware's.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest
from ipware import get_client_ip
from python_ipware.modern.parsers import split_proxy_chain

FORWARDED_HEADER = "HTTP_X_FORWARDED_FOR"
# No address at all (a Unix socket and no proxy we trust): such requests share one counter.
UNKNOWN = "0.0.0.0"  # noqa: S104 - a placeholder address, nothing binds to it

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def _networks(entries: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(entry.strip(), strict=False) for entry in entries)


def trusted_proxies() -> tuple[Network, ...]:
    """`STGM_TRUSTED_PROXIES` as networks (a bare address is a /32 or /128)."""
    return _networks(tuple(getattr(settings, "STGM_TRUSTED_PROXIES", ()) or ()))


def is_trusted_proxy(address: str | ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    try:
        ip = ipaddress.ip_address(str(address).strip())
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return any(ip.version == net.version and ip in net for net in trusted_proxies())


def client_address(request: HttpRequest) -> str:
    """The address to count a request against (see the module's docstring)."""
    peer = request.META.get("REMOTE_ADDR", "") or UNKNOWN
    if not is_trusted_proxy(peer):
        return peer
    chain = split_proxy_chain(request.META.get(FORWARDED_HEADER, "")) or []
    # Trusted proxies at the right end of the header are hops, not the client; keep at least
    # the left-most entry, whatever it is.
    hops = 0
    while hops < len(chain) - 1 and is_trusted_proxy(chain[-1 - hops]):
        hops += 1
    if not chain:
        return peer
    ip, _routable = get_client_ip(
        request,
        proxy_order="left-most",
        proxy_count=hops,
        request_header_order=[FORWARDED_HEADER],
        strict=False,
    )
    return ip or peer
