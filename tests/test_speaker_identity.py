"""Speakers as identities across articles: scripts, possessives, titles, places,
shared surnames, look-up by any alias, re-matching after a merge. Both backends."""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from quotes.cli import cli
from quotes.errors import NotFoundError, QuotesError
from quotes.extract.model import SpeakerKind
from quotes.services.merging import undo_merge
from quotes.services.rematch import rematch_speaker_statements
from quotes.services.speakers import find_speaker, merge_speakers
from quotes.storage.database import Database
from quotes.storage.models import MergeLog, Quote, Speaker, SpeakerRole, Statement
from tests.quote_fixtures import Said, publish

DAY = dt.date(2026, 2, 10)


def speakers(database: Database) -> dict[str, tuple[int, SpeakerKind, str | None]]:
    with database.session() as session:
        return {
            s.name: (s.id, s.kind, s.affiliation)
            for s in session.scalars(select(Speaker).order_by(Speaker.id))
        }


def quote_speaker(database: Database, text: str) -> int | None:
    with database.session() as session:
        found = session.execute(select(Quote.speaker_id).where(Quote.text == text)).one()
        return found[0]


def test_one_person_in_every_outlet_spelling_and_script(database: Database) -> None:
    publish(database, "A", DAY, Said("The east will hold firm.", "Ukraine's Volodymyr Zelensky"))
    publish(database, "B", DAY, Said("Air defence must come first.", "Volodymyr Zelenskyy"))
    publish(database, "C", DAY, Said("Мы не отступим.", "Владимир Зеленский"))
    publish(database, "D", DAY, Said("Ми не відступимо ні на крок.", "Володимир Зеленський"))
    publish(database, "E", DAY, Said("The harvest was saved this year.", "Zelenskiy"))
    found = speakers(database)
    assert list(found) == ["Volodymyr Zelensky"]
    speaker_id, kind, affiliation = found["Volodymyr Zelensky"]
    assert kind == SpeakerKind.PERSON and affiliation == "Ukraine"
    with database.session() as session:
        for ref in ("Zelensky", "Зеленский", "zelenskyy", "Ukraine's Volodymyr Zelensky"):
            assert find_speaker(session, ref).id == speaker_id, ref


def test_two_people_sharing_a_surname_and_a_bare_surname_between_them(
    database: Database,
) -> None:
    publish(database, "A", DAY, Said("The deal is done, believe me.", "Boris Johnson"))
    publish(database, "B", DAY, Said("The House will vote on Friday.", "Mike Johnson"))
    result = publish(database, "C", DAY, Said("Nobody saw that coming.", "Johnson"))
    # The quote was found and stored; the bare surname could be either man.
    assert result.quotes == 1 and result.new_speakers == 0
    assert quote_speaker(database, "Nobody saw that coming.") is None
    found = speakers(database)
    assert set(found) == {"Boris Johnson", "Mike Johnson"}
    with database.session() as session:
        with pytest.raises(QuotesError, match="ambiguous"):
            find_speaker(session, "Johnson")
        assert find_speaker(session, "B. Johnson").id == found["Boris Johnson"][0]


def test_a_printed_role_tells_two_namesakes_apart(database: Database) -> None:
    publish(
        database,
        "A",
        DAY,
        Said("Rates stay where they are.", "Anna Kim", role="central bank governor"),
        Said("We will appeal the ruling.", "Daniel Kim", role="club chairman"),
    )
    publish(
        database,
        "B",
        DAY,
        Said("Inflation is easing slowly.", "Kim", role="central bank governor"),
    )
    found = speakers(database)
    assert quote_speaker(database, "Inflation is easing slowly.") == found["Anna Kim"][0]


def test_places_speak_for_governments_not_persons(database: Database) -> None:
    publish(
        database,
        "A",
        DAY,
        Said("The talks are over.", "Russia", kind=SpeakerKind.PERSON),
        Said("We will not sign.", "Ukraine", kind=SpeakerKind.UNKNOWN),
        Said("Our border is closed.", "Kyiv's", kind=SpeakerKind.PERSON, mention="Kyiv"),
        Said("The offer stands.", "Moscow", kind=SpeakerKind.GOVERNMENT),
    )
    found = speakers(database)
    assert set(found) == {"Russian government", "Ukrainian government"}
    assert all(kind == SpeakerKind.GOVERNMENT for _, kind, _ in found.values())


def test_a_titled_name_typed_a_body_is_a_person_with_a_role(database: Database) -> None:
    publish(
        database,
        "A",
        DAY,
        Said(
            "The ceasefire must hold.",
            "Secretary of State Marco Rubio",
            kind=SpeakerKind.GOVERNMENT,
        ),
    )
    publish(database, "B", DAY, Said("We expect an answer by Monday.", "Marco Rubio"))
    found = speakers(database)
    assert list(found) == ["Marco Rubio"]
    assert found["Marco Rubio"][1] == SpeakerKind.PERSON
    with database.session() as session:
        rubio = find_speaker(session, "Marco Rubio")
        roles = session.scalars(select(SpeakerRole.role).where(SpeakerRole.speaker_id == rubio.id))
        assert list(roles) == ["Secretary of State"]
        assert find_speaker(session, "Secretary of State Marco Rubio").id == rubio.id


def test_affiliation_from_a_role(database: Database) -> None:
    publish(
        database,
        "A",
        DAY,
        Said("No comment at this stage.", "Dmitry Peskov", role="Kremlin spokesman"),
    )
    assert speakers(database)["Dmitry Peskov"][2] == "Russian government"


def test_an_unknown_speaker_gets_suggestions(database: Database, database_url: str) -> None:
    publish(database, "A", DAY, Said("Our grain will reach Africa.", "Andrii Sybiha"))
    with database.session() as session:
        with pytest.raises(NotFoundError, match=r"no such speaker; did you mean Andrii Sybiha"):
            find_speaker(session, "Sibiah")
        with pytest.raises(NotFoundError, match=r"no such speaker$"):
            find_speaker(session, "Quentin Marlowe")
    result = CliRunner().invoke(
        cli, ["--db", database_url, "speakers", "show", "Sybyha"], catch_exceptions=False
    )
    assert result.exit_code == 0 and "Andrii Sybiha" in result.output
    result = CliRunner().invoke(cli, ["--db", database_url, "speakers", "show", "Sibiah"])
    assert result.exit_code == 1
    assert "no such speaker; did you mean Andrii Sybiha" in result.output


def test_rematch_after_a_merge_joins_the_same_statement(database: Database) -> None:
    words = "We will never accept a deal that gives away our land."
    publish(database, "A", DAY, Said(words, "Oksana Melnyk"))
    publish(database, "B", DAY, Said(words.replace("never", "never ever"), "Ksenia Melnik"))
    publish(database, "B", DAY, Said("The grain corridor stays open.", "Ksenia Melnik"))
    found = speakers(database)
    assert len(found) == 2
    with database.session() as session:
        keep = session.get(Speaker, found["Oksana Melnyk"][0])
        other = session.get(Speaker, found["Ksenia Melnik"][0])
        assert keep is not None and other is not None
        # The merge matches the statements again itself: nothing is left to join.
        merge_speakers(session, keep, other)
        assert rematch_speaker_statements(session, keep.id) == []
    with database.session() as session:
        statements = session.scalars(
            select(Statement).where(Statement.speaker_id == found["Oksana Melnyk"][0])
        ).all()
        assert len(statements) == 2
        land = next(s for s in statements if "land" in s.canonical_text)
        assert land.quote_count == 2
        log = session.scalars(
            select(MergeLog).where(MergeLog.method == "rematch").order_by(MergeLog.id)
        ).all()
        assert len(log) == 1
        log_id = log[0].id
    # The rematch is a quote merge like any other: unmerge takes the quote out.
    with database.session() as session:
        undo_merge(session, log_id)
    with database.session() as session:
        counts = sorted(
            s.quote_count
            for s in session.scalars(
                select(Statement).where(Statement.canonical_text.contains("land"))
            )
        )
        assert counts == [1, 1]


def test_bodies_named_by_country_and_by_what_they_are(database: Database) -> None:
    publish(
        database,
        "A",
        DAY,
        Said("Two drones were shot down.", "Ruritania's air force", kind=SpeakerKind.DESCRIPTION),
        Said("Three more were downed.", "Russia's defence ministry", kind=SpeakerKind.DESCRIPTION),
    )
    publish(
        database,
        "B",
        DAY,
        Said("The strike hit a depot.", "Russian defence ministry", kind=SpeakerKind.DESCRIPTION),
        Said("Flood gauges are rising.", "the Marsh Water Agency", kind=SpeakerKind.ORGANISATION),
        Said("Stay away from the river.", "the agency", kind=SpeakerKind.DESCRIPTION),
        Said("Nobody was hurt.", "Police", kind=SpeakerKind.ORGANISATION),
    )
    found = speakers(database)
    ministry = found["Russian defence ministry"][0]
    assert quote_speaker(database, "Three more were downed.") == ministry
    assert quote_speaker(database, "The strike hit a depot.") == ministry
    # "the agency" is the agency this article named.
    agency = found["Marsh Water Agency"][0]
    assert quote_speaker(database, "Stay away from the river.") == agency
    # "Police" names no force in particular: stored, filed under no one.
    assert quote_speaker(database, "Nobody was hurt.") is None
    assert "Police" not in found


def test_initials_and_capitals_within_an_article(database: Database) -> None:
    publish(
        database,
        "A",
        DAY,
        Said(
            "The ban stands.",
            "the Coastal Fisheries Oversight Board",
            kind=SpeakerKind.ORGANISATION,
        ),
        Said("We will appeal.", "the CFOB", kind=SpeakerKind.ORGANISATION),
        Said("The quota is fair.", "MARTA KOWALCZYK", kind=SpeakerKind.PERSON),
        Said("It is not fair.", "KOWALCZYK", kind=SpeakerKind.ORGANISATION),
    )
    found = speakers(database)
    assert set(found) == {"Coastal Fisheries Oversight Board", "Marta Kowalczyk"}
    assert quote_speaker(database, "It is not fair.") == found["Marta Kowalczyk"][0]
    publish(database, "B", DAY, Said("Talks resume.", "CFOB", kind=SpeakerKind.ORGANISATION))
    assert quote_speaker(database, "Talks resume.") == found["Coastal Fisheries Oversight Board"][0]
