"""The fetcher asks public addresses only: after DNS, on every redirect, on the address checked.

Nothing here leaves the machine: pages come from a server on 127.0.0.1, and a
"public" host is a name that a test resolver maps to a public-looking address
while the connection itself is diverted to that local server.
"""

from __future__ import annotations

import ipaddress
import ssl
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import httpcore
import pytest

from quotes.errors import SourceError
from quotes.sources import ArticleInput, ReadOptions, read_sources
from quotes.sources.addresses import non_public
from quotes.sources.fetch import Fetcher
from tests.local_http import echo_host, redirect, serve

PAGE = (
    "<html><head><title>Harbour vote</title></head><body><article>"
    "<p>“We will rebuild the pier before winter,” the harbour master Ilse Varga told the council.</p>"
    "</article></body></html>"
).encode()
ROUTES: dict[str, Any] = {"/story": (200, "text/html; charset=utf-8", PAGE)}
HINT = "use --allow-private-hosts for an intranet"
PUBLIC = "93.184.216.34"  # a public-looking address; connections to it are diverted


def _fetch_error(url: str, **options: Any) -> str:
    with (
        Fetcher(max_bytes=100_000, timeout=5, **options) as fetcher,
        pytest.raises(SourceError) as caught,
    ):
        fetcher.fetch(url)
    assert caught.value.source == url
    return caught.value.reason


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "a loopback address"),
        ("::1", "a loopback address"),
        ("10.4.0.9", "a private address"),
        ("172.20.1.1", "a private address"),
        ("192.168.7.7", "a private address"),
        ("fd12:3456::1", "a private address"),
        ("169.254.169.254", "a link-local address"),
        ("fe80::1", "a link-local address"),
        ("224.0.0.251", "a multicast address"),
        ("ff02::1", "a multicast address"),
        ("0.0.0.0", "an unspecified address"),
        ("::", "an unspecified address"),
        ("240.0.0.9", "a reserved address"),
        ("255.255.255.255", "a reserved address"),
        ("100.64.3.3", "a non-public address"),
        ("::ffff:169.254.169.254", "a link-local address"),  # IPv4-mapped
        ("::ffff:127.0.0.1", "a loopback address"),
        ("2002:a9fe:a9fe::1", "a link-local address"),  # 6to4 of 169.254.169.254
        ("64:ff9b::a00:1", "a private address"),  # NAT64 of 10.0.0.1
        ("93.184.216.34", None),
        ("2606:4700:4700::1111", None),
        ("::ffff:93.184.216.34", None),
    ],
)
def test_address_kinds(address: str, kind: str | None) -> None:
    assert non_public(ipaddress.ip_address(address)) == kind


def test_a_local_server_is_refused_unless_private_hosts_are_allowed() -> None:
    with serve(ROUTES) as base:
        refused = list(read_sources([f"{base}/story"]))
        allowed = list(read_sources([f"{base}/story"], ReadOptions(allow_private_hosts=True)))
    (error,) = refused
    assert isinstance(error, SourceError) and error.source == f"{base}/story"
    assert error.reason == f"refused: 127.0.0.1 is a loopback address; {HINT}"
    (article,) = allowed
    assert isinstance(article, ArticleInput) and "rebuild the pier" in article.text


@pytest.mark.parametrize(
    ("host", "reason"),
    [
        ("2130706433", "2130706433 resolves to 127.0.0.1, a loopback address"),  # decimal
        ("0x7f.1", "0x7f.1 resolves to 127.0.0.1, a loopback address"),  # hex, short
        ("127.1", "127.1 resolves to 127.0.0.1, a loopback address"),
        ("0", "0 resolves to 0.0.0.0, an unspecified address"),
        ("0.0.0.0", "0.0.0.0 is an unspecified address"),
        ("[::ffff:127.0.0.1]", "::ffff:127.0.0.1 is a loopback address"),
        ("[::1]", "::1 is a loopback address"),
        ("169.254.169.254", "169.254.169.254 is a link-local address"),
    ],
)
def test_every_spelling_of_a_local_address_is_refused(host: str, reason: str) -> None:
    """The forms the system's resolver accepts; the local server would answer most of them."""
    with serve(ROUTES) as base:
        port = base.rsplit(":", 1)[1]
        url = f"http://{host}:{port}/story"
        assert _fetch_error(url) == f"refused: {reason}; {HINT}"


@dataclass
class Diverted:
    port: str  # of the local server every connection goes to
    connected: list[str]  # the addresses connections were opened to
    routes: dict[str, Any]  # the server's routes: a test may add some


@pytest.fixture
def diverted(monkeypatch: pytest.MonkeyPatch) -> Iterator[Diverted]:
    """A local server, and every connection diverted to it."""
    connected: list[str] = []
    routes = dict(ROUTES, **{"/host": echo_host})
    original = httpcore.SyncBackend.connect_tcp
    with serve(routes) as base:
        port = int(base.rsplit(":", 1)[1])

        def connect(self: httpcore.SyncBackend, host: str, _port: int, *args: Any) -> Any:
            connected.append(host)
            return original(self, "127.0.0.1", port, *args)

        monkeypatch.setattr(httpcore.SyncBackend, "connect_tcp", connect)
        yield Diverted(str(port), connected, routes)


def _resolver(names: dict[str, Sequence[str]]) -> Any:
    def resolve(host: str, port: int) -> Sequence[str]:
        return names[host]

    return resolve


def test_a_public_name_resolving_to_a_private_address_is_refused(diverted: Diverted) -> None:
    names = {"wire.example": ["10.9.8.7"], "mixed.example": [PUBLIC, "fe80::5"]}
    url = f"http://wire.example:{diverted.port}/story"
    reason = _fetch_error(url, resolver=_resolver(names))
    assert reason == f"refused: wire.example resolves to 10.9.8.7, a private address; {HINT}"
    url = f"http://mixed.example:{diverted.port}/story"
    reason = _fetch_error(url, resolver=_resolver(names))
    assert reason == f"refused: mixed.example resolves to fe80::5, a link-local address; {HINT}"
    assert diverted.connected == []  # refused before any connection


def test_the_connection_goes_to_the_address_checked(diverted: Diverted) -> None:
    """DNS rebinding: a second answer (private) is never asked for, nor used."""
    answers = iter([[PUBLIC], ["127.0.0.1"]])
    calls: list[str] = []

    def rebinding(host: str, port: int) -> Sequence[str]:
        calls.append(host)
        return next(answers)

    url = f"http://news.example:{diverted.port}/host"
    with Fetcher(max_bytes=100_000, timeout=5, resolver=rebinding) as fetcher:
        fetched = fetcher.fetch(url)
    assert calls == ["news.example"] and diverted.connected == [PUBLIC]
    # The request kept its name: in the Host header, and in the URL reported.
    assert f"asked for as news.example:{diverted.port} today" in fetched.body.decode()
    assert fetched.url == url


@pytest.mark.parametrize(
    ("location", "reason"),
    [
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address"),
        ("http://[::ffff:a9fe:a9fe]/", "::ffff:a9fe:a9fe is a link-local address"),
        ("http://[fd00::1]:8080/", "fd00::1 is a private address"),
        ("/../", None),  # the same public host: fetched
        (
            "http://intranet.example/wiki",
            "intranet.example resolves to 192.168.3.4, a private address",
        ),
        ("file:///etc/passwd", "a redirect to a file URL (only http and https)"),
    ],
)
def test_every_redirect_is_checked(diverted: Diverted, location: str, reason: str | None) -> None:
    names = {"wire.example": [PUBLIC], "intranet.example": ["192.168.3.4"]}
    diverted.routes["/moved"] = redirect(location)
    diverted.routes["/"] = ROUTES["/story"]
    url = f"http://wire.example:{diverted.port}/moved"
    if reason is None:
        with Fetcher(max_bytes=100_000, timeout=5, resolver=_resolver(names)) as fetcher:
            assert b"rebuild the pier" in fetcher.fetch(url).body
    else:
        via = f" (redirected to {location})" if location.startswith("http") else ""
        expected = f"refused: {reason}" + ("" if "URL" in reason else f"{via}; {HINT}")
        assert _fetch_error(url, resolver=_resolver(names)) == expected
    # The redirect's target was never connected to (the server closes each connection).
    assert set(diverted.connected) == {PUBLIC} and len(diverted.connected) == 1 + (reason is None)


def test_redirects_are_bounded(diverted: Diverted) -> None:
    diverted.routes["/loop"] = redirect("/loop")
    url = f"http://wire.example:{diverted.port}/loop"
    reason = _fetch_error(url, resolver=_resolver({"wire.example": [PUBLIC]}))
    assert reason == "more than 5 redirects"


def test_https_keeps_the_name_for_sni_and_the_certificate(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Connected to the address checked, TLS still verifies the certificate of the name."""
    trustme = pytest.importorskip("trustme")
    authority = trustme.CA()
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    authority.issue_cert("wire.example").configure_cert(server_context)
    names: list[str | None] = []
    server_context.sni_callback = lambda _socket, name, _context: names.append(name)  # type: ignore[assignment,misc,return-value]
    client_context = ssl.create_default_context()
    authority.configure_trust(client_context)
    resolver = _resolver({"wire.example": ["127.0.0.1"], "other.example": ["127.0.0.1"]})
    with serve(dict(ROUTES), tls=server_context) as base:
        port = base.rsplit(":", 1)[1]
        with Fetcher(
            max_bytes=100_000,
            timeout=5,
            allow_private_hosts=True,
            resolver=resolver,
            ssl_context=client_context,
        ) as fetcher:
            fetched = fetcher.fetch(f"https://wire.example:{port}/story")
            with pytest.raises(SourceError, match="CERTIFICATE_VERIFY_FAILED"):
                fetcher.fetch(f"https://other.example:{port}/story")
    assert b"rebuild the pier" in fetched.body
    assert names[:2] == ["wire.example", "other.example"]
