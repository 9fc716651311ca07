"""The language of an article: told on paragraphs, never guessed on a few Latin words."""

from __future__ import annotations

import pytest

from quotes.sources import ReadOptions, read_sources
from quotes.sources.article import ArticleInput
from quotes.sources.language import article_language, normalize_language

PARAGRAPHS = {
    "en": "The harbour master told the council on Tuesday that the ferry to Sandvik would keep running through the winter. “We will not cancel a single crossing,” she said, adding that fares would stay where they are until spring.",
    "de": "Die Hafenmeisterin sagte am Dienstag vor dem Gemeinderat, die Fähre nach Sandvik werde den ganzen Winter über fahren. „Wir werden keine einzige Überfahrt streichen“, sagte sie und fügte hinzu, dass die Preise bis zum Frühjahr gleich bleiben.",
    "ru": "Начальница порта заявила во вторник на заседании совета, что паром до Сандвика будет ходить всю зиму. «Мы не отменим ни одного рейса», — сказала она, добавив, что цены на билеты не изменятся до весны.",
    "fr": "La capitaine du port a déclaré mardi devant le conseil que le ferry pour Sandvik circulerait tout l'hiver. « Nous n'annulerons aucune traversée », a-t-elle dit, ajoutant que les tarifs resteraient inchangés jusqu'au printemps.",
}
SHORT_ENGLISH = [
    "“No,” Holst said.",
    "Markus Weber, Jürgen Schäfer and Anna Köhler said they agreed.",
    "“Nein,” said Günther Brandt of the Bundestag.",
    "“Basta,” Rossi said in Rome on Monday.",
    "Putin met Erdogan.",
]


@pytest.mark.parametrize("language", sorted(PARAGRAPHS))
def test_a_paragraph_is_told_by_its_language(language: str) -> None:
    assert article_language(PARAGRAPHS[language]) == language


@pytest.mark.parametrize("text", SHORT_ENGLISH)
def test_a_few_words_of_latin_script_are_not_judged(text: str) -> None:
    assert article_language(text) is None  # unknown: treated as English
    assert article_language(text, "en-GB") == "en"


def test_a_few_words_of_another_script_are_not_english() -> None:
    assert article_language("Паром будет ходить всю зиму.") in {"ru", "uk", "bg", "mk", "sr"}


def test_the_text_overrules_a_declaration_only_where_it_is_clear() -> None:
    assert article_language(PARAGRAPHS["en"], "de") == "en"  # a template's lang="de"
    assert article_language("“Ja,” sagte sie.", "de-DE") == "de"
    assert [normalize_language(v) for v in ("EN", "en_US", "pt-BR", " ", None)] == [
        "en",
        "en",
        "pt",
        None,
        None,
    ]


def test_articles_read_carry_their_language() -> None:
    lines = [
        f'{{"text": "{PARAGRAPHS["de"].replace(chr(34), "")}"}}',
        '{"text": "“No,” Holst said.", "language": "en-US"}',
        '{"text": "“No,” Holst said."}',
    ]
    import io

    stdin = io.BytesIO("\n".join(lines).encode())
    items = list(read_sources(["-"], ReadOptions(fmt="jsonl", stdin=stdin)))
    assert all(isinstance(item, ArticleInput) for item in items)
    assert [item.language for item in items if isinstance(item, ArticleInput)] == ["de", "en", None]
