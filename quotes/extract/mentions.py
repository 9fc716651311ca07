"""Who is speaking: the noun phrase next to a speech verb, and what kind it is.

The extractor looks left of a cue for its subject ("Port spokeswoman Ilse
Brandt said", "he added", "a senior official told") and right of it for an
inverted one ("said Brandt"). A phrase is built from a short list of token
kinds (capitalised words, titles and role words, determiners) so that it
stops at the first ordinary word; what it finds is then split into a name
and a role and classified as a person, a government body, an organisation
or a description that must not be turned into a name.
"""

from __future__ import annotations

import functools
import re
from itertools import islice
from typing import NamedTuple

from quotes.extract.article import last_before
from quotes.extract.bodies import is_place
from quotes.extract.given_names import gender_of_given_name
from quotes.extract.lexicon import (
    AFFILIATIONS,
    CAPITALS,
    DESCRIPTION_HEADS,
    GOVERNMENT_WORDS,
    HONORIFICS,
    MONTHS,
    NAME_PARTICLES,
    ORGANISATION_WORDS,
    POST_NOMINALS,
    PRONOUNS,
    QUOTING,
    SURNAMES_LIKE_TITLES,
    TITLE_WORDS,
    US_STATES,
    WEEKDAYS,
)
from quotes.extract.model import SpeakerKind

# (The ASCII letters and digits are spelled out in the second set, which \w
# already holds: re then tells them from one table, not by the Unicode
# category it reads for every other character.)
TOKEN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿĀ-ž0-9][A-Za-z0-9\w'’.&-]*|[^\w\s]")

DETERMINERS = frozenset(
    """
        a an the one two three several some many its his her their our another
    """.split()
)
# Lower-case words that may sit inside a speaker phrase before its head.
MODIFIERS = frozenset(
    """
        senior top chief former current deputy foreign unnamed anonymous other local
        military government campaign press white house state federal national
        european western russian ukrainian american u.s. us eu un un's security
        intelligence defense defence health justice election party spokesman
        spokeswoman spokesperson official officials source sources close familiar
        with the matter of
    """.split()
)
# Capitalised words that start sentences but never a speaker's name.
CAPITALISED_STOPS = frozenset(
    """
        but and or yet so however still also meanwhile then now when while if as
        after before later earlier in on at for with by from to asked speaking
        writing this that these those there here what why how where it's instead
        indeed moreover nonetheless though although because since unless whether
        according despite you
    """.split()
)
# Between a subject and its verb: "Peskov also said", "she has repeatedly argued".
AUXILIARIES = frozenset(
    """
        also has have had would will was is were again later previously once
        repeatedly then earlier further separately recently has since already never
        often just quickly flatly publicly privately initially first last
        long sometimes not did does do could should may might must can still even
    """.split()
)


_KEEP_PERIOD = frozenset(
    """
        mr mrs ms dr jr sr st u.s u.k u.n inc corp co
    """.split()
)


def _ends_sentence(word: str) -> bool:
    """ "official." ends the sentence; "Mr.", "U.S." and the initial "W." do not."""
    bare = word.rstrip(".")
    return (
        word.endswith(".")
        and bare.lower() not in _KEEP_PERIOD
        and not (len(bare) == 1 and bare.isupper())
    )


_WHEN_WORDS = frozenset(["yesterday", "today", "tonight"])
_TIMES_OF_DAY = frozenset(["morning", "afternoon", "evening", "night"])


# A named tuple, not a frozen dataclass: the rules build one or more for
# every verb and quotation, and a frozen dataclass sets each field through
# object.__setattr__ (three times the cost of the tuple).
class Mention(NamedTuple):
    """A speaker phrase as printed, its span, and what it names."""

    text: str
    start: int
    end: int
    kind: SpeakerKind
    name: str  # the name part ("Dmitry Peskov"), or the phrase for bodies and descriptions
    role: str | None = None  # "Kremlin spokesman"
    # Who a pronoun stands for where the sentence itself says so ("which she
    # called ..." in a sentence whose subject is a named person).
    antecedent: Mention | None = None
    # The antecedent is also how the speaker is printed ("Lind praised what
    # she called ..."): the quote's speaker mention is the antecedent.
    printed: bool = False

    @property
    def is_pronoun(self) -> bool:
        return self.text.lower() in PRONOUNS


def _is_capitalised(token: str) -> bool:
    return token[:1].isupper()


# Whether a word may stand in a speaker phrase depends on the word alone, and
# the same words come back in every article: each is read once a process.
@functools.lru_cache(maxsize=8192)
def _word_ok(token: str) -> bool:
    lower = token.lower()
    if token[:1].isupper():
        return lower not in CAPITALISED_STOPS or lower in DETERMINERS
    return (
        lower in _PHRASE_WORDS
        or ("-" in lower and _title_word(lower))  # "the president-elect"
        or lower.endswith(_GROUP_SUFFIXES)
        or lower in NAME_PARTICLES
        or _prefixed_name(token)
    )


# "al-Jadaan", "el-Sisi", "bin-Talal": a particle joined to a capitalised name.
_PREFIXED_NAME = re.compile(r"(?:al|el|ad|as|at|ash|an|bin|ben|ibn|abu|abd)[-‑][A-Z][\w'’-]*")


def _prefixed_name(token: str) -> bool:
    """``_PREFIXED_NAME`` matches the whole token; a token without a hyphen
    (nearly every one, and this runs for every word read back from a verb) is
    told without calling the pattern."""
    return ("-" in token or "‑" in token) and _PREFIXED_NAME.fullmatch(token) is not None


def _name_word(token: str) -> bool:
    """A word of a person's name: capitalised ("Blasio") or "al-Masri"."""
    return token[:1].isupper() or _prefixed_name(token)


def _title_word(lower: str) -> bool:
    """A title, hyphenated ones too: "Vice-President", "Judge-Executive"."""
    lower = lower.rstrip(".")
    if lower in TITLE_WORDS:
        return True
    return "-" in lower and not TITLE_WORDS.isdisjoint(lower.split("-"))


# Lower-case words a speaker phrase may hold, in one set for the hot path.
_PHRASE_WORDS = DETERMINERS | MODIFIERS | DESCRIPTION_HEADS | TITLE_WORDS

# Plural nouns of people that speak as a group: "security specialists say",
# "Chinese traders say", "her confidants say".
_GROUP_SUFFIXES = ("ists", "ers", "ants", "ents", "ians", "ors", "ees")


# Lower-case words in -ly that are nouns, not adverbs between subject and verb.
_LY_NOUNS = frozenset(
    """
        family rally ally assembly supply reply anomaly monopoly bully belly july
        italy county
    """.split()
)


def _after_preposition(tokens: list[tuple[int, int, str]], index: int) -> bool:
    """ "at Lenox", "to the UN": the phrase at ``index`` is a preposition's object."""
    before = index - 1
    if before > 0 and tokens[before][2].lower() in ("the", "a", "an"):
        before -= 1
    word = tokens[before][2].lower() if before >= 0 else ""
    return word in _PREPOSITIONS or word in ("to", "of")


def _is_adverb(token: str) -> bool:
    """ "Aho quietly said", "she angrily said"."""
    return len(token) > 4 and token.endswith("ly") and token.islower() and token not in _LY_NOUNS


# How a lower-case appositive after a name opens: "Aho, now the harbour master,".
_APPOSITIVE_OPENERS = frozenset(
    ["now", "then", "once", "formerly", "still", "the", "a", "an", "his", "her", "their"]
)


def _name_before_appositive(
    text: str, tokens: list[tuple[int, int, str]], comma: int
) -> Mention | None:
    """ "Aho, now the harbour master," before the comma at ``comma``: the
    person named before a lower-case appositive of a few words."""
    for opening in range(comma - 1, max(0, comma - 7), -1):
        word = tokens[opening][2]
        if word == ",":
            break
        if not word.replace("-", "").isalpha():
            return None
    else:
        return None
    if opening == comma - 1 or opening < 1 or tokens[opening + 1][2] not in _APPOSITIVE_OPENERS:
        return None
    name = _phrase_backwards(tokens, opening - 1)
    if name is None:
        return None
    named = _make_mention(text, tokens, name[0], name[1])
    if named is None or named.kind is not SpeakerKind.PERSON:
        return None
    return named


_FIRST_WORD = re.compile(r"[A-Za-z]+")


# Prepositions whose object is never the subject of the verb after it.
_OBJECT_PREPOSITIONS = frozenset("to for from at about toward towards against among".split())


# A pronoun and its auxiliary in one word: "she's", "they've", "I'd".
_CONTRACTED = re.compile(r"(he|she|they|we|I|He|She|They|We)['’](?:s|ve|d|ll)")


def _pronoun(token: tuple[int, int, str]) -> Mention | None:
    """The token as a pronoun mention: "she", or the pronoun of "she's said",
    "they've argued" (its auxiliary left out); None for any other word."""
    start, end, word = token
    if word.lower() in PRONOUNS:
        return Mention(word, start, end, SpeakerKind.UNKNOWN, word)
    if "'" not in word and "’" not in word:
        return None  # no apostrophe, no contraction: most words, told without the pattern
    contracted = _CONTRACTED.fullmatch(word)
    if contracted is None:
        return None
    word = contracted[1]
    return Mention(word, start, start + len(word), SpeakerKind.UNKNOWN, word)


def _participle(text: str, cue_start: int) -> bool:
    """Whether the cue at ``cue_start`` is an -ing form ("explaining")."""
    cue_word = _FIRST_WORD.match(text, cue_start)
    return cue_word is not None and cue_word[0].endswith("ing")


# Remembered for the last few verbs: the rules of both passes ask for the
# subject of the same verb, from the same sentence start (a Mention is frozen,
# so one may serve every caller); so for subject_after and sentence_subject.
@functools.lru_cache(maxsize=64)
def subject_before(text: str, cue_start: int, floor: int) -> Mention | None:
    """The speaker phrase that ends just before a cue verb, if any."""
    tokens = [
        (m.start(), m.end(), m[0])
        for m in TOKEN.finditer(text, max(floor, cue_start - 110), cue_start)
    ]
    index = len(tokens) - 1
    while index >= 0:
        word = tokens[index][2].lower()
        if word in AUXILIARIES or word in _WHEN_WORDS or _is_adverb(tokens[index][2]):
            index -= 1
        elif word in WEEKDAYS and index > 0 and tokens[index - 1][2].lower() in ("on", "late"):
            index -= 2  # "Moscow on Monday demanded"
        elif word in _TIMES_OF_DAY and index > 0 and tokens[index - 1][2].lower() in WEEKDAYS:
            index -= 1  # "Berg on Friday morning said"
        elif (
            word in ("week", "month", "year", "weekend")
            and index > 0
            and tokens[index - 1][2].lower() in ("last", "this", "next")
        ):
            index -= 2  # "Zelensky last week said"
        elif (
            index > 0
            and tokens[index - 1][2].lower() == "in"  # (the cheap test first)
            and (_YEAR.fullmatch(word) or word in MONTHS)
            and not _participle(text, cue_start)
        ):
            # "Aho, who in 2010 said"; not "a memo to the Post in April
            # explaining", whose participle is not the Post's.
            index -= 2
        else:
            break
    if index < 0:
        return None
    last = tokens[index][2]  # (``word``, from the loop above, is it lower-cased)
    if last == "as" and text.startswith(("saying", "telling"), cue_start):
        return _quoted_as(text, tokens, index)
    if word in ("and", "but", "or"):
        return None  # "... and says": the subject is the sentence's, further back
    if word == "who" and index >= 2 and tokens[index - 1][2] == ",":
        # "Berg, who says ...": the relative pronoun stands for the name before it.
        phrase = _phrase_backwards(tokens, index - 2)
        appositioned = _name_before_appositive(text, tokens, index - 1)
        if appositioned is not None:
            # "Aho, now the harbour master, who ...": the name before the appositive.
            start, end, word = tokens[index]
            return Mention(
                word, start, end, SpeakerKind.PERSON, appositioned.name, appositioned.role
            )
        if phrase is not None:
            named = _make_mention(text, tokens, phrase[0], phrase[1])
            if (
                named is not None
                and named.kind is not SpeakerKind.PERSON
                and phrase[0] > 0
                and tokens[phrase[0] - 1][2] in _PLACE_PREPOSITIONS
            ):
                # "A port official in Amman, who ...": the place is not who
                # speaks; the described speaker before it is.
                introduced = _described_before(text, tokens, phrase[0] - 1, tokens[index - 1][0])
                if introduced is None:
                    return None
                start, end, word = tokens[index]
                return Mention(word, start, end, SpeakerKind.DESCRIPTION, introduced)
            if named is not None and named.kind is not SpeakerKind.DESCRIPTION:
                # The mention is "who", as printed next to the verb; it names
                # the one before it.
                start, end, word = tokens[index]
                return Mention(word, start, end, named.kind, named.name, named.role)
        return None
    pronoun = _pronoun(tokens[index])
    if pronoun is not None:
        if index > 0 and tokens[index - 1][2].lower() in ("that", "which", "who"):
            return None
        return pronoun
    if last == ")" and "(" in (token[2] for token in tokens[:index]):
        # "Rep. Nils Aho (R-Minn.) said": the parenthesis belongs to the name.
        opening = max(i for i in range(index) if tokens[i][2] == "(")
        if opening > 0 and index - opening <= 8:
            phrase = _phrase_backwards(tokens, opening - 1)
            if phrase is not None:
                return _make_mention(text, tokens, phrase[0], phrase[1])
        return None
    dashes = [i for i in range(index) if tokens[i][2] in ("—", "–")] if last in ("—", "–") else []
    if dashes and dashes[-1] > 0 and index - dashes[-1] <= 14:
        # "Election officials — from three states — said": the subject stands
        # before the dashed aside.
        phrase = _phrase_backwards(tokens, dashes[-1] - 1)
        if phrase is not None:
            found = _make_mention(text, tokens, phrase[0], phrase[1])
            if found is not None:
                return found
    if last == "," and index > 0:
        aside = _participle_aside(tokens, index)
        if aside is not None:
            # "Ana Lind, speaking on Sunday, said": the subject stands before
            # the participle's phrase.
            phrase = _phrase_backwards(tokens, aside - 1)
            if phrase is not None:
                if phrase[0] > 1 and tokens[phrase[0] - 1][2] in _LOCATIVES:
                    # "Six newspapers in Ohio, including ..., said"
                    return _located_before(text, tokens, phrase[0] - 1, tokens[aside - 1][1])
                found = _make_mention(text, tokens, phrase[0], phrase[1])
                if found is not None:
                    return found
    if last in (",", "—") and index > 0:
        # "Peskov, the Kremlin spokesman, said": an appositive before the verb.
        appositive = _phrase_backwards(tokens, index - 1)
        if appositive is not None:
            appositive = _with_role_words(tokens, appositive)
            first = appositive[0]
            state = text[tokens[first][0] : tokens[appositive[1]][1]].rstrip(".").lower()
            city = _phrase_backwards(tokens, first - 2) if first > 1 else None
            if (
                state in US_STATES
                and tokens[first - 1][2] == ","
                and city is not None
                and "of" not in (token[2] for token in tokens[city[0] : city[1] + 1])
            ):
                # "a crowd in Flint, Mich., chanting": a city, not who speaks;
                # "a woman in Flint, Mich., told him": the described speaker
                # ("Ines Duarte of Flint, Mich., said" is a person of a place).
                if city[0] < 1 or tokens[city[0] - 1][2] not in _PLACE_PREPOSITIONS:
                    return None
                end = tokens[appositive[1]][1]
                introduced = _described_before(text, tokens, city[0] - 1, end)
                if introduced is None:
                    return None
                start = end - len(introduced)
                return Mention(introduced, start, end, SpeakerKind.DESCRIPTION, introduced)
            if first > 0 and tokens[first - 1][2] == ",":
                name = _phrase_backwards(tokens, first - 2)
                if name is None or _after_preposition(tokens, name[0]):
                    # "Her former partner, Lev B. Adler, called" / "His partner at
                    # Lenox, Lev Adler, said": the role is no name; the appositive is.
                    named = _make_mention(text, tokens, appositive[0], appositive[1])
                    if (
                        named is not None
                        and named.kind is SpeakerKind.PERSON
                        and (
                            len(named.name.split()) >= 2
                            or (
                                name is not None
                                and name[0] >= 2
                                and _a_portfolio(
                                    tokens[name[0] - 2][2],
                                    tokens[name[0] - 1][2],
                                    tokens[name[0]][2],
                                )
                            )
                        )
                    ):
                        # (After a title and its portfolio a surname alone will
                        # do: "The Minister for Finance, Aho, said".)
                        return named
                if name is not None:
                    mention = _make_mention(text, tokens, name[0], name[1])
                    role = text[tokens[appositive[0]][0] : tokens[appositive[1]][1]]
                    appositive_mention = _make_mention(text, tokens, appositive[0], appositive[1])
                    if (
                        mention is not None
                        and appositive_mention is not None
                        and appositive_mention.kind is SpeakerKind.PERSON
                        and (
                            mention.kind is SpeakerKind.DESCRIPTION
                            # "The head of the Port Authority, Dr Ana Ruiz,": a
                            # described role, whatever capitals its body has
                            or (
                                tokens[name[0]][2].lower() in DETERMINERS
                                and len(appositive_mention.name.split()) >= 2
                            )
                        )
                    ):
                        # "A veteran club member, Tove Rand, said": the
                        # name is the appositive; the description is the role.
                        return Mention(
                            appositive_mention.text,
                            appositive_mention.start,
                            appositive_mention.end,
                            SpeakerKind.PERSON,
                            appositive_mention.name,
                            _strip_determiner(mention.text),
                        )
                    if mention and mention.kind is SpeakerKind.PERSON:
                        return Mention(
                            text[mention.start : tokens[appositive[1]][1]],
                            mention.start,
                            tokens[appositive[1]][1],
                            mention.kind,
                            mention.name,
                            _strip_determiner(role),
                        )
        return None
    phrase = _phrase_backwards(tokens, index)
    if phrase is None:
        return _description_backwards(text, tokens, index)
    if phrase[0] > 1 and tokens[phrase[0] - 1][2] in _AFFILIATION_PREPOSITIONS:
        # "Eva Marsh from the Tarn Institute said": the person, not where
        # they work ("of" is read in _name_of_affiliation).
        before = _phrase_backwards(tokens, phrase[0] - 2)
        person = _make_mention(text, tokens, *before) if before is not None else None
        if person is not None and person.kind is SpeakerKind.PERSON and " " in person.name:
            where = _strip_determiner(text[tokens[phrase[0]][0] : tokens[phrase[1]][1]])
            return Mention(
                person.text,
                person.start,
                person.end,
                person.kind,
                person.name,
                person.role or where,
            )
    if (
        phrase[0] > 1
        and tokens[phrase[0] - 1][2] in _LOCATIVES
        and _is_capitalised(tokens[phrase[1]][2])
    ):
        # "Analysts in Tokyo said", "a source in Moscow said": the place says
        # where the speakers are, never who speaks.
        return _located_before(text, tokens, phrase[0] - 1, tokens[index][1])
    if (
        phrase[0] > 1
        and tokens[phrase[0] - 1][2] == "of"
        and tokens[phrase[0] - 2][2] in _OWNED_BY_OF
        and not _participle(text, cue_start)
    ):
        # "The wife of Jan Berg said", "the city of Tarnow said": the name
        # completes a noun of a person or a place with "of"; the noun phrase
        # speaks, read as printed, or nobody where no determiner opens it.
        # ("footage of Berg saying": the participle's subject is Berg.)
        head = _description_backwards(text, tokens, phrase[0] - 2)
        if head is None:
            return None
        start, end = head.start, tokens[index][1]
        return Mention(text[start:end], start, end, SpeakerKind.DESCRIPTION, text[start:end])
    if (
        phrase[0] > 1
        and tokens[phrase[0] - 1][2] in _OBJECT_PREPOSITIONS
        and tokens[phrase[0] - 2][2].islower()
    ):
        # "A source speaking to Fox News said", "an email to supporters
        # saying": the phrase is the object of a preposition, not who speaks
        # (as "Budget Responsibility" is part of "the Office for Budget
        # Responsibility"); "a spokeswoman for Tavira Port said": the
        # described speaker it completes does.
        head = _description_backwards(text, tokens, phrase[0] - 2)
        if head is None or head.text.split()[-1].lower() not in DESCRIPTION_HEADS:
            return None
        start, end = head.start, tokens[index][1]
        return Mention(text[start:end], start, end, SpeakerKind.DESCRIPTION, text[start:end])
    if not any(_is_capitalised(token[2]) for token in tokens[phrase[0] : phrase[1] + 1]):
        # "The veteran negotiator said": reach back over adjectives to the article.
        described = _description_backwards(text, tokens, index)
        if described is not None:
            return described
    return _make_mention(text, tokens, phrase[0], phrase[1])


_AFFILIATION_PREPOSITIONS = frozenset(["from", "at"])
_AUXILIARIES_OF_PASSIVE = frozenset("was were is are been being be has have had".split())


def _quoted_as(text: str, tokens: list[tuple[int, int, str]], as_index: int) -> Mention | None:
    """Who speaks at "as saying": "Interfax quoted Berg as saying" is Berg,
    the quoting verb's object; "Berg was quoted (by Interfax) as saying" is
    Berg, its subject. None where no quoting verb is near ("not the same as
    saying")."""
    quoting = next(
        (
            i
            for i in range(as_index - 1, max(-1, as_index - 12), -1)
            if tokens[i][2].lower() in QUOTING
        ),
        None,
    )
    if quoting is None:
        return None
    if quoting + 1 == as_index or tokens[quoting + 1][2] == "by":
        subject = quoting - 1
        while subject >= 0 and tokens[subject][2].lower() in _AUXILIARIES_OF_PASSIVE:
            subject -= 1
        phrase = _phrase_backwards(tokens, subject)
        return _make_mention(text, tokens, *phrase) if phrase is not None else None
    return _make_mention(text, tokens, quoting + 1, as_index - 1)


def _participle_aside(tokens: list[tuple[int, int, str]], comma: int) -> int | None:
    """Where the comma opening ", speaking on Sunday," stands, for the comma
    at ``comma`` that closes it: a phrase of a lower-case -ing word and a few
    more words, with no comma inside; None where there is none."""
    for opening in range(comma - 2, max(0, comma - 9), -1):
        word = tokens[opening][2]
        if word == ",":
            participle = tokens[opening + 1][2]
            if participle.islower() and participle.endswith("ing") and opening > 0:
                return opening
            return None
    return None


_LOCATIVES = frozenset(["in", "across"])


def _located_before(
    text: str, tokens: list[tuple[int, int, str]], preposition: int, end: int
) -> Mention | None:
    """Who speaks in "Analysts in Tokyo", "Ola Berg in Oslo", "the Chamber of
    Commerce in Oslo": people described by a noun of people, as printed with
    the place, the person named, a body with its place; None for anything
    else, rather than the place."""
    phrase = _phrase_backwards(tokens, preposition - 1)
    if phrase is None:
        return None
    head = tokens[preposition - 1][2].lower()
    if head in GOVERNMENT_WORDS:
        # "the government in Beijing": the government of the place.
        place = _make_mention(text, tokens, preposition + 1, len(tokens) - 1)
        if place is not None and place.kind is SpeakerKind.GOVERNMENT:
            start = tokens[phrase[0]][0]
            return Mention(text[start:end], start, end, SpeakerKind.GOVERNMENT, place.name)
    if head in DESCRIPTION_HEADS or head.endswith(_GROUP_SUFFIXES) or _title_word(head):
        start = tokens[phrase[0]][0]
        return Mention(text[start:end], start, end, SpeakerKind.DESCRIPTION, text[start:end])
    named = _make_mention(text, tokens, phrase[0], phrase[1])
    if named is not None and named.kind is SpeakerKind.ORGANISATION:
        # "The EU Chamber of Commerce in China": the place is part of the name.
        start = named.start
        return Mention(text[start:end], start, end, named.kind, _body_name(text[start:end]))
    return named if named is not None and named.kind is SpeakerKind.PERSON else None


# Nouns that "of" and a name complete into someone else, or a place: "the
# wife of Jan Berg", "the city of Tarnow" (not "percent of Americans", whose
# speakers the name is).
_OWNED_BY_OF = frozenset(
    """
        wife husband widow widower son daughter mother father brother sister
        parents children family friend friends cousin partner nephew niece uncle
        aunt grandson granddaughter fiancee fiance neighbour neighbor
        city town village county province region district state country capital
    """.split()
)


def _with_role_words(
    tokens: list[tuple[int, int, str]], phrase: tuple[int, int]
) -> tuple[int, int]:
    """ "Its chair, Olympic champion Tove Rand,": a few plain words of a role
    before the name in an appositive belong to it (up to the comma that
    opens it); otherwise the phrase as found."""
    first, last = phrase
    if not (_is_capitalised(tokens[first][2]) and _is_capitalised(tokens[last][2])):
        return phrase  # only before a name
    for before in range(first - 1, max(-1, first - 4), -1):
        word = tokens[before][2]
        if word == ",":
            return (before + 1, last) if before + 1 < first else phrase
        lower = word.lower()
        if (
            not word.isalpha()
            or lower in _NOT_ROLE_WORDS
            or lower in _VERB_WORDS
            or lower in _PHRASE_STOPS
            # "represents", "named", "including", "only": no role's words
            or lower.endswith(("ed", "s", "ing", "ly"))
        ):
            return phrase
    return phrase


# What may stand before a description that opens a clause.
_BEFORE_DESCRIPTION = frozenset([",", "”", '"', "''", ":", ";", "—", "as"])


_POSSESSIVE_ENDINGS = ("'s", "’s", "s'", "s’")
_AFTER_QUOTE = frozenset([",", "”", '"', "'"])


def _description_backwards(
    text: str, tokens: list[tuple[int, int, str]], index: int
) -> Mention | None:
    """ "the small weekly paper wrote", "the club's treasurer said": a
    determiner and a few lower-case words, opening a clause."""
    possessive = False
    for first in range(index, max(-1, index - 5), -1):
        word = tokens[first][2]
        if first < index and word.endswith(_POSSESSIVE_ENDINGS) and word[:-2].isalpha():
            possessive = True  # "the club's treasurer": whose treasurer, in the phrase
            continue
        if word.lower() in DETERMINERS:
            if first > 0 and tokens[first - 1][2].lower() not in _BEFORE_DESCRIPTION:
                return None
            if possessive and last_before(text, tokens[first][0], " \u00a0") not in _AFTER_QUOTE:
                # Only right after a quote ('..." the club's treasurer said')
                # is a possessive phrase surely the attribution's speaker.
                return None
            if first > 0 and any(_is_capitalised(t[2]) for t in tokens[first + 1 : index + 1]):
                # Mid-clause, "the Senate chamber said" is not one phrase; at the
                # clause's start "the Gawker employee wrote" is.
                return None
            start, end = tokens[first][0], tokens[index][1]
            return Mention(text[start:end], start, end, SpeakerKind.DESCRIPTION, text[start:end])
        if not word.isalpha() and "-" not in word:
            return None
    return None


# Words that open a clause or a phrase, never a role before a name: in
# "explaining that anger at Lind", Lind is no speaker.
_NOT_ROLE_WORDS = frozenset(
    "that for to of in on at with about if whether how why what when it there this".split()
)


def _role_word_before_name(word: str) -> bool:
    """A word of a role printed before a name after the verb: lower-case
    ("marine biologist"), or a number's ("42-year-old", "9/11")."""
    if word[0].isdigit() or word == "/":
        return True
    return word.isalpha() and word.islower() and word not in _NOT_ROLE_WORDS


@functools.lru_cache(maxsize=64)
def subject_after(text: str, cue_end: int, ceiling: int) -> Mention | None:
    """An inverted speaker after the cue: "..., said Peskov, the Kremlin spokesman."."""
    tokens = [
        (m.start(), m.end(), m[0])
        for m in TOKEN.finditer(text, cue_end, min(ceiling, cue_end + 110))
    ]
    if not tokens:
        return None
    if tokens[0][2].lower() in PRONOUNS:
        start, end, word = tokens[0]
        return Mention(word, start, end, SpeakerKind.UNKNOWN, word)
    first = 0
    if not _word_ok(tokens[0][2]):
        # "says marine biologist Tove Rand", "said 42-year-old nurse Tove
        # Rand", "said 9/11 widow Tove Rand": lower-case role words first.
        words = 0  # at most three words ("... brothers X" is too far); numbers aside
        for position in range(1, min(len(tokens), 8)):
            words += tokens[position - 1][2].isalpha()
            if words > 3:
                break
            word = tokens[position][2]
            if _is_capitalised(word) and word.lower() not in CAPITALISED_STOPS:
                if all(_role_word_before_name(t[2]) for t in tokens[:position]):
                    first = position
                break
    last = _phrase_forwards(tokens, first)
    if last < first:
        return None
    mention = _make_mention(text, tokens, first, last)
    while mention is None and last > first and not _is_capitalised(tokens[last][2]):
        # "says Mara Quist of the independent ...": the run stopped mid-phrase.
        last -= 1
        mention = _make_mention(text, tokens, first, last)
    if first == 0 and (
        mention is None
        or mention.kind is SpeakerKind.DESCRIPTION
        # "said the Tromsø-born skipper": a determiner opens no person's name
        or (mention.kind is SpeakerKind.PERSON and tokens[0][2].lower() in ("the", "a", "an"))
    ):
        # The run of name-like words stops short of a described speaker's
        # head or complement: "a senior official.", "an aide to both mayors".
        described = _description_forwards(text, tokens)
        if described is not None and (mention is None or described.end > mention.end):
            mention = described
    if mention is None:
        return None
    if mention.kind is SpeakerKind.DESCRIPTION:
        named = _appositive_name(text, tokens, mention)
        if named is not None:
            return named
    # An appositive role after the name: "said Peskov, the Kremlin spokesman".
    after = last + 1
    if after < len(tokens) and tokens[after][2] == "," and mention.kind is SpeakerKind.PERSON:
        end = after
        for position in range(after + 1, len(tokens)):
            if not _word_ok(tokens[position][2]):
                break
            end = position
        if end > after:
            role = text[tokens[after + 1][0] : tokens[end][1]]
            return Mention(
                mention.text,
                mention.start,
                mention.end,
                mention.kind,
                mention.name,
                _strip_determiner(role) or None,  # "a" alone before an unknown noun
            )
    return mention


_OWNED_ROLE = re.compile(r"[A-Z][\w.-]*['’]s\s+[a-z]")


def _appositive_name(
    text: str, tokens: list[tuple[int, int, str]], described: Mention
) -> Mention | None:
    """ "said the Kremlin spokesman, Dmitry Peskov.": the name after the role speaks."""
    if not described.text.lower().startswith("the ") and not _OWNED_ROLE.match(described.text):
        # "a senior official, Kyiv ...": no one is named "a" anything; "the
        # minister, X" and "Mexico's president-elect, X" name one person.
        return None
    after = next((n for n, token in enumerate(tokens) if token[0] >= described.end), None)
    if after is not None and tokens[after][2] == "(":
        # "The head of the River Board (RB), Ana Ruiz,": the body's initials.
        closing = next(
            (n for n in range(after + 1, min(len(tokens), after + 5)) if tokens[n][2] == ")"),
            None,
        )
        after = closing + 1 if closing is not None else None
    if after is None or after >= len(tokens) or tokens[after][2] != "," or after + 1 >= len(tokens):
        return None
    last = after
    for position in range(after + 1, min(len(tokens), after + 5)):
        word = tokens[position][2]
        if not (_is_capitalised(word) and word.lower() not in CAPITALISED_STOPS):
            break
        last = position
        if _ends_sentence(word):
            break
    if last - after < 2:
        return None  # one capitalised word may be a place: "said the mayor, Lviv ..."
    following = tokens[last + 1][2] if last + 1 < len(tokens) else "."
    if not (_ends_sentence(tokens[last][2]) or following in (",", ".", ";")):
        return None
    name = _make_mention(text, tokens, after + 1, last)
    if name is None or name.kind is not SpeakerKind.PERSON:
        return None
    return Mention(
        name.text, name.start, name.end, name.kind, name.name, _strip_determiner(described.text)
    )


# Words that end a described speaker after its verb: "said the 52-year-old, who".
_PHRASE_STOPS = frozenset(
    """
        who which that in at on during after before while as to from for by with
        and but when about known
    """.split()
)
# What follows a described person, not a thing: "who", "known as".
_RELATIVE_STARTS = frozenset(["who", "whose", "known"])


_VERB_WORDS = frozenset(
    """
        will would is are was were be been being has have had can could should may
        might must do does did not won't isn't wasn't
    """.split()
)


# Prepositions that carry a described speaker on: "an aide to both mayors",
# "a spokesman for the ministry", "a source close to the talks".
_COMPLEMENTS = frozenset(["to", "for", "with", "of", "from"])
# The words such a complement may follow (a role, not a thing: "a letter to Facebook").
_COMPLEMENTED = DESCRIPTION_HEADS | {"close", "one"}


def _description_forwards(text: str, tokens: list[tuple[int, int, str]]) -> Mention | None:
    """ "said the 52-year-old.", "asked the girl, who ...", "said an old friend
    of both skippers, who ...": an inverted described speaker, from its
    determiner to the first punctuation or clause word."""
    if tokens[0][2].lower() not in DETERMINERS:
        return None
    last = 0
    complement = 0  # where a complement began
    for position in range(1, min(len(tokens), 11)):
        word = tokens[position][2]
        lower = word.lower().rstrip(".")
        if not word[:1].isalnum():
            break
        if (
            lower in _COMPLEMENTS
            and not complement
            and tokens[position - 1][2].lower() in _COMPLEMENTED
            and position + 1 < len(tokens)
        ):
            complement = position
            continue  # kept only if a word follows it
        if lower in _PHRASE_STOPS:
            break
        if lower in _VERB_WORDS or (lower in DETERMINERS and position != complement + 1):
            return None  # a clause, not a phrase: "the audit will be published"
        last = position
        if _ends_sentence(word):
            break  # "said a senior official." (the period came with the word)
    following = tokens[last + 1][2] if last + 1 < len(tokens) else "."
    if last == 0 or not (
        _ends_sentence(tokens[last][2])
        or following in (",", ".", ";")
        # "said a harbour expert who has worked ...", "said the chief known as Bob"
        or following.lower() in _RELATIVE_STARTS
    ):
        return None
    start, end = tokens[0][0], tokens[last][1]
    if text[end - 1] == ".":
        end -= 1
    return Mention(text[start:end], start, end, SpeakerKind.DESCRIPTION, text[start:end])


_PLACE_PREPOSITIONS = frozenset(["in", "of", "at", "from", "for", "with", "on", "near"])


def _described_before(
    text: str, tokens: list[tuple[int, int, str]], preposition: int, end: int
) -> str | None:
    """ "A port official" in "A port official in Aqaba, who": the described
    speaker a place or body follows, opening with an indefinite article."""
    for first in range(preposition - 1, max(-1, preposition - 6), -1):
        word = tokens[first][2]
        if word in (",", ".", ";", ":") or word in ("'s", "’s"):
            return None
        if word.lower() in ("a", "an", "one") and preposition - first >= 2:
            head = tokens[preposition - 1][2].lower()
            if head in DESCRIPTION_HEADS or head in TITLE_WORDS:
                return text[tokens[first][0] : end].strip()
            return None
    return None


def _lower_case_words(tokens: list[tuple[int, int, str]]) -> bool:
    """Whether every token is a lower-case word: a title's modifiers ("fisheries")."""
    return all(token[2].isalpha() and token[2].islower() for token in tokens)


def _owner_before_modifiers(
    tokens: list[tuple[int, int, str]], first: int, last: int
) -> int | None:
    """Where a possessive owner stands before one or two lower-case modifiers
    of a title: "Norway's fisheries minister", "the firm's finance chief".
    Without it the phrase would be the bare title, or the owner alone."""
    if first != last or not _title_word(tokens[last][2].lower()):
        return None
    for owner in (first - 2, first - 3):
        if owner < 0:
            return None
        word = tokens[owner][2]
        if not _lower_case_words(tokens[owner + 1 : first]):
            return None
        if word.endswith(("'s", "’s")) and (_is_capitalised(word) or word[:-2].isalpha()):
            return owner
    return None


def _phrase_backwards(tokens: list[tuple[int, int, str]], index: int) -> tuple[int, int] | None:
    if index < 0 or not _word_ok(tokens[index][2]):
        return None
    first = index
    while first - 1 >= 0 and index - first < 9:
        word = tokens[first - 1][2]
        if word in ("'s", "’s") or _word_ok(word):
            first -= 1
            continue
        if (
            word == "and"
            and first - 2 >= 0
            and tokens[first - 2][2].lower() in MODIFIERS
            and not _is_capitalised(tokens[first][2])
        ):
            first -= 1  # "current and former officials"
            continue
        if word.endswith(("'s", "’s")) and _is_capitalised(word):
            first -= 1
            continue
        owner = _owner_before_modifiers(tokens, first, index)
        if owner is not None:
            first = owner  # "Norway's fisheries minister"
            continue
        break
    # Do not start on a preposition-like word left dangling ("of", "with").
    while first <= index and tokens[first][2].lower() in ("of", "with", "close", "familiar"):
        first += 1
    if first > index:
        return None
    return first, index


# Words before a month that make it a time: "in March Mayor Rask said".
_MONTH_LEADS = frozenset(
    "in on since by until through during early late mid last next this".split()
)


def _dates_the_phrase(tokens: list[tuple[int, int, str]], index: int) -> bool:
    """Whether the word opening a capitalised phrase is a time, never part of
    who speaks: "(Late on) Monday Finance Minister Kask said", "Thursday's
    vote". A month is a time after a word like "in", or as a possessive; else
    it may be a given name ("April Voss") or a surname ("May said")."""
    word = tokens[index][2].lower()
    possessive = word.endswith(("'s", "’s"))
    if possessive:
        word = word[:-2]
    if word in WEEKDAYS:
        return True
    return word in MONTHS and (
        possessive or (index > 0 and tokens[index - 1][2].lower() in _MONTH_LEADS)
    )


def _strip_determiner(phrase: str) -> str:
    words = phrase.split()
    if words and words[0].lower() in DETERMINERS:
        words = words[1:]
    return " ".join(words)


def _make_mention(
    text: str, tokens: list[tuple[int, int, str]], first: int, last: int
) -> Mention | None:
    while first <= last and _dates_the_phrase(tokens, first):
        first += 1
    if first > last:
        return None
    start, end = tokens[first][0], tokens[last][1]
    words = [token[2] for token in tokens[first : last + 1]]
    if words[0].lower() in ("of", "with", "for", "to"):
        # "Lind's letter was", "of the senator": a possessive or a
        # prepositional phrase, not the one who speaks.
        return None
    if words[-1].endswith(".") and words[-1].lower().rstrip(".") not in _KEEP_PERIOD:
        # The sentence's full stop, not part of the name.
        end -= 1
        words[-1] = words[-1].rstrip(".")
        if not words[-1]:
            return None
    phrase = text[start:end]
    lower_words = [word.lower().rstrip(".") for word in words]
    affiliated = _name_of_affiliation(text, tokens, first, words, lower_words, end)
    if affiliated is not None:
        return affiliated
    owner = _possessor_end(words)
    if owner is not None:
        # "Tartu University's Tove Rand": the person follows the
        # possessive; what owns them is their role, not their name.
        person = _make_mention(text, tokens, first + owner + 1, last)
        if (
            person is not None
            and person.kind is SpeakerKind.PERSON
            and (" " in person.name or is_place(words[owner]))
        ):
            # "Ukraine's Zelensky": a country owns a person too.
            owner_role = person.role or words_before(text, tokens, first, first + owner)
            return Mention(phrase, start, end, SpeakerKind.PERSON, person.name, owner_role)
    # "Sofia Lind KC": letters after a name end the phrase, not the name.
    named = len(words) - 1 if len(words) > 2 and lower_words[-1] in POST_NOMINALS else len(words)
    name_start = name_start_of(words[:named], lower_words[:named])
    name_words = words[name_start:named]
    role_words = words[:name_start]
    head = lower_words[named - 1]
    if not name_words and len(words) == 1 and _surname_alone(words[0], lower_words[0]):
        # "Bishop said": a title word printed alone, capitalised and without
        # an article, is the surname of someone named before ("Julie Bishop").
        return Mention(phrase, start, end, SpeakerKind.PERSON, words[0])
    if not name_words:
        # A description needs its head noun: "a senior official", "the report",
        # never a bare "the".
        if (
            head in DESCRIPTION_HEADS
            or _title_word(head)
            or head.endswith(_GROUP_SUFFIXES)
            or (lower_words[0] in DETERMINERS and len(words) >= 2 and head not in DETERMINERS)
        ):
            return Mention(phrase, start, end, SpeakerKind.DESCRIPTION, phrase)
        return None
    if len(name_words) == 2 and (
        (
            len(role_words) >= 2
            and _a_portfolio(role_words[-2], role_words[-1].lower(), lower_words[name_start])
        )
        or (
            not role_words
            and lower_words[name_start] in _PORTFOLIOS
            and TITLE_BEFORE.search(text, max(0, start - 40), start)
        )
    ):
        # "Secretary of State Blinken", "Minister for Finance Aho": the
        # portfolio ends the title; the surname is the name.
        role_words, name_words = role_words + name_words[:1], name_words[1:]
        name_start += 1
    name = " ".join(name_words)
    lower_name_words = lower_words[name_start:named]
    lower_name = " ".join(lower_name_words)
    if lower_words[:name_start] == ["the"] and len(name_words) == 1 and _demonym_person(name):
        # "the Dutchman", "the Frenchwoman": a person described, not named.
        return Mention(phrase, start, end, SpeakerKind.DESCRIPTION, phrase)
    if (
        not GOVERNMENT_WORDS.isdisjoint(lower_name_words)
        or lower_name in CAPITALS
        or is_place(name)
    ):
        return Mention(phrase, start, end, SpeakerKind.GOVERNMENT, _body_name(phrase))
    if not ORGANISATION_WORDS.isdisjoint(lower_words[name_start:named]) or (
        len(name_words) == 1 and name.isupper() and len(name) > 1
    ):
        return Mention(phrase, start, end, SpeakerKind.ORGANISATION, _body_name(phrase))
    if role_words and role_words[0].lower() in DETERMINERS and head in DESCRIPTION_HEADS:
        return Mention(phrase, start, end, SpeakerKind.DESCRIPTION, phrase)
    if len(name_words) == 1 and (lower_name in WEEKDAYS or lower_name in MONTHS):
        return None  # "said Wednesday", "later Thursday": a time, never a speaker
    if (
        len(name_words) >= 3
        and (
            any(word.lower() in _TITLE_JOINERS for word in role_words[-3:])
            or _AFTER_TITLE_JOINER.search(text, max(0, start - 10), start) is not None
        )
        and not gender_of_given_name(name_words[0])
    ):
        # "Commissioner for Energy and Housing Dan Lund": the name starts at
        # its given name; the words before it end the title.
        given = next(
            (i for i in range(1, len(name_words) - 1) if gender_of_given_name(name_words[i])),
            None,
        )
        name_offset = tokens[first + name_start][0]
        if given is None and TITLE_BEFORE.search(text, max(0, name_offset - 40), name_offset):
            # A given name the lexicon does not know: as after "<title> of
            # <Body>" (name_start_of), the name keeps its last two words
            # ("Minister for Trade Eleni Varga"; not "Committee for a Fair Budget").
            given = last_two(lower_name_words)
        if given is not None and not any(
            word.endswith(".") or len(word) <= 2 for word in name_words[:given]
        ):  # "J. Marta Voss" keeps its initial
            role_words, name_words = role_words + name_words[:given], name_words[given:]
            name = " ".join(name_words)
    of = _of_before_name(lower_words, len(role_words))
    if of is not None:
        # "The mayor of Tarnow", "the head of Acme", "Most of the residents of
        # Tarnow": the capitalised words after "of" are what the speaker
        # belongs to, never the speaker's name. A capitalised word that is
        # no title before "of" names a body ("The Bank of England").
        head, lower_head = words[of - 1], lower_words[of - 1]
        if _is_capitalised(head) and not (
            _title_word(lower_head)
            or lower_head in DETERMINERS
            # "Residents of Tarnow say": a common noun capitalised at the
            # start of a sentence
            or (of == 1 and (lower_head in DESCRIPTION_HEADS or lower_head.endswith("s")))
        ):
            governing = lower_head in GOVERNMENT_WORDS or lower_head in _STATES
            kind = SpeakerKind.GOVERNMENT if governing else SpeakerKind.ORGANISATION
            return Mention(phrase, start, end, kind, _body_name(phrase))
        return Mention(phrase, start, end, SpeakerKind.DESCRIPTION, phrase)
    role = _strip_determiner(" ".join(role_words)) or None
    # "Mr." / "Sen." alone before a surname is a title, not a role worth keeping.
    if role and (
        role.lower().rstrip(".") in ("sen", "rep", "gov") or role.lower().rstrip(".") in HONORIFICS
    ):
        role = None
    return Mention(phrase, start, end, SpeakerKind.PERSON, name, role)


# A portfolio after "<title> of/for": "Secretary of State", "Minister for Finance".
_PORTFOLIOS = frozenset(
    """
        state defense defence finance justice health education interior energy labor
        labour transport transportation trade agriculture commerce treasury housing
        economy culture environment tourism industry immigration security veterans
    """.split()
)
# What a state calls itself before "of": "the Republic of Korea".
_STATES = frozenset(["republic", "kingdom", "federation", "emirate", "principality"])


def _a_portfolio(title: str, joiner: str, word: str) -> bool:
    """Whether ``word`` is a title's portfolio after its joiner: "Minister |
    for | Finance", "Secretary | of | State"."""
    return (
        joiner in _TITLE_COMPLEMENTS and _title_word(title.lower()) and word.lower() in _PORTFOLIOS
    )


def _of_before_name(lower_words: list[str], name_start: int) -> int | None:
    """Where "of" stands just before the name ("of Tarnow", "of the Harbour
    Board"), after a word it completes; None where it does not."""
    of = name_start - 1
    if of >= 1 and lower_words[of] == "the":
        of -= 1
    return of if of >= 1 and lower_words[of] == "of" else None


def last_two(lower_words: list[str]) -> int:
    """Where a name's last two words begin, with the particles just before
    them ("Affairs Sami bin Fahd Al-Harbi" -> "bin Fahd Al-Harbi"); initials
    stand for the given name ("Opposition T. Ravindran" -> "T. Ravindran")."""
    position = len(lower_words) - 1
    while position > 0 and lower_words[position - 1] in NAME_PARTICLES:
        position -= 1
    if position > 0 and len(lower_words[position - 1]) == 1:
        while position > 0 and len(lower_words[position - 1]) == 1:
            position -= 1
        return position
    position = max(position - 1, 0)
    while position > 1 and lower_words[position - 1] in NAME_PARTICLES:
        position -= 1
    return position


# "Minister for Trade and Industry", "Secretary of State": a title runs on
# over capitalised words after these.
_TITLE_JOINERS = frozenset(["and", "for", "of", "&"])
# A title and its portfolio before a name: "Minister for Trade ", "Leader of the ".
TITLE_BEFORE = re.compile(
    r"\b(?i:minister|secretary|leader|president|chairman|chairwoman|chair|director|head|"
    r"commissioner|governor|speaker)\s+(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,3}$"
)
_AFTER_TITLE_JOINER = re.compile(r"\b(?:and|for|of|&)\s+(?:the\s+)?$")
# Prepositions that carry a title on over the name of what it heads:
# "President of the European Council António Costa".
_TITLE_COMPLEMENTS = frozenset(["of", "for"])


def name_start_of(words: list[str], lower_words: list[str]) -> int:
    """Where the name begins: the trailing run of name words that are no
    titles, particles included ("Bill de Blasio"), after an honorific."""
    name_start = len(words)
    while name_start > 0:
        word = words[name_start - 1]
        lower = lower_words[name_start - 1]
        if lower in NAME_PARTICLES and name_start < len(words):
            name_start -= 1
            if name_start >= 1:
                before = words[name_start - 1]
                if (_name_word(before) and not _title_word(before.lower())) or before.lower() in (
                    NAME_PARTICLES
                ):
                    continue  # "Bill de Blasio", "Ursula von der Leyen"
            break  # "Mayor de Blasio", "de Blasio"
        if not _name_word(word) or lower in DETERMINERS:
            break
        if _title_word(lower) and not _surname_like_a_title(words, lower_words, name_start - 1):
            break
        name_start -= 1
    if name_start == 0 and lower_words[0] in NAME_PARTICLES:
        return name_start
    while len(words) - name_start >= 3 and affiliation_before_given(
        lower_words[name_start], words[name_start + 1]
    ):
        name_start += 1
    # After "<title> of/for <Body>" the body's words run into the name; a name
    # keeps its last two words (and the particles among them).
    if len(words) - name_start > 2 and any(
        word in _TITLE_COMPLEMENTS for word in lower_words[max(0, name_start - 4) : name_start]
    ):
        kept = 0
        position = len(words)
        while position > name_start and kept < 2:
            position -= 1
            if lower_words[position] not in NAME_PARTICLES and len(lower_words[position]) > 1:
                kept += 1
        name_start = position
    return name_start


def affiliation_before_given(lower: str, following: str) -> bool:
    """ "Republican Ana Lind", "Rival Tom Berg": a party or a relation printed
    before a given name is what the person is, not part of their name. Only
    before a known given name: the same words open names of bodies
    ("Republican National Committee")."""
    return lower in AFFILIATIONS and bool(gender_of_given_name(following))


def _surname_alone(word: str, lower: str) -> bool:
    return lower in SURNAMES_LIKE_TITLES and word[:1].isupper() and word[1:].islower()


def _surname_like_a_title(words: list[str], lower_words: list[str], index: int) -> bool:
    """A title word that ends a name after a given name: "Stephen King",
    "Julie Bishop", "Ella Judge" (a middle name between them too: "Ana
    Lucia Mayor"), or after an honorific ("Mr. Singer"); never "Prime
    Minister" or "Head Coach"."""
    if index != len(words) - 1 or index == 0:
        return False
    if lower_words[index - 1].rstrip(".") in HONORIFICS:
        return True  # "Mr. Singer"
    for given in (index - 1, index - 2):
        if given < 0 or not gender_of_given_name(words[given]):
            continue
        between = range(given + 1, index)
        if all(_name_word(words[i]) and not _title_word(lower_words[i]) for i in between):
            return True
    return False


def _demonym_person(word: str) -> bool:
    """ "Dutchman", "Frenchwoman", "Welshman": a person of a people."""
    return word.endswith(("man", "woman")) and len(word) > 6 and word[:1].isupper()


def _possessor_end(words: list[str]) -> int | None:
    """Index of the last possessive ("University's") followed by capitalised words."""
    for index in range(len(words) - 2, -1, -1):
        if words[index].endswith(("'s", "’s")) and _is_capitalised(words[index + 1]):
            return index
    return None


def words_before(text: str, tokens: list[tuple[int, int, str]], first: int, last: int) -> str:
    """The owner before a possessive, as a role: "Iowa State University"."""
    owner = text[tokens[first][0] : tokens[last][1]]
    return _strip_determiner(owner.removesuffix("'s").removesuffix("’s"))


def _name_of_affiliation(
    text: str,
    tokens: list[tuple[int, int, str]],
    first: int,
    words: list[str],
    lower_words: list[str],
    end: int,
) -> Mention | None:
    """ "Mara Quist of the Harbour Review": the person is the name before "of".

    Only for a full name (two name words or more, none a word of a body) or
    a surname after an honorific ("Mr. Aho of Lenox"), so "Secretary of
    State Blinken" and "Bank of England" keep their usual reading.
    """
    if "of" not in lower_words:
        return None
    k = lower_words.index("of")
    # The name is the run of name words just before "of", after its titles:
    # "Council member Nils Aho of North Quay" is Nils Aho, "House Speaker Ola
    # Berg of Vestfold" Ola Berg, "Mr. Aho of Lenox" Aho.
    begin = name_start_of(words[:k], lower_words[:k]) if k else 0
    before = lower_words[begin:k]
    titled = begin > 0 and lower_words[begin - 1].rstrip(".") in HONORIFICS
    if (
        k - begin < (1 if titled else 2)
        or any(word in GOVERNMENT_WORDS or word in ORGANISATION_WORDS for word in before)
        or " ".join(before) in CAPITALS
        or is_place(" ".join(words[begin:k]))
    ):
        return None
    start, name_end = tokens[first + begin][0], tokens[first + k - 1][1]
    name = text[start:name_end]
    after_of = text[tokens[first + k][1] : end].strip()
    role = _strip_determiner(after_of) or None
    titles = [word for word in words[:begin] if word.lower().rstrip(".") not in HONORIFICS]
    if titles:
        role = " ".join(filter(None, [_strip_determiner(" ".join(titles)), role]))
    return Mention(name, start, name_end, SpeakerKind.PERSON, name, role)


def _body_name(phrase: str) -> str:
    """'the Kremlin' keeps its article; a possessive tail ("Kremlin's") is dropped."""
    return phrase.replace("’s", "").replace("'s", "").strip()


# Words that open an introductory phrase ("Last September, Beck called ..."),
# never a subject.
_INTRODUCERS = frozenset(
    """
        last this next earlier later on in at by after before during since until
        specifically meanwhile however still yet also instead indeed asked speaking
        writing separately previously recently initially finally ultimately
        in-person overall already once with amid despite unlike
    """.split()
)


# Adverbs that make an opening phrase of their own before a comma ("First,
# she ...", "Likewise, the union ..."), capitalised as they open a sentence.
_OPENING_ADVERBS = frozenset(
    """
        first second third fourth today tomorrow yesterday tonight now then again
        likewise together otherwise thus hence therefore nevertheless besides
        furthermore plus elsewhere afterward afterwards soon
    """.split()
)
_DEGREE = frozenset(["more", "most", "less", "least", "perhaps", "quite", "even"])
# "Ever since ...", "Even if ...", "Only when ...": a subordinate clause opens.
_CLAUSE_LEADS = frozenset(["ever", "even", "only", "just", "long"])


_CONJUNCTIONS = frozenset(["but", "and", "so", "yet"])
# "A few days later,", "Two weeks earlier,": a time phrase ends with them.
_TIME_AFTER = frozenset(["later", "earlier", "afterward", "afterwards", "before"])
# "Soon after the ferry left,": a clause inside the opening phrase.
_SUBORDINATORS = frozenset(
    ["after", "before", "when", "while", "since", "because", "although", "though", "until"]
)


# Words that open a clause or phrase of its own before the sentence's subject,
# whose verbs are not the subject's: "With the vote near, ...", "When the
# ferry sank, ...", "Even if Holt fails, ..."; not "As Holt put it, ...",
# which attributes what follows.
_CLAUSE_OPENERS = _SUBORDINATORS | frozenset(
    ["with", "if", "once", "amid", "despite", "following", "unlike", "whereas"]
)


_PREPOSITIONS = frozenset(
    """
        in on at after before during since until by for with from despite while
        when as although though because if unlike like amid among under over
    """.split()
)


_YEAR = re.compile(r"(?:1[89]|20)\d\d")


def _past_introduction(tokens: list[tuple[int, int, str]]) -> int:
    """Where the subject starts after an introductory phrase and its comma.

    "On Monday, Lind grumbled", "Frankly, he thought", "Two years ago,
    the skipper said": the phrase opens with an introducer, a date word or
    an -ly adverb, and ends at a comma within six tokens.
    """
    if len(tokens) < 2:
        return 0
    if tokens[0][2].lower() in _CONJUNCTIONS:
        # "But two weeks on, Lind ...": the conjunction opens the phrase.
        skipped = _past_introduction(tokens[1:])
        return skipped + 1 if skipped else 0
    opener = tokens[0][2].lower()
    participle = opener.endswith("ing") and not _is_capitalised(tokens[1][2])
    clause = opener in _CLAUSE_LEADS and tokens[1][2].lower() in _CLAUSE_OPENERS
    # A prepositional or participle opener may run long: "In a short video for
    # the choir's website, Vass sings", "Speaking to Radio North on Friday, Holt".
    long_opener = opener in _PREPOSITIONS or opener in _INTRODUCERS or participle or clause
    reach = 20 if long_opener else 7
    for position in range(1, min(len(tokens), reach)):
        if tokens[position][2] != ",":
            continue
        if position + 1 < len(tokens) and tokens[position + 1][0] == tokens[position][1]:
            continue  # "1,500": a separator, not the end of a phrase
        words = [token[2].lower() for token in tokens[:position]]
        if (
            opener in _INTRODUCERS
            or opener.endswith("ly")
            or participle
            or clause
            or (opener in _CLAUSE_OPENERS and _opens_subject(tokens, position + 1))
            or (position == 1 and opener in _OPENING_ADVERBS)
            # "More importantly,", "Most recently,": an adverb closes it.
            or (position == 2 and opener in _DEGREE and _is_adverb(tokens[1][2]))
            or any(word in WEEKDAYS or word in MONTHS for word in words)
            or "ago" in words
            or words[-1] in _TIME_AFTER
            or not _SUBORDINATORS.isdisjoint(words[1:])
            or any(word.isdigit() for word in words)
        ):
            after = position + 1
            if (
                after + 1 < len(tokens)
                and _YEAR.fullmatch(tokens[after][2])
                and tokens[after + 1][2] == ","
            ):
                after += 2  # "On May 2, 2031, Holt said"
            return after
        return 0
    return 0


def opening_clause_end(text: str, sentence_start: int, limit: int) -> int:
    """Where a sentence's subject starts past an opening clause ("With leaders
    worried about ..., Lind ...", "Ever since Aho left, she ..."), or
    ``sentence_start`` where it opens otherwise."""
    # Its first three words tell whether an opening clause is there at all
    # (most sentences have none): the whole lead is tokenised only where one is.
    head = [match[0] for match in islice(TOKEN.finditer(text, sentence_start, limit), 3)]
    opener = 1 if head and head[0].lower() in _CONJUNCTIONS else 0
    if opener >= len(head) - 1:
        return sentence_start
    word = head[opener].lower()
    if not (
        word in _CLAUSE_OPENERS
        or (word in _CLAUSE_LEADS and head[opener + 1].lower() in _CLAUSE_OPENERS)
    ):
        return sentence_start
    tokens = [(m.start(), m.end(), m[0]) for m in TOKEN.finditer(text, sentence_start, limit)]
    first = _past_introduction(tokens)
    if not first or not _opens_subject(tokens, first):
        return sentence_start
    return tokens[first][0]


def _opens_subject(tokens: list[tuple[int, int, str]], index: int) -> bool:
    """Whether a subject may start at ``index``: not past the end ("When Holt
    used the words, "...""), nor on a participle ("While Holt, speaking for
    the board, laid out ...", where the comma was an appositive's)."""
    if index >= len(tokens):
        return False
    word = tokens[index][2]
    return _is_capitalised(word) or word.lower() in PRONOUNS or word.lower() in DETERMINERS


def _phrase_forwards(tokens: list[tuple[int, int, str]], first: int) -> int:
    """The last token of the speaker phrase that starts at ``first`` (``first
    - 1`` where none does), read forwards over words a phrase may hold."""
    last = first - 1
    position = first
    while position < len(tokens):
        if not _word_ok(tokens[position][2]):
            title = _title_after_owner(tokens, position)
            if title is None:
                break
            position = title  # "Norway's fisheries minister ..."
        last = position
        position += 1
    return last


def _title_after_owner(tokens: list[tuple[int, int, str]], position: int) -> int | None:
    """The title after a possessive and one or two lower-case modifiers,
    read forwards: the position of "minister" in "Norway's fisheries minister"."""
    if position == 0 or not tokens[position - 1][2].endswith(("'s", "’s")):
        return None
    for title in (position + 1, position + 2):
        if title >= len(tokens):
            return None
        if not _lower_case_words(tokens[position:title]):
            return None
        if _title_word(tokens[title][2].lower()):
            return title
    return None


@functools.lru_cache(maxsize=64)
def sentence_subject(text: str, sentence_start: int, limit: int) -> Mention | None:
    """The phrase that opens a sentence, taken as its subject ("Holt ..., saying")."""
    tokens = [(m.start(), m.end(), m[0]) for m in TOKEN.finditer(text, sentence_start, limit)]
    first = _past_introduction(tokens)
    while first and (more := _past_introduction(tokens[first:])):
        first += more  # "More importantly, a week before the vote, she ..."
    while first < len(tokens) and tokens[first][2].lower() in CAPITALISED_STOPS:
        first += 1
        if first < len(tokens) and tokens[first][2] == ",":
            first += 1
    if first >= len(tokens):
        return None
    pronoun = _pronoun(tokens[first])
    if pronoun is not None:
        return pronoun
    last = _phrase_forwards(tokens, first)
    if last < first:
        return None
    mention = _make_mention(text, tokens, first, last)
    if mention is not None and (
        mention.kind is not SpeakerKind.PERSON or mention.text.lower().startswith("the ")
    ):
        # "The Chinese premier, Zhao Minghui, who ...", "The head of the River
        # Board, Ana Ruiz, ...": the name after the role (or the body's head).
        return _appositive_name(text, tokens, mention) or mention
    return mention
