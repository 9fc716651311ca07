"""Undoing a speaker merge after later imports.

A merge moves the other speaker's names (aliases) to the speaker kept; an
import after it files a quote printed with one of those names under the kept
speaker. Undone, the merge gives the names back, and with them the quotes an
import filed by them since: the database is as if the merge had never been
(the quote under the person its name names, in that person's statement of
the same words). A quote a person placed stays where they put it. A later
import that changed the merge's own rows (a quote joining a statement the
merge gave the kept speaker) makes the undo refuse instead, saying so.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy.orm import Session

from quotes import match
from quotes.services.placing import move_quotes
from quotes.storage.operations import Change, Recorder
from quotes.storage.speakers import names_filed_by_rule


def follow_names_back(session: Session, recorder: Recorder, changes: list[Change]) -> None:
    """After the rows of a speaker merge are back: the quotes filed since under the
    kept speaker by a name the merge had moved go back to that name's speaker."""
    # kept speaker -> alias key -> the speaker it was moved from
    moved: dict[int, dict[str, int]] = defaultdict(dict)
    for change in changes:
        before, after = change.before, change.after
        if change.table != "speaker_aliases" or before is None or after is None:
            continue
        if before["speaker_id"] != after["speaker_id"]:
            moved[after["speaker_id"]][before["normalized"]] = before["speaker_id"]
    own = {change.key[0] for change in changes if change.table == "quotes"}
    moves: dict[int, tuple[int | None, int | None]] = {}
    for kept, names in moved.items():
        for quote_id, statement_id, printed in names_filed_by_rule(session, kept):
            owner = names.get(match.alias_key(printed))
            if owner is not None and quote_id not in own:
                moves[quote_id] = (statement_id, owner)
    if moves:
        session.expire_all()
        move_quotes(session, recorder, moves, "person")
