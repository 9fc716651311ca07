"""Speaker identity and authority linking: how well, how fast.

    python benchmarks/bench_speakers.py wire ../shared/data/wire/dev
    python benchmarks/bench_speakers.py generated [--people 500 --pairs 100 --seed 13 --order N]
    python benchmarks/bench_speakers.py linking [--entries 200000 --speakers 10000 \
        --entities 100000]

``wire``: every article of the set is imported into a fresh SQLite database.
Over the stored quotes whose speaker mention overlaps a gold Source span
(and whose text overlaps that attribution's Content), each gold person
(``reference=``; spellings separated by ``|`` are one person) should be filed
under exactly one speaker and each speaker hold one person:

- purity: for each speaker, the share of its quotes of its most frequent
  person, weighted by quotes;
- completeness: for each person, the share of their quotes under their most
  frequent speaker (a quote filed under no speaker counts against it).

Only gold references that name someone (a person or a body) count:
descriptions such as "residents" are kept unnamed by design. Two lines: end
to end (the extractor's attribution errors count too), and the identity layer
(only the quotes whose article the extractor gave the right name: what speaker
resolution across articles decides).

``generated``: people made from syllables, each printed 5-10 ways (surname
only, title and surname, full name, Cyrillic by a reverse transliteration,
three Latin transliterations, possessive and role forms), plus pairs of
different people sharing a surname (one pair in four the initial too); each
printing is one article resolved by the importer's speaker resolution.
Pairwise precision and recall over printings, as filed at the end (a quote
filed by surname alone goes back to no speaker once a namesake appears; a
printing filed under no speaker is a cluster of its own). The first line
scores against what an article can tell: a bare surname of someone whose
namesake is in the set names neither for any reader (each printing is an
article of its own), nor does a title before that surname where neither one's
office is printed with a full name anywhere in the set, nor an initial both
have; such a printing belongs to no one, so it is right under no speaker and a
guess costs precision even when lucky. The second line scores against each
printing's own person, with its ceiling (every other printing right, those
under no one); the third leaves out every bare surname. ``--order N`` imports
the same printings in another order (shuffled again with seed N): the figures
should not change, since what tells namesakes apart may come before or after
what it places.

``linking``: an authority file of N entries is written, loaded (time, peak
memory), N speakers linked (time), and a Wikidata dump sample of M entities
built into an authority file (time, peak memory).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing
import random
import re
import resource
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from quotes import match
from quotes.services.importing import import_articles
from quotes.storage.database import open_database
from quotes.storage.models import Article, Quote, Speaker

_SPAN = re.compile(r"^(T\d+)\t(\w+) ([\d; ]+)\t")
_REFERENCE = re.compile(r"reference=([^;]+)")
_NOTE = re.compile(r"^#\d+\tAnnotatorNotes (T\d+)\t(.*)$")
_EVENT = re.compile(r"Source:(T\d+).*Content:(T\d+)")
# Gold references of unnamed speakers (descriptions: "residents", "EU diplomat"),
# kept unnamed by design: lower case, or ending in a noun for people.
_UNNAMED = re.compile(
    r"^[a-z]|\b(officials?|diplomats?|traders?|spokes(wo)?man|spokesperson|sources?|"
    r"residents|analysts?|experts?|witnesses|workers?|voters?)\b"
)


def _spans(field: str) -> list[tuple[int, int]]:
    return [(int(a), int(b)) for a, b in (part.split() for part in field.split(";"))]


def _gold(path: Path) -> list[tuple[list[tuple[int, int]], list[tuple[int, int]], str]]:
    """(source spans, content spans, person) of every attribution in one .ann file."""
    spans: dict[str, list[tuple[int, int]]] = {}
    notes: dict[str, str] = {}
    events: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        found = _SPAN.match(line)
        if found:
            spans[found.group(1)] = _spans(found.group(3))
            continue
        note = _NOTE.match(line)
        if note:
            reference = _REFERENCE.search(note.group(2))
            if reference:
                notes[note.group(1)] = reference.group(1).strip()
            continue
        event = _EVENT.search(line)
        if event and line.startswith("E"):
            events.append((event.group(1), event.group(2)))
    return [(spans[s], spans[c], notes[c]) for s, c in events if c in notes]


def _overlaps(a: list[tuple[int, int]], b: tuple[int, int]) -> bool:
    return any(start < b[1] and b[0] < end for start, end in a)


def _names(printed: str | None, reference: str) -> bool:
    """Whether the name the extractor gave in the article is one of the gold
    speaker's: the same surname (up to spelling) or the same body."""
    words = match.alias_key(printed or "").split()
    if not words or (len(words) == 1 and match.fold(reference).split()[-1:] == words):
        # No name at all, or only what the speaker is ("the ministry", "Police").
        return False
    body = match.canonical_body(printed)
    key = match.name_key(printed).split()
    for name in reference.split("|"):
        if body is not None and body == match.canonical_body(name):
            return True
        gold = match.name_key(name).split()
        if key and gold and match.surnames_match(key[-1], gold[-1]):
            return True
        if (key and set(key) <= set(gold)) or match.alias_key(name) in match.alias_key(printed):
            return True
    return False


def _purity(pairs: list[tuple[str, int | None]]) -> tuple[float, float]:
    by_speaker: dict[int, Counter[str]] = defaultdict(Counter)
    by_person: dict[str, Counter[int | None]] = defaultdict(Counter)
    for person, speaker in pairs:
        by_person[person][speaker] += 1
        if speaker is not None:
            by_speaker[speaker][person] += 1
    filed = sum(sum(c.values()) for c in by_speaker.values())
    purity = sum(max(c.values()) for c in by_speaker.values()) / filed if filed else 0.0
    completeness = sum(
        max((n for s, n in c.items() if s is not None), default=0) for c in by_person.values()
    ) / len(pairs)
    return purity, completeness


def wire(folder: Path, verbose: bool = False) -> None:
    texts = sorted((folder / "text").glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(str(Path(tmp) / "wire.db"))
        started = time.perf_counter()
        failed = [r for r in import_articles(db, [str(p) for p in texts]) if r.status == "error"]
        took = time.perf_counter() - started
        pairs: list[tuple[str, int | None]] = []
        # Only the quotes whose article named the right speaker: the identity layer.
        layer: list[tuple[str, int | None]] = []
        names: dict[int, str] = {}
        mentions: list[tuple[str, str | None, int | None]] = []
        with db.session() as session:
            articles = {a.origin: a for a in session.scalars(select(Article))}
            names = {i: n for i, n in session.execute(select(Speaker.id, Speaker.name))}
            for path in texts:
                article = articles.get(str(path))
                if article is None:
                    continue
                raw = path.read_text(encoding="utf-8")
                offset = raw.find(article.text[:200])
                gold = _gold(folder / "attributions" / f"{path.stem}_gold.ann")
                quotes = session.scalars(select(Quote).where(Quote.article_id == article.id))
                for quote in quotes:
                    if quote.speaker_start is None or quote.speaker_end is None:
                        continue
                    mention = (quote.speaker_start + offset, quote.speaker_end + offset)
                    text = (quote.span_start + offset, quote.span_end + offset)
                    for sources, contents, person in gold:
                        if _overlaps(sources, mention) and _overlaps(contents, text):
                            if not _UNNAMED.search(person):
                                named = _names(quote.speaker_name, person)
                                person = person.split("|")[0]
                                pairs.append((person, quote.speaker_id))
                                if named:
                                    layer.append((person, quote.speaker_id))
                                if verbose and quote.speaker_id is None:
                                    # Whether the article gave a name the gold one fits:
                                    # identity's to file, or the extractor's to name.
                                    print(
                                        f"  unfiled ({'named' if named else 'not named'}):",
                                        person,
                                        repr(quote.speaker_name),
                                        path.stem,
                                    )
                                mentions.append((person, quote.speaker_name, quote.speaker_id))
                            break
        db.close()
    purity, completeness = _purity(pairs)
    unfiled = sum(1 for _, s in pairs if s is None)
    layer_purity, layer_completeness = _purity(layer)
    print(f"wire: {len(texts)} articles imported in {took:.1f} s ({len(failed)} failed)")
    print(
        f"  {len(pairs)} quotes of {len({p for p, _ in pairs})} named gold speakers; "
        f"{unfiled} filed under no speaker"
    )
    print(f"  end to end: purity {purity:.4f}  completeness {completeness:.4f}")
    print(
        f"  identity ({len(layer)} quotes whose article gave the right name, "
        f"{sum(1 for _, s in layer if s is None)} filed under no speaker): "
        f"purity {layer_purity:.4f}  completeness {layer_completeness:.4f}"
    )
    if verbose:
        _explain(mentions, names)


def _explain(mentions: list[tuple[str, str | None, int | None]], names: dict[int, str]) -> None:
    """Print the persons split over several speakers and the speakers holding several."""
    by_person: dict[str, set[int | None]] = defaultdict(set)
    by_speaker: dict[int, set[str]] = defaultdict(set)
    for person, _, speaker in mentions:
        by_person[person].add(speaker)
        if speaker is not None:
            by_speaker[speaker].add(person)
    for person, speakers in sorted(by_person.items()):
        if len(speakers) > 1:
            shown = sorted({n or "-" for p, n, _ in mentions if p == person})
            print(f"  split: {person}: speakers {sorted(speakers, key=str)} as {shown}")
    for speaker, persons in sorted(by_speaker.items()):
        if len(persons) > 1:
            printed = sorted({n or "-" for _, n, s in mentions if s == speaker})
            print(
                f"  mixed: speaker {speaker} {names.get(speaker)!r} holds {sorted(persons)}"
                f" as {printed}"
            )


# --- generated people ---------------------------------------------------------------

_CONSONANTS = "b d g k l m n p r s t v z sh ch zh kh".split()
_VOWELS = "a e i o u".split()
_ENDINGS = ["sky", "enko", "ov", "ich", "in", "ev", "yuk", "chuk"]
_TITLES = [
    ("Minister", "foreign minister"),
    ("Senator", "senator"),
    ("Governor", "regional governor"),
    ("Mayor", "mayor"),
    ("General", "army chief"),
    ("Ambassador", "ambassador"),
    ("Judge", "supreme court judge"),
    ("Chairman", "central bank chairman"),
]
_COUNTRIES = ["Moldova", "Ukraine", "Georgia", "Armenia", "Latvia", "Serbia", "Poland"]
# Latin to Cyrillic, longest first: how a Russian-language outlet would print the name.
_CYRILLIC = [
    ("shch", "щ"),
    ("sky", "ский"),
    ("kh", "х"),
    ("zh", "ж"),
    ("ch", "ч"),
    ("sh", "ш"),
    ("ya", "я"),
    ("yu", "ю"),
    ("ts", "ц"),
    ("y", "й"),
    ("a", "а"),
    ("b", "б"),
    ("v", "в"),
    ("g", "г"),
    ("d", "д"),
    ("e", "е"),
    ("z", "з"),
    ("i", "и"),
    ("k", "к"),
    ("l", "л"),
    ("m", "м"),
    ("n", "н"),
    ("o", "о"),
    ("p", "п"),
    ("r", "р"),
    ("s", "с"),
    ("t", "т"),
    ("u", "у"),
    ("f", "ф"),
]
# Three other Latin systems an outlet may use for the same name.
_SYSTEMS = [
    [(r"sky\b", "skiy"), (r"y\b", "iy"), (r"kh", "h")],  # scholarly
    [(r"sky\b", "skyy"), (r"v\b", "w"), (r"sh", "sch")],  # Ukrainian-style / German
    [(r"ov\b", "off"), (r"ch", "tch"), (r"u", "ou")],  # French
]


def _syllables(rng: random.Random, low: int, high: int) -> str:
    return "".join(
        rng.choice(_CONSONANTS) + rng.choice(_VOWELS) for _ in range(rng.randint(low, high))
    )


def _cyrillic(name: str) -> str:
    out, rest = [], name.lower()
    while rest:
        for latin, cyr in _CYRILLIC:
            if rest.startswith(latin):
                out.append(cyr)
                rest = rest[len(latin) :]
                break
        else:
            out.append(rest[0])
            rest = rest[1:]
    word = "".join(out)
    return word[:1].upper() + word[1:]


def _system(name: str, rules: list[tuple[str, str]]) -> str:
    for pattern, replacement in rules:
        name = re.sub(pattern, replacement, name)
    return name


@dataclass
class _Person:
    given: str
    surname: str
    title: str
    role: str
    country: str


def _people(rng: random.Random, count: int, pairs: int) -> list[_Person]:
    people: list[_Person] = []
    surnames: set[str] = set()
    while len(people) < count:
        surname = (_syllables(rng, 2, 3) + rng.choice(_ENDINGS)).capitalize()
        if surname in surnames:
            continue
        surnames.add(surname)
        title, role = rng.choice(_TITLES)
        people.append(
            _Person(
                _syllables(rng, 2, 3).capitalize(), surname, title, role, rng.choice(_COUNTRIES)
            )
        )
    for index in range(pairs):
        # A namesake: the same surname, another first name and office; one in four
        # shares the initial too (as Kim Jong Un and Kim Jong Il do).
        other = people[index]
        given = other.given
        while given == other.given or (index % 4 and given[0] == other.given[0]):
            given = other.given[0] + _syllables(rng, 2, 3)[1:] if index % 4 == 0 else ""
            given = given or _syllables(rng, 2, 3).capitalize()
        title, role = rng.choice([t for t in _TITLES if t[0] != other.title])
        people.append(_Person(given, other.surname, title, role, rng.choice(_COUNTRIES)))
    return people


def _mentions(rng: random.Random, person: _Person) -> list[tuple[str, str | None, str]]:
    """5-10 printings of one person: (name as printed, role printed with it, form)."""
    full = f"{person.given} {person.surname}"
    systems = rng.sample(_SYSTEMS, 3)
    forms = [
        (person.surname, None, "surname"),
        (f"{person.title} {person.surname}", None, "title+surname"),
        (full, person.role if rng.random() < 0.5 else None, "full"),
        (f"{_cyrillic(person.given)} {_cyrillic(person.surname)}", None, "cyrillic"),
        *(
            (f"{_system(person.given, rules)} {_system(person.surname, rules)}", None, "latin")
            for rules in systems
        ),
        (f"{person.country}'s {full}", None, "possessive"),
        (f"{person.title} {full}", person.role, "role"),
        (f"{person.given[0]}. {person.surname}", None, "initial"),
    ]
    return rng.sample(forms, rng.randint(5, 10))


def generated(
    people_count: int, pairs: int, seed: int, verbose: bool, order: int | None = None
) -> None:
    from quotes.extract.model import ExtractedQuote, QuoteKind, SpeakerKind
    from quotes.services.recording import record_quotes

    rng = random.Random(seed)
    people = _people(rng, people_count, pairs)
    printings = [
        (index, printed, role, form)
        for index, person in enumerate(people)
        for printed, role, form in _mentions(rng, person)
    ]
    rng.shuffle(printings)
    if order is not None:
        random.Random(order).shuffle(printings)
    filed: list[tuple[int, int | None, str, str]] = []
    surnames = Counter(person.surname for person in people)
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(str(Path(tmp) / "generated.db"))
        started = time.perf_counter()
        day = dt.date(2026, 1, 1)
        session = db.sessionmaker()
        for serial, (index, printed, role, form) in enumerate(printings):
            article = Article(
                text=f"(article {serial})",
                content_hash=f"generated-{serial}",
                published_on=day + dt.timedelta(days=serial % 300),
            )
            session.add(article)
            session.flush()
            text = f"Statement {serial} of the generated set."
            quote = ExtractedQuote(
                text=text,
                start=0,
                end=len(text),
                kind=QuoteKind.DIRECT,
                speaker=printed,
                speaker_mention=printed,
                speaker_kind=SpeakerKind.PERSON,
                speaker_role=role,
            )
            record_quotes(session, article, [quote])
            filed.append((index, article.id, printed, form))
            if serial % 200 == 199:
                session.commit()
        session.commit()
        final = {a: s for a, s in session.execute(select(Quote.article_id, Quote.speaker_id))}
        filed = [(index, final[article], printed, form) for index, article, printed, form in filed]
        session.close()
        took = time.perf_counter() - started
        db.close()
    unfiled = sum(1 for _, s, _, _ in filed if s is None)
    print(
        f"generated: {len(people)} people ({pairs} sharing a surname with another), "
        f"{len(filed)} printings resolved in {took:.1f} s; {unfiled} filed under no speaker"
    )
    # What no reader can attribute. A bare surname of someone whose namesake is in the
    # set names neither (each printing is an article of its own); nor does a title before
    # that surname where neither one's office is printed with a full name anywhere (what
    # tells the two apart is then nowhere in the set). The truth of such a printing is
    # "one of two people": it is right under no speaker and wrong under either, so a
    # lucky guess still costs precision.
    bare = {
        n
        for n, (i, _, _, f) in enumerate(filed)
        if f == "surname" and surnames[people[i].surname] > 1
    }
    office_printed = {index for index, _, role, _ in printings if role is not None}
    by_surname: dict[str, set[int]] = defaultdict(set)
    for index, person in enumerate(people):
        by_surname[person.surname].add(index)
    titled = {
        n
        for n, (i, _, _, f) in enumerate(filed)
        if f == "title+surname"
        and surnames[people[i].surname] > 1
        and not by_surname[people[i].surname] & office_printed
    }
    # An initial and the surname, where the namesake has the same initial.
    initials = Counter((p.given[0], p.surname) for p in people)
    initialled = {
        n
        for n, (i, _, _, f) in enumerate(filed)
        if f == "initial" and initials[(people[i].given[0], people[i].surname)] > 1
    }
    untold = bare | titled | initialled
    told = [(-1 - n if n in untold else i, s, p, f) for n, (i, s, p, f) in enumerate(filed)]
    precision, recall = _pairwise(told)
    print(
        f"  pairwise precision {precision:.4f}  recall {recall:.4f}  (what an article can "
        f"tell: {len(bare)} bare, {len(titled)} titled and {len(initialled)} initialled "
        f"surnames of people with a namesake belong to no one)"
    )
    precision, recall = _pairwise(filed)
    ideal = [(i, None if n in untold else i, p, f) for n, (i, _, p, f) in enumerate(filed)]
    print(
        f"  against each printing's own person: pairwise precision {precision:.4f}  "
        f"recall {recall:.4f}  (ceiling without guessing {_pairwise(ideal)[1]:.4f})"
    )
    no_bare = [row for row in filed if row[3] != "surname"]
    precision, recall = _pairwise(no_bare)
    print(
        f"  without bare-surname printings ({len(no_bare)}): "
        f"pairwise precision {precision:.4f}  recall {recall:.4f}"
    )
    if verbose:
        _explain([(str(i), f"{p} [{f}]", s) for i, s, p, f in filed], {})


def _pairwise(filed: list[tuple[int, int | None, str, str]]) -> tuple[float, float]:
    """Pairwise precision and recall of filing printings under speakers (a printing
    filed under no speaker is alone)."""
    by_speaker: dict[int, Counter[int]] = defaultdict(Counter)
    by_person: Counter[int] = Counter()
    for person, speaker, _, _ in filed:
        by_person[person] += 1
        if speaker is not None:
            by_speaker[speaker][person] += 1

    def pairs(n: int) -> int:
        return n * (n - 1) // 2

    predicted = sum(pairs(sum(c.values())) for c in by_speaker.values())
    correct = sum(pairs(n) for c in by_speaker.values() for n in c.values())
    true = sum(pairs(n) for n in by_person.values())
    return (correct / predicted if predicted else 1.0), (correct / true if true else 1.0)


# --- linking ------------------------------------------------------------------------


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _authority_name(rng: random.Random) -> tuple[str, str]:
    return _syllables(rng, 2, 3).capitalize(), (
        _syllables(rng, 2, 3) + rng.choice(_ENDINGS)
    ).capitalize()


def _write_authority(path: Path, entries: int, seed: int) -> list[tuple[str, str]]:
    """An authority file of ``entries`` made-up people (some sharing a name)."""
    rng = random.Random(seed)
    names: list[tuple[str, str]] = []
    with path.open("w", encoding="utf-8") as out:
        for index in range(entries):
            given, surname = _authority_name(rng)
            if index and rng.random() < 0.05:
                given, surname = names[rng.randrange(len(names))]  # a namesake
            names.append((given, surname))
            _title, role = rng.choice(_TITLES)
            row = {
                "id": f"Q{10_000_000 + index}",
                "name": f"{given} {surname}",
                "aliases": [f"{_cyrillic(given)} {_cyrillic(surname)}", f"{given[0]}. {surname}"],
                "description": f"{rng.choice(_COUNTRIES)} {role}",
                "born": str(rng.randint(1930, 1995)),
            }
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return names


def _load_in_child(db_path: str, authority: str, queue: Any) -> None:
    from quotes.services.authority import load_authority

    db = open_database(db_path)
    started, cpu = time.perf_counter(), time.process_time()
    with db.session() as session:
        result = load_authority(session, Path(authority))
    queue.put(
        (result.loaded, time.perf_counter() - started, time.process_time() - cpu, _peak_rss_mb())
    )
    db.close()


def _build_in_child(dump: str, out: str, queue: Any) -> None:
    from quotes.services.authority_build import build_authority

    started, cpu = time.perf_counter(), time.process_time()
    with open(out, "w", encoding="utf-8") as stream:
        result = build_authority(Path(dump), stream)
    queue.put(
        (
            result.entities,
            result.people + result.bodies,
            time.perf_counter() - started,
            time.process_time() - cpu,
            _peak_rss_mb(),
        )
    )


def _in_child(target: Any, *args: Any) -> Any:
    """Run ``target`` in a process of its own, so that its peak memory is its own."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=target, args=(*args, queue))
    process.start()
    found = queue.get()
    process.join()
    return found


def _write_dump(path: Path, entities: int, seed: int) -> None:
    """A dump sample in the ``latest-all.json`` format: people (some in public office),
    parties, ministries, countries, and items of no interest, each about 1-2 kB."""
    rng = random.Random(seed)

    def claim(prop: str, target: str) -> dict[str, Any]:
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
            "rank": "normal",
        }

    with path.open("w", encoding="utf-8") as out:
        out.write("[\n")
        for index in range(entities):
            qid = f"Q{20_000_000 + index}"
            given, surname = _authority_name(rng)
            kind = rng.random()
            claims: dict[str, list[Any]]
            if kind < 0.5:
                claims = {"P31": [claim("P31", "Q5")], "P27": [claim("P27", "Q20000000")]}
                if kind < 0.3:
                    claims["P39"] = [claim("P39", f"Q{rng.randint(1, 9999)}")]
                    claims["P102"] = [claim("P102", "Q20000001")]
                claims["P569"] = [
                    {
                        "mainsnak": {
                            "snaktype": "value",
                            "property": "P569",
                            "datavalue": {
                                "value": {
                                    "time": f"+{rng.randint(1930, 1995)}-03-04T00:00:00Z",
                                    "precision": 11,
                                },
                                "type": "time",
                            },
                        },
                        "type": "statement",
                        "rank": "normal",
                    }
                ]
                label = f"{given} {surname}"
            elif kind < 0.6:
                claims = {"P31": [claim("P31", rng.choice(["Q7278", "Q192350", "Q4830453"]))]}
                label = f"{surname} Party"
            else:
                claims = {"P31": [claim("P31", "Q3305213")]}
                label = f"Painting {index}"
            if index == 0:
                claims, label = {"P31": [claim("P31", "Q6256")]}, "Ruritania"
            labels = {lang: {"language": lang, "value": label} for lang in ("en", "de", "fr", "uk")}
            labels["ru"] = {"language": "ru", "value": _cyrillic(label)}
            entity = {
                "type": "item",
                "id": qid,
                "labels": labels,
                "descriptions": {
                    "en": {"language": "en", "value": f"entity {index} of the sample"}
                },
                "aliases": {"en": [{"language": "en", "value": f"{given[0]}. {surname}"}]},
                "claims": claims,
                "sitelinks": {},
            }
            out.write(json.dumps(entity, ensure_ascii=False))
            out.write(",\n" if index + 1 < entities else "\n")
        out.write("]\n")


def linking(entries: int, speakers: int, entities: int, seed: int) -> None:
    from quotes.extract.model import SpeakerKind
    from quotes.services.authority import link_speakers
    from quotes.storage.models import SpeakerAlias

    with tempfile.TemporaryDirectory() as tmp:
        authority = Path(tmp) / "authority.jsonl"
        names = _write_authority(authority, entries, seed)
        db_path = str(Path(tmp) / "linking.db")
        open_database(db_path).close()
        loaded, took, cpu, peak = _in_child(_load_in_child, db_path, str(authority))
        print(
            f"load: {loaded} entries ({authority.stat().st_size / 1e6:.0f} MB) in {took:.1f} s "
            f"({cpu:.1f} s CPU), peak memory of the loading process {peak:.0f} MB"
        )
        rng = random.Random(seed + 1)
        db = open_database(db_path)
        with db.session() as session:
            for _index in range(speakers):
                given, surname = names[rng.randrange(len(names))]
                printed = rng.choice(
                    [f"{given} {surname}", f"{_cyrillic(given)} {_cyrillic(surname)}"]
                )
                speaker = Speaker(name=printed, kind=SpeakerKind.PERSON)
                session.add(speaker)
                session.flush()
                session.add(
                    SpeakerAlias(
                        speaker_id=speaker.id, alias=printed, normalized=match.alias_key(printed)
                    )
                )
        started, cpu = time.perf_counter(), time.process_time()
        with db.session() as session:
            result = link_speakers(session)
        print(
            f"link: {speakers} speakers in {time.perf_counter() - started:.1f} s "
            f"({time.process_time() - cpu:.1f} s CPU): {result.linked} linked, "
            f"{result.suggested} left for review, {result.unmatched} without an entry"
        )
        db.close()
        dump = Path(tmp) / "latest-all.json"
        _write_dump(dump, entities, seed)
        read, kept, took, cpu, peak = _in_child(
            _build_in_child, str(dump), str(Path(tmp) / "built.jsonl")
        )
        print(
            f"build: {read} entities ({dump.stat().st_size / 1e6:.0f} MB) in {took:.1f} s "
            f"({cpu:.1f} s CPU), {kept} kept, peak memory of the building process {peak:.0f} MB"
        )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="part", required=True)
    wire_parser = sub.add_parser("wire")
    wire_parser.add_argument("folder", type=Path)
    wire_parser.add_argument("-v", "--verbose", action="store_true", help="list what went wrong")
    generated_parser = sub.add_parser("generated")
    generated_parser.add_argument("--people", type=int, default=500)
    generated_parser.add_argument("--pairs", type=int, default=100)
    generated_parser.add_argument("--seed", type=int, default=13)
    generated_parser.add_argument(
        "--order", type=int, help="the same printings in another order (a shuffle seed)"
    )
    generated_parser.add_argument("-v", "--verbose", action="store_true")
    linking_parser = sub.add_parser("linking")
    linking_parser.add_argument("--entries", type=int, default=200_000)
    linking_parser.add_argument("--speakers", type=int, default=10_000)
    linking_parser.add_argument("--entities", type=int, default=100_000)
    linking_parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args(argv)
    if args.part == "wire":
        wire(args.folder, args.verbose)
    elif args.part == "generated":
        generated(args.people, args.pairs, args.seed, args.verbose, args.order)
    elif args.part == "linking":
        linking(args.entries, args.speakers, args.entities, args.seed)


if __name__ == "__main__":
    sys.exit(main())
