"""The command line over the real server: exit codes, JSON output, help examples."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer
from typer.testing import CliRunner

from graphreg.cli.app import app
from graphreg.db import Store

runner = CliRunner()


def _commands(group: Any, prefix: str = "") -> list[tuple[str, Any]]:
    out = []
    for name, cmd in group.commands.items():
        if hasattr(cmd, "commands"):  # a group
            out += _commands(cmd, f"{prefix}{name} ")
        else:
            out.append((prefix + name, cmd))
    return out


def test_every_command_has_help_with_an_example() -> None:
    cmds = _commands(typer.main.get_command(app))  # type: ignore[arg-type]
    assert len(cmds) >= 12
    missing = [n for n, c in cmds if "Example:" not in (c.help or "")]
    assert missing == []


def test_generate_analyse_json_and_reports(store: Store, tmp_path: Path) -> None:
    r = runner.invoke(app, ["generate", "--county", "520423", "--households", "400", "--seed", "5",
                            "--json"])
    assert r.exit_code == 0, r.output
    counts = json.loads(r.stdout)["counts"]
    assert counts["households"] == 400 and counts["planted_unassisted"] == 12
    r = runner.invoke(app, ["analyse", "--county", "520423", "--planted", "--json",
                            "--out", str(tmp_path)])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert (data["households"], data["unassisted"], data["overlaps"]) == (400, 12, 12)
    assert data["planted_check"]["unassisted"]["extra"] == 0
    assert data["planted_check"]["overlap"]["missed"] == 0
    lines = (tmp_path / "unassisted.csv").read_text("utf-8-sig").splitlines()
    assert lines[0] == "household,village,main_cause,cause,village_help" and len(lines) == 13
    r = runner.invoke(app, ["unassisted", "--county", "520423", "--limit", "3", "--json"])
    assert r.exit_code == 0 and len(json.loads(r.stdout)) == 3
    assert "3 of 12 rows; --limit 0 gives all" in r.stderr  # JSON cut short says so


def test_bad_input_exits_non_zero_with_a_message(store: Store) -> None:
    r = runner.invoke(app, ["unassisted", "--county", "999999"])
    assert r.exit_code == 2
    assert "Unknown code: county 999999" in r.output
    r = runner.invoke(app, ["db", "wipe"])
    assert r.exit_code == 2 and "--yes" in r.output
    r = runner.invoke(app, ["geography", "import"])
    assert r.exit_code == 2
    r = runner.invoke(app, ["generate", "--county", "520423", "--unassisted-rate", "2"])
    assert r.exit_code == 2 and "between 0 and 1" in r.output


def test_geography_import_reports_created_then_unchanged(store: Store) -> None:
    r = runner.invoke(app, ["geography", "import", "--county", "520423", "--json"])
    assert r.exit_code == 0, r.output
    first = json.loads(r.stdout)["levels"]
    assert first["counties"]["created"] == 1
    r = runner.invoke(app, ["geography", "import", "--county", "520423", "--json"])
    again = json.loads(r.stdout)["levels"]
    assert again["villages"]["created"] == 0
    assert again["villages"]["unchanged"] == first["villages"]["created"]


def test_server_status_json(store: Store) -> None:
    r = runner.invoke(app, ["server", "status", "--json"])
    assert r.exit_code == 0, r.output
    st = json.loads(r.stdout)
    assert st["running"] is True and st["uri"].startswith("bolt://127.0.0.1:")


def test_generate_refuses_to_mix_registries_unless_replace(store: Store) -> None:
    """Bug found by a new user: a second `generate` with another seed into the same county
    overwrote 826 households and broke every analysis of the county."""
    base = ["generate", "--county", "520423", "--households", "300", "--json"]
    r = runner.invoke(app, [*base, "--seed", "1"])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, [*base, "--seed", "1"])  # the same run again: harmless, all unchanged
    assert r.exit_code == 0 and json.loads(r.stdout)["written"]["households"]["created"] == 0
    r = runner.invoke(app, [*base, "--seed", "7"])
    assert r.exit_code == 2
    assert "County 520423 already holds another registry" in r.output and "--replace" in r.output
    assert store.value("count_households") == 300
    r = runner.invoke(app, [*base, "--seed", "7", "--replace"])
    assert r.exit_code == 0, r.output
    assert store.value("count_households") == 300
    r = runner.invoke(app, ["analyse", "--county", "520423", "--planted", "--json"])
    assert r.exit_code == 0, r.output
    check = json.loads(r.stdout)["planted_check"]
    assert all(v["missed"] == 0 and v["extra"] == 0 for v in check.values()), check


def test_unknown_county_and_version() -> None:
    r = runner.invoke(app, ["geography", "import", "--county", "999999"])
    assert r.exit_code == 2 and "No county with code 999999" in r.output
    r = runner.invoke(app, ["--version"])
    assert r.exit_code == 0 and r.stdout.strip() == "0.1.0"


def test_out_of_range_options_are_refused_before_any_work() -> None:
    """New-user findings: `--limit -5`, `--as-of 1990` and `gaps --level bogus` were accepted."""
    for args in (["unassisted", "--county", "520423", "--limit", "-5"],
                 ["gaps", "--county", "520423", "--as-of", "1990"],
                 ["gaps", "--county", "520423", "--level", "bogus"]):
        r = runner.invoke(app, args)
        assert r.exit_code == 2, (args, r.output)
