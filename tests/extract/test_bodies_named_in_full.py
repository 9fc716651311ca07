"""A body's name read whole ("The Office for Harbour Standards", "the Velmar
Water District") and filed under it; the texts are this project's own."""

from __future__ import annotations

import datetime as dt

from quotes import match
from quotes.extract import extract_quotes
from quotes.extract.model import SpeakerKind
from tests.extract.quote_helpers import quote_with

DAY = dt.date(2031, 6, 6)


def test_a_body_named_office_for_is_one_body_and_its_it() -> None:
    text = (
        "The Office for Harbour Standards said mooring fees would rise by a tenth next"
        " year. It also said the levy on ferries would stay frozen until the spring."
    )
    first, second = extract_quotes(text, DAY)
    assert (first.speaker, first.speaker_kind) == (
        "Office for Harbour Standards",
        SpeakerKind.ORGANISATION,
    )
    assert (second.speaker, second.speaker_kind) == (
        "Office for Harbour Standards",
        SpeakerKind.ORGANISATION,
    )


def test_a_person_after_for_stays_a_person() -> None:
    text = (
        "Dana Roe ran the Campaign for Ola Brandt last year. Brandt said the harbour"
        " levy would be scrapped within a month."
    )
    quote = quote_with(text, "levy")
    assert quote.speaker == "Ola Brandt"


def test_the_district_is_the_district_named_before() -> None:
    text = (
        "The Velmar Water District said on Monday that three mains had burst overnight.\n\n"
        "All three pipes were laid in the 1960s, according to the district."
    )
    quote = quote_with(text, "pipes")
    assert quote.speaker is not None
    assert match.filing_name(quote.speaker, quote.speaker_kind) == "Velmar Water District"
    assert quote.speaker_kind is SpeakerKind.ORGANISATION


def test_a_body_s_name_is_filed_whole() -> None:
    kind = SpeakerKind.ORGANISATION
    assert match.filing_name("The Institute for Coastal Studies", kind) == (
        "Institute for Coastal Studies"
    )
    # A title with a person's name after it is still the person.
    assert match.filing_name("Secretary of State Ola Brandt", kind) == "Ola Brandt"
