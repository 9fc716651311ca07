"""A speaker's statements most quoted first, from an index.

A speaker page lists the speaker's 50 most quoted statements (then newest):
without this index each page read and sorted every statement of the speaker
(hundreds at a million statements); with it the first 50 come in order.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04 21:30:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        op.f("ix_statements_speaker_id_quote_count_first_said_on"),
        "statements",
        ["speaker_id", "quote_count", "first_said_on"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(
        op.f("ix_statements_speaker_id_quote_count_first_said_on"), table_name="statements"
    )
