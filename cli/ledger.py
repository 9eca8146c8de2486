"""Ledger commands: import, template, export, history."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from graphreg.errors import GraphregError, InputError
from graphreg.ledger import KINDS
from graphreg.reports import to_json
from graphreg.settings import Settings

from .render import err, fail, progress, table

KindArg = Annotated[str, typer.Argument(
    help=f"Record kind: {', '.join(KINDS)}.", show_default=False)]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


class OnError(str, Enum):
    abort = "abort"
    skip = "skip"


class Subject(str, Enum):
    household = "household"
    unit = "unit"
    village = "village"


class Headers(str, Enum):
    zh = "zh"
    en = "en"


HeadersOpt = Annotated[Headers, typer.Option(help="Column names in Chinese or English.")]


def _store():  # type: ignore[no-untyped-def]
    from graphreg.db import connect
    return connect(Settings.from_env())


def _problems(problems: list, title: str, as_json: bool) -> None:  # type: ignore[type-arg]
    if problems and not as_json:
        table([p.as_dict() for p in problems], ("file", "row", "column", "value", "message"),
              title=title)


def import_cmd(
    kind: KindArg,
    files: Annotated[list[Path], typer.Argument(
        help="Files (.csv or .xlsx). Prefix a file with KIND= to import another kind in the same "
             "transaction, e.g. members=members.csv.", show_default=False)],
    on_error: Annotated[OnError, typer.Option(
        "--on-error", help="abort: write nothing if any row is bad (exit code 2). skip: write "
        "the good rows in one transaction and the bad ones, with the reason, in NAME.rejected.csv "
        "beside the input (exit code 1).")] = OnError.abort,
    encoding: Annotated[str | None, typer.Option(
        help="CSV encoding, e.g. gb18030 or utf-8 (default: detected).")] = None,
    sheet: Annotated[str | None, typer.Option(help="Excel sheet (default: the first).")] = None,
    operator: Annotated[str | None, typer.Option(
        help="Who imports, recorded with the batch (default: $USER).")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Import ledger files of one KIND (households, members, units, assignments, measures,
    poor-villages, village-population, poverty-counties, areas, status-changes), validating
    every row.

    Headers may be Chinese or English, in any order. Importing the same file again changes
    nothing. Exit code: 0 all rows imported, 1 some rows rejected (--on-error skip), 2 nothing
    written.

    Example: `graphreg import households households.csv members=members.csv`
    """
    from graphreg.ids import load_key
    from graphreg.ledger import LedgerError, import_ledgers, parse_inputs
    try:
        with _store() as s, progress() as cb:
            res = import_ledgers(s, parse_inputs(kind, files),
                                 key=load_key(Settings.from_env().home),
                                 on_error=on_error.value, encoding=encoding, sheet=sheet,
                                 operator=operator, progress=cb)
    except LedgerError as e:
        # every problem is shown once: in the table (or the JSON) on stdout; stderr gets one line
        if as_json:
            typer.echo(to_json(e.result.as_dict()))
        _problems(e.result.warnings, "Warnings", as_json)
        _problems(e.result.errors, "Problems", as_json)
        raise fail(InputError(e.headline))
    except GraphregError as e:
        raise fail(e)
    _problems(res.warnings, "Warnings", as_json)
    _problems(res.errors, "Rejected rows", as_json)
    table([f.as_dict() for f in res.files],
          ("kind", "file", "encoding", "rows", "created", "updated", "unchanged", "rejected",
           "rejected_file", "batch"), title="Imported", as_json=as_json, json_data=res.as_dict())
    if res.exit_code:
        err.print(res.summary())
        raise typer.Exit(res.exit_code)


def template_cmd(
    kind: KindArg,
    out: Annotated[Path | None, typer.Option(
        "--out", "-o", help="File to write (.csv or .xlsx); default KIND.csv.")] = None,
    headers: HeadersOpt = Headers.zh,
    encoding: Annotated[str, typer.Option(help="CSV encoding (utf-8 gets a BOM).")] = "utf-8",
) -> None:
    """Write an empty ledger of KIND with its column names. docs/ledgers.md describes them.

    Example: `graphreg template households --out households.xlsx`
    """
    from graphreg.ledger import write_template
    try:
        path = write_template(kind, out or Path(f"{kind}.csv"), headers=headers.value,
                              encoding=encoding)
    except GraphregError as e:
        raise fail(e)
    typer.echo(str(path))


def export_cmd(
    kind: KindArg,
    out: Annotated[Path | None, typer.Option(
        "--out", "-o", help="File to write (.csv or .xlsx); default KIND.csv.")] = None,
    encoding: Annotated[str, typer.Option(
        help="CSV encoding: utf-8 (with BOM) or gb18030 for older Excel.")] = "utf-8",
    headers: HeadersOpt = Headers.zh,
) -> None:
    """Export every record of KIND in the ledger format `graphreg import` reads.

    Members carry the person key and masked number, never the ID-card number.

    Example: `graphreg export households --out households.csv --encoding gb18030`
    """
    from graphreg.ledger import export_ledger
    path = out or Path(f"{kind}.csv")
    try:
        with _store() as s:
            n = export_ledger(s, kind, path, headers=headers.value, encoding=encoding)
    except GraphregError as e:
        raise fail(e)
    typer.echo(f"{n} rows → {path}")


def history_cmd(
    subject: Annotated[Subject, typer.Argument(help="household, unit or village.")],
    id: Annotated[str, typer.Argument(help="Household number, unit code or village code.",
                                      show_default=False)],
    as_json: JsonOpt = False,
) -> None:
    """List the import batches and ledger rows that made a household, unit or village what it
    is (file, SHA-256, time, operator, row).

    Example: `graphreg history household 5204230012100001`
    """
    from graphreg.ledger import history
    try:
        with _store() as s:
            rows = history(s, subject.value, id)
    except GraphregError as e:
        raise fail(e)
    table(rows, ("time", "operator", "kind", "file", "row", "action", "what", "batch"),
          title=f"History of {subject.value} {id}", as_json=as_json)


def register(app: typer.Typer) -> None:
    """Add this module's commands to `app`."""
    app.command("import")(import_cmd)
    app.command("template")(template_cmd)
    app.command("export")(export_cmd)
    app.command("history")(history_cmd)
