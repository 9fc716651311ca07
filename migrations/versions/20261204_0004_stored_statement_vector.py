"""PostgreSQL: statements keep their tsvector, so ranking does not re-parse them.

The full-text index of 0001 was over the expression
``to_tsvector('english', canonical_text)``. It finds matches, but
``ts_rank`` needs the vector itself and re-parsed every candidate's text
(about 12 µs a row: the larger part of a word search over a million
statements). A stored generated column is parsed once, on write, and the GIN
index moves onto it under the same name. SQLite is unchanged: FTS5 ranks
from its own index.

The column is named ``fts_vector`` so that the schema comparison skips it,
like the rest of the backend-specific full-text DDL (migrations/env.py).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04 02:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        "ALTER TABLE statements ADD COLUMN fts_vector tsvector "
        "GENERATED ALWAYS AS (to_tsvector('english', canonical_text)) STORED"
    )
    op.execute("DROP INDEX IF EXISTS ix_fts_statements")
    op.execute("CREATE INDEX ix_fts_statements ON statements USING gin (fts_vector)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_fts_statements")
    op.execute("ALTER TABLE statements DROP COLUMN fts_vector")
    op.execute(
        "CREATE INDEX ix_fts_statements ON statements "
        "USING gin (to_tsvector('english', canonical_text))"
    )
