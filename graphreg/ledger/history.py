"""Provenance and history: which batches and rows made a record what it is, the status of
households as of a year, and people listed in more than one household."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any, Literal

from ..db import Store
from ..errors import InputError

Subject = Literal["household", "unit", "village"]


def history(store: Store, subject: Subject, id: str) -> list[dict[str, Any]]:
    """The import rows that wrote a household, unit or village and what hangs off it.

    Parameters
    ----------
    store: the database.
    subject: ``household``, ``unit`` or ``village``.
    id: the household number, unit code or village code.

    Returns
    -------
    Rows ``{time, batch, kind, file, sha256, operator, row, action, what}`` in time order;
    ``action`` is ``created`` or ``updated`` (an unchanged row writes nothing, so it is not
    history). Raises :class:`InputError` when there is no such record.
    """
    if subject not in ("household", "unit", "village"):
        raise InputError(f"history is kept for household, unit or village, not {subject!r}")
    if not store.value("ledger_exists", subject=subject, id=id):
        raise InputError(f"no {subject} {id!r} in the graph; check the "
                         f"{'code' if subject == 'village' else 'number'}")
    rows = store.query(f"ledger_history_{subject}", id=id)
    for r in rows:
        if hasattr(r["time"], "to_native"):
            r["time"] = r["time"].to_native()
    return rows


def status_as_of(store: Store, household_ids: Sequence[str] | None, year: int
                 ) -> dict[str, str | None]:
    """Each household's status (脱贫标志) at the end of ``year``.

    The status is that of the household's latest status change in or before ``year``; ``None``
    means it was not registered yet. A household with no recorded change at all counts with
    its current status from its registration year on.

    Parameters
    ----------
    store: the database.
    household_ids: the households to answer for, or ``None`` for all.
    year: the year whose end is asked about.

    Returns
    -------
    household id → status or ``None``.
    """
    rows = store.query("ledger_status_as_of",
                       ids=None if household_ids is None else list(household_ids), year=year)
    return {r["household"]: r["status"] for r in rows}


def duplicate_identities(store: Store) -> list[dict[str, Any]]:
    """People (same ID-number hash) listed as members of more than one household.

    Returns
    -------
    Rows ``{pid, masked, name, households}`` with the household ids sorted.
    """
    return store.query("ledger_duplicate_identities")


def _freeze(v: Any) -> Any:
    if hasattr(v, "to_native"):
        v = v.to_native()
    if isinstance(v, list):
        return tuple(_freeze(x) for x in v)
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


#: Provenance properties: which batch and ledger row wrote a node or relationship (a village's
#: population has its own, apart from its poor-village listing's).
PROVENANCE: tuple[str, ...] = ("batch", "row", "population_batch", "population_row")


def graph_snapshot(store: Store, *, ignore: Sequence[str] = PROVENANCE,
                   skip_labels: Sequence[str] = ()) -> dict[str, Counter[Any]]:
    """The whole graph as comparable multisets of nodes and relationships.

    Used to check that an aborted import changed nothing and that export → import gives the
    same graph. ``ignore`` drops provenance properties; nodes with a label in ``skip_labels``
    (e.g. ``Batch``) and their relationships are left out.

    Returns
    -------
    ``{"nodes": Counter, "relationships": Counter}`` of hashable tuples.
    """
    skip = set(skip_labels)
    nodes: Counter[Any] = Counter()
    for r in store.query("ledger_snapshot_nodes"):
        if skip & set(r["labels"]):
            continue
        nodes[(tuple(sorted(r["labels"])), tuple(sorted(
            (k, _freeze(v)) for k, v in r["props"].items() if k not in ignore)))] += 1
    rels: Counter[Any] = Counter()
    for r in store.query("ledger_snapshot_relationships"):
        if skip & (set(r["from_labels"]) | set(r["to_labels"])):
            continue
        rels[(r["type"], tuple(sorted(r["from_labels"])), r["from_key"],
              tuple(sorted(r["to_labels"])), r["to_key"], tuple(sorted(
                  (k, _freeze(v)) for k, v in r["props"].items() if k not in ignore)))] += 1
    return {"nodes": nodes, "relationships": rels}
