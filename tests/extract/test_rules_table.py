"""One case table keyed by attribution rule name (quotes.extract.rules.RULES).

Each case: a text in this project's own words, words of the quote it must
yield, and the speaker that rule must give it. A last test checks that
every rule of the table has at least one case here.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from quotes.extract import extract_quotes
from quotes.extract.rules import RULE_NAMES, RULES

DAY = dt.date(2031, 4, 9)

CASES: list[tuple[str, str, str, str | None]] = [
    # (rule, text, words of the quote, speaker)
    (
        "interrupted",
        '"The ferry," harbour master Ilse Brandt said, "will not sail today."',
        "will not sail",
        "Ilse Brandt",
    ),
    (
        "signature_below",
        '"We are proud of every one of our crews this season."\n\n— Maren Holt, Chief Executive',
        "proud",
        "Maren Holt",
    ),
    (
        # A reader's line that opens on a quote and ends on a dash and a
        # name is signed by it, even where quote marks inside it cut the
        # quote short; not the signer of the line above.
        "signature_below",
        '"The ferry is always late." \u2015 Ola Berg\n"As a nurse I would rather walk than'
        ' take what he calls "a boat" any day of the week." \u2015 Kari Moe',
        "As a nurse",
        "Kari Moe",
    ),
    (
        "quote_then_said",
        '"The depot stays open all winter," Ilse Brandt said.',
        "depot",
        "Ilse Brandt",
    ),
    (
        "quote_then_said",
        '"The depot stays open all winter," said Ilse Brandt.',
        "depot",
        "Ilse Brandt",
    ),
    (
        "said_then_quote",
        'Ilse Brandt told the council: "The depot stays open all winter."',
        "depot",
        "Ilse Brandt",
    ),
    (
        "said_colon",
        'The board approved the new ferry contract.\n\nSaid Chairwoman Maren Holt: "This'
        ' contract keeps the island connected for a decade."',
        "island connected",
        "Maren Holt",
    ),
    (
        "said_colon",
        "The board approved the new ferry contract.\n\nSaid Harbour Board Chairwoman Maren"
        ' Holt:\n\n"This contract keeps the island connected for a decade."',
        "island connected",
        "Maren Holt",
    ),
    (
        "name_colon",
        'One voice stood out at the hearing - Maren Holt: "We will rebuild every pier."',
        "rebuild",
        "Maren Holt",
    ),
    (
        "fragment_of_verb",
        'Maren Holt lamented a harbour in which the boats "sit idle" all year.',
        "sit idle",
        "Maren Holt",
    ),
    (
        # The quote closes a phrase opened by a participle of saying; the
        # subject of the clause after it said it.
        "fragment_of_verb",
        'After telling the board the pier was "far too weak to hold a crane," Mayor Tove'
        " Lind left the meeting.",
        "far too weak",
        "Tove Lind",
    ),
    (
        # What a statement says, whoever issued it says, however the sentence opens.
        "said_that",
        "After a hastily called, late-night session, the harbour board issued a statement"
        ' calling the collision "a grave failure of basic seamanship" by the crew.',
        "collision",
        "the harbour board",
    ),
    (
        "introduced_before",
        'Maren Holt disagreed with the engineers. "The old bridge is perfectly safe."',
        "perfectly safe",
        "Maren Holt",
    ),
    (
        "introduced_before",
        "Ferry traffic fell sharply this year.\n\nThe harbour board responded:\n\n"
        '"Traffic fell by a third in the spring, the lowest in a decade."',
        "lowest in a decade",
        "The harbour board",
    ),
    (
        # The sentence that opens the quote's paragraph is about a named
        # person, through a verb that is no verb of saying: that person
        # speaks, not the speaker of the paragraph before.
        "introduced_before",
        '"We cannot keep paying for these repairs," Ola Berg said on the radio.\n\n'
        "In a separate interview, Mayor Tove Lind of Harstad, who beat Berg in the race,"
        ' named the ferry company as the main culprit. "The boats are old and nobody'
        ' mends them."',
        "nobody mends",
        "Tove Lind",
    ),
    (
        "introduced_before",
        '"The fares are too high," Mayor Tove Lind said.\n\nAfter the vote, she left the'
        ' hall quickly and drove home. "I have said all I have to say."',
        "said all I have",
        "Tove Lind",
    ),
    (
        # A paragraph that opens on the reporter's own sentence is no quote
        # alone: the speaker before does not run on into it, and where that
        # sentence names no one, nobody speaks.
        "unattributed",
        '"The fares are too high," Ola Berg said at the meeting.\n\nThe ferry company'
        ' raised its prices again in March. "Nobody can afford a ticket now."',
        "Nobody can afford",
        None,
    ),
    (
        "unattributed",
        '"The fares are too high," Ola Berg said.\n\nMayor Tove Lind\'s first post on'
        ' Sunday was short. "The ferry will run as usual."',
        "run as usual",
        None,
    ),
    (
        "sentence_subject",
        'Maren Holt took a harder line on Friday -- "No more delays will be accepted."',
        "No more delays",
        "Maren Holt",
    ),
    (
        "continuation_paragraph",
        '"We lost the whole harvest," Maren Holt said.\n\n"Next year will be better, it has to be."',
        "Next year",
        "Maren Holt",
    ),
    (
        # A few quoted words with their own speaker and verb, set off by
        # commas, end the reported clause before them: they are Okafor's.
        "said_then_quote",
        "Vantrel announced on Monday that it would buy the ferry line, and Mr. Okafor"
        ' said, "we were stunned."',
        "we were stunned",
        "Okafor",
    ),
    (
        # The same after a sentence opening on "when": the quote, in lower
        # case, goes on with that sentence, and all of it is what Okafor said.
        "said_that",
        "Harbour officials met on Tuesday.\n\nSo when Vantrel announced last spring that"
        ' it would buy the ferry line, Mr. Okafor said, "we were stunned."',
        "we were stunned",
        "Okafor",
    ),
    (
        "said_that",
        "The port authority said on Monday that the cranes would be replaced by spring.",
        "cranes",
        "The port authority",
    ),
    (
        "clause_then_said",
        "The cranes will be replaced by spring, the port authority said.",
        "cranes",
        "the port authority",
    ),
    (
        "parenthetical_said",
        "The cranes, the port authority said, will all be replaced by the spring.",
        "replaced",
        "the port authority",
    ),
    (
        "according_to",
        "The cranes will be replaced by spring, according to the port authority.",
        "cranes",
        "the port authority",
    ),
    (
        "label_colon",
        "Maren Holt: The harbour needs new cranes before the winter storms.",
        "harbour",
        "Maren Holt",
    ),
    (
        "interview_answer",
        "Maren Holt runs the island's ferry company. She spoke to the Gazette on Friday."
        "\n\nQ: Why cut the winter timetable?\n\nA: Because the boats run half empty"
        " after October.\n\nQ: And the fares?\n\nA: They stay where they are until"
        " next spring.",
        "half empty",
        "Maren Holt",
    ),
    (
        "interview_question",
        "Ola Berg: Why cut the winter timetable?\n\nMaren Holt: The boats run half"
        " empty after October.\n\nOla Berg: Will the fares rise as well?\n\nMaren Holt:"
        " Not before the spring, and not by much.",
        "fares rise",
        "Ola Berg",
    ),
    (
        "in_poll",
        "In a survey of dock workers, most said the cranes were unsafe to use.",
        "cranes",
        "a survey",
    ),
    (
        "unattributed",
        'The sign by the gate read only one line: "Nobody knows when the last boat left."',
        "Nobody knows",
        None,
    ),
]


@pytest.mark.parametrize(("rule", "text", "words", "speaker"), CASES)
def test_rule(rule: str, text: str, words: str, speaker: str | None) -> None:
    found = extract_quotes(text, DAY)
    matching = [quote for quote in found if words in quote.text]
    assert matching, f"no quote holding {words!r} in {[q.text for q in found]}"
    quote = matching[0]
    assert quote.rule == rule
    assert quote.speaker == speaker


def test_every_rule_has_a_case() -> None:
    assert {case[0] for case in CASES} == RULE_NAMES


def test_rules_are_unique_and_described() -> None:
    assert len(RULE_NAMES) == len(RULES)
    for rule in RULES:
        assert rule.matches and rule.example and 0 < rule.confidence < 1


def test_every_rule_is_named_in_the_readme() -> None:
    """The README says how the extractor decides, in terms of its rules."""
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    assert {name for name in RULE_NAMES if f"`{name}`" not in readme} == set()


def _by_text(text: str) -> dict[str, str | None]:
    return {quote.text: quote.speaker for quote in extract_quotes(text, DAY)}


def test_said_that_clause_ends_before_the_next_speakers_name() -> None:
    """said_that: a reported clause stops where the next attribution's
    speaker opens a clause of its own, name and all."""
    found = _by_text(
        "When Vantrel announced that it would buy the line, Mayor Tove Lind said,"
        ' "That is good news for the whole island."'
    )
    assert found == {
        "that it would buy the line": "Vantrel",
        '"That is good news for the whole island."': "Tove Lind",
    }


def test_said_that_clause_with_no_words_of_its_own_is_dropped() -> None:
    """said_that: where the quote's own speaker and verb leave a clause no
    words, it is no statement, and never takes the quote."""
    found = _by_text(
        "While not everything Berg says is true, Mayor Tove Lind said the ferry is"
        ' "late far too often for anyone to rely on it."'
    )
    assert "Ola Berg" not in found.values() and "Berg" not in found.values()
    assert found == {'the ferry is "late far too often for anyone to rely on it."': "Tove Lind"}


def test_according_to_leaves_a_persons_own_quote_to_them() -> None:
    """according_to: the paper reports what the mayor said; the words are hers."""
    found = _by_text(
        'According to the Gazette, Mayor Tove Lind said, "The ferry will sail on Monday as'
        ' planned."'
    )
    assert found == {'"The ferry will sail on Monday as planned."': "Tove Lind"}


def test_fragment_named_through_a_relative_clause_stays_in_the_clause() -> None:
    """said_that: a fragment inside the clause, named through another verb,
    is part of what the clause's speaker said."""
    found = _by_text('Mayor Tove Lind said the ferry, which Berg called "a wreck," would sail.')
    assert found == {'the ferry, which Berg called "a wreck," would sail': "Tove Lind"}


def test_said_that_nothing_said_by_what_a_clip_ends_with() -> None:
    """said_that: "concludes with footage of ..." says how the advert ends;
    the words in the footage are the filmed person's."""
    found = _by_text(
        'The advert concludes with footage of Lund saying during the hearing, "That makes'
        ' the port safe," as the crowd cheers.'
    )
    assert found == {'"That makes the port safe,"': "Lund"}
    # Where no one else speaks in it, what a speaker concluded with is his.
    found = _by_text("Mayor Ola Berg concluded with a short history of the harbour and its boats.")
    assert found == {"with a short history of the harbour and its boats": "Ola Berg"}


def test_quote_then_said_not_across_a_clause_of_its_own() -> None:
    """quote_then_said: a clause of time with its own subject after the quote
    ("..., when Berg blasted her") is no attribution of the quote; what Berg
    blasted is his own report."""
    found = _by_text(
        'The clip shows Lund saying at the hearing last week, "That makes the port safe,"'
        " when Berg blasted her for not paying the harbour fee."
    )
    assert found == {
        '"That makes the port safe,"': "Lund",
        "her for not paying the harbour fee": "Berg",
    }
    # "before" and a participle is a phrase of the quote's own sentence.
    found = _by_text(
        'Maria Lind would not say more. "I want to wait until I meet the board" before'
        " discussing the fares, she said."
    )
    assert found['"I want to wait until I meet the board"'] == "Maria Lind"
