"""Export: schema.org Claim objects (JSON-LD) and CSV, streamed in chunks."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from quotes.errors import NotFoundError
from quotes.extract.model import SpeakerKind
from quotes.services import export as export_service
from quotes.services.export import export_statements, to_claim, to_row
from quotes.services.statements import get_statement, statement_summaries
from quotes.storage.database import Database
from quotes.storage.models import Article, Outlet, Quote, Reprint
from tests.quote_fixtures import Said, publish
from tests.topic_fixtures import (
    GRAIN,
    NEUTRAL,
    OPEN,
    PESKOV,
    REJECT,
    build_positions,
    day,
    invoke,
    statement_id,
)

CLAIM_KEYS = {
    "@context",
    "@type",
    "identifier",
    "text",
    "author",
    "datePublished",
    "firstAppearance",
    "appearance",
    "about",
}
FORMULA = "=1+1 is how they count the ceasefire violations, he said, and we are ready to talk."
KREMLIN = "Any ceasefire proposal must first be agreed with the military command."
OFFICIAL = "The ceasefire talks have been postponed until the autumn at the earliest."


@pytest.fixture
def positions(database: Database) -> Database:
    return build_positions(database)


def urls_of(database: Database, text: str) -> set[str | None]:
    found = statement_id(database, text)
    with database.session() as session:
        return set(
            session.scalars(
                select(Article.url)
                .join(Quote, Quote.article_id == Article.id)
                .where(Quote.statement_id == found)
            )
        )


def test_export_claims(positions: Database) -> None:
    # Recorded last, published first: it is the first appearance.
    publish(positions, "Early Bird", day(8), Said(REJECT, PESKOV, said_on=day(8)))
    with positions.session() as session:
        claims = [to_claim(i) for i in export_statements(session, speaker="Peskov", topic="war")]
    assert [c["text"] for c in claims] == [OPEN, NEUTRAL, REJECT]
    reject = claims[2]
    assert set(reject) == CLAIM_KEYS
    assert reject["@context"] == "https://schema.org" and reject["@type"] == "Claim"
    assert reject["identifier"] == str(statement_id(positions, REJECT))
    assert reject["author"] == {"@type": "Person", "name": PESKOV}
    assert reject["datePublished"] == day(8).isoformat()
    assert {a["url"] for a in reject["appearance"]} == urls_of(positions, REJECT)
    assert len(reject["appearance"]) == 3
    assert [a["datePublished"] for a in reject["appearance"]] == [
        day(8).isoformat(),
        day(9).isoformat(),
        day(10).isoformat(),
    ]
    first = reject["firstAppearance"]
    assert first == reject["appearance"][0]
    assert first["@type"] == "CreativeWork"
    assert first["publisher"] == {"@type": "Organization", "name": "Early Bird"}
    assert first["url"].startswith("https://earlybird.example/")
    assert reject["about"] == [{"@type": "Thing", "name": "ceasefire"}]


def test_authors_that_are_bodies_are_organizations_and_unnamed_ones_absent(
    positions: Database,
) -> None:
    publish(
        positions,
        "Wire One",
        day(11),
        Said(KREMLIN, "Northland Defence Ministry", kind=SpeakerKind.GOVERNMENT),
        Said(OFFICIAL, "a senior Russian official", kind=SpeakerKind.DESCRIPTION),
    )
    with positions.session() as session:
        claims = {
            item["text"]: to_claim(item) for item in export_statements(session, since=day(11))
        }
    assert claims[KREMLIN]["author"] == {
        "@type": "Organization",
        "name": "Northland Defence Ministry",
    }
    # An unnamed source is no speaker: the claim says nothing rather than guess.
    assert "author" not in claims[OFFICIAL]


def test_an_article_quoting_a_statement_twice_is_one_appearance(database: Database) -> None:
    """A schema.org appearance is a CreativeWork the claim occurs in: the article
    (quoting it twice) and its reprint are two, and every count says two."""
    publish(database, "Wire One", day(1), Said(OFFICIAL, PESKOV), Said(OFFICIAL, PESKOV))
    with database.session() as session:
        article = session.scalars(select(Article)).one()
        outlet = Outlet(name="Harbour Post")
        session.add(outlet)
        session.flush()
        session.add(
            Reprint(
                article_id=article.id,
                outlet_id=outlet.id,
                url="https://harbourpost.example/talks",
                published_on=day(2),
            )
        )
    with database.session() as session:
        (item,) = list(export_statements(session))
        quotes = session.scalars(select(Quote.statement_id)).all()
        (summary,) = statement_summaries(session, [item["id"]])
        detail = get_statement(session, item["id"])
    assert quotes == [item["id"], item["id"]]
    claim = to_claim(item)
    assert [work["url"] for work in claim["appearance"]] == [
        article.url,
        "https://harbourpost.example/talks",
    ]
    row = to_row(item)
    assert row["appearance_count"] == item["appearance_count"] == 2
    assert row["outlets"] == ["Harbour Post", "Wire One"]
    assert summary["appearance_count"] == detail["appearance_count"] == 2
    # The statement page still shows each quote as printed: two wordings a printing.
    assert len(detail["appearances"]) == 4


def test_export_streams_in_chunks(positions: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export_service, "_CHUNK", 2)
    with positions.session() as session:
        stream = export_statements(session)
        assert not isinstance(stream, list)
        first = next(stream)
        items = [first, *stream]
    assert [item["id"] for item in items] == sorted(item["id"] for item in items)
    assert [item["text"] for item in items] == [OPEN, NEUTRAL, REJECT, GRAIN]
    assert [len(item["sources"]) for item in items] == [1, 1, 2, 1]


def test_export_filters(positions: Database) -> None:
    with positions.session() as session:
        texts = [i["text"] for i in export_statements(session, since=day(1), until=day(9))]
        assert texts == [NEUTRAL, REJECT, GRAIN]
        assert [i["text"] for i in export_statements(session, topic="grain")] == [GRAIN]
        # Unknown filters fail when asked, before anything is written.
        with pytest.raises(NotFoundError):
            export_statements(session, speaker="Nobody Atall")
        with pytest.raises(NotFoundError):
            export_statements(session, topic="fisheries")


def test_cli_export(positions: Database, database_url: str, tmp_path: Path) -> None:
    code, out = invoke(database_url, "export", "--speaker", "Peskov")
    assert code == 0
    claims = json.loads(out)
    assert len(claims) == 4 and all(set(c) <= CLAIM_KEYS for c in claims)
    assert all(c["@type"] == "Claim" for c in claims)

    code, out = invoke(database_url, "export", "--nl", "--topic", "ceasefire")
    assert [json.loads(line)["text"] for line in out.splitlines()] == [OPEN, NEUTRAL, REJECT]
    code, out = invoke(database_url, "export", "--nl", "--format", "csv")
    assert code == 2

    target = tmp_path / "claims.jsonld"
    code, out = invoke(database_url, "export", "--since", "2025-05-10", "-o", str(target))
    assert code == 0 and out == ""
    assert [c["text"] for c in json.loads(target.read_text("utf-8"))] == [REJECT, GRAIN]
    code, out = invoke(database_url, "export", "--until", "2025-04-01")
    assert code == 0 and json.loads(out) == []

    publish(positions, "Daily Two", day(11), Said(FORMULA, PESKOV, said_on=day(11)))
    code, out = invoke(database_url, "export", "--format", "csv", "--topic", "war")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [row["text"] for row in rows] == [OPEN, NEUTRAL, REJECT, "'" + FORMULA]
    assert rows[-1]["topics"] == "ceasefire"
    assert rows[2]["appearance_count"] == "2" and rows[2]["outlet_count"] == "2"
    assert rows[2]["outlets"] == "Daily Two; Three Times"
    assert rows[2]["first_url"].startswith("https://threetimes.example/")
    assert len(rows[2]["urls"].split("; ")) == 2

    code, out = invoke(database_url, "export", "--topic", "fisheries")
    assert code == 1 and out.strip() == "Error: topic 'fisheries': no such topic"
