"""Speakers gain an affiliation; alias keys fold every script.

``speaker_aliases.normalized`` is the key of a printed form. Its rule changed
(quotes.match.alias_key): Cyrillic and other scripts are transliterated and
punctuation dropped, and titles are kept (matching drops them, from the alias
text, in memory). Keys are recomputed with the current rule so that stored
aliases and new look-ups agree; where two aliases of one speaker now share a
key the older is kept. Downgrading keeps the new keys (a
key is a cache of the alias, not data).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 19:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from quotes.match.names import alias_key

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ALIASES = sa.table(
    "speaker_aliases",
    sa.column("id", sa.Integer),
    sa.column("speaker_id", sa.Integer),
    sa.column("alias", sa.String),
    sa.column("normalized", sa.String),
)


def upgrade() -> None:
    with op.batch_alter_table("speakers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("affiliation", sa.String(length=300), nullable=True))
        batch_op.create_index(batch_op.f("ix_speakers_affiliation"), ["affiliation"], unique=False)
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(
            _ALIASES.c.id, _ALIASES.c.speaker_id, _ALIASES.c.alias, _ALIASES.c.normalized
        ).order_by(_ALIASES.c.id)
    ).all()
    seen: set[tuple[int, str]] = set()
    changed: list[dict[str, object]] = []
    dropped: list[int] = []
    for alias_id, speaker_id, alias, normalized in rows:
        key = (alias_key(alias) or normalized)[:300]
        if (speaker_id, key) in seen:
            dropped.append(alias_id)
            continue
        seen.add((speaker_id, key))
        if key != normalized:
            changed.append({"i": alias_id, "k": key})
    if dropped:
        bind.execute(sa.delete(_ALIASES).where(_ALIASES.c.id.in_(dropped)))
    if changed:
        bind.execute(
            sa.update(_ALIASES)
            .where(_ALIASES.c.id == sa.bindparam("i"))
            .values(normalized=sa.bindparam("k")),
            changed,
        )


def downgrade() -> None:
    with op.batch_alter_table("speakers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_speakers_affiliation"))
        batch_op.drop_column("affiliation")
