"""A limit on the CPU time of a block of pure Python work.

Extraction is pure Python and linear in the article's length, but an import
of 100,000 files must not stall on one article whatever it holds: the
importer runs each extraction under ``time_limit``. The limit is an interval
timer whose signal raises ``TimeLimitExceeded`` in the running code, so the
work stops where it is, without a second process per article. It counts the
process's CPU time, not the clock's: on a busy machine an article is not
failed for the time other programs took. Python delivers signals to the main
thread only: elsewhere (a web server's worker thread) the block runs without
a limit.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

_AGAIN = 0.1


class TimeLimitExceeded(BaseException):
    """The block used more CPU time than its limit.

    A BaseException, as KeyboardInterrupt is: code that catches Exception
    around what it calls must not swallow it and carry on.
    """

    def __init__(self, seconds: float) -> None:
        super().__init__(f"took longer than {seconds:g} s of CPU time")
        self.seconds = seconds


def can_limit() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise ``TimeLimitExceeded`` inside the block once it has used ``seconds`` of CPU.

    None (or 0) is no limit; so is a thread other than the main one.
    """
    if not seconds or not can_limit():
        yield
        return

    def expired(_signum: int, _frame: FrameType | None) -> None:
        raise TimeLimitExceeded(seconds)

    previous = signal.signal(signal.SIGVTALRM, expired)
    # Then again every tenth of a second: a signal handled where Python ignores
    # exceptions (a finaliser, a weakref callback) must not end the limit.
    signal.setitimer(signal.ITIMER_VIRTUAL, seconds, _AGAIN)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        signal.signal(signal.SIGVTALRM, previous)
