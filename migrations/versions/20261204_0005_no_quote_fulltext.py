"""Quotes lose their full-text index: search reads statements only.

Every quote is reported as part of a statement, and ``quotes search``
answers with statements, so the quote index of 0001 (an FTS5 table kept by
triggers on SQLite, a GIN index on PostgreSQL) was kept up to date and never
read. On SQLite its triggers cost about a tenth of an import. Downgrading
builds it again from the stored quotes.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04 04:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for suffix in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS quotes_fts_{suffix}")
        op.execute("DROP TABLE IF EXISTS quotes_fts")
    else:
        op.execute("DROP INDEX IF EXISTS ix_fts_quotes")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.execute("CREATE INDEX ix_fts_quotes ON quotes USING gin (to_tsvector('english', text))")
        return
    op.execute(
        "CREATE VIRTUAL TABLE quotes_fts USING fts5("
        "text, content='quotes', content_rowid='id', "
        "tokenize='porter unicode61 remove_diacritics 2')"
    )
    op.execute(
        "CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN "
        "INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text); END"
    )
    op.execute(
        "CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN "
        "INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text); END"
    )
    op.execute(
        "CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text ON quotes BEGIN "
        "INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text); "
        "INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text); END"
    )
    op.execute("INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild')")
