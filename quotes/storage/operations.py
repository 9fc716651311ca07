"""The change log: one recorder for every correction, and undo by row images.

An operation (a speaker merge, a dedupe, a review decision ...) opens a
``Recorder`` and tells it, before changing anything, which rows it may touch
(``watch``: a table and a condition, or ``watch_keys``: a table and primary
keys). The recorder reads their images then, and again when the operation
ends: the rows that differ are stored in ``operation_rows`` with their image
before (NULL: the operation inserted it) and after (NULL: it deleted it).
ORM writes and the driver-level bulk writes of ``quotes dedupe`` are recorded
alike, because the recorder reads the rows, not the statements that wrote them.

Undo restores the before images: deleted rows come back with their ids,
changed rows get their old values, inserted rows go. It is refused when a row
is no longer as the operation left it (a later change touched it), naming the
later operation to undo first: an undo never writes over someone's later work.

A row the operation changed outside what it declared would be lost to undo;
rows that appear at the end within the declared conditions but existed before
without being read raise ``ScopeError`` (a bug), and the operation is rolled back.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from sqlalchemy import (
    JSON,
    ColumnElement,
    Connection,
    Date,
    DateTime,
    Select,
    Table,
    delete,
    func,
    insert,
    literal_column,
    or_,
    select,
    tuple_,
    update,
)
from sqlalchemy import Enum as EnumType
from sqlalchemy.orm import Session

from quotes.errors import NotFoundError, QuotesError
from quotes.extract.model import SpeakerKind
from quotes.storage.bulk import chunked, table_of
from quotes.storage.locks import BODY_IDENTITY, identity_lock, lock_all
from quotes.storage.models import (
    Actor,
    Base,
    MergeEntity,
    MergeLog,
    MergeSuggestion,
    Operation,
    OperationRow,
    OperationSpeaker,
    Quote,
    Speaker,
    SpeakerAlias,
    SpeakerLink,
    SpeakerRole,
    Statement,
    StatementStance,
    StatementTopic,
    Topic,
    utcnow,
)

# The tables corrections change, parents before children (the order rows are
# re-inserted in; deletes run the other way).
TRACKED: tuple[type[Base], ...] = (
    Speaker,
    SpeakerAlias,
    SpeakerRole,
    SpeakerLink,
    Topic,
    Statement,
    Quote,
    StatementTopic,
    StatementStance,
    MergeSuggestion,
    MergeLog,
)
_TABLES: dict[str, Table] = {table_of(model).name: table_of(model) for model in TRACKED}
# Rows of these can be dropped before parents are restored: nothing refers to them.
_LEAVES = (
    "speaker_aliases",
    "speaker_links",
    "speaker_roles",
    "statement_topics",
    "statement_stances",
    "merge_suggestions",
    "merge_log",
)
_SPEAKER_TABLES = ("quotes", "statements", "speaker_aliases", "speaker_roles")
_CHUNK = 500
_RECORDER = "quotes.recorder"
_WHO = "quotes.who"

Key = tuple[Any, ...]
Image = dict[str, Any]


class ScopeError(RuntimeError):
    """An operation changed a row it had not declared: a bug, never the user's doing."""


def default_who() -> str:
    """The OS user, for commands run without ``--by`` or ``QUOTES_USER``."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def acting_as(session: Session, who: str | None) -> None:
    """Name the person whose changes this session makes (the CLI's ``--by``, the web's user)."""
    session.info[_WHO] = who


def who_of(session: Session) -> str:
    who = session.info.get(_WHO)
    return str(who) if who else default_who()


def _table(model: type[Base] | Table) -> Table:
    return model if isinstance(model, Table) else table_of(model)


def _key(table: Table, row: Any) -> Key:
    return tuple(row._mapping[c.name] for c in table.primary_key.columns)


def _dump(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def _image(table: Table, row: Any) -> Image:
    return {c.name: _dump(row._mapping[c.name]) for c in table.columns}


def _load(table: Table, image: Image) -> dict[str, Any]:
    """An image back into values the column types take."""
    values: dict[str, Any] = {}
    for column in table.columns:
        if column.name not in image:
            continue
        value = image[column.name]
        kind = column.type
        if value is not None and not isinstance(kind, JSON):
            if isinstance(kind, DateTime):
                value = dt.datetime.fromisoformat(value)
            elif isinstance(kind, Date):
                value = dt.date.fromisoformat(value)
            elif isinstance(kind, EnumType) and kind.enum_class is not None:
                value = kind.enum_class(value)
        values[column.name] = value
    return values


def _has_id(table: Table) -> bool:
    return "id" in table.c and list(table.primary_key.columns) == [table.c.id]


def _by_keys(
    session: Session,
    table: Table,
    keys: Iterable[Key],
    *,
    lock: bool = False,
    mine: set[Key] | None = None,
) -> dict[Key, Image]:
    """The current images of these rows (absent rows left out); ``lock``: FOR UPDATE;
    ``mine`` collects the keys of the rows this transaction wrote (PostgreSQL)."""
    found: dict[Key, Image] = {}
    pk = list(table.primary_key.columns)
    connection = session.connection()
    written = _written_here(connection, table) if mine is not None else None
    for chunk in chunked(sorted(set(keys)), _CHUNK):
        condition = (
            pk[0].in_([k[0] for k in chunk]) if len(pk) == 1 else tuple_(*pk).in_(list(chunk))
        )
        query = select(table).where(condition)
        if written is not None:
            query = query.add_columns(written)
        if lock:
            query = query.with_for_update()
        for row in connection.execute(query):
            key = _key(table, row)
            found[key] = _image(table, row)
            if mine is not None and written is not None and row._mapping["quotes_written_here"]:
                mine.add(key)
    return found


def _written_here(connection: Connection, table: Table) -> ColumnElement[bool] | None:
    """On PostgreSQL, whether a row was last written by this transaction."""
    if connection.dialect.name != "postgresql":
        return None
    return (
        literal_column(f"{table.name}.xmin") == literal_column("pg_current_xact_id()::xid")
    ).label("quotes_written_here")


@dataclass
class Change:
    table: str
    key: Key
    before: Image | None
    after: Image | None


@dataclass
class Recorder:
    """Reads the images of the rows an operation declares, before and after."""

    session: Session
    marks: dict[str, int] = field(default_factory=dict)
    before: dict[str, dict[Key, Image | None]] = field(default_factory=dict)
    scopes: dict[str, list[ColumnElement[bool]]] = field(default_factory=dict)

    def start(self) -> None:
        """Note the highest id of every table: rows above it are the operation's own."""
        self.session.flush()
        connection = self.session.connection()
        for name, table in _TABLES.items():
            if _has_id(table):
                self.marks[name] = connection.execute(select(func.max(table.c.id))).scalar() or 0

    def _new(self, table: Table, key: Key) -> bool:
        """A row above the highest id at the start, on SQLite, is the operation's own:
        no one else writes meanwhile. On PostgreSQL an importer may commit rows
        above it too: only those this transaction wrote are the operation's
        (``_is_own``)."""
        return table.name in self.marks and key[0] > self.marks[table.name]

    def _is_own(self, table: Table, key: Key, written_here: bool | None) -> bool:
        return self._new(table, key) and written_here is not False

    def watch(self, model: type[Base] | Table, *where: ColumnElement[bool]) -> None:
        """Rows matching any of ``where`` may change: read them now, and again at the end.

        On PostgreSQL they are locked (FOR UPDATE) until the operation commits, so
        that no one else's change to them is taken for the operation's.
        """
        table = _table(model)
        self.session.flush()
        condition = or_(*where)
        seen = self.before.setdefault(table.name, {})
        connection = self.session.connection()
        written = _written_here(connection, table)
        query = select(table).where(condition)
        if written is not None:
            query = query.add_columns(written)
        for row in connection.execute(query.with_for_update()):
            key = _key(table, row)
            if key not in seen:
                # A row made by this operation already did not exist before it.
                here = bool(row._mapping["quotes_written_here"]) if written is not None else None
                seen[key] = None if self._is_own(table, key, here) else _image(table, row)
        self.scopes.setdefault(table.name, []).append(condition)

    def watch_keys(self, model: type[Base] | Table, keys: Iterable[Key]) -> None:
        """These rows (present or not) may change: read them now, and again at the end."""
        table = _table(model)
        self.session.flush()
        seen = self.before.setdefault(table.name, {})
        wanted = [k for k in set(keys) if k not in seen]
        concurrent = _written_here(self.session.connection(), table) is not None
        mine: set[Key] = set()
        found = _by_keys(
            self.session,
            table,
            # On PostgreSQL a row above the mark may be someone else's: read it too.
            wanted if concurrent else [k for k in wanted if not self._new(table, k)],
            lock=True,
            mine=mine if concurrent else None,
        )
        for key in wanted:
            own = self._is_own(table, key, key in mine) if concurrent else False
            seen[key] = None if own else found.get(key)

    def watch_ids(self, model: type[Base] | Table, ids: Iterable[int]) -> None:
        self.watch_keys(model, ((i,) for i in ids))

    def settle(self, operation_id: int) -> None:
        """Write what the rows read so far became, and forget them (memory stays bounded).

        For an operation that reads its rows batch by batch (a dedupe), where a
        row is changed by one batch only and no declared condition covers it.
        """
        self.session.flush()
        changes: list[Change] = []
        for name, seen in self.before.items():
            if name in self.scopes:
                continue
            after = _by_keys(self.session, _TABLES[name], seen)
            changes += _differences(name, seen, after)
            seen.clear()
        write_changes(self.session, operation_id, changes)

    def finish(self) -> list[Change]:
        """What changed: every declared row whose image differs from the one read first."""
        self.session.flush()
        connection = self.session.connection()
        changes: list[Change] = []
        for name in sorted(set(self.before) | set(self.scopes)):
            table = _TABLES[name]
            seen = self.before.get(name, {})
            after = _by_keys(self.session, table, seen)
            for condition in self.scopes.get(name, []):
                for row in connection.execute(_ours(connection, table, condition)):
                    key = _key(table, row)
                    if key in after or key in seen:
                        continue
                    if _has_id(table) and not self._new(table, key):
                        raise ScopeError(
                            f"{name} {key[0]} was changed by an operation that had not read it"
                        )
                    after[key] = _image(table, row)
            changes += _differences(name, seen, after)
        return changes


def _ours(connection: Connection, table: Table, condition: ColumnElement[bool]) -> Select[Any]:
    """The rows matching ``condition``; on PostgreSQL only those this transaction
    wrote: a row another importer committed meanwhile (READ COMMITTED sees it)
    is not the operation's."""
    query = select(table).where(condition)
    if connection.dialect.name != "postgresql":
        return query
    return query.where(
        literal_column(f"{table.name}.xmin") == literal_column("pg_current_xact_id()::xid")
    )


def _differences(
    name: str, before: dict[Key, Image | None], after: dict[Key, Image]
) -> list[Change]:
    """The rows that differ. A changed speaker, statement or quote keeps only the
    columns that changed (and its speaker): a dedupe moves a million quotes."""
    changes: list[Change] = []
    for key in sorted(set(before) | set(after)):
        old, new = before.get(key), after.get(key)
        if old == new:
            continue
        if old is not None and new is not None and name not in _LEAVES:
            columns = [c for c in old if old[c] != new.get(c) or c == "speaker_id"]
            old = {c: old[c] for c in columns}
            new = {c: new.get(c) for c in columns}
        changes.append(Change(name, key, old, new))
    return changes


def active(session: Session) -> Recorder | None:
    recorder = session.info.get(_RECORDER)
    return recorder if isinstance(recorder, Recorder) else None


@dataclass
class Logged:
    """The operation being recorded; its summary, method and score may be set as it goes."""

    recorder: Recorder
    action: str
    entity: str
    actor: Actor
    summary: str = ""
    method: str | None = None
    score: float | None = None
    speakers: set[int] = field(default_factory=set)
    details: dict[str, Any] | None = None
    operation_id: int | None = None
    nested: bool = False


@contextmanager
def operation(
    session: Session,
    action: str,
    entity: str,
    *,
    actor: Actor = Actor.PERSON,
    method: str | None = None,
    score: float | None = None,
) -> Iterator[Logged]:
    """Record everything done inside as one logged operation.

    Nested inside another operation (a speaker merge runs a dedupe), it adds
    to the outer one: a person's command is one entry in the log.
    """
    outer = active(session)
    if outer is not None:
        yield Logged(outer, action, entity, actor, method=method, score=score, nested=True)
        return
    recorder = Recorder(session)
    recorder.start()
    operations = _table(Operation)
    logged = Logged(recorder, action, entity, actor, method=method, score=score)
    logged.operation_id = (
        session.connection()
        .execute(
            insert(operations).returning(operations.c.id),
            {
                "action": action,
                "entity": entity,
                "actor": actor,
                "who": who_of(session),
                "summary": action,
                "created_at": utcnow(),
            },
        )
        .scalar_one()
    )
    session.info[_RECORDER] = recorder
    try:
        yield logged
        changes = recorder.finish()
    except BaseException:
        # No half-written entry if the caller goes on and commits (it should not).
        with suppress(Exception):
            session.connection().execute(
                delete(operations).where(operations.c.id == logged.operation_id)
            )
        raise
    finally:
        session.info.pop(_RECORDER, None)
    write_changes(session, logged.operation_id, changes)
    session.connection().execute(
        update(operations)
        .where(operations.c.id == logged.operation_id)
        .values(
            method=logged.method,
            score=logged.score,
            summary=logged.summary or action,
            details=logged.details,
        )
    )
    if logged.speakers:
        _add_speakers(session, logged.operation_id, logged.speakers)


def write_changes(session: Session, operation_id: int, changes: list[Change]) -> None:
    """Store the row images of an operation, and the speakers they concern."""
    connection = session.connection()
    rows = [
        {
            "operation_id": operation_id,
            "table_name": change.table,
            "row_key": json.dumps(list(change.key)),
            "before": change.before,
            "after": change.after,
        }
        for change in changes
    ]
    for chunk in chunked(rows, _CHUNK):
        connection.execute(insert(_table(OperationRow)), list(chunk))
    speakers: set[int] = set()
    for change in changes:
        for image in (change.before, change.after):
            if image is None:
                continue
            if change.table == "speakers":
                speakers.add(change.key[0])
            elif change.table in _SPEAKER_TABLES and image.get("speaker_id") is not None:
                speakers.add(image["speaker_id"])
    _add_speakers(session, operation_id, speakers)


def _add_speakers(session: Session, operation_id: int, speakers: set[int]) -> None:
    table = _table(OperationSpeaker)
    known = set(
        session.connection().scalars(
            select(table.c.speaker_id).where(table.c.operation_id == operation_id)
        )
    )
    new = sorted(speakers - known)
    if new:
        session.connection().execute(
            insert(table), [{"operation_id": operation_id, "speaker_id": s} for s in new]
        )


def watch_speakers(
    recorder: Recorder, speaker_ids: Sequence[int], names: Iterable[tuple[str, bool]] = ()
) -> None:
    """Declare everything of these speakers: the speakers, aliases, roles, quotes,
    statements (theirs, and those holding their quotes) and what hangs on those.

    On PostgreSQL the speakers' advisory locks come first (``lock_speakers``),
    with the identity locks of ``names`` the correction gives out or back.
    """
    ids = list(speaker_ids)
    lock_speakers(recorder.session, ids, names)
    quote_ids = select(Quote.id).where(Quote.speaker_id.in_(ids))
    statement_ids = select(Statement.id).where(
        or_(
            Statement.speaker_id.in_(ids),
            Statement.id.in_(select(Quote.statement_id).where(Quote.speaker_id.in_(ids))),
        )
    )
    recorder.watch(Speaker, Speaker.id.in_(ids))
    recorder.watch(SpeakerAlias, SpeakerAlias.speaker_id.in_(ids))
    recorder.watch(SpeakerRole, SpeakerRole.speaker_id.in_(ids))
    recorder.watch(SpeakerLink, SpeakerLink.speaker_id.in_(ids))
    recorder.watch(Statement, Statement.id.in_(statement_ids))
    recorder.watch(Quote, Quote.speaker_id.in_(ids), Quote.statement_id.in_(statement_ids))
    watch_statements(recorder, statement_ids)
    recorder.watch(MergeSuggestion, MergeSuggestion.quote_id.in_(quote_ids))
    # A merge matches statements again, logging each join of a quote.
    recorder.watch(
        MergeLog, (MergeLog.entity == MergeEntity.QUOTE) & MergeLog.subject_id.in_(quote_ids)
    )


def lock_speakers(
    session: Session, speaker_ids: Iterable[int], names: Iterable[tuple[str, bool]] = ()
) -> None:
    """Take, on PostgreSQL, the advisory locks an importer takes (``quotes.storage.locks``):
    the identity locks of every name and alias of these speakers (and of ``names``:
    (printed name, is a body) the correction will give back), then the speakers' own.
    A correction and an import of the same people take turns: the importer neither
    waits on a speaker it resolved before the correction changed it, nor reads the
    speakers while the correction is half committed.
    """
    connection = session.connection()
    if connection.dialect.name != "postgresql":
        return
    ids = sorted(set(speaker_ids))
    found = [*names]
    found += [
        (row.name, row.kind != SpeakerKind.PERSON)
        for row in connection.execute(select(Speaker.name, Speaker.kind).where(Speaker.id.in_(ids)))
    ]
    found += [
        (row.alias, row.kind != SpeakerKind.PERSON)
        for row in connection.execute(
            select(SpeakerAlias.alias, Speaker.kind)
            .join(Speaker, Speaker.id == SpeakerAlias.speaker_id)
            .where(SpeakerAlias.speaker_id.in_(ids))
        )
    ]
    identities = {lock for name, _ in found if (lock := identity_lock(name)) is not None}
    if any(body for _, body in found):
        identities.add(BODY_IDENTITY)
    # Two calls: every identity lock before any speaker lock, as the importer.
    lock_all(connection, identities)
    lock_all(connection, {f"speaker {i}" for i in ids})


def watch_quotes(
    recorder: Recorder, quote_ids: Sequence[int], statement_ids: Sequence[int]
) -> None:
    """Declare these quotes, these statements and any statement that will hold the
    quotes (a new one of their own), with what hangs on those statements."""
    statements = Statement.id.in_(list(statement_ids)) | Statement.id.in_(
        select(Quote.statement_id).where(Quote.id.in_(list(quote_ids)))
    )
    recorder.watch(Quote, Quote.id.in_(list(quote_ids)))
    recorder.watch(Statement, statements)
    watch_statements(recorder, select(Statement.id).where(statements))


def watch_statements(recorder: Recorder, statement_ids: Any) -> None:
    """Declare what hangs on these statements: topics, stances, suggestions."""
    recorder.watch(StatementTopic, StatementTopic.statement_id.in_(statement_ids))
    recorder.watch(StatementStance, StatementStance.statement_id.in_(statement_ids))
    recorder.watch(MergeSuggestion, MergeSuggestion.statement_id.in_(statement_ids))


# --- listing -------------------------------------------------------------------------


def list_operations(
    session: Session,
    *,
    speaker_id: int | None = None,
    since: dt.date | None = None,
    limit: int | None = None,
) -> list[Operation | MergeLog]:
    """Logged operations and automatic joins (merge-log rows), newest first."""
    query = select(Operation).order_by(Operation.created_at.desc(), Operation.id.desc())
    joins = (
        select(MergeLog)
        .where(MergeLog.action == "merge", MergeLog.entity == "quote")
        .order_by(MergeLog.created_at.desc(), MergeLog.id.desc())
    )
    if speaker_id is not None:
        query = query.where(
            Operation.id.in_(
                select(OperationSpeaker.operation_id).where(
                    OperationSpeaker.speaker_id == speaker_id
                )
            )
        )
        joins = joins.where(
            MergeLog.subject_id.in_(select(Quote.id).where(Quote.speaker_id == speaker_id))
        )
    if since is not None:
        start = dt.datetime.combine(since, dt.time(), tzinfo=dt.UTC)
        query = query.where(Operation.created_at >= start)
        joins = joins.where(MergeLog.created_at >= start)
    if limit is not None:
        query, joins = query.limit(limit), joins.limit(limit)
    rows: list[Operation | MergeLog] = [*session.scalars(query), *session.scalars(joins)]
    rows.sort(key=lambda r: _aware(r.created_at), reverse=True)
    return rows[:limit] if limit is not None else rows


def _aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


# --- undo ----------------------------------------------------------------------------


def get_operation(session: Session, operation_id: int) -> Operation:
    found = session.get(Operation, operation_id)
    if found is None:
        raise NotFoundError(f"operation {operation_id}: no such operation")
    return found


def _changes_of(session: Session, operation_id: int) -> list[Change]:
    """The operation's row images; a row written twice (settled, then changed again)
    counts from its first image before to its last after."""
    found: dict[tuple[str, Key], Change] = {}
    for row in session.scalars(
        select(OperationRow)
        .where(OperationRow.operation_id == operation_id)
        .order_by(OperationRow.id)
    ):
        key = (row.table_name, tuple(json.loads(row.row_key)))
        seen = found.get(key)
        if seen is None:
            found[key] = Change(row.table_name, key[1], row.before, row.after)
            continue
        partial = row.table_name not in _LEAVES and seen.after is not None
        if partial and row.before is not None and row.after is not None:
            assert seen.after is not None
            seen.after = {**seen.after, **row.after}
            if seen.before is not None:
                seen.before = {**row.before, **seen.before}
        else:
            seen.after = row.after
    return [c for c in found.values() if c.before != c.after]


def before_images(session: Session, operation_id: int, table_name: str) -> list[Image]:
    """The before images an operation stored for one table (rows it replaced or
    deleted), for an operation that writes its own (an authority load)."""
    return [
        change.before
        for change in _changes_of(session, operation_id)
        if change.table == table_name and change.before is not None
    ]


def mark_undone(session: Session, done: Operation, undo_id: int) -> None:
    done.undone_at, done.undone_by = utcnow(), undo_id
    session.flush()


def later_operations(session: Session, done: Operation, action: str, entity: str) -> list[int]:
    """The operations of this kind after ``done`` that are not undone, newest first."""
    return list(
        session.scalars(
            select(Operation.id)
            .where(
                Operation.id > done.id,
                Operation.action == action,
                Operation.entity == entity,
                Operation.undone_at.is_(None),
            )
            .order_by(Operation.id.desc())
        )
    )


def _later_writer(session: Session, done: Operation, rows: list[Change]) -> Operation | None:
    """The newest operation after ``done``, not undone, that wrote one of these rows."""
    found: Operation | None = None
    for start in range(0, len(rows), 50):
        later = session.scalars(
            select(Operation)
            .join(OperationRow, OperationRow.operation_id == Operation.id)
            .where(
                Operation.id > done.id,
                Operation.undone_at.is_(None),
                or_(
                    *(
                        (OperationRow.table_name == c.table)
                        & (OperationRow.row_key == json.dumps(list(c.key)))
                        for c in rows[start : start + 50]
                    )
                ),
            )
            .order_by(Operation.id.desc())
            .limit(1)
        ).first()
        if later is not None and (found is None or later.id > found.id):
            found = later
    return found


def operation_that_set(
    session: Session, done: Operation, rows: Sequence[tuple[str, Key, str, Any]]
) -> Operation | None:
    """The newest operation after ``done``, not undone, that set the column of one of
    these rows (table, key, column, value) to that value (an undo that gave a row
    back with the value it had does not count)."""
    wanted = {(table, json.dumps(list(key))): (column, value) for table, key, column, value in rows}
    newest = 0
    keys = sorted(wanted)
    for start in range(0, len(keys), 50):
        for operation_id, table_name, row_key, before, after in session.execute(
            select(
                OperationRow.operation_id,
                OperationRow.table_name,
                OperationRow.row_key,
                OperationRow.before,
                OperationRow.after,
            )
            .join(Operation, Operation.id == OperationRow.operation_id)
            .where(
                Operation.id > done.id,
                Operation.undone_at.is_(None),
                or_(
                    *(
                        (OperationRow.table_name == table) & (OperationRow.row_key == key)
                        for table, key in keys[start : start + 50]
                    )
                ),
            )
        ):
            column, value = wanted[(table_name, row_key)]
            was = None if before is None else before.get(column)
            if after is not None and after.get(column) == value and was != value:
                newest = max(newest, operation_id)
    return session.get(Operation, newest) if newest else None


def _blocker(session: Session, done: Operation, changed: list[Change]) -> str:
    """Why an undo cannot go ahead, naming the later operation that touched the rows."""
    later = _later_writer(session, done, changed)
    first = changed[0]
    what = f"{first.table} {', '.join(str(k) for k in first.key)}"
    if later is not None:
        return (
            f"operation {done.id} cannot be undone: operation {later.id} ({later.action}: "
            f"{later.summary}) changed the same rows since ({what}); undo it first"
        )
    return (
        f"operation {done.id} cannot be undone: {what} was changed since by an import "
        "or an automatic merge"
    )


def _topic_names_taken(session: Session, changes: list[Change]) -> tuple[str, str] | None:
    """A name the undo gives back to a topic that another topic holds now, with
    that topic's (topic names are one per topic, in any case)."""
    for change in changes:
        name = (change.before or {}).get("name")
        if name is None:
            continue
        holder = session.scalar(
            select(Topic.name).where(
                func.lower(Topic.name) == name.lower(), Topic.id != change.key[0]
            )
        )
        if holder is not None:
            return name, str(holder)
    return None


def _maker(session: Session, done: Operation, rows: list[Change]) -> Operation | None:
    """The newest operation after ``done`` that made one of these rows as it is now:
    the last operation to write it, if it left the row there (an id freed by an
    undo may be taken by an import's row since, which no operation made)."""
    last: dict[tuple[str, str], tuple[int, bool]] = {}
    for start in range(0, len(rows), 50):
        chunk = rows[start : start + 50]
        for operation_id, table_name, row_key, after in session.execute(
            select(
                OperationRow.operation_id,
                OperationRow.table_name,
                OperationRow.row_key,
                OperationRow.after,
            ).where(
                or_(
                    *(
                        (OperationRow.table_name == c.table)
                        & (OperationRow.row_key == json.dumps(list(c.key)))
                        for c in chunk
                    )
                )
            )
        ):
            key = (table_name, row_key)
            if key not in last or operation_id >= last[key][0]:
                last[key] = (operation_id, after is not None)
    makers = [i for i, left in last.values() if left and i > done.id]
    return session.get(Operation, max(makers)) if makers else None


@dataclass
class Dependent:
    """A row that refers to a row the undo deletes: deleted along with it, or (a
    SET NULL foreign key: a quote's speaker or statement) left referring to nothing."""

    row: Change
    parent: str
    parent_id: int
    orphaned: bool


def _dependents(session: Session, by_table: dict[str, list[Change]]) -> list[Dependent]:
    """The rows that refer (by a foreign key) to rows the undo deletes, other than
    those the operation itself changed: the tags given since with a topic it added,
    a quote filed since under the speaker a split made."""
    connection = session.connection()
    found: list[Dependent] = []
    for parent, changes in by_table.items():
        ids = sorted(c.key[0] for c in changes if c.before is None and _has_id(_TABLES[parent]))
        if not ids:
            continue
        for name, table in _TABLES.items():
            own = {c.key for c in by_table.get(name, [])}
            for fk in table.foreign_keys:
                if fk.column.table is not _TABLES[parent]:
                    continue
                orphaned = (fk.ondelete or "").upper() == "SET NULL"
                for chunk in chunked(ids, _CHUNK):
                    rows = connection.execute(
                        select(fk.parent, *table.primary_key.columns).where(
                            fk.parent.in_(list(chunk))
                        )
                    )
                    found += [
                        Dependent(Change(name, key, None, None), parent, row[0], orphaned)
                        for row in rows
                        if (key := tuple(row[1:])) not in own
                    ]
    return found


def _missing_speakers(session: Session, changes: list[Change]) -> list[int]:
    """The speakers the rows given back belong to that exist no more (and that the
    undo does not bring back itself)."""
    restored = {c.key[0] for c in changes if c.table == "speakers" and c.before is not None}
    wanted = {
        c.before["speaker_id"]
        for c in changes
        if c.before is not None and c.before.get("speaker_id") is not None
    } - restored
    if not wanted:
        return []
    present = set(session.scalars(select(Speaker.id).where(Speaker.id.in_(sorted(wanted)))))
    return sorted(wanted - present)


def _names_of(changes: list[Change]) -> list[tuple[str, bool]]:
    """(printed name, is a body) of the speakers and aliases in these changes' images:
    a body's alias counts as a body's (the speaker's image says so, or else
    ``lock_speakers`` finds the speaker)."""
    bodies = {
        image["id"]
        for c in changes
        if c.table == "speakers"
        for image in (c.before, c.after)
        if image is not None and image.get("kind") not in (None, SpeakerKind.PERSON.value)
    }
    names: list[tuple[str, bool]] = []
    for c in changes:
        for image in (c.before, c.after):
            if image is None:
                continue
            if c.table == "speakers" and image.get("name"):
                names.append((image["name"], image.get("id") in bodies))
            elif c.table == "speaker_aliases" and image.get("alias"):
                names.append((image["alias"], image.get("speaker_id") in bodies))
    return names


def _as_left(current: Image | None, after: Image | None) -> bool:
    """Is the row as the operation left it (in the columns it changed)?"""
    if current is None or after is None:
        return current is None and after is None
    return all(current.get(column) == value for column, value in after.items())


def undo_operation(
    session: Session,
    operation_id: int,
    follow: Callable[[Session, Recorder, list[Change]], None] | None = None,
) -> Logged:
    """Give back the rows as they were before the operation; the undo is an operation too.

    ``follow``: what else the undo does once the rows are back, in the same
    operation (declaring what it changes to the recorder): the caller's rule for
    rows written since that the operation's rows decided (a quote an import
    filed by a name a merge had moved)."""
    done = get_operation(session, operation_id)
    if done.undone_at is not None:
        by = f" by operation {done.undone_by}" if done.undone_by else ""
        raise QuotesError(f"operation {operation_id} was undone already{by}")
    changes = _changes_of(session, operation_id)
    # The speakers' advisory locks before any row's, as the importer and the
    # corrections take them (``lock_speakers``), with the identity locks of the
    # names the undo gives back (a speaker a merge had deleted).
    speakers = session.scalars(
        select(OperationSpeaker.speaker_id).where(OperationSpeaker.operation_id == done.id)
    )
    lock_speakers(session, speakers, _names_of(changes))
    by_table: dict[str, list[Change]] = {}
    for change in changes:
        by_table.setdefault(change.table, []).append(change)
    session.flush()
    stale: list[Change] = []
    for name, table_changes in by_table.items():
        current = _by_keys(session, _TABLES[name], (c.key for c in table_changes))
        stale += [c for c in table_changes if not _as_left(current.get(c.key), c.after)]
    if stale:
        raise QuotesError(_blocker(session, done, stale))
    gone = _missing_speakers(session, changes)
    if gone:
        # Rows handed back to a speaker a later merge deleted (a move undone while
        # the merge after it stays): say which operation to undo first.
        raise QuotesError(_blocker(session, done, [Change("speakers", (gone[0],), None, None)]))
    taken = _topic_names_taken(session, by_table.get("topics", []))
    if taken:
        raise QuotesError(
            f"operation {done.id} cannot be undone: the topic name {taken[0]!r} it gives "
            f"back is topic {taken[1]!r}'s since; remove or undo that one first"
        )
    dependents = _dependents(session, by_table)
    later = _maker(session, done, [d.row for d in dependents])
    if later is not None:
        # A later correction built on rows this one made (a tag given with the topic
        # it added, a quote moved to the speaker it split off): undo that first.
        raise QuotesError(
            f"operation {done.id} cannot be undone: operation {later.id} ({later.action}: "
            f"{later.summary}) uses rows it made; undo it first"
        )
    orphans = [d for d in dependents if d.orphaned]
    if orphans:
        orphan = min(orphans, key=lambda d: d.row.table != "quotes")
        # An import filed a quote since under a speaker (or in a statement) this
        # operation made: deleting that would leave the quote filed under nothing.
        raise QuotesError(
            f"operation {done.id} cannot be undone: {orphan.row.table} "
            f"{', '.join(str(k) for k in orphan.row.key)} was filed since under "
            f"{orphan.parent} {orphan.parent_id}, which it made; move or unmerge it first"
        )
    with operation(session, "undo", done.entity, method=done.method, score=done.score) as undo:
        for name, table_changes in by_table.items():
            undo.recorder.watch_keys(_TABLES[name], (c.key for c in table_changes))
        # What an import hung on those rows since (a topic's tags by its rules, a
        # speaker's aliases) goes with them, recorded, so that undoing the undo gives
        # it back too.
        for name in {d.row.table for d in dependents}:
            undo.recorder.watch_keys(
                _TABLES[name], (d.row.key for d in dependents if d.row.table == name)
            )
        _restore(session, by_table)
        if follow is not None:
            follow(session, undo.recorder, changes)
        undo.summary = (
            f"undo of operation {done.id} ({done.action})"
            if done.action == "undo"
            else f"undo of operation {done.id} ({done.action}: {done.summary})"
        )
        undo.details = {"undoes": done.id}
    assert undo.operation_id is not None
    done.undone_at, done.undone_by = utcnow(), undo.operation_id
    # Undoing an undo does the operation again: it is no longer undone.
    undone = (done.details or {}).get("undoes")
    if done.action == "undo" and isinstance(undone, int):
        original = session.get(Operation, undone)
        if original is not None:
            original.undone_at, original.undone_by = None, None
    session.flush()
    return undo


def _restore(session: Session, by_table: dict[str, list[Change]]) -> None:
    """Put the before images back.

    Rows of the leaf tables (aliases, roles, tags, stances, suggestions, the
    merge log) are deleted and inserted again as they were: updating them in
    place could collide on a unique key with a row not restored yet (SQLite
    hands a deleted row's id to the next insert). Speakers, statements and
    quotes, which other rows point at, are updated in place; the deleted ones
    come back first and the inserted ones go last.
    """
    connection = session.connection()
    order = list(_TABLES)

    def remove(name: str, keys: list[Key]) -> None:
        table = _TABLES[name]
        pk = list(table.primary_key.columns)
        for chunk in chunked(keys, _CHUNK):
            condition = (
                pk[0].in_([k[0] for k in chunk]) if len(pk) == 1 else tuple_(*pk).in_(list(chunk))
            )
            connection.execute(delete(table).where(condition))

    def put_back(name: str, changes: list[Change]) -> None:
        rows = [_load(_TABLES[name], c.before) for c in changes if c.before is not None]
        if rows:
            connection.execute(insert(_TABLES[name]), rows)

    for name in reversed(order):
        if name in _LEAVES:
            remove(name, [c.key for c in by_table.get(name, []) if c.after is not None])
    for name in order:
        if name not in _LEAVES:
            put_back(name, [c for c in by_table.get(name, []) if c.after is None])
    for name in order:
        if name in _LEAVES:
            continue
        table = _TABLES[name]
        pk = list(table.primary_key.columns)
        for change in by_table.get(name, []):
            if change.before is None or change.after is None:
                continue
            values = _load(table, change.before)
            connection.execute(
                update(table)
                .where(*(column == value for column, value in zip(pk, change.key, strict=True)))
                .values({k: v for k, v in values.items() if k not in {c.name for c in pk}})
            )
    for name in order:
        if name in _LEAVES:
            put_back(name, by_table.get(name, []))
    for name in reversed(order):
        if name not in _LEAVES:
            remove(name, [c.key for c in by_table.get(name, []) if c.before is None])
    session.expire_all()
