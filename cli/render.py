"""Rendering helpers shared by the commands: Rich tables on stdout, JSON, progress on stderr,
errors as a message and an exit code."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from graphreg.errors import GraphregError
from graphreg.reports import to_json

#: Piped output is not cut to 80 columns: tables get room (codes and IDs are never truncated).
out = Console(highlight=False, soft_wrap=True,
              width=None if sys.stdout.isatty() else 240)
err = Console(stderr=True, highlight=False)


def table(rows: Sequence[dict[str, Any]], columns: Sequence[str], *, title: str | None = None,
          as_json: bool = False, json_data: Any = None) -> None:
    """Rows as a Rich table, or as JSON (``json_data`` if given, else the rows)."""
    if as_json:
        typer.echo(to_json(rows if json_data is None else json_data))
        return
    t = Table(title=title)
    for c in columns:
        t.add_column(c, overflow="fold")
    for r in rows:
        t.add_row(*("" if r.get(c) is None else str(r.get(c)) for c in columns))
    out.print(t)


def mapping(data: dict[str, Any], *, title: str | None = None, as_json: bool = False) -> None:
    if as_json:
        typer.echo(to_json(data))
        return
    table([{"key": k, "value": v} for k, v in data.items()], ("key", "value"), title=title)


@contextlib.contextmanager
def progress(enabled: bool = True) -> Iterator[Callable[[str, int, int], None]]:
    """A ``progress(task, done, total)`` callback drawing bars on stderr."""
    if not enabled or not sys.stderr.isatty():
        yield lambda _t, _d, _n: None
        return
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=err, transient=True) as p:
        tasks: dict[str, Any] = {}

        def cb(task: str, done: int, total: int) -> None:
            if task not in tasks:
                tasks[task] = p.add_task(task, total=total)
            p.update(tasks[task], completed=done, total=total)

        yield cb


def fail(exc: GraphregError) -> typer.Exit:
    err.print(f"[bold red]error:[/] {exc}", markup=True, highlight=False)
    return typer.Exit(exc.exit_code)
