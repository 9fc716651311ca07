"""Fetching articles by URL: bounded in time and size, never the whole internet.

One ``Fetcher`` (one connection pool) serves a whole run. Redirects are
followed (a few); a slow server, a refused connection, an HTTP error status
or a body over the size limit each become one ``SourceError`` naming the URL.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from types import TracebackType

import httpx

from quotes import __version__
from quotes.errors import SourceError

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
    """An HTTP client for one run; close it (or use it as a context manager) when done."""

    def __init__(self, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.timeout = timeout
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout),
            follow_redirects=True,
            max_redirects=MAX_REDIRECTS,
            headers={"User-Agent": USER_AGENT},
        )

    def fetch(self, url: str) -> Fetched:
        # httpx's timeout is per read; a server trickling bytes is bounded here.
        deadline = time.monotonic() + self.timeout
        try:
            with self._client.stream("GET", url) as response:
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
        except httpx.TimeoutException:
            raise SourceError(url, "timed out") from None
        except httpx.TooManyRedirects:
            raise SourceError(url, f"more than {MAX_REDIRECTS} redirects") from None
        except httpx.InvalidURL as exc:
            raise SourceError(url, f"invalid URL ({exc})") from None
        except httpx.HTTPError as exc:
            raise SourceError(url, f"cannot fetch ({type(exc).__name__}: {exc})") from None

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
