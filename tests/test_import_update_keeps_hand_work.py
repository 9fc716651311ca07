"""``--update`` never silently drops what a person did to an article's quotes.

Re-extraction (of the same text, say by a newer extractor) deletes an article's quotes and records them again; a quote a
person moved, or a stance they set on a statement only that article holds,
would go with them. Such an article is not updated: it fails alone, naming the
work, and the database is exactly as before. Both backends; made-up text.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from quotes.extract.model import SpeakerKind
from quotes.services.importing import ImportResult, ImportStatus, import_articles
from quotes.services.moving import move_quote
from quotes.services.stance import set_stance
from quotes.services.topics import add_topic
from quotes.storage.database import Database
from quotes.storage.models import Quote, Speaker
from tests.test_operations import snapshot

FIRST = (
    "date 2026-03-09 Harbour dues\n\n"
    '"The harbour dues will not rise this year," port director Ines Valtonen told '
    "reporters on Monday.\n"
)


def _import(database: Database, path: Path, update: bool = False) -> list[ImportResult]:
    return list(import_articles(database, [str(path)], update=update))


def _story(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "harbour.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_an_update_without_hand_work_goes_ahead(database: Database, tmp_path: Path) -> None:
    _import(database, _story(tmp_path, FIRST))
    (result,) = _import(database, _story(tmp_path, FIRST), update=True)
    assert result.status is ImportStatus.UPDATED
    assert result.quotes == 1


def test_a_quote_moved_by_hand_stops_the_update(database: Database, tmp_path: Path) -> None:
    _import(database, _story(tmp_path, FIRST))
    with database.session() as session:
        quote = session.scalars(select(Quote)).one()
        other = Speaker(name="Oskar Lindqvist", kind=SpeakerKind.PERSON)
        session.add(other)
        session.flush()
        move_quote(session, quote.id, other)
        session.commit()
    before = snapshot(database)
    (result,) = _import(database, _story(tmp_path, FIRST), update=True)
    assert result.status is ImportStatus.FAILED
    assert result.error is not None and "1 quote placed by hand" in result.error
    assert "\n" not in result.error
    assert snapshot(database) == before


def test_a_stance_set_by_hand_stops_the_update(database: Database, tmp_path: Path) -> None:
    _import(database, _story(tmp_path, FIRST))
    with database.session() as session:
        quote = session.scalars(select(Quote)).one()
        assert quote.statement_id is not None
        add_topic(session, "port fees", ["harbour dues"])
        set_stance(session, quote.statement_id, "port fees", "opposes", by="An Editor")
        session.commit()
    before = snapshot(database)
    (result,) = _import(database, _story(tmp_path, FIRST), update=True)
    assert result.status is ImportStatus.FAILED
    assert result.error is not None and "1 stance set by hand" in result.error
    assert snapshot(database) == before
