"""Scoring of two wordings: what merges, what a person is asked, what stays apart.

Pure: no database. The sentences are made up in the style of wire copy.
"""

from __future__ import annotations

import pytest

from quotes.match import AUTO_THRESHOLD, decide, normalize, score

FULL = (
    "In the near future, a summit between the two presidents is unlikely, "
    "because the groundwork has not been done."
)


def decision(a: str, b: str) -> str:
    return decide(score(normalize(a), normalize(b)).score)


@pytest.mark.parametrize(
    "reported",
    [
        FULL.upper(),
        "“In the near future, a summit between the two presidents is unlikely”",
        "a summit between the two presidents is unlikely, because the groundwork has not been done",
        "In the near future, a summit ... is unlikely, because the groundwork has not been done.",
        "In the near future - a summit between the two presidents is unlikely because the groundwork has not been done",
    ],
)
def test_outlet_variants_merge_automatically(reported: str) -> None:
    assert decision(FULL, reported) == "auto"


@pytest.mark.parametrize(
    "flipped",
    [
        # A negation added mid-sentence, with every other word the same.
        "In the near future, a summit between the two presidents is not unlikely, "
        "because the groundwork has not been done.",
        # A contraction: "is ready" against "isn't ready".
        "In the near future, a summit between the two presidents isn't unlikely, "
        "because the groundwork has not been done.",
    ],
)
def test_a_negation_flip_never_merges(flipped: str) -> None:
    assert decision(FULL, flipped) == "apart"


def test_a_fragment_negated_just_after_it_is_left_to_a_person() -> None:
    # Containment alone would merge these at 0.97.
    plain = "It was a good thing that the delegation went to Istanbul as we did"
    negated = "It was a good thing that the delegation went to Istanbul as we did not"
    assert decision(plain, negated) == "suggest"
    cut = "The decision was taken in Kyiv by the government itself"
    whole = cut + ", not by any of its partners abroad, the minister said"
    assert decision(cut, whole) == "suggest"


def test_a_negation_dropped_mid_sentence_stays_apart() -> None:
    whole = (
        "The decision was taken in Kyiv by the government itself, "
        "not by any of its partners abroad, and it will be carried out this week"
    )
    cut = "The decision was taken in Kyiv by the government itself and it will be carried out this week"
    assert decision(whole, cut) == "apart"  # dropped mid-sentence: the meaning may change
    cut_at_the_negation = "The decision was taken in Kyiv by the government itself,"
    assert decision(whole, cut_at_the_negation) == "suggest"


def test_numbers_are_compared_as_counts_not_as_sets() -> None:
    a = "Prices rose by anywhere from 30 percent to 100 percent in the border regions this spring"
    b = "Prices rose by anywhere from 100 percent to 100 percent in the border regions this spring"
    # Both share the set {100}; the counts tell them apart.
    assert score(normalize(a), normalize(b)).method == "guard"


def test_a_truncation_that_drops_a_number_still_merges() -> None:
    whole = "We delivered 40 air defence systems last year and we will deliver more this winter"
    cut = "we will deliver more this winter"
    assert score(normalize(cut), normalize(whole)).method == "containment"
    assert (
        decision(
            "We delivered 40 air defence systems last year and we will deliver more",
            whole,
        )
        == "auto"
    )


def test_short_fragments_never_reach_the_automatic_band() -> None:
    assert (
        score(normalize("we are ready"), normalize(FULL + " We are ready.")).score < AUTO_THRESHOLD
    )


def test_unrelated_statements_of_one_speaker_stay_apart() -> None:
    other = "The Kremlin has no information about new sanctions being prepared in Brussels."
    assert decision(FULL, other) == "apart"
