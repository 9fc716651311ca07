"""Interview transcripts.

In "Q: ... / A: ..." turns (rule interview_answer) an answer is the verbatim
word of the person the introduction says was interviewed ("Lotte Brandsma
... She spoke to the Gazette on Monday", "in an interview with Lotte
Brandsma"); a question is nobody's statement: the interviewer is no
newsmaker, and a question must never become the interviewee's. Where the
introduction names no one interviewed, or names two, the answers are left
alone: nothing is guessed.

In "Name: ..." turns (rule label_colon, quotes.extract.labels) every turn is
the named person's own words; those of the one who asks are marked as
questions (rule interview_question), still under the name printed.
"""

from __future__ import annotations

import re

from quotes.extract.article import Article, clause_end, word_count
from quotes.extract.found import Found
from quotes.extract.given_names import gender_of_given_name
from quotes.extract.mentions import Mention, sentence_subject, subject_after, subject_before
from quotes.extract.model import QuoteKind, SpeakerKind
from quotes.extract.quotation import QuoteSpan

# A turn's label opening a paragraph: group 1 a question's, group 2 an answer's.
_TURN = re.compile(
    r"[^\S\n]*(?:(Q|Question|QUESTION|Interviewer|INTERVIEWER)|(A|Answer|ANSWER))"
    r"[^\S\n]*:[^\S\n]*(?=\S)"
)
# Labels no paragraph of a transcript does without; looked for first, so an
# article with none costs one search (for its capital A, a literal re scans
# for fast).
_ANSWER_LABEL = re.compile(r"A:|Answer:|ANSWER:")
# A transcript has at least this many questions and as many answers.
_MIN_TURNS = 2
# A transcript of named turns has at least this many.
_MIN_NAMED_TURNS = 3
# How many paragraphs before the first turn may introduce the interviewee.
_INTRODUCTION_PARAGRAPHS = 3

# What says who was interviewed: "X spoke to the Gazette", "she talked with
# us", "X told the Gazette in an interview", "X said in an interview" (the
# subject before it) and "in an interview with X", "Q&A with X" (after it).
_INTERVIEWED = re.compile(
    r"\b(?:spoke|talked)\s+(?:to|with)\b"
    r"|\b(?:told\s+[^.\n]{1,60}?|said\s+)in\s+an\s+interview\b"
    r"|\b(?:[Ii]nterview|Q&A|conversation)\s+with\s+(?=[A-Z])"
)

# "X and Y spoke to", "X, Y and Z talked with": more than one interviewed.
_JOINT = re.compile(r"(?:,|\band|&)[^\S\n]*$")

# ", 52, a harbour engineer, " between a subject and its verb.
_APPOSITION = re.compile(r",[^,.;:\n]{1,80},[^\S\n]*(?:[^,.;:\n]{1,80},[^\S\n]*)?")


def interview_answer(article: Article, quotations: list[tuple[QuoteSpan, ...]]) -> list[Found]:
    """The answers of a "Q:"/"A:" transcript, each the interviewee's; the
    questions give nothing (the quotations play no part)."""
    text = article.text
    if _ANSWER_LABEL.search(text) is None:
        return []
    questions: list[int] = []
    answers: list[re.Match[str]] = []
    # Paragraphs with no label after an answer, before the next turn: the
    # answer goes on ("A: From farming first. / The second source is ...").
    following: dict[int, list[int]] = {}
    answering: int | None = None  # the answer the paragraphs go on with
    last_turn = 0
    for start in article.paragraph_starts:
        turn = _TURN.match(text, start)
        if turn is None:
            if answering is not None:
                following.setdefault(answering, []).append(start)
            continue
        last_turn = start
        if turn[1] is not None:
            questions.append(start)
            answering = None  # a question's own paragraphs stay nobody's
        else:
            answers.append(turn)
            answering = turn.start()
    if len(questions) < _MIN_TURNS or len(answers) < _MIN_TURNS:
        return []
    interviewee = _interviewee(article, min(questions[0], answers[0].start()))
    if interviewee is None:
        return []
    found = []
    for turn in answers:
        label_end = turn.start(2) + len(turn[2])
        # Only paragraphs a later turn closes: those after the last answer may
        # be the story's own (a note, the author's line).
        paragraphs = [turn.end()] + [
            start for start in following.get(turn.start(), []) if start < last_turn
        ]
        for content_start in paragraphs:
            content_end = clause_end(text, content_start, article.paragraph_end(content_start))
            if word_count(text[content_start:content_end]) < 2:
                continue
            found.append(
                Found(
                    content_start,
                    content_end,
                    QuoteKind.DIRECT,
                    interviewee,
                    (turn.start(2), label_end + 1),
                    0.6,
                )
            )
    return found


def interview_question(article: Article, found: list[Found]) -> list[Found]:
    """In a transcript of "Name: text" turns between two people, every turn
    is verbatim; the turns of the one who asks (most of whose turns end in a
    question mark, where the other's mostly do not) are questions."""
    turns = [item for item in found if item.rule == "label_colon" and item.mention is not None]
    if len(turns) < _MIN_NAMED_TURNS:
        return []
    by_speaker: dict[str, list[Found]] = {}
    for item in turns:
        assert item.mention is not None
        by_speaker.setdefault(item.mention.name.split()[-1].lower(), []).append(item)
    if len(by_speaker) != 2:
        return []
    text = article.text
    asking = [
        items
        for items in by_speaker.values()
        if 2 * sum(text[item.start : item.end].endswith("?") for item in items) > len(items)
    ]
    if len(asking) != 1:
        return []
    for item in turns:
        item.kind = QuoteKind.DIRECT
    return asking[0]


def question_turn(text: str, paragraph: int) -> bool:
    """Whether the paragraph at ``paragraph`` opens with a question's label."""
    turn = _TURN.match(text, paragraph)
    return turn is not None and turn[1] is not None


def _interviewee(article: Article, first_turn: int) -> Mention | None:
    """The one person the paragraphs before the transcript say was interviewed."""
    text = article.text
    start = first_turn
    for _ in range(_INTRODUCTION_PARAGRAPHS):
        if start <= 0:
            break
        start = article.paragraph_start(start - 1)
    named: list[Mention] = []
    for said in _INTERVIEWED.finditer(text, start, first_turn):
        sentence = article.sentence_start(said.start())
        if said[0].endswith(" "):  # "... with X": the person after it
            mention = subject_after(text, said.end(), article.sentence_end(said.end()))
            if mention is not None and text[said.end() : said.end() + 4].lower() == "the ":
                mention = None  # "in an interview with the Gazette": the outlet
        else:
            mention = subject_before(text, said.start(), sentence)
            if mention is None or not _full_name(mention):
                # "Lotte Brandsma, 52, a harbour engineer, spoke to": the
                # sentence's subject, the apposition set off by commas.
                subject = sentence_subject(text, sentence, said.start())
                if subject is not None and _APPOSITION.fullmatch(text, subject.end, said.start()):
                    mention = subject
            if mention is not None and _JOINT.search(text, sentence, mention.start):
                return None  # "Brandsma and Hals spoke to us": which one answers, no label says
            if mention is not None and mention.text.lower() in ("he", "she"):
                mention = _named_before(article, start, sentence, mention.text.lower())
        if mention is not None and _full_name(mention):
            named.append(mention)
    if not named or any(mention.name != named[0].name for mention in named):
        return None
    return named[0]


def _named_before(article: Article, floor: int, position: int, pronoun: str) -> Mention | None:
    """Whom "she" in "She spoke to us" stands for: the subject of the nearest
    sentence before it in the introduction that opens with a person of that
    gender (or of a given name the project does not know)."""
    wanted = "f" if pronoun == "she" else "m"
    while position > floor:
        start = article.sentence_start(position - 1)
        subject = sentence_subject(article.text, start, position)
        if subject is not None and _full_name(subject):
            gender = gender_of_given_name(subject.name.split()[0])
            return subject if gender in (None, wanted) else None
        position = start
    return None


def _full_name(mention: Mention) -> bool:
    """A person named with a given name and a surname: never a body, a
    description, a pronoun or a surname alone."""
    return mention.kind is SpeakerKind.PERSON and len(mention.name.split()) >= 2
