"""A tiny HTTP server on 127.0.0.1 for URL tests: the internet is never touched.

Routes map a path to ``(status, content type, body)`` or to a callable that
handles the request itself (a slow endpoint, a redirect).
"""

from __future__ import annotations

import ssl
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Route = tuple[int, str, bytes] | Callable[[BaseHTTPRequestHandler], None]


@contextmanager
def serve(routes: dict[str, Route], tls: ssl.SSLContext | None = None) -> Iterator[str]:
    """Serve ``routes`` in a thread; yields the base URL (``http://127.0.0.1:PORT``).

    With ``tls`` (a server context), HTTPS: the base URL is ``https://127.0.0.1:PORT``.
    """

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            route = routes.get(self.path)
            if route is None:
                route = (404, "text/html", b"<html><body><h1>Not found</h1></body></html>")
            if callable(route):
                route(self)
                return
            status, content_type, body = route
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    class Server(ThreadingHTTPServer):
        def handle_error(self, request: object, client_address: object) -> None:
            pass  # a client refusing our certificate is what some tests expect

    server = Server(("127.0.0.1", 0), Handler)
    if tls is not None:
        server.socket = tls.wrap_socket(server.socket, server_side=True)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        scheme = "https" if tls else "http"
        yield f"{scheme}://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def slow(seconds: float) -> Callable[[BaseHTTPRequestHandler], None]:
    """A handler that answers only after ``seconds``."""
    stop = threading.Event()

    def handle(request: BaseHTTPRequestHandler) -> None:
        stop.wait(seconds)
        try:
            request.send_response(200)
            request.send_header("Content-Type", "text/plain")
            request.end_headers()
            request.wfile.write(b"too late")
        except OSError:
            pass

    return handle


def redirect(location: str) -> Callable[[BaseHTTPRequestHandler], None]:
    def handle(request: BaseHTTPRequestHandler) -> None:
        request.send_response(302)
        request.send_header("Location", location)
        request.send_header("Content-Length", "0")
        request.end_headers()

    return handle


def echo_host(request: BaseHTTPRequestHandler) -> None:
    """A page whose text names the Host header it was asked for."""
    body = f"<html><body><p>The page was asked for as {request.headers['Host']} today.</p></body></html>"
    data = body.encode()
    request.send_response(200)
    request.send_header("Content-Type", "text/html; charset=utf-8")
    request.send_header("Content-Length", str(len(data)))
    request.end_headers()
    request.wfile.write(data)
