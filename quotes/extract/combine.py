"""Putting the direct quotes and the reported clauses together into one list."""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import replace

from quotes.extract.article import Article, blank, clause_end, fewer_words, stripped_start
from quotes.extract.cues import SHORT_FRAGMENT_WORDS
from quotes.extract.found import Found
from quotes.extract.lexicon import SPEECH_VERBS
from quotes.extract.mentions import Mention
from quotes.extract.model import QuoteKind, SpeakerKind


class _Near:
    """The quotes that may touch a range, found by bisection: comparing every
    clause with every quote grows with the square of a long article's length."""

    def __init__(self, found: list[Found]) -> None:
        self.order = sorted(range(len(found)), key=lambda index: found[index].start)
        self.starts = [found[index].start for index in self.order]
        # The furthest end so far, in order of start: it only grows, so the first
        # quote that may still reach a position is found by bisection too.
        self.reach = list(itertools.accumulate((found[i].end for i in self.order), max))

    def around(self, start: int, end: int) -> list[int]:
        """Indexes (ascending) of every quote that ends after ``start`` or starts
        at or after it, and starts no later than ``end``."""
        first = min(bisect.bisect_right(self.reach, start), bisect.bisect_left(self.starts, start))
        last = bisect.bisect_right(self.starts, end)
        return sorted(self.order[first:last])


def combine(article: Article, direct: list[Found], indirect: list[Found]) -> list[Found]:
    """Merge the direct quotes and reported clauses: a quoted fragment inside
    reported speech is one partial quote, and a clause inside another by the
    same speaker is dropped or cut."""
    result: list[Found] = []
    used: set[int] = set()
    near = _Near(direct)
    for clause in indirect:
        inner = [
            index
            for index in near.around(clause.start, clause.end + 1)
            if direct[index].start >= clause.start and direct[index].end <= clause.end + 1
        ]
        split, inner = _split_at_own_cue(article, clause, inner, direct)
        if split is None:
            continue
        clause = split
        overlapping = [
            index
            for index in near.around(clause.start, clause.end + 1)
            if direct[index].start < clause.end
            and direct[index].end > clause.start
            and index not in inner
        ]
        if overlapping:
            continue  # the quote marks are the better evidence
        if (
            clause.rule == "according_to"
            and clause.cue is not None
            and clause.cue[0] >= clause.end
            and any(_attributed_within(direct[index], clause) for index in inner)
        ):
            # '"...," Holt told the board, according to the Gazette': Holt
            # said it; the Gazette, named after it all, only reports that she did.
            continue
        if inner:
            used.update(inner)
            merged = replace(
                clause,
                kind=QuoteKind.PARTIAL,
                end=max(clause.end, max(direct[i].end for i in inner)),
            )
            outer = _enclosing_report(clause, [direct[i] for i in inner])
            if outer is not None:
                merged = replace(merged, mention=outer.mention, cue=outer.cue)
            result.append(merged)
            continue
        result.append(clause)
    for index, quote in enumerate(direct):
        if index in used:
            continue
        if quote.mention is None and quote.kind is QuoteKind.PARTIAL:
            continue  # scare quotes: no speaker, not a statement
        result.append(quote)
    result.sort(key=lambda found: found.start)
    # Drop clauses contained in another (a "said" inside a longer reported clause).
    pruned: list[Found] = []
    for found in result:
        if (
            pruned
            and found.start >= pruned[-1].start
            and found.end <= pruned[-1].end
            and _same_speaker(found.mention, pruned[-1].mention)
        ):
            outer = _cut_before(article, pruned[-1], found)
            if outer is None:
                continue
            pruned[-1] = outer
        pruned.append(found)
    return pruned


_LIST_GAP = re.compile(r"[^.!?\n\"“”«»„]{0,40}")


def join_lists(article: Article, found: list[Found]) -> list[Found]:
    """'Holt called Berg a "reckless skipper" who is "never on time," a
    "menace" and "lazy."': fragments listed after one verb are one statement,
    not five of a word or two each."""
    joined: list[Found] = []
    for item in found:
        last = joined[-1] if joined else None
        if (
            last is not None
            and item.kind is QuoteKind.PARTIAL
            and last.kind is QuoteKind.PARTIAL
            and item.cue is not None
            and item.cue == last.cue
            and _same_speaker(item.mention, last.mention)
            and _LIST_GAP.fullmatch(article.text, last.end, item.start) is not None
        ):
            joined[-1] = replace(last, end=item.end, pieces=last.pieces + item.pieces)
            continue
        joined.append(item)
    return joined


def _attributed_within(quote: Found, clause: Found) -> bool:
    """Whether the quote's own speaker and verb stand inside the clause."""
    return (
        quote.mention is not None
        and quote.cue is not None
        and clause.start <= quote.cue[0] < clause.end
    )


def _enclosing_report(clause: Found, quotes: list[Found]) -> Found | None:
    """ "Ivers told the mayor that if he wants the pier, "come and take it."": the
    quote's own verb comes before the clause's, so the clause is part of what
    the quote's speaker said."""
    for quote in quotes:
        if (
            quote.mention is not None
            and quote.cue is not None
            and clause.cue is not None
            and quote.cue[0] < clause.start
            and quote.cue[0] < clause.cue[0]
        ):
            return quote
    return None


_SEPARATOR = re.compile(r"\s*(?:--|[—–:])\s*$")


_JOINER = re.compile(r"(?:,?\s*(?:but|and|then)\s*|,\s*)$")


def _split_at_own_cue(
    article: Article, clause: Found, inner: list[int], direct: list[Found]
) -> tuple[Found | None, list[int]]:
    """ "it was too soon to name a winner but added, "I think ..."": a
    whole quotation with its own verb inside a reported clause is a second
    statement; the clause ends before that verb."""
    text = article.text
    clause_cue = clause.cue[0] if clause.cue else clause.start
    for index in inner:
        quote = direct[index]
        own_verb = True  # the clause ends at the quote's own attribution
        if fewer_words(text[quote.start : quote.end], SHORT_FRAGMENT_WORDS):
            attribution = _own_attribution(text, clause_cue, quote)
            if attribution is None:
                continue
            opening = _SUBORDINATE_OPENING.match(
                text, stripped_start(text, article.sentence_start(clause.start), len(text))
            )
            if opening is not None and opening.end() <= clause_cue and _runs_on(text, quote):
                # 'When the firm announced that ..., Okafor said, "we were
                # stunned."': the quote goes on with the sentence its
                # speaker opened; all of it is what he said.
                whole = replace(clause, start=opening.start(), mention=quote.mention, cue=quote.cue)
                return whole, inner
            # 'when the firm announced that it would buy the line, Okafor
            # said, "we were stunned."': a few words have their own speaker
            # and verb of saying, set off by commas; the clause ends there.
            joiner = _JOINER.search(text, clause.start, attribution)
            end = joiner.start() if joiner else attribution
        else:
            separator = _SEPARATOR.search(text, clause.start, quote.start)
            if separator is not None and clause_cue < separator.start():
                # 'backed a freeze on fuel duty -- "Nobody should pay more."': the
                # quote after a dash or colon is a statement of its own.
                end = separator.start()
                own_verb = False
            elif quote.cue is not None and clause_cue < quote.cue[0] < quote.start:
                # Before the speaker too where it opens a clause before its
                # verb ("..., Mayor Lind said, "..."").
                own = quote.cue[0]
                if (
                    quote.mention is not None
                    and not quote.mention.is_pronoun
                    and clause_cue < quote.mention.start < own
                    and _AFTER_COMMA.search(text, clause_cue, quote.mention.start)
                ):
                    own = quote.mention.start
                joiner = _JOINER.search(text, clause.start, own)
                end = joiner.start() if joiner else own
            else:
                continue
        end = clause_end(text, clause.start, end)
        if fewer_words(text[clause.start : end], 3):
            if own_verb and _named_apart(text, quote, clause):
                # "While not all Berg says is true, Lind said the ferry is "...":
                # the quote's own speaker and verb leave the clause no words
                # of its own; it is no statement, and the quote is Lind's.
                direct[index] = replace(quote, kind=QuoteKind.DIRECT)
                return None, []
            continue
        direct[index] = replace(quote, kind=QuoteKind.DIRECT)
        remaining = [i for i in inner if direct[i].end <= end]
        return replace(clause, end=end), remaining
    return clause, inner


# What stands between an attribution's verb and the quote it introduces.
_INTRODUCING = re.compile(r"\s*[,:]\s*")


# A sentence opening on a subordinate clause of time or condition.
_SUBORDINATE_OPENING = re.compile(
    r"(?:(?:So|And|But|Yet)\s+(?=[a-z]))?"
    r"(?i:when|after|if|once|because|since|while|before|as soon as)\s",
)


def _runs_on(text: str, quote: Found) -> bool:
    """Whether the quoted words open in lower case: they go on with the
    sentence before them ('..., Okafor said, "we were stunned."')."""
    first = next((char for char in text[quote.start : quote.end] if char.isalpha()), "")
    return first.islower()


# An attribution opens a clause of its own: after a comma, or ", and".
_AFTER_COMMA = re.compile(r",\s*(?:(?:and|but)\s+)?$")


def _named_apart(text: str, quote: Found, clause: Found) -> bool:
    """Whether a quote has a named speaker and verb of saying of its own,
    other than the clause's: a person after "according to" ("According to
    the Gazette, Mayor Lind said "..."": the words are hers, the paper only
    reports them), anyone after another verb."""
    mention, cue = quote.mention, quote.cue
    return (
        mention is not None
        and cue is not None
        and (clause.rule != "according_to" or mention.kind is SpeakerKind.PERSON)
        and text[cue[0] : cue[1]] in SPEECH_VERBS
        and not mention.is_pronoun
        and not mention.text.endswith(("'s", "’s"))
        and clause.start <= mention.start
        and not _same_speaker(mention, clause.mention)
    )


def _own_attribution(text: str, clause_cue: int, quote: Found) -> int | None:
    """Where a short quote's own attribution starts, when it is a whole one
    of its own inside another's clause: a speaker and a verb of saying
    right before the quote, after a comma ("..., Okafor said, "..."" or
    "..., said Okafor, "...""). A fragment named through some other verb
    inside the clause ("the pier, which Berg called "a wreck," will ...")
    stays part of the clause."""
    mention, cue = quote.mention, quote.cue
    if (
        mention is None
        or cue is None
        or text[cue[0] : cue[1]] not in SPEECH_VERBS
        or not clause_cue < min(cue[0], mention.start)
        or max(cue[1], mention.end) >= quote.start
        or _INTRODUCING.fullmatch(text, max(cue[1], mention.end), quote.start) is None
    ):
        return None
    attribution = min(cue[0], mention.start)
    if mention.is_pronoun or _AFTER_COMMA.search(text, clause_cue, attribution) is None:
        # "..., he said, "..."" inside a clause goes on for its speaker.
        return None
    between = text[min(cue[1], mention.end) : max(cue[0], mention.start)]
    if between.strip():
        return None  # "Okafor, who chairs the board, said": not sure it is one
    return attribution


def _cut_before(article: Article, outer: Found, inner: Found) -> Found | None:
    """ "She praised the plan, saying it would help": a second report by the same
    speaker inside a clause is a statement of its own; the first one ends
    before its verb. None when the inner clause is only a repeat."""
    if (
        outer.kind is QuoteKind.DIRECT
        or inner.kind is QuoteKind.DIRECT
        or inner.cue is None
        or not outer.start < inner.cue[0] < inner.start
    ):
        return None
    text = article.text
    joiner = _JOINER.search(text, outer.start, inner.cue[0])
    end = clause_end(text, outer.start, joiner.start() if joiner else inner.cue[0])
    while end > outer.start and text[end - 1] in " ,":
        end -= 1
    if fewer_words(text[outer.start : end], 3):
        return None
    return replace(outer, end=end)


def _same_speaker(a: Mention | None, b: Mention | None) -> bool:
    """Nested reports by two speakers are both kept ("X demanded ..., said Y")."""
    return a is None or b is None or a.name == b.name or a.start == b.start


def continuation_paragraph(article: Article, found: list[Found]) -> list[Found]:
    """A quote-only paragraph continues the speaker of the quote just before it;
    the quotes it gave a speaker, in order."""
    text = article.text
    continued: list[Found] = []
    previous: Found | None = None
    for item in found:
        if item.mention is None and item.kind is QuoteKind.DIRECT and previous is not None:
            lead = text[article.sentence_start(item.start) : item.start].strip()
            gap = text[previous.end : item.start]
            # '"...," said a harbour expert who ...': a quote closed by a comma
            # runs on into an attribution of its own, even one not read.
            closed_by_comma = "," in (text[item.end - 2], text[item.end : item.end + 1])
            if (
                not lead
                and not closed_by_comma
                and gap.count("\n") <= 3
                and previous.mention is not None
                and not _introduced_in_paragraph(article, previous, item)
            ):
                item.mention = previous.mention
                item.cue = None
                item.confidence = 0.6
                item.continued = True
                continued.append(item)
        if item.mention is not None:
            previous = item
    return continued


def _introduced_in_paragraph(article: Article, previous: Found, item: Found) -> bool:
    """ "... Berg said. / In a radio interview, Mayor Lind named the ferry
    company. "The boats are old."": the quote's own paragraph opens with a
    sentence of the reporter's before it, which sets up the quote; that is
    no paragraph of the quote alone, and the speaker of the paragraph before
    does not run on into it (where that sentence names no one the rules read,
    the quote is left without a speaker)."""
    paragraph = article.paragraph_start(item.start)
    return previous.end <= paragraph and not blank(article.text, paragraph, item.start)


def one_per_span(article: Article, found: list[Found]) -> list[Found]:
    """One quote per span. Run-on text can give the same words to two verbs
    ("Berg said Holt said the fares would rise, ..."), and so can a that-clause
    after two verbs ("Holt said Berg wants that ..."); an article stores one
    quote per span: the better-attributed one is kept, the rest dropped."""
    best: dict[tuple[int, int], Found] = {}
    for item in found:
        span = (item.start, item.end)
        kept = best.get(span)
        if kept is None or _attribution_rank(article, item) > _attribution_rank(article, kept):
            best[span] = item
    if len(best) == len(found):
        return found
    return [item for item in found if best[(item.start, item.end)] is item]


def _attribution_rank(article: Article, item: Found) -> tuple[float, bool, bool, int, int]:
    """How well a quote is attributed: how sure its rule is; then a named speaker
    over a pronoun, a description or none; then a verb of saying over one of
    belief or finding ("Holt said" over "Berg wants"); then the verb nearest
    the words it reports; then the earlier verb."""
    mention = item.mention
    named = (
        mention is not None
        and not mention.is_pronoun
        and mention.kind is not SpeakerKind.DESCRIPTION
    )
    if item.cue is None:
        return item.confidence, named, False, -(1 << 30), 0
    cue_start, cue_end = item.cue
    saying = article.text[cue_start:cue_end] in SPEECH_VERBS
    distance = max(item.start - cue_end, cue_start - item.end, 0)
    return item.confidence, named, saying, -distance, -cue_start
