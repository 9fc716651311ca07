"""``quotes dedupe``: re-cluster stored quotes into statements with the current rules.

For after a change of thresholds or rules. It works in batches of speakers
(about ``BATCH_QUOTES`` quotes each): read the batch's quotes into memory,
cluster each speaker's (``match.cluster``), then write only what changed,
with bulk statements: new statements in one multi-row insert, quote moves
and statement updates as executemany. No cursor stays open while writing
(SQLite leaves reading a table that is being changed undefined).

A dedupe is one logged operation: before each batch is written the rows it
changes are read by the change log's recorder (``quotes.storage.operations``),
so that ``quotes undo`` gives back every statement, with its id, every quote's
statement and every review suggestion the run replaced.

Statement ids are kept where they can be (a cluster reuses the statement
most of its quotes were in), since fact-checkers cite them. Statements that
a person decided (a quote of theirs was accepted or unmerged by hand) are
left as they are, and so are their quotes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import multiprocessing
import os
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from quotes import match
from quotes.extract.model import DatePrecision, QuoteKind
from quotes.services.candidates import DATE_WINDOW
from quotes.services.canonical import Occurrence, quote_date, summarise, wording_rank
from quotes.services.merging import PINNED_METHODS
from quotes.services.speaker_directory import forget_directory
from quotes.storage.bulk import chunked, reserve_ids
from quotes.storage.dedupe import (
    delete_unused_statements,
    drop_pending_suggestions,
    insert_statements,
    move_quotes,
    pinned_statement_ids,
    quote_counts,
    speaker_range_quotes,
    statement_update,
    update_statements,
)
from quotes.storage.merges import suggest_merges, suggested_pairs
from quotes.storage.models import Actor, Quote, Statement
from quotes.storage.operations import Recorder, operation

BATCH_QUOTES = 50_000
# From this many quotes on, clustering runs in a second process.
PARALLEL_FROM = 100_000
_T = TypeVar("_T")


@dataclass
class DedupeResult:
    speakers: int = 0
    quotes: int = 0
    statements: int = 0
    created: int = 0
    deleted: int = 0
    moved: int = 0
    suggestions: int = 0
    pinned: int = 0  # statements left alone because a person decided them


@dataclass(slots=True)
class _Row:
    id: int
    statement_id: int | None
    text: str
    kind: QuoteKind
    said_on: dt.date | None
    precision: DatePrecision
    method: str | None
    score: float | None


def dedupe_statements(
    session: Session,
    *,
    speaker_id: int | None = None,
    auto: float = match.AUTO_THRESHOLD,
    suggest: float = match.SUGGEST_THRESHOLD,
    progress: Callable[[int], None] | None = None,
) -> DedupeResult:
    """Re-cluster every speaker's quotes (or one speaker's); runs in the caller's transaction."""
    with operation(session, "dedupe", "statement", actor=Actor.RULE, method="dedupe") as logged:
        # Alone, a dedupe writes each batch's row images as it goes; inside a
        # speaker merge its rows are the merge's, read whole.
        settle = None if logged.nested else logged.operation_id
        result = _dedupe(session, logged.recorder, settle, speaker_id, auto, suggest, progress)
        logged.summary = (
            f"dedupe{f' of speaker {speaker_id}' if speaker_id is not None else ''}: "
            f"{result.moved} quotes moved, {result.created} statements new, "
            f"{result.deleted} removed, {result.suggestions} suggestions"
        )
    return result


def _dedupe(
    session: Session,
    recorder: Recorder,
    settle: int | None,
    speaker_id: int | None,
    auto: float,
    suggest: float,
    progress: Callable[[int], None] | None,
) -> DedupeResult:
    session.flush()
    result = DedupeResult()
    connection = session.connection()
    pinned = pinned_statement_ids(connection, speaker_id, PINNED_METHODS)
    # The pending suggestions are made again from the new clusters.
    drop_pending_suggestions(connection, recorder, speaker_id)
    counts = quote_counts(connection, speaker_id)
    writer = _Writer(session, recorder, auto, suggest)
    ranges = list(_batches(counts))
    total = sum(n for _, n in counts)
    clusterer = _Clusterer(auto, suggest, writer.window, parallel=total >= PARALLEL_FROM)
    try:
        batch = _prepare(_read(connection, speaker_id, *ranges[0]), pinned) if ranges else None
        if batch is not None:
            clusterer.submit(batch.jobs)
        for index in range(len(ranges)):
            assert batch is not None
            # The next batch is read and sent to the clusterer before this one is
            # written: a second core clusters while this one writes.
            following = None
            if index + 1 < len(ranges):
                following = _prepare(_read(connection, speaker_id, *ranges[index + 1]), pinned)
            results = clusterer.result()
            if following is not None:
                clusterer.submit(following.jobs)
            for sid, rows, clustered in zip(batch.speakers, batch.rows, results, strict=True):
                writer.speaker(sid, rows, clustered)
                result.quotes += len(rows)
            result.speakers += len(batch.speakers)
            writer.write(writer.take())
            if settle is not None:
                recorder.settle(settle)
            batch = following
            if progress is not None:
                progress(result.quotes)
    finally:
        clusterer.close()
    writer.finish()
    result.statements = writer.statements
    result.created = writer.created
    result.deleted = writer.deleted
    result.moved = writer.moved
    result.suggestions = writer.suggested
    result.pinned = len(pinned)
    session.expire_all()
    forget_directory(session)
    return result


def _read(connection: Connection, speaker_id: int | None, low: int, high: int) -> list[Any]:
    """A batch's quotes, read whole: no cursor stays open while writing."""
    return speaker_range_quotes(connection, speaker_id, low, high)


@dataclass
class _Prepared:
    speakers: list[int]
    rows: list[list[_Row]]
    # per speaker: (text, kind, day ordinal) of each quote, for the clusterer
    jobs: list[list[tuple[str, QuoteKind, int | None]]]


def _prepare(raw: list[Any], pinned: set[int | None]) -> _Prepared:
    by_speaker: dict[int, list[_Row]] = defaultdict(list)
    for sid, qid, stid, text, kind, said_on, precision, published, method, score in raw:
        if stid in pinned or sid is None:
            continue
        day, day_precision = quote_date(said_on, precision, published)
        by_speaker[sid].append(_Row(qid, stid, text, kind, day, day_precision, method, score))
    speakers = sorted(by_speaker)
    rows = [by_speaker[sid] for sid in speakers]
    jobs = [
        [(r.text, r.kind, r.said_on.toordinal() if r.said_on else None) for r in speaker_rows]
        for speaker_rows in rows
    ]
    return _Prepared(speakers, rows, jobs)


# (clusters as lists of (quote index, method, score), suggestions as
# (quote index, cluster index, method, score))
_Clustered = tuple[
    list[list[tuple[int, str | None, float | None]]], list[tuple[int, int, str, float]]
]


def cluster_speakers(
    jobs: list[list[tuple[str, QuoteKind, int | None]]],
    auto: float,
    suggest: float,
    window: int,
) -> list[_Clustered]:
    """Cluster each speaker's quotes: pure, so that it can run in another process."""
    out: list[_Clustered] = []
    for quotes in jobs:
        items = [
            match.ClusterItem(i, match.normalize(text), wording_rank(text, kind), day)
            for i, (text, kind, day) in enumerate(quotes)
        ]
        clusters, suggestions = match.cluster(items, auto=auto, suggest=suggest, window_days=window)
        out.append(
            (
                [[(item.id, m, sc) for item, m, sc in found.members] for found in clusters],
                [(sg.item.id, sg.cluster, sg.method, sg.score) for sg in suggestions],
            )
        )
    return out


class _Clusterer:
    """Runs ``cluster_speakers`` in a forked child process, one batch ahead.

    The child inherits the parent's open database connection and must never
    touch it, nor close it on exit: it leaves with ``os._exit``. Without fork
    (or for small jobs) the clustering runs in this process.
    """

    def __init__(self, auto: float, suggest: float, window: int, *, parallel: bool) -> None:
        self.args = (auto, suggest, window)
        self.pending: list[_Clustered] | None = None
        self.connection: Any = None
        self.process: Any = None
        if parallel and "fork" in multiprocessing.get_all_start_methods():
            context = multiprocessing.get_context("fork")
            self.connection, child = context.Pipe()
            self.process = context.Process(target=_serve, args=(child, self.args), daemon=True)
            self.process.start()
            child.close()

    def submit(self, jobs: list[list[tuple[str, QuoteKind, int | None]]]) -> None:
        if self.process is None:
            self.pending = cluster_speakers(jobs, *self.args)
        else:
            self.connection.send(jobs)

    def result(self) -> list[_Clustered]:
        if self.process is None:
            assert self.pending is not None
            done, self.pending = self.pending, None
            return done
        status, payload = self.connection.recv()
        if status != "ok":
            raise RuntimeError(f"clustering failed: {payload}")
        return cast(list[_Clustered], payload)

    def close(self) -> None:
        if self.process is not None:
            with contextlib.suppress(OSError):
                self.connection.send(None)
            self.process.join(timeout=10)
            if self.process.is_alive():
                self.process.kill()
            self.connection.close()
            self.process = None


def _serve(connection: Any, args: tuple[float, float, int]) -> None:
    """The child's loop: jobs in, clusters out, until None; then leave without cleanup."""
    code = 0
    try:
        while True:
            jobs = connection.recv()
            if jobs is None:
                break
            try:
                connection.send(("ok", cluster_speakers(jobs, *args)))
            except Exception as exc:
                connection.send(("error", repr(exc)))
    except (EOFError, OSError):
        code = 1
    finally:
        os._exit(code)


def _batches(counts: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Speaker-id ranges holding about ``BATCH_QUOTES`` quotes each."""
    low: int | None = None
    total = 0
    ordered = sorted(counts)
    for index, (speaker_id, n) in enumerate(ordered):
        if low is None:
            low = speaker_id
        total += n
        if total >= BATCH_QUOTES or index == len(ordered) - 1:
            yield low, speaker_id
            low, total = None, 0


@dataclass
class _Batch:
    """One batch's changes, written together."""

    new_statements: list[dict[str, Any]] = field(default_factory=list)
    # quotes waiting for a new statement's id: (index in new_statements, row, method, score)
    pending_quotes: list[tuple[int, _Row, str | None, float | None]] = field(default_factory=list)
    quote_updates: list[tuple[int, str | None, float | None, int]] = field(default_factory=list)
    statement_updates: list[dict[str, Any]] = field(default_factory=list)
    suggestions: list[tuple[_Row, Any, str, float]] = field(default_factory=list)
    moved: int = 0

    def move(self, row: _Row, target: int, method: str | None, score: float | None) -> None:
        if row.statement_id == target and row.method == method and row.score == score:
            return
        self.quote_updates.append((target, method, score, row.id))
        if row.statement_id != target:
            self.moved += 1


class _Writer:
    """Clusters speakers into the current batch; writes batches in bulk."""

    def __init__(self, session: Session, recorder: Recorder, auto: float, suggest: float) -> None:
        self.session = session
        self.recorder = recorder
        self.auto = auto
        self.suggest = suggest
        self.window = DATE_WINDOW.days
        self.claimed: set[int] = set()
        self.dropped: set[int] = set()
        self.statements = self.created = self.deleted = self.moved = self.suggested = 0
        self.batch = _Batch()

    def take(self) -> _Batch:
        batch, self.batch = self.batch, _Batch()
        return batch

    def speaker(self, speaker_id: int, rows: list[_Row], clustered: _Clustered) -> None:
        batch = self.batch
        clusters, suggestions = clustered
        old_sizes = Counter(row.statement_id for row in rows if row.statement_id is not None)
        targets: list[Any] = []
        for found in clusters:
            members = [(rows[index], method, score) for index, method, score in found]
            target = self._target(members)
            targets.append(target)
            fields = summarise(
                Occurrence(r.text, r.kind, r.said_on, r.precision) for r, _, _ in members
            )
            assert fields is not None
            values = {
                "speaker_id": speaker_id,
                "canonical_text": fields.canonical_text,
                "match_key": fields.match_key,
                "kind": fields.kind,
                "first_said_on": fields.first_said_on,
                "date_precision": fields.date_precision,
                "quote_count": fields.quote_count,
            }
            self.statements += 1
            if target is None:
                batch.new_statements.append(values)
                slot = len(batch.new_statements) - 1
                targets[-1] = ("new", slot)
                for row, method, score in members:
                    batch.pending_quotes.append((slot, row, method, score))
                continue
            unchanged = old_sizes[target] == len(members) and all(
                r.statement_id == target for r, _, _ in members
            )
            if not unchanged:
                batch.statement_updates.append(statement_update(target, values))
            for row, method, score in members:
                batch.move(row, target, method, score)
        for quote_index, cluster_index, method, score in suggestions:
            batch.suggestions.append((rows[quote_index], targets[cluster_index], method, score))
        self.dropped.update(s for s in old_sizes if s not in self.claimed)

    def _target(self, members: list[tuple[_Row, str | None, float | None]]) -> int | None:
        """The old statement this cluster keeps: the one most of its quotes were in."""
        votes = Counter(r.statement_id for r, _, _ in members if r.statement_id is not None)
        for statement_id, _ in votes.most_common():
            if statement_id not in self.claimed:
                self.claimed.add(statement_id)
                return statement_id
        return None

    def write(self, batch: _Batch) -> None:
        """Write one batch in bulk."""
        connection = self.session.connection()
        suggestions = batch.suggestions
        self.recorder.watch_ids(Statement, [u["sid"] for u in batch.statement_updates])
        if batch.new_statements:
            ids = reserve_ids(connection, Statement, len(batch.new_statements))
            self.recorder.watch_ids(Statement, ids)
            insert_statements(connection, ids, batch.new_statements)
            self.created += len(ids)
            for slot, row, method, score in batch.pending_quotes:
                batch.move(row, ids[slot], method, score)
            suggestions = [
                (row, ids[target[1]] if isinstance(target, tuple) else target, m, s)
                for row, target, m, s in suggestions
            ]
        if batch.statement_updates:
            update_statements(connection, batch.statement_updates)
        self.recorder.watch_ids(Quote, [u[-1] for u in batch.quote_updates])
        move_quotes(connection, batch.quote_updates)
        self.moved += batch.moved
        rows = [
            {"quote_id": row.id, "statement_id": target, "method": m, "score": s}
            for row, target, m, s in suggestions
            if target is not None and target != row.statement_id
        ]
        if rows:
            # A pair decided before (rejected) is not asked again.
            known = suggested_pairs(connection, [r["quote_id"] for r in rows])
            rows = [r for r in rows if (r["quote_id"], r["statement_id"]) not in known]
        if rows:
            suggest_merges(self.session, rows)
            self.suggested += len(rows)

    def finish(self) -> None:
        """Delete the statements no cluster kept, once no quote points at them."""
        connection = self.session.connection()
        for chunk in chunked(sorted(self.dropped - self.claimed)):
            # Deleting a statement deletes its topics, stances and suggestions.
            self.deleted += delete_unused_statements(connection, self.recorder, chunk)


def _slices(values: list[_T], size: int) -> Iterator[list[_T]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]
