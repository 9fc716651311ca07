"""When a namesake appears, what was filed by surname alone is looked at again.

A quote printed with a bare surname ("Datilochuk") or a title and a surname
("General Datilochuk") in an article that never gives the full name is filed
under the one person known by that surname: the best reading while there is
one. Once a second person of that surname appears (a full name whose given
names exclude the first one's), that reading was a guess. So the quotes the
first person holds by such a name are resolved again with what is known now
(``SpeakerDirectory.lookup``: titles and roles seen with each full name): a
title that fits only one of them files the quote there; a name that fits
several stays with no speaker, since a quote given to the wrong person does
more harm than one not given. A quote named in full, or by an initial that
only one of them has, stays where it is.

What tells namesakes apart may come after the quote it would place: "Senator
Datilochuk" printed while two Datilochuks are known and neither yet as a
senator waits under no speaker. So the quotes filed under no speaker by a
surname of the family are read again too, whenever a namesake appears or one
of the family is seen in an office new to them; the result does not depend
on which article came first.

A surname that is also a given name ("Warren") printed alone before anyone of
that surname is known waits under no speaker (a given name alone is no one in
particular); it is read the same way once the first person of that surname
appears.

A quote a person filed (``quotes quotes move``, a split) is theirs to place:
no refiling moves it, however its name reads now.

The refiling is one logged operation (actor: rule), undone by ``quotes undo``.
A quote moved is matched under its new speaker as ``quotes quotes move``
matches it (``quotes.services.placing``): it joins that speaker's statement
of the same words; otherwise a statement whose quotes all go goes with them,
and a quote leaving others behind gets a statement of its own.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy.orm import Session

from quotes import match
from quotes.extract.model import SpeakerKind
from quotes.services.placing import move_quotes
from quotes.services.speaker_directory import SpeakerDirectory, SpeakerEntry
from quotes.storage.models import Actor
from quotes.storage.operations import operation
from quotes.storage.speakers import (
    printed_forms,
    quotes_filed_as,
    unfiled_quotes_naming,
)


def _by_surname_only(printed: str) -> bool:
    """A name that does not tell namesakes apart by itself: a surname, titled or
    not, or an initial and a surname."""
    given = match.split_name(match.name_key(printed))[0]
    return not given or len(given[0]) == 1


def refile_namesakes(
    session: Session, directory: SpeakerDirectory, speaker_ids: Sequence[int]
) -> int:
    """Resolve again the quotes these people hold by surname alone, and those filed
    under no speaker by one of their surnames; how many moved."""
    moves: dict[int, tuple[int | None, int | None]] = {}  # quote -> (statement, speaker)
    forms = printed_forms(session, speaker_ids)
    for speaker_id in sorted(forms):
        changed: dict[int | None, list[str]] = defaultdict(list)
        for printed in sorted(forms[speaker_id]):
            if not _by_surname_only(printed):
                continue
            target = _reading(directory, printed)
            if target != speaker_id:
                changed[target].append(printed)
        for target, names in changed.items():
            for quote_id, statement_id in quotes_filed_as(session, speaker_id, names):
                moves[quote_id] = (statement_id, target)
    family = [directory.entries[i] for i in speaker_ids if i in directory.entries]
    spellings = {e.surname for e in family if e.surname}
    spellings.update(p.split()[-1].casefold() for names in forms.values() for p in names)
    for quote_id, statement_id, printed in unfiled_quotes_naming(session, sorted(spellings)):
        surname = match.split_name(match.name_key(printed))[1]
        if not _by_surname_only(printed) or not any(
            match.surnames_match(surname, e.surname) for e in family if e.surname
        ):
            continue
        target = _reading(directory, printed)
        if target is not None:
            moves[quote_id] = (statement_id, target)
    if not moves:
        return 0
    targets = {target for _, target in moves.values() if target is not None}
    _refile(session, moves, sorted(set(speaker_ids) | targets))
    return len(moves)


def _reading(directory: SpeakerDirectory, printed: str) -> int | None:
    """The speaker a name printed by surname alone fits now, its titles counting as a role."""
    _, titles, _ = match.name_parts(printed)
    found = directory.lookup(printed, SpeakerKind.PERSON, titles)
    return found.id if isinstance(found, SpeakerEntry) else None


def _refile(
    session: Session, moves: dict[int, tuple[int | None, int | None]], people: list[int]
) -> None:
    with operation(session, "refile", "quote", actor=Actor.RULE, method="namesake") as logged:
        move_quotes(session, logged.recorder, moves, "namesake")
        unfiled = sum(1 for _, target in moves.values() if target is None)
        logged.speakers.update(people)
        logged.summary = (
            f"{len(moves)} quotes named by surname alone looked at again for speakers "
            f"{', '.join(map(str, people))}, once a namesake or the surname's first "
            f"bearer appeared, or an office told them apart: "
            f"{len(moves) - unfiled} filed under one of them, {unfiled} under no speaker"
        )
    session.expire_all()
