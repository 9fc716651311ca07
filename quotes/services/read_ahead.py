"""Reading sources in a thread of their own, a few items ahead of their consumer.

The importer commits new articles in groups. Reading the next article can
block for as long as its source likes (a pipe on stdin that a feed writes to
now and then, a slow URL); the articles already read must not wait for it.
So the sources are read in a thread, and the consumer, while it waits for
the next item, is told when it has waited long enough (``IDLE``) to store
what it holds. The thread also reads and decodes while the consumer writes.

Memory stays bounded: at most ``depth`` items wait in the queue.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Final, Generic, TypeVar

T = TypeVar("T")


class Idle:
    def __repr__(self) -> str:
        return "IDLE"


IDLE: Final = Idle()
_END: Final = object()


@dataclass(frozen=True)
class _Failure:
    error: BaseException


class ReadAhead(Generic[T]):
    """``items`` read in a daemon thread; iterate with ``wait``, then ``close``."""

    def __init__(self, items: Iterable[T], depth: int = 8) -> None:
        self._queue: queue.Queue[object] = queue.Queue(maxsize=depth)
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._read, args=(iter(items),), name="quotes-read-ahead", daemon=True
        )
        self._thread.start()

    def wait(self, patience: Callable[[], float | None]) -> Iterator[T | Idle]:
        """The items in order; ``IDLE`` whenever ``patience()`` seconds pass without one.

        ``patience()`` is asked before each wait; None waits as long as it takes.
        An exception raised while reading is raised here.
        """
        while True:
            seconds = patience()
            try:
                item = self._queue.get(timeout=None if seconds is None else max(seconds, 0.0))
            except queue.Empty:
                yield IDLE
                continue
            if item is _END:
                return
            if isinstance(item, _Failure):
                raise item.error
            yield item  # type: ignore[misc]

    def close(self) -> None:
        """Stop reading. A read blocked in its source ends with the process."""
        self._stop.set()

    def _read(self, items: Iterator[T]) -> None:
        try:
            for item in items:
                if not self._put(item):
                    return
            self._put(_END)
        except BaseException as exc:  # handed to the consumer, whatever it is
            self._put(_Failure(exc))
        finally:
            close = getattr(items, "close", None)
            if close is not None:
                close()

    def _put(self, item: object) -> bool:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False
