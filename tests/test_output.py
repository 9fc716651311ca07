"""The shared listing formats."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import click
import pytest
from click.testing import CliRunner

from quotes.cli.output import csv_safe, emit, output_options

ROWS = [
    {"speaker": "Dmitry Peskov", "said_on": dt.date(2025, 6, 2), "text": "=SUM(A1:A9)"},
    {"speaker": "Volodymyr Zelensky", "said_on": None, "text": "We are ready, he said"},
]


@click.command()
@output_options
def listing(fmt: str) -> None:
    emit(ROWS, fmt)


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx"])
def test_csv_cells_that_look_like_formulas_are_made_inert(value: str) -> None:
    assert csv_safe(value) == "'" + value


def test_csv_keeps_ordinary_text() -> None:
    assert csv_safe("a 5-point plan") == "a 5-point plan"
    assert csv_safe(None) == ""


def test_json_output_is_an_array_with_iso_dates() -> None:
    result = CliRunner().invoke(listing, ["--json"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data[0]["said_on"] == "2025-06-02"
    assert data[1]["said_on"] is None


def test_nl_output_is_one_object_per_line() -> None:
    result = CliRunner().invoke(listing, ["--nl"])
    lines = result.output.strip().splitlines()
    assert [json.loads(line)["speaker"] for line in lines] == [
        "Dmitry Peskov",
        "Volodymyr Zelensky",
    ]


def test_csv_output_has_header_and_safe_cells() -> None:
    result = CliRunner().invoke(listing, ["--csv"])
    parsed = list(csv.reader(io.StringIO(result.output)))
    assert parsed[0] == ["speaker", "said_on", "text"]
    assert parsed[1] == ["Dmitry Peskov", "2025-06-02", "'=SUM(A1:A9)"]


def test_table_is_the_default_and_shows_every_row() -> None:
    result = CliRunner().invoke(listing, [])
    assert "Dmitry Peskov" in result.output
    assert "Volodymyr Zelensky" in result.output


def test_emit_counts_rows(capsys: pytest.CaptureFixture[str]) -> None:
    assert emit(iter(ROWS), "nl") == 2
    assert emit([], "table") == 0
    assert "(no results)" in capsys.readouterr().out
