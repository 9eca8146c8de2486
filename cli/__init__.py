"""The graphreg command line (Typer). Thin: parse, call the library, render."""
