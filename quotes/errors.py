"""Errors that the CLI turns into one clear line and a non-zero exit.

Anything a user can cause (a bad path, a file that is not a database, an
unreachable server, unreadable input) is raised as a ``QuotesError`` whose
message names the thing at fault; tracebacks are for bugs only.
"""


class QuotesError(Exception):
    """A problem the user can fix; its message is shown as it is."""


class DatabaseError(QuotesError):
    """The database cannot be opened, created or upgraded."""


class SourceError(QuotesError):
    """One input (file, URL, JSON line) cannot be read as an article."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class NotFoundError(QuotesError):
    """A speaker, statement or topic named by the user does not exist."""
