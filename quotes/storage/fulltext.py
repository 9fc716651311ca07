"""Full-text candidates for search: FTS5 on SQLite, tsvector on PostgreSQL.

The only module that knows each backend's full-text syntax. User text never
reaches either query language as written: it is cut into word tokens, stop
words are dropped, and each token is quoted (FTS5) or passed as a bare
lexeme (``to_tsquery``), so quotation marks, ``AND``/``OR``/``NEAR``,
``*``, ``-``, ``:`` and unbalanced brackets are only ever words or nothing.

Tokens are OR-ed: a half-remembered sentence shares some of its words with
what was said, seldom all of them. The backend's own ranking (bm25,
ts_rank) orders the candidates; the fuzzy re-ranking happens in the service.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import (
    ColumnElement,
    Float,
    Integer,
    Select,
    String,
    and_,
    column,
    exists,
    func,
    literal_column,
    select,
    table,
    text,
)
from sqlalchemy.orm import Session

from quotes.storage.appearances import appearances
from quotes.storage.models import Outlet, Quote, Statement, StatementTopic

# The English stop words of PostgreSQL's snowball list, which to_tsquery drops
# anyway; dropping them on SQLite too keeps OR queries from matching everything.
STOP_WORDS = frozenset(
    """
    a about above after again against all am an and any are as at be because been
    before being below between both but by can could did do does doing down during
    each few for from further had has have having he her here hers herself him
    himself his how i if in into is it its itself just me more most my myself no nor
    not now of off on once only or other our ours ourselves out over own same she
    should so some such than that the their theirs them themselves then there these
    they this those through to too under until up very was we were what when where
    which while who whom why will with would you your yours yourself yourselves
    s t don
    """.split()
)
# More terms than this add little to recall and a lot to the cost of the OR query.
MAX_TERMS = 24
_WORD = re.compile(r"\w+", re.UNICODE)
# Symbols beyond Latin-1 that are not letters, digits or white space: emoji,
# pictographs, dingbats (general punctuation and quote marks excluded).
_SYMBOLS = re.compile(r"[^\w\s\u0000-\u00ff\u2000-\u206f]+", re.UNICODE)


def query_terms(user_text: str) -> list[str]:
    """The searchable words of ``user_text``: lower case, no stop words, each once."""
    seen: dict[str, None] = {}
    for token in _WORD.findall(user_text.casefold()):
        token = token.strip("_")
        if token and token not in STOP_WORDS and len(token) <= 64:
            seen.setdefault(token, None)
    return list(seen)[:MAX_TERMS]


def query_symbols(user_text: str) -> list[str]:
    """What full text cannot find: runs of symbols that are not words nor
    punctuation (emoji, pictographs), each once. Both backends' tokenizers
    drop them, so a search for "🕊" is answered by ``statements_containing``."""
    seen: dict[str, None] = {}
    for run in _SYMBOLS.findall(user_text):
        # Without the emoji variation selector, which one printing has and another not.
        run = run.replace("\ufe0f", "")[:16]
        if run:
            seen.setdefault(run, None)
    return list(seen)[:MAX_TERMS]


@dataclass(frozen=True)
class Filters:
    """What a search is narrowed to; resolved to ids by the caller."""

    speaker_id: int | None = None
    # Any of these speakers (an affiliation's).
    speaker_ids: Sequence[int] | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    topic_ids: Sequence[int] | None = None
    outlet_ids: Sequence[int] | None = None
    kind: str | None = None

    def clauses(self) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = []
        if self.speaker_id is not None:
            found.append(Statement.speaker_id == self.speaker_id)
        if self.speaker_ids is not None:
            found.append(Statement.speaker_id.in_(self.speaker_ids))
        if self.since is not None:
            found.append(Statement.first_said_on >= self.since)
        if self.until is not None:
            found.append(Statement.first_said_on <= self.until)
        if self.kind is not None:
            found.append(Statement.kind == self.kind)
        if self.topic_ids is not None:
            found.append(
                exists().where(
                    and_(
                        StatementTopic.statement_id == Statement.id,
                        StatementTopic.topic_id.in_(self.topic_ids),
                        StatementTopic.excluded.is_(False),
                    )
                )
            )
        if self.outlet_ids is not None:
            printed = appearances()
            found.append(
                exists().where(
                    and_(
                        Quote.statement_id == Statement.id,
                        printed.c.article_id == Quote.article_id,
                        printed.c.outlet_id.in_(self.outlet_ids),
                    )
                )
            )
        return found


# A word in more statements than this is too common to find candidates by
# itself: an OR over it would rank a large part of the database.
COMMON = 1000
# A word that PostgreSQL's statistics put in this many times ``COMMON``
# statements is taken as common without a count. They are estimated from a
# sample of 300,000 rows: at 1.25 x 1,000 of a million, 375 rows of the
# sample, and a word in fewer than 1,000 would be five standard errors off.
SURELY_COMMON = 1.25
# At most this many matching statements are ranked by one query. The rank is
# computed per match, so an unbounded match set, such as every statement
# holding "minister" in a million, would cost what a search cannot afford.
# FTS5 computes bm25 from its doclists in C (5,000 matches take a few ms);
# ts_rank reads each stored vector from the table, so PostgreSQL ranks fewer
# and, on CheckThat! 2B, finds a little less (benchmarks/bench_search_*.py).
RANKED = {"sqlite": 5000, "postgresql": 1000}


def statement_candidates(
    session: Session, terms: Sequence[str], filters: Filters, limit: int
) -> list[tuple[int, float]]:
    """(statement id, backend rank) of up to ``limit`` statements sharing words with ``terms``.

    First the statements holding every word that occurs at all (the best
    matches); then, to fill ``limit``, those holding any of the rarest words
    that together occur in at most ``RANKED`` statements; where every word is
    common, the conjunction of the rarest ones. No query ranks more than
    ``RANKED`` matches, so the cost stays bounded however large the database
    grows. Rank is "higher is better" on both backends.
    """
    if not terms:
        return []
    postgres = session.get_bind().dialect.name != "sqlite"
    ranked = RANKED["postgresql" if postgres else "sqlite"]
    frequency = _frequencies(session, terms, postgres)
    present = sorted((t for t in terms if frequency[t]), key=lambda t: frequency[t])
    if not present:
        return []
    found: dict[int, float] = {}

    def run(words: Sequence[str], operator: str) -> None:
        if postgres:
            query = _postgresql_query(words, operator, filters, ranked, limit)
        else:
            query = _sqlite_query(words, operator, filters, ranked, limit)
        for row in session.execute(query):
            found.setdefault(int(row[0]), float(row[1] or 0.0))

    run(present, "AND")
    rare = [t for t in present if frequency[t] < COMMON]
    if len(found) < limit and len(present) > 1:
        if rare:
            # The rarest words first: they say the most and cost the least.
            total = 0
            words: list[str] = []
            for term in rare:
                total += frequency[term]
                if words and total > ranked:
                    break
                words.append(term)
            run(words, "OR")
        else:
            # Every word common: loosen the conjunction from its commonest word.
            words = present[:-1]
            while len(found) < limit and words:
                run(words, "AND")
                words = words[:-1]
    return sorted(found.items(), key=lambda item: -item[1])[:limit]


def _frequencies(session: Session, terms: Sequence[str], postgres: bool) -> dict[str, int]:
    """In how many statements each term occurs, up to ``COMMON``.

    On SQLite, counted in FTS5's doclists, one round trip. On PostgreSQL,
    counting a word means fetching each statement holding it from the table
    (a GIN index says where, not how many): up to ``COMMON`` rows a word, the
    dearest step of a search. So a word that the most common lexemes ANALYZE
    keeps for the stored vectors (10,000 of them since migration 0010: every
    word in more than a few hundred statements of a million) put in well
    over ``COMMON`` statements is common without a count; the others are
    counted, so that which words lead and how many are OR-ed is decided on
    exact figures. (Taking every word's figure from the statistics saves
    most of the counting but, on a sample of the table, misorders rare words
    and calls some common ones rare: on bench_web's million statements 2 of
    200 misremembered sentences lost their first place.)
    """
    if not postgres:
        count = (
            "(SELECT count(*) FROM (SELECT 1 FROM statements_fts "
            "WHERE statements_fts MATCH :q{n} LIMIT :cap))"
        )
        sql = "SELECT " + ", ".join(count.format(n=n) for n in range(len(terms)))
        strings = {f"q{n}": _fts5_string(term) for n, term in enumerate(terms)}
        row = session.execute(text(sql), {**strings, "cap": COMMON}).one()
        return {term: int(value) for term, value in zip(terms, row, strict=True)}
    analyzed, lexemes = session.execute(text(_POSTGRESQL_LEXEMES), {"words": list(terms)}).one()
    known = _lexeme_statistics(session, analyzed)
    found = {
        term: COMMON
        for term, lexeme in zip(terms, lexemes, strict=True)
        if known.get(lexeme, 0.0) >= SURELY_COMMON * COMMON
    }
    rest = [term for term in terms if term not in found]
    if rest:
        count = (
            "(SELECT count(*) FROM (SELECT 1 FROM statements WHERE "
            "fts_vector @@ to_tsquery('english', :q{n}) LIMIT :cap) AS m{n})"
        )
        sql = "SELECT " + ", ".join(count.format(n=n) for n in range(len(rest)))
        # \w tokens hold no quote: quoted, each is one lexeme.
        quoted = {f"q{n}": f"'{term}'" for n, term in enumerate(rest)}
        row = session.execute(text(sql), {**quoted, "cap": COMMON}).one()
        found |= {term: int(value) for term, value in zip(rest, row, strict=True)}
    return {term: found[term] for term in terms}


# When the statements' statistics were last made, and each word's lexeme.
_POSTGRESQL_LEXEMES = """
SELECT greatest(pg_stat_get_last_analyze_time(c.oid), pg_stat_get_last_autoanalyze_time(c.oid)),
       ARRAY(SELECT coalesce((tsvector_to_array(to_tsvector('english', w.word)))[1], '')
             FROM unnest(CAST(:words AS text[])) WITH ORDINALITY AS w(word, n) ORDER BY w.n)
FROM pg_class AS c WHERE c.oid = 'statements'::regclass
"""
# The most common lexemes of the stored vectors (migration 0004), with the
# share of statements holding each, and the table's size, as ANALYZE saw them.
_POSTGRESQL_STATISTICS = """
SELECT s.most_common_elems::text::text[], s.most_common_elem_freqs, greatest(c.reltuples, 0)
FROM pg_stats AS s JOIN pg_class AS c ON c.oid = 'statements'::regclass
WHERE s.schemaname = current_schema() AND s.tablename = 'statements'
  AND s.attname = 'fts_vector'
"""
# Per database, the statistics of its last ANALYZE: {lexeme: statements}. Ten
# thousand lexemes take milliseconds to read and parse; a search reads them
# again only when ANALYZE has made new ones.
_STATISTICS: dict[str, tuple[object, dict[str, float]]] = {}


def _lexeme_statistics(session: Session, analyzed: object) -> dict[str, float]:
    """{lexeme: statements holding it} of the most common lexemes, as of ``analyzed``."""
    key = session.get_bind().engine.url.render_as_string(hide_password=True)
    cached = _STATISTICS.get(key)
    if cached is not None and cached[0] == analyzed and analyzed is not None:
        return cached[1]
    known: dict[str, float] = {}
    row = session.execute(text(_POSTGRESQL_STATISTICS)).one_or_none()
    if row is not None:
        lexemes, shares, rows = row
        # The shares array ends with three figures of its own (least, most, nulls).
        known = {lexeme: share * rows for lexeme, share in zip(lexemes, shares, strict=False)}
    _STATISTICS[key] = (analyzed, known)
    return known


def _fts5_string(term: str) -> str:
    # A quoted FTS5 string: nothing in it is syntax. A doubled quote is
    # FTS5's escape, though \w tokens never hold one.
    return '"' + term.replace('"', '""') + '"'


def _sqlite_query(
    terms: Sequence[str], operator: str, filters: Filters, ranked: int, limit: int
) -> Select[int, float]:
    match = f" {operator} ".join(_fts5_string(term) for term in terms)
    # The newest ``ranked`` matches: FTS5 walks its doclists by rowid, either
    # way, and stops there; bm25 is computed only for those.
    matches = select(
        _STATEMENTS_FTS.c.rowid.label("id"),
        literal_column("bm25(statements_fts)", Float).label("bm25"),
    ).select_from(_STATEMENTS_FTS)
    clauses = filters.clauses()
    if clauses:
        # Only a filter needs the statement's row: without one, each of the
        # ``ranked`` matches would cost a look-up in the table for nothing.
        matches = matches.join(Statement, Statement.id == _STATEMENTS_FTS.c.rowid)
    matches = (
        matches.where(text("statements_fts MATCH :match").bindparams(match=match), *clauses)
        .order_by(_STATEMENTS_FTS.c.rowid.desc())
        .limit(ranked)
    )
    ranked_matches = matches.subquery()
    # bm25 is "lower is better"; negated so that both backends agree.
    return (
        select(ranked_matches.c.id, -ranked_matches.c.bm25)
        .order_by(ranked_matches.c.bm25)
        .limit(limit)
    )


# The FTS5 table of migration 0001 (not a model: alembic and the models never see it).
_STATEMENTS_FTS = table("statements_fts", column("rowid", Integer))


def _postgresql_query(
    terms: Sequence[str], operator: str, filters: Filters, ranked: int, limit: int
) -> Select[int, float]:
    # \w tokens hold no tsquery operators; quoting each lexeme keeps tokens
    # such as "covid19" whole.
    joined = (" & " if operator == "AND" else " | ").join(f"'{term}'" for term in terms)
    tsquery = func.to_tsquery(_ENGLISH, joined)
    # Any ``ranked`` matches, in no order: an ORDER BY id here lets the planner
    # walk the primary key backwards, testing every row, instead of the index.
    matches = (
        select(Statement.id, _FTS_VECTOR.label("vector"))
        .where(_FTS_VECTOR.bool_op("@@")(tsquery), *filters.clauses())
        .limit(ranked)
        .subquery()
    )
    rank: ColumnElement[float] = func.ts_rank(matches.c.vector, tsquery, type_=Float)
    return select(matches.c.id, rank).order_by(rank.desc()).limit(limit)


# The stored tsvector of migration 0004, under the GIN index ix_fts_statements
# (not a model column: alembic and the models never see it).
_FTS_VECTOR: ColumnElement[str] = literal_column("statements.fts_vector")
# The configuration the stored vectors are made with, inline like theirs.
_ENGLISH: ColumnElement[str] = literal_column("'english'", String)


def statements_containing(
    session: Session, fragments: Sequence[str], filters: Filters, limit: int
) -> list[tuple[int, float]]:
    """(statement id, 1.0) of up to ``limit`` statements whose text holds every
    fragment, newest first: a scan, for what no full-text index holds."""
    if not fragments:
        return []
    query = (
        select(Statement.id)
        .where(
            *(Statement.canonical_text.contains(f, autoescape=True) for f in fragments),
            *filters.clauses(),
        )
        .order_by(Statement.id.desc())
        .limit(limit)
    )
    return [(statement_id, 1.0) for statement_id in session.scalars(query)]


def outlet_ids_named(session: Session, name: str) -> list[int]:
    """Outlets whose name or domain is ``name`` (case-insensitive), or contains it."""
    key = name.strip().casefold()
    rows = session.execute(select(Outlet.id, Outlet.name, Outlet.domain)).all()
    exact = [i for i, n, d in rows if key in {(n or "").casefold(), (d or "").casefold()}]
    return exact or [i for i, n, d in rows if key in (n or "").casefold() or key in (d or "")]
