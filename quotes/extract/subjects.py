"""Who is the subject of a verb of saying, in the shapes several rules share:
participles, coordinated verbs, appositives, relative clauses, issuers of letters."""

from __future__ import annotations

import re

from quotes.extract.article import last_before, stripped_end, word_count
from quotes.extract.cues import CUE, INDIRECT_VERBS, QUOTE_MARK
from quotes.extract.full_names import full_name_before
from quotes.extract.lexicon import (
    OBJECT_TAKING,
    PARTICIPLE_CUES,
    PERSONAL_PRONOUNS,
    PRONOUNS,
    SPEECH_VERBS,
)
from quotes.extract.mentions import Mention, sentence_subject, subject_after, subject_before
from quotes.extract.model import SpeakerKind

_RELATIVE_PRONOUN = re.compile(r"\b(?:what|which|that|who|whom)\s+$")


_DASHES = ("-", "—", "–", "―")


_PRONOUN_BEFORE = re.compile(r"\b(he|she|they|we|I)\s+$")


def relative_antecedent(text: str, sentence_start: int, mention: Mention) -> Mention:
    """ "Ines Duarte praised the new ferry, which she called "long overdue"": the
    pronoun of the relative clause speaks, and it stands for the sentence's
    named subject (a person: "he" or "she", never "they").

    After "what" ("Duarte praised what she called a "long overdue" ferry",
    "It denounced what it calls a "stunt""), the pronoun's words are a phrase
    of the subject's own sentence, whose subject is the speaker as printed,
    a name or the same pronoun."""
    lower = mention.text.lower()
    relative = _RELATIVE_PRONOUN.search(text, sentence_start, mention.start)
    if relative is None or lower not in PRONOUNS:
        return mention
    named = sentence_subject(text, sentence_start, mention.start)
    if named is None or named.start >= mention.start:
        return mention
    # Not after a dash: "Lind was blunt - what she called ..." is an aside of
    # its own, printed with its own pronoun.
    nominal = relative[0].startswith("what") and last_before(text, relative.start()) not in _DASHES
    if named.is_pronoun:
        return named if nominal and named.text.lower() == lower else mention
    if lower not in PERSONAL_PRONOUNS or named.kind is not SpeakerKind.PERSON:
        return mention
    return mention._replace(antecedent=named, printed=nominal)


def opening_report(
    text: str, sentence_start: int, cues: list[re.Match[str]]
) -> tuple[Mention, re.Match[str]] | None:
    """ "She added that the vote seems ..., because, "...": where the sentence
    opens with its speaker and a speech verb, the later verbs are reported
    speech, not the quote's own."""
    if len(cues) < 2 or cues[0][0] not in SPEECH_VERBS:
        return None
    subject = subject_before(text, cues[0].start(), sentence_start) or appositive_subject(
        text, sentence_start, cues[0].start()
    )
    if subject is None or subject.kind is SpeakerKind.DESCRIPTION:
        return None
    opener = text[sentence_start : subject.start].strip()
    if opener and not opener.endswith(","):
        return None  # "With a shrug, Aho told ..." opens with its speaker too
    return subject, cues[0]


def pronoun_before(text: str, cue_start: int) -> Mention | None:
    """ "which she called "a scandal"": the pronoun right before the verb, even in a
    relative clause, where a reported clause would not take it."""
    found = _PRONOUN_BEFORE.search(text, max(0, cue_start - 6), cue_start)
    if found is None:
        return None
    return Mention(found[1], found.start(1), found.end(1), SpeakerKind.UNKNOWN, found[1])


def known_person(text: str, mention: Mention) -> bool:
    """A full name, a titled name ("Mayor Holt"), or a surname met earlier
    after a first name: not just any capitalised word that opens a sentence
    ("Though", "Florida")."""
    if mention.kind is not SpeakerKind.PERSON:
        return False
    words = mention.name.split()
    if len(words) >= 2 or mention.role is not None:
        return True
    return full_name_before(text, words[0], mention.start) is not None


_ISSUED = frozenset(
    """
        statement release ad ads email e-mail letter video website tweet memo message
    """.split()
)


def issuer(
    text: str, cue: re.Match[str], sentence_start: int, mention: Mention | None
) -> Mention | None:
    """ "The club sent a letter saying ...": what a statement, ad or
    letter says, its issuer says; the issuer is the sentence's subject."""
    if (
        mention is None
        or cue[0] not in PARTICIPLE_CUES
        or mention.kind is not SpeakerKind.DESCRIPTION
        or mention.text.split()[-1].lower() not in _ISSUED
    ):
        return mention
    issuer = _issuing_subject(text, sentence_start, mention.start) or sentence_subject(
        text, sentence_start, mention.start
    )
    if issuer is None or issuer.end > mention.start:
        return mention
    return issuer


# The verb that issues the statement, right before it: "issued", "sent out".
_ISSUING = re.compile(r"\b[a-z]+(?:\s+(?:out|up))?\s+$")


def _issuing_subject(text: str, sentence_start: int, issued_start: int) -> Mention | None:
    """ "After a short meeting, the harbour board issued a statement": the
    subject of the verb that issued it, however the sentence opens."""
    verb = _ISSUING.search(text, max(sentence_start, issued_start - 20), issued_start)
    if verb is None:
        return None
    subject = subject_before(text, verb.start(), sentence_start)
    if subject is None or subject.text.split()[-1].lower() in _ISSUED:
        return None  # "a letter sent a message": not who sent it
    return subject


def participle_subject(text: str, cue: re.Match[str], sentence_start: int) -> Mention | None:
    """ "Other skippers repeated the warning, saying ...": a participle after a
    comma (or "while") reports for the sentence's subject."""
    if cue[0] not in PARTICIPLE_CUES:
        return None
    lead = text[sentence_start : cue.start()].rstrip()
    if not (lead.endswith(",") or lead.endswith((" while", ", while"))):
        return None
    subject = (
        reporter_after_quote(text, sentence_start, cue.start())
        or sentence_subject(text, sentence_start, cue.start())
        or _first_reporter(text, sentence_start, cue.start())
    )
    if subject is None or subject.start >= cue.start():
        return None
    return subject


def reporter_after_quote(text: str, sentence_start: int, cue_start: int) -> Mention | None:
    """'"The pier is rotten," Berg said, adding that ...' / '..., said Berg,
    adding ...': after a quote, the participle goes on for the speaker of the
    quote's own attribution."""
    marks = list(QUOTE_MARK.finditer(text, sentence_start, cue_start))
    if not marks:
        return None
    closing = marks[-1]
    verb = CUE.search(text, closing.end(), cue_start)
    if verb is None or verb[0] not in SPEECH_VERBS:
        return None
    between = text[closing.end() : verb.start()]
    if not between.strip():
        # '"...," said Berg, adding'; after "told" stands whom it was told to.
        return None if verb[0] in OBJECT_TAKING else subject_after(text, verb.end(), cue_start)
    if word_count(between) > _ATTRIBUTION_WORDS:
        return None  # 'who called it "absurd," told the board ...': no attribution of the quote
    return subject_before(text, verb.start(), closing.end())


def reporter_before_participle(text: str, sentence_start: int, cue_start: int) -> Mention | None:
    """ "The board meets next week, Berg said, adding, "...": the participle
    goes on for the subject of the verb of saying just before its comma, not
    for the sentence's subject."""
    lead_end = stripped_end(text, cue_start)
    if lead_end <= sentence_start or text[lead_end - 1] != ",":
        return None
    cues = list(CUE.finditer(text, sentence_start, lead_end - 1))
    verb = cues[-1] if cues else None
    if verb is None or verb[0] not in SPEECH_VERBS or text[verb.end() : lead_end - 1].strip():
        return None
    if text[stripped_end(text, verb.start()) - 2 : verb.start()].rstrip() in ("'s", "’s"):
        return None  # "shrugged off Lind's comments, telling ...": a noun, not a verb
    return subject_before(text, verb.start(), sentence_start)


# The most words of a speaker before its verb in a quote's attribution
# ('," veteran harbour pilot Ilse Brandt of Tartu said').
_ATTRIBUTION_WORDS = 8


def _first_reporter(text: str, sentence_start: int, cue_start: int) -> Mention | None:
    """ "The port authority rejected the offer, saying ...": the subject of the
    sentence's first verb of saying, which may be described (the sentence's
    subject is found for names and bodies only)."""
    first = CUE.search(text, sentence_start, cue_start)
    if first is None or QUOTE_MARK.search(text, sentence_start, first.start()):
        return None
    return subject_before(text, first.start(), sentence_start)


_SUBJECT_STOPS = frozenset(
    """
        that which who whom what whether if when where while because as than it
        there this these those is was are were be been has have had not to do does did
    """.split()
)


_QUANTITIES = frozenset(
    "most many some few half all both several nearly about more fewer majority".split()
)


def whole_subject(text: str, cue: re.Match[str], sentence_start: int) -> Mention | None:
    """ "Each side said ...", "Two-in-three club members said ...": a short
    subject the phrase rules do not know, taken whole when all that stands
    between the sentence's start and a plain speech verb is a few words."""
    if cue[0] not in INDIRECT_VERBS or cue[0] in PARTICIPLE_CUES:
        return None
    start = sentence_start
    comma = text.rfind(", ", sentence_start, cue.start())  # not the comma of "1,500"
    if comma != -1 and word_count(text[sentence_start:comma]) <= 8:
        start = comma + 1  # "In May, 41 percent said": past the opening phrase
    while start < cue.start() and not text[start].isalnum():
        start += 1
    end = cue.start()
    while end > start and text[end - 1].isspace():
        end -= 1
    phrase = text[start:end]
    words = phrase.split()
    if not 1 <= len(words) <= 6:
        return None
    if not (words[0][:1].isupper() or words[0][:1].isdigit() or words[0] in _QUANTITIES):
        return None
    if any(mark in phrase for mark in ',;:()"“”—–') or phrase.endswith("."):
        return None
    if any(word.lower().strip(".") in _SUBJECT_STOPS for word in words):
        return None
    if words[-1].lower() in ("and", "but", "or"):
        return None  # "... deemed 1,500 pages private and says": no subject here
    return Mention(phrase, start, end, SpeakerKind.DESCRIPTION, phrase)


def coordinated_subject(text: str, sentence_start: int, cue_start: int) -> Mention | None:
    """ "Holt has rejected both reports, but says ...": the sentence's subject
    is the subject of a verb coordinated after "but" or "and"."""
    lead = text[sentence_start:cue_start].rstrip()
    if not lead.endswith((" but", " and", ",but", ", but", ", and")):
        return None
    subject = sentence_subject(text, sentence_start, cue_start)
    if subject is None or subject.kind is SpeakerKind.DESCRIPTION:
        # "The port authority blamed ... and said ...": the first verb's subject.
        return _first_reporter(text, sentence_start, cue_start)
    return subject


_OF_PLACE = re.compile(r"\s+of\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*")


def appositive_subject(text: str, sentence_start: int, cue_start: int) -> Mention | None:
    """ "Rep. Nils Aho, R-Minn., a first-term member, said ...": the subject
    opens the sentence and a comma-fenced appositive stands before the verb."""
    if not text[sentence_start:cue_start].rstrip().endswith(","):
        return None
    subject = sentence_subject(text, sentence_start, cue_start)
    if subject is None:
        return None
    after = subject.end
    affiliation = _OF_PLACE.match(text, after, cue_start)
    if affiliation is not None:
        after = affiliation.end()  # "Mayor Ana Ruiz of Vigo, whose ...,": her place
    if text[after : after + 1] != ",":
        return None
    if word_count(text[subject.end : cue_start]) > 25:
        return None
    return subject
