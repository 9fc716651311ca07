"""Alembic is the only way the schema changes: prove it gives the models' schema."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect
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
