"""Who each found quotation's speaker is, and when it was said: the last pass
of ``extract_quotes`` (quotes.extract.engine).

The rules (quotes.extract.rules) find a speaker *mention* next to each
quotation: a name, a pronoun, "the minister", "the company". Here each
mention is resolved within the article, as a reader would: a surname or a
pronoun takes the full name met earlier (quotes.extract.coreference), a
description takes the person introduced with that role, a body the name it
was first given in full; where no antecedent is safe the speaker stays a
description. The date is read from the attribution, not from the quoted words.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from quotes.extract.article import Article, stripped_end
from quotes.extract.bodies import government_of, is_place, state_body
from quotes.extract.coreference import Discourse, Person, goes_by
from quotes.extract.cues import SENTENCE_BREAK, is_word_char
from quotes.extract.found import Found
from quotes.extract.full_names import double_surname, full_name_before, given_names_after
from quotes.extract.given_names import gender_of_given_name
from quotes.extract.institutions import named_body, national_body
from quotes.extract.interviews import question_turn
from quotes.extract.lexicon import (
    GOVERNMENT_WORDS,
    HONORIFICS,
    NAME_PARTICLES,
    ORGANISATION_WORDS,
    PERSONAL_PRONOUNS,
    PRONOUNS,
    TITLE_WORDS,
    WEEKDAYS,
)
from quotes.extract.mentions import CAPITALISED_STOPS, Mention
from quotes.extract.model import DatePrecision, ExtractedQuote, QuoteKind, SpeakerKind
from quotes.extract.patterns import at_word_start
from quotes.extract.story_days import another_day_told, day_told_before
from quotes.extract.when import resolve_date


@dataclass(slots=True)
class _Person:
    name: str
    role: str | None


def resolve(
    article: Article,
    found: list[Found],
    published: dt.date | None,
    quoted: list[tuple[int, int]],
) -> list[ExtractedQuote]:
    text = article.text
    speakers: set[str] = set()
    speaker_spans: list[tuple[int, int]] = []
    described_spans: list[tuple[int, int]] = []
    for item in found:
        if item.mention is None:
            continue
        if item.mention.kind is SpeakerKind.PERSON:
            speakers.add(item.mention.name.split()[-1].lower())
            speaker_spans.append((item.mention.start, item.mention.end))
        elif item.mention.kind is SpeakerKind.DESCRIPTION:
            described_spans.append((item.mention.start, item.mention.end))
    discourse = Discourse(
        text, quoted, article.sentence_start, speakers, speaker_spans, described_spans
    )
    interview_day = _interview_day(article, found, published)
    days_said: dict[str, tuple[dt.date, int]] = {}  # each speaker's last day told, and where
    people: dict[str, _Person] = {}
    last_person: _Person | None = None
    last_body: str | None = None
    last_body_kind = SpeakerKind.ORGANISATION
    described_speakers: list[str] = []  # "A port official in Aqaba", as introduced
    last_speaker: tuple[_Person, int] | None = None  # whom, and where they were quoted
    quotes: list[ExtractedQuote] = []
    for item in found:
        mention = item.mention
        speaker: str | None = None
        kind = SpeakerKind.UNKNOWN
        role: str | None = None
        confidence = item.confidence
        chain: list[str] = []
        if item.continued:
            chain.append("continues the speaker of the quote before")
        if mention is not None:
            lower = mention.text.lower()
            if mention.antecedent is not None:
                # The pronoun is the speaker as printed; the sentence names whom.
                person = _person(text, people, mention.antecedent)
                speaker, role, kind = person.name, person.role, SpeakerKind.PERSON
                last_person = person
                chain.append(f"pronoun {mention.text!r} -> {speaker} (the sentence's subject)")
                if mention.printed:
                    mention = mention.antecedent
            elif lower in PRONOUNS:
                antecedent, why = (
                    _antecedent(discourse, people, mention, last_person)
                    if lower in PERSONAL_PRONOUNS
                    else (None, "")
                )
                if antecedent is not None:
                    speaker, role, kind = antecedent.name, antecedent.role, SpeakerKind.PERSON
                    confidence -= 0.1
                    chain.append(f"pronoun {mention.text!r} -> {speaker} ({why})")
                elif lower in ("they", "we", "it") and last_body is not None:
                    speaker, kind = last_body, last_body_kind
                    confidence -= 0.15
                    chain.append(f"pronoun {mention.text!r} -> {speaker} (last body named)")
                else:
                    confidence -= 0.45  # no safe antecedent: nothing guessed
                    chain.append(f"pronoun {mention.text!r} -> no agreeing antecedent")
            elif owned := _owned_body(text, mention, discourse):
                # "Nordhavn's board said" is the firm; "Lund's office said" is
                # an office of its own, linked to the Lund named before.
                speaker, kind, why = owned
                chain.append(f"{mention.text!r} -> {speaker} ({why})")
                if kind is SpeakerKind.ORGANISATION:
                    last_body, last_body_kind = speaker, kind
            elif (
                mention.kind is SpeakerKind.PERSON
                and (body := _body_named_before(text, mention))
                and not _a_person(discourse, mention.name)
            ):
                # "The Office for Budget Control said": the body's name runs on
                # before "for"; "Budget Control" is nobody.
                mention = body
                speaker, kind = mention.name, SpeakerKind.ORGANISATION
                last_body, last_body_kind = speaker, kind
                chain.append(f"name {mention.text!r} -> {speaker} (an organisation)")
            elif mention.kind is SpeakerKind.PERSON and _said_as_body(
                article, discourse, mention, item
            ):
                # "Nordhavn said it had cut fares": a body, not a person.
                mention = _organisation_mention(text, mention)
                speaker = _full_body_name(text, mention.name, mention.start)
                kind = SpeakerKind.ORGANISATION
                last_body, last_body_kind = speaker, kind
                chain.append(f"name {mention.text!r} -> {speaker} (an organisation: 'it'/'they')")
            elif mention.kind is SpeakerKind.PERSON:
                person = _person(text, people, mention)
                speaker, role, kind = person.name, person.role, SpeakerKind.PERSON
                last_person = person
                if person.name != mention.text:
                    chain.append(f"name {mention.text!r} -> {person.name}")
            elif (
                mention.kind is SpeakerKind.GOVERNMENT
                and mention.name.lower() in people
                and is_place(mention.name)
            ):
                # "Jordan said" after "Jim Jordan": the person, not the country.
                person = people[mention.name.lower()]
                speaker, role, kind = person.name, person.role, SpeakerKind.PERSON
                last_person = person
                chain.append(f"name {mention.text!r} -> {person.name} (a person, not the place)")
            elif (
                mention.kind is SpeakerKind.ORGANISATION
                and mention.name.isupper()
                and mention.name.lower() in people
            ):
                # "LINDNER:" after "TOBIAS LINDNER:": a surname in capitals, not an acronym.
                person = people[mention.name.lower()]
                speaker, role, kind = person.name, person.role, SpeakerKind.PERSON
                last_person = person
                chain.append(f"name {mention.text!r} -> {person.name} (a surname in capitals)")
            elif mention.kind is SpeakerKind.DESCRIPTION and (
                described := _described(discourse, mention, _pronoun_after(text, item))
            ):
                # "the governor" is the governor the article named before.
                person = _known(people, described.name)
                speaker, role, kind = person.name, person.role, SpeakerKind.PERSON
                last_person = person
                discourse.read_as(mention.start, mention.text, described.name)
                confidence -= 0.1
                chain.append(
                    f"description {mention.text!r} -> {speaker} (introduced with that age or role)"
                )
            elif (
                mention.kind is SpeakerKind.DESCRIPTION
                and last_speaker is not None
                # (counted to the quote, whose own sentences part no one)
                and _sentences_between(article, last_speaker[1], min(mention.start, item.start))
                <= _DESCRIBED_SPEAKER_SENTENCES
                and discourse.may_be(
                    last_speaker[0].name, mention.text, mention.start, _pronoun_after(text, item)
                )
            ):
                # "..., she said. In a statement, the former president said":
                # the person just quoted, when nothing in the article says otherwise.
                person = last_speaker[0]
                speaker, role, kind = person.name, person.role, SpeakerKind.PERSON
                discourse.read_as(mention.start, mention.text, person.name)
                confidence -= 0.15
                chain.append(f"description {mention.text!r} -> {speaker} (the speaker just quoted)")
            elif mention.kind is SpeakerKind.DESCRIPTION and (
                introduced := _introduced_as(mention.text, described_speakers)
            ):
                # "the official said" after "A port official in Aqaba told ...".
                speaker, kind = introduced, SpeakerKind.DESCRIPTION
                confidence -= 0.1
                chain.append(f"description {mention.text!r} -> {speaker} (introduced so before)")
            elif (
                mention.kind is SpeakerKind.DESCRIPTION
                and last_body is not None
                and _same_body(mention.text, last_body)
            ):
                # "the company said" after "Nordhavn said": the body named before.
                speaker, kind = last_body, last_body_kind
                confidence -= 0.1
                chain.append(f"description {mention.text!r} -> {speaker} (the body named before)")
            elif found_body := _described_body(text, mention):
                # "the team said" after "Team Korvel-Nord signs ...": the one body
                # of that kind the article named; "the interior ministry" in a
                # story from Riga: Latvia's.
                (speaker, kind), why = found_body
                last_body, last_body_kind = speaker, kind
                confidence -= 0.1
                chain.append(f"description {mention.text!r} -> {speaker} ({why})")
            else:
                speaker, kind = _body(mention), mention.kind
                if kind is SpeakerKind.ORGANISATION and (
                    spelled := _spelled_out(text, speaker, mention.start)
                ):
                    chain.append(f"acronym {speaker!r} -> {spelled}")
                    speaker = spelled
                if kind is SpeakerKind.DESCRIPTION and state_body(mention.text):
                    kind = SpeakerKind.GOVERNMENT
                if kind in (SpeakerKind.GOVERNMENT, SpeakerKind.ORGANISATION):
                    last_body, last_body_kind = speaker, kind
                elif kind is SpeakerKind.DESCRIPTION and speaker.split()[0].lower() in (
                    "a",
                    "an",
                    "one",
                ):
                    described_speakers.append(speaker)
                if speaker != mention.text:
                    chain.append(f"{kind} {mention.text!r} -> {speaker}")
        if kind is SpeakerKind.PERSON and speaker is not None and mention is not None:
            last_speaker = (_known(people, speaker), mention.start)
        if item.continued:
            confidence = min(confidence, 0.6)
        if interview_day is not None and item.rule in _TURN_RULES:
            said_on, precision = interview_day
        else:
            said_on, precision = _date(article, item, published)
            if precision is DatePrecision.DAY and speaker is not None and said_on is not None:
                days_said[speaker] = (said_on, item.end)
            elif (
                precision is DatePrecision.REPORTED
                and said_on == published
                and speaker in days_said
                and not another_day_told(
                    article, days_said[speaker][1], item.start, *days_said[speaker][:1], published
                )
            ):
                # "Ferro said on Monday ... / 'We agreed on nothing,' she said.":
                # the speaker's last day told, unless the story has told
                # another day since ("On Tuesday she met ...").
                said_on = days_said[speaker][0]
        start, end = item.start, item.end
        wording = _wording(text, item)
        cue_start, cue_end = item.cue if item.cue else (None, None)
        quotes.append(
            ExtractedQuote(
                text=wording,
                start=start,
                end=end,
                kind=item.kind,
                cue=text[cue_start:cue_end] if cue_start is not None else None,
                cue_start=cue_start,
                cue_end=cue_end,
                speaker=speaker,
                speaker_mention=mention.text if mention else None,
                speaker_start=mention.start if mention else None,
                speaker_end=mention.end if mention else None,
                speaker_kind=kind,
                speaker_role=role,
                said_on=said_on,
                date_precision=precision,
                confidence=round(max(0.05, min(confidence, 0.99)), 2),
                rule=item.rule,
                resolution=tuple(chain),
            )
        )
    return quotes


# What speaks for an organisation as the organisation itself.
_GOVERNING = ("board", "management", "supervisory board", "board of directors")
# What speaks for a person or body but is a speaker of its own.
_OWNED_OFFICES = (
    "office",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "press office",
    "press secretary",
    "campaign",
    "lawyer",
    "lawyers",
    "attorney",
    "attorneys",
    "aides",
)
_OWNED = re.compile(
    r"(?P<owner>(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w-]*)(?:['’]s|['’])\s+(?P<tail>"
    + "|".join(sorted({*_GOVERNING, *_OWNED_OFFICES}, key=len, reverse=True))
    + r")"
)


def _owned_body(
    text: str, mention: Mention, discourse: Discourse
) -> tuple[str, SpeakerKind, str] | None:
    """ "Nordhavn's board" (also printed as the mention "Nordhavn's" before
    "board"): the organisation named in full earlier; "Gov. Ana Ruiz's office":
    a speaker of its own, "Ana Ruiz's office", linked to the person."""
    phrase = mention.text
    if mention.kind is not SpeakerKind.DESCRIPTION:
        if not phrase.endswith(("'s", "’s")):
            return None  # "Lund's spokesman Ola Berg" is Ola Berg
        phrase = text[mention.start : mention.end + 30]
    owned = _OWNED.match(phrase)
    if owned is None or (mention.kind is SpeakerKind.DESCRIPTION and owned.end() != len(phrase)):
        return None  # "Lund's campaign manager" is no campaign
    if owned.end() < len(phrase) and phrase[owned.end()].isalnum():
        return None
    owner, tail = owned["owner"], owned["tail"]
    words = owner.split()
    honorific = False
    while words and words[0].lower().rstrip(".") in TITLE_WORDS:
        honorific = honorific or words[0].lower().rstrip(".") in HONORIFICS
        words = words[1:]  # "Gov. Ana Ruiz" is Ana Ruiz
    if not words:
        return None
    owner = " ".join(words)
    if tail in _GOVERNING:
        full = _full_body_name(text, owner, mention.start)
        if full == owner:
            return None  # no organisation of that name: keep it as printed
        return full, SpeakerKind.ORGANISATION, "speaks for the organisation named before"
    if honorific:
        # "Mrs. Lund's office": which Lund, the article's pronouns would have
        # to tell; the office stays as printed.
        return f"{owner}'s {tail}", SpeakerKind.DESCRIPTION, "as printed"
    known = discourse.people.get(words[-1].lower())
    if _namesakes(text, words[-1]) > 1:
        pass  # "Clinton's campaign" with two Clintons in the article: as printed
    elif known is not None and _shorter_form(owner, known.name):
        owner = known.name
    elif len(words) == 1:
        given = full_name_before(text, words[-1], mention.start)
        if given is not None:
            owner = f"{given} {owner}"
    names = owner.split()
    first = next((i for i, w in enumerate(names[:-1]) if gender_of_given_name(w)), 0)
    owner = " ".join(names[first:])  # "Senator Ola Berg" is Ola Berg
    return f"{owner}'s {tail}", SpeakerKind.DESCRIPTION, f"linked to {owner}"


def _namesakes(text: str, surname: str) -> int:
    """How many people of that surname the article names with a given name."""
    given = {
        found[1]
        # (the boundary a look-behind after the capital, which re scans for)
        for found in re.finditer(
            rf"([A-Z](?<!\w[A-Z])[a-z]+)\s+(?:[A-Z]\.\s+)?{re.escape(surname)}\b", text
        )
        if gender_of_given_name(found[1])
    }
    return len(given)


def _full_body_name(text: str, name: str, limit: int) -> str:
    """ "Nordhavn" is the "Nordhavn Lines" an article named first: the
    capitalised words that followed it where it first appeared in full."""
    pattern = re.compile(at_word_start(name) + r"((?:[^\S\n]+[A-Z][\w&-]*)+)")
    for found in pattern.finditer(text, 0, limit):
        words = []
        for word in found[1].split():
            lower = word.lower()
            if lower in CAPITALISED_STOPS or lower in WEEKDAYS or lower in TITLE_WORDS:
                break  # "Nordhavn CEO Ola Berg": the title starts another name
            words.append(word)
        if words and len(words) <= 2:
            return f"{name} {' '.join(words)}"
    return name


# How far back "the former president" may find the speaker just quoted.
_DESCRIBED_SPEAKER_SENTENCES = 2


def _sentences_between(article: Article, start: int, end: int) -> int:
    """How many sentence starts lie between two positions."""
    count = 0
    position = end
    while position > start and count <= _DESCRIBED_SPEAKER_SENTENCES:
        position = article.sentence_start(position) - 1
        if position > start:
            count += 1
    return count


_DESCRIPTION_ENDS = frozenset("in of at from for with on near who which that".split())


def _introduced_as(description: str, introduced: list[str]) -> str | None:
    """ "the official" is the "A port official in Amman" quoted before (a
    speaker introduced with that head noun), named as introduced, in full."""
    words = description.lower().split()
    if len(words) != 2 or words[0] != "the":
        return None
    same: list[str] = []
    for phrase in introduced:
        head = []
        for word in phrase.lower().split():
            if word in _DESCRIPTION_ENDS:
                break
            head.append(word)
        if head and head[-1] == words[1]:
            same.append(phrase)
    if not same:
        return None
    # The latest, read in full where it was introduced at more length.
    return max((phrase for phrase in same if phrase.startswith(same[-1])), key=len)


_PRONOUN_AFTER = re.compile(r"\s*(?:that\s+)?(he|she)\b")


def _pronoun_after(text: str, item: Found) -> str | None:
    """ "the 54-year-old said she had": the gender the article gives its speaker."""
    if item.cue is None:
        return None
    after = _PRONOUN_AFTER.match(text, item.cue[1])
    if after is None:
        return None
    return "m" if after[1] == "he" else "f"


# What the article calls a body it named: "it said", "its statement".
# "it" only where no dummy subject could be meant ("said it was clear").
_BODY_PRONOUN = re.compile(
    r"\b(?:(its|they|their|it\s+(?:had|has|would|will|could)\s+(?!be\b|been\b)\w+|it\s+\w+ed\b)"
    r"|he|she|his|her|him)\b"
)
_BODY_PRONOUN_WORDS = 8
_BODY_PRONOUN_REACH = 120
# "the company", "the club", "the ministry": a body named by what it is.
_BODY_NOMINALS = frozenset(
    """
    company firm club team group agency association union bank board organisation
    organization ministry department authority council committee party office
    government administration federation league body district
    """.split()
)
# "The Office for", "Institute of": the start of a body's name before its subject.
_BODY_NAME_BEFORE = re.compile(r"(?:\b[Tt]he\s+)?(?:[A-Z][\w-]*\s+)+(?:for|of)\s+$")


def _said_as_body(article: Article, discourse: Discourse, mention: Mention, item: Found) -> bool:
    """ "Nordhavn said it had cut fares", "Kestrel Wanderers said they were": a
    name with nothing of a person (no known given name, title or honorific,
    not indexed as a person) that the article itself calls "it" or "they"
    right after its attribution is an organisation."""
    if item.cue is None or mention.role or mention.antecedent is not None:
        return False
    if mention.text.split()[0].lower().rstrip(".") in HONORIFICS or mention.text.endswith(
        ("'s", "’s")
    ):
        return False  # "Mr. Okafor said it was late", "Okafor's aides said"
    words = mention.name.split()
    if any(gender_of_given_name(w) for w in words):
        return False  # "Ana Okafor said it was late": a person's given name
    # The cheap, local test next: most names are followed by no such pronoun.
    text = article.text
    start = max(item.cue[1], mention.end)
    end = min(article.sentence_end(start), start + _BODY_PRONOUN_REACH)
    pronoun = _BODY_PRONOUN.search(text, start, end)
    if pronoun is None or pronoun[1] is None:
        return False
    between = text[start : pronoun.start()].split()
    if len(between) > _BODY_PRONOUN_WORDS or any(
        word[:1].isupper() or word.lower() == "the" for word in between
    ):
        return False  # "said that Norway ... its", "said the firm ... its": another body
    # "they" for a plural name only ("Kestrel Wanderers said they"): not "Okafor said they".
    if pronoun[1] in ("they", "their") and not words[-1].endswith("s"):
        return False
    if discourse.quoted(pronoun.start()):
        return False
    if all(_has_word(text, word.lower()) for word in words):
        return False  # "Officials said they": common words, capitalised by the sentence
    person = discourse.people.get(words[-1].lower())
    return person is None or not (person.gender or person.titled)


def _has_word(text: str, word: str) -> bool:
    """``re.search(rf"\\b{re.escape(word)}\\b", text) is not None``, looked for with
    ``str.find``: a pattern that opens with ``\\b`` is tried at every
    character of the article."""
    position = text.find(word)
    while position != -1:
        if _word_boundary(text, position) and _word_boundary(text, position + len(word)):
            return True
        position = text.find(word, position + 1)
    return False


def _word_boundary(text: str, position: int) -> bool:
    """Whether ``\\b`` matches at ``position``."""
    before = position > 0 and is_word_char(text[position - 1])
    return before != (position < len(text) and is_word_char(text[position]))


def _organisation_mention(text: str, mention: Mention) -> Mention:
    """ "Harbour Safety" read whole: "The Office for Harbour Safety"."""
    floor = max(0, mention.start - 60)
    # The pattern ends in "for" or "of" and a space, which few mentions follow:
    # that test is cheap, the search over 60 characters is not.
    end = stripped_end(text, mention.start)
    if end == mention.start or not text.endswith(("for", "of"), floor, end):
        return mention
    before = _BODY_NAME_BEFORE.search(text, floor, mention.start)
    if before is None:
        return mention
    start = before.start()
    name = text[start : mention.end]
    if name[:4].lower() == "the ":
        name = name[4:]
    return Mention(text[start : mention.end], start, mention.end, SpeakerKind.ORGANISATION, name)


def _a_person(discourse: Discourse, name: str) -> bool:
    """Whether the article tells of a person of that surname: a given name,
    an honorific or title, a gendered word."""
    person = discourse.people.get(name.split()[-1].lower())
    return person is not None and (person.gender is not None or person.titled)


def _body_named_before(text: str, mention: Mention) -> Mention | None:
    """ "The Office for Budget Control", "Institute of Marine Research" read
    whole, where the mention is only what follows "for" or "of": capitalised
    words with nothing of a person (no title, role or known given name) after
    a body's own word (the caller makes sure the article names no person so:
    "Campaign for Trump")."""
    if mention.role or any(gender_of_given_name(word) for word in mention.name.split()):
        return None
    body = _organisation_mention(text, mention)
    if body is mention:
        return None
    head = text[body.start : mention.start].split()[-2].lower()
    return body if head in ORGANISATION_WORDS or head in GOVERNMENT_WORDS else None


def _same_body(description: str, body: str) -> bool:
    """ "the company" is the body named before; "the ministry" only a ministry."""
    words = description.lower().split()
    if len(words) != 2 or words[0] != "the" or words[1] not in _BODY_NOMINALS:
        return False
    if words[1] in _ANY_BODY:
        return True
    return words[1] in body.lower()


def _described_body(text: str, mention: Mention) -> tuple[tuple[str, SpeakerKind], str] | None:
    """The body a description names (``quotes.extract.institutions``), its kind, and
    why; a bare "Parliament" (typed a government) is a country's too."""
    if mention.kind not in (SpeakerKind.DESCRIPTION, SpeakerKind.GOVERNMENT):
        return None
    named = named_body(text, mention.text, mention.start)
    if named is not None and mention.kind is SpeakerKind.DESCRIPTION:
        return (named, SpeakerKind.ORGANISATION), "the one body of that kind named before"
    national = national_body(text, mention.text, mention.start)
    if national is not None:
        return (national, SpeakerKind.GOVERNMENT), "the country the story is about"
    return None


# Nominals for any organisation; the others ("the ministry", "the union")
# need the word in the body's own name.
_ANY_BODY = frozenset("company firm group club team agency organisation organization body".split())


# An interview is a run of at least this many "Name: text" or "A: text" turns.
_MIN_TURNS = 3
_TURN_RULES = frozenset(["label_colon", "interview_answer", "interview_question"])


def _interview_day(
    article: Article, found: list[Found], published: dt.date | None
) -> tuple[dt.date | None, DatePrecision] | None:
    """The day of an interview given as "Name: text" or "A: text" turns, read
    from the paragraph that introduces it ("She spoke to us on Friday")."""
    turns = [item for item in found if item.rule in _TURN_RULES]
    if len(turns) < _MIN_TURNS and not any(item.rule == "interview_answer" for item in turns):
        return None  # (interview_answer reads only a transcript of questions and answers)
    first = article.paragraph_start(turns[0].start)
    while first > 0 and question_turn(article.text, article.paragraph_start(first - 1)):
        first = article.paragraph_start(first - 1)  # "Q: Why now?" is no introduction
    for _ in range(2):
        if first <= 0:
            break
        previous = article.paragraph_start(first - 1)
        introduction = article.text[previous:first]
        if _WIRE_HEADER.match(introduction):
            break
        # The last sentence with a day in it: "She spoke to us on Friday."
        bounds = [0, *(m.end() for m in SENTENCE_BREAK.finditer(introduction))]
        bounds.append(len(introduction))
        for index in range(len(bounds) - 2, -1, -1):
            sentence = introduction[bounds[index] : bounds[index + 1]]
            said_on, precision = resolve_date(sentence, published)
            if precision in (DatePrecision.DAY, DatePrecision.WEEK):
                return said_on, precision
        first = previous
    return None


_WIRE_HEADER = re.compile(r"date \d{4}-\d{2}-\d{2}\b")


def _antecedent(
    discourse: Discourse,
    people: dict[str, _Person],
    mention: Mention,
    last_person: _Person | None,
) -> tuple[_Person | None, str]:
    """Who "he" or "she" is: the nearest agreeing person by salience, else the
    last speaker if the article tells nothing against it."""
    found = discourse.antecedent(mention.start, mention.text)
    if found is not None:
        return _known(people, found.name), "nearest agreeing subject"
    if last_person is None:
        return None, ""
    indexed = discourse.people.get(last_person.name.split()[-1].lower())
    wanted = "m" if mention.text.lower() == "he" else "f"
    if indexed is not None and indexed.gender not in (None, wanted):
        return None, ""
    return last_person, "last person quoted"


def _described(discourse: Discourse, mention: Mention, wanted: str | None) -> Person | None:
    """The person a description stands for: "the governor" (see
    ``Discourse.described``), or "her daughter" where the article introduced
    someone so ("her daughter, Ama Lowe"); never the one "her" stands for."""
    possessor, _, rest = mention.text.partition(" ")
    if possessor.lower() in ("his", "her", "their") and rest:
        return discourse.described(mention.start, f"the {rest}", wanted, introduced_only=True)
    return discourse.described(mention.start, mention.text, wanted)


def _known(people: dict[str, _Person], name: str) -> _Person:
    """The article's person of that name, made known if they had not spoken."""
    key = name.split()[-1].lower()
    person = people.get(key)
    if person is None or not (_shorter_form(person.name, name) or _shorter_form(name, person.name)):
        person = _Person(name, None)
        people[key] = person
    elif len(name) > len(person.name) and _shorter_form(person.name, name):
        person.name = name
    return person


def _body(mention: Mention) -> str:
    """The name a body is filed under: "the Kremlin" -> "Russian government",
    "Russia's defence ministry" -> "Russian Defence Ministry"."""
    if mention.kind is SpeakerKind.DESCRIPTION:
        return state_body(mention.text) or _strip_quantifier(mention.name)
    return government_of(mention.name) or state_body(mention.text) or mention.name


_ACRONYM = re.compile(r"(?:[Tt]he\s+)?([A-Z]{2,6})")
_ACRONYM_SKIPS = frozenset("of for the and on in".split())


def _spelled_out(text: str, name: str, limit: int) -> str | None:
    """ "the NHSA" is the "National Harbour Safety Authority" named before: a
    run of capitalised words whose initials spell the acronym."""
    acronym = _ACRONYM.fullmatch(name)
    if acronym is None:
        return None
    letters = acronym[1]
    run = re.compile(
        at_word_start(letters[0])
        + r"[\w'’]*"
        + "".join(
            rf"[\s-]+(?:(?:of|for|the|and|on|in)\s+)*{letter}[\w'’]*" for letter in letters[1:]
        )
        + r"\b"
    )
    found = run.search(text, 0, limit)
    if found is None:
        return None
    words = [w for w in re.split(r"[\s-]+", found[0]) if w.lower() not in _ACRONYM_SKIPS]
    if len(words) != len(letters) or not all(w[:1].isupper() for w in words):
        return None
    return found[0]


# What opens a described speaker without describing them: "One EU diplomat",
# "Several residents" are an EU diplomat, residents.
_QUANTIFIERS = frozenset("one two three several some many most other".split())


def _strip_quantifier(phrase: str) -> str:
    words = phrase.split()
    while len(words) > 1 and words[0].lower() in _QUANTIFIERS and words[1].lower() != "of":
        words = words[1:]
    return " ".join(words)


def _person(text: str, people: dict[str, _Person], mention: Mention) -> _Person:
    """The full name behind a mention: "Peskov" is the Dmitry Peskov met earlier."""
    words = mention.name.split()
    surname = words[-1].lower()
    known = people.get(surname)
    if known is not None and _shorter_form(mention.name, known.name):
        # "de Blasio" after "Bill de Blasio", "Zelensky" after "Volodymyr Zelensky".
        if mention.role:
            known.role = mention.role
        return known
    if sum(1 for word in words if word.lower() not in NAME_PARTICLES) >= 2:
        person = _Person(mention.name, mention.role)
        people[surname] = person
        return person
    if known is not None:
        return known
    whole = double_surname(text, words[-1], mention.start) if len(words) == 1 else None
    if whole is not None:
        # "Quiroga" after "María Fernanda Quiroga Saavedra".
        person = people.get(whole.split()[-1].lower()) or _Person(whole, mention.role)
        people[surname] = person
        return person
    # The full name may be in the text without having spoken yet.
    given = full_name_before(text, words[-1], mention.start)
    if given is not None:
        person = _Person(f"{given} {mention.name}", mention.role)
        people[surname] = person
        return person
    # Or printed family name first, after a title ("President Li Wenqiang").
    given = given_names_after(text, words[-1], mention.start) if len(words) == 1 else None
    if given is not None:
        person = _Person(f"{mention.name} {given}", mention.role)
        people[surname] = person
        return person
    if len(words) == 1:
        # "Aoki" after "Aoki Ren", "Lula" after "Luiz Inácio Lula da Silva":
        # the one person of the article whose name holds that word before
        # its last (a family name first, or the name they go by).
        named = {person.name: person for person in people.values()}
        called = goes_by(mention.name, named)
        if called is not None:
            return named[called]
    person = _Person(mention.name, mention.role)
    people[surname] = person
    return person


def _shorter_form(short: str, full: str) -> bool:
    """ "de Blasio" of "Bill de Blasio": the same last word, no word of its own."""
    short_words = short.lower().split()
    full_words = full.lower().split()
    return short_words[-1] == full_words[-1] and set(full_words).issuperset(short_words)


def _wording(text: str, item: Found) -> str:
    """What was said: the quote's own words (pieces joined), or the reported clause."""
    if item.kind is QuoteKind.DIRECT and len(item.pieces) > 1:
        return " ".join(text[s:e].strip() for s, e in item.pieces)
    return text[item.start : item.end]


def _date(
    article: Article, item: Found, published: dt.date | None
) -> tuple[dt.date | None, DatePrecision]:
    """Read the date from the attribution: the sentence around the quote, minus the quote."""
    text = article.text
    if item.cue is None:
        if published is None:
            return None, DatePrecision.UNKNOWN
        return published, DatePrecision.REPORTED
    anchor = item.cue[0]
    sentence_start = article.sentence_start(anchor)
    sentence_end = article.sentence_end(item.cue[1])
    parts = []
    if item.pieces and len(item.pieces) > 1:
        parts.append(text[item.pieces[0][1] : item.pieces[1][0]])
    if sentence_start < item.start:
        parts.append(text[sentence_start : item.start])
    if item.end < sentence_end:
        parts.append(text[item.end : sentence_end])
    if not parts:
        parts.append(text[item.cue[0] : item.cue[1]])
    # "X, who leaves office on Oct. 1, said on Tuesday", "..., wrote Aho,
    # who won in March.": a relative clause dates what its subject does, not
    # the saying (unless it is the saying). (It opens on a comma and a "wh"
    # word: a part without both is not searched.)
    said_on, precision = resolve_date(
        " ".join(
            _RELATIVE_CLAUSE.sub(",", part) if "," in part and "wh" in part else part
            for part in parts
        ),
        published,
    )
    if precision is DatePrecision.REPORTED:
        # No day of its own: the day the story told for it (story_days).
        told = day_told_before(article, sentence_start, published)
        if told is not None:
            return told, DatePrecision.REPORTED
    return said_on, precision


_RELATIVE_CLAUSE = re.compile(
    r",\s*(?:who|which|whose)\b(?![^,]*\b(?:sp[eo]k|talk|told|said|say|address))[^,]*(?:,|$)"
)
