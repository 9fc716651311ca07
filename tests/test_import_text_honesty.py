"""Import end to end: bytes that do not say their encoding, mojibake and other languages.

What is stored must be the text the author wrote, and a quote must never come
from rules written for another language.
"""

from __future__ import annotations

from pathlib import Path

import ftfy.bad_codecs  # noqa: F401  (registers "sloppy-windows-1252", what browsers decode)
from click.testing import CliRunner
from sqlalchemy import select

from quotes.cli import cli
from quotes.services.importing import ImportStatus, import_articles
from quotes.storage.database import Database
from quotes.storage.models import Article, Quote

ENGLISH = (
    "“We will keep the ferry running all winter,” the harbour master Ilse Varga told the "
    "council on Tuesday. She said fares would not rise before the spring."
)
GERMAN = (
    "„Wir werden die Fähre den ganzen Winter über fahren lassen“, sagte die Hafenmeisterin "
    "Ilse Varga am Dienstag vor dem Gemeinderat. Sie sagte, die Preise würden vor dem "
    "Frühjahr nicht steigen, und die Fahrgäste müssten keine Ausfälle fürchten."
)
RUSSIAN = (
    "«Паром будет ходить всю зиму», — заявила во вторник начальница порта Ильза Варга на "
    "заседании совета. По её словам, цены на билеты не вырастут до весны, а рейсы не будут "
    "отменены."
)
NOTICE = "stored without quotes: language {} (only English has rules)"


def _import(database: Database, path: Path) -> tuple[ImportStatus, int, str | None, Article]:
    (result,) = import_articles(database, [path])
    assert result.status is ImportStatus.NEW, result.error
    with database.session() as session:
        article = session.get_one(Article, result.article_id)
        session.expunge(article)
    return result.status, result.quotes, result.notice, article


def test_other_languages_are_stored_without_quotes(database: Database, tmp_path: Path) -> None:
    (tmp_path / "de.txt").write_text(f"Fähre fährt\n\n{GERMAN}\n", encoding="utf-8")
    (tmp_path / "ru.txt").write_bytes(f"Паром\n\n{RUSSIAN}\n".encode("cp1251"))  # undeclared
    (tmp_path / "en.txt").write_text(f"Ferry\n\n{ENGLISH}\n", encoding="utf-8")
    _, quotes, notice, article = _import(database, tmp_path / "de.txt")
    assert (quotes, notice, article.language) == (0, NOTICE.format("de"), "de")
    _, quotes, notice, article = _import(database, tmp_path / "ru.txt")
    assert (quotes, notice, article.language) == (0, NOTICE.format("ru"), "ru")
    assert "Паром будет ходить всю зиму" in article.text  # not "Ïàðîì"
    _, quotes, notice, english = _import(database, tmp_path / "en.txt")
    assert quotes >= 1 and notice is None and english.language == "en"
    with database.session() as session:
        quoted = session.scalars(select(Quote)).all()
        assert {q.speaker.name for q in quoted if q.speaker} == {"Ilse Varga"}
        assert {q.article_id for q in quoted} == {english.id}  # the English article's only


def test_mojibake_and_stray_bytes_are_repaired(database: Database, tmp_path: Path) -> None:
    mojibake = ENGLISH.encode("utf-8").decode("sloppy-windows-1252")
    (tmp_path / "moj.txt").write_text(f"Ferry\n\n{mojibake}\n", encoding="utf-8")
    _, quotes, notice, article = _import(database, tmp_path / "moj.txt")
    assert article.text == ENGLISH and quotes >= 1 and notice is None
    with database.session() as session:
        quote = session.scalars(select(Quote).where(Quote.article_id == article.id)).first()
        assert quote is not None and quote.speaker is not None
        assert quote.speaker.name == "Ilse Varga"
    stray = f"Pier\n\n{ENGLISH.replace('ferry', 'pier')} — “café” …".encode() + b"\xff\n"
    (tmp_path / "stray.txt").write_bytes(stray)
    _, quotes, notice, article = _import(database, tmp_path / "stray.txt")
    assert notice == "repaired: 1 invalid UTF-8 sequence replaced by U+FFFD"
    assert article.text.endswith("— “café” …\ufffd") and "Ã" not in article.text
    assert quotes >= 1


def test_short_english_is_not_refused(database: Database, tmp_path: Path) -> None:
    (tmp_path / "short.txt").write_text("Pier\n\n“No,” Holst said.\n", encoding="utf-8")
    _, quotes, notice, article = _import(database, tmp_path / "short.txt")
    assert quotes == 1 and notice is None and article.language is None


def test_the_cli_says_why_an_article_has_no_quotes(database_url: str, tmp_path: Path) -> None:
    (tmp_path / "de.txt").write_text(f"Fähre\n\n{GERMAN}\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--db", database_url, "import", str(tmp_path / "de.txt")])
    assert result.exit_code == 0
    assert result.stderr == f"Notice: {tmp_path}/de.txt: {NOTICE.format('de')}\n"
    assert "1 new" in result.stdout
