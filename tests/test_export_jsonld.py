"""The JSON-LD export of a linked speaker is JSON-LD: expanded with the schema.org
context the package ships (no network), every term keeps its meaning, and the author
carries its authority's @id and sameAs. Filters by affiliation. Both backends."""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from pyld import jsonld

from quotes.cli import cli
from quotes.extract.model import SpeakerKind
from quotes.services.authority import link_speakers, load_authority
from quotes.services.search import search_statements
from quotes.storage.database import Database
from tests.quote_fixtures import Said, publish

DAY = dt.date(2026, 5, 6)
SCHEMA = "http://schema.org/"
CONTEXT = json.loads(
    resources.files("quotes.data").joinpath("schema_org_context.jsonld").read_text("utf-8")
)


def offline_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """Serves the vendored schema.org context for every spelling of its URL; any
    other URL fails the test (nothing is fetched)."""
    if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
        return {"contextUrl": None, "documentUrl": url, "document": CONTEXT}
    raise AssertionError(f"the export needs {url}")


def run(database_url: str, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", database_url, *args])
    return result.exit_code, result.output


def seed(database: Database, tmp_path: Path) -> None:
    path = tmp_path / "authority.jsonl"
    path.write_text(
        json.dumps({"id": "Q9300001", "name": "Irena Kovac", "description": "Slovene diplomat"})
        + "\n",
        "utf-8",
    )
    publish(
        database,
        "Wire",
        DAY,
        Said("The border stays open to trade.", "Irena Kovac", role="Slovenian foreign minister"),
        Said("No sanctions will be lifted.", "Dmitry Peskov", role="Kremlin spokesman"),
        Said("The grain deal is over.", "Moscow", kind=SpeakerKind.GOVERNMENT),
        Said("Rain is expected in the north.", "Pavel Ruzicka"),
    )
    with database.session() as session:
        load_authority(session, path)
        assert link_speakers(session).linked == 1


def test_jsonld_of_a_linked_speaker_expands(
    database: Database, database_url: str, tmp_path: Path
) -> None:
    seed(database, tmp_path)
    code, out = run(database_url, "export", "--format", "jsonld", "--speaker", "Kovac")
    assert code == 0, out
    (claim,) = json.loads(out)
    author = claim["author"]
    assert author["@id"] == "https://www.wikidata.org/entity/Q9300001"
    assert author["sameAs"] == ["https://www.wikidata.org/entity/Q9300001"]
    expanded = jsonld.expand(claim, {"documentLoader": offline_loader})
    (node,) = expanded
    assert node["@type"] == [SCHEMA + "Claim"]
    # Every key of the Claim survived expansion as a schema.org term (JSON-LD drops
    # what a context does not define).
    assert {key for key in node if key != "@type"} == {
        SCHEMA + key for key in claim if not key.startswith("@")
    }
    (person,) = node[SCHEMA + "author"]
    assert person["@id"] == "https://www.wikidata.org/entity/Q9300001"
    assert person["@type"] == [SCHEMA + "Person"]
    assert person[SCHEMA + "sameAs"] == [{"@id": "https://www.wikidata.org/entity/Q9300001"}]
    assert person[SCHEMA + "name"] == [{"@value": "Irena Kovac"}]
    # Compacting back with the same context gives the same author.
    compacted = jsonld.compact(expanded, CONTEXT, {"documentLoader": offline_loader})
    assert compacted["author"]["id"] == author["@id"]


def test_an_unlinked_speaker_has_no_id(
    database: Database, database_url: str, tmp_path: Path
) -> None:
    seed(database, tmp_path)
    code, out = run(database_url, "export", "--nl", "--speaker", "Pavel Ruzicka")
    assert code == 0, out
    claim = json.loads(out)
    assert "@id" not in claim["author"] and "sameAs" not in claim["author"]
    assert jsonld.expand(claim, {"documentLoader": offline_loader})


def test_affiliation_filters(database: Database, database_url: str, tmp_path: Path) -> None:
    seed(database, tmp_path)
    with database.session() as session:
        hits = search_statements(session, "sanctions lifted grain deal", affiliation="Russia")
        assert {hit.speaker for hit in hits} == {"Dmitry Peskov", "Russian government"}
        assert search_statements(session, "border trade", affiliation="the Kremlin") == []
    code, out = run(database_url, "export", "--nl", "--affiliation", "Russian government")
    assert code == 0, out
    assert sorted(json.loads(line)["author"]["name"] for line in out.splitlines()) == [
        "Dmitry Peskov",
        "Russian government",
    ]
    code, out = run(database_url, "statements", "list", "--affiliation", "Slovenia", "--json")
    assert code == 0, out
    assert [row["speaker"] for row in json.loads(out)] == ["Irena Kovac"]
    code, out = run(database_url, "speakers", "list", "--affiliation", "Moscow", "--json")
    assert code == 0, out
    assert sorted(row["name"] for row in json.loads(out)) == ["Dmitry Peskov", "Russian government"]
    code, out = run(database_url, "search", "rain north", "--affiliation", "Atlantis")
    assert code == 1 and "no speaker has it" in out
