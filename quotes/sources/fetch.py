"""Fetching articles by URL: bounded in time and size, public addresses only.

One ``Fetcher`` (one connection pool) serves a whole run. A slow server, a
refused connection, an HTTP error status, a body over the size limit or an
address that is not public (``addresses``) each become one ``SourceError``
naming the URL.

The address check cannot be got around:

- It is made where the connection is opened (``_PinnedBackend``): the host
  name is resolved once, every address checked, and the socket connected to
  a checked address, so a DNS answer that changes between the check and the
  connection (DNS rebinding) changes nothing. The URL keeps its host name,
  so the Host header, TLS SNI and certificate verification are the name's.
- Redirects are followed here, a few at most, each to http(s) only, and each
  new host is checked as it is connected to.
- No proxy from the environment is used: a proxy would resolve names itself.

``allow_private_hosts`` lifts the check (a newsroom's intranet), nothing else.
"""

from __future__ import annotations

import ssl
import time
import typing
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import TracebackType

import httpcore
import httpx

from quotes import __version__
from quotes.errors import SourceError
from quotes.sources.addresses import Refused, Resolver, checked_addresses, resolve

DEFAULT_TIMEOUT = 20.0
MAX_REDIRECTS = 5
USER_AGENT = f"quotes/{__version__} (quote attribution for fact-checkers)"


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    body: bytes
    content_type: str | None
    charset: str | None


class Fetcher:
    """An HTTP client for one run; close it (or use it as a context manager) when done.

    ``resolver`` and ``ssl_context`` are the system's resolver and the
    default certificate store unless given (tests give their own).
    """

    def __init__(
        self,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        max_bytes: int,
        allow_private_hosts: bool = False,
        resolver: Resolver = resolve,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        self.max_bytes = max_bytes
        self.timeout = timeout
        backend = _PinnedBackend(resolver, allow_private=allow_private_hosts)
        self._client = httpx.Client(
            transport=_PinnedTransport(backend, ssl_context or httpx.create_ssl_context()),
            timeout=httpx.Timeout(timeout),
            follow_redirects=False,
            trust_env=False,
            headers={"User-Agent": USER_AGENT},
        )

    def fetch(self, url: str) -> Fetched:
        # httpx's timeout is per read; a server trickling bytes is bounded here.
        deadline = time.monotonic() + self.timeout
        try:
            with self._get(url) as response:
                if response.status_code >= 400:
                    reason = response.reason_phrase or "error"
                    raise SourceError(url, f"HTTP {response.status_code} {reason}")
                declared = response.headers.get("Content-Length", "")
                if declared.isdigit() and int(declared) > self.max_bytes:
                    raise SourceError(url, _too_large(int(declared), self.max_bytes))
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise SourceError(url, _too_large(size, self.max_bytes, more=True))
                    chunks.append(chunk)
                    if time.monotonic() > deadline:
                        raise httpx.ReadTimeout("deadline")
                content_type = response.headers.get("Content-Type")
                return Fetched(
                    url=str(response.url),
                    body=b"".join(chunks),
                    content_type=content_type,
                    charset=response.charset_encoding,
                )
        except Refused as exc:
            raise SourceError(url, str(exc)) from None
        except httpx.TimeoutException:
            raise SourceError(url, "timed out") from None
        except httpx.InvalidURL as exc:
            raise SourceError(url, f"invalid URL ({exc})") from None
        except httpx.HTTPError as exc:
            raise SourceError(url, f"cannot fetch ({type(exc).__name__}: {exc})") from None

    @contextmanager
    def _get(self, url: str) -> Iterator[httpx.Response]:
        """The response at the end of ``url``'s redirects, its body not read yet."""
        request = self._client.build_request("GET", url)
        if request.url.scheme not in ("http", "https"):
            raise SourceError(url, f"refused: a {request.url.scheme} URL (only http and https)")
        for hop in range(MAX_REDIRECTS + 1):
            try:
                response = self._client.send(request, stream=True)
            except Refused as exc:
                if hop:
                    raise Refused(exc.what, redirect=str(request.url)) from None
                raise
            if response.next_request is None:
                try:
                    yield response
                finally:
                    response.close()
                return
            response.close()
            request = response.next_request
            if request.url.scheme not in ("http", "https"):
                reason = f"refused: a redirect to a {request.url.scheme} URL (only http and https)"
                raise SourceError(url, reason)
        raise SourceError(url, f"more than {MAX_REDIRECTS} redirects")

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def _too_large(size: int, limit: int, *, more: bool = False) -> str:
    over = "more than " if more else ""
    return f"larger than --max-bytes ({over}{format_size(size)} > {format_size(limit)})"


def format_size(size: int) -> str:
    if size < 1000:
        return f"{size} bytes"
    if size < 1_000_000:
        return f"{size / 1000:.1f} kB"
    return f"{size / 1_000_000:.1f} MB"


class _PinnedBackend(httpcore.SyncBackend):
    """Connects to a checked address of a host, never to a fresh answer of the resolver."""

    def __init__(self, resolver: Resolver, *, allow_private: bool) -> None:
        self._resolver = resolver
        self._allow_private = allow_private

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        try:
            addresses = checked_addresses(
                host, port, resolver=self._resolver, allow_private=self._allow_private
            )
        except OSError as exc:
            raise httpcore.ConnectError(f"{host}: {exc.strerror or exc}") from None
        error: Exception = httpcore.ConnectError(f"{host}: no address")
        for address in addresses:  # the next one if an address cannot be reached
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as exc:
                error = exc
        raise error


class _PinnedTransport(httpx.HTTPTransport):
    """httpx's transport over a connection pool whose connections ``_PinnedBackend`` opens.

    httpx has no parameter for a network backend; its pool is replaced by an
    equal one that has it (no proxy: see the module's notes).
    """

    def __init__(self, backend: _PinnedBackend, ssl_context: ssl.SSLContext) -> None:
        super().__init__(verify=ssl_context, trust_env=False)
        self._pool = httpcore.ConnectionPool(
            ssl_context=ssl_context,
            max_keepalive_connections=20,  # httpx's defaults
            keepalive_expiry=5.0,
            network_backend=backend,
        )
