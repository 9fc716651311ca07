"""An authority file loaded, speakers linked by name and context, ambiguity left to a
person. Both backends. Entries and people are made up for these tests."""

from __future__ import annotations

import bz2
import datetime as dt
import gzip
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from quotes.cli import cli
from quotes.extract.model import SpeakerKind
from quotes.services.authority import (
    accept_link,
    link_speakers,
    list_links,
    load_authority,
    reject_link,
)
from quotes.services.speakers import find_speaker
from quotes.storage.database import Database
from quotes.storage.models import AuthorityEntry, Speaker
from tests.quote_fixtures import Said, publish

DAY = dt.date(2026, 3, 4)

ENTRIES = [
    {
        "id": "Q9000001",
        "name": "Volodymyr Zelensky",
        "aliases": ["Володимир Зеленський", "Zelenskyy"],
        "description": "President of Ukraine",
        "affiliation": "Ukraine",
        "born": "1978-01-25",
    },
    {
        "id": "Q9000002",
        "name": "Lina Varga",
        "aliases": ["Лина Варга"],
        "description": "Hungarian minister of agriculture",
        "born": "1971",
    },
    {
        "id": "Q9000003",
        "name": "Lina Varga",
        "description": "Hungarian pop singer",
        "born": "1995",
    },
    {
        "id": "Q9000004",
        "name": "Tomas Brandt",
        "description": "German footballer",
        "born": "2001",
    },
    {
        "id": "Q9000005",
        "name": "Tomas Brandt",
        "description": "Danish trade union leader",
        "born": "1962",
    },
    {"id": "Q9000006", "name": "Ruritanian Ministry of Fisheries", "aliases": ["RMF"]},
]


def write_jsonl(path: Path, rows: list[object]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


def linked(database: Database) -> dict[str, str | None]:
    with database.session() as session:
        return {s.name: s.authority_id for s in session.scalars(select(Speaker))}


def test_load_jsonl_reports_bad_lines_and_loads_the_rest(
    database: Database, tmp_path: Path
) -> None:
    path = write_jsonl(tmp_path / "people.jsonl", ENTRIES)
    with path.open("a", encoding="utf-8") as out:
        out.write('{"id": "Q1", "name": "Broken\n')
        out.write('{"name": "No Id"}\n')
        out.write('{"id": "Q2", "name": "Bad Aliases", "aliases": "one"}\n')
        out.write('{"id": "Q3", "name": "Bad Birth", "born": "last spring"}\n')
        out.write("[1, 2]\n")
        out.write('{"id": "Q4", "name": "Good After Bad"}\n')
    with database.session() as session:
        result = load_authority(session, path)
    assert result.loaded == len(ENTRIES) + 1
    assert [e.split(": ", 1)[0] for e in result.errors] == [
        f"{path}:{n}" for n in range(len(ENTRIES) + 1, len(ENTRIES) + 6)
    ]
    assert "born must be a date" in result.errors[3]
    with database.session() as session:
        zelensky = session.scalars(
            select(AuthorityEntry).where(AuthorityEntry.authority_id == "Q9000001")
        ).one()
        assert zelensky.aliases == ["Володимир Зеленський", "Zelenskyy"]
        assert zelensky.born == "1978-01-25"


def test_load_csv_compressed_and_reload_replaces(database: Database, tmp_path: Path) -> None:
    text = (
        "id,name,aliases,description,affiliation,party,born\n"
        "Q7000001,Maren Holt,M. Holt|Марен Холт,Norwegian trade minister,Norway,,1969\n"
        ",Missing Id,,,,,\n"
        "Q7000002,Arvo Kask,,Estonian diplomat,,,1958-07-02\n"
    )
    plain = tmp_path / "people.csv"
    plain.write_text(text, "utf-8")
    packed = tmp_path / "people.csv.gz"
    packed.write_bytes(gzip.compress(text.replace("Estonian diplomat", "Estonian envoy").encode()))
    with database.session() as session:
        first = load_authority(session, plain)
        again = load_authority(session, packed)
    assert (first.loaded, again.loaded) == (2, 2)
    assert first.errors == [f"{plain}:3: no id"]
    with database.session() as session:
        entries = session.scalars(select(AuthorityEntry).order_by(AuthorityEntry.authority_id))
        assert [(e.authority_id, e.description) for e in entries] == [
            ("Q7000001", "Norwegian trade minister"),
            ("Q7000002", "Estonian envoy"),
        ]
    bz = tmp_path / "more.jsonl.bz2"
    bz.write_bytes(bz2.compress(b'{"id": "Q7000003", "name": "Ilse Moor"}\n'))
    with database.session() as session:
        assert load_authority(session, bz).loaded == 1


def test_link_by_name_in_any_script_and_by_context(database: Database, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "people.jsonl", ENTRIES)
    with database.session() as session:
        load_authority(session, path)
    publish(database, "A", DAY, Said("We will hold the line.", "Володимир Зеленський"))
    publish(
        database,
        "A",
        DAY,
        Said("The harvest will be late.", "Lina Varga", role="agriculture minister"),
        Said("The strike goes on.", "Tomas Brandt", role="union leader"),
        Said("Quotas stay.", "the Ruritanian Ministry of Fisheries", kind=SpeakerKind.ORGANISATION),
        Said("Nobody told us.", "Brandt"),
    )
    with database.session() as session:
        result = link_speakers(session)
    assert (result.linked, result.suggested) == (4, 0)
    found = linked(database)
    assert found["Володимир Зеленський"] == "Q9000001"
    # Two entries named Lina Varga: the role picks the minister, not the singer.
    assert found["Lina Varga"] == "Q9000002"
    # Two Tomas Brandts: the printed role is the union leader's description.
    assert found["Tomas Brandt"] == "Q9000005"
    assert found["Ruritanian Ministry of Fisheries"] == "Q9000006"
    with database.session() as session:
        zelensky = session.scalars(select(Speaker).where(Speaker.authority_id == "Q9000001")).one()
        assert zelensky.same_as == ["https://www.wikidata.org/entity/Q9000001"]
        assert find_speaker(session, "Q9000001").id == zelensky.id


def test_an_ambiguous_link_goes_to_review(database: Database, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "people.jsonl", ENTRIES)
    with database.session() as session:
        load_authority(session, path)
    publish(database, "A", DAY, Said("Prices must fall.", "Lina Varga"))
    with database.session() as session:
        result = link_speakers(session)
    assert (result.linked, result.suggested) == (0, 1)
    assert linked(database) == {"Lina Varga": None}
    with database.session() as session:
        pending = list_links(session)
    assert sorted(row["authority_id"] for row in pending) == ["Q9000002", "Q9000003"]
    assert {row["status"] for row in pending} == {"pending"}
    with database.session() as session:
        reject_link(session, pending[0]["link_id"])
        accept_link(session, pending[1]["link_id"])
    assert linked(database) == {"Lina Varga": pending[1]["authority_id"]}
    with database.session() as session:
        assert list_links(session) == []
        statuses = sorted(row["status"] for row in list_links(session, None))
        assert statuses == ["accepted", "rejected"]
        # Linking again neither relinks nor suggests the decided pair again.
        assert link_speakers(session).suggested == 0


def test_dates_rule_out_an_entry_born_too_late(database: Database, tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "people.jsonl",
        [
            {"id": "Q8000001", "name": "Elena Moss", "born": "2015"},
            {"id": "Q8000002", "name": "Elena Moss", "born": "1950"},
        ],
    )
    with database.session() as session:
        load_authority(session, path)
    publish(database, "A", DAY, Said("The port reopens.", "Elena Moss"))
    with database.session() as session:
        assert link_speakers(session).linked == 1
    assert linked(database) == {"Elena Moss": "Q8000002"}


def test_a_bare_surname_is_never_linked(database: Database, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "people.jsonl", [{"id": "Q8100001", "name": "Oskar Lind"}])
    with database.session() as session:
        load_authority(session, path)
    publish(database, "A", DAY, Said("The budget is fine.", "Lind"))
    with database.session() as session:
        result = link_speakers(session)
    assert (result.linked, result.suggested, result.unmatched) == (0, 0, 1)


def test_cli_authority_and_links(database: Database, database_url: str, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "people.jsonl", ENTRIES)
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "Q5", "name": "Fine"}\nnot json\n', "utf-8")
    publish(database, "A", DAY, Said("Prices must fall.", "Lina Varga"))
    publish(database, "A", DAY, Said("We hold.", "Volodymyr Zelenskyy"))

    def run(*args: str) -> tuple[int, str]:
        result = CliRunner().invoke(cli, ["--db", database_url, *args])
        return result.exit_code, result.output

    code, out = run("speakers", "authority", "load", str(path), str(bad))
    assert code == 1
    assert f"{path}: {len(ENTRIES)} entries loaded, 0 bad" in out
    assert f"Error: {bad}:2: not JSON" in out and f"{bad}: 1 entries loaded, 1 bad" in out
    code, out = run("speakers", "link")
    assert code == 0 and "1 linked, 1 left for review" in out, out
    code, out = run("speakers", "links", "list", "--json")
    rows = json.loads(out)
    assert code == 0 and {r["authority_id"] for r in rows} == {"Q9000002", "Q9000003"}
    code, out = run("speakers", "links", "accept", str(rows[0]["link_id"]))
    assert code == 0 and f"linked to {rows[0]['authority_id']}" in out
    code, out = run("speakers", "links", "accept", str(rows[0]["link_id"]))
    assert code == 1 and "already accepted" in out
    code, out = run("speakers", "links", "reject", "999")
    assert code == 1 and "no such link suggestion" in out


@pytest.mark.parametrize("born", ["1978", "1978-01-25", "-0050"])
def test_born_accepts_years_and_dates(database: Database, tmp_path: Path, born: str) -> None:
    path = write_jsonl(tmp_path / "one.jsonl", [{"id": "Q1", "name": "Ada Pell", "born": born}])
    with database.session() as session:
        assert load_authority(session, path).errors == []
