"""Has anyone but this connection written to the database since its last transaction?

An import keeps what it has read (the candidate statements of its speakers)
from one transaction to the next, which is only sound while nothing else
writes. ``SoleWriter.check`` answers that at the start of each write
transaction. It may answer "no" when nothing relevant was written (then the
caller reads again, as if it kept nothing); it never answers "yes" wrongly.

- SQLite: ``PRAGMA data_version`` changes when another connection commits,
  never for the connection's own commits. Read inside ``BEGIN IMMEDIATE``,
  when no one else can commit until this transaction does.
- PostgreSQL: transaction ids are handed out one after another, cluster
  wide. If this transaction's id follows the previous one's directly, no one
  else began writing in between; and if no other transaction was in progress
  when the previous one began, none older can commit later either. Writes in
  other databases of the cluster (and autovacuum's ANALYZE) also take ids;
  they only cost a re-read.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

_PG_XID = text("SELECT pg_current_xact_id()::text")
# The oldest transaction id still running, once ours has one: ours when no
# older one runs. (A snapshot's list of running ids leaves out those above
# its xmax, so it can look empty while an older writer is still at work.)
_PG_OLDEST = text("SELECT pg_snapshot_xmin(pg_current_snapshot())::text")
# One past the newest transaction id that has ended (committed or not).
_PG_ENDED = text("SELECT pg_snapshot_xmax(pg_current_snapshot())::text")


class SoleWriter:
    """Call ``check`` first thing in every write transaction of one connection."""

    def __init__(self) -> None:
        self._mark: int | None = None
        # PostgreSQL: no other writer was in progress when the previous transaction began.
        self._alone = False
        # PostgreSQL: ... nor when this one did.
        self._alone_now = False

    def check(self, connection: Connection) -> bool:
        """True when no one else has written since this connection's previous ``check``.

        The first call, and any call after ``forget``, answers False.
        """
        if connection.dialect.name == "postgresql":
            return self._check_postgresql(connection)
        version = int(connection.exec_driver_sql("PRAGMA data_version").scalar_one())
        sole = version == self._mark
        self._mark = version
        return sole

    def still(self, connection: Connection) -> bool:
        """Later in a transaction that ``check`` vouched for: has no one else
        committed since? (On PostgreSQL another importer may commit between
        ``check`` and the moment this transaction holds its locks.)"""
        if connection.dialect.name != "postgresql":
            return True  # BEGIN IMMEDIATE: no one else commits until we do
        ended = int(connection.execute(_PG_ENDED).scalar_one())
        # Ours has not ended: a newer id that ended puts the horizon past it.
        return self._alone_now and self._mark is not None and ended <= self._mark + 1

    def forget(self) -> None:
        """The next ``check`` answers False (the transaction that followed it rolled back)."""
        self._mark = None
        self._alone = self._alone_now = False

    def _check_postgresql(self, connection: Connection) -> bool:
        xid = int(connection.execute(_PG_XID).scalar_one())
        oldest = int(connection.execute(_PG_OLDEST).scalar_one())
        sole = self._alone and self._mark is not None and xid == self._mark + 1
        self._mark, self._alone = xid, oldest == xid
        self._alone_now = self._alone
        return sole
