"""What a user trips over in any command: empty and option-like queries, emoji,
tables into pipes, plurals, help texts."""

from __future__ import annotations

import json

import click
from click.testing import CliRunner

from quotes.cli import cli
from quotes.storage.database import Database
from tests.quote_fixtures import Said, publish
from tests.test_statements import DAY

TARIFFS = "-5% tariffs on steel would hurt the port more than any storm."
DOVE = "We carried the 🕊 banner through the square and nobody stopped us."


def run(database_url: str, *args: str, input: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", database_url, *args], input=input)
    return result.exit_code, result.output


def _newsroom(database: Database) -> None:
    publish(database, "Coast Wire", DAY, Said(TARIFFS, "Ilse Varga"))
    publish(database, "Bay Daily", DAY, Said(DOVE, "Tomas Brandt"))


def test_an_empty_query_is_a_usage_error(database: Database, database_url: str) -> None:
    _newsroom(database)
    for command in ("search", "who"):
        code, out = run(database_url, command, "")
        assert code == 2 and "empty" in out and "No statement matches" not in out
        code, out = run(database_url, command, "-", input="  \n")
        assert code == 2 and "empty" in out
    # The same command with words finds the statement: the error is the query's.
    code, out = run(database_url, "search", "tariffs steel", "--json")
    assert code == 0 and [row["text"] for row in json.loads(out)] == [TARIFFS]


def test_a_query_starting_with_a_dash_is_text(database: Database, database_url: str) -> None:
    _newsroom(database)
    for args in (["-5% tariffs on steel", "--json"], ["--json", "--", "-5% tariffs on steel"]):
        code, out = run(database_url, "search", *args)
        assert code == 0, out
        assert [row["text"] for row in json.loads(out)] == [TARIFFS]
    code, out = run(database_url, "who", "-5% tariffs on steel", "--json")
    assert code == 0 and json.loads(out)[0]["speaker"] == "Ilse Varga"
    # A lone "-" still reads the query from standard input.
    code, out = run(database_url, "search", "-", "--json", input="tariffs on steel")
    assert code == 0 and [row["text"] for row in json.loads(out)] == [TARIFFS]
    # Real options after the text still count.
    code, out = run(database_url, "search", "-5% tariffs", "--speaker", "Tomas Brandt", "--json")
    assert code == 0 and json.loads(out) == []


def test_an_emoji_finds_the_statements_holding_it(database: Database, database_url: str) -> None:
    _newsroom(database)
    code, out = run(database_url, "search", "🕊", "--json")
    assert code == 0, out
    (hit,) = json.loads(out)
    assert hit["text"] == DOVE and hit["matched"] == ["🕊"]
    # With the variation selector a keyboard may add, and among other symbols.
    code, out = run(database_url, "search", "🕊\ufe0f", "--json")
    assert [row["text"] for row in json.loads(out)] == [DOVE]
    code, out = run(database_url, "search", "🚢", "--json")
    assert code == 0 and json.loads(out) == []


def test_no_box_drawing_into_a_pipe(database: Database, database_url: str) -> None:
    _newsroom(database)
    # CliRunner's output is not a terminal: JSON lines unless a table is asked for.
    code, out = run(database_url, "statements", "list")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert {row["text"] for row in rows} == {TARIFFS, DOVE}
    assert not any(ch in out for ch in "┏━│└")
    code, out = run(database_url, "statements", "list", "--table")
    assert code == 0 and "│" in out


def test_plurals(database: Database, database_url: str) -> None:
    _newsroom(database)
    code, out = run(database_url, "statements", "show", "1", "--table")
    assert code == 0 and "1 appearance" in out and "1 appearances" not in out, out
    code, out = run(database_url, "dedupe")
    assert code == 0 and "2 quotes of 2 speakers: 2 statements" in out
    assert "0 quotes moved" in out and "0 suggestions" in out


def test_help_texts_are_plain() -> None:
    runner = CliRunner()

    def walk(command: click.Command, path: list[str]) -> int:
        result = runner.invoke(cli, [*path, "--help"])
        assert result.exit_code == 0, path
        assert "``" not in result.output and "`" not in result.output, (path, result.output)
        seen = 1
        if isinstance(command, click.Group):
            context = click.Context(command)
            for name in command.list_commands(context):
                sub = command.get_command(context, name)
                assert sub is not None
                seen += walk(sub, [*path, name])
        return seen

    assert walk(cli, []) > 30
