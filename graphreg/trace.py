"""Trace: everything connected to a household, unit, village or county, with its sources.

An inspector starts from one entity and follows every link: who helps, which measures with
dates and costs, the status history, and for each fact the import batch and ledger row it came
from (the ``batch``/``row`` properties importers stamp on nodes and relationships, and the
``(:Batch)-[:WROTE {row}]->`` history). :func:`trace_path` shows how two entities are connected
through help and geography.

    >>> f = Fact("measure", dt.date(2016, 1, 1), dt.date(2016, 12, 31), "M1", "medical",
    ...          {"unit": "DP"}, 3000, "B1", 7)
    >>> f.as_row()["name"], f.as_row()["source"]
    ('医疗扶持', 'B1:7')
    >>> t = Trace("household", "H1", "王大山户", [f, Fact("household", None, None, "H1", "王大山户")])
    >>> [x.fact for x in t.timeline()]
    ['measure']
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .errors import InputError
from .model import CAUSES, MEASURE_TYPES, UNIT_KINDS

if TYPE_CHECKING:
    from .db import Store

#: The kinds of entity :func:`trace` accepts, with the Neo4j label each names.
KINDS = {"household": "Household", "unit": "Unit", "village": "Village", "county": "County"}
#: Order of fact kinds in a trace (the timeline orders by date instead).
FACT_ORDER = ("household", "unit", "village", "population", "county", "lives_in", "based_in",
              "member", "cause", "households", "assists", "measure", "status")
FACT_NAMES = {"household": "贫困户", "unit": "帮扶主体", "village": "村", "population": "户籍人口",
              "county": "县", "lives_in": "居住村", "based_in": "驻在", "member": "家庭成员",
              "cause": "致贫原因", "households": "贫困户（按脱贫标志）", "assists": "帮扶",
              "measure": "帮扶措施", "status": "状态变更"}
COLUMNS = ("fact", "date", "end", "entity", "name", "cost", "detail", "source")
#: The source shown for a fact of a generated registry (no ledger row wrote it).
GENERATED = "generated (graphreg generate)"


def _native(v: Any) -> Any:
    if hasattr(v, "to_native"):
        v = v.to_native()
    if isinstance(v, dt.datetime):
        return v
    return v


def _text(v: Any) -> str:
    v = _native(v)
    if v is None:
        return ""
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()
    if isinstance(v, (list, tuple)):
        return "、".join(_text(x) for x in v)
    if isinstance(v, bool):
        return "是" if v else "否"
    return str(v)


@dataclass
class Fact:
    """One fact of a trace and where it came from.

    ``fact`` is the kind (see :data:`FACT_NAMES`); ``date``/``end`` its period (if any);
    ``entity`` the id of the other end (a unit, measure, village, masked ID number...);
    ``name`` its name; ``info`` more values; ``batch``/``row`` the import batch and ledger row
    (None when the fact was not written by a ledger import, e.g. generated data).
    """

    fact: str
    date: dt.date | None
    end: dt.date | None
    entity: str
    name: str
    info: dict[str, Any] = field(default_factory=dict)
    cost: float | int | None = None
    batch: str | None = None
    row: int | None = None
    #: True when no batch wrote the fact and its county holds a generated registry
    generated: bool = False

    def display_name(self) -> str:
        if self.fact == "measure":
            return MEASURE_TYPES.get(self.name, self.name)
        return self.name

    def detail(self) -> str:
        """The info values as one line of text (Chinese unit kinds, cause main/other)."""
        parts = []
        for k, v in self.info.items():
            if v is None or v == [] or v == "":
                continue
            if k == "unit_kind":
                v = UNIT_KINDS.get(str(v), "行业部门" if v == "department" else v)
            if k == "main":
                parts.append("主要原因" if v else "其他原因")
                continue
            parts.append(f"{k}={_text(v)}")
        return "; ".join(parts)

    def as_row(self) -> dict[str, Any]:
        """A flat row for tables, CSV and JSON (dates as ISO text)."""
        return {"fact": self.fact, "date": _text(self.date), "end": _text(self.end),
                "entity": self.entity, "name": self.display_name(),
                "cost": self.cost, "detail": self.detail(),
                "source": f"{self.batch}:{self.row}" if self.batch is not None
                else GENERATED if self.generated else "",
                "batch": self.batch, "row": self.row, "info": {k: _text(v) if isinstance(
                    _native(v), (dt.date, list)) else v for k, v in self.info.items()}}


@dataclass
class Trace:
    """The result of :func:`trace`: the entity, its facts, and the batches that wrote them."""

    kind: str
    id: str
    name: str
    facts: list[Fact]
    batches: list[dict[str, Any]] = field(default_factory=list)

    def timeline(self) -> list[Fact]:
        """Facts that have a date, oldest first (ties: kind, then entity)."""
        dated = [f for f in self.facts if f.date is not None]
        return sorted(dated, key=lambda f: (f.date, FACT_ORDER.index(f.fact)
                                            if f.fact in FACT_ORDER else 99, f.entity))

    def of(self, fact: str) -> list[Fact]:
        """The facts of one kind, in trace order."""
        return [f for f in self.facts if f.fact == fact]

    def rows(self, *, timeline: bool = False) -> list[dict[str, Any]]:
        """Flat rows (see :meth:`Fact.as_row`), in trace or timeline order."""
        return [f.as_row() for f in (self.timeline() if timeline else self.facts)]

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": self.id, "name": self.name,
                "facts": self.rows(), "batches": self.batches}


def resolve(store: "Store", ident: str, kind: str | None = None) -> dict[str, Any]:
    """Find the entity an ID names: ``{kind, key, name, element}``.

    Parameters
    ----------
    store: the graph.
    ident: a household id, unit id, measure id, or a village/township/county/city/province code.
    kind: when given (``household``, ``unit``, ``village``, ``county``), only that kind.

    Raises
    ------
    InputError: nothing (of that kind) has that ID.
    """
    ident = str(ident).strip()
    rows = store.query("trace_resolve", id=ident)
    if kind:
        rows = [r for r in rows if r["kind"] == KINDS.get(kind, kind)]
    if not rows:
        what = kind or "entity"
        raise InputError(f"{what} {ident!r}: nothing in the graph has that ID. Check the ID "
                         "(household ids are the 12-digit village code plus a number; units use "
                         "their ledger id) or import the ledger that holds it.")
    return dict(rows[0])


def _sort_key(f: Fact) -> tuple[Any, ...]:
    return (FACT_ORDER.index(f.fact) if f.fact in FACT_ORDER else 99,
            f.date or dt.date.min, f.entity, f.name)


def trace(store: "Store", kind: str, ident: str) -> Trace:
    """Everything connected to one household, unit, village or county, with provenance.

    Parameters
    ----------
    store: the graph.
    kind: ``household``, ``unit``, ``village`` or ``county``.
    ident: its id or code.

    Returns
    -------
    A :class:`Trace`; its facts are ordered by kind then date; :meth:`Trace.timeline` orders
    them by date. ``Trace.batches`` lists the import batches that wrote the entity or the facts
    hanging off it (empty when nothing was imported from a ledger). In a county holding a
    generated registry, facts no batch wrote have ``generated`` set (source
    :data:`GENERATED`).

    Raises
    ------
    InputError: unknown kind or ID.
    """
    if kind not in KINDS:
        raise InputError(f"trace: unknown kind {kind!r}; use one of {', '.join(KINDS)}.")
    found = resolve(store, ident, kind)
    facts = []
    for r in store.query(f"trace_{kind}", id=found["key"]):
        info = {k: _native(v) for k, v in (r["info"] or {}).items()}
        if r["fact"] == "cause":
            info = {"main": info.get("main")}
        facts.append(Fact(r["fact"], _native(r["date"]), _native(r["end"]), str(r["entity"]),
                          str(r["name"] if r["name"] is not None else ""), info, r["cost"],
                          r["batch"], r["row"]))
    origin = store.query("trace_origin", element=found["element"])
    if origin and origin[0]["synthetic"]:
        for f in facts:
            f.generated = f.batch is None
    facts.sort(key=_sort_key)
    batches = [{k: _text(v) if k == "time" else v for k, v in b.items()}
               for b in store.query("trace_batches", element=found["element"])]
    return Trace(kind, found["key"], found["name"], facts, batches)


@dataclass
class PathResult:
    """Shortest paths between two entities: each path a list of nodes and relationships."""

    a: dict[str, Any]
    b: dict[str, Any]
    paths: list[dict[str, Any]]

    def rows(self) -> list[dict[str, Any]]:
        """One row per step: path number, step, from, relationship, to."""
        out = []
        for i, p in enumerate(self.paths, start=1):
            for j, rel in enumerate(p["rels"], start=1):
                a, b = p["nodes"][j - 1], p["nodes"][j]
                arrow = "->" if rel["from"] == j - 1 else "<-"
                out.append({"path": i, "step": j, "from": describe(a), "relation": rel["rel"],
                            "direction": arrow, "to": describe(b)})
        return out

    def as_dict(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b, "length": len(self.paths[0]["rels"]) if self.paths
                else None, "paths": [[describe(n) for n in p["nodes"]] for p in self.paths],
                "steps": self.rows()}


def describe(node: dict[str, Any]) -> str:
    """``Kind id name`` of a ``{kind, props}`` node map.

    >>> describe({"kind": "Unit:cadre", "props": {"id": "CD1", "name": "陈建国"}})
    'Unit CD1 陈建国'
    >>> describe({"kind": "Cause", "props": {"code": 1}})
    'Cause 1 因病'
    """
    p = node["props"]
    kind = node["kind"].split(":")[0]
    key = p.get("id") or p.get("code") or p.get("key") or p.get("masked")
    name = p.get("name") or (f"{p['head_name']}户" if p.get("head_name") else "")
    if kind == "Cause" and not name:
        name = CAUSES.get(p.get("code"), "")  # type: ignore[arg-type]
    if kind == "Measure":
        name = MEASURE_TYPES.get(str(p.get("type")), str(p.get("type")))
    return f"{kind} {key} {name}".strip()


def trace_path(store: "Store", a: str, b: str, *, limit: int = 10) -> PathResult:
    """The shortest paths between two entities through help and geography.

    Parameters
    ----------
    store: the graph.
    a, b: IDs of any two entities (household, unit, measure, village, township, county...).
    limit: at most this many paths (all of the shortest length).

    Returns
    -------
    A :class:`PathResult` (no paths when they are not connected within 12 steps).

    Raises
    ------
    InputError: an ID names nothing, or both IDs name the same entity.
    """
    ra, rb = resolve(store, a), resolve(store, b)
    if ra["element"] == rb["element"]:
        raise InputError(f"trace path: {a!r} and {b!r} are the same entity; give two different "
                         "IDs.")
    rows = store.query("trace_path", a=ra["element"], b=rb["element"], limit=int(limit))
    paths = []
    for r in rows:
        nodes = [{"kind": n["kind"], "props": {k: _native(v) for k, v in n["props"].items()
                                                 if k != "pid"}} for n in r["nodes"]]
        rels = [{"rel": x["rel"], "props": {k: _native(v) for k, v in x["props"].items()},
                 "from": x["from"], "to": x["to"]} for x in r["rels"]]
        paths.append({"nodes": nodes, "rels": rels})
    paths.sort(key=lambda p: [describe(n) for n in p["nodes"]])
    clean = {k: v for k, v in ra.items() if k != "element"}
    return PathResult(clean, {k: v for k, v in rb.items() if k != "element"}, paths)
