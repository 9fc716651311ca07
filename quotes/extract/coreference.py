"""Who "he", "she" or "the minister" stands for, as a reader would decide.

Every person named in the article outside quotation marks is indexed once
(full name, where each mention is, what gender the article tells). A
pronoun then takes the nearest sentence, going back from it, that names a
person who agrees with it; within that sentence the subject (its first
person, not a possessive) comes first, so "Putin called it a buffer zone.
Zelensky posted a video. '...,' he said" is Zelensky's, and names inside
quotations never count. A described speaker ("the 45-year-old", "the
governor") takes the latest person introduced with that age or role word.
Where nobody agrees, nothing is guessed.

Gender comes, in this order, from an honorific before the name (Mr, Mrs,
Sir, Dame), from the given name (``given_names``), from a gendered role word
next to the name (spokeswoman, chairman), and from the pronoun the article
itself uses right after naming the person.
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from quotes.extract.article import stripped_start
from quotes.extract.bodies import is_place
from quotes.extract.given_names import gender_of_given_name
from quotes.extract.lexicon import (
    GOVERNMENT_WORDS,
    HONORIFICS,
    MONTHS,
    NAME_PARTICLES,
    ORGANISATION_WORDS,
    POST_NOMINALS,
    TITLE_WORDS,
    US_STATES,
    WEEKDAYS,
)
from quotes.extract.mentions import CAPITALISED_STOPS, TITLE_BEFORE, last_two, name_start_of
from quotes.extract.patterns import word_alternation

_PARTICLE = word_alternation(NAME_PARTICLES)
_CAP = r"[A-Z][A-Za-z\w'’-]*+\.?"
# A run of capitalised words (particles and "al-X" inside): a candidate name.
# (The look-behind follows the first capital rather than preceding it: a pattern
# that opens with a character set is scanned for that set, twice as fast. The
# runs of word characters are possessive, "*+": giving back a letter can never
# let a stop or a space follow, and re would try every one after each
# capitalised word that no other follows. The ASCII letters, which \w holds,
# are spelled out in the word sets: re tells them from one table, not by the
# Unicode category it reads for other characters.)
_NAME_RUN = re.compile(
    rf"[A-Z](?<![\w'’-][A-Z])[A-Za-z\w'’-]*+\.?"
    rf"(?:[^\S\n]+(?:(?:{_PARTICLE})[^\S\n]+)*(?:{_CAP}|al-[A-Z][\w'’-]*+))+"
)
# "he", "him", "his" (group 1), "she", "her", "hers", in any case. The pattern
# opens with the first letters as a set (every letter that matches "h" or "s"
# ignoring case, the long s too) and the word boundary is a look-behind after
# it: re then scans for the set instead of trying the pattern at every
# character, about three times faster.
_GENDERED_PRONOUN = re.compile(r"[hHsSſ](?<!\w.)(?i:(?<=h)(e|im|is)|(?<=s)(he)|(?<=h)(ers?))\b")
_ROLE_GENDER = {
    word: gender
    for gender, words in (
        (
            "f",
            "spokeswoman chairwoman congresswoman businesswoman councilwoman sportswoman "
            "policewoman woman mother grandmother wife widow daughter sister actress queen "
            "princess girl",
        ),
        (
            "m",
            "spokesman chairman congressman businessman councilman sportsman policeman man "
            "father grandfather husband widower son brother actor king prince boy",
        ),
    )
    for word in words.split()
}
_NOT_NAME_WORDS = (
    frozenset(MONTHS) | frozenset(WEEKDAYS) | GOVERNMENT_WORDS | ORGANISATION_WORDS
) - frozenset(["state"])
_PRONOUN_GENDER = {"he": "m", "she": "f"}
_WORD = re.compile(r"[\w-]+")
_CLAUSE_STOP = re.compile(r"[,.;\n]")
# A stop and a space, or a line break. (Opening with one character set, which
# re scans for, rather than with two branches it would try at every character;
# the look-behind tells a line break from a stop.)
_SENTENCE_STOP = re.compile(r"[.!?\n](?:(?<=\n)|[\"”’]?\s)")
# Heads of a described body, never one person: "the team said".
_COLLECTIVES = ORGANISATION_WORDS | frozenset(
    "team firm company government ministry council family side club group".split()
)
# "the president", "the former minister", "the 45-year-old": a described person.
_DEFINITE_ROLE = re.compile(
    # (The word boundary is a look-behind after the first letter, so that re
    # scans for that letter rather than trying the pattern at every character.)
    r"[Tt](?<!\w[Tt])he\s+(?:[\w-]+\s+){0,2}?(?:\d{1,3}-year-old|"
    + word_alternation(w for w in TITLE_WORDS if w.isalpha() and len(w) > 3)
    + r")\b"
)
# How far back a pronoun looks for its antecedent, and a described person
# ("the chancellor") for the person the passage is about.
_MAX_SENTENCES = 8
_DESCRIBED_SENTENCES = 3
# Words that make a role another one: "the former mayor" is not the mayor.
_QUALIFIERS = frozenset("former ex deputy assistant vice acting interim".split())
# What makes a role one held before: "the former senator" may be the governor.
_PAST = frozenset(["former", "ex", "onetime", "erstwhile"])
# Offices one person holds: "the president" is not the minister just named.
_OFFICES = frozenset(
    """
    president minister chancellor mayor governor senator ambassador secretary
    judge attorney commissioner premier king queen prince pope spokesman
    spokeswoman spokesperson envoy general
    """.split()
)
# Heads of a description that name a person by what they are or do ("the
# chancellor", "the defender"), which news uses for the person just quoted.
_PERSON_HEADS = (
    TITLE_WORDS
    | _OFFICES
    | frozenset(
        """
    player defender striker midfielder goalkeeper coach manager driver consultant
    doctor surgeon nurse lawyer teacher actor actress singer businessman
    businesswoman billionaire politician lawmaker legislator epidemiologist
    scientist researcher economist historian author writer lawyer activist
    campaigner veteran mother father widow resident grandmother grandfather
    pensioner student worker farmer owner survivor witness victim patient voter
    teenager girl boy man woman wife husband son daughter sister brother
    journalist reporter columnist commentator host presenter singer rapper
    artist musician chef pastor priest rabbi imam bishop officer detective
    sheriff prosecutor juror engineer pilot soldier sergeant captain star
    republican democrat conservative liberal billionaire mogul tycoon
    """.split()
    )
) - frozenset(
    "campaign press former acting member vice deputy foreign defence defense interior".split()
)
# What a person is: the role words that rule out another role.
_ROLE_HEADS = (
    _PERSON_HEADS
    - frozenset(HONORIFICS)
    - frozenset(w for w in TITLE_WORDS if "." in w or len(w) <= 4)
)
# Capitalised words a run of names takes in that are no names: "Both Bolton",
# "Bill Clinton And".
# (a pronoun too: "... and Ana Lind. She said" is no person "Ana Lind She")
_RUN_STOPS = CAPITALISED_STOPS | frozenset(
    "both neither either unlike see like not he she they we i his her their".split()
)
# "to Putin", "what Putin called": the name is no subject there.
_OBLIQUE_BEFORE = re.compile(
    r"(?:\b(?:to|for|at|with|about|on|against|from|by|of|in|and|what|which|whom)\s+"
    r"(?:(?:[A-Z][\w'’.-]*|the|\w+\'s)\s+){0,4})$"
)
# "the offer, which Lind had called ...", "what Putin called ...": a name
# opening a relative clause, whose words are not the sentence's own.
_RELATIVE_BEFORE = re.compile(r"\b(?:what|which|whom)\s+(?:(?:[A-Z][\w'’.-]*|the)\s+){0,4}$")
_MAX_DISTANCE = 2500
# "Ana Ruiz, 34," / "Ana Ruiz, a nurse,": a person described after the name.
_DESCRIBED_AFTER = re.compile(r",\s*(?:\d{1,3},|an?\s|the\s)")


@dataclass(slots=True)
class Person:
    """A person the article names."""

    name: str
    votes: dict[str, int] = field(default_factory=dict)
    honorific: str | None = None
    given: str | None = None
    titled: bool = False

    @property
    def gender(self) -> str | None:
        if self.honorific:
            return self.honorific
        if self.given:
            return self.given
        if self.votes:
            best = max(self.votes, key=lambda g: self.votes[g])
            if list(self.votes.values()).count(self.votes[best]) == 1:
                return best
        return None


# A named tuple, not a frozen dataclass: an article has hundreds, and a frozen
# dataclass sets each field through object.__setattr__.
class _Occurrence(NamedTuple):
    start: int
    end: int
    key: str  # the surname, lower-cased
    possessive: bool


_start = operator.attrgetter("start")


class Discourse:
    """The people of one article and where each is mentioned."""

    def __init__(
        self,
        text: str,
        quoted: list[tuple[int, int]],
        sentence_start: Callable[[int], int],
        speakers: set[str],
        speaker_spans: list[tuple[int, int]] | None = None,
        described_spans: list[tuple[int, int]] | None = None,
    ) -> None:
        self.text = text
        # Where attributions name a speaker by a description ("the defender").
        self._described = sorted(described_spans or [])
        self._described_starts = [start for start, _ in self._described]
        # Where the article's attributions name their speakers: the subject
        # a reader takes first in a sentence.
        self._speaker_spans = sorted(speaker_spans or [])
        self._speaker_span_starts = [start for start, _ in self._speaker_spans]
        self.sentence_start = sentence_start
        self._quoted = sorted(quoted)
        self._quote_starts = [start for start, _ in self._quoted]
        self._speakers = speakers
        self._people: dict[str, Person] | None = None
        self._occurrences: list[_Occurrence] = []
        self._starts: list[int] = []
        self._by_key: dict[str, list[_Occurrence]] | None = None
        self._role_words: dict[int, set[str]] = {}
        self._obliques: dict[int, bool] = {}
        # "the chancellor" as the attributions read it, where and whom.
        self._read_as: dict[tuple[str, ...], list[tuple[int, Person]]] = {}

    @property
    def people(self) -> dict[str, Person]:
        """The article's people by surname, indexed on first use (many
        articles need no pronoun resolved)."""
        if self._people is None:
            self._people = {}
            self._index(self._speakers)
            self._starts = [occurrence.start for occurrence in self._occurrences]
        return self._people

    # -- building the index -------------------------------------------------

    def quoted(self, position: int) -> bool:
        index = bisect.bisect_right(self._quote_starts, position) - 1
        return index >= 0 and position < self._quoted[index][1]

    def _index(self, speakers: set[str]) -> None:
        text = self.text
        for run in _NAME_RUN.finditer(text):
            if not self.quoted(run.start()):
                for piece in _sentence_pieces(text, run):
                    self._add_run(piece)
        # A run of capitalised words is a person only with some evidence of
        # it: a known given name, an honorific, a title or a person's role
        # word before it, a gendered role, an age, or the article quoting
        # them by that surname.
        self._people = {
            key: person
            for key, person in self.people.items()
            if person.given or person.honorific or person.titled or person.votes or key in speakers
        }
        people = self._people
        self._occurrences = [o for o in self._occurrences if o.key in people]
        self._surnames_alone()
        self._gender_from_pronouns()

    def _surnames_alone(self) -> None:
        """ "Zelensky" alone, once "Volodymyr Zelensky" was named."""
        text = self.text
        people = self.people
        covered = {o.start + len(people[o.key].name) - len(o.key) for o in self._occurrences}
        opened = {o.start for o in self._occurrences}
        first_seen: dict[str, int] = {}
        for occurrence in self._occurrences:
            first_seen.setdefault(occurrence.key, occurrence.start)
        shared = {key.partition("#")[0] for key in people if "#" in key}
        courtesy = "Sir " in text or "Dame " in text
        # (built on first use: most full names open with a given name, and
        # need no other person's)
        holders = functools.cache(
            lambda: _first_and_last_words(person.name for person in people.values())
        )
        for key, person in people.items():
            if key.partition("#")[0] in shared:
                continue  # "Lowe" alone, with two Lowes named: which one, only the reader knows
            surname = person.name.split()[-1]
            spellings = [surname]
            if surname[:1].islower():
                # "al-Sharif" opens a sentence as "Al-Sharif".
                spellings.append(surname[:1].upper() + surname[1:])
            family = family_name_first(person.name, holders)
            if family is not None:
                spellings.append(family)  # "Takeda" of "Takeda Sayaka"
            elif courtesy:
                self._given_after_courtesy(person.name, key, first_seen.get(key, 0), opened)
            for spelling in spellings:
                # (the first word of a full name is where its occurrence opens)
                skipped = opened if spelling == family else covered
                position = text.find(spelling, first_seen.get(key, 0))
                while position != -1:
                    end = position + len(spelling)
                    if (
                        position not in skipped
                        and (position == 0 or not text[position - 1].isalnum())
                        and (end == len(text) or not text[end].isalnum())
                        and not self.quoted(position)
                    ):
                        possessive = text.startswith(("'s", "’s"), end)
                        self._occurrences.append(_Occurrence(position, end, key, possessive))
                    position = text.find(spelling, end)
        self._occurrences.sort(key=_start)

    def _given_after_courtesy(self, name: str, key: str, after: int, opened: set[int]) -> None:
        """ "Dame Ama" alone, once "Dame Ama Lowe" was named: a knight or a
        dame goes by the given name after the courtesy title."""
        given = name.split()[0]
        if not gender_of_given_name(given):
            return
        for found in re.finditer(rf"\b(?:Sir|Dame)\s+({re.escape(given)})\b", self.text[after:]):
            start, end = after + found.start(1), after + found.end(1)
            if start not in opened and not self.quoted(start):
                possessive = self.text.startswith(("'s", "’s"), end)
                self._occurrences.append(_Occurrence(start, end, key, possessive))

    def _add_run(self, run: re.Match[str]) -> None:
        parsed = _parse_run(run[0])
        if parsed is None:
            return
        text, people = self.text, self.people
        run_start, run_end = run.span()
        begin = run_start + parsed.begin
        if (
            len(parsed.name_words) >= 3
            and parsed.given is None
            and TITLE_BEFORE.search(text, max(0, begin - 40), begin)
        ):
            # "Minister for Trade Eleni Varga": the portfolio's capitals run
            # into the name, which keeps its last two words (as in mentions).
            cut = last_two([word.lower() for word in parsed.name_words])
            words = parsed.name_words[cut:]
            parsed = parsed._replace(
                name=" ".join(words),
                name_words=words,
                given=gender_of_given_name(words[0]),
                begin=run[0].find(words[0], parsed.begin),
            )
        key = parsed.key
        known = people.get(key)
        if parsed.full and known is not None and not _one_name(parsed.name_words, known.name):
            # "Kofi Lowe" then "Geoffrey Lowe": two people of one surname, each
            # under a key of their own (a later one must not take the first's
            # mentions).
            namesakes = self._namesakes(key)
            key = next(
                (k for k in namesakes if _one_name(parsed.name_words, people[k].name)),
                f"{key}#{len(namesakes)}",
            )
            known = people.get(key)
        if parsed.full:
            if known is None:
                known = Person(parsed.name)
                people[key] = known
                known.given = parsed.given
            elif len(parsed.name) > len(known.name):
                known.name = parsed.name
        elif known is None:
            return  # a lone capitalised word is a name only once a full name was met
        elif len(namesakes := self._namesakes(key)) > 1:
            # "Mrs Madoc" with Alun and Sian Madoc named: the one the
            # honorific's gender fits, where only one does.
            fitting = [k for k in namesakes if people[k].gender == parsed.honorific]
            if not parsed.honorific or len(fitting) != 1:
                return
            key, known = fitting[0], people[fitting[0]]
        if parsed.honorific:
            known.honorific = parsed.honorific
        if parsed.titled:
            known.titled = True
        if not known.titled and _DESCRIBED_AFTER.match(text, run_end, run_end + 6):
            known.titled = True  # "Ana Ruiz, 34," / "Ana Ruiz, a nurse,"
        # What the words before the run tell: that the person is one (a role),
        # and their gender, where neither an honorific nor a given name tells
        # it (Person.gender reads votes only then). Once both are known, as for
        # most people named again, nothing is left to read there.
        voting = not (known.honorific or known.given)
        if voting or not known.titled:
            opening = run_start + parsed.opening
            # The last three words before the run.
            before = text[max(0, opening - 40) : opening].lower().split()[-3:]
            if not known.titled and before and _person_head(before[-1]):
                # "goalkeeper Aron Gunnarsson": a person, whatever the given name.
                known.titled = True
            if voting:
                for word in before:
                    gender = _ROLE_GENDER.get(word.strip(",."))
                    if gender:
                        known.votes[gender] = known.votes.get(gender, 0) + 2
                for gender in parsed.title_genders:
                    known.votes[gender] = known.votes.get(gender, 0) + 2
        begin = run_start + parsed.begin
        self._occurrences.append(_Occurrence(begin, run_end, key, parsed.possessive))

    def _namesakes(self, key: str) -> list[str]:
        """The keys of the people of that surname key, the first first."""
        return [k for k in self.people if k == key or k.startswith(key + "#")]

    def _gender_from_pronouns(self) -> None:
        """ "Carol Vance, 58, lost her savings": the article's own pronoun, in
        the sentence that opens with the person, before anyone else is named.
        Only for people with neither an honorific nor a known given name: their
        gender is told by those, never by votes (Person.gender), and the index
        holds both for good by now."""
        text = self.text
        occurrences = self._occurrences
        sentence_start = self.sentence_start
        people = self.people
        for index, occurrence in enumerate(occurrences):
            person = people[occurrence.key]
            if person.honorific or person.given:
                continue
            if index > 0 and occurrences[index - 1].start >= sentence_start(occurrence.start):
                continue  # not the sentence's first person
            limit = occurrences[index + 1].start if index + 1 < len(occurrences) else len(text)
            stop = _SENTENCE_STOP.search(text, occurrence.end, min(limit, occurrence.end + 200))
            limit = stop.start() if stop else min(limit, occurrence.end + 200)
            for pronoun in _GENDERED_PRONOUN.finditer(text, occurrence.end, limit):
                if self.quoted(pronoun.start()):
                    continue
                gender = "m" if pronoun[1] else "f"
                person.votes[gender] = person.votes.get(gender, 0) + 1
                break

    def _speaks(self, position: int) -> bool:
        index = bisect.bisect_right(self._speaker_span_starts, position) - 1
        return index >= 0 and position < self._speaker_spans[index][1]

    def _oblique(self, position: int) -> bool:
        # Remembered: the same names are weighed for every pronoun after them.
        oblique = self._obliques.get(position)
        if oblique is None:
            line = self.text.rfind("\n", max(0, position - 80), position) + 1
            # Not across the sentence's start: "... such as Ana Lind and Per
            # Moe. Berg said" leaves Berg the subject of his own sentence.
            start = max(line, position - 80, self.sentence_start(position))
            oblique = _OBLIQUE_BEFORE.search(self.text, start, position) is not None
            self._obliques[position] = oblique
        return oblique

    def _relative(self, position: int) -> bool:
        """Whether the name at ``position`` opens a relative clause: the one
        who speaks there is not what the sentence is about."""
        return _RELATIVE_BEFORE.search(self.text, max(0, position - 60), position) is not None

    # -- resolving ------------------------------------------------------------

    def antecedent(
        self, position: int, pronoun: str, max_sentences: int = _MAX_SENTENCES
    ) -> Person | None:
        """The person a "he"/"she" at ``position`` stands for, or None."""
        wanted = _PRONOUN_GENDER.get(pronoun.lower())
        return self._salient(position, wanted, max_sentences, True)

    def _salient(
        self,
        position: int,
        wanted: str | None,
        max_sentences: int,
        described: bool,
        speaker_only: bool = False,
    ) -> Person | None:
        """The subject of the nearest sentence before ``position`` that has a
        person agreeing with ``wanted``: the speaker of its attribution first,
        then a name that is neither possessive nor after a preposition. With
        ``speaker_only``, that sentence's subject must be an attribution's."""
        people = self.people
        end = position
        sentences = 0
        while sentences < max_sentences:
            while end > 0 and self.text[end - 1].isspace():
                end -= 1  # the blank between two paragraphs is no sentence
            if end <= 0 or position - end > _MAX_DISTANCE:
                break
            sentences += 1
            start = self.sentence_start(end - 1)
            first = bisect.bisect_left(self._starts, start)
            last = bisect.bisect_left(self._starts, end)
            candidates = [
                occurrence
                for occurrence in self._occurrences[first:last]
                if _agrees(people[occurrence.key], wanted)
            ]
            if candidates:
                speakers = [c for c in candidates if not c.possessive and self._speaks(c.start)]
                # One who speaks in a relative clause ("the offer, which Lind
                # called ...") yields to the sentence's own subject, if it has one.
                speaking = next((c for c in speakers if not self._relative(c.start)), None)
                if described and speaking is None:
                    # "The Dutchman said Kowalczyk was ill": the described
                    # speaker is the subject, not the name after the verb.
                    person = self._described_before(start, candidates[0].start, wanted)
                    if person is not None:
                        return person
                if speaker_only:
                    speaking = speaking or next(iter(speakers), None)
                    return people[speaking.key] if speaking is not None else None
                if speaking is not None:
                    return people[speaking.key]
                oblique = [self._oblique(c.start) for c in candidates]
                subject = (
                    next(
                        (
                            c
                            for c, o in zip(candidates, oblique, strict=True)
                            if not c.possessive and not o
                        ),
                        None,
                    )
                    or next(iter(speakers), None)
                    # the subject of a relative clause ("what Marek told ..."),
                    # unlike an object ("a speech by Marek"), may be meant
                    or next(
                        (c for c in candidates if not c.possessive and self._relative(c.start)),
                        None,
                    )
                )
                if subject is not None:
                    return people[subject.key]
                # Only objects here ("a speech by X"): no subject to take.
                if all(oblique):
                    end = start
                    continue
                return people[candidates[0].key]
            if described:
                # "the defender said he would play": a described speaker stands between.
                person = self._described_before(start, end, wanted)
                if person is not None:
                    return person
                role = _DEFINITE_ROLE.search(self.text, start, end)
                if role is not None and not self.quoted(role.start()):
                    # "the president was dismissive": a described subject stands between.
                    person = self.described(role.start(), role[0], wanted)
                    if person is not None:
                        return person
            end = start
        return None

    def _described_before(self, start: int, end: int, wanted: str | None) -> Person | None:
        """The person a described speaker between ``start`` and ``end`` is."""
        index = bisect.bisect_left(self._described_starts, start)
        if index < len(self._described) and self._described[index][0] < end:
            begin, finish = self._described[index]
            return self.described(begin, self.text[begin:finish], wanted)
        return None

    def described(
        self,
        position: int,
        description: str,
        wanted: str | None = None,
        introduced_only: bool = False,
    ) -> Person | None:
        """The person "the 45-year-old" or "the governor" at ``position`` is.

        The latest person introduced with that age, or with that role and
        every word before it ("the former mayor" is not the mayor in office,
        "the French president" not Ukraine's). With ``introduced_only``,
        nobody else. Where nobody was, a described
        person is the subject the passage is about (news names a person,
        then calls them "the chancellor"), unless that person holds another
        office."""
        words = _WORD.findall(description.lower())
        if len(words) < 2 or words[0] != "the":
            return None
        read = [
            person for start, person in self._read_as.get(tuple(words[1:]), ()) if start < position
        ]
        age = re.fullmatch(r"(\d{1,3})-year-old", words[1])
        if "of" in words[2:]:
            # "the former secretary of state": the head comes before "of".
            words = words[: words.index("of", 2)]
        head = words[-1]
        if age is None and (head in _COLLECTIVES or head.endswith("s")):
            return None  # "the company", "the officials": no one person
        if age is None and not _person_head(head):
            return None  # "the polling average": no person at all
        wanted = wanted or _ROLE_GENDER.get(head)
        people = self.people
        last = bisect.bisect_left(self._starts, position)
        text = self.text
        seen: set[str] = set()
        for occurrence in reversed(self._occurrences[max(0, last - 40) : last]):
            person = people[occurrence.key]
            if not _agrees(person, wanted):
                continue
            if age is not None:
                after = text[occurrence.end : occurrence.end + 90]
                before = text[max(0, occurrence.start - 60) : occurrence.start]
                number = age[1]
                if re.match(rf",?\s*(?:\(|aged\s+)?{number}\b", after) or re.search(
                    rf"\b{number}-year-old\s+(?:\w+\s+){{0,3}}$", before
                ):
                    return person
                continue
            if occurrence.key in seen:
                continue
            seen.add(occurrence.key)
            roles = self._roles(occurrence.key, position)
            if (
                head in roles
                and roles.issuperset(words[1:-1])
                and not ((roles & _QUALIFIERS) - set(words))
            ):
                return person
        if introduced_only:
            return None
        if age is not None:
            # No one was given that age: the person the passage is about (not
            # one named earlier in its own sentence: "Asked about X, the 54-year-old").
            return self._salient(
                self.sentence_start(position), wanted, _MAX_SENTENCES, False, False
            )
        if not _person_head(head):
            return None  # "the poll", "the clip": not a person at all
        # No one was introduced so: the speaker the passage is about, when the
        # sentence before names them as the subject of an attribution.
        salient = self._salient(
            self.sentence_start(position), wanted, _DESCRIBED_SENTENCES, False, True
        )
        if salient is not None:
            roles = self._roles(salient.name.split()[-1].lower(), position)
            if not (roles & _ROLE_HEADS) or head in roles or _of_a_people(head):
                # ("the president" is not the minister just named; "the
                # Dutchman" may be the manager)
                return salient
        # Else the person these words were read as before, where only one was.
        if read and all(person is read[0] for person in read) and _agrees(read[0], wanted):
            return read[0]
        return None

    def read_as(self, position: int, description: str, name: str) -> None:
        """An attribution at ``position`` read "the chancellor" as the person
        ``name``: the same words later are the same person, while they were
        never read as anyone else."""
        words = _description_words(description)
        person = self.people.get(name.split()[-1].lower())
        if words is not None and person is not None:
            self._read_as.setdefault(words, []).append((position, person))

    def may_be(self, name: str, description: str, position: int, wanted: str | None) -> bool:
        """Whether the person of that name may be "the former president" at
        ``position``: a person word, the gender the article gives, and no
        other office or role the article gave them."""
        words = _WORD.findall(description.lower())
        if len(words) < 2 or words[0] != "the" or not _person_head(words[-1]):
            return False
        key = name.split()[-1].lower()
        person = self.people.get(key)
        if person is None or person.name != name or "'" in name or "’" in name:
            return False  # only a person the article named in full
        if not _agrees(person, wanted or _ROLE_GENDER.get(words[-1])):
            return False
        roles = self._roles(key, position)
        # "the former midfielder" may be the coach just quoted: a past role
        # rules out no present one.
        return not (roles & _ROLE_HEADS) or words[-1] in roles or words[1] in _PAST

    def _roles(self, key: str, position: int) -> set[str]:
        """The role words given a person anywhere before ``position``."""
        if self._by_key is None:
            self._by_key = {}
            for occurrence in self._occurrences:
                self._by_key.setdefault(occurrence.key, []).append(occurrence)
        text = self.text
        roles: set[str] = set()
        for occurrence in self._by_key.get(key, ()):
            if occurrence.start >= position:
                break
            words = self._role_words.get(occurrence.start)
            if words is None:
                words = _role_context(
                    text[max(0, occurrence.start - 60) : occurrence.start],
                    text[occurrence.end : occurrence.end + 90],
                )
                self._role_words[occurrence.start] = words
            roles |= words
        return roles


# (The look-behinds follow the stop, so that re scans for the stop first.)
# Abbreviated ranks and offices, each a title before a name.
_RANKS = frozenset(
    "Sen Rep Gov Gen Lt Col Sgt Capt Cmdr Cdr Maj Brig Cpl Pvt Det Insp Supt Prof Rev Adm "
    "Msgr Fr Atty Hon".split()
)


def _rank_ends(text: str, stop: int) -> bool:
    """Whether the word before the stop at ``stop`` is an abbreviated rank."""
    words = text[:stop].rsplit(None, 1)
    return bool(words) and words[-1] in _RANKS


_ROLE_SENTENCE_STOP = re.compile(r"[.!?](?<![A-Z].)(?<!\b[A-Z][a-z].)[\"”’]?\s")


# Words that open a predicate or an adverbial after a name's comma, never an
# appositive that says what the person is.
_NOT_APPOSITIVE = frozenset(
    "on in at after before during when while who which whose also said says told".split()
)


def _role_context(before: str, after: str) -> set[str]:
    """The words that give a person's role: the title run before the name,
    the appositive after it ("Yuliia Koval, the regional governor,")."""
    words: list[str] = []
    # The sentence's start, not the stop of an abbreviation ("U.S. Attorney").
    stops = [
        m.end()
        for m in _ROLE_SENTENCE_STOP.finditer(before)
        # "Navy Capt. Ola Berg": a rank's stop is inside the title run. (An
        # honorific's is not: "Alongside her husband, Mrs. Berg" gives her
        # no role.)
        if not _rank_ends(before, m.start())
    ]
    sentence_break = max([before.rfind("\n") + 1, *stops[-1:]])
    words += _WORD.findall(before[sentence_break:].lower())[-5:]
    if after[:1] == ",":
        appositive = _CLAUSE_STOP.split(after[1:], maxsplit=1)[0]
        found = _WORD.findall(appositive.lower())
        if not (found and found[0] in _NOT_APPOSITIVE):
            # (", on Wednesday named a former governor ...": the sentence's
            # predicate, no role of the person)
            words += found
    roles = set(words)
    for short, spelled in _SPELLED_ROLES:
        # "Chief Executive Ana Ruiz" is "the CEO", "CFO Ana Ruiz" "the chief
        # financial officer".
        if short in roles:
            roles |= spelled
        elif spelled <= roles:
            roles.add(short)
    return roles


# Roles news writes both as letters and in words.
_SPELLED_ROLES = (
    ("ceo", frozenset(["chief", "executive"])),
    ("cfo", frozenset(["chief", "financial", "officer"])),
    ("coo", frozenset(["chief", "operating", "officer"])),
)


# What a run says of itself, apart from where it stands: its words, where the
# name starts in them, the honorific before it, whether it is possessive. A
# pure function of the run's words, so each run is parsed once a process
# (an article names its people many times; outlets name the same people).
class _Run(NamedTuple):
    key: str  # the surname, lower-cased
    name: str
    name_words: tuple[str, ...]
    full: bool  # two words or more besides particles: a full name
    given: str | None  # the gender of the given name
    honorific: str | None
    titled: bool  # a title before the name
    title_genders: tuple[str, ...]  # of gendered role words before the name
    possessive: bool
    opening: int  # where the person's words open, from the run's start
    begin: int  # where the name begins, from the run's start


@functools.lru_cache(maxsize=8192)
def _parse_run(raw: str) -> _Run | None:
    all_words = raw.split()
    first = 0
    if "'" in raw or "’" in raw:
        # "Ukraine's Volodymyr Zelensky": the person follows the possessive.
        first = max(
            (i + 1 for i, w in enumerate(all_words[:-1]) if w.endswith(("'s", "’s"))),
            default=0,
        )
        words = all_words[first:]
        possessive = bool(words) and words[-1].endswith(("'s", "’s", "'", "’"))
        words = [w.removesuffix("'s").removesuffix("’s").rstrip("'’.,") for w in words]
    else:
        words = [w.rstrip(".,") for w in all_words]
        possessive = False
    lettered = False
    while len(words) > 1 and words[-1].lower() in POST_NOMINALS:
        words = words[:-1]  # "Anwen Trelawny KC" is Anwen Trelawny, a person
        lettered = True
    if not words or not words[-1]:
        return None
    lower = [w.lower().rstrip(".") for w in words]
    start = name_start_of(words, lower)
    name_words = words[start:]
    if start > 0 and lower[start - 1] in HONORIFICS:
        honorific = HONORIFICS[lower[start - 1]] or None
    else:
        honorific = None
    lowered = lower[start:]
    while lowered and (lowered[0] in _RUN_STOPS or lowered[0] in NAME_PARTICLES):
        lowered = lowered[1:]
        start += 1
    name_words = words[start:]
    if not _RUN_STOPS.isdisjoint(lowered):
        stop = next(i for i, w in enumerate(lowered) if w in _RUN_STOPS)
        name_words = name_words[:stop]
    if len(name_words) > 3 and sum(w.lower() not in NAME_PARTICLES for w in name_words) > 3:
        # "Tariffs Hit Farmers Ana Ruiz": a headline in title case runs
        # into a name; the name starts at its given name, if one is known.
        given = [i for i, w in enumerate(name_words) if gender_of_given_name(w)]
        if not given:
            return None
        start += given[0]
        name_words = name_words[given[0] :]
    if not name_words:
        return None
    name_lower = [w.lower() for w in name_words]
    # "Council Member Ana Ruiz": the words of a body before a name are no name.
    cut = max((i + 1 for i, w in enumerate(name_lower) if w in _NOT_NAME_WORDS), default=0)
    if cut:
        name_words, name_lower, start = name_words[cut:], name_lower[cut:], start + cut
    if len(name_words) < 2 or is_place(" ".join(name_words)):
        return None
    # Where each word is in the run (the run is the article's text there).
    offsets = []
    position = 0
    for word in all_words:
        position = raw.find(word, position)
        offsets.append(position)
        position += len(word)
    offsets = offsets[first:]
    return _Run(
        key=name_lower[-1],
        name=" ".join(name_words),
        name_words=tuple(name_words),
        full=len([w for w in name_lower if w not in NAME_PARTICLES]) >= 2,
        given=gender_of_given_name(name_words[0]),
        honorific=honorific,
        titled=lettered or (start > 0 and lower[start - 1] in TITLE_WORDS),
        title_genders=tuple(
            gender for word in lower[:start] if (gender := _ROLE_GENDER.get(word.strip(",.")))
        ),
        possessive=possessive,
        opening=offsets[0],
        begin=offsets[start] if start < len(offsets) else 0,
    )


# A capitalised word with a period after it, then a blank: a sentence's end
# unless the word is an initial or an abbreviation ("J.", "St.", "Sen.", "Calif.").
_PERIOD_WORD = re.compile(r"([A-Z][\w'’-]+)\.(?=[^\S\n])")


def _sentence_pieces(text: str, run: re.Match[str]) -> list[re.Match[str]]:
    """A run cut where a sentence ends inside it: "... met Jeb Bush. Trump's
    aides" is "Jeb Bush" and no person "Jeb Bush Trump"."""
    if ". " not in run[0]:
        return [run]
    pieces = []
    start = run.start()
    for found in _PERIOD_WORD.finditer(text, run.start(), run.end()):
        word = found[1]
        lower = word.lower()
        if len(word) <= 2 or word.isupper() or lower in TITLE_WORDS or lower in US_STATES:
            continue
        piece = _NAME_RUN.fullmatch(text, start, found.end() - 1)
        if piece is not None:
            pieces.append(piece)
        start = stripped_start(text, found.end(), len(text))
    if start == run.start():
        return [run]
    piece = _NAME_RUN.fullmatch(text, start, run.end())
    if piece is not None:
        pieces.append(piece)
    return pieces


def _first_and_last_words(names: Iterable[str]) -> dict[str, set[str]]:
    """The names of the article's people by their first and by their last
    word, lower-cased: built once an article, where asking every person's
    name of every other person's was a square of the people named."""
    holders: dict[str, set[str]] = {}
    for name in names:
        words = name.split()
        holders.setdefault(words[0].lower(), set()).add(name)
        holders.setdefault(words[-1].lower(), set()).add(name)
    return holders


def family_name_first(name: str, holders: Callable[[], Mapping[str, set[str]]]) -> str | None:
    """The first word of ``name`` where the article may use it alone for the
    person: a family name printed first ("Aoki" of "Aoki Ren", "Xi" of "Xi
    Jinping") or the name some cultures call a person by ("Dawit" of "Dawit
    Alemu"). Not a given name of the list, a title, a place or a particle, and
    no other person of the article has that word first or last (``holders()``,
    ``_first_and_last_words`` of the article's people)."""
    words = name.split()
    if len(words) < 2 or words[0].lower() in NAME_PARTICLES or words[1].lower() in NAME_PARTICLES:
        return None
    first = words[0]
    if not first.isalpha() or not _may_stand_alone(first):
        return None
    if not holders().get(first.lower(), set()) <= {name}:
        return None  # another person's name opens or closes with the word
    return first


# A pure function of the word, asked for every full name of every article
# (and the same names come back): read once a process.
@functools.lru_cache(maxsize=8192)
def _may_stand_alone(word: str) -> bool:
    """Whether a capitalised word of a full name may be what the article calls
    the person alone: not a given name of the list, a title, an honorific, a
    word that opens sentences or a place."""
    lower = word.lower()
    return word[:1].isupper() and not (
        gender_of_given_name(word)
        or lower in HONORIFICS
        or lower in TITLE_WORDS
        or lower in CAPITALISED_STOPS
        or is_place(word)
    )


def goes_by(word: str, names: Iterable[str]) -> str | None:
    """The one name of ``names`` that ``word`` stands in before its last word,
    for a person the article then calls by that word alone: a family name
    printed first ("Aoki" of "Aoki Ren") or the name they go by ("Lula" of
    "Luiz Inácio Lula da Silva"). None where the word is a given name of the
    list, a title or a place, or another name holds it too."""
    lower = word.lower()
    if not _may_stand_alone(word):
        return None
    holding = [name for name in names if lower in (w.lower() for w in name.split())]
    if len(holding) != 1 or holding[0].split()[-1].lower() == lower:
        return None
    return holding[0]


def _description_words(description: str) -> tuple[str, ...] | None:
    """ "The Chancellor" -> ("chancellor",); None where no "the" opens it."""
    words = _WORD.findall(description.lower())
    return tuple(words[1:]) if len(words) >= 2 and words[0] == "the" else None


def _person_head(word: str) -> bool:
    """A word that names a person by role, hyphenated ones too ("president-elect"),
    or by their people ("dutchman", "frenchwoman")."""
    return (
        word in _PERSON_HEADS
        or ("-" in word and not _PERSON_HEADS.isdisjoint(word.split("-")))
        or _of_a_people(word)
    )


def _of_a_people(word: str) -> bool:
    """ "dutchman", "frenchwoman": a person of a people, no role."""
    return word.endswith(("man", "woman")) and len(word) > 6 and word not in _PERSON_HEADS


def _agrees(person: Person, wanted: str | None) -> bool:
    gender = person.gender
    return wanted is None or gender is None or gender == wanted


def _one_name(words: Sequence[str], known: str) -> bool:
    """ "Donald Trump" and "Republican Donald Trump" (a word of a title run
    in) may be one person; "Kofi Lowe" and "Geoffrey Lowe" are two."""
    return _same_name(words, known) or _same_name(known.split(), " ".join(words))


def _same_name(words: Sequence[str], known: str) -> bool:
    """ "de Blasio" and "Bill de Blasio" are one name; "Hillary" and "Bill" are not."""
    known_words = known.lower().split()
    return all(word.lower() in known_words for word in words)


__all__ = ["Discourse", "Person"]
