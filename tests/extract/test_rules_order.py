"""The engine runs the rules table in its declared order (quotes.extract.rules)."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from quotes.extract import engine, extract_quotes, rules


def _recording(table: tuple[rules.Rule[Any], ...], calls: list[str]) -> tuple[Any, ...]:
    def wrap(rule: rules.Rule[Any]) -> rules.Rule[Any]:
        def apply(*args: Any) -> Any:
            calls.append(rule.name)
            return rule.apply(*args)

        return dataclasses.replace(rule, apply=apply)

    return tuple(wrap(rule) for rule in table)


def test_the_engine_runs_the_tables_own_rows() -> None:
    assert engine.DIRECT_RULES is rules.DIRECT_RULES
    assert engine.REPORTED_RULES is rules.REPORTED_RULES
    assert engine.ARTICLE_RULES is rules.ARTICLE_RULES
    assert engine.FOLLOW_RULES is rules.FOLLOW_RULES
    assert rules.RULES == (
        rules.DIRECT_RULES + rules.REPORTED_RULES + rules.ARTICLE_RULES + rules.FOLLOW_RULES
    )
    assert rules.DIRECT_RULES[-1].name == "unattributed"


def test_a_quote_no_rule_attributes_is_tried_by_every_direct_rule_in_table_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[str] = []
    monkeypatch.setattr(engine, "DIRECT_RULES", _recording(rules.DIRECT_RULES, calls))
    (quote,) = extract_quotes('"Nobody has seen the lighthouse keeper since the storm."')
    assert quote.rule == "unattributed"
    assert calls == [rule.name for rule in rules.DIRECT_RULES]


def test_a_reported_clause_is_tried_by_the_reported_rules_in_table_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[str] = []
    monkeypatch.setattr(engine, "REPORTED_RULES", _recording(rules.REPORTED_RULES, calls))
    (quote,) = extract_quotes("The ferry company said the timetable would change in May.")
    assert quote.rule == "said_that"
    assert calls == [rule.name for rule in rules.REPORTED_RULES]


# Attributed both after the quote and before it: the earlier row decides.
_BOTH_WAYS = (
    'At the meeting Ilse Brandt said, "The depot stays open all winter," Maren Holt recalled.'
)


def test_the_first_row_that_finds_a_speaker_wins() -> None:
    (quote,) = extract_quotes(_BOTH_WAYS)
    assert quote.rule == "quote_then_said"
    assert quote.speaker == "Maren Holt"


def test_reordering_the_table_reorders_the_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    by_name = {rule.name: rule for rule in rules.DIRECT_RULES}
    swapped = [
        by_name["said_then_quote"] if r.name == "quote_then_said" else r for r in rules.DIRECT_RULES
    ]
    swapped[[r.name for r in rules.DIRECT_RULES].index("said_then_quote")] = by_name[
        "quote_then_said"
    ]
    monkeypatch.setattr(engine, "DIRECT_RULES", tuple(swapped))
    (quote,) = extract_quotes(_BOTH_WAYS)
    assert quote.rule == "said_then_quote"
    assert quote.speaker == "Ilse Brandt"
