"""More attribution rules, each on wire copy written for it (no article text)."""

from __future__ import annotations

import pytest

from quotes.extract import ExtractedQuote, QuoteKind, SpeakerKind, extract_quotes
from tests.extract.quote_helpers import mention, only, quote_with


def content(text: str, quote: ExtractedQuote) -> str:
    return text[quote.start : quote.end]


@pytest.mark.parametrize(
    ("text", "speaker", "said"),
    [
        (
            '"The harbour will reopen in May," Mayor Lena Kovac told reporters on Monday. '
            '"We have waited long enough."',
            "Lena Kovac",
            '"The harbour will reopen in May," "We have waited long enough."',
        ),
        (
            "''The bridge is safe,'' Ms. Okoro said. ''Engineers checked it twice.''",
            "Okoro",
            "''The bridge is safe,'' ''Engineers checked it twice.''",
        ),
        (
            '"The rail strike will end soon," said Nadia Holm, a union negotiator. '
            '"Both sides want a deal before the holidays."',
            "Nadia Holm",
            '"The rail strike will end soon," "Both sides want a deal before the holidays."',
        ),
    ],
)
def test_a_quote_resumed_after_its_attribution_sentence_is_one_statement(
    text: str, speaker: str, said: str
) -> None:
    quote = only(text)
    assert quote.kind is QuoteKind.DIRECT
    assert quote.speaker == speaker
    assert quote.text == said
    assert (quote.start, quote.end) == (0, len(text))


def test_a_fragment_inside_a_sentence_does_not_join_the_next_quote() -> None:
    text = (
        'The budget looked "much better than last year," Halvorsen said. '
        '"We can hire again," he added.'
    )
    found = extract_quotes(text)
    assert [q.text for q in found] == ['"much better than last year,"', '"We can hire again,"']


@pytest.mark.parametrize("verb", ["she added", "added Kovac", "she said on Tuesday"])
def test_a_quote_with_its_own_verb_after_an_attribution_sentence_is_a_statement_of_its_own(
    verb: str,
) -> None:
    text = (
        '"The harbour will reopen in May," Mayor Lena Kovac told reporters on Monday. '
        f'"We have waited long enough," {verb}.'
    )
    found = extract_quotes(text)
    assert [q.text for q in found] == [
        '"The harbour will reopen in May,"',
        '"We have waited long enough,"',
    ]
    assert [q.speaker for q in found] == ["Lena Kovac", "Lena Kovac"]
    assert found[1].cue in ("added", "said")


def test_an_aside_then_that_before_the_quote() -> None:
    text = 'It is a reminder, Halvorsen said, that "nobody wins a strike."'
    quote = only(text)
    assert quote.speaker == "Halvorsen"
    assert quote.cue == "said"
    assert quote.text == '"nobody wins a strike."'


def test_an_adverb_between_subject_and_verb() -> None:
    text = 'Union leader Ana Soto gingerly said the offer "is a start, not an end."'
    quote = only(text)
    assert quote.speaker == "Ana Soto"
    assert quote.kind is QuoteKind.PARTIAL
    assert quote.text == 'the offer "is a start, not an end."'


@pytest.mark.parametrize(
    ("text", "described"),
    [
        ('"We expect the vote to pass easily," said the 52-year-old.', "the 52-year-old"),
        (
            '"Nobody asked us about the new route," the Leeds bus driver wrote.',
            "the Leeds bus driver",
        ),
        (
            'As one harbour official put it, "The cranes are older than the workers."',
            "harbour official",  # a described speaker without its determiner
        ),
    ],
)
def test_described_speakers_next_to_a_quote(text: str, described: str) -> None:
    quote = only(text)
    assert quote.speaker == described
    assert quote.speaker_kind is SpeakerKind.DESCRIPTION
    assert mention(text, quote).endswith(described)


def test_a_described_speaker_after_the_verb_is_not_a_clause() -> None:
    text = "Lindqvist has disputed both reports, but says the audit will be published."
    quote = only(text)
    assert quote.speaker == "Lindqvist"
    assert content(text, quote) == "the audit will be published"


def test_a_participle_before_a_quote_reports_for_the_subject_not_its_object() -> None:
    text = (
        "Pia Lund, the finance minister, spoke for an hour, telling the delegates, "
        '"The surplus belongs to taxpayers."'
    )
    quote = only(text)
    assert quote.speaker == "Pia Lund"
    assert quote.cue == "telling"


@pytest.mark.parametrize(
    ("text", "speaker", "said"),
    [
        (
            "Each team said the other had broken the rules of the cup.",
            "Each team",
            "the other had broken the rules of the cup",
        ),
        (
            "In May, 41 percent said the buses ran late most days.",
            "41 percent",
            "the buses ran late most days",
        ),
        (
            "The fisheries ministry analysis shows catches fell by a third.",
            "The fisheries ministry analysis",
            "catches fell by a third",
        ),
    ],
)
def test_a_short_subject_the_phrase_rules_do_not_know(text: str, speaker: str, said: str) -> None:
    quote = only(text)
    assert quote.speaker == speaker
    assert quote.speaker_kind is SpeakerKind.DESCRIPTION
    assert content(text, quote) == said


def test_a_participle_inside_a_reported_clause_is_a_second_statement() -> None:
    text = "Mayor Ines Duarte praised the new tram line, saying it would cut traffic downtown."
    found = extract_quotes(text)
    assert [(content(text, q), q.cue, q.speaker) for q in found] == [
        ("the new tram line", "praised", "Ines Duarte"),
        ("it would cut traffic downtown", "saying", "Ines Duarte"),
    ]


@pytest.mark.parametrize(
    ("text", "cue", "said"),
    [
        (
            "Governor Tomas Reyes called for an inquiry into the contract.",
            "called for",
            "an inquiry into the contract",
        ),
        (
            "Governor Tomas Reyes has long insisted the terminal would open by spring.",
            "insisted",
            "the terminal would open by spring",
        ),
        (
            "Governor Tomas Reyes quietly suggested the port would be sold.",
            "suggested",
            "the port would be sold",
        ),
    ],
)
def test_positions_and_adverbs_between_subject_and_verb(text: str, cue: str, said: str) -> None:
    quote = only(text)
    assert quote.speaker == "Tomas Reyes"
    assert quote.cue == cue
    assert content(text, quote) == said


def test_a_description_then_the_name_as_an_appositive() -> None:
    text = "A longtime port official, Howard Brill, said the cranes would be replaced next year."
    quote = only(text)
    assert quote.speaker == "Howard Brill"
    assert quote.speaker_kind is SpeakerKind.PERSON
    assert quote.speaker_role == "official"


def test_a_described_subject_with_a_relative_clause() -> None:
    text = (
        "The official, who was at the mountain hut that night, said the trail had closed "
        "after two rockfalls."
    )
    quote = only(text)
    assert quote.speaker == "The official"
    assert quote.speaker_kind is SpeakerKind.DESCRIPTION
    assert content(text, quote) == "the trail had closed after two rockfalls"


def test_the_relative_pronoun_is_the_mention_and_names_the_one_before() -> None:
    text = "Councillor Rita Mwangi, who says the depot is unsafe, voted against the budget."
    quote = only(text)
    assert mention(text, quote) == "who"
    assert quote.speaker == "Rita Mwangi"
    assert quote.speaker_kind is SpeakerKind.PERSON
    assert content(text, quote) == "the depot is unsafe"


def test_a_possessive_before_a_name_is_the_role() -> None:
    text = "Northfield University's Dana Whitcomb agreed with the finding."
    quote = only(text)
    assert quote.speaker == "Dana Whitcomb"
    assert quote.speaker_kind is SpeakerKind.PERSON
    assert quote.speaker_role == "Northfield University"
    assert mention(text, quote) == "Northfield University's Dana Whitcomb"


def test_a_whole_quote_after_a_dash_inside_a_reported_clause_is_its_own() -> None:
    text = (
        "Senator Ines Duarte met the farmers in Evora on Friday.\n\n"
        'Duarte also backed a freeze on fuel duty -- "Nobody should pay more to drive to work."'
    )
    found = extract_quotes(text)
    assert [(content(text, q), q.kind, q.speaker) for q in found] == [
        ("a freeze on fuel duty", QuoteKind.INDIRECT, "Ines Duarte"),
        ('"Nobody should pay more to drive to work."', QuoteKind.DIRECT, "Ines Duarte"),
    ]


def test_a_pronoun_in_a_relative_clause_speaks_a_quoted_phrase() -> None:
    text = (
        '"The depot is full," Mayor Eva Lindgren said.\n\n'
        'She scrapped the tram plan, which she called "a costly toy for tourists."'
    )
    quote = next(q for q in extract_quotes(text) if "toy" in q.text)
    # The pronoun of "which she called" speaks; the last person named is who.
    assert mention(text, quote) == "she"
    assert quote.speaker_start == text.index("she called")
    assert quote.speaker == "Eva Lindgren"


def test_a_body_opening_a_sentence_with_a_whole_quote() -> None:
    text = 'On its website, the Port Authority puts "the safety of every worker first, always."'
    quote = only(text)
    assert quote.speaker == "the Port Authority"
    assert quote.speaker_kind is SpeakerKind.ORGANISATION
    assert quote.confidence <= 0.3


@pytest.mark.parametrize(
    ("text", "poll"),
    [
        (
            "In the latest Harbour Institute poll, Mayor Osei led his rival by nine points.",
            "the latest Harbour Institute poll",
        ),
        (
            "Mayor Osei led his rival by nine points in a Harbour Institute survey.",
            "a Harbour Institute survey",
        ),
    ],
)
def test_a_finding_reported_by_a_poll(text: str, poll: str) -> None:
    quote = only(text)
    assert quote.speaker == poll
    assert quote.speaker_kind is SpeakerKind.DESCRIPTION
    assert content(text, quote) == "Mayor Osei led his rival by nine points"
    assert quote.confidence == 0.5


def test_referring_to_reports_for_the_sentence_subject() -> None:
    text = "Mayor Karl Osei spoke for an hour, referring to the strike as a lesson for all."
    quote = only(text)
    assert quote.speaker == "Karl Osei"
    assert quote.cue == "referring to"
    assert content(text, quote) == "the strike as a lesson for all"


@pytest.mark.parametrize(
    ("text", "issuer", "said"),
    [
        (
            "The Osei campaign sent a letter saying the mayor would skip the fair in June.",
            "The Osei campaign",
            "the mayor would skip the fair in June",
        ),
        (
            'Her office sent a letter saying the ferry "will run all winter."',
            "Her office",
            'the ferry "will run all winter."',
        ),
    ],
)
def test_what_a_statement_says_its_issuer_says(text: str, issuer: str, said: str) -> None:
    quote = only(text)
    assert quote.speaker == issuer
    assert mention(text, quote) == issuer
    assert content(text, quote) == said


@pytest.mark.parametrize(
    "text",
    [
        '"The port stays open," Mayor Lena Kovac told Radio North\'s "Morning Tide."',
        '"The port stays open," Mayor Lena Kovac said on "Harbour Hour With Sam Lee."',
        '"The port stays open," Mayor Lena Kovac wrote in a column titled "Open Waters."',
        # a comma after the kind of work; the doubled apostrophes of some archives
        "''The port stays open,'' Mayor Lena Kovac wrote in her memoir, ''Salt and Iron.''",
        "''The port stays open,'' Mayor Lena Kovac said on Radio North's ''Morning Tide.''",
    ],
)
def test_the_title_of_a_show_or_column_is_not_a_quote(text: str) -> None:
    # The title names where the words were said; the words are the quote.
    quote = only(text)
    assert quote.text.strip("\"'") == "The port stays open,"
    assert quote.speaker == "Lena Kovac"


@pytest.mark.parametrize(
    "text",
    [
        'Councillor Marta "Mac" Lind said the new pier would open in May.',
        'Gov. C.J. "Buck" Aho said the new pier would open in May.',
    ],
)
def test_a_nickname_inside_a_name_is_not_a_quote(text: str) -> None:
    assert all('"' not in quote.text for quote in extract_quotes(text))


def test_a_capitalised_word_said_between_names_is_still_a_quote() -> None:
    text = 'Asked about the pier, Lind said "Never" and left the hall.'
    assert only(text).text == '"Never"'


def test_title_case_words_said_are_still_a_quote() -> None:
    text = 'The choir sang "Light the Harbour" as Kovac stepped ashore.'
    quote = only(text)
    assert quote.text == '"Light the Harbour"'
    assert mention(text, quote) == "The choir"


@pytest.mark.parametrize(
    ("verb", "speaker"),
    [("shot back", "Kovac"), ("fired back", "Kovac"), ("interjected", "Kovac")],
)
def test_more_verbs_that_introduce_a_quote(verb: str, speaker: str) -> None:
    text = f'"Nobody asked the fishermen," Kovac {verb}. "Ask them now."'
    quote = only(text)
    assert quote.speaker == speaker
    assert quote.cue == verb


def test_a_one_sentence_paragraph_introduces_the_block_quote_after_it() -> None:
    text = 'Kovac continued her attack on the port board.\n\n"They sold the pier twice."'
    quote = only(text)
    assert quote.speaker == "Kovac"
    assert mention(text, quote) == "Kovac"


def test_a_longer_paragraph_before_does_not_introduce_it() -> None:
    text = (
        'The board met on Monday. Kovac continued her attack on it.\n\n"They sold the pier twice."'
    )
    # Whose words these are is not said: the paragraph before tells a story.
    quote = quote_with(text, "pier twice")
    assert quote.text == '"They sold the pier twice."'
    assert quote.speaker is None


@pytest.mark.parametrize(
    "signature", ["- Mira Szabo.", "-Harbour director Mira Szabo, speaking after the vote."]
)
def test_a_quote_signed_on_the_line_below(signature: str) -> None:
    text = f'The vote was close.\n\n"We will rebuild the pier by spring."\n\n{signature}\n\nMore.'
    quote = only(text)
    assert quote.speaker == "Mira Szabo"


def test_a_dash_that_opens_a_sentence_below_is_no_signature() -> None:
    text = '"We will rebuild the pier by spring."\n\n- The council voted against it.'
    quote = quote_with(text, "rebuild")
    assert quote.text == '"We will rebuild the pier by spring."'
    assert quote.speaker is None


def test_an_initial_in_the_name_after_the_quote_ends_no_sentence() -> None:
    text = '"The tide is turning," J. Marta Voss, director of the Harbour Trust, said on Friday.'
    found = extract_quotes(text)
    direct = [quote for quote in found if quote.kind == "direct"]
    assert [quote.speaker for quote in direct] == ["J. Marta Voss"]


def test_a_full_stop_in_the_closing_mark_ends_the_sentence_and_its_attribution() -> None:
    text = (
        'Voss told the paper that she backs the plan because "the pier is a ruin. '
        'We need a new one." He also said the council "moved too slowly."'
    )
    first, second = extract_quotes(text)
    assert first.text.startswith('"the pier is a ruin.')
    assert mention(text, first) == "Voss"
    assert mention(text, second) == "He"


def test_a_question_mark_in_the_closing_mark_keeps_the_attribution_after_it() -> None:
    text = '"Who sold the pier?" Voss asked.'
    assert mention(text, only(text)) == "Voss"


def test_a_participle_clause_names_no_inverted_speaker() -> None:
    """Its clause is the same speaker's second statement, not a speaker of its own."""
    text = (
        '"The folks who know the port are with us," said Dan Ivers, the harbour chairman, '
        "explaining that anger at Kovac had faded since the vote."
    )
    quote, clause = extract_quotes(text)
    assert (quote.text, quote.speaker) == (
        '"The folks who know the port are with us,"',
        "Dan Ivers",
    )
    assert (clause.text, clause.speaker) == (
        "that anger at Kovac had faded since the vote",
        "Dan Ivers",
    )


def test_an_inverted_speaker_after_a_clause_that_ends_the_quote() -> None:
    text = '"She may hope so, yet it looks doubtful" that Kovac keeps her seat, said Dan Ivers.'
    direct = [q for q in extract_quotes(text) if q.text.startswith('"She may')]
    assert [quote.speaker for quote in direct] == ["Dan Ivers"]


def test_the_name_before_the_colon_after_a_preposition_is_the_listener() -> None:
    text = 'Mayor Ilse Marten had one request for Dorsey: "Run until the whistle, every time."'
    assert only(text).speaker == "Ilse Marten"


def test_the_name_before_the_colon_after_by_is_the_author() -> None:
    text = 'Fresh from the printer, a guide by Tomas Berg: "Boats leave on the hour."'
    assert only(text).speaker == "Tomas Berg"


def test_a_second_verb_shares_the_sentence_subject() -> None:
    text = (
        "Kovac, the former mayor, defended the sale and said she has what the port needs: "
        '"Patience, and a very steady hand."'
    )
    quote = next(q for q in extract_quotes(text) if q.kind == "direct")
    assert mention(text, quote) == "Kovac"


def test_the_speaker_who_opens_the_sentence_owns_the_quote_at_its_end() -> None:
    text = (
        "She added that many in Varna who praised Kovac last year had turned on him, which "
        'matters because, "in the end, people vote for somebody."'
    )
    # "praised" has a subject of its own, but it is not the quote's verb.
    quote = quote_with(text, '"in the end')
    assert mention(text, quote) == "She"
    assert quote.cue == "added"


def test_a_quote_after_a_sentence_whose_verb_has_an_object_is_the_subjects() -> None:
    text = (
        "Her old skating coach, Uma T. Fenn, called her a natural on the ice. "
        '"She did again and again what nobody else could."'
    )
    quote = only(text)
    assert quote.speaker == "Uma T. Fenn"


def test_a_paragraph_ending_in_a_colon_introduces_the_block_quote_below() -> None:
    text = (
        "Ana Ruiz spoke in Varna last spring.\n\n"
        "On May 2, 2031, Ruiz gave this answer:\n\n"
        '"Half the boats in the harbour have no crew this season."'
    )
    assert only(text).speaker == "Ana Ruiz"


def test_a_colon_paragraph_names_no_speaker_by_a_bare_surname() -> None:
    text = 'On May 2, Ruiz gave this answer:\n\n"Half the boats have no crew."'
    # "Ruiz" alone, never met with a first name, could be anything that opens a sentence.
    assert only(text).speaker is None


@pytest.mark.parametrize("verb", ["commented", "yells", "whispered"])
def test_verbs_of_saying_added(verb: str) -> None:
    text = f'"Did you see that?" Ruiz {verb} as the crowd left.'
    assert only(text).speaker == "Ruiz"


def test_fragments_listed_after_one_verb_are_one_statement() -> None:
    text = (
        'Kovac called Ruiz a "reckless skipper" who is "never on time," a "menace" '
        'and a "danger to every gull in the bay."'
    )
    quote = only(text)
    assert quote.text == (
        '"reckless skipper" who is "never on time," a "menace" and a "danger to every gull in the bay."'
    )
    assert quote.speaker == "Kovac"


def test_fragments_after_two_verbs_stay_apart() -> None:
    text = 'Kovac called Ruiz a "landlubber." Ruiz called Kovac a "pirate."'
    assert [(q.text, q.speaker) for q in extract_quotes(text)] == [
        ('"landlubber."', "Kovac"),
        ('"pirate."', "Ruiz"),
    ]


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        (
            '"The new keeper is 6\'4" and very quick," coach Ana Bell said.',
            '"The new keeper is 6\'4" and very quick,"',
        ),
        (
            'A poll asked: “Is the port safe?” Most said no."\n\n“It is in their heads,” said Ivers.',
            "“It is in their heads,”",
        ),
    ],
)
def test_marks_that_open_no_quotation(text: str, quoted: str) -> None:
    # An inch mark, and a straight mark with a space after it, open nothing.
    assert quoted in [q.text for q in extract_quotes(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Dan Ivers, a baker from Varna, said he wanted\u00a0“a market open on Sundays too.”",
        "With a post about the old mill, Ivers told the council that if it wants the land, "
        "“make me a fair offer.”",
    ],
)
def test_the_speaker_of_the_sentence_not_of_the_verb_inside_it(text: str) -> None:
    quote = quote_with(text, "“")
    assert quote.speaker_mention is not None
    assert quote.speaker_mention.startswith(("Dan Ivers", "Ivers"))


def test_a_name_and_verb_alone_after_a_full_stop_are_the_attribution() -> None:
    text = '"Whoever has the old shed keys, bring them back." Ruiz said.'
    assert only(text).speaker == "Ruiz"


def test_the_attribution_that_closes_a_sentence_covers_its_quotes() -> None:
    text = (
        'Dan Ivers said the shop is doing fine. Sales were "quiet for a few weeks" while the '
        "road outside was dug up, he said."
    )
    quote = quote_with(text, '"quiet')
    assert mention(text, quote) == "he"
    assert quote.speaker == "Dan Ivers"


@pytest.mark.parametrize(
    "text",
    [
        'The gulls were chased off the pier, with Ruiz loudly yelling: "Shoo, all of you!"',
        'Ruiz referenced a survey that "barely a tenth of the oaks" came through the storm.',
    ],
)
def test_yelling_and_referencing_introduce_quotes(text: str) -> None:
    assert only(text).speaker == "Ruiz"


def test_a_participle_after_a_place_reports_for_the_sentence_subject() -> None:
    text = (
        "Ana Ruiz wrote on Tuesday about the storm in Bergen, Norway, insisting that "
        'the sea wall was "a metre too low."'
    )
    quote = quote_with(text, "metre")
    assert quote.speaker == "Ana Ruiz"


def test_a_verb_in_a_relative_clause_after_the_quote_is_not_its_attribution() -> None:
    text = (
        'The mayor has long wondered whether the judges will be "kind" to her, '
        "doing what critics described as an old trick."
    )
    quote = next(q for q in extract_quotes(text) if q.text == '"kind"')
    assert mention(text, quote) == "The mayor"


@pytest.mark.parametrize(
    ("relative", "printed"),
    [("what he termed", "Kai Brand"), ("which he called", "he"), ("whom he dubbed", "he")],
)
def test_the_pronoun_in_a_relative_clause_stands_for_the_named_subject(
    relative: str, printed: str
) -> None:
    text = (
        'Marco Vidal said the menu was "new." Kai Brand tasted the onion soup, '
        f'{relative} "soup for people who dislike soup."'
    )
    quote = quote_with(text, "dislike")
    # The sentence names him (whose given name tells no gender), not the last
    # man who spoke; after "what" the name is the speaker as printed, after
    # "which" and "whom" the pronoun of the relative clause is.
    assert mention(text, quote) == printed
    assert quote.speaker == "Kai Brand"


def test_a_plural_pronoun_in_a_relative_clause_is_not_the_named_subject() -> None:
    text = (
        'Nora Vidal said the lease was "a fair deal." Mayor Bruno Sartori mocked '
        'the new menu, which they called "soup for people who dislike soup."'
    )
    quote = quote_with(text, "dislike")
    assert mention(text, quote) == "they"
    assert quote.speaker is None


@pytest.mark.parametrize("verb", ["sang", "sings"])
def test_a_singer_sings_a_quote(verb: str) -> None:
    text = f'"Leave the porch light on for me," the fiddler Oren Vass {verb} at the close.'
    assert only(text).speaker == "Oren Vass"


def test_a_share_of_those_polled_says_something() -> None:
    text = "Sixty-one percent said the mayor acted alone."
    quote = only(text)
    assert quote.text == "the mayor acted alone"
    assert mention(text, quote) == "Sixty-one percent"


def test_a_body_that_opens_the_sentence_says_through_a_coordinated_verb() -> None:
    text = "The Water Board has marked 2,400 files secret and says it will not publish them."
    quote = only(text)
    assert mention(text, quote) == "The Water Board"
    assert quote.text == "it will not publish them"


@pytest.mark.parametrize(
    ("after", "described"),
    [
        ("said a senior port official.", "a senior port official"),
        ("said one of the negotiators.", "one of the negotiators"),
        ("said a person close to the club.", "a person close to the club"),
        (
            "said an old friend of both skippers, who asked not to be named.",
            "an old friend of both skippers",
        ),
    ],
)
def test_a_described_speaker_after_the_verb_is_kept_whole(after: str, described: str) -> None:
    text = f'"The harbour will reopen in May," {after}'
    quote = only(text)
    assert quote.speaker_kind is SpeakerKind.DESCRIPTION
    assert mention(text, quote) == described
    assert quote.speaker == described


@pytest.mark.parametrize(
    ("after", "speaker", "role"),
    [
        (
            "said the port's chief executive, Lena J. Kovac.",
            "Lena J. Kovac",
            "port's chief executive",
        ),
        ("said the union spokesman, Ivo Brandt, who", "Ivo Brandt", "union spokesman"),
    ],
)
def test_the_name_after_a_role_speaks(after: str, speaker: str, role: str) -> None:
    text = f'"The harbour will reopen in May," {after} was at the pier.'
    quote = only(text)
    assert quote.speaker_kind is SpeakerKind.PERSON
    assert quote.speaker == speaker
    assert quote.speaker_role == role


@pytest.mark.parametrize(
    "opening",
    [
        "But a few days later,",
        "Two weeks earlier,",
        "But almost immediately after the vote,",
    ],
)
def test_an_opening_phrase_is_passed_before_the_subject(opening: str) -> None:
    text = (
        f'{opening} Kovac changed course again, telling reporters that the pier "will stay shut."'
    )
    quote = only(text)
    assert quote.speaker == "Kovac"
    assert quote.cue == "telling"


def test_surmised_introduces_a_quote() -> None:
    text = '"Nobody wants another strike," she surmised.'
    quote = only(text)
    assert mention(text, quote) == "she"
    assert quote.cue == "surmised"


def test_a_verb_after_a_quote_that_runs_on_is_not_its_verb() -> None:
    # "said" reports the quote; "thinks" belongs to the rest of the sentence.
    text = 'Kovac said "it wears me out" each time he thinks of the closed pier.'
    quote = quote_with(text, "wears")
    assert quote.speaker == "Kovac"
    assert quote.cue == "said"


@pytest.mark.parametrize(
    "rest",
    [
        "the port authority said on Monday, dealing a blow to hopes of an early season.",
        "the port authority said late on Thursday, but repairs were still under way.",
    ],
)
def test_an_attribution_closing_what_was_said_keeps_what_came_before(rest: str) -> None:
    text = f"The harbour will not reopen before June, {rest}"
    quote = only(text)
    assert quote.kind is QuoteKind.INDIRECT
    assert quote.text == "The harbour will not reopen before June"
    assert mention(text, quote) == "the port authority"


def test_two_clauses_said_are_both_what_was_said() -> None:
    text = "The mayor's office said the pier had been inspected and that the decision lay with the council."
    quote = only(text)
    assert quote.text == ("the pier had been inspected and that the decision lay with the council")


def test_a_participle_after_a_determiner_is_no_cue() -> None:
    text = 'Asked about the planned strike, Kovac said the union "will not back down" this year.'
    quote = only(text)
    assert quote.speaker == "Kovac"
    assert quote.cue == "said"


@pytest.mark.parametrize("dateline", ["VARNA, May 12 - ", "VARNA (Wire One) - ", "VARNA — "])
def test_the_dateline_is_not_what_was_said(dateline: str) -> None:
    text = f"{dateline}The harbour will not reopen before June, the port authority said."
    quote = only(text)
    assert quote.text == "The harbour will not reopen before June"


def test_a_participle_report_is_its_own_statement_with_the_subject_after_the_dateline() -> None:
    text = (
        "VARNA, May 12 - The port authority on Monday rejected the union's offer on wages, "
        "saying it ignored the cost of the new cranes and could not be signed this year."
    )
    # Rejecting an offer is an act, not a statement (tests/extract/test_speech_acts.py);
    # the participle after it still reports what the authority said.
    assert not [q for q in extract_quotes(text) if "offer" in q.text]
    saying = quote_with(text, "cranes")
    assert saying.text == "it ignored the cost of the new cranes and could not be signed this year"
    assert mention(text, saying) == "The port authority"


def test_a_second_verb_of_saying_starts_a_statement_of_its_own() -> None:
    text = (
        "The port authority blamed the union for the delays at the pier and said "
        "the new cranes would arrive in June."
    )
    blamed = quote_with(text, "delays")
    said = quote_with(text, "cranes")
    assert blamed.text == "the union for the delays at the pier"
    assert said.text == "the new cranes would arrive in June"
    assert mention(text, said) == "The port authority"


@pytest.mark.parametrize(
    "label", ['"May 12, 2026"', '"@portofvarna"', '"https://varna.example/pier"']
)
def test_a_date_handle_or_link_in_quotation_marks_is_no_quote(label: str) -> None:
    text = f'"The harbour will reopen in June," Kovac posted on {label}.'
    found = extract_quotes(text)
    assert [q.text for q in found] == ['"The harbour will reopen in June,"']


def test_a_body_before_the_quote_speaks_only_above_a_block_quote() -> None:
    """Ending its paragraph with a colon, it introduces the quote below; a
    sentence of its own in the quote's paragraph may be about anything."""
    within = (
        "Ferry traffic fell. The harbour board reported on the figures. "
        '"Traffic fell by a third in the spring, the lowest in a decade."'
    )
    assert only(within).speaker is None


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            'When Marta Lind was asked about the ferry, she laughed and said, "We will see."',
            "she",
        ),
        ('Years later, I shrugged and told him, "We will see."', "I"),
        # the pronoun of a clause said is not the one of the verbs
        ('Holt confirmed she had been there and said, "We will see."', "Holt"),
    ],
)
def test_two_joined_verbs_speak_for_the_pronoun_before_them(text: str, speaker: str) -> None:
    assert mention(text, quote_with(text, "We will see")) == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('After the count, Gov. Marta Lind (R-Ore.), said, "We will rebuild every pier."', "Lind"),
        ('Asked whom she backed, Ms. Berg smiled and said, "We will rebuild every pier."', "Berg"),
        (
            'The hearing was so calm that Mr. Holt was moved to say, "We will rebuild every pier."',
            "Holt",
        ),
    ],
)
def test_the_subject_before_the_words_joining_it_to_the_verb_speaks(
    text: str, speaker: str
) -> None:
    quote = quote_with(text, "rebuild")
    assert quote.rule == "said_then_quote"
    assert mention(text, quote).endswith(speaker)


def test_after_what_the_subject_that_names_the_speaker_is_the_mention() -> None:
    text = (
        "The council met in Tavira on Monday.\n\n"
        'Mayor Eva Lindgren attacked what she called "a costly toy for tourists."'
    )
    quote = next(q for q in extract_quotes(text) if "toy" in q.text)
    assert mention(text, quote) == "Mayor Eva Lindgren"
    assert quote.speaker == "Eva Lindgren"


def test_after_what_the_same_pronoun_opening_the_sentence_is_the_mention() -> None:
    text = (
        '"The depot is full," Mayor Eva Lindgren said.\n\n'
        'She scrapped what she called "a costly toy for tourists."'
    )
    quote = next(q for q in extract_quotes(text) if "toy" in q.text)
    assert quote.speaker_start == text.index("She scrapped")
    assert quote.speaker == "Eva Lindgren"


def test_after_a_dash_what_keeps_its_own_pronoun() -> None:
    text = (
        "The council met in Tavira on Monday.\n\n"
        'Mayor Eva Lindgren was blunt about the tram - what she called "a costly toy."'
    )
    quote = next(q for q in extract_quotes(text) if "toy" in q.text)
    assert quote.speaker_start == text.index("she called")
    assert quote.speaker == "Eva Lindgren"


@pytest.mark.parametrize(
    ("opening", "speaker"),
    [
        ("First, she", "Eva Lindgren"),
        ("Likewise, she", "Eva Lindgren"),
        ("More importantly, three days before the vote, she", "Eva Lindgren"),
        ("Ever since Pablo Ruiz left the council last year, she's", "Eva Lindgren"),
    ],
)
def test_an_opening_adverb_or_clause_is_not_the_speaker(opening: str, speaker: str) -> None:
    text = (
        "Mayor Eva Lindgren spoke in Tavira on Monday.\n\n"
        f'{opening} repeated the same line at every stop: "The tram will never pay its way."'
    )
    quote = next(q for q in extract_quotes(text) if "tram will never" in q.text)
    assert quote.speaker == speaker
    assert quote.speaker_mention == "she"


def test_a_verb_of_an_opening_clause_is_not_the_quotes() -> None:
    text = (
        "The harbour vote is on Sunday.\n\n"
        "With ferry captains increasingly worried about the winter timetable,"
        ' Mayor Lind is rolling out a blunt new message: "The boats will sail."'
    )
    quote = next(q for q in extract_quotes(text) if "boats will sail" in q.text)
    assert mention(text, quote) == "Mayor Lind"
    assert quote.speaker == "Lind"


def test_as_someone_put_it_still_attributes_what_follows() -> None:
    text = (
        "The harbour vote is on Sunday.\n\n"
        "As Mayor Eva Lindgren put it in a letter to the council, the port is"
        ' "a dock without ships, and a town without work."'
    )
    quote = next(q for q in extract_quotes(text) if "without ships" in q.text)
    assert quote.speaker == "Eva Lindgren"


@pytest.mark.parametrize("appositive", ["now the harbour master", "the harbour master"])
def test_who_after_an_appositive_is_the_name_before_it(appositive: str) -> None:
    text = (
        "Mayor Eva Lindgren spoke in Tavira on Monday.\n\n"
        f"Lindgren has long quarrelled with Pablo Ruiz, {appositive}, who in 2019 said"
        ' the board\'s main goal was to make Lindgren a "one-term mayor."'
    )
    quote = next(q for q in extract_quotes(text) if "one-term" in q.text)
    assert mention(text, quote) == "who"
    assert quote.speaker == "Pablo Ruiz"


@pytest.mark.parametrize(
    ("attribution", "speaker"),
    [
        ("said the harbour chief known as Rolf", "the harbour chief"),
        (
            "said a veteran harbour pilot who has worked for both ferry lines",
            "a veteran harbour pilot",
        ),
    ],
)
def test_an_inverted_described_speaker_before_who_or_known_as(
    attribution: str, speaker: str
) -> None:
    text = f'"There never was an order to close the pier," {attribution}.'
    quote = only(text)
    assert quote.speaker_mention == speaker


def test_a_quote_closed_by_a_comma_does_not_continue_the_speaker_before() -> None:
    text = (
        '"The ferry is late again," Pablo Ruiz said.\n\n'
        '"After we came here, we found the nets were all torn," said one owner of a'
        " stall that sells nets who declined to be named."
    )
    quote = next(q for q in extract_quotes(text) if "nets were all torn" in q.text)
    assert quote.speaker != "Pablo Ruiz"


@pytest.mark.parametrize(
    ("attribution", "speaker"),
    [
        ("he points out", "Pablo Ruiz"),
        ("Ruiz pointed out on Monday", "Pablo Ruiz"),
        ("opined the Tavira Gazette", "Tavira Gazette"),
    ],
)
def test_points_out_and_opined_are_verbs_of_saying(attribution: str, speaker: str) -> None:
    text = (
        "Pablo Ruiz spoke to the harbour board on Monday.\n\n"
        f'"The harbour voted for the ferry twice," {attribution}.'
    )
    quote = next(q for q in extract_quotes(text) if "voted for the ferry" in q.text)
    assert quote.rule == "quote_then_said"
    assert quote.speaker == speaker


def test_an_opening_when_clause_is_not_the_subject() -> None:
    text = (
        "When the storm hit the harbour, Pablo Ruiz took a harder line --"
        ' "No more delays will be accepted."'
    )
    assert only(text).speaker == "Pablo Ruiz"


def test_an_appositive_after_while_keeps_the_subject_inside() -> None:
    text = (
        "While Mayor Eva Lindgren, speaking for the board, laid out a plan for"
        ' "a harbour that pays its way," the dockers left.'
    )
    assert only(text).speaker == "Eva Lindgren"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Another harbour source speaking to the Tavira Gazette said,"
            ' "The pilots are checking every contract."',
            None,
        ),
        (
            "His campaign mailed a long letter to the dockers saying:"
            ' "Every crane will be replaced before the winter."',
            "His campaign",
        ),
    ],
)
def test_the_object_of_a_preposition_is_not_the_speaker(text: str, speaker: str | None) -> None:
    assert only(text).speaker == speaker


def test_the_office_for_a_thing_is_one_name() -> None:
    text = "The Office for Harbour Safety said the pier would close on Monday."
    assert only(text).speaker == "Office for Harbour Safety"


def test_a_participle_after_said_goes_on_for_its_subject() -> None:
    text = (
        "Holt and Lind will meet next week, Berg said, adding,"
        ' "The two of them should settle it over lunch."'
    )
    quote = next(q for q in extract_quotes(text) if "over lunch" in q.text)
    assert quote.speaker == "Berg"


def test_a_noun_of_saying_before_a_participle_is_no_verb() -> None:
    text = (
        "Berg's campaign shrugged off Lind's comments, telling reporters,"
        ' "Nobody on the team has ever asked for support."'
    )
    assert only(text).speaker_mention == "Berg's campaign"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            'The Harbour Foundation would not discuss "that man," telling Radio 35'
            ' that the board is focused on "ending the ferry delays for good."',
            "The Harbour Foundation",
        ),
        (
            "Nils Aho, who was listed on the harbour slate, told the Gazette,"
            ' "Of the three candidates, I like Lind the best."',
            "Nils Aho",
        ),
        ('"Why would the ferry stop now?" asked Nils Aho.', "Nils Aho"),
    ],
)
def test_after_told_stands_whom_it_was_told_to(text: str, speaker: str) -> None:
    quotes = extract_quotes(text)
    assert quotes
    assert {quote.speaker for quote in quotes} == {speaker}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Voters are split, Pablo Ruiz of Tavira Beach, Fla., said that the ferry"
            " fares had doubled since the spring.",
            "Pablo Ruiz",
        ),
        (
            "Holt is assuring voters he is tough enough after a dock worker in Salem,"
            " Mass., told him the harbour was in trouble.",
            "a dock worker in Salem, Mass.",
        ),
    ],
)
def test_a_city_and_its_state_are_a_place_not_a_speaker(text: str, speaker: str) -> None:
    quotes = extract_quotes(text)
    assert [quote.speaker for quote in quotes] == [speaker]


def test_a_crowd_in_a_city_and_state_names_no_speaker() -> None:
    text = (
        "The rally drew about 9,000 people in Salem, Mass., highlighting the anger"
        ' dockers feel about the "rigged" harbour board.'
    )
    assert all(quote.speaker != "Salem" for quote in extract_quotes(text))


@pytest.mark.parametrize(
    ("text", "speaker", "closing"),
    [
        (
            "''Most dockers will not settle for 'We will fix the cranes,''' said Senator"
            " Ana Ruiz of Oregon, referring to the port board.",
            "Ana Ruiz",
            "cranes,'''",
        ),
        (
            "''Every winter someone writes 'The ferry is finished,''' Tomas Berg, the ferry's"
            " captain, said on Friday.",
            "Tomas Berg",
            "finished,'''",
        ),
    ],
)
def test_doubled_apostrophes_closing_a_nested_single_quote_keep_the_attribution(
    text: str, speaker: str, closing: str
) -> None:
    # ",'''": the nested quote's apostrophe closes first, the doubled pair last.
    quote = only(text)
    assert quote.kind is QuoteKind.DIRECT
    assert quote.speaker == speaker
    assert content(text, quote).endswith(closing)
