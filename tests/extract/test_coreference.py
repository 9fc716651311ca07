"""Pronouns and described speakers resolve as a reader would resolve them.

Fixtures are invented; only the grammatical construction matters.
"""

from __future__ import annotations

import datetime as dt

from quotes.extract import ExtractedQuote, SpeakerKind, extract_quotes
from quotes.extract.coreference import Discourse

DAY = dt.date(2031, 4, 9)


def _quote(text: str, words: str) -> ExtractedQuote:
    found = [q for q in extract_quotes(text, DAY) if words in q.text]
    assert found, f"no quote holding {words!r}"
    return found[0]


def test_the_subject_of_the_sentence_before_beats_an_earlier_speaker() -> None:
    text = (
        'Ivo Marek called the strip a "corridor". '
        "Tomas Brel posted a statement from the harbour.\n\n"
        '"Every week the ships come back fewer," he said.'
    )
    quote = _quote(text, "ships")
    assert quote.speaker == "Tomas Brel"
    assert quote.speaker_mention == "he"


def test_pronouns_agree_in_gender_with_alternating_speakers() -> None:
    text = (
        "Anna Kowal met Pavel Dusek at the depot on Tuesday.\n\n"
        '"The drivers want a date," Dusek said.\n\n'
        '"They will get one in May," she said.\n\n'
        '"May is too late," he said.'
    )
    assert _quote(text, "in May").speaker == "Anna Kowal"
    assert _quote(text, "too late").speaker == "Pavel Dusek"


def test_a_name_inside_a_quotation_is_no_antecedent() -> None:
    text = (
        "Olga Fenn opened the session.\n\n"
        '"I spoke to Victor Hale this morning and nothing has moved," she said.\n\n'
        '"We will wait," she added.'
    )
    assert _quote(text, "wait").speaker == "Olga Fenn"


def test_an_honorific_tells_the_gender_of_an_unknown_given_name() -> None:
    text = (
        "Robin Hale chairs the water board. Sasha Pike runs the depot.\n\n"
        'Ms Hale said the pipes were old. "We cannot patch them for ever," she said.'
    )
    assert _quote(text, "patch").speaker == "Robin Hale"


def test_the_article_s_own_pronoun_tells_a_gender() -> None:
    text = (
        "Ezra Quill, a ferry captain, lost his licence in March. "
        "Noor Vane then took over the route.\n\n"
        '"The sea does not care about paperwork," he said.'
    )
    assert _quote(text, "paperwork").speaker == "Ezra Quill"


def test_an_age_resolves_to_the_person_introduced_with_it() -> None:
    text = (
        "Lena Vasic, 45, lost her house to the river. Her neighbour Jonas Pratt, 61, "
        "stayed.\n\n"
        '"The water came in two hours," the 45-year-old said.'
    )
    quote = _quote(text, "two hours")
    assert quote.speaker == "Lena Vasic"
    assert quote.speaker_kind is SpeakerKind.PERSON


def test_a_role_resolves_to_the_person_introduced_with_it() -> None:
    text = (
        "Governor Tomas Rudd toured the dam with engineer Clara Voss.\n\n"
        '"The spillway held," the governor said.'
    )
    assert _quote(text, "spillway").speaker == "Tomas Rudd"


def test_a_described_body_is_no_person() -> None:
    text = (
        "Coach Ilse Brandt announced her squad on Monday.\n\n"
        '"Selection was on form alone," the team said in a statement.'
    )
    quote = _quote(text, "Selection")
    assert quote.speaker_kind is SpeakerKind.DESCRIPTION


def test_no_antecedent_no_guess() -> None:
    text = '"The vote is lost," she said.'
    quote = _quote(text, "vote")
    assert quote.speaker is None
    assert quote.speaker_mention == "she"
    assert quote.confidence < 0.5


def test_a_given_name_with_accents_tells_its_gender() -> None:
    text = (
        "Hélène Varga chaired the port board. Jörg Lindqvist runs the ferries.\n\n"
        'Lindqvist said the timetable was late. "We will print it by Friday," she added.'
    )
    assert _quote(text, "print it").speaker == "Hélène Varga"


def test_a_described_speaker_needs_every_word_of_the_role() -> None:
    text = (
        "Danish Trade Minister Ole Brandt flew to Riga on Monday, where Latvian Trade "
        "Minister Edgars Ozols welcomed him.\n\n"
        "The Danish minister said the tariffs on timber would go by spring."
    )
    assert _quote(text, "timber").speaker == "Ole Brandt"


def test_the_former_mayor_is_not_the_mayor_in_office() -> None:
    text = (
        "Former Harbour City Mayor Tomas Verhoef urged the council to keep the night buses.\n\n"
        "Mayor Lena Ostrova said the budget could not stretch that far.\n\n"
        "The former mayor replied that the buses paid for themselves."
    )
    assert _quote(text, "paid for themselves").speaker == "Tomas Verhoef"


def test_a_role_never_given_is_the_speaker_just_named() -> None:
    text = (
        "Ward queues will be shorter by March, Helga Marsh has admitted, as the winter "
        "wave filled clinics.\n\n"
        "Speaking at a clinic in Dover, the health secretary said the queues were "
        '"a test of nerve".'
    )
    assert _quote(text, "test of nerve").speaker == "Helga Marsh"


def test_a_role_never_given_is_not_a_speaker_of_another_office() -> None:
    text = (
        "Chairman Ray Olsen said the vote on the dock had been close.\n\n"
        "The president said the vote had not been close at all."
    )
    quote = _quote(text, "not been close")
    assert quote.speaker != "Ray Olsen"
    assert quote.speaker_mention == "The president"


def test_a_name_after_a_preposition_is_no_antecedent() -> None:
    text = (
        "Peter Lund spoke to reporters at the quay.\n\n"
        "The quay had been rebuilt for a visit by Marek Ozols.\n\n"
        '"We need two more ferries," he said.'
    )
    assert _quote(text, "two more ferries").speaker == "Peter Lund"


def test_the_speaker_of_the_sentence_before_beats_a_name_before_him() -> None:
    text = (
        "When Peter Lund left the hall, Marek Ozols said the plan was dead.\n\n"
        '"It will never pass the council," he said.'
    )
    assert _quote(text, "never pass").speaker == "Marek Ozols"


def test_a_title_case_headline_does_not_run_into_a_name() -> None:
    text = "Harbour Fees Double Overnight Ingrid Solberg\n\nIngrid Solberg runs the marina."
    discourse = Discourse(text, [], lambda position: 0, set())
    assert discourse.people["solberg"].name == "Ingrid Solberg"


def test_a_name_the_article_calls_it_is_an_organisation() -> None:
    text = (
        "Nordhavn told investors that it had raised its pay offer to the dockers.\n\n"
        "The company said the terminals would stay open through the strike."
    )
    named = _quote(text, "raised its pay offer")
    assert named.speaker == "Nordhavn"
    assert named.speaker_kind is SpeakerKind.ORGANISATION
    nominal = _quote(text, "terminals would stay open")
    assert nominal.speaker == "Nordhavn"
    assert nominal.speaker_kind is SpeakerKind.ORGANISATION


def test_a_plural_name_the_article_calls_they_is_a_body() -> None:
    text = (
        'Kestrel Wanderers said they were "ashamed" of the chants heard on Sunday.\n\n'
        '"The supporter will never enter our ground again," the club said.'
    )
    assert _quote(text, "ashamed").speaker_kind is SpeakerKind.ORGANISATION
    assert _quote(text, "never enter").speaker == "Kestrel Wanderers"


def test_a_person_who_says_it_is_still_a_person() -> None:
    text = (
        "Mr. Oyelaran said it was too early to count the votes.\n\n"
        "Tamsin Achterberg said that Israel should end its blockade of the port."
    )
    assert _quote(text, "too early").speaker_kind is SpeakerKind.PERSON
    assert _quote(text, "blockade").speaker_kind is SpeakerKind.PERSON


def test_the_ministry_is_only_a_ministry_named_before() -> None:
    text = (
        "Nordhavn told investors that it had raised its pay offer to the dockers.\n\n"
        "The ministry said it would not step in."
    )
    assert _quote(text, "step in").speaker != "Nordhavn"


def test_a_particle_surname_opening_a_sentence_is_still_the_person() -> None:
    text = (
        "Omar al-Haddad met Peter Lund in Aqaba on Sunday.\n\n"
        '"The port is open to every ship," Lund said.\n\n'
        "Al-Haddad, who signed the harbour deal last year, said trade would double.\n\n"
        '"We have opened the gates," he said, "and the ships will come."'
    )
    assert _quote(text, "opened the gates").speaker == "Omar al-Haddad"


def test_an_abbreviation_in_a_title_is_no_sentence_end() -> None:
    text = (
        '"The fraud is proven," U.S. Attorney Greta Holm said on the court steps.\n\n'
        "Assistant U.S. Attorney Mara Sölvi questioned the banker for two days.\n\n"
        "Holm left without taking questions. "
        'The U.S. attorney told reporters the inquiry was "open".'
    )
    assert _quote(text, "inquiry").speaker == "Greta Holm"


def test_a_described_speaker_between_blocks_an_earlier_name() -> None:
    text = (
        "Harbour defender Marek Ozols was abused from the stands on Saturday.\n\n"
        "Peter Lund, who runs the stadium, said the cameras had caught the man.\n\n"
        "Helga Marsh said such cases had doubled.\n\n"
        "Speaking on Sunday, the defender said he would play on Tuesday. "
        '"Nobody keeps me off that pitch," he said.'
    )
    assert _quote(text, "keeps me off").speaker == "Marek Ozols"


def test_an_age_never_given_takes_the_speaker_before_not_a_name_in_its_own_sentence() -> None:
    text = (
        '"We have a plan of our own," Chief Executive Helga Marsh said.\n\n'
        'Asked whether she would meet Peter Lund, the 61-year-old said she had "no time".'
    )
    assert _quote(text, "no time").speaker == "Helga Marsh"


def _said_by_who(text: str) -> ExtractedQuote:
    found = [q for q in extract_quotes(text, DAY) if q.speaker_mention == "who"]
    assert found, "no quote attributed to 'who'"
    return found[0]


def test_who_after_a_place_stands_for_the_described_speaker_before_it() -> None:
    text = "Work stopped after a port official in Amman, who said the cranes were unsafe, left."
    quote = _said_by_who(text)
    assert quote.speaker == "a port official in Amman"
    assert quote.speaker_kind is SpeakerKind.DESCRIPTION


def test_who_after_a_person_stands_for_that_person() -> None:
    text = "Work stopped after a visit from Peter Lund, who said the cranes were unsafe."
    assert _said_by_who(text).speaker == "Peter Lund"


def test_the_official_is_the_unnamed_official_introduced_before() -> None:
    text = (
        "Work stopped after a port official in Amman, who said the cranes were unsafe, left.\n\n"
        '"The ships will not wait for us," the official said.'
    )
    quote = _quote(text, "will not wait")
    assert quote.speaker == "a port official in Amman"
    assert quote.speaker_kind is SpeakerKind.DESCRIPTION


def test_an_organisation_is_named_as_it_was_first_named_in_full() -> None:
    text = (
        "Dockers struck at three Nordhavn Lines terminals on Monday.\n\n"
        "Nordhavn told investors that it had raised its pay offer to the dockers."
    )
    assert _quote(text, "raised its pay offer").speaker == "Nordhavn Lines"


def test_a_board_speaks_for_its_organisation() -> None:
    text = (
        "Corvane Capital made a hostile bid for Tallin Bank on Monday.\n\n"
        "Tallin's board told shareholders the bid was far too low."
    )
    quote = _quote(text, "far too low")
    assert quote.speaker == "Tallin Bank"
    assert quote.speaker_kind is SpeakerKind.ORGANISATION


def test_an_office_is_a_speaker_of_its_own_linked_to_its_person() -> None:
    text = (
        "Governor Helga Marsh toured the flooded valley on Monday.\n\n"
        "Marsh's office said she had asked for federal aid."
    )
    quote = _quote(text, "federal aid")
    assert quote.speaker == "Helga Marsh's office"
    assert quote.speaker_kind is SpeakerKind.DESCRIPTION


def test_a_spokesman_named_after_the_possessive_is_the_spokesman() -> None:
    text = (
        "Governor Helga Marsh toured the valley.\n\n"
        "Marsh's spokesman Peter Lund said the governor would return on Friday."
    )
    assert _quote(text, "return on Friday").speaker == "Peter Lund"


def test_an_office_of_a_shared_surname_is_left_as_printed() -> None:
    text = (
        "Helga Marsh and her husband Peter Marsh both ran for the council.\n\n"
        "Marsh's campaign said the count was wrong."
    )
    assert _quote(text, "count was wrong").speaker == "Marsh's campaign"


def test_an_acronym_is_the_body_spelled_out_before() -> None:
    text = (
        "The National Harbour Safety Authority closed the north pier on Monday.\n\n"
        "The NHSA said the pier would reopen once divers had checked its piles."
    )
    quote = _quote(text, "divers")
    assert quote.speaker == "National Harbour Safety Authority"
    assert quote.speaker_kind is SpeakerKind.ORGANISATION


def test_a_described_speaker_is_the_person_just_quoted_by_pronoun() -> None:
    text = (
        "Helga Marsh, who chaired the port board until last spring, walked with the "
        'strikers for an hour. "We are not going home," she told reporters.\n\n'
        "Later on Monday, the former chairwoman said she would write to the minister."
    )
    assert _quote(text, "write to the minister").speaker == "Helga Marsh"


def test_a_described_speaker_is_not_a_person_quoted_in_another_role() -> None:
    text = (
        "Defence lawyer Peter Lund spoke for an hour. "
        '"My client is innocent," he told the court.\n\n'
        "The judge said the jury would decide."
    )
    assert _quote(text, "jury would decide").speaker != "Peter Lund"


def test_a_described_thing_is_never_a_person() -> None:
    text = (
        "Helga Marsh, the port director, said the cranes were unsafe.\n\n"
        "The harbour survey, by an average of three inspections, found rust.\n\n"
        "The report said the cranes had not been checked since 2019."
    )
    quote = _quote(text, "not been checked")
    assert quote.speaker != "Helga Marsh"
    assert quote.speaker_kind is not SpeakerKind.PERSON


def test_the_head_of_a_role_comes_before_of() -> None:
    text = (
        "Peter Lund, a former secretary of transport, toured the port on Monday. "
        '"The cranes are older than I am," Lund told reporters.\n\n'
        "The former secretary of transport said the port needed new cranes."
    )
    assert _quote(text, "needed new cranes").speaker == "Peter Lund"


def test_an_inverted_described_speaker_is_read_whole() -> None:
    text = (
        "Peter Lund denied the charge on Monday, saying the samples had been mixed up.\n\n"
        '"I never cheated," wrote the Tromso-born driver, who won the race twice.'
    )
    quote = _quote(text, "never cheated")
    assert quote.speaker_mention == "the Tromso-born driver"
    assert quote.speaker == "Peter Lund"


def test_one_who_speaks_in_a_relative_clause_yields_to_the_sentence_s_subject() -> None:
    # Marek's word is quoted inside the clause about the offer; the sentence
    # is about Brel, and the next "he said" is his.
    for relative in (
        'the offer, which Ivo Marek had called "generous"',
        'what Ivo Marek called a "fair deal"',
    ):
        text = f'Tomas Brel turned down {relative}. "It is an insult to the crews," he said.'
        assert _quote(text, "insult").speaker == "Tomas Brel"


def test_one_who_speaks_in_a_relative_clause_is_still_the_only_one_agreeing() -> None:
    text = (
        "The memo contradicted what Ana Marek told the radio on Friday. Asked whether"
        ' she had seen it, she said, "I read it once."'
    )
    assert _quote(text, "read it once").speaker == "Ana Marek"
