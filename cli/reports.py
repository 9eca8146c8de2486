"""CLI commands: analyses and reports. `register(app)` adds them to the main app."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from graphreg.errors import GraphregError
from graphreg.settings import Settings

from .render import fail, mapping, progress, table

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def _store():  # type: ignore[no-untyped-def]
    from graphreg.db import connect
    return connect(Settings.from_env())


def register(app: typer.Typer) -> None:
    """Add this module's commands to `app`."""

    @app.command("analyse")
    def analyse_cmd(
        province: Annotated[Optional[str], typer.Option("--province", "-p", help="Province code.")] = None,
        county: Annotated[Optional[list[str]], typer.Option("--county", "-c", help="County code (repeatable).")] = None,
        out: Annotated[Optional[Path], typer.Option(help="Write CSV and JSON reports into this folder.")] = None,
        planted: Annotated[bool, typer.Option(help="Also compare with the generator's planted faults.")] = False,
        as_json: JsonOpt = False,
    ) -> None:
        """Unassisted households and overlapping help, county by county, cross-checked in Cypher.

        Example: `graphreg analyse --province 52 --out out`
        """
        from graphreg.analysis.run import analyse, compare_with_planted
        from graphreg.pipeline import write_analysis_reports
        try:
            with _store() as s, progress() as cb:
                res = analyse(s, province=province, county_codes=county, progress=cb)
                check = compare_with_planted(s, res) if planted else None
        except GraphregError as e:
            raise fail(e)
        if out:
            write_analysis_reports(res, out)
        summary = res.summary() | ({"planted_check": check} if check else {})
        mapping(summary, title="Analysis", as_json=as_json)


    @app.command("unassisted")
    def unassisted_cmd(
        county: Annotated[list[str], typer.Option("--county", "-c", help="County code (repeatable).")],
        limit: Annotated[int, typer.Option(help="At most this many rows.")] = 50,
        as_json: JsonOpt = False,
    ) -> None:
        """List registered households that no unit helps directly.

        Example: `graphreg unassisted --county 520423 --limit 20`
        """
        from graphreg.analysis.run import analyse
        try:
            with _store() as s:
                res = analyse(s, county_codes=county)
        except GraphregError as e:
            raise fail(e)
        rows = [u.as_dict() for u in res.unassisted][:limit]
        table(rows, ("household", "village", "main_cause", "village_help"),
              title=f"{len(res.unassisted)} unassisted households", as_json=as_json)


    @app.command("overlaps")
    def overlaps_cmd(
        county: Annotated[list[str], typer.Option("--county", "-c", help="County code (repeatable).")],
        limit: Annotated[int, typer.Option(help="At most this many rows.")] = 50,
        as_json: JsonOpt = False,
    ) -> None:
        """List pairs of units giving one household the same type of measure at the same time.

        Example: `graphreg overlaps --county 520423`
        """
        from graphreg.analysis.run import analyse
        try:
            with _store() as s:
                res = analyse(s, county_codes=county)
        except GraphregError as e:
            raise fail(e)
        rows = [o.as_dict() for o in res.overlaps][:limit]
        table(rows, ("household", "type", "unit_a", "unit_b", "start", "end"),
              title=f"{len(res.overlaps)} overlapping pairs", as_json=as_json)
