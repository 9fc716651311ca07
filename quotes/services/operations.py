"""The change log as the library offers it: list operations, undo one by id.

Operations are recorded by ``quotes.storage.operations``; automatic joins on
import stay in the merge log. Every entry of the log has one ``id``, a string,
which ``undo`` takes: "12" for operation 12, "m34" for merge-log row 34 (see
``schema.OperationJSON``).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from quotes.errors import QuotesError
from quotes.services.authority import undo_load
from quotes.services.merge_undo import follow_names_back
from quotes.services.merging import undo_merge
from quotes.services.schema import OperationJSON
from quotes.services.speaker_directory import forget_directory
from quotes.services.statements import merge_json, operation_json
from quotes.storage.models import Operation
from quotes.storage.operations import Logged, get_operation, list_operations, undo_operation


def change_log(
    session: Session,
    *,
    speaker_id: int | None = None,
    since: dt.date | None = None,
    limit: int | None = None,
) -> list[OperationJSON]:
    """Operations (and automatic joins), newest first, in the schema's operation fields."""
    return [
        operation_json(entry) if isinstance(entry, Operation) else merge_json(entry)
        for entry in list_operations(session, speaker_id=speaker_id, since=since, limit=limit)
    ]


def undo(session: Session, reference: str) -> str:
    """Undo a log entry by its ``id``: an operation ("12") or an automatic join
    ("m34"); says what was done."""
    ref = reference.strip().lower()
    if ref.startswith("m") and ref[1:].isdigit():
        return undo_merge(session, int(ref[1:]))
    if not ref.isdigit():
        raise QuotesError(f"{reference!r} is not an operation id (a number, or m<number>)")
    done = _undo(session, int(ref))
    forget_directory(session)
    return f"operation {done.operation_id}: {done.summary}"


def _undo(session: Session, operation_id: int) -> Logged:
    """An authority load keeps a compact record of its own and is undone by it; every
    other operation by its row images."""
    done = get_operation(session, operation_id)
    if done.undone_at is None and (done.action, done.entity) == ("load", "authority"):
        return undo_load(session, done)
    if done.undone_at is None and (done.action, done.entity) == ("undo", "authority"):
        raise QuotesError(
            f"operation {operation_id} undid an authority load: load the file again instead"
        )
    if done.undone_at is None and (done.action, done.entity) == ("merge", "speaker"):
        # What an import filed since by the names the merge moved goes back with them.
        return undo_operation(session, operation_id, follow=follow_names_back)
    return undo_operation(session, operation_id)
