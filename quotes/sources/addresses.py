"""Which network addresses a fetch may connect to: public ones, unless told otherwise.

A URL someone else supplies must not make ``quotes`` ask the machine it runs
on, its cloud's metadata service (169.254.169.254) or the newsroom's intranet
for a page (server-side request forgery). The check is on the address a host
name resolves to, not on the name: ``localhost.example.com`` may resolve to
127.0.0.1, and ``2130706433``, ``0x7f.1`` and ``127.1`` are all 127.0.0.1 to
the system's resolver.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Sequence

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Sequence[str]]

ALLOW_HINT = "use --allow-private-hosts for an intranet"

# IPv6 prefixes that carry an IPv4 address in their last 32 bits and are routed
# to it by a gateway (NAT64, RFC 6052 and RFC 8215).
_NAT64 = (ipaddress.IPv6Network("64:ff9b::/96"), ipaddress.IPv6Network("64:ff9b:1::/48"))


class Refused(Exception):
    """A host whose address is not public; ``str()`` is the one-line reason."""

    def __init__(self, what: str, redirect: str | None = None) -> None:
        super().__init__(what, redirect)
        self.what = what  # "169.254.169.254 is a link-local address"
        self.redirect = redirect  # the URL a redirect led to, if one did

    def __str__(self) -> str:
        via = f" (redirected to {self.redirect})" if self.redirect else ""
        return f"refused: {self.what}{via}; {ALLOW_HINT}"


def resolve(host: str, port: int) -> list[str]:
    """The addresses the system's resolver gives for ``host``, in its order of preference."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def non_public(address: IPAddress) -> str | None:
    """What kind of non-public address ``address`` is ("a loopback address"), or None."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour
        if embedded is None and any(address in network for network in _NAT64):
            embedded = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if embedded is not None:
            return non_public(embedded)
    # The order matters: to ipaddress, 0.0.0.0 and 240.0.0.0/4 are also "private",
    # and ::1 is also "reserved".
    if address.is_unspecified:
        return "an unspecified address"
    if address.is_loopback:
        return "a loopback address"
    if address.is_link_local:
        return "a link-local address"
    if address.is_multicast:
        return "a multicast address"
    if address.is_reserved:
        return "a reserved address"
    if address.is_private:
        return "a private address"
    if not address.is_global:  # shared (carrier-grade NAT), documentation, benchmarking
        return "a non-public address"
    return None


def checked_addresses(
    host: str, port: int, *, resolver: Resolver = resolve, allow_private: bool = False
) -> list[str]:
    """The addresses to connect to for ``host``; ``Refused`` if any of them is not public.

    Every address the name has is checked, not only the first: which one a
    connection ends up using is not known in advance. A name that does not
    resolve raises the resolver's ``OSError``.
    """
    try:
        literal: IPAddress | None = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    addresses = [str(literal)] if literal is not None else list(resolver(host, port))
    if allow_private:
        return addresses
    for text in addresses:
        address = ipaddress.ip_address(text.split("%")[0])  # drop an IPv6 zone
        kind = non_public(address)
        if kind is None:
            continue
        if literal is not None:
            raise Refused(f"{host} is {kind}")
        raise Refused(f"{host} resolves to {address}, {kind}")
    return addresses
