"""When a statement was made, and what `quotes extract --explain` tells.

Fixtures are invented; only the construction matters.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner

from quotes.cli import cli
from quotes.extract import DatePrecision, extract_quotes

WEDNESDAY = dt.date(2031, 4, 9)


def test_a_day_after_the_verb_dates_the_statement_and_stays_out_of_it() -> None:
    text = "The ferry operator said on Monday it had cancelled every crossing to the island."
    [quote] = extract_quotes(text, WEDNESDAY)
    assert quote.text.startswith("it had cancelled")
    assert (quote.said_on, quote.date_precision) == (dt.date(2031, 4, 7), DatePrecision.DAY)


def test_a_bare_weekday_after_the_verb_too() -> None:
    text = "The ferry operator said Tuesday the crossings would resume within a week."
    [quote] = extract_quotes(text, WEDNESDAY)
    assert quote.text.startswith("the crossings")
    assert quote.said_on == dt.date(2031, 4, 8)


def test_interview_turns_take_the_day_the_introduction_gives() -> None:
    text = (
        "Ines Varga has run the lighthouse for twenty years, since 2011. "
        "She spoke to Paul Marek on Monday, as the fog came in.\n\n"
        "Paul Marek: What does a night on duty look like now?\n\n"
        "Ines Varga: Quiet until it is not. The lamp runs itself, the radio does not.\n\n"
        "Marek: Will the station close as planned?\n\n"
        "Varga: Not while the fishing boats still go out before dawn."
    )
    turns = [
        q
        for q in extract_quotes(text, WEDNESDAY)
        if q.rule in ("label_colon", "interview_question")
    ]
    assert len(turns) == 4
    assert {q.said_on for q in turns} == {dt.date(2031, 4, 7)}
    assert [q.speaker for q in turns] == ["Paul Marek", "Ines Varga", "Paul Marek", "Ines Varga"]


def test_jsonl_and_explain_show_the_rule_and_the_resolution(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(
        "date 2031-04-09 Harbour\n\n"
        "Lena Vasic, 45, lost her boat in the storm.\n\n"
        '"The water came in two hours," she said.\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["extract", "--format", "jsonl", str(path)])
    assert result.exit_code == 0, result.output
    [row] = [json.loads(line) for line in result.output.splitlines()]
    assert row["rule"] == "quote_then_said"
    assert row["speaker"] == "Lena Vasic"
    assert row["resolution"] == ["pronoun 'she' -> Lena Vasic (nearest agreeing subject)"]
    explained = CliRunner().invoke(cli, ["extract", "--explain", str(path)])
    assert explained.exit_code == 0, explained.output
    assert "rule: quote_then_said" in explained.output
    assert "mention: 'she'" in explained.output
    assert "-> pronoun 'she' -> Lena Vasic" in explained.output


def test_british_single_quotes_are_direct_speech() -> None:
    text = (
        "The harbour master spoke after the storm.\n\n"
        "‘We cannot promise the pier will hold another winter,’ the harbour master said. "
        "‘It’s older than any of us, and the workers’ huts went first.’\n\n"
        "Councillor Rhys Bevan called the repairs ‘overdue’."
    )
    found = extract_quotes(text, WEDNESDAY)
    # Contractions and a plural possessive are apostrophes, not closing marks;
    # the second sentence joins the first under one cue.
    assert [(q.text, q.speaker_mention) for q in found] == [
        (
            "‘We cannot promise the pier will hold another winter,’ "
            "‘It’s older than any of us, and the workers’ huts went first.’",
            "the harbour master",
        ),
        ("‘overdue’", "Councillor Rhys Bevan"),
    ]


def test_double_quotes_inside_single_quotes_are_nested() -> None:
    text = "‘They told us the flood gate was “fully tested”, and it failed,’ said Mira Holt."
    [quote] = extract_quotes(text, WEDNESDAY)
    assert quote.text == "‘They told us the flood gate was “fully tested”, and it failed,’"
    assert quote.speaker == "Mira Holt"


def test_a_participle_aside_dates_the_saying_and_leaves_the_subject_alone() -> None:
    # "Nils Aho, speaking on Sunday, said": Aho speaks, on the Sunday; the
    # words after "said" are what he said, not an inverted speaker.
    text = "Nils Aho, speaking on Sunday, said the ferry tolls would fall."
    [quote] = extract_quotes(text, dt.date(2025, 6, 3))
    assert (quote.speaker, quote.said_on) == ("Nils Aho", dt.date(2025, 6, 1))
    assert quote.text == "the ferry tolls would fall"


def test_a_relative_clause_closing_the_sentence_does_not_date_the_saying() -> None:
    # The month belongs to what the player did, not to when he wrote.
    text = '"I will clear my name," wrote Nils Aho, who reached the final in January.'
    [quote] = extract_quotes(text, dt.date(2025, 6, 3))
    assert quote.date_precision is DatePrecision.REPORTED
