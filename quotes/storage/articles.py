"""The importer's queries on articles, their reprints and outlets
(``quotes.services.importing``): is an article stored, under which URL or
text, and the outlets it was printed by."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, bindparam, delete, literal, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from quotes.storage.bulk import insert_ignore, table_of
from quotes.storage.models import Article, Outlet, Reprint, utcnow


def _find_queries() -> tuple[Any, Any]:
    """The look-up by text, and by text or URL: built once (building costs more than asking)."""
    columns = table_of(Article).c
    reprints = table_of(Reprint).c
    reprinted_here = columns.id.in_(
        select(reprints.article_id).where(reprints.url == bindparam("url"))
    )
    chosen = (columns.id, columns.url, columns.content_hash, columns.outlet_id)
    by_text = select(*chosen, literal(False)).where(columns.content_hash == bindparam("digest"))
    by_text_or_url = select(*chosen, reprinted_here).where(
        or_(
            columns.content_hash == bindparam("digest"),
            columns.url == bindparam("url"),
            reprinted_here,
        )
    )
    return by_text, by_text_or_url


_BY_TEXT, _BY_TEXT_OR_URL = _find_queries()


def articles_at(connection: Connection, url: str | None, digest: str) -> list[Any]:
    """(id, url, content hash, outlet id, reprinted at ``url``) of the stored
    articles with this text, or (given a URL) at this URL or reprinted there."""
    query = _BY_TEXT_OR_URL if url else _BY_TEXT
    return list(connection.execute(query, {"digest": digest, "url": url}).all())


def other_article_with_text(session: Session, digest: str, article_id: int) -> int | None:
    """Another stored article with this text, if there is one."""
    return session.scalar(
        select(Article.id).where(Article.content_hash == digest, Article.id != article_id)
    )


def drop_reprints_at(session: Session, url: str | None) -> None:
    """Forget the reprints printed at this URL."""
    session.execute(delete(Reprint).where(Reprint.url == url))


def has_reprint_without_url(session: Session, article_id: int, outlet_id: int | None) -> bool:
    """Is the article known already as reprinted, from a file, by this outlet?"""
    reprints = table_of(Reprint)
    return (
        session.scalar(
            select(reprints.c.id).where(
                reprints.c.article_id == article_id,
                reprints.c.outlet_id == outlet_id,
                reprints.c.url.is_(None),
            )
        )
        is not None
    )


def add_reprint(session: Session, row: dict[str, Any]) -> int:
    """Insert a reprint unless its URL is stored already; how many rows went in (0 or 1)."""
    done = session.connection().execute(insert_ignore(session, Reprint), row)
    return int(done.rowcount)


def outlet_named(session: Session, name: str) -> int | None:
    return session.scalar(select(Outlet.id).where(Outlet.name == name))


def outlet_at(session: Session, domain: str) -> int | None:
    return session.scalar(select(Outlet.id).where(Outlet.domain == domain))


def insert_outlet(session: Session, row: dict[str, Any]) -> None:
    """Insert an outlet unless its name or domain is taken (``ON CONFLICT DO NOTHING``)."""
    table = table_of(Outlet)
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    session.execute(insert(table).values(created_at=utcnow(), **row).on_conflict_do_nothing())
