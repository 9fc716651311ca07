"""One speaker however the outlets spell them; never two people as one. Both backends."""

from __future__ import annotations

import datetime as dt
import json

from click.testing import CliRunner
from sqlalchemy import select

from quotes.cli import cli
from quotes.extract.model import SpeakerKind
from quotes.services.operations import undo
from quotes.services.recording import record_quotes
from quotes.services.speakers import (
    add_alias,
    find_speaker,
    merge_speakers,
    rename_speaker,
    speaker_profile,
    split_speaker,
)
from quotes.storage.database import Database
from quotes.storage.models import (
    Article,
    Operation,
    Quote,
    Speaker,
    Statement,
)
from tests.quote_fixtures import Said, extracted, publish

DAY = dt.date(2025, 3, 3)


def speakers_of(database: Database) -> dict[str, int]:
    with database.session() as session:
        return {s.name: s.id for s in session.scalars(select(Speaker).order_by(Speaker.id))}


def quote_speakers(database: Database) -> list[int | None]:
    with database.session() as session:
        return list(session.scalars(select(Quote.speaker_id).order_by(Quote.id)))


def test_transliterations_resolve_to_one_speaker(database: Database) -> None:
    publish(
        database, "A", DAY, Said("Ukraine will hold the line in the east.", "Volodymyr Zelensky")
    )
    publish(
        database, "B", DAY, Said("We need more air defence systems now.", "Volodymyr Zelenskyy")
    )
    publish(database, "C", DAY, Said("Our soldiers deserve every support.", "Zelenskiy"))
    publish(database, "D", DAY, Said("Talks are possible after a ceasefire.", "Dmitry Peskov"))
    publish(database, "E", DAY, Said("The Kremlin has nothing to add.", "Dmitri Peskov"))
    found = speakers_of(database)
    assert set(found) == {"Volodymyr Zelensky", "Dmitry Peskov"}
    with database.session() as session:
        zelensky = find_speaker(session, "Zelenskyy")
        aliases = {a.alias for a in zelensky.aliases}
        assert {"Volodymyr Zelensky", "Volodymyr Zelenskyy", "Zelenskiy"} <= aliases


def test_a_bare_surname_later_resolves_to_the_full_name(database: Database) -> None:
    publish(
        database,
        "A",
        DAY,
        Said("No decision has been taken yet.", "Dmitry Peskov", role="Kremlin spokesman"),
    )
    result = publish(database, "B", DAY, Said("We will see what happens next week.", "Peskov"))
    assert result.new_speakers == 0
    assert len(set(quote_speakers(database))) == 1


def test_a_bare_surname_first_gains_the_full_name(database: Database) -> None:
    publish(database, "A", DAY, Said("We will see what happens next week.", "Peskov"))
    publish(database, "B", DAY, Said("No decision has been taken yet.", "Dmitry Peskov"))
    assert list(speakers_of(database)) == ["Dmitry Peskov"]


def test_people_sharing_a_surname_stay_apart(database: Database) -> None:
    publish(database, "A", DAY, Said("We must protect the vote.", "Hillary Clinton"))
    publish(database, "B", DAY, Said("The economy comes first, always.", "Bill Clinton"))
    publish(database, "C", DAY, Said("I stand by every word of it.", "Hillary Rodham Clinton"))
    found = speakers_of(database)
    assert set(found) == {"Hillary Clinton", "Bill Clinton"}
    ids = quote_speakers(database)
    assert ids[0] == ids[2] != ids[1]


def test_a_bare_surname_with_a_conflicting_role_is_someone_else(database: Database) -> None:
    publish(
        database,
        "A",
        DAY,
        Said("Rates will stay where they are.", "Anna Novak", role="central bank governor"),
    )
    result = publish(
        database, "B", DAY, Said("The match was a disgrace.", "Novak", role="football coach")
    )
    assert result.new_speakers == 1


def test_metonyms_map_to_the_body_and_keep_the_printed_alias(database: Database) -> None:
    publish(
        database,
        "A",
        DAY,
        Said("Sanctions will not change our course.", "the Kremlin", kind=SpeakerKind.GOVERNMENT),
        Said("The proposal is unacceptable.", "Moscow", kind=SpeakerKind.GOVERNMENT),
        Said("We will defend every village.", "Kyiv", kind=SpeakerKind.GOVERNMENT),
        Said("The president has been briefed.", "the White House", kind=SpeakerKind.ORGANISATION),
    )
    found = speakers_of(database)
    assert set(found) == {"Russian government", "Ukrainian government", "US administration"}
    with database.session() as session:
        russia = session.get(Speaker, found["Russian government"])
        assert russia is not None and russia.kind == SpeakerKind.GOVERNMENT
        assert {"the Kremlin", "Moscow"} <= {a.alias for a in russia.aliases}
        assert find_speaker(session, "The Kremlin").id == russia.id


def test_described_speakers_stay_unnamed(database: Database) -> None:
    result = publish(
        database,
        "A",
        DAY,
        Said("The talks are stalled.", "a senior official", kind=SpeakerKind.DESCRIPTION),
        Said("We have made an offer.", "its top negotiator", kind=SpeakerKind.DESCRIPTION),
    )
    assert result.new_speakers == 0 and speakers_of(database) == {}
    assert quote_speakers(database) == [None, None]


def test_roles_are_kept_with_the_dates_seen(database: Database) -> None:
    publish(
        database, "A", DAY, Said("No comment for now.", "Dmitry Peskov", role="Kremlin spokesman")
    )
    later = DAY + dt.timedelta(days=40)
    publish(
        database,
        "B",
        later,
        Said("We have said all we will say.", "Peskov", role="Kremlin spokesman"),
    )
    publish(
        database,
        "C",
        DAY - dt.timedelta(days=3),
        Said("Wait and see.", "Peskov", role="Kremlin Spokesman"),
    )
    with database.session() as session:
        profile = speaker_profile(session, find_speaker(session, "Peskov"))
        assert profile.roles == [
            {
                "role": "Kremlin spokesman",
                "first_seen": DAY - dt.timedelta(days=3),
                "last_seen": later,
            }
        ]
        assert profile.quotes_by_outlet == {"A": 1, "B": 1, "C": 1}


def test_merge_and_undo(database: Database) -> None:
    publish(
        database,
        "A",
        DAY,
        Said("Our position has not changed.", "Sergey Lavrov", role="foreign minister"),
    )
    publish(database, "B", DAY, Said("Our position is well known.", "Seryozha Lavrov"))
    found = speakers_of(database)
    assert len(found) == 2  # a pet name the rule cannot know
    with database.session() as session:
        keep = session.get(Speaker, found["Sergey Lavrov"])
        other = session.get(Speaker, found["Seryozha Lavrov"])
        assert keep is not None and other is not None
        operation_id = merge_speakers(session, keep, other)
        logged = session.get(Operation, operation_id)
        assert logged is not None and (logged.entity, logged.action) == ("speaker", "merge")
    assert list(speakers_of(database)) == ["Sergey Lavrov"]
    assert len(set(quote_speakers(database))) == 1
    # the next report under the merged name resolves to the kept speaker
    result = publish(database, "C", DAY, Said("We expect answers.", "Seryozha Lavrov"))
    assert result.new_speakers == 0
    with database.session() as session:
        undo(session, str(operation_id))
    assert set(speakers_of(database)) == {"Sergey Lavrov", "Seryozha Lavrov"}
    with database.session() as session:
        restored = find_speaker(session, str(found["Seryozha Lavrov"]))
        assert restored.name == "Seryozha Lavrov"
        undone = session.scalar(select(Operation.undone_at).where(Operation.id == operation_id))
        assert undone is not None
        statements = session.scalars(select(Statement.speaker_id)).all()
        assert set(statements) == {found["Sergey Lavrov"], found["Seryozha Lavrov"]}


def test_split_moves_aliases_and_their_quotes(database: Database) -> None:
    # Two people the rule took for one: the same surname, no first names given.
    publish(database, "A", DAY, Said("Inflation is under control now.", "Kovalenko"))
    publish(
        database,
        "B",
        DAY,
        Said("The bridge will reopen in June.", "Kovalenko", mention="Mayor Kovalenko"),
    )
    publish(database, "C", DAY, Said("Inflation is under control now, he added.", "Kovalenko"))
    with database.session() as session:
        speaker = find_speaker(session, "Kovalenko")
        add_alias(session, speaker, "Mayor Kovalenko")
    with database.session() as session:
        speaker = find_speaker(session, "Kovalenko")
        quote = session.scalar(select(Quote).where(Quote.text.startswith("The bridge")))
        assert quote is not None
        session.execute(
            Quote.__table__.update()
            .where(Quote.id == quote.id)
            .values(speaker_name="Mayor Kovalenko")
        )
        new = split_speaker(session, speaker, ["Mayor Kovalenko"], "Oleh Kovalenko")
        new_id, old_id = new.id, speaker.id
    with database.session() as session:
        moved = session.scalars(
            select(Quote.speaker_id).where(Quote.text.startswith("The bridge"))
        ).all()
        assert moved == [new_id]
        stayed = session.scalars(
            select(Quote.speaker_id).where(Quote.text.startswith("Inflation"))
        ).all()
        assert stayed == [old_id, old_id]
        statement = session.scalar(
            select(Statement).where(Statement.canonical_text.startswith("The bridge"))
        )
        assert statement is not None and statement.speaker_id == new_id
        assert session.scalar(select(Operation.action).order_by(Operation.id.desc())) == "split"


def test_rename_keeps_the_old_name_findable(database: Database) -> None:
    publish(database, "A", DAY, Said("We are ready.", "Zelensky"))
    with database.session() as session:
        rename_speaker(session, find_speaker(session, "Zelensky"), "Volodymyr Zelensky")
    with database.session() as session:
        assert find_speaker(session, "Volodymyr Zelenskyy").name == "Volodymyr Zelensky"
        assert find_speaker(session, "Zelensky").name == "Volodymyr Zelensky"


def run(database_url: str, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", database_url, *args], env={"COLUMNS": "300"})
    return result.exit_code, result.output


def test_cli_speakers(database: Database, database_url: str) -> None:
    publish(
        database,
        "Wire",
        DAY,
        Said("Talks are possible after a ceasefire.", "Dmitry Peskov", role="Kremlin spokesman"),
    )
    publish(database, "Daily", DAY, Said("We will not comment on that.", "Peskov"))
    publish(database, "Daily", DAY, Said("The vote must be protected.", "Hillary Clinton"))
    publish(database, "Wire", DAY, Said("Jobs first, always.", "Bill Clinton"))
    code, out = run(database_url, "speakers", "list", "--json")
    assert code == 0, out
    rows = json.loads(out)
    assert rows[0] == {"id": rows[0]["id"], "name": "Dmitry Peskov", "kind": "person", "quotes": 2}
    code, out = run(database_url, "speakers", "list", "--search", "clinton", "--csv")
    assert code == 0 and out.count("\n") == 3
    code, out = run(database_url, "speakers", "show", "Peskov")
    assert code == 0 and "Kremlin spokesman" in out and "Wire" in out and "Daily" in out
    code, out = run(database_url, "speakers", "show", "Peskov", "--json")
    shown = json.loads(out)[0]
    assert shown["quotes_by_outlet"] == {"Wire": 1, "Daily": 1}
    code, out = run(database_url, "speakers", "show", "Nobody")
    assert code == 1 and out.strip() == "Error: speaker 'Nobody': no such speaker"
    code, out = run(database_url, "speakers", "alias", "Peskov", "the Kremlin spokesman")
    assert code == 0 and "added" in out
    code, out = run(database_url, "speakers", "rename", "Bill Clinton", "William J. Clinton")
    assert code == 0 and "renamed Bill Clinton to William J. Clinton" in out
    code, out = run(database_url, "speakers", "merge", "Hillary Clinton", "William J. Clinton")
    assert code == 0 and "merged William J. Clinton into Hillary Clinton" in out
    operation_id = out.strip().rsplit("operation ", 1)[1].rstrip(")")
    code, out = run(database_url, "undo", operation_id)
    assert code == 0 and "undo of operation" in out, out
    code, out = run(
        database_url, "speakers", "split", "Peskov", "Peskov", "--name", "Someone Peskov"
    )
    assert code == 0 and "split Someone Peskov" in out, out
    code, out = run(database_url, "speakers", "merge", "Peskov", "Peskov")
    assert code == 1


def test_a_rolled_back_article_leaves_no_ghost_speaker(database: Database) -> None:
    session = database.sessionmaker()
    article = Article(text="(text)", content_hash="ghost", published_on=DAY)
    session.add(article)
    session.flush()
    record_quotes(session, article, extracted([Said("We will never agree.", "Ivan Ghostov")]))
    session.rollback()
    session.close()
    # the directory knew the rolled-back speaker: it must not be reused
    result = publish(database, "A", DAY, Said("We will never agree.", "Ivan Ghostov"))
    assert result.new_speakers == 1
    assert list(speakers_of(database)) == ["Ivan Ghostov"]
