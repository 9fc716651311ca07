"""An authority file (people and bodies with stable ids) and speakers linked to it.

``authority_entries`` holds the file's entries, ``authority_names`` their
look-up keys (one per name or alias, any script folded), ``speaker_links``
the links a person has to decide; ``speakers.authority_id`` is the entry a
speaker is (a QID, kept as text so that reloading the file keeps the links).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04 19:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "authority_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("authority_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.Column("description", sa.String(length=500), nullable=True),
        sa.Column("affiliation", sa.String(length=300), nullable=True),
        sa.Column("party", sa.String(length=300), nullable=True),
        sa.Column("born", sa.String(length=10), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_authority_entries")),
        sa.UniqueConstraint("authority_id", name=op.f("uq_authority_entries_authority_id")),
    )
    op.create_table(
        "authority_names",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["authority_entries.id"],
            name=op.f("fk_authority_names_entry_id_authority_entries"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_authority_names")),
        sa.UniqueConstraint("entry_id", "key", name=op.f("uq_authority_names_entry_id_key")),
    )
    op.create_index(op.f("ix_authority_names_key"), "authority_names", ["key"], unique=False)
    op.create_table(
        "speaker_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("speaker_id", sa.Integer(), nullable=False),
        sa.Column("authority_id", sa.String(length=64), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("method", sa.String(length=200), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "pending",
                "accepted",
                "rejected",
                name="suggestion_status",
                native_enum=False,
                create_constraint=True,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["speaker_id"],
            ["speakers.id"],
            name=op.f("fk_speaker_links_speaker_id_speakers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_speaker_links")),
        sa.UniqueConstraint(
            "speaker_id", "authority_id", name=op.f("uq_speaker_links_speaker_id_authority_id")
        ),
    )
    op.create_index(op.f("ix_speaker_links_status"), "speaker_links", ["status"], unique=False)
    with op.batch_alter_table("speakers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("authority_id", sa.String(length=64), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_speakers_authority_id"), ["authority_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("speakers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_speakers_authority_id"))
        batch_op.drop_column("authority_id")
    op.drop_index(op.f("ix_speaker_links_status"), table_name="speaker_links")
    op.drop_table("speaker_links")
    op.drop_index(op.f("ix_authority_names_key"), table_name="authority_names")
    op.drop_table("authority_names")
    op.drop_table("authority_entries")
