"""The schema: SQLAlchemy 2.x models.

The unit a fact-checker cites is the *statement* (one thing a speaker said);
each *quote* is one occurrence of it, as printed in one article. Keeping both
lets ten outlets' wordings point at one statement without losing any of them,
and lets every automatic merge be undone (``merge_log``).

Constraint names follow one convention so that migrations can name, alter and
drop them on every backend. Full-text indexes are not here: they are
backend-specific DDL owned by the migrations (see ``quotes.storage.fulltext``).
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    DateTime,
    Enum,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from quotes.extract.model import DatePrecision, QuoteKind, SpeakerKind
from quotes.match.stance import Stance

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


WIKIDATA_ENTITY = "https://www.wikidata.org/entity/"
_QID = re.compile(r"^Q[1-9]\d*$")


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def enum_column(enum_class: type[StrEnum], name: str) -> Enum:
    """A portable enum: a VARCHAR with a named CHECK constraint on every backend.

    Native PostgreSQL enums need their own migrations to gain a value; a
    checked string does not.
    """
    return Enum(
        enum_class,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=16,
        values_callable=lambda members: [member.value for member in members],
    )


class Actor(StrEnum):
    """Who made a decision: a rule (always shown as suggested) or a person."""

    RULE = "rule"
    PERSON = "person"


class MergeEntity(StrEnum):
    QUOTE = "quote"  # a quote attached to a statement
    STATEMENT = "statement"  # two statements merged into one
    SPEAKER = "speaker"  # two speakers merged into one


class MergeAction(StrEnum):
    MERGE = "merge"
    UNMERGE = "unmerge"
    SPLIT = "split"


class SuggestionStatus(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        dt.datetime: DateTime(timezone=True),
        dt.date: Date(),
        str: String(),
    }


class Outlet(Base):
    __tablename__ = "outlets"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    domain: Mapped[str | None] = mapped_column(String(253), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    articles: Mapped[list[Article]] = relationship(back_populates="outlet")


class Article(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    outlet_id: Mapped[int | None] = mapped_column(
        ForeignKey("outlets.id", ondelete="SET NULL"), index=True
    )
    url: Mapped[str | None] = mapped_column(String(2048), unique=True)
    # Where it was read from (path, "-", URL); for the user, not for identity.
    origin: Mapped[str | None] = mapped_column(String(2048))
    title: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(String(500))
    published_on: Mapped[dt.date | None] = mapped_column(index=True)
    language: Mapped[str | None] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    # sha256 of the normalised text: re-importing the same article is a no-op.
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    imported_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    # Set once quotes are stored, in the same transaction; NULL means "not yet".
    extracted_at: Mapped[dt.datetime | None]
    extractor_version: Mapped[str | None] = mapped_column(String(32))

    outlet: Mapped[Outlet | None] = relationship(back_populates="articles")
    quotes: Mapped[list[Quote]] = relationship(
        back_populates="article", cascade="all, delete-orphan", passive_deletes=True
    )


class Reprint(Base):
    """The same article text printed again: by another outlet, or at another URL.

    Wire copy runs on dozens of sites word for word. Its quotes are stored
    once, with the article first imported; each further place it was printed
    is a reprint, so that every outlet and URL behind a statement is kept.
    """

    __tablename__ = "reprints"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    outlet_id: Mapped[int | None] = mapped_column(
        ForeignKey("outlets.id", ondelete="SET NULL"), index=True
    )
    url: Mapped[str | None] = mapped_column(String(2048), unique=True)
    origin: Mapped[str | None] = mapped_column(String(2048))
    published_on: Mapped[dt.date | None]
    imported_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Speaker(Base):
    __tablename__ = "speakers"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Not unique: two different people can share a name.
    name: Mapped[str] = mapped_column(String(300), index=True)
    kind: Mapped[SpeakerKind] = mapped_column(enum_column(SpeakerKind, "speaker_kind"))
    description: Mapped[str | None] = mapped_column(String(500))
    # The body the speaker speaks for or belongs to, as its role or a possessive
    # gave it: "Kremlin spokesman" -> "Russian government"; "Ukraine's" -> "Ukraine".
    affiliation: Mapped[str | None] = mapped_column(String(300), index=True)
    # The authority file entry this speaker is (a Wikidata QID such as "Q42"); not
    # a foreign key, so that reloading the authority file keeps the links.
    authority_id: Mapped[str | None] = mapped_column(String(64), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    aliases: Mapped[list[SpeakerAlias]] = relationship(
        back_populates="speaker", cascade="all, delete-orphan", passive_deletes=True
    )
    roles: Mapped[list[SpeakerRole]] = relationship(
        back_populates="speaker", cascade="all, delete-orphan", passive_deletes=True
    )

    @property
    def same_as(self) -> list[str]:
        """The URLs of the authority entry this speaker is (schema.org ``sameAs``)."""
        if self.authority_id and _QID.match(self.authority_id):
            return [WIKIDATA_ENTITY + self.authority_id]
        return []


class SpeakerAlias(Base):
    """Every surface form seen for a speaker: "Peskov", "Kremlin spokesman Dmitry Peskov"."""

    __tablename__ = "speaker_aliases"
    __table_args__ = (UniqueConstraint("speaker_id", "normalized"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    speaker_id: Mapped[int] = mapped_column(ForeignKey("speakers.id", ondelete="CASCADE"))
    alias: Mapped[str] = mapped_column(String(300))
    # Lookup key (casefolded, diacritics and titles stripped); indexed for resolution.
    normalized: Mapped[str] = mapped_column(String(300), index=True)
    added_by: Mapped[Actor] = mapped_column(enum_column(Actor, "actor"), default=Actor.RULE)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    speaker: Mapped[Speaker] = relationship(back_populates="aliases")


class AuthorityEntry(Base):
    """One entry of an authority file: a person or body with a stable id (a QID)."""

    __tablename__ = "authority_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    authority_id: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    # Every name it goes by, in any script, as the file gave them.
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)
    description: Mapped[str | None] = mapped_column(String(500))
    affiliation: Mapped[str | None] = mapped_column(String(300))
    party: Mapped[str | None] = mapped_column(String(300))
    # An ISO date or a year, as precise as the source knew it.
    born: Mapped[str | None] = mapped_column(String(10))


class AuthorityName(Base):
    """A look-up key of an authority entry: ``match.identity_key`` of a name or alias."""

    __tablename__ = "authority_names"
    __table_args__ = (UniqueConstraint("entry_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("authority_entries.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(300), index=True)


class SpeakerLink(Base):
    """A link of a speaker to an authority entry that a person has to decide."""

    __tablename__ = "speaker_links"
    __table_args__ = (UniqueConstraint("speaker_id", "authority_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    speaker_id: Mapped[int] = mapped_column(ForeignKey("speakers.id", ondelete="CASCADE"))
    authority_id: Mapped[str] = mapped_column(String(64))
    score: Mapped[float] = mapped_column(Float)
    # What the suggestion rests on, in words ("name; role: spokesman").
    method: Mapped[str] = mapped_column(String(200))
    status: Mapped[SuggestionStatus] = mapped_column(
        enum_column(SuggestionStatus, "suggestion_status"),
        default=SuggestionStatus.PENDING,
        index=True,
    )
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    decided_at: Mapped[dt.datetime | None]


class SpeakerRole(Base):
    """A role an article gave the speaker ("Kremlin spokesman") and when it was seen."""

    __tablename__ = "speaker_roles"
    __table_args__ = (UniqueConstraint("speaker_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    speaker_id: Mapped[int] = mapped_column(ForeignKey("speakers.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(300))
    first_seen: Mapped[dt.date | None]
    last_seen: Mapped[dt.date | None]

    speaker: Mapped[Speaker] = relationship(back_populates="roles")


class Statement(Base):
    """One thing a speaker said, however many outlets carried it."""

    __tablename__ = "statements"
    __table_args__ = (
        Index(None, "speaker_id", "first_said_on"),
        # A speaker's statements most quoted first (the speaker page's listing).
        Index(None, "speaker_id", "quote_count", "first_said_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("speakers.id", ondelete="SET NULL"))
    # The longest faithful wording among its quotes.
    canonical_text: Mapped[str] = mapped_column(Text)
    # Exact-match key of the normalised canonical text (quotes.match.normalize).
    match_key: Mapped[str] = mapped_column(String(64), index=True)
    kind: Mapped[QuoteKind] = mapped_column(enum_column(QuoteKind, "quote_kind"))
    first_said_on: Mapped[dt.date | None] = mapped_column(index=True)
    date_precision: Mapped[DatePrecision] = mapped_column(
        enum_column(DatePrecision, "date_precision"), default=DatePrecision.UNKNOWN
    )
    quote_count: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    speaker: Mapped[Speaker | None] = relationship()
    quotes: Mapped[list[Quote]] = relationship(back_populates="statement")
    topics: Mapped[list[StatementTopic]] = relationship(
        back_populates="statement", cascade="all, delete-orphan", passive_deletes=True
    )
    stances: Mapped[list[StatementStance]] = relationship(
        back_populates="statement", cascade="all, delete-orphan", passive_deletes=True
    )


class Quote(Base):
    """One occurrence of a statement, exactly as one article printed it."""

    __tablename__ = "quotes"
    __table_args__ = (
        UniqueConstraint("article_id", "span_start", "span_end"),
        CheckConstraint("span_start >= 0 AND span_end > span_start", name="span"),
        CheckConstraint("confidence >= 0 AND confidence <= 1", name="confidence"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    statement_id: Mapped[int | None] = mapped_column(
        ForeignKey("statements.id", ondelete="SET NULL"), index=True
    )
    speaker_id: Mapped[int | None] = mapped_column(
        ForeignKey("speakers.id", ondelete="SET NULL"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    span_start: Mapped[int]
    span_end: Mapped[int]
    kind: Mapped[QuoteKind] = mapped_column(enum_column(QuoteKind, "quote_kind"))
    cue: Mapped[str | None] = mapped_column(String(200))
    # The speaker as printed at this quote ("he", "Peskov") and where.
    speaker_mention: Mapped[str | None] = mapped_column(String(300))
    speaker_start: Mapped[int | None]
    speaker_end: Mapped[int | None]
    # The name the extractor resolved it to inside the article, before
    # cross-article resolution to ``speaker_id``.
    speaker_name: Mapped[str | None] = mapped_column(String(300))
    said_on: Mapped[dt.date | None] = mapped_column(index=True)
    date_precision: Mapped[DatePrecision] = mapped_column(
        enum_column(DatePrecision, "date_precision"), default=DatePrecision.UNKNOWN
    )
    confidence: Mapped[float] = mapped_column(Float, default=0.5)
    # How it was attached to its statement (exact, containment, fuzzy, person).
    match_method: Mapped[str | None] = mapped_column(String(32))
    match_score: Mapped[float | None] = mapped_column(Float)
    # A person gave it its speaker (``quotes quotes move``, a split): no rule
    # files it anywhere else afterwards (``quotes.services.namesakes``).
    hand_placed: Mapped[bool] = mapped_column(default=False, server_default=false())

    article: Mapped[Article] = relationship(back_populates="quotes")
    statement: Mapped[Statement | None] = relationship(back_populates="quotes")
    speaker: Mapped[Speaker | None] = relationship()


class Topic(Base):
    __tablename__ = "topics"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    # Keyword rules: a list of words or phrases; a statement matching any is tagged.
    keywords: Mapped[list[str]] = mapped_column(JSON, default=list)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("topics.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    parent: Mapped[Topic | None] = relationship(remote_side="Topic.id", back_populates="children")
    children: Mapped[list[Topic]] = relationship(back_populates="parent")


class StatementTopic(Base):
    __tablename__ = "statement_topics"

    statement_id: Mapped[int] = mapped_column(
        ForeignKey("statements.id", ondelete="CASCADE"), primary_key=True
    )
    topic_id: Mapped[int] = mapped_column(
        ForeignKey("topics.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    # A person's tag or untag is never overwritten by re-applying rules.
    assigned_by: Mapped[Actor] = mapped_column(enum_column(Actor, "actor"), default=Actor.RULE)
    # A person took this topic off the statement: kept (not deleted) so that
    # the keyword rules do not put it back.
    excluded: Mapped[bool] = mapped_column(default=False, server_default=false())
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    statement: Mapped[Statement] = relationship(back_populates="topics")
    topic: Mapped[Topic] = relationship()


class StatementStance(Base):
    """The position a statement takes on a topic; a rule's is only a suggestion."""

    __tablename__ = "statement_stances"
    __table_args__ = (UniqueConstraint("statement_id", "topic_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    statement_id: Mapped[int] = mapped_column(ForeignKey("statements.id", ondelete="CASCADE"))
    topic_id: Mapped[int] = mapped_column(ForeignKey("topics.id", ondelete="CASCADE"), index=True)
    stance: Mapped[Stance] = mapped_column(enum_column(Stance, "stance"))
    set_by: Mapped[Actor] = mapped_column(enum_column(Actor, "actor"))
    # The person who set or confirmed it, or the rule's cue ("dismissed").
    set_by_name: Mapped[str | None] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    statement: Mapped[Statement] = relationship(back_populates="stances")
    topic: Mapped[Topic] = relationship()


class MergeSuggestion(Base):
    """A match between the two thresholds, waiting for a person (``quotes review``)."""

    __tablename__ = "merge_suggestions"
    __table_args__ = (UniqueConstraint("quote_id", "statement_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    quote_id: Mapped[int] = mapped_column(ForeignKey("quotes.id", ondelete="CASCADE"))
    statement_id: Mapped[int] = mapped_column(
        ForeignKey("statements.id", ondelete="CASCADE"), index=True
    )
    method: Mapped[str] = mapped_column(String(32))
    score: Mapped[float] = mapped_column(Float)
    status: Mapped[SuggestionStatus] = mapped_column(
        enum_column(SuggestionStatus, "suggestion_status"),
        default=SuggestionStatus.PENDING,
        index=True,
    )
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    decided_at: Mapped[dt.datetime | None]


class MergeLog(Base):
    """Every merge, automatic or by hand, with what is needed to undo it.

    Deliberately without foreign keys: an audit trail must outlive the rows it
    speaks of.
    """

    __tablename__ = "merge_log"
    __table_args__ = (Index(None, "entity", "subject_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entity: Mapped[MergeEntity] = mapped_column(enum_column(MergeEntity, "merge_entity"))
    action: Mapped[MergeAction] = mapped_column(enum_column(MergeAction, "merge_action"))
    # The thing moved (a quote, a statement or a speaker) ...
    subject_id: Mapped[int]
    # ... from where (NULL: it was new) to where.
    from_id: Mapped[int | None]
    to_id: Mapped[int | None]
    method: Mapped[str] = mapped_column(String(32))
    score: Mapped[float | None] = mapped_column(Float)
    actor: Mapped[Actor] = mapped_column(enum_column(Actor, "actor"))
    # Anything else undo needs (e.g. the statement fields before a merge).
    details: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    undone_at: Mapped[dt.datetime | None]


class Operation(Base):
    """One change a person made or a command made on purpose, undoable as a whole.

    What it changed is in ``operation_rows``: the image of every row before
    and after, so that undo restores exactly what was there. Without foreign
    keys to the rows it speaks of, like ``merge_log``.
    """

    __tablename__ = "operations"

    id: Mapped[int] = mapped_column(primary_key=True)
    # merge, split, move, rename, alias, dedupe, accept, reject, stance, tag, untag,
    # add, keywords, remove, apply, link, load, unmerge, undo
    action: Mapped[str] = mapped_column(String(32))
    # What it acted on: speaker, quote, statement, suggestion, stance, topic, link, authority.
    entity: Mapped[str] = mapped_column(String(32))
    actor: Mapped[Actor] = mapped_column(enum_column(Actor, "actor"))
    who: Mapped[str | None] = mapped_column(String(200))
    method: Mapped[str | None] = mapped_column(String(32))
    score: Mapped[float | None] = mapped_column(Float)
    summary: Mapped[str] = mapped_column(Text)
    # The operation an undo undid (``{"undoes": id}``).
    details: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    undone_at: Mapped[dt.datetime | None]
    # The undo operation that undid this one.
    undone_by: Mapped[int | None]


class OperationRow(Base):
    """A row an operation inserted (``before`` NULL), deleted (``after`` NULL) or changed."""

    __tablename__ = "operation_rows"
    __table_args__ = (Index(None, "table_name", "row_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    operation_id: Mapped[int] = mapped_column(
        ForeignKey("operations.id", ondelete="CASCADE"), index=True
    )
    table_name: Mapped[str] = mapped_column(String(64))
    # The primary key as a JSON list ("[12]", "[3, 7]").
    row_key: Mapped[str] = mapped_column(String(200))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class OperationSpeaker(Base):
    """The speakers an operation concerned, for ``quotes log --speaker``."""

    __tablename__ = "operation_speakers"

    operation_id: Mapped[int] = mapped_column(
        ForeignKey("operations.id", ondelete="CASCADE"), primary_key=True
    )
    speaker_id: Mapped[int] = mapped_column(primary_key=True, index=True)
