"""Connection to Neo4j and the batched writer.

:func:`connect` gives a :class:`Store` for the configured server: the managed one (started if
needed) or the one ``NEO4J_URI`` names. A :class:`Store` runs named statements from
``cypher/`` with parameters, and writes long row lists in ``UNWIND`` batches.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

import neo4j
from neo4j import GraphDatabase

from . import statements as cypher
from .errors import NotConnectedError
from .settings import Settings

Progress = Callable[[int], None]
#: ``report(task, done, total)``: the progress callback the library's long jobs take.
TaskProgress = Callable[[str, int, int], None]


@dataclass
class WriteSummary:
    """Counts returned by a batched write. ``rows`` is how many input rows were sent."""

    rows: int = 0
    created: int = 0
    updated: int = 0
    nodes_created: int = 0
    relationships_created: int = 0
    properties_set: int = 0
    extra: dict[str, int] = field(default_factory=dict)

    @property
    def unchanged(self) -> int:
        return self.rows - self.created - self.updated

    def add(self, other: "WriteSummary") -> "WriteSummary":
        self.rows += other.rows
        self.created += other.created
        self.updated += other.updated
        self.nodes_created += other.nodes_created
        self.relationships_created += other.relationships_created
        self.properties_set += other.properties_set
        for k, v in other.extra.items():
            self.extra[k] = self.extra.get(k, 0) + v
        return self

    def as_dict(self) -> dict[str, int]:
        return {"rows": self.rows, "created": self.created, "updated": self.updated,
                "unchanged": self.unchanged, "nodes_created": self.nodes_created,
                "relationships_created": self.relationships_created, **self.extra}


def chunks(rows: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(rows)
    while batch := list(islice(it, size)):
        yield batch


class Store:
    """A Neo4j database that graphreg reads and writes. Use as a context manager."""

    def __init__(self, driver: neo4j.Driver, database: str) -> None:
        self.driver = driver
        self.database = database

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.driver.close()

    def query(self, name: str, **params: Any) -> list[dict[str, Any]]:
        """Run statement ``name`` and return its records as dicts."""
        records, _, _ = self.driver.execute_query(
            cypher.load(name), params, database_=self.database)
        return [r.data() for r in records]

    def value(self, name: str, **params: Any) -> Any:
        """Run statement ``name`` and return the first column of its single row."""
        rows = self.driver.execute_query(cypher.load(name), params, database_=self.database)[0]
        return rows[0][0] if rows else None

    def execute(self, name: str, **params: Any) -> neo4j.SummaryCounters:
        """Run a writing statement and return Neo4j's counters."""
        _, summary, _ = self.driver.execute_query(
            cypher.load(name), params, database_=self.database)
        return summary.counters

    def run_script(self, name: str, **params: Any) -> None:
        """Run every statement of a multi-statement file, each in its own transaction."""
        with self.driver.session(database=self.database) as s:
            for stmt in cypher.statements(name):
                s.run(stmt, params).consume()

    def write(self, name: str, rows: Sequence[dict[str, Any]] | Iterable[dict[str, Any]], *,
              batch_size: int = 5000, progress: Progress | None = None,
              report: TaskProgress | None = None, task: str = "", **params: Any) -> WriteSummary:
        """Send ``rows`` to statement ``name`` as ``$rows`` in batches, one transaction each.

        The statement may return one row with integer columns ``created`` and ``updated``
        (and any other counts); they are summed into the result. After each batch,
        ``progress(rows_in_batch)`` and ``report(task, rows_done, rows_in_all)`` are called.
        """
        total = WriteSummary()
        text = cypher.load(name)
        size = len(rows) if isinstance(rows, Sequence) else 0
        with self.driver.session(database=self.database) as s:
            for batch in chunks(rows, batch_size):
                total.add(s.execute_write(_write_batch, text, dict(params, rows=batch), len(batch)))
                if progress:
                    progress(len(batch))
                if report:
                    report(task, total.rows, max(size, total.rows))
        return total

    def write_all(self, parts: Sequence[tuple[str, Sequence[dict[str, Any]]]], **params: Any
                  ) -> dict[str, WriteSummary]:
        """Run several statements in ONE transaction: all of them commit or none does."""
        out: dict[str, WriteSummary] = {}

        def work(tx: neo4j.ManagedTransaction) -> None:
            for name, rows in parts:
                s = out.setdefault(name, WriteSummary())
                for batch in chunks(rows, 5000):
                    s.add(_write_batch(tx, cypher.load(name), dict(params, rows=batch), len(batch)))

        with self.driver.session(database=self.database) as session:
            session.execute_write(work)
        return out


def _write_batch(tx: neo4j.ManagedTransaction, text: str, params: dict[str, Any],
                 n: int) -> WriteSummary:
    result = tx.run(text, params)
    recs = list(result)
    c = result.consume().counters
    out = WriteSummary(rows=n, nodes_created=c.nodes_created,
                       relationships_created=c.relationships_created,
                       properties_set=c.properties_set)
    if recs:
        data = recs[0].data()
        out.created = int(data.pop("created", 0) or 0)
        out.updated = int(data.pop("updated", 0) or 0)
        out.extra = {k: int(v or 0) for k, v in data.items() if isinstance(v, (int, float))}
    return out


def connect(settings: Settings | None = None, *, start: bool = True) -> Store:
    """Open the configured database.

    With ``NEO4J_URI`` set, connects there. Otherwise uses the managed server, starting it
    (and fetching it the first time) when ``start`` is true.
    """
    settings = settings or Settings.from_env()
    if settings.external:
        if settings.password is None:
            raise NotConnectedError(
                f"NEO4J_URI is set ({settings.uri}) but NEO4J_PASSWORD is not: set NEO4J_PASSWORD "
                "(and NEO4J_USERNAME if it is not neo4j), or unset NEO4J_URI to use the managed "
                "server.")
        auth = (settings.username, settings.password)
    else:
        from .server import ManagedServer
        server = ManagedServer(settings)
        if start:
            server.start()
        elif not server.status().running:
            raise NotConnectedError(
                "The managed Neo4j server is not running. Start it with `graphreg server start`, "
                "or set NEO4J_URI to use an existing Neo4j 5.")
        auth = ("neo4j", server.password())
    driver = GraphDatabase.driver(settings.bolt_uri, auth=auth, notifications_min_severity="OFF")
    try:
        driver.verify_connectivity()
    except Exception as exc:  # the driver raises several kinds; all mean "not reachable"
        driver.close()
        raise NotConnectedError(
            f"Could not connect to Neo4j at {settings.bolt_uri}: {exc}. Check NEO4J_URI, "
            "NEO4J_USERNAME and NEO4J_PASSWORD, or unset NEO4J_URI to use the managed server.") from exc
    return Store(driver, settings.database)
