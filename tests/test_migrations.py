"""Alembic is the only way the schema changes: prove it gives the models' schema."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect, text
from sqlalchemy.engine import URL

from quotes.storage.database import create_database_engine
from quotes.storage.migrate import current_revision, downgrade, head_revision, upgrade
from quotes.storage.models import Base
from tests.conftest import BACKENDS


def _include_object(
    obj: object, name: str | None, type_: str, reflected: bool, other: object
) -> bool:
    # The same filter as migrations/env.py: full-text DDL is not in the models.
    return not (name or "").startswith(("fts_", "ix_fts_", "statements_fts", "quotes_fts"))


def _schema_drift(url: URL) -> list[object]:
    engine = create_database_engine(url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(
                connection,
                opts={"include_object": _include_object, "compare_type": True},
            )
            return list(compare_metadata(context, Base.metadata))
    finally:
        engine.dispose()


def _tables(url: URL) -> set[str]:
    engine = create_database_engine(url)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


@pytest.mark.parametrize("empty_database_url", BACKENDS, indirect=True)
def test_upgrade_head_gives_exactly_the_models_schema(empty_database_url: URL) -> None:
    engine = create_database_engine(empty_database_url)
    assert upgrade(engine, "head") is True
    assert current_revision(engine) == head_revision()
    engine.dispose()
    assert _schema_drift(empty_database_url) == []
    assert set(Base.metadata.tables) <= _tables(empty_database_url)


def _fulltext(engine: Engine) -> set[str]:
    """The full-text tables (SQLite) or indexes (PostgreSQL) of statements and quotes."""
    inspector = inspect(engine)
    if engine.dialect.name == "sqlite":
        return {name for name in inspector.get_table_names() if name.endswith("_fts")}
    return {
        ix["name"]
        for table in ("statements", "quotes")
        for ix in inspector.get_indexes(table)
        if ix["name"] and ix["name"].startswith("ix_fts_")
    }


@pytest.mark.parametrize("empty_database_url", BACKENDS, indirect=True)
def test_upgrade_indexes_statements_for_full_text_and_not_quotes(empty_database_url: URL) -> None:
    engine = create_database_engine(empty_database_url)
    upgrade(engine, "head")
    try:
        sqlite = engine.dialect.name == "sqlite"
        assert _fulltext(engine) == {"statements_fts" if sqlite else "ix_fts_statements"}
    finally:
        engine.dispose()


@pytest.mark.parametrize("empty_database_url", BACKENDS, indirect=True)
def test_downgrade_0005_rebuilds_the_quote_index_from_stored_quotes(
    empty_database_url: URL,
) -> None:
    engine = create_database_engine(empty_database_url)
    try:
        upgrade(engine, "head")
        with engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO articles (id, content_hash, text, imported_at) "
                    "VALUES (1, 'h', 'Ministers rejected the truce.', CURRENT_TIMESTAMP)"
                )
            )
            connection.execute(
                text(
                    "INSERT INTO quotes (article_id, text, span_start, span_end, kind, "
                    "date_precision, confidence) VALUES (1, 'Ministers rejected the truce', "
                    "0, 28, 'indirect', 'unknown', 0.9)"
                )
            )
        downgrade(engine, "0004")
        sqlite = engine.dialect.name == "sqlite"
        assert _fulltext(engine) == (
            {"statements_fts", "quotes_fts"} if sqlite else {"ix_fts_statements", "ix_fts_quotes"}
        )
        found = (
            "SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'truce'"
            if sqlite
            else "SELECT count(*) FROM quotes "
            "WHERE to_tsvector('english', text) @@ to_tsquery('english', 'truce')"
        )
        with engine.connect() as connection:
            assert connection.scalar(text(found)) == 1
        upgrade(engine, "head")
        assert _fulltext(engine) == {"statements_fts" if sqlite else "ix_fts_statements"}
    finally:
        engine.dispose()


@pytest.mark.parametrize("empty_database_url", BACKENDS[1:], indirect=True)
def test_postgresql_statements_keep_their_vector_from_0004_on(empty_database_url: URL) -> None:
    engine = create_database_engine(empty_database_url)
    try:
        upgrade(engine, "0003")
        with engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO statements (canonical_text, match_key, kind, date_precision, "
                    "quote_count, created_at, updated_at) VALUES ('Ministers rejected the "
                    "truce', 'x', 'direct', 'unknown', 1, now(), now())"
                )
            )
        upgrade(engine, "head")
        with engine.connect() as connection:
            # A statement stored before the upgrade has its vector too.
            vector = connection.scalar(text("SELECT fts_vector::text FROM statements"))
            assert vector == "'minist':1 'reject':2 'truce':4"
            definition = connection.scalar(
                text("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_fts_statements'")
            )
            assert "(fts_vector)" in definition
        downgrade(engine, "0003")
        columns = {c["name"] for c in inspect(engine).get_columns("statements")}
        assert "fts_vector" not in columns
        with engine.connect() as connection:
            definition = connection.scalar(
                text("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_fts_statements'")
            )
            assert "to_tsvector('english'::regconfig, canonical_text)" in definition
    finally:
        engine.dispose()


@pytest.mark.parametrize("empty_database_url", BACKENDS, indirect=True)
def test_downgrade_base_then_upgrade_head(empty_database_url: URL) -> None:
    engine = create_database_engine(empty_database_url)
    upgrade(engine, "head")
    downgrade(engine, "base")
    assert current_revision(engine) is None
    assert _tables(empty_database_url) <= {"alembic_version"}
    # The comparison is not vacuous: an empty database differs from the models.
    assert len(_schema_drift(empty_database_url)) >= len(Base.metadata.tables)
    upgrade(engine, "head")
    engine.dispose()
    assert _schema_drift(empty_database_url) == []


@pytest.mark.parametrize("empty_database_url", BACKENDS, indirect=True)
def test_upgrade_twice_is_a_no_op(empty_database_url: URL) -> None:
    engine = create_database_engine(empty_database_url)
    assert upgrade(engine, "head") is True
    assert upgrade(engine, "head") is False
    engine.dispose()
