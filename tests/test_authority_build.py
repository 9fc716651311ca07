"""An authority file built from a Wikidata dump sample written for these tests, in
the dump's own format (a JSON array, one entity a line), plain and compressed."""

from __future__ import annotations

import bz2
import gzip
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from quotes.cli import cli
from quotes.services.authority import load_authority
from quotes.services.authority_build import build_authority
from quotes.storage.database import Database


def item(prop: str, target: str, rank: str = "normal") -> dict[str, Any]:
    return {
        "mainsnak": {
            "snaktype": "value",
            "property": prop,
            "datavalue": {
                "value": {"entity-type": "item", "id": target},
                "type": "wikibase-entityid",
            },
        },
        "type": "statement",
        "rank": rank,
    }


def time(prop: str, value: str, precision: int) -> dict[str, Any]:
    return {
        "mainsnak": {
            "snaktype": "value",
            "property": prop,
            "datavalue": {
                "value": {"time": value, "precision": precision, "calendarmodel": "Q1985727"},
                "type": "time",
            },
        },
        "type": "statement",
        "rank": "normal",
    }


def entity(
    qid: str, labels: dict[str, str], claims: dict[str, list[Any]], **extra: Any
) -> dict[str, Any]:
    return {
        "type": "item",
        "id": qid,
        "labels": {lang: {"language": lang, "value": v} for lang, v in labels.items()},
        "descriptions": {
            lang: {"language": lang, "value": v}
            for lang, v in extra.get("descriptions", {}).items()
        },
        "aliases": {
            lang: [{"language": lang, "value": v} for v in values]
            for lang, values in extra.get("aliases", {}).items()
        },
        "claims": claims,
        "sitelinks": {},
    }


ENTITIES = [
    entity(
        "Q9100001",
        {"en": "Mirela Dobrescu", "ro": "Mirela Dobrescu", "ru": "Мирела Добреску"},
        {
            "P31": [item("P31", "Q5")],
            "P39": [item("P39", "Q9100020")],
            "P27": [item("P27", "Q9100010")],
            "P102": [item("P102", "Q9100030"), item("P102", "Q9100011", "preferred")],
            "P569": [time("P569", "+1968-04-09T00:00:00Z", 11)],
        },
        descriptions={"en": "Moldavian politician", "ro": "politiciană"},
        aliases={"en": ["M. Dobrescu"], "uk": ["Мірела Добреску"]},
    ),
    entity(
        "Q9100002",
        {"en": "Dario Fenn"},
        {"P31": [item("P31", "Q5")], "P106": [item("P106", "Q937857")]},
        descriptions={"en": "footballer"},
    ),
    entity(
        "Q9100003",
        {"de": "Jonas Albrecht"},
        {
            "P31": [item("P31", "Q5")],
            "P106": [item("P106", "Q1930187")],
            "P569": [time("P569", "+1975-00-00T00:00:00Z", 9)],
        },
    ),
    entity(
        "Q9100004",
        {"en": "Ministry of Coastal Affairs"},
        {"P31": [item("P31", "Q192350")], "P17": [item("P17", "Q9100010")]},
    ),
    entity("Q9100005", {"en": "Harbour at Dusk"}, {"P31": [item("P31", "Q3305213")]}),
    entity(
        "Q9100011",
        {"en": "Party of the Open Sea"},
        {"P31": [item("P31", "Q7278")], "P17": [item("P17", "Q9100010")]},
    ),
    # Named by the others before it comes: the labels are put in afterwards.
    entity("Q9100010", {"en": "Moldavia Nova"}, {"P31": [item("P31", "Q6256")]}),
]


def write_dump(path: Path, bad_line: bool = False) -> Path:
    lines = [json.dumps(e, ensure_ascii=False) for e in ENTITIES]
    if bad_line:
        lines.insert(3, '{"type": "item", "id": "Q1", "labels": ')
    text = "[\n" + ",\n".join(lines) + "\n]\n"
    data = text.encode("utf-8")
    if path.suffix == ".gz":
        path.write_bytes(gzip.compress(data))
    elif path.suffix == ".bz2":
        path.write_bytes(bz2.compress(data))
    else:
        path.write_bytes(data)
    return path


@pytest.mark.parametrize("name", ["latest-all.json", "latest-all.json.gz", "latest-all.json.bz2"])
def test_build_keeps_public_people_and_bodies(tmp_path: Path, name: str) -> None:
    dump = write_dump(tmp_path / name)
    out = tmp_path / "authority.jsonl"
    with out.open("w", encoding="utf-8") as stream:
        result = build_authority(dump, stream)
    assert (result.entities, result.people, result.bodies, result.errors) == (7, 2, 2, [])
    rows = {row["id"]: row for row in map(json.loads, out.read_text("utf-8").splitlines())}
    assert sorted(rows) == ["Q9100001", "Q9100003", "Q9100004", "Q9100011"]
    dobrescu = rows["Q9100001"]
    assert dobrescu == {
        "id": "Q9100001",
        "name": "Mirela Dobrescu",
        "aliases": ["Мирела Добреску", "M. Dobrescu", "Мірела Добреску"],
        "description": "Moldavian politician",
        "affiliation": "Moldavia Nova",
        "party": "Party of the Open Sea",
        "born": "1968-04-09",
    }
    assert rows["Q9100003"] == {
        "id": "Q9100003",
        "name": "Jonas Albrecht",
        "aliases": [],
        "born": "1975",
    }
    assert rows["Q9100004"]["affiliation"] == "Moldavia Nova"


def test_bad_lines_are_reported_and_built_file_loads(database: Database, tmp_path: Path) -> None:
    dump = write_dump(tmp_path / "latest-all.json", bad_line=True)
    out = tmp_path / "authority.jsonl"
    runner = CliRunner()
    result = runner.invoke(
        cli, ["speakers", "authority", "build", "--from", str(dump), "-o", str(out)]
    )
    assert result.exit_code == 1
    assert f"Error: {dump}:5: not JSON" in result.output
    assert "7 entities read, 2 people and 2 bodies kept, 1 bad lines" in result.output
    with database.session() as session:
        loaded = load_authority(session, out)
    assert (loaded.loaded, loaded.errors) == (4, [])
