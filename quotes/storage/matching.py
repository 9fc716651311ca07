"""The writes of online statement matching (``quotes.services.statement_matching``):
counts added to the statements quotes joined, in SQL (so that two importers adding
to one statement both count), and the merge log of automatic joins."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, bindparam, update

from quotes.storage.bulk import executemany, table_of
from quotes.storage.models import Actor, MergeAction, MergeEntity, Statement

# The statement columns a join may change besides its count.
CHANGED_FIELDS = (
    "canonical_text",
    "match_key",
    "kind",
    "first_said_on",
    "date_precision",
    "updated_at",
)


def statement_change(
    statement_id: int | None, added: int, fields: dict[str, Any]
) -> dict[str, Any]:
    """The parameters of ``add_to_statements(..., changed=True)``: ``added`` quotes
    more, and the ``CHANGED_FIELDS`` of ``fields``."""
    return {
        "sid": statement_id,
        "n": added,
        **{f"v_{k}": value for k, value in fields.items() if k in CHANGED_FIELDS},
    }


def add_to_statements(
    connection: Connection, rows: list[dict[str, Any]], *, changed: bool = False
) -> None:
    """Add ``n`` to the count of statement ``sid`` for each row; with ``changed``,
    rows of ``statement_change`` whose fields are set too."""
    connection.execute(_ADD_COUNT_AND_CHANGE if changed else _ADD_COUNT, rows)


def log_quote_merges(
    connection: Connection,
    rows: Sequence[tuple[int, int | None, int | None, str | None, float | None]],
) -> None:
    """Merge-log rows of quotes joining statements by rule: (quote id, from
    statement, to statement, method, score)."""
    executemany(connection, INSERT_QUOTE_MERGES, rows)


# A quote joining a statement by rule, in the merge log: (quote id, from
# statement, to statement, method, score). Online matching and ``quotes dedupe``
# both write these, thousands at a time, so through the driver.
INSERT_QUOTE_MERGES = (
    "INSERT INTO merge_log (entity, action, subject_id, from_id, to_id, method, score, actor, "
    f"created_at) VALUES ('{MergeEntity.QUOTE.value}', '{MergeAction.MERGE.value}', ?, ?, ?, ?, ?, "
    f"'{Actor.RULE.value}', CURRENT_TIMESTAMP)"
)


def _statement_changes() -> tuple[Any, Any]:
    """Two prepared UPDATEs: add to the count; add and change text/date (``v_`` params)."""
    table = table_of(Statement)
    count = update(table).where(table.c.id == bindparam("sid"))
    add = count.values(quote_count=table.c.quote_count + bindparam("n"))
    change = count.values(
        quote_count=table.c.quote_count + bindparam("n"),
        **{name: bindparam(f"v_{name}", type_=table.c[name].type) for name in CHANGED_FIELDS},
    )
    return add, change


_ADD_COUNT, _ADD_COUNT_AND_CHANGE = _statement_changes()
