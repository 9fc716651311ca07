"""What a database holds, by content (names, wordings, sources), not by ids:
for comparing two imports of the same articles."""

from __future__ import annotations

import os
from collections import Counter
from typing import Any

from sqlalchemy import select

from quotes.storage.database import Database
from quotes.storage.models import Article, Quote, Speaker, Statement


def contents(database: Database) -> dict[str, Any]:
    """Speakers (name, kind), articles (file names), and each statement with
    its speaker, wording, date and its quotes (file, text), all sorted."""
    with database.session() as session:
        speakers = sorted(
            (name, str(kind)) for name, kind in session.execute(select(Speaker.name, Speaker.kind))
        )
        articles = sorted(os.path.basename(o) for o in session.scalars(select(Article.origin)))
        names = {sid: name for sid, name in session.execute(select(Speaker.id, Speaker.name))}
        statements: dict[int, dict[str, Any]] = {
            sid: {
                "speaker": names.get(speaker_id),
                "text": text,
                "first_said_on": said,
                "quotes": [],
            }
            for sid, speaker_id, text, said in session.execute(
                select(
                    Statement.id,
                    Statement.speaker_id,
                    Statement.canonical_text,
                    Statement.first_said_on,
                )
            )
        }
        for statement_id, origin, text in session.execute(
            select(Quote.statement_id, Article.origin, Quote.text).join(Article)
        ):
            statements[statement_id]["quotes"].append((os.path.basename(origin), text))
    described = sorted(
        (
            str(s["speaker"]),
            s["text"],
            str(s["first_said_on"]),
            tuple(sorted(s["quotes"])),
        )
        for s in statements.values()
    )
    return {"speakers": speakers, "articles": articles, "statements": described}


def duplicates(items: list[Any]) -> list[Any]:
    """The items listed more than once."""
    return sorted(item for item, n in Counter(items).items() if n > 1)
