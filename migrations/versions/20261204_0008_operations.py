"""The change log: every correction one operation, with the rows it changed.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04 18:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "operations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column(
            "actor",
            sa.Enum(
                "rule", "person", name="actor", native_enum=False, length=16, create_constraint=True
            ),
            nullable=False,
        ),
        sa.Column("who", sa.String(length=200), nullable=True),
        sa.Column("method", sa.String(length=32), nullable=True),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("details", sa.JSON(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("undone_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("undone_by", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_operations")),
    )
    with op.batch_alter_table("operations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_operations_created_at"), ["created_at"], unique=False)
    op.create_table(
        "operation_rows",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("operation_id", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("row_key", sa.String(length=200), nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["operation_id"],
            ["operations.id"],
            name=op.f("fk_operation_rows_operation_id_operations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_operation_rows")),
    )
    with op.batch_alter_table("operation_rows", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_operation_rows_operation_id"), ["operation_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_operation_rows_table_name_row_key"),
            ["table_name", "row_key"],
            unique=False,
        )
    op.create_table(
        "operation_speakers",
        sa.Column("operation_id", sa.Integer(), nullable=False),
        sa.Column("speaker_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["operation_id"],
            ["operations.id"],
            name=op.f("fk_operation_speakers_operation_id_operations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("operation_id", "speaker_id", name=op.f("pk_operation_speakers")),
    )
    with op.batch_alter_table("operation_speakers", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_operation_speakers_speaker_id"), ["speaker_id"], unique=False
        )


def downgrade() -> None:
    op.drop_table("operation_speakers")
    op.drop_table("operation_rows")
    op.drop_table("operations")
