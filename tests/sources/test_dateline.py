"""A dateline dates a story whose file states no date (quotes.sources.dateline)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from click.testing import CliRunner

from quotes.cli import cli
from quotes.sources import read_sources
from quotes.sources.dateline import dateline_date

TODAY = dt.date(2031, 4, 9)
STORY = "The harbour board said on Monday that the ferry would sail all winter."


def test_a_wire_dateline_with_its_agency_gives_the_day() -> None:
    text = f"TROMSO, March 4 (Nordwire) - {STORY}"
    assert dateline_date(text, TODAY) == dt.date(2031, 3, 4)


def test_a_dateline_with_a_year_gives_that_year() -> None:
    text = f"HALIFAX, June 5, 2029 (AP) — {STORY}"
    assert dateline_date(text, TODAY) == dt.date(2029, 6, 5)


def test_a_day_with_an_ordinal_as_gulf_agencies_print_it() -> None:
    text = f"MUSCAT, 14th April, 2029 (ONA) -- {STORY}"
    assert dateline_date(text, TODAY) == dt.date(2029, 4, 14)
    assert dateline_date(f"DOHA, March 3rd (QNA) -- {STORY}", TODAY) == dt.date(2031, 3, 3)


def test_a_press_release_dateline_with_its_service_gives_the_day() -> None:
    text = f"HALIFAX, N.S., June 5, 2029 /Harbourwire/ -- {STORY}"
    assert dateline_date(text, TODAY) == dt.date(2029, 6, 5)


def test_a_dateline_without_a_day_gives_nothing() -> None:
    assert dateline_date(f"TROMSO (Nordwire) – {STORY}", TODAY) is None
    assert dateline_date(STORY, TODAY) is None


def test_without_a_year_a_full_date_in_the_story_gives_it() -> None:
    text = f"TROMSO, March 4 - {STORY} The last ferry sailed on Feb. 27, 2029 in a storm."
    assert dateline_date(text, TODAY) == dt.date(2029, 3, 4)


def test_without_any_year_the_day_is_the_latest_not_after_today() -> None:
    assert dateline_date(f"TROMSO, May 2 - {STORY}", TODAY) == dt.date(2030, 5, 2)
    assert dateline_date(f"TROMSO, April 9 - {STORY}", TODAY) == dt.date(2031, 4, 9)


def test_a_header_or_metadata_date_wins_over_the_dateline(tmp_path: Path) -> None:
    dated = tmp_path / "dated.txt"
    dated.write_text(f"date 2029-01-15 Ferry\n\nTROMSO, March 4 - {STORY}\n", encoding="utf-8")
    bare = tmp_path / "bare.txt"
    bare.write_text(f"TROMSO, March 4, 2029 - {STORY}\n", encoding="utf-8")
    by_name = {Path(a.origin).name: a for a in read_sources([str(dated), str(bare)])}  # type: ignore[union-attr]
    assert by_name["dated.txt"].published == dt.date(2029, 1, 15)
    assert by_name["bare.txt"].published == dt.date(2029, 3, 4)


def test_extract_dates_a_statement_from_the_dateline(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(f"TROMSO, March 7, 2029 (Nordwire) - {STORY}\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", "--format", "json", str(path)])
    assert result.exit_code == 0, result.output
    assert '"said_on": "2029-03-05"' in result.output  # Monday before Wednesday the 7th


def test_a_dateline_day_first_with_a_weekday_gives_the_day() -> None:
    assert dateline_date(f"TROMSO, 4 March 2029 – {STORY}", TODAY) == dt.date(2029, 3, 4)
    assert dateline_date(f"TROMSO, Sunday 4 March 2029 – {STORY}", TODAY) == dt.date(2029, 3, 4)


def test_a_dateline_line_of_its_own_dates_the_story(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(f"Tromso, Norway — Wednesday 7 March 2029\n\n{STORY}\n", encoding="utf-8")
    (article,) = read_sources([str(path)])
    assert article.published == dt.date(2029, 3, 7)  # type: ignore[union-attr]


def test_a_place_and_a_dash_without_a_date_give_nothing() -> None:
    assert dateline_date(f"Tromso, Norway – {STORY}", TODAY) is None
