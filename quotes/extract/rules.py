"""The attribution rules, by name: what each matches, how sure it is, an
example, and the function that applies it.

The table drives the engine (``quotes.extract.engine``): a direct quotation
takes its speaker from the first of DIRECT_RULES that finds one (the last,
``unattributed``, always does); a verb of saying outside quotation marks is
read by the first of REPORTED_RULES that applies; the ARTICLE_RULES then
read the whole article, and the FOLLOW_RULES run over everything found.
Every quote carries the name of its rule (``ExtractedQuote.rule``), and
``quotes extract --explain`` prints it. A new pattern is one new row here,
with its example, and a case in tests/extract/test_rules_table.py (which
holds at least one case per rule). The examples are the project's own
sentences.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from quotes.extract.article import Article
from quotes.extract.combine import continuation_paragraph
from quotes.extract.direct import (
    Quotation,
    fragment_of_verb,
    interrupted,
    introduced_before,
    name_colon,
    quote_then_said,
    said_colon,
    said_then_quote,
    sentence_subject,
    signature_below,
    unattributed,
)
from quotes.extract.found import Found
from quotes.extract.interviews import interview_answer, interview_question
from quotes.extract.labels import label_colon
from quotes.extract.polls import in_poll
from quotes.extract.quotation import QuoteSpan
from quotes.extract.reported import (
    NothingSaid,
    ReportingCue,
    according_to,
    clause_then_said,
    parenthetical_said,
    said_that,
)

Apply = TypeVar("Apply")

# What a rule of each group is given and gives back.
DirectRule = Callable[[Quotation], Found | None]
ReportedRule = Callable[[ReportingCue], Found | NothingSaid | None]
ArticleRule = Callable[[Article, list[tuple[QuoteSpan, ...]]], list[Found]]
FollowRule = Callable[[Article, list[Found]], list[Found]]


@dataclass(frozen=True, slots=True)
class Rule(Generic[Apply]):
    name: str
    matches: str
    confidence: float
    example: str
    apply: Apply


DIRECT_RULES: tuple[Rule[DirectRule], ...] = (
    Rule(
        "interrupted",
        "a quote in two pieces around a short attribution",
        0.9,
        '"The ferry," the harbour master said, "will not sail today."',
        interrupted,
    ),
    Rule(
        "signature_below",
        "a quote paragraph signed on the next line with a dash",
        0.8,
        '"We are proud of the crew." / — Maren Holt, Chief Executive',
        signature_below,
    ),
    Rule(
        "quote_then_said",
        "a quote followed in its sentence by speaker and verb",
        0.9,
        '"The depot stays open," Ilse Brandt said.',
        quote_then_said,
    ),
    Rule(
        "said_then_quote",
        "speaker and verb before the quote, after a comma or colon",
        0.9,
        'Ilse Brandt told the council: "The depot stays open."',
        said_then_quote,
    ),
    Rule(
        "said_colon",
        "a press release's attribution line, verb first, before the quote or its paragraph",
        0.85,
        'Said Chairwoman Maren Holt: "We will rebuild."',
        said_colon,
    ),
    Rule(
        "name_colon",
        "a name and a colon before a quote, no verb",
        0.6,
        'One voice stood out - Maren Holt: "We will rebuild."',
        name_colon,
    ),
    Rule(
        "fragment_of_verb",
        "a quoted fragment inside a sentence whose subject speaks through another verb",
        0.45,
        'Holt lamented a harbour in which the boats "sit idle" all year.',
        fragment_of_verb,
    ),
    Rule(
        "introduced_before",
        "a quote-only sentence after a sentence that names who speaks",
        0.55,
        'Holt disagreed. "The bridge is safe."',
        introduced_before,
    ),
    Rule(
        "sentence_subject",
        "a whole quoted sentence in a sentence without a speech verb; its subject speaks",
        0.4,
        'Holt took a harder line -- "No more delays."',
        sentence_subject,
    ),
    Rule(
        "unattributed",
        "a quotation for which no rule found a speaker",
        0.5,
        '"Nobody knows," the sign read in block capitals.',
        unattributed,
    ),
)

REPORTED_RULES: tuple[Rule[ReportedRule], ...] = (
    Rule(
        "according_to",
        "a clause attributed with 'according to'",
        0.65,
        "The cranes will be replaced, according to the port authority.",
        according_to,
    ),
    Rule(
        "parenthetical_said",
        "an attribution set inside the clause it reports",
        0.6,
        "The cranes, the port authority said, will be replaced by spring.",
        parenthetical_said,
    ),
    Rule(
        "clause_then_said",
        "a reported clause closed by its attribution",
        0.6,
        "The cranes will be replaced, the port authority said.",
        clause_then_said,
    ),
    Rule(
        "said_that",
        "speaker, speech verb, reported clause",
        0.65,
        "The port authority said on Monday that the cranes would be replaced.",
        said_that,
    ),
)

ARTICLE_RULES: tuple[Rule[ArticleRule], ...] = (
    Rule(
        "label_colon",
        "a paragraph opening with a speaker label and a colon (Q&A turns, summaries)",
        0.55,
        "Maren Holt: The harbour needs new cranes before winter.",
        label_colon,
    ),
    Rule(
        "interview_answer",
        "an answer of a Q&A transcript, the words of the person the introduction"
        " says was interviewed (the questions are nobody's)",
        0.6,
        "Maren Holt spoke to us on Friday. / Q: Why now? / A: The cranes are failing.",
        interview_answer,
    ),
    Rule(
        "in_poll",
        "a finding reported 'in a poll' or survey",
        0.5,
        "In a survey of dock workers, most said the cranes were unsafe.",
        in_poll,
    ),
)

FOLLOW_RULES: tuple[Rule[FollowRule], ...] = (
    Rule(
        "interview_question",
        "a question of a transcript in named turns, under the interviewer's name;"
        " every turn of the transcript is verbatim",
        0.55,
        "Ola Berg: Why now? / Maren Holt: The cranes are failing. / Ola Berg: And then?",
        interview_question,
    ),
    Rule(
        "continuation_paragraph",
        "a paragraph that is only a quote continues the speaker before it",
        0.6,
        '"We lost the harvest," Holt said. / "Next year will be better."',
        continuation_paragraph,
    ),
)

RULES: tuple[Rule[Any], ...] = DIRECT_RULES + REPORTED_RULES + ARTICLE_RULES + FOLLOW_RULES

RULE_NAMES = frozenset(rule.name for rule in RULES)
