"""An authority file built from a Wikidata JSON dump, in bounded memory.

Kept (the people and bodies news quotes):

- humans (P31 = Q5) who held a position (P39), belong to a party (P102), or
  whose occupation (P106) is a public one: politician, diplomat, civil
  servant, journalist, judge, lawyer, military officer, economist, activist,
  trade unionist, businessperson, spokesperson, political scientist;
- bodies (P31) that are governments, ministries, agencies, parliaments,
  parties, international organisations, companies, media, unions, armed forces
  and police, and organisations in general.

Each becomes one JSONL line of the authority file (``quotes speakers
authority load``): ``id`` (the QID), ``name`` (the English label, else the
first label), ``aliases`` (every label and alias in every language, one per
distinct spelling), ``description`` (English), ``affiliation`` (a person's
country of citizenship, P27; a body's country, P17), ``party`` (P102, the
current one first) and ``born`` (P569, to its precision).

The dump is read once, line by line. Affiliation and party name other
entities, which may come later in the dump; the entities are written with
their ids first, the labels of countries and parties (a few thousand) are
kept as they pass, and a second pass over the written file (far smaller than
the dump) puts the labels in.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from quotes.errors import SourceError
from quotes.sources.wikidata import claim_ids, claim_time, read_entities, texts

HUMAN = "Q5"
PUBLIC_OCCUPATIONS = frozenset(
    {
        "Q82955",  # politician
        "Q193391",  # diplomat
        "Q212238",  # civil servant
        "Q1930187",  # journalist
        "Q16533",  # judge
        "Q40348",  # lawyer
        "Q189290",  # military officer
        "Q188094",  # economist
        "Q15253558",  # activist
        "Q15627169",  # trade unionist
        "Q43845",  # businessperson
        "Q1055894",  # spokesperson
        "Q1238570",  # political scientist
    }
)
BODIES = frozenset(
    {
        "Q7188",  # government
        "Q192350",  # ministry
        "Q327333",  # government agency
        "Q2659904",  # government organization
        "Q11204",  # legislature
        "Q35749",  # parliament
        "Q7278",  # political party
        "Q484652",  # international organization
        "Q245065",  # intergovernmental organization
        "Q43229",  # organization
        "Q4830453",  # business
        "Q783794",  # company
        "Q891723",  # public company
        "Q1331793",  # media company
        "Q11032",  # newspaper
        "Q1153191",  # news agency
        "Q178790",  # trade union
        "Q35535",  # police
        "Q176799",  # military unit
        "Q8473",  # armed forces
    }
)
# Entities whose labels affiliations and parties are written with.
COUNTRIES = frozenset({"Q6256", "Q3624078"})  # country, sovereign state
PARTIES = frozenset({"Q7278"})


@dataclass
class BuildResult:
    entities: int = 0
    people: int = 0
    bodies: int = 0
    errors: list[str] = field(default_factory=list)


def build_authority(
    dump: Path, out: IO[str], *, progress: Callable[[int], None] | None = None
) -> BuildResult:
    """Write the authority file of ``dump`` to ``out`` (JSONL)."""
    result = BuildResult()
    labels: dict[str, str] = {}
    with tempfile.NamedTemporaryFile(
        "w+", encoding="utf-8", suffix=".jsonl", delete=False
    ) as pending:
        try:
            for entity in read_entities(dump):
                if isinstance(entity, SourceError):
                    result.errors.append(str(entity))
                    continue
                result.entities += 1
                if progress is not None and result.entities % 100_000 == 0:
                    progress(result.entities)
                kinds = set(claim_ids(entity, "P31"))
                if kinds & (COUNTRIES | PARTIES):
                    name = _name(entity)
                    if name:
                        labels[entity["id"]] = name
                entry = _entry(entity, kinds)
                if entry is None:
                    continue
                if HUMAN in kinds:
                    result.people += 1
                else:
                    result.bodies += 1
                pending.write(json.dumps(entry, ensure_ascii=False) + "\n")
            pending.flush()
            pending.seek(0)
            for line in pending:
                entry = json.loads(line)
                for key in ("affiliation", "party"):
                    ids = entry.pop(key)
                    named = [labels[i] for i in ids if i in labels]
                    if named:
                        entry[key] = named[0]
                out.write(json.dumps(entry, ensure_ascii=False) + "\n")
        finally:
            pending.close()
            os.unlink(pending.name)
    return result


def _entry(entity: dict[str, Any], kinds: set[str]) -> dict[str, Any] | None:
    """The authority entry of a kept entity (affiliation and party as ids), else None."""
    if HUMAN in kinds:
        public = (
            claim_ids(entity, "P39")
            or claim_ids(entity, "P102")
            or PUBLIC_OCCUPATIONS.intersection(claim_ids(entity, "P106"))
        )
        if not public:
            return None
        affiliation = claim_ids(entity, "P27")
    elif kinds & BODIES:
        affiliation = claim_ids(entity, "P17")
    else:
        return None
    name = _name(entity)
    if not name:
        return None
    entry: dict[str, Any] = {"id": entity["id"], "name": name, "aliases": _aliases(entity, name)}
    description = texts(entity, "descriptions").get("en")
    if description:
        entry["description"] = description[0]
    entry["affiliation"] = affiliation
    entry["party"] = claim_ids(entity, "P102")
    born = claim_time(entity, "P569") if HUMAN in kinds else None
    if born:
        entry["born"] = born
    return entry


def _name(entity: dict[str, Any]) -> str | None:
    labels = texts(entity, "labels")
    for language in ("en", "en-gb", "en-us", "mul"):
        if labels.get(language):
            return labels[language][0]
    for language in sorted(labels):
        if labels[language]:
            return labels[language][0]
    return None


def _aliases(entity: dict[str, Any], name: str) -> list[str]:
    """Every label and alias in every language and script, each spelling once, the
    name left out."""
    seen = {name.casefold()}
    found: list[str] = []
    for field_name in ("labels", "aliases"):
        by_language = texts(entity, field_name)
        for language in sorted(by_language):
            for value in by_language[language]:
                if value.strip() and value.casefold() not in seen:
                    seen.add(value.casefold())
                    found.append(value)
    return found
