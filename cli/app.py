"""graphreg's command line. Every command is a thin layer over one library call."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from graphreg import __version__
from graphreg.errors import GraphregError
from graphreg.settings import Settings

from . import ledger, match, reports as reports_cmds, inspect as inspect_cmds
from .render import err, fail, mapping, progress, table

app = typer.Typer(
    name="graphreg", no_args_is_help=True, rich_markup_mode="markdown",
    help="China's poverty registry (建档立卡) as a Neo4j graph: who helps whom, gaps, overlaps, "
         "diagrams.\n\nExample: `graphreg demo --out out`")
server_app = typer.Typer(no_args_is_help=True, help="The managed Neo4j server.")
db_app = typer.Typer(no_args_is_help=True, help="Schema and contents of the database.")
geo_app = typer.Typer(no_args_is_help=True, help="The real division tree of China.")
app.add_typer(server_app, name="server")
app.add_typer(db_app, name="db")
app.add_typer(geo_app, name="geography")

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def _server():  # type: ignore[no-untyped-def]
    from graphreg.server import ManagedServer
    s = Settings.from_env()
    if s.external:
        raise GraphregError(f"NEO4J_URI is set ({s.uri}): graphreg uses that server and does not "
                            "manage one. Unset NEO4J_URI to use the managed server.")
    return ManagedServer(s)


def _store():  # type: ignore[no-untyped-def]
    from graphreg.db import connect
    return connect(Settings.from_env())


def _version(value: bool) -> None:
    if value:
        typer.echo(__version__)
        raise typer.Exit()


@app.callback()
def _main(version: Annotated[bool, typer.Option(
        "--version", help="Show the version.", is_eager=True, callback=_version)] = False
          ) -> None:
    """China's poverty registry (建档立卡) as a Neo4j graph."""


# ---- server ---------------------------------------------------------------------------------
@server_app.command("fetch")
def server_fetch() -> None:
    """Download Neo4j Community from Maven Central into the cache (needs `mvn`).

    Example: `graphreg server fetch`
    """
    try:
        typer.echo(str(_server().fetch()))
    except GraphregError as e:
        raise fail(e)


@server_app.command("start")
def server_start(as_json: JsonOpt = False) -> None:
    """Start the managed server (fetching it first if needed); reuse it if it runs.

    Example: `graphreg server start`
    """
    try:
        st = _server().start()
    except GraphregError as e:
        raise fail(e)
    mapping({"running": st.running, "pid": st.pid, "uri": st.uri, "home": str(st.home)},
            title="Neo4j", as_json=as_json)


@server_app.command("stop")
def server_stop() -> None:
    """Stop the managed server.

    Example: `graphreg server stop`
    """
    try:
        stopped = _server().stop()
    except GraphregError as e:
        raise fail(e)
    typer.echo("stopped" if stopped else "not running")


@server_app.command("status")
def server_status(as_json: JsonOpt = False) -> None:
    """Show whether the managed server runs and where. Exit code 1 when it does not.

    Example: `graphreg server status --json`
    """
    try:
        st = _server().status()
    except GraphregError as e:
        raise fail(e)
    mapping({"running": st.running, "answering": st.answering, "pid": st.pid, "uri": st.uri,
             "home": str(st.home), "fetched": st.fetched, "version": st.version},
            title="Neo4j", as_json=as_json)
    if not st.running:
        raise typer.Exit(1)


@server_app.command("password")
def server_password() -> None:
    """Print the managed server's password (for Neo4j Browser or cypher-shell).

    Example: `graphreg server password`
    """
    typer.echo(_server().password())


# ---- db -------------------------------------------------------------------------------------
@db_app.command("schema")
def db_schema() -> None:
    """Create constraints and indexes and load the code lists (idempotent).

    Example: `graphreg db schema`
    """
    from graphreg.schema import apply_schema
    try:
        with _store() as s:
            apply_schema(s)
    except GraphregError as e:
        raise fail(e)
    typer.echo("schema applied")


@db_app.command("wipe")
def db_wipe(yes: Annotated[bool, typer.Option("--yes", help="Really delete everything.")] = False
            ) -> None:
    """Delete every node and relationship (the schema stays).

    Example: `graphreg db wipe --yes`
    """
    from graphreg.schema import wipe
    if not yes:
        err.print("This deletes the whole graph. Run again with --yes to confirm.")
        raise typer.Exit(2)
    try:
        with _store() as s:
            n = wipe(s)
    except GraphregError as e:
        raise fail(e)
    typer.echo(f"deleted {n} nodes")


# ---- geography ------------------------------------------------------------------------------
@geo_app.command("import")
def geography_import(
    province: Annotated[Optional[list[str]], typer.Option("--province", "-p",
                        help="Province code (repeatable), e.g. 52 for Guizhou.")] = None,
    county: Annotated[Optional[list[str]], typer.Option("--county", "-c",
                      help="County code (repeatable), e.g. 520423.")] = None,
    all_: Annotated[bool, typer.Option("--all", help="The whole country (620,573 villages).")] = False,
    source: Annotated[Optional[Path], typer.Option(
        help="A folder with provinces/cities/areas/streets/villages .csv(.gz); default: the "
             "tables shipped with graphreg.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Load the real division tree (province → city → county → township → village).

    Re-importing changes nothing. Example: `graphreg geography import --province 52`
    """
    from graphreg.geography import import_geography, read_division
    from graphreg.schema import apply_schema
    if not (province or county or all_):
        err.print("Say what to load: --province CODE, --county CODE or --all.")
        raise typer.Exit(2)
    try:
        rows = read_division(source, provinces=None if all_ else province,
                             counties=None if all_ else county)
        with _store() as s, progress() as cb:
            apply_schema(s)
            res = import_geography(s, rows, progress=cb)
    except GraphregError as e:
        raise fail(e)
    data = res.as_dict()
    table([{"level": k, **v} for k, v in data["levels"].items()],
          ("level", "rows", "created", "updated", "unchanged"),
          title=f"Geography loaded in {data['seconds']}s", as_json=as_json, json_data=data)


# ---- generate, analyse, demo ----------------------------------------------------------------
@app.command("generate")
def generate_cmd(
    province: Annotated[Optional[str], typer.Option("--province", "-p", help="Province code.")] = None,
    county: Annotated[Optional[list[str]], typer.Option("--county", "-c", help="County code (repeatable).")] = None,
    households: Annotated[int, typer.Option(help="Households in all.", min=1)] = 10000,
    seed: Annotated[int, typer.Option(help="Same seed, same registry.")] = 1,
    unassisted_rate: Annotated[float, typer.Option(help="Share planted with no help.")] = 0.03,
    mistargeted_rate: Annotated[float, typer.Option(help="Share planted with measures missing the main cause.")] = 0.04,
    overlap_rate: Annotated[float, typer.Option(help="Share planted with an overlapping measure.")] = 0.03,
    replace: Annotated[bool, typer.Option(
        help="Delete a registry the counties already hold (another seed or size, or imported "
             "ledgers) before generating.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Generate a synthetic registry in real villages, with planted faults, and load it.

    Loads the geography of those counties first. The same run again changes nothing; a county
    that holds another registry is refused unless --replace. Example:
    `graphreg generate --county 520423 --households 2000 --seed 7`
    """
    from graphreg.geography import read_division
    from graphreg.ids import load_key
    from graphreg.pipeline import load_synthetic
    from graphreg.schema import apply_schema
    from graphreg.synth import FaultRates
    if not (province or county):
        err.print("Say where: --province CODE or --county CODE.")
        raise typer.Exit(2)
    try:
        rates = FaultRates(unassisted_rate, mistargeted_rate, overlap_rate)
    except ValueError as e:
        err.print(f"error: {e}")
        raise typer.Exit(2)
    try:
        geo = read_division(provinces=[province] if province else None, counties=county)
        settings = Settings.from_env()
        with _store() as s, progress() as cb:
            apply_schema(s)
            reg, written = load_synthetic(s, geo, households=households, seed=seed, rates=rates,
                                          key=load_key(settings.home), replace=replace,
                                          progress=cb)
    except GraphregError as e:
        raise fail(e)
    table([{"part": k, **v.as_dict()} for k, v in written.items()],
          ("part", "rows", "created", "unchanged"), title="Registry written", as_json=as_json,
          json_data={"counts": reg.counts(), "written": {k: v.as_dict() for k, v in written.items()}})


@app.command("demo")
def demo_cmd(
    out: Annotated[Path, typer.Option(help="Folder for reports and diagrams.")] = Path("out"),
    province: Annotated[str, typer.Option(help="Province code (52: Guizhou).")] = "52",
    households: Annotated[int, typer.Option(help="Households to generate.", min=1)] = 100_000,
    seed: Annotated[int, typer.Option(help="Generator seed.")] = 1,
) -> None:
    """The main job end to end: start Neo4j, load a province's real geography, generate a
    registry, analyse it, write reports (CSV, JSON) and a diagram into OUT.

    Example: `graphreg demo --province 52 --households 100000 --out out`
    """
    from graphreg.pipeline import run_demo
    try:
        with progress() as cb:
            res = run_demo(out, province=province, households=households, seed=seed,
                           progress=cb, log=lambda m: err.print(m))
    except GraphregError as e:
        raise fail(e)
    table([{"step": k, "seconds": v} for k, v in res.steps.items()], ("step", "seconds"),
          title="Demo steps")
    mapping({k: v for k, v in res.facts.get("analysis", {}).items()}, title="Analysis")
    table([{"fault": k, **v} for k, v in res.facts.get("planted_check", {}).items()],
          ("fault", "planted", "found", "matched", "missed", "extra"),
          title="Findings against planted faults")
    typer.echo("\n".join(str(f) for f in res.files))


for _mod in (ledger, reports_cmds, inspect_cmds, match):
    _mod.register(app)


def main() -> None:
    """Run the app; errors that escape a command become a message and an exit code, not a
    traceback (set GRAPHREG_DEBUG=1 to see the traceback)."""
    import neo4j.exceptions

    try:
        app()
    except GraphregError as e:
        _die(str(e), e.exit_code)
    except UnicodeEncodeError as e:
        _die(f"{e.encoding} cannot hold the character {e.object[e.start:e.end]!r}; choose an "
             "encoding that holds Chinese, such as utf-8 (the default) or gb18030", 2, e)
    except (IsADirectoryError, NotADirectoryError, FileNotFoundError, FileExistsError,
            PermissionError) as e:
        _die(f"{e.filename}: {e.strerror}. Give a file path in a folder you can write to "
             "(or read, for an input file).", 2, e)
    except neo4j.exceptions.Neo4jError as e:
        _die(f"Neo4j answered: {e.message}. Check NEO4J_DATABASE and the statement's input.", 1, e)
    except neo4j.exceptions.DriverError as e:
        _die(f"Could not talk to Neo4j: {e}. Check NEO4J_URI, NEO4J_USERNAME and "
             "NEO4J_PASSWORD, or unset NEO4J_URI to use the managed server.", 1, e)
    except ValueError as e:
        _die(str(e), 2, e)


def _die(message: str, code: int, exc: BaseException | None = None) -> None:
    import os
    import sys
    if exc is not None and os.environ.get("GRAPHREG_DEBUG") == "1":
        raise exc
    err.print(f"[bold red]error:[/] {message}", markup=True, highlight=False)
    sys.exit(code)


if __name__ == "__main__":
    main()
