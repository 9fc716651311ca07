"""The verb lexicon: one row per base form with the forms that play each role."""

from __future__ import annotations

import pytest

from quotes.extract import extract_quotes, lexicon
from quotes.extract.lexicon import ROLES, VERBS, forms_in_role


def test_the_verb_sets_are_the_forms_of_their_role() -> None:
    every = {
        role: frozenset().union(*(row.get(role, ()) for row in VERBS.values())) for role in ROLES
    }
    assert every["speech"] == lexicon.SPEECH_VERBS
    assert every["stance"] == lexicon.STANCE_VERBS | lexicon.STANCE_PHRASES
    assert every["action"] == lexicon.ACTION_ONLY
    assert every["quote"] == lexicon.QUOTE_ONLY_VERBS | lexicon.QUOTE_ONLY_PHRASES
    assert every["participle"] == lexicon.PARTICIPLE_CUES
    assert every["object"] == lexicon.OBJECT_TAKING
    assert all(" " in phrase for phrase in lexicon.STANCE_PHRASES | lexicon.QUOTE_ONLY_PHRASES)
    assert not any(" " in verb for verb in lexicon.STANCE_VERBS | lexicon.QUOTE_ONLY_VERBS)


def test_every_row_is_a_base_form_with_forms_in_known_roles() -> None:
    for base, roles in VERBS.items():
        assert roles and set(roles) <= set(ROLES), base
        assert all(forms for forms in roles.values()), base
        assert len(base.split()) == len(next(iter(next(iter(roles.values())))).split()), base


def test_a_row_with_an_unknown_role_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown verb roles"):
        lexicon._verb(speech="hollers", shouting="hollering")


def test_a_form_plays_only_the_roles_its_row_gives_it() -> None:
    # "agreed" says (speech) and acts (action); "agree" is no cue of any kind.
    assert "agreed" in forms_in_role("speech") and "agreed" in forms_in_role("action")
    assert not any("agree" in forms for forms in VERBS["agree"].values())


def test_an_action_verb_reports_a_statement_only_with_a_that_clause() -> None:
    act = extract_quotes("The two harbour boards agreed to a swap of their oldest tugs.")
    said = extract_quotes("The two harbour boards agreed that the swap of tugs was fair.")
    assert act == []
    assert [quote.rule for quote in said] == ["said_that"]
