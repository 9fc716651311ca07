"""Statements for other tools: schema.org ``Claim`` in JSON-LD, or flat rows for CSV.

ClaimReview tooling reads ``Claim`` objects: the author (a Person or an
Organization), the date first said, ``firstAppearance`` (the earliest
source) and ``appearance`` (every source, each a ``CreativeWork`` with its
URL, date and publisher). Statements stream out in chunks, so an export
of the whole database does not hold it in memory.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy.orm import Session

from quotes.errors import NotFoundError
from quotes.extract.model import SpeakerKind
from quotes.services.affiliation import affiliated_speaker_ids
from quotes.services.search import topic_with_descendants
from quotes.services.speakers import find_speaker
from quotes.storage.exports import StatementFilter, statements_in_chunks
from quotes.storage.exports import printings as printings_of
from quotes.storage.listings import printed_in, topics_of

_CHUNK = 500
SCHEMA_ORG = "https://schema.org"
# Speakers that are bodies, not people; "a senior official" is still a person.
_ORGANIZATIONS = {SpeakerKind.ORGANISATION.value, SpeakerKind.GOVERNMENT.value}


def export_statements(
    session: Session,
    *,
    speaker: str | None = None,
    topic: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    affiliation: str | None = None,
) -> Iterator[dict[str, Any]]:
    """Every statement matching the filters with its sources, earliest first.

    Each item: id, speaker (id, name, kind, same_as), first_said_on, text, topics, and
    sources (outlet, published, said_on, url, wording): one an article,
    earliest first. Statements come in id order, ``_CHUNK`` at a time.
    The filters are checked now (an unknown speaker or topic raises here,
    before a caller writes anything); the rows are read as they are consumed.
    """
    wanted = StatementFilter(
        speaker_id=find_speaker(session, speaker).id if speaker is not None else None,
        speaker_ids=(
            affiliated_speaker_ids(session, affiliation) if affiliation is not None else None
        ),
        topic_ids=topic_with_descendants(session, topic) if topic is not None else None,
        since=since,
        until=until,
    )
    return _stream(session, wanted)


def export_statement(session: Session, statement_id: int) -> dict[str, Any]:
    """One statement as ``export_statements`` gives each (for ``to_claim``)."""
    for item in _stream(session, StatementFilter(statement_id=statement_id)):
        return item
    raise NotFoundError(f"statement {statement_id}: no such statement")


def _stream(session: Session, wanted: StatementFilter) -> Iterator[dict[str, Any]]:
    for chunk in statements_in_chunks(session, wanted, _CHUNK):
        ids = [statement.id for statement, _ in chunk]
        sources, topics = _sources_of(session, ids), topics_of(session, ids)
        _, printings = printed_in(session, ids)
        for statement, person in chunk:
            yield {
                "id": statement.id,
                "speaker": person.name if person else None,
                "speaker_id": person.id if person else None,
                "speaker_kind": str(person.kind) if person else None,
                "same_as": person.same_as if person else [],
                "first_said_on": statement.first_said_on,
                "text": statement.canonical_text,
                "kind": str(statement.kind),
                "topics": topics.get(statement.id, []),
                "sources": sources.get(statement.id, []),
                "appearance_count": printings[statement.id],
            }


def to_claim(item: dict[str, Any]) -> dict[str, Any]:
    """One exported statement as a schema.org ``Claim``."""
    appearances = [_creative_work(source) for source in item["sources"]]
    claim: dict[str, Any] = {
        "@context": SCHEMA_ORG,
        "@type": "Claim",
        "identifier": str(item["id"]),
        "text": item["text"],
    }
    if item["speaker"]:
        is_body = item["speaker_kind"] in _ORGANIZATIONS
        author: dict[str, Any] = {
            "@type": "Organization" if is_body else "Person",
            "name": item["speaker"],
        }
        if item.get("same_as"):
            # The authority's URL names the person in every database and export, so
            # it is the node's id too (a Claim's author links across fact-checks).
            author["@id"] = item["same_as"][0]
            author["sameAs"] = item["same_as"]
        claim["author"] = author
    if item["first_said_on"]:
        claim["datePublished"] = item["first_said_on"].isoformat()
    if appearances:
        claim["firstAppearance"] = appearances[0]
        claim["appearance"] = appearances
    if item["topics"]:
        claim["about"] = [{"@type": "Thing", "name": name} for name in item["topics"]]
    return claim


def to_row(item: dict[str, Any]) -> dict[str, Any]:
    """One exported statement as a flat row: one row a statement, sources joined.

    A row a statement (not a source) so that a spreadsheet counts statements;
    ``first_url`` is the earliest source and ``urls`` all of them, earliest first.
    """
    sources = item["sources"]
    outlets = sorted({s["outlet"] for s in sources if s["outlet"]})
    return {
        "statement_id": item["id"],
        "speaker": item["speaker"],
        "first_said_on": item["first_said_on"],
        "text": item["text"],
        "kind": item["kind"],
        "topics": item["topics"],
        "appearance_count": item["appearance_count"],
        "outlet_count": len(outlets),
        "first_url": sources[0]["url"] if sources else None,
        "outlets": outlets,
        "urls": [s["url"] for s in sources if s["url"]],
    }


def _creative_work(source: dict[str, Any]) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork"}
    if source["url"]:
        work["url"] = source["url"]
    if source["published"]:
        work["datePublished"] = source["published"].isoformat()
    if source["outlet"]:
        work["publisher"] = {"@type": "Organization", "name": source["outlet"]}
    work["text"] = source["wording"]
    return work


def _sources_of(session: Session, ids: Sequence[int]) -> dict[int, list[dict[str, Any]]]:
    """Each statement's printings (``quotes.storage.listings.printed_in`` counts the
    same ones), earliest first, with the wording of the article's first quote of it."""
    rows = printings_of(session, ids)
    found: dict[int, list[dict[str, Any]]] = defaultdict(list)
    seen: set[tuple[int, int, int | None]] = set()
    for statement_id, article_id, reprint_id, outlet, published, said_on, url, wording in rows:
        # A schema.org appearance is a CreativeWork the claim occurs in: an
        # article quoting the statement twice is one, and each reprint of it one more.
        key = (statement_id, article_id, reprint_id)
        if statement_id is not None and key not in seen:
            seen.add(key)
            found[statement_id].append(
                {
                    "outlet": outlet,
                    "published": published,
                    "said_on": said_on,
                    "url": url,
                    "wording": wording,
                }
            )
    # Earliest first, undated last (the backends disagree on where NULL sorts).
    for items in found.values():
        items.sort(key=lambda s: (s["published"] is None, s["published"] or dt.date.min))
    return found
