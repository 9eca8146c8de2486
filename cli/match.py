"""`graphreg match`: propose which unit helps which household, review, apply."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from graphreg.errors import GraphregError

from .render import fail, mapping, progress, table

match_app = typer.Typer(no_args_is_help=True, help=(
    "Propose which unit helps which household (optimal, explained), review the file, apply it."
    "\n\nExample: `graphreg match propose --county 520423 --out proposal.csv`"))

SUMMARY_COLUMNS = ("county", "households", "units", "free_capacity", "covered", "unserved",
                   "fit_main", "max_load_pct", "max_new", "cost", "greedy_covered",
                   "greedy_fit_main", "greedy_max_load_pct", "greedy_max_new", "greedy_cost")


def _store():  # type: ignore[no-untyped-def]
    from graphreg.db import connect
    from graphreg.settings import Settings
    return connect(Settings.from_env())


@match_app.command("propose")
def propose_cmd(
    out: Annotated[Path, typer.Option(
        "--out", "-o", help="Proposal file to write: .csv, .xlsx (best for editing in a "
        "spreadsheet: ids stay text) or .json.")] = Path("proposal.csv"),
    county: Annotated[Optional[list[str]], typer.Option(
        "--county", "-c", help="County code (repeatable); default: every county with households.")]
    = None,
    weight: Annotated[Optional[list[str]], typer.Option(
        "--weight", "-w", help="A cost as NAME=VALUE (repeatable): cause_main, cause_secondary, "
        "cause_none, village, township, county, paired, load; allow_unfitting=yes|no; "
        "reach=village|township|county|paired.")] = None,
    lock_household: Annotated[Optional[list[str]], typer.Option(
        help="Household id to leave out of the run (repeatable).")] = None,
    lock_unit: Annotated[Optional[list[str]], typer.Option(
        help="Unit id to give no new household (repeatable).")] = None,
    locks: Annotated[Optional[Path], typer.Option(
        help="File of lines `household,ID` or `unit,ID` to lock.")] = None,
    as_of: Annotated[Optional[str], typer.Option(
        "--as-of", help="Year (YYYY: 31 December of that year, like --as-of elsewhere) or day "
        "(YYYY-MM-DD) that decides which help is current (default: today).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Write a proposal: for each household needing help, the unit that should help it and
    why (cause addressed, level and distance in the division tree, the unit's load before and
    after); households that cannot be served get the reason. Changes nothing in the graph.

    Example: `graphreg match propose --county 520423 --weight township=8 --out proposal.csv`
    """
    from graphreg.matching import Weights, parse_as_of, propose_assignments, read_locks
    try:
        day = parse_as_of(as_of) if as_of else None
        weights = Weights.parse(weight or [])
        lh, lu = read_locks(locks) if locks else ([], [])
        with _store() as s, progress() as cb:
            prop = propose_assignments(s, counties=county or None, weights=weights,
                                       lock_households=[*(lock_household or []), *lh],
                                       lock_units=[*(lock_unit or []), *lu],
                                       today=day, progress=cb)
        n = prop.write(out)
    except GraphregError as e:
        raise fail(e)
    rows = [{**c.as_dict(), "unserved": sum(c.unserved.values())} for c in prop.counties]
    table(rows, SUMMARY_COLUMNS, title=f"Proposal: {n} rows written to {out}", as_json=as_json,
          json_data={"file": str(out), "rows": n, "totals": prop.totals(),
                     "counties": [c.as_dict() for c in prop.counties]})


@match_app.command("apply")
def apply_cmd(
    file: Annotated[Path, typer.Argument(help="A proposal file (.csv, .xlsx or .json), reviewed.")],
    operator: Annotated[Optional[str], typer.Option(help="Who applies it (default: login name).")]
    = None,
    allow_over_capacity: Annotated[bool, typer.Option(
        help="Write even if a unit ends above its capacity.")] = False,
    allow_several_units: Annotated[bool, typer.Option(
        help="Accept a household listed with two or more units (otherwise the file is "
        "refused).")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Write the pairs of a reviewed proposal as ASSISTS relationships, recorded as coming
    from that file (a Batch with its checksum). Applying the same file twice changes nothing.

    Example: `graphreg match apply proposal.csv --operator 李四`
    """
    from graphreg.matching import apply_proposal
    try:
        with _store() as s:
            res = apply_proposal(s, file, operator=operator,
                                 allow_over_capacity=allow_over_capacity,
                                 allow_several_units=allow_several_units)
    except GraphregError as e:
        raise fail(e)
    mapping(res.as_dict(), title="Proposal applied", as_json=as_json)


def register(app: typer.Typer) -> None:
    """Add this module's commands to `app`."""
    app.add_typer(match_app, name="match")
