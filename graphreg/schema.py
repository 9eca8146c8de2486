"""Apply the schema and code lists; wipe a database (tests and `graphreg db wipe`)."""

from __future__ import annotations

from .db import Store
from .model import code_list_rows


def refresh_statistics(store: Store) -> None:
    """Resample out-of-date index statistics and clear cached plans (after a bulk write)."""
    store.run_script("refresh_statistics")


def apply_schema(store: Store) -> None:
    """Create every constraint and index (idempotent) and load the code lists."""
    store.run_script("schema")
    store.run_script("await_indexes")
    store.run_script("load_code_lists", **code_list_rows())


def wipe(store: Store, *, batch: int = 10000) -> int:
    """Delete every node and relationship (the schema stays). Returns the nodes deleted."""
    total = 0
    while True:
        n = store.value("wipe_batch", limit=batch) or 0
        total += n
        if n < batch:
            return total
