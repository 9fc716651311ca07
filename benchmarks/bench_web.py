"""Server time of the web app's pages on a large database, under concurrent clients.

    python benchmarks/bench_web.py --db /tmp/latency.db        # SQLite, filled if new
    python benchmarks/bench_web.py --postgres postgresql://postgres@127.0.0.1/big
    python benchmarks/bench_web.py --db /tmp/latency.db -n 100000 --clients 8 --requests 100
    python benchmarks/bench_web.py --db /tmp/latency.db --workers 1 --clients 1

The database is the search benchmark's (``bench_search_latency.py``: N
synthetic statements of 2,000 speakers; filled here if empty, so both
benchmarks can share one file). The server is started as ``quotes serve
--workers N`` starts it (uvicorn, one process per worker; by default as many
as ``quotes serve`` starts, one per core), each worker's application wrapped
so that every response says how long the server spent on it (a
``Server-Timing`` header); ``--clients`` threads then request, interleaved,
the search page (word queries and misremembered wordings), statement pages,
speaker pages (with the timeline SVG) and the timeline API. Prints p50/p95
server time and the p95 the client saw (which adds the wait for a free worker)
per kind, and the CPU time the server's processes spent a request (read from
/proc: meaningful however busy the machine is; a PostgreSQL server's own
processes are not in it). Targets at 1,000,000 statements, 8 clients: p95
under 100 ms on SQLite and 150 ms on PostgreSQL.

The synthetic statements have no quotes or articles, so a statement page
lists no appearances: its time is that of the page around them.
"""

from __future__ import annotations

import argparse
import os
import queue
import random
import socket
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx
from bench_search_latency import fill, percentile, queries
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from quotes.storage.database import open_database
from quotes.storage.models import Speaker, Statement
from quotes.web.app import default_workers


class Timed:
    """An ASGI wrapper that adds ``Server-Timing: app;dur=MS`` to each response."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        held: list[Any] = []

        async def timed_send(message: Any) -> None:
            # The body is held back until it is complete, so that the time covers it.
            if message["type"] == "http.response.start":
                held.append(message)
                return
            if message["type"] == "http.response.body" and not message.get("more_body"):
                start = held.pop() if held else None
                if start is not None:
                    elapsed = (time.perf_counter() - started) * 1000
                    start["headers"] = [
                        *start.get("headers", []),
                        (b"server-timing", f"app;dur={elapsed:.2f}".encode()),
                    ]
                    await send(start)
            elif held:
                await send(held.pop())
            await send(message)

        await self.app(scope, receive, timed_send)


def timed_app() -> Timed:
    """What each worker of ``quotes serve --workers`` runs, with the timing header."""
    from quotes.web.app import app_from_environment

    return Timed(app_from_environment())


def serve(url: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    """``quotes serve --workers N`` as the command starts it (uvicorn, the app
    factory, the database named in the environment), but each app timed."""
    from quotes.web.app import SERVE_DATABASE, SERVE_EDIT

    command = [sys.executable, "-m", "uvicorn", "bench_web:timed_app", "--factory"]
    command += ["--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)]
    command += ["--log-level", "warning"]
    environment = {**os.environ, SERVE_DATABASE: url, SERVE_EDIT: ""}
    return subprocess.Popen(command, cwd=Path(__file__).parent, env=environment)


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of the process ``pid`` and its live children (uvicorn's
    workers), from /proc: what the server spent, however busy the machine is."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        # fields[1] is the parent's pid; [11], [12] are utime and stime.
        if stat.parent.name == str(pid) or fields[1] == str(pid):
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def plan(url: str, requests: int, seed: int) -> list[tuple[str, str]]:
    """(kind, path) for each request, the kinds interleaved."""
    database = open_database(make_url(url))
    rng = random.Random(seed)
    word, fuzzy = queries(database, requests // 2 + 1, seed)
    with database.session(read_only=True) as session:
        highest = session.scalar(select(func.max(Statement.id))) or 1
        speakers = list(session.scalars(select(Speaker.id)))
    database.close()
    searches = [q for pair in zip(word, (f for f, _ in fuzzy), strict=False) for q in pair]
    kinds: dict[str, list[str]] = {
        "search": ["/search?" + urlencode({"q": q}) for q in searches[:requests]],
        "statement": [f"/statements/{rng.randint(1, highest)}" for _ in range(requests)],
        "speaker": [f"/speakers/{rng.choice(speakers)}" for _ in range(requests)],
        "timeline": [
            "/api/timeline?" + urlencode({"speaker": rng.choice(speakers)}) for _ in range(requests)
        ],
    }
    return [(kind, paths[i]) for i in range(requests) for kind, paths in kinds.items()]


def run(url: str, clients: int, requests: int, seed: int, workers: int) -> None:
    todo = plan(url, requests, seed)
    port = free_port()
    server = serve(url, port, workers)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(base + "/", timeout=5)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        with httpx.Client(base_url=base, timeout=60) as warm:
            for _, path in todo[:20]:  # the page cache and the templates
                warm.get(path)
        work: queue.Queue[tuple[str, str]] = queue.Queue()
        for item in todo:
            work.put(item)
        server_ms: dict[str, list[float]] = defaultdict(list)
        client_ms: dict[str, list[float]] = defaultdict(list)
        failures: list[str] = []
        lock = threading.Lock()

        def client() -> None:
            with httpx.Client(base_url=base, timeout=60) as http:
                while True:
                    try:
                        kind, path = work.get_nowait()
                    except queue.Empty:
                        return
                    started = time.perf_counter()
                    response = http.get(path)
                    seen = (time.perf_counter() - started) * 1000
                    timing = response.headers.get("server-timing", "app;dur=nan")
                    with lock:
                        if response.status_code != 200:
                            failures.append(f"{response.status_code} {path}")
                        server_ms[kind].append(float(timing.split("dur=")[1]))
                        client_ms[kind].append(seen)

        cpu_before = cpu_seconds(server.pid)
        started = time.perf_counter()
        threads = [threading.Thread(target=client) for _ in range(clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - started
        cpu = cpu_seconds(server.pid) - cpu_before
    finally:
        server.terminate()
        server.wait(10)
    print(
        f"{len(todo)} requests, {clients} clients, {workers} workers, "
        f"{wall:.1f} s ({len(todo) / wall:.1f}/s); "
        f"server CPU {cpu:.1f} s, {cpu / len(todo) * 1000:.1f} ms a request; "
        f"load {os.getloadavg()[0]:.1f}"
    )
    for kind in ("search", "statement", "speaker", "timeline"):
        times, seen = server_ms[kind], client_ms[kind]
        print(
            f"{kind:9} n={len(times):4}  server p50 {percentile(times, 0.5):6.1f} ms  "
            f"p95 {percentile(times, 0.95):6.1f} ms  max {max(times):6.1f} ms   "
            f"client p95 {percentile(seen, 0.95):6.1f} ms"
        )
    if failures:
        print(f"{len(failures)} failed requests, e.g. {failures[:3]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--db", help="SQLite file (filled if new)")
    where.add_argument("--postgres", metavar="URL", help="a PostgreSQL database (filled if empty)")
    parser.add_argument("-n", "--statements", type=int, default=1_000_000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=100, help="of each kind")
    parser.add_argument(
        "--workers",
        type=int,
        default=default_workers(),
        help="quotes serve --workers (default: as quotes serve, one per core)",
    )
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    url = args.postgres or f"sqlite:///{args.db}"
    database = open_database(make_url(url))
    with database.session() as session:
        empty = session.scalar(select(Statement.id).limit(1)) is None
    if empty:
        fill(database, args.statements, args.seed)
    database.close()
    run(url, args.clients, args.requests, args.seed, args.workers)


if __name__ == "__main__":
    main()
