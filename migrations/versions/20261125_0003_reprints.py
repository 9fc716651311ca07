"""Reprints: every further outlet and URL that printed an article's text.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 05:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "reprints",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("outlet_id", sa.Integer(), nullable=True),
        sa.Column("url", sa.String(length=2048), nullable=True),
        sa.Column("origin", sa.String(length=2048), nullable=True),
        sa.Column("published_on", sa.Date(), nullable=True),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_reprints_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["outlet_id"],
            ["outlets.id"],
            name=op.f("fk_reprints_outlet_id_outlets"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reprints")),
        sa.UniqueConstraint("url", name=op.f("uq_reprints_url")),
    )
    with op.batch_alter_table("reprints", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reprints_article_id"), ["article_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_reprints_outlet_id"), ["outlet_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("reprints", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reprints_outlet_id"))
        batch_op.drop_index(batch_op.f("ix_reprints_article_id"))
    op.drop_table("reprints")
