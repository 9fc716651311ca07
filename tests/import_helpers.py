"""Shared by the import tests: article fixtures written from our own text, a
stand-in extractor, and row counts."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select

from quotes.extract.model import DatePrecision, ExtractedQuote, QuoteKind, SpeakerKind
from quotes.storage.database import Database
from quotes.storage.models import Article, Outlet, Quote

PESKOV = (
    '"We will not sign this agreement," Kremlin spokesman Dmitry Peskov told reporters on Monday.'
)
ZELENSKY = (
    'Ukrainian President Volodymyr Zelensky said Kyiv was ready for a ceasefire "at any moment".'
)
_QUOTED = re.compile(r'"([^"]+?)[,.]?"')


def stub_extractor(text: str, published: dt.date | None) -> list[ExtractedQuote]:
    """Every double-quoted span, said by Dmitry Peskov: enough to exercise storage."""
    return [
        ExtractedQuote(
            text=m.group(1),
            start=m.start(1),
            end=m.end(1),
            kind=QuoteKind.DIRECT,
            cue="said",
            speaker="Dmitry Peskov",
            speaker_kind=SpeakerKind.PERSON,
            said_on=published,
            date_precision=DatePrecision.REPORTED if published else DatePrecision.UNKNOWN,
            confidence=0.9,
        )
        for m in _QUOTED.finditer(text)
    ]


def write_corpus(folder: Path) -> dict[str, Path]:
    """One article in each format, plus a JSON array of two."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "text": folder / "wire.txt",
        "html": folder / "page.html",
        "json": folder / "one.json",
        "array": folder / "two.json",
        "jsonl": folder / "feed.jsonl",
    }
    files["text"].write_text(f"date 2026-03-02 Kremlin rejects draft\n\n{PESKOV}\n")
    files["html"].write_text(
        "<html><head><title>Peskov speaks | Northwind Daily</title>"
        '<meta property="og:site_name" content="Northwind Daily">'
        '<meta property="og:title" content="Peskov speaks">'
        '<meta name="author" content="Maria Lindqvist">'
        '<meta property="article:published_time" content="2026-03-02T10:00:00Z">'
        '<link rel="canonical" href="https://www.northwind.example/peskov"></head>'
        f"<body><article><h1>Peskov speaks</h1><p>Moscow said no. {PESKOV}</p>"
        "<p>He said the Geneva summit was possible.</p></article></body></html>"
    )
    files["json"].write_text(
        json.dumps(
            {
                "text": f"Kyiv answered. {ZELENSKY}",
                "title": "Zelensky answers",
                "url": "https://balticledger.example/zelensky",
                "published": "2026-03-03",
                "language": "en",
            }
        )
    )
    files["array"].write_text(
        json.dumps(
            [
                {"text": f"Array one. {PESKOV}", "outlet": "Wire Desk"},
                {"text": f"Array two. {ZELENSKY}", "outlet": "Wire Desk"},
            ]
        )
    )
    files["jsonl"].write_text(
        "\n".join(
            json.dumps({"text": f"Feed {i}. {PESKOV}", "url": f"https://feed.example/{i}"})
            for i in range(3)
        )
        + "\n"
    )
    return files


def counts(database: Database) -> tuple[int, int, int]:
    """(articles, quotes, outlets)"""
    with database.session() as session:
        return (
            session.scalar(select(func.count()).select_from(Article)) or 0,
            session.scalar(select(func.count()).select_from(Quote)) or 0,
            session.scalar(select(func.count()).select_from(Outlet)) or 0,
        )


def sigkill_when(command: list[str], stored: Callable[[], int], at: int, *, within: float) -> None:
    """Run ``command`` (an import) and SIGKILL it once ``stored()`` reaches ``at``.

    Fails if the import ends first or makes no progress within ``within`` seconds.
    """
    process = subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        deadline = time.monotonic() + within
        while stored() < at:
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "the import made no progress"
            time.sleep(0.01)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == -signal.SIGKILL
