"""Offices: a title before a name and a role printed with it compared by base form."""

from __future__ import annotations

import pytest

from quotes import match


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("General", "army chief"),
        ("Gen.", "head of the military"),
        ("Sen.", "senator"),
        ("Rep.", "congresswoman"),
        ("Gov.", "regional governor"),
        ("Premier", "prime minister"),
        ("Justice", "supreme court judge"),
        ("Adm.", "navy commander"),
        ("Chairwoman", "chair of the water board"),
        ("Defense Secretary", "defence secretary"),
    ],
)
def test_a_title_and_the_role_it_stands_for_share_an_office(title: str, role: str) -> None:
    assert match.office_words(title) & match.office_words(role)


@pytest.mark.parametrize(
    ("title", "role"),
    [
        # "general" and "justice" name an office only as the whole title.
        ("General", "attorney general"),
        ("Justice", "justice minister"),
        ("Senator", "congressman"),
        ("Mayor", "regional governor"),
    ],
)
def test_different_offices_share_nothing(title: str, role: str) -> None:
    assert not match.office_words(title) & match.office_words(role)


def test_a_courtesy_is_no_office() -> None:
    # "Mr Roe" says nothing about which of two Roes is meant.
    assert match.office_words("Mr") == frozenset()
    assert match.office_words("Dr.") == frozenset()
    assert match.office_words("former deputy mayor") == {"mayor"}
