"""CLI commands: diagrams, trace, handbook, graph export. `register(app)` adds them."""

# no `from __future__ import annotations`: Typer must see the per-kind help texts (closures).

from pathlib import Path
from typing import Annotated, Optional

import typer

from graphreg.errors import GraphregError
from graphreg.settings import Settings

from .render import fail, mapping, table

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]

TRACE_COLUMNS = ("fact", "date", "end", "entity", "name", "cost", "detail", "source")
BATCH_COLUMNS = ("batch", "kind", "file", "row", "action", "what", "node_kind", "node", "time",
                 "operator")
PATH_COLUMNS = ("path", "step", "from", "direction", "relation", "to")


def _store():  # type: ignore[no-untyped-def]
    from graphreg.db import connect
    return connect(Settings.from_env())


def _trace_command(trace_app: typer.Typer, kind: str, example: str) -> None:
    @trace_app.command(kind)
    def cmd(
        ident: Annotated[str, typer.Argument(help=f"The {kind}'s ID or code.")],
        timeline: Annotated[bool, typer.Option(help="Order dated facts by date.")] = False,
        csv: Annotated[Optional[Path], typer.Option(
            help="Also write the facts to this CSV file (UTF-8 with BOM).")] = None,
        as_json: JsonOpt = False,
    ) -> None:
        from graphreg.reports import write_csv
        from graphreg.trace import trace
        try:
            with _store() as s:
                t = trace(s, kind, ident)
        except GraphregError as e:
            raise fail(e)
        rows = t.rows(timeline=timeline)
        if csv:
            write_csv(csv, rows, TRACE_COLUMNS + ("batch", "row"))
        if as_json:
            data = t.as_dict()
            data["facts"] = rows
            table(rows, TRACE_COLUMNS, as_json=True, json_data=data)
            return
        table(rows, TRACE_COLUMNS, title=f"{kind} {t.id} {t.name}"
              + ("（时间线）" if timeline else ""))
        if t.batches:
            table(t.batches, BATCH_COLUMNS, title="import batches (provenance)")

    cmd.__doc__ = (f"Everything connected to a {kind}: who helps, measures with dates and "
                   "costs, status history, and the import batch and ledger row of each fact."
                   f"\n\nExample: `{example}`")


def register(app: typer.Typer) -> None:
    """Add this module's commands to `app`."""

    @app.command("diagram")
    def diagram_cmd(
        ident: Annotated[str, typer.Argument(
            help="Village code (default kind), household id, unit id, county code, or the "
                 "first ID of a path.")],
        out: Annotated[Path, typer.Option(help="HTML file to write.")] = Path("village.html"),
        kind: Annotated[str, typer.Option(
            help="village, household, unit, county, overlap (county unit-overlap network) or "
                 "path.")] = "village",
        to: Annotated[Optional[str], typer.Option(help="Second ID for --kind path.")] = None,
        max_nodes: Annotated[int, typer.Option(
            help="county/overlap: fold (or keep the strongest pairs) above this many "
                 "nodes.")] = 800,
        min_shared: Annotated[int, typer.Option(
            help="overlap: least households two units must share.")] = 1,
        batches: Annotated[bool, typer.Option(
            help="household/unit: show the import batches.")] = True,
        as_json: JsonOpt = False,
    ) -> None:
        """Write a network diagram as ONE offline HTML file (no network needed to open it).

        Kinds: a village (units, households, measures, main causes), a household or unit and
        its neighbourhood, a county's unit–household network (folded above --max-nodes), the
        unit-overlap network of a county, or the shortest paths between two IDs. A county:
        `graphreg diagram 520423 --kind county --max-nodes 500 --out county.html`.

        Example: `graphreg diagram 520423001210 --out village.html`
        """
        from graphreg.visualizations import diagram
        try:
            with _store() as s:
                info = diagram(s, kind, ident, out, other=to, max_nodes=max_nodes,
                               min_shared=min_shared, batches=batches)
        except GraphregError as e:
            raise fail(e)
        mapping({"file": str(out), **info}, title="Diagram", as_json=as_json)

    trace_app = typer.Typer(help="Trace who helps whom, with the source of every fact.",
                            no_args_is_help=True)
    app.add_typer(trace_app, name="trace")
    _trace_command(trace_app, "household", "graphreg trace household 5204230012100001 --timeline")
    _trace_command(trace_app, "unit", "graphreg trace unit CD52042300001 --csv unit.csv")
    _trace_command(trace_app, "village", "graphreg trace village 520423001210 --json")
    _trace_command(trace_app, "county", "graphreg trace county 520423")

    @trace_app.command("path")
    def trace_path_cmd(
        a: Annotated[str, typer.Argument(help="First ID (household, unit, measure, code).")],
        b: Annotated[str, typer.Argument(help="Second ID.")],
        limit: Annotated[int, typer.Option(help="At most this many shortest paths.")] = 10,
        csv: Annotated[Optional[Path], typer.Option(help="Also write the steps as CSV.")] = None,
        as_json: JsonOpt = False,
    ) -> None:
        """How two entities are connected: the shortest paths through help and geography.

        Example: `graphreg trace path 5204230012100001 DP520423HW`
        """
        from graphreg.reports import write_csv
        from graphreg.trace import trace_path
        try:
            with _store() as s:
                res = trace_path(s, a, b, limit=limit)
        except GraphregError as e:
            raise fail(e)
        rows = res.rows()
        if csv:
            write_csv(csv, rows, PATH_COLUMNS)
        table(rows, PATH_COLUMNS, title=f"{a} ↔ {b}: {len(res.paths)} shortest path(s)",
              as_json=as_json, json_data=res.as_dict())

    @app.command("handbook")
    def handbook_cmd(
        household: Annotated[Optional[str], typer.Argument(
            help="Household id (or use --village).")] = None,
        village: Annotated[Optional[str], typer.Option(
            help="Write one handbook per household of this village into --out (a folder).")]
        = None,
        out: Annotated[Optional[Path], typer.Option(
            help="HTML file (one household) or folder (--village); default handbook.html / "
                 "handbooks/.")] = None,
        pdf: Annotated[bool, typer.Option(
            help="Also print PDF with headless Chromium (next to the HTML).")] = False,
        as_json: JsonOpt = False,
    ) -> None:
        """Write the printable household handbook (扶贫手册): household, members (ID numbers
        masked), causes, responsible units and cadres, measures with dates and costs, status
        history, sources. A whole village:
        `graphreg handbook --village 520423001210 --out handbooks/`.

        Example: `graphreg handbook 5204230012100001 --out h.html --pdf`
        """
        from graphreg.handbook import write_handbook_or_village
        try:
            with _store() as s:
                info = write_handbook_or_village(s, household=household, village=village,
                                                 out=out, pdf=pdf)
        except GraphregError as e:
            raise fail(e)
        mapping(info, title="Handbook", as_json=as_json)

    @app.command("export-graph")
    def export_graph_cmd(
        selection: Annotated[str, typer.Argument(
            help="village, household, unit, county or path.")],
        ident: Annotated[str, typer.Argument(help="Its ID or code (first ID for path).")],
        out: Annotated[Path, typer.Option(help="File to write: .graphml or .gexf.")],
        to: Annotated[Optional[str], typer.Option(help="Second ID for path.")] = None,
        fmt: Annotated[Optional[str], typer.Option(
            "--format", help="graphml or gexf (default: from the file name).")] = None,
        max_nodes: Annotated[int, typer.Option(
            help="county: fold above this many nodes.")] = 100000,
        as_json: JsonOpt = False,
    ) -> None:
        """Export a selection as GraphML or GEXF for Gephi or NetworkX (clean attributes: no
        empty values, no lists).

        Example: `graphreg export-graph village 520423001210 --out village.gexf`
        """
        from graphreg.graphexport import export_graph
        try:
            with _store() as s:
                info = export_graph(s, selection, ident, out, fmt=fmt, other=to,
                                    max_nodes=max_nodes)
        except GraphregError as e:
            raise fail(e)
        mapping(info, title="Graph export", as_json=as_json)
