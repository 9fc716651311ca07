"""The attribution rules, by name: what each matches, how sure it is, an example.

Every quote the extractor returns carries the name of the rule that gave it
its speaker (``ExtractedQuote.rule``); ``quotes extract --explain`` prints it.
The rules are listed in the order the engine tries them for a direct quote
(interrupted, signature, after, before, colon ...), then for reported speech.
The examples are the project's own sentences; tests/extract/test_rules_table.py
holds at least one case per rule.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    matches: str
    confidence: float
    example: str


RULES: tuple[Rule, ...] = (
    # -- direct quotes, in the order they are tried ---------------------------
    Rule(
        "interrupted",
        "a quote in two pieces around a short attribution",
        0.9,
        '"The ferry," the harbour master said, "will not sail today."',
    ),
    Rule(
        "signature_below",
        "a quote paragraph signed on the next line with a dash",
        0.8,
        '"We are proud of the crew." / — Maren Holt, Chief Executive',
    ),
    Rule(
        "quote_then_said",
        "a quote followed in its sentence by speaker and verb",
        0.9,
        '"The depot stays open," Ilse Brandt said.',
    ),
    Rule(
        "said_then_quote",
        "speaker and verb before the quote, after a comma or colon",
        0.9,
        'Ilse Brandt told the council: "The depot stays open."',
    ),
    Rule(
        "name_colon",
        "a name and a colon before a quote, no verb",
        0.6,
        'One voice stood out - Maren Holt: "We will rebuild."',
    ),
    Rule(
        "fragment_of_verb",
        "a quoted fragment inside a sentence whose subject speaks through another verb",
        0.45,
        'Holt lamented a harbour in which the boats "sit idle" all year.',
    ),
    Rule(
        "introduced_before",
        "a quote-only sentence after a sentence that names who speaks",
        0.55,
        'Holt disagreed. "The bridge is safe."',
    ),
    Rule(
        "sentence_subject",
        "a whole quoted sentence in a sentence without a speech verb; its subject speaks",
        0.4,
        'Holt took a harder line -- "No more delays."',
    ),
    Rule(
        "continuation_paragraph",
        "a paragraph that is only a quote continues the speaker before it",
        0.6,
        '"We lost the harvest," Holt said. / "Next year will be better."',
    ),
    # -- reported speech ------------------------------------------------------
    Rule(
        "said_that",
        "speaker, speech verb, reported clause",
        0.65,
        "The port authority said on Monday that the cranes would be replaced.",
    ),
    Rule(
        "clause_then_said",
        "a reported clause closed by its attribution",
        0.6,
        "The cranes will be replaced, the port authority said.",
    ),
    Rule(
        "parenthetical_said",
        "an attribution set inside the clause it reports",
        0.6,
        "The cranes, the port authority said, will be replaced by spring.",
    ),
    Rule(
        "according_to",
        "a clause attributed with 'according to'",
        0.65,
        "The cranes will be replaced, according to the port authority.",
    ),
    Rule(
        "label_colon",
        "a paragraph opening with a speaker label and a colon (Q&A turns, summaries)",
        0.55,
        "Maren Holt: The harbour needs new cranes before winter.",
    ),
    Rule(
        "in_poll",
        "a finding reported 'in a poll' or survey",
        0.5,
        "In a survey of dock workers, most said the cranes were unsafe.",
    ),
    Rule(
        "unattributed",
        "a quotation for which no rule found a speaker",
        0.5,
        '"Nobody knows," the sign read in block capitals.',
    ),
)

RULE_NAMES = frozenset(rule.name for rule in RULES)
