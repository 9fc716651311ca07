"""Alembic is the only way the schema changes: prove it gives the models' schema."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
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


@pytest.mark.parametrize("empty_database_url", BACKENDS, indirect=True)
def test_upgrade_creates_full_text_indexes(empty_database_url: URL) -> None:
    engine = create_database_engine(empty_database_url)
    upgrade(engine, "head")
    try:
        if empty_database_url.get_backend_name() == "sqlite":
            assert {"statements_fts", "quotes_fts"} <= set(inspect(engine).get_table_names())
        else:
            indexes = {ix["name"] for ix in inspect(engine).get_indexes("statements")}
            assert "ix_fts_statements" in indexes
            indexes = {ix["name"] for ix in inspect(engine).get_indexes("quotes")}
            assert "ix_fts_quotes" in indexes
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
