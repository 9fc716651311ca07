"""Speaker queries and writes for the corrections (merge, split, rename, alias, move).

Resolution on import (``services.speaker_directory``) has its own reads; these
are what a person's corrections need.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import delete, func, insert, or_, select, update
from sqlalchemy.orm import Session

from quotes.extract.model import SpeakerKind
from quotes.storage.models import Quote, Speaker, SpeakerAlias, Statement


def quote_ids_of(session: Session, speaker_id: int) -> list[int]:
    return list(session.scalars(select(Quote.id).where(Quote.speaker_id == speaker_id)))


def statement_ids_of(session: Session, speaker_id: int) -> list[int]:
    return list(session.scalars(select(Statement.id).where(Statement.speaker_id == speaker_id)))


def statement_count(session: Session, speaker_id: int) -> int:
    return int(
        session.scalar(
            select(func.count()).select_from(Statement).where(Statement.speaker_id == speaker_id)
        )
        or 0
    )


def printed_names(session: Session, speaker_id: int) -> list[tuple[int, str | None, str | None]]:
    """(quote id, in-article name, mention as printed) of the speaker's quotes."""
    return [
        (quote_id, name, mention)
        for quote_id, name, mention in session.execute(
            select(Quote.id, Quote.speaker_name, Quote.speaker_mention).where(
                Quote.speaker_id == speaker_id
            )
        )
    ]


def names_filed_by_rule(session: Session, speaker_id: int) -> list[tuple[int, int | None, str]]:
    """(quote id, statement id, name as resolved in the article, else as printed) of
    the speaker's quotes a rule filed (not those a person placed)."""
    return [
        (quote_id, statement_id, str(name or mention))
        for quote_id, statement_id, name, mention in session.execute(
            select(Quote.id, Quote.statement_id, Quote.speaker_name, Quote.speaker_mention).where(
                Quote.speaker_id == speaker_id, Quote.hand_placed.is_(False)
            )
        )
        if name or mention
    ]


def set_quote_speaker(
    session: Session,
    quote_ids: Sequence[int],
    speaker_id: int | None,
    *,
    by_hand: bool = False,
) -> None:
    """File quotes under a speaker; ``by_hand``: a person chose it, and no rule
    refiles them afterwards (a rule's filing leaves the mark as it was)."""
    values: dict[str, object] = {"speaker_id": speaker_id}
    if by_hand:
        values["hand_placed"] = True
    session.execute(update(Quote).where(Quote.id.in_(quote_ids)).values(**values))


def set_statement_speaker(
    session: Session, statement_ids: Sequence[int], speaker_id: int | None
) -> None:
    session.execute(
        update(Statement).where(Statement.id.in_(statement_ids)).values(speaker_id=speaker_id)
    )


def set_alias_speaker(session: Session, alias_ids: Sequence[int], speaker_id: int) -> None:
    session.execute(
        update(SpeakerAlias).where(SpeakerAlias.id.in_(alias_ids)).values(speaker_id=speaker_id)
    )


def set_quote_statement(
    session: Session,
    quote_ids: Sequence[int],
    statement_id: int | None,
    *,
    method: str | None = None,
    score: float | None = None,
) -> None:
    """Put quotes in a statement, with how they got there."""
    session.execute(
        update(Quote)
        .where(Quote.id.in_(quote_ids))
        .values(statement_id=statement_id, match_method=method, match_score=score)
    )


def quotes_by_statement(session: Session, quote_ids: Sequence[int]) -> dict[int, list[int]]:
    """The statements of these quotes, each with the ones of them it holds."""
    grouped: dict[int, list[int]] = defaultdict(list)
    for quote_id, statement_id in session.execute(
        select(Quote.id, Quote.statement_id).where(Quote.id.in_(quote_ids))
    ):
        if statement_id is not None:
            grouped[statement_id].append(quote_id)
    return grouped


def statement_sizes(session: Session, statement_ids: Sequence[int]) -> dict[int, int]:
    """How many quotes each statement holds."""
    return {
        int(statement_id): int(n)
        for statement_id, n in session.execute(
            select(Quote.statement_id, func.count())
            .where(Quote.statement_id.in_(statement_ids))
            .group_by(Quote.statement_id)
        )
        if statement_id is not None
    }


def speakers_holding(session: Session, key: str, name: str) -> list[Speaker]:
    """Speakers with this name key among their aliases, or this name (any case)."""
    ids = set(
        session.scalars(select(SpeakerAlias.speaker_id).where(SpeakerAlias.normalized == key))
    )
    ids |= set(session.scalars(select(Speaker.id).where(func.lower(Speaker.name) == name.lower())))
    return [s for s in (session.get(Speaker, i) for i in sorted(ids)) if s is not None]


def mixed_statements(session: Session) -> list[int]:
    """Statements holding quotes of more than one speaker (never right)."""
    return list(
        session.scalars(
            select(Quote.statement_id)
            .where(Quote.statement_id.is_not(None))
            .group_by(Quote.statement_id)
            .having(func.count(func.distinct(func.coalesce(Quote.speaker_id, -1))) > 1)
        )
    )


def printed_forms(session: Session, speaker_ids: Sequence[int]) -> dict[int, set[str]]:
    """The names (as resolved in the article, else as printed) the speakers' quotes
    were filed by."""
    found: dict[int, set[str]] = defaultdict(set)
    for speaker_id, name, mention in session.execute(
        select(Quote.speaker_id, Quote.speaker_name, Quote.speaker_mention)
        .where(Quote.speaker_id.in_(speaker_ids))
        .distinct()
    ):
        printed = name or mention
        if speaker_id is not None and printed:
            found[speaker_id].add(printed)
    return found


def quotes_filed_as(
    session: Session, speaker_id: int, printed: Sequence[str]
) -> list[tuple[int, int | None]]:
    """(quote id, statement id) of the speaker's quotes filed by one of these names
    by a rule (a person's placement is not the rule's to revisit)."""
    return [
        (quote_id, statement_id)
        for quote_id, statement_id in session.execute(
            select(Quote.id, Quote.statement_id).where(
                Quote.speaker_id == speaker_id,
                Quote.hand_placed.is_(False),
                or_(
                    Quote.speaker_name.in_(printed),
                    Quote.speaker_name.is_(None) & Quote.speaker_mention.in_(printed),
                ),
            )
        )
    ]


def unfiled_quotes_naming(
    session: Session, spellings: Sequence[str]
) -> list[tuple[int, int | None, str]]:
    """(quote id, statement id, name) of the quotes filed under no speaker whose name
    (as resolved in the article, else as printed) is or ends in one of these
    lower-case spellings as a word ("Sen. Li" for "li", not "Police"): the
    candidates a caller reads again by name."""
    printed = func.lower(func.coalesce(Quote.speaker_name, Quote.speaker_mention))
    if not spellings:
        return []
    return [
        (quote_id, statement_id, name)
        for quote_id, statement_id, name in session.execute(
            select(
                Quote.id,
                Quote.statement_id,
                func.coalesce(Quote.speaker_name, Quote.speaker_mention),
            ).where(
                Quote.speaker_id.is_(None),
                Quote.hand_placed.is_(False),
                or_(
                    printed.in_(spellings),
                    *(printed.endswith(" " + s, autoescape=True) for s in spellings),
                ),
            )
        )
    ]


def speakers_by_quotes(
    session: Session, *, alias_part: str | None = None, speaker_ids: Sequence[int] | None = None
) -> list[Speaker]:
    """Speakers, most quoted first (then by name); ``alias_part``: only those with an
    alias key containing it."""
    counts = (
        select(Quote.speaker_id, func.count().label("quotes"))
        .where(Quote.speaker_id.is_not(None))
        .group_by(Quote.speaker_id)
        .subquery()
    )
    query = (
        select(Speaker)
        .outerjoin(counts, counts.c.speaker_id == Speaker.id)
        .order_by(func.coalesce(counts.c.quotes, 0).desc(), Speaker.name)
    )
    if alias_part:
        matching = select(SpeakerAlias.speaker_id).where(
            SpeakerAlias.normalized.contains(alias_part)
        )
        query = query.where(Speaker.id.in_(matching))
    if speaker_ids is not None:
        query = query.where(Speaker.id.in_(speaker_ids))
    return list(session.scalars(query))


def delete_speaker(session: Session, speaker_id: int) -> None:
    session.execute(delete(Speaker).where(Speaker.id == speaker_id))


def recreate_speaker(
    session: Session, speaker_id: int, name: str, kind: SpeakerKind, description: str | None
) -> None:
    """A speaker back with its old id."""
    session.execute(
        insert(Speaker).values(id=speaker_id, name=name, kind=kind, description=description)
    )


def hand_back(
    session: Session,
    quote_ids: Sequence[int],
    statement_ids: Sequence[int],
    holder: int,
    owner: int,
) -> None:
    """Quotes and statements ``holder`` holds of these go back to ``owner``."""
    session.execute(
        update(Quote)
        .where(Quote.id.in_(quote_ids), Quote.speaker_id == holder)
        .values(speaker_id=owner)
    )
    session.execute(
        update(Statement)
        .where(Statement.id.in_(statement_ids), Statement.speaker_id == holder)
        .values(speaker_id=owner)
    )


def alias_keys(session: Session, speaker_id: int) -> set[str]:
    """The alias keys a speaker has."""
    return set(
        session.scalars(
            select(SpeakerAlias.normalized).where(SpeakerAlias.speaker_id == speaker_id)
        )
    )
