"""Stance cues and topic keywords: pure rules, shown to a person as suggestions."""

from __future__ import annotations

import pytest

from quotes.match.keywords import keyword_matcher, parse_keywords
from quotes.match.stance import Stance, suggest_stance


@pytest.mark.parametrize(
    ("text", "stance", "cue"),
    [
        ("Peskov dismissed the idea of a summit before the summer.", Stance.OPPOSES, "dismissed"),
        ("A summit in the near future is unlikely.", Stance.OPPOSES, "unlikely"),
        ("Kyiv has ruled out any territorial concessions.", Stance.OPPOSES, "ruled out"),
        ("We will never accept a frozen conflict.", Stance.OPPOSES, "will never"),
        ("We are ready to sign the truce tomorrow.", Stance.SUPPORTS, "ready to"),
        ("The White House welcomed the proposal.", Stance.SUPPORTS, "welcomed"),
        ("Berlin is open to a new round of talks.", Stance.SUPPORTS, "open to"),
        ("We are not ready to sign anything.", Stance.OPPOSES, "not ready to"),
        ("We don't really support this plan.", Stance.OPPOSES, "not support"),
        ("The delegation arrived in Istanbul on Monday.", Stance.NEUTRAL, None),
    ],
)
def test_stance_cues(text: str, stance: Stance, cue: str | None) -> None:
    found = suggest_stance(text)
    assert (found.stance, found.cue) == (stance, cue)


def test_an_opposing_cue_outweighs_a_supporting_one() -> None:
    assert suggest_stance("We support talks, but a summit is impossible.").stance is Stance.OPPOSES


def test_keywords_match_whole_words_plurals_and_phrases() -> None:
    matcher = keyword_matcher(
        [(1, parse_keywords("ceasefire, truce; cessation of hostilities")), (2, ["NATO"]), (3, [])]
    )
    assert matcher.topics_in("Two truces have failed since March.") == {1}
    assert matcher.topics_in("a CESSATION  of\nhostilities") == {1}
    assert matcher.topics_in("NATO's eastern flank") == {2}
    assert matcher.topics_in("a natoish idea about ceasefire-like pauses") == {1}
    assert matcher.topics_in("Nothing about either.") == set()


def test_keyword_lists_are_cleaned() -> None:
    assert parse_keywords(" ceasefire,, truce ;truce\n  grain   deal ") == [
        "ceasefire",
        "truce",
        "grain deal",
    ]
