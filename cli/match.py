"""CLI commands (filled in by its issue). `register(app)` adds them to the main app."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add this module's commands to `app`."""
