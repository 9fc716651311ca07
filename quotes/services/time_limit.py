"""A limit on the wall-clock time of a block of pure Python work.

Extraction is pure Python and linear in the article's length, but an import
of 100,000 files must not stall on one article whatever it holds: the
importer runs each extraction under ``time_limit``. The limit is an interval
timer whose signal raises ``TimeLimitExceeded`` in the running code, so the
work stops where it is, without a second process per article. Python
delivers signals to the main thread only: elsewhere (a web server's worker
thread) the block runs without a limit.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class TimeLimitExceeded(Exception):
    """The block ran longer than its limit."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"took longer than {seconds:g} s")
        self.seconds = seconds


def can_limit() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise ``TimeLimitExceeded`` inside the block if it runs ``seconds`` or more.

    None (or 0) is no limit; so is a thread other than the main one.
    """
    if not seconds or not can_limit():
        yield
        return

    def expired(_signum: int, _frame: FrameType | None) -> None:
        raise TimeLimitExceeded(seconds)

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
