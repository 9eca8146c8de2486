"""CLI commands: diagrams, trace, handbook. `register(app)` adds them to the main app."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from graphreg.errors import GraphregError
from graphreg.settings import Settings

from .render import fail, mapping

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def _store():  # type: ignore[no-untyped-def]
    from graphreg.db import connect
    return connect(Settings.from_env())


def register(app: typer.Typer) -> None:
    """Add this module's commands to `app`."""

    @app.command("diagram")
    def diagram_cmd(
        village: Annotated[str, typer.Argument(help="12-digit village code.")],
        out: Annotated[Path, typer.Option(help="HTML file to write.")] = Path("village.html"),
        as_json: JsonOpt = False,
    ) -> None:
        """Write a network diagram of one village (units, households, measures, causes).

        Example: `graphreg diagram 520423102201 --out village.html`
        """
        from graphreg.visualizations import village_diagram
        try:
            with _store() as s:
                info = village_diagram(s, village, out)
        except GraphregError as e:
            raise fail(e)
        mapping({"file": str(out), **info}, title="Diagram", as_json=as_json)
