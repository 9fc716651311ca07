"""Importing articles: read, check identity, extract, store.

``import_articles`` is the library API that ``quotes import`` wraps. It
streams: sources are read lazily (``quotes.sources``; stdin and URLs a few
articles ahead in a thread, ``read_ahead``) and each article yields an
``ImportResult`` as soon as it is stored, in the order of the sources, so
memory stays flat whatever the size of the run.

Safety rules, which the tests check on SQLite and PostgreSQL:

- An article is stored whole, together with its quotes and
  ``extracted_at``, or not at all. New articles are committed in groups
  (``_Group``: a transaction per article would cost more than its quotes);
  a group that fails is stored again one article per transaction, so the
  article at fault fails alone. A run killed at any point leaves every
  article either complete or absent, and running it again completes the job.
- An article already stored (same URL, or same sha256 of its normalised text)
  is left alone and reported ``unchanged``; ``update=True`` re-extracts it:
  its quotes are deleted and recorded again in one transaction. An article
  whose quotes carry a person's work (a quote placed by hand, a merge made by
  hand, a stance or topic set by hand on a statement only it holds) is not
  updated: it fails, naming that work, and nothing changes.
- The same text under another URL, or from another outlet, is a ``reprint``:
  its quotes are not stored twice, but the URL, outlet and date are kept as
  one more place the article was printed (``quotes.storage.appearances``).
  ``update=True`` re-extracts an article from its own source only, never
  from a copy; a reprinting page whose text has changed becomes an article
  of its own.
- A source that cannot be read fails alone (``failed``, with the reason);
  so does an article whose storage fails, which is rolled back whole. Only
  the database becoming unusable (connection lost, locked for too long)
  stops the run, as a ``DatabaseError``.
- Extraction runs outside the write transaction, so that on SQLite the
  write lock is held only while rows are written.
- The statements quotes are matched against are kept from one transaction
  to the next (``candidates.CandidateCache``) only while nothing else writes
  (``quotes.storage.sole_writer``), and dropped after any rollback.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import IO, TYPE_CHECKING, Any, TypeVar
from urllib.parse import urlsplit

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from quotes.errors import DatabaseError, SourceError
from quotes.services.candidates import CandidateCache
from quotes.services.read_ahead import Idle, ReadAhead
from quotes.services.schema import ImportResultJSON
from quotes.services.statements import recompute_statements
from quotes.services.time_limit import TimeLimitExceeded, time_limit
from quotes.sources import ArticleInput, ReadOptions, content_hash, read_sources
from quotes.sources.detect import Format
from quotes.sources.fetch import DEFAULT_TIMEOUT, is_url
from quotes.sources.language import is_english
from quotes.sources.read import DEFAULT_MAX_BYTES
from quotes.storage.articles import (
    add_reprint,
    articles_at,
    drop_reprints_at,
    has_reprint_without_url,
    insert_outlet,
    other_article_with_text,
    outlet_at,
    outlet_named,
)
from quotes.storage.bulk import IMPORT_CHECKPOINT_PAGES, checkpoint, checkpoint_every
from quotes.storage.database import Database, safe_url
from quotes.storage.models import Article, utcnow
from quotes.storage.sole_writer import SoleWriter
from quotes.storage.statements import article_statement_ids, hand_work_on_article

if TYPE_CHECKING:
    from quotes.extract.model import ExtractedQuote

Extractor = Callable[[str, dt.date | None], Sequence["ExtractedQuote"]]
_T = TypeVar("_T")

# Column limits of ``articles`` and ``outlets``: longer values are cut, not refused.
_MAX_URL = 2048
_MAX_AUTHOR = 500
_MAX_LANGUAGE = 16
_MAX_OUTLET = 200
_MAX_DOMAIN = 253
# Seconds of CPU time one article's extraction may take. Extraction is linear
# in the text: one to two seconds a megabyte of news prose, up to eight for
# text dense with speech verbs.
DEFAULT_ARTICLE_TIMEOUT = 30.0


class ImportStatus(StrEnum):
    NEW = "new"
    UNCHANGED = "unchanged"
    REPRINT = "reprint"
    UPDATED = "updated"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What happened to one article (or one source that could not be read)."""

    source: str  # "news/a.txt", "feed.jsonl:12", a URL, "<stdin>"
    status: ImportStatus
    article_id: int | None = None
    quotes: int = 0
    new_speakers: int = 0
    error: str | None = None  # the reason, for ``failed``
    # What a user should know of an article stored: a repair, or why it has no quotes.
    notice: str | None = None

    @property
    def message(self) -> str:
        """``source: reason``, the line a user sees for a failure."""
        return f"{self.source}: {self.error}"

    def to_json(self) -> ImportResultJSON:
        return ImportResultJSON(
            source=self.source,
            status=self.status.value,
            article_id=self.article_id,
            quote_count=self.quotes,
            error=self.error,
        )


@dataclass
class ImportSummary:
    """The totals of a run; ``add`` each result as it comes."""

    read: int = 0
    new: int = 0
    unchanged: int = 0
    reprint: int = 0
    updated: int = 0
    failed: int = 0
    quotes: int = 0
    new_speakers: int = 0

    def add(self, result: ImportResult) -> None:
        self.read += 1
        setattr(self, result.status.value, getattr(self, result.status.value) + 1)
        self.quotes += result.quotes
        self.new_speakers += result.new_speakers

    def to_dict(self) -> dict[str, int]:
        return asdict(self)


def import_articles(
    target: Session | Database,
    sources: Iterable[str | os.PathLike[str]],
    *,
    fmt: Format | None = None,
    glob: str | None = None,
    outlet: str | None = None,
    published: dt.date | None = None,
    update: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
    allow_private_hosts: bool = False,
    stdin: IO[bytes] | None = None,
    extractor: Extractor | None = None,
    article_timeout: float | None = DEFAULT_ARTICLE_TIMEOUT,
) -> Iterator[ImportResult]:
    """Import every article in ``sources`` (paths, folders, ``-``, URLs), lazily.

    ``target`` is a ``Database`` (each article is committed on its own) or a
    ``Session`` (each article goes in a savepoint; the caller commits).
    ``outlet`` and ``published`` override what the sources say. ``extractor``
    replaces ``quotes.extract.extract_quotes`` (tests, experiments). An
    article whose extraction takes ``article_timeout`` seconds of CPU or more fails
    alone (in the main thread; see ``time_limit``); None is no limit.
    URLs on loopback, private, link-local and other non-public addresses
    fail unless ``allow_private_hosts`` (``quotes.sources.fetch``).
    """
    options = ReadOptions(
        fmt=fmt,
        glob=glob,
        max_bytes=max_bytes,
        timeout=timeout,
        allow_private_hosts=allow_private_hosts,
        stdin=stdin,
    )
    sources = list(sources)
    inputs = read_sources(sources, options)
    if outlet or published:
        inputs = (
            item
            if isinstance(item, SourceError)
            else item.with_overrides(outlet=outlet, published=published)
            for item in inputs
        )
    # Files are read in no time; stdin and the network may keep an import waiting.
    waits = any(os.fspath(source) == "-" or is_url(os.fspath(source)) for source in sources)
    return import_inputs(
        target,
        inputs,
        update=update,
        extractor=extractor,
        read_ahead=waits,
        article_timeout=article_timeout,
    )


def import_inputs(
    target: Session | Database,
    inputs: Iterable[ArticleInput | SourceError],
    *,
    update: bool = False,
    extractor: Extractor | None = None,
    read_ahead: bool = False,
    article_timeout: float | None = DEFAULT_ARTICLE_TIMEOUT,
) -> Iterator[ImportResult]:
    """Store articles already read (and pass read errors on as ``failed``).

    ``read_ahead`` takes ``inputs`` in a thread (``read_ahead``) so that
    articles read are stored while the next one is slow to come (a feed);
    it costs a few percent of the import's time, so only where inputs may block.
    """
    importer = _Importer(
        target,
        update=update,
        extractor=extractor or _default_extractor(),
        article_timeout=article_timeout,
    )
    ahead = ReadAhead(inputs) if read_ahead and importer.group.limit > 1 else None
    items = inputs if ahead is None else ahead.wait(importer.group.patience)
    try:
        for item in items:
            if isinstance(item, Idle):  # the next source is slow: store what was read
                yield from importer.flush()
            elif isinstance(item, SourceError):
                yield from importer.flush()  # results stay in the order of the sources
                yield ImportResult(item.source, ImportStatus.FAILED, error=item.reason)
            else:
                yield from importer.add(item)
        yield from importer.flush()
    finally:
        if ahead is not None:
            ahead.close()
        importer.close()


def _default_extractor() -> Extractor:
    from quotes.extract import extract_quotes

    return extract_quotes


def extractor_version() -> str:
    import quotes.extract

    return str(getattr(quotes.extract, "EXTRACTOR_VERSION", None) or _package_version())


def _package_version() -> str:
    from quotes import __version__

    return __version__


def domain_of(url: str | None) -> str | None:
    """``https://www.Example.com:443/x`` -> ``example.com``; outlets are keyed by it."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    return host[:_MAX_DOMAIN] or None


@dataclass(frozen=True, slots=True)
class _Found:
    id: int
    url: str | None
    content_hash: str
    outlet_id: int | None
    # Found at the URL of one of its reprints, not at its own.
    reprint: bool = False


@dataclass(frozen=True, slots=True)
class _Pending:
    """A new article, read and extracted, waiting for its group's transaction."""

    article: ArticleInput
    url: str | None
    digest: str
    extracted: Sequence[ExtractedQuote]


class _Group:
    """New articles stored together: one transaction, one pass of matching.

    A transaction per article costs more than its quotes on SQLite (the
    commit, a dozen statements each with its fixed cost), so an importer
    writing to a ``Database`` commits new articles in groups, each article
    still whole or absent. A group is written when it is full, when its
    oldest article has waited ``MAX_SECONDS`` (checked as articles arrive,
    and, where sources may block, while waiting for the next: ``read_ahead``),
    before any other kind of write, and at the end of the run. If writing
    it fails, every article is stored again on its own, so that a bad one
    fails alone.
    """

    MAX_ARTICLES = 50
    MAX_SECONDS = 0.5
    MAX_CHARACTERS = 5_000_000

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.items: list[_Pending] = []
        self._keys: set[str] = set()
        self._characters = 0
        self._since = 0.0

    def holds(self, url: str | None, digest: str) -> bool:
        """Is this article (its URL or its text) among those waiting?"""
        return digest in self._keys or (url is not None and url in self._keys)

    def add(self, pending: _Pending) -> None:
        if not self.items:
            self._since = time.monotonic()
        self.items.append(pending)
        self._keys.add(pending.digest)
        if pending.url is not None:
            self._keys.add(pending.url)
        self._characters += len(pending.article.text)

    def patience(self) -> float | None:
        """How long the oldest article may still wait for the next one; None if none waits."""
        return self._patience() if self.items else None

    def full(self) -> bool:
        return (
            len(self.items) >= self.limit
            or self._characters >= self.MAX_CHARACTERS
            or self._patience() <= 0
        )

    def _patience(self) -> float:
        return self.MAX_SECONDS - (time.monotonic() - self._since)

    def take(self) -> list[_Pending]:
        items, self.items = self.items, []
        self._keys.clear()
        self._characters = 0
        return items


class _Importer:
    def __init__(
        self,
        target: Session | Database,
        *,
        update: bool,
        extractor: Extractor,
        article_timeout: float | None = DEFAULT_ARTICLE_TIMEOUT,
    ) -> None:
        self.target = target
        self.update = update
        self.extractor = extractor
        self.article_timeout = article_timeout
        self.version = extractor_version()
        # Outlet ids found or created this run; cleared whenever a transaction rolls back.
        self.outlets: dict[tuple[str | None, str | None], int | None] = {}
        # With a Database, one connection serves the whole run: checking one
        # out of the pool (and pinging it) per article costs more than the
        # article's own queries on PostgreSQL.
        self._connection: Connection | None = None
        # Kept between transactions while this run is the only writer. A
        # caller's session may write anything between two articles: there
        # each call reads its own candidates, and each article is its own group.
        self.cache: CandidateCache | None = None
        self.sole_writer = SoleWriter()
        if isinstance(target, Database):
            self.cache = CandidateCache(vouch=self.sole_writer.still)
        self.group = _Group(_Group.MAX_ARTICLES if self.cache is not None else 1)

    def close(self) -> None:
        if self._connection is not None:
            if not self._connection.invalidated:
                checkpoint_every(self._connection, None)  # it goes back to the pool
            self._connection.close()
            self._connection = None
            if isinstance(self.target, Database):
                checkpoint(self.target.engine)  # what the run left in the log

    def _connect(self, database: Database) -> Connection:
        if self._connection is None or self._connection.invalidated:
            self.close()
            self._connection = database.engine.connect()
            # Fewer, larger folds of the write-ahead log: each ends in an fsync.
            checkpoint_every(self._connection, IMPORT_CHECKPOINT_PAGES)
        return self._connection

    # --- transactions ---------------------------------------------------------

    @contextmanager
    def _writing(self) -> Iterator[Session]:
        """One transaction (a savepoint inside a caller's session)."""
        try:
            if isinstance(self.target, Session):
                with self.target.begin_nested():
                    yield self.target
            else:
                connection = self._connect(self.target)
                with (
                    Session(bind=connection, expire_on_commit=False) as session,
                    session.begin(),
                ):
                    if self.cache is not None and not self.sole_writer.check(session.connection()):
                        self.cache.clear()
                    yield session
        except BaseException:
            self.outlets.clear()
            self._forget_candidates()
            raise

    def _forget_candidates(self) -> None:
        """What the cache holds may no longer be what is stored."""
        if self.cache is not None:
            self.cache.clear()
        self.sole_writer.forget()

    # --- articles -----------------------------------------------------------------

    def add(self, article: ArticleInput) -> list[ImportResult]:
        """Take one article; return the results of the articles stored meanwhile."""
        done: list[ImportResult] = []
        url, digest = _identity(article)
        if self.group.holds(url, digest):
            done += self.flush()
        looked_up = self._guarded(article, lambda: self._lookup(url, digest))
        if isinstance(looked_up, ImportResult):
            return [*done, *self.flush(), looked_up]
        if looked_up is not None:
            done += self.flush()
            done.append(
                self._guarded(article, lambda: self._stored(article, url, digest, looked_up))
            )
            return done
        extracted = self._guarded(article, lambda: self._extract(article))
        if isinstance(extracted, ImportResult):
            return [*done, *self.flush(), extracted]
        self.group.add(_Pending(article, url, digest, extracted))
        if self.group.full():
            done += self.flush()
        return done

    def flush(self) -> list[ImportResult]:
        """Store the waiting articles: together, or each alone if together fails."""
        waiting = self.group.take()
        if not waiting:
            return []
        try:
            return _retried(lambda: self._store_new(waiting))
        except Exception:
            # Each alone, looked up again (another importer may have stored
            # one meanwhile): the one at fault fails, the rest are stored.
            return [self.store(pending.article, pending.extracted) for pending in waiting]

    def store(
        self, article: ArticleInput, extracted: Sequence[ExtractedQuote] | None = None
    ) -> ImportResult:
        """Store one article in a transaction of its own; ``extracted`` if done already."""

        def attempt() -> ImportResult:
            try:
                return self._store(article, extracted)
            except IntegrityError:
                # Another importer stored the same article (or outlet, or
                # speaker) between our check and our insert: look again.
                return self._store(article, extracted)

        return self._guarded(article, lambda: _retried(attempt))

    def _guarded(self, article: ArticleInput, work: Callable[[], _T]) -> _T | ImportResult:
        """``work()``, or the failure of this article (a database gone stops the run)."""
        try:
            return work()
        except SourceError as exc:
            return ImportResult(article.origin, ImportStatus.FAILED, error=exc.reason)
        except IntegrityError as exc:
            reason = f"conflicts with stored data ({_first_line(exc)})"
            return ImportResult(article.origin, ImportStatus.FAILED, error=reason)
        except DBAPIError as exc:
            # The database, not the article, is at fault: name it first.
            raise DatabaseError(
                f"{self._database_name()}: database error: {_first_line(exc)} "
                f"(while storing {article.origin})"
            ) from exc
        except Exception as exc:  # a bug must not stop a run of 100,000 files
            reason = f"internal error: {type(exc).__name__}: {exc}"
            return ImportResult(article.origin, ImportStatus.FAILED, error=reason)

    def _extract(self, article: ArticleInput) -> Sequence[ExtractedQuote]:
        """The article's quotes (none in a language the rules are not written
        for), or the article's failure if extraction passes the time limit."""
        if not is_english(article.language):
            return ()
        try:
            with time_limit(self.article_timeout):
                return self.extractor(article.text, article.published)
        except TimeLimitExceeded as exc:
            reason = (
                f"extraction {exc} ({len(article.text):,} characters; "
                "the limit is --article-timeout); not stored"
            )
            raise SourceError(article.origin, reason) from None

    def _database_name(self) -> str:
        bind = self.target.get_bind() if isinstance(self.target, Session) else self.target.engine
        return safe_url(bind.engine.url)

    def _store(
        self, article: ArticleInput, extracted: Sequence[ExtractedQuote] | None
    ) -> ImportResult:
        url, digest = _identity(article)
        found = self._lookup(url, digest)
        if found is not None:
            return self._stored(article, url, digest, found)
        if extracted is None:
            extracted = self._extract(article)
        return self._store_new([_Pending(article, url, digest, extracted)])[0]

    def _store_new(self, waiting: Sequence[_Pending]) -> list[ImportResult]:
        """New articles and their quotes, in one transaction."""
        with self._writing() as session:
            # Set before the quotes are written, but committed with them or not at all.
            extracted_at = utcnow()
            rows = []
            for pending in waiting:
                # Not looked up again: if another importer stores the same
                # article meanwhile, the unique constraints refuse this one
                # and ``store`` looks again.
                row = Article(
                    content_hash=pending.digest,
                    extracted_at=extracted_at,
                    extractor_version=self.version,
                )
                self._fill(session, row, pending.article, pending.url)
                session.add(row)
                rows.append(row)
            session.flush()
            recorded = _record(
                session,
                [(row, p.extracted) for row, p in zip(rows, waiting, strict=True)],
                self.cache,
            )
            session.flush()
        return [
            ImportResult(
                pending.article.origin,
                ImportStatus.NEW,
                article_id=row.id,
                quotes=result.quotes,
                new_speakers=result.new_speakers,
                notice=_notice(pending.article),
            )
            for pending, row, result in zip(waiting, rows, recorded, strict=True)
        ]

    def _stored(
        self, article: ArticleInput, url: str | None, digest: str, found: _Found
    ) -> ImportResult:
        """An article stored already: unchanged, one more reprint, or updated."""
        if found.reprint:
            if found.content_hash != digest and self.update:
                # The page that reprinted the article now says something else:
                # no longer a reprint; its text is imported for what it is.
                with self._writing() as session:
                    drop_reprints_at(session, url)
                return self._store(article, None)
            return ImportResult(article.origin, ImportStatus.UNCHANGED, article_id=found.id)
        elsewhere = url != found.url if url else article.outlet is not None
        if found.content_hash == digest and elsewhere:
            # Even with --update: a copy never overwrites what the article's
            # own source said (its outlet, title, date); that source does.
            reprinted = self._reprint(found, article, url)
            if reprinted is not None:
                return reprinted
        if not self.update:
            return ImportResult(article.origin, ImportStatus.UNCHANGED, article_id=found.id)
        extracted = self._extract(article)
        with self._writing() as session:
            # Statements are deleted and re-dated here, behind matching's back.
            self._forget_candidates()
            held = hand_work_on_article(session, found.id)
            if held:
                # Re-extraction deletes the article's quotes: what a person did
                # to them would go silently. The transaction is rolled back whole.
                raise SourceError(
                    article.origin,
                    f"not updated: re-extracting it would drop {', '.join(held)} "
                    f"(article {found.id}; `quotes log` lists them, `quotes undo` takes "
                    f"them back)",
                )
            row = session.get_one(Article, found.id)
            self._replace(session, row, article, url, digest)
            row.extracted_at = utcnow()
            row.extractor_version = self.version
            (recorded,) = _record(session, [(row, extracted)], None)
            # Matching knew only this copy's date, not its reprints'.
            recompute_statements(session, recorded.statements)
            session.flush()
        return ImportResult(
            article.origin,
            ImportStatus.UPDATED,
            article_id=row.id,
            quotes=recorded.quotes,
            new_speakers=recorded.new_speakers,
            notice=_notice(article),
        )

    def _reprint(
        self, found: _Found, article: ArticleInput, url: str | None
    ) -> ImportResult | None:
        """Keep another place the stored text was printed.

        ``unchanged`` if that place is known already; None if it is the
        article's own (a file read again under the outlet it was stored with).
        """
        with self._writing() as session:
            outlet_id = self._outlet(session, article)
            if url is None and outlet_id in (None, found.outlet_id):
                return None
            known = url is None and has_reprint_without_url(session, found.id, outlet_id)
            added = 0
            if not known:
                row = {
                    "article_id": found.id,
                    "outlet_id": outlet_id,
                    "url": url,
                    "origin": article.origin[:_MAX_URL],
                    "published_on": article.published,
                    "imported_at": utcnow(),
                }
                # A URL stored already (by another importer, a moment ago) is no new reprint.
                added = add_reprint(session, row)
                if added and article.published is not None:
                    # Printed perhaps before the stored copy: its quotes were
                    # said by then, and their statements' dates may move.
                    self._forget_candidates()
                    recompute_statements(session, article_statement_ids(session, found.id))
        status = ImportStatus.REPRINT if added else ImportStatus.UNCHANGED
        return ImportResult(article.origin, status, article_id=found.id)

    def _lookup(self, url: str | None, digest: str) -> _Found | None:
        """Is the article stored? Asked outside the write transaction, on a bare
        connection: the cheapest question, and most of a re-import."""
        if isinstance(self.target, Session):
            return _find(self.target.connection(), url, digest)
        connection = self._connect(self.target)
        try:
            return _find(connection, url, digest)
        finally:
            connection.rollback()

    def _fill(self, session: Session, row: Article, article: ArticleInput, url: str | None) -> None:
        row.url = url
        row.origin = article.origin[:_MAX_URL]
        row.title = article.title
        row.author = article.author[:_MAX_AUTHOR] if article.author else None
        row.published_on = article.published
        row.language = article.language[:_MAX_LANGUAGE] if article.language else None
        row.text = article.text
        row.outlet_id = self._outlet(session, article)

    def _replace(
        self, session: Session, row: Article, article: ArticleInput, url: str | None, digest: str
    ) -> None:
        """``--update``: forget the old quotes, take the new text and metadata."""
        if digest != row.content_hash:
            other = other_article_with_text(session, digest, row.id)
            if other is not None:
                raise SourceError(article.origin, f"same text as stored article {other}")
        if url and row.url and url != row.url:
            url = row.url  # found by its text: keep the URL it was first stored under
        _forget(session, row)
        self._fill(session, row, article, url or row.url)
        row.content_hash = digest

    # --- outlets ------------------------------------------------------------------

    def _outlet(self, session: Session, article: ArticleInput) -> int | None:
        name = article.outlet[:_MAX_OUTLET] if article.outlet else None
        domain = domain_of(article.url)
        key = (name, domain)
        if key not in self.outlets:
            self.outlets[key] = get_or_create_outlet(session, name, domain)
        return self.outlets[key]


# PostgreSQL's answers to two transactions that got in each other's way (a
# deadlock between two importers inserting the same outlets or articles in
# different orders, a serialization failure): the transaction is rolled back
# whole, and running it again is the remedy.
_TRANSIENT = frozenset({"40001", "40P01"})
_RETRIES = 5


def _retried(work: Callable[[], _T]) -> _T:
    """``work()``, run again (after a short, growing pause) when it failed transiently."""
    for attempt in range(_RETRIES):
        try:
            return work()
        except DBAPIError as exc:
            transient = getattr(exc.orig, "sqlstate", None) in _TRANSIENT
            if not transient or attempt == _RETRIES - 1:
                raise
            time.sleep(0.05 * (attempt + 1))
    raise AssertionError("unreachable")  # pragma: no cover


def _notice(article: ArticleInput) -> str | None:
    """The repairs made in reading the article, and why it has no quotes, if it has none."""
    notices = list(article.notices)
    if not is_english(article.language):
        notices.append(
            f"stored without quotes: language {article.language} (only English has rules)"
        )
    return "; ".join(notices) or None


def _identity(article: ArticleInput) -> tuple[str | None, str]:
    """The URL (cut to the column) and text hash an article is looked up by."""
    return (article.url[:_MAX_URL] if article.url else None), content_hash(article.text)


def _find(connection: Connection, url: str | None, digest: str) -> _Found | None:
    """The stored article at this URL (its own or a reprint's), or with this text.

    The URL wins: a page whose text changed is that page's article, to update.
    """
    rows = articles_at(connection, url, digest)
    if not rows:
        return None
    best = next((r for r in rows if url and r.url == url), None)
    if best is None:
        best = next((r for r in rows if r[4]), None)
        if best is not None:
            return _Found(best.id, url, best.content_hash, best.outlet_id, reprint=True)
        best = rows[0]
    return _Found(best.id, best.url, best.content_hash, best.outlet_id)


def get_or_create_outlet(session: Session, name: str | None, domain: str | None) -> int | None:
    """The outlet of an article: by ``name`` if one is given, else by the URL's domain.

    Both columns are unique and importers run concurrently, so rows are
    inserted with ``ON CONFLICT DO NOTHING`` and then selected: a race costs
    nothing and never aborts the article's transaction. A new outlet found by
    name records the domain too, unless another outlet already has it.
    """
    if name:
        found = outlet_named(session, name)
        if found is not None:
            return found
        for row in ({"name": name, "domain": domain}, {"name": name, "domain": None}):
            insert_outlet(session, row)
            found = outlet_named(session, name)
            if found is not None:
                return found
        return None  # pragma: no cover - the second insert cannot conflict but on the name
    if domain:
        found = outlet_at(session, domain)
        if found is not None:
            return found
        insert_outlet(session, {"name": domain[:_MAX_OUTLET], "domain": domain})
        found = outlet_at(session, domain)
        if found is None:  # an outlet is already *named* like this domain
            found = outlet_named(session, domain[:_MAX_OUTLET])
        return found
    return None


def _record(
    session: Session,
    items: Sequence[tuple[Article, Sequence[ExtractedQuote]]],
    cache: CandidateCache | None,
) -> list[Any]:
    from quotes.services.recording import record_articles

    return record_articles(session, items, cache=cache)


def _forget(session: Session, article: Article) -> None:
    from quotes.services.recording import forget_article_quotes

    forget_article_quotes(session, article)


def _first_line(exc: Exception) -> str:
    original = getattr(exc, "orig", None) or exc
    text = str(original).strip()
    return text.splitlines()[0] if text else type(exc).__name__
