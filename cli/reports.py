"""CLI commands: analyses and reports. `register(app)` adds them to the main app.

Every analysis command takes the same filters (--province, --county, --area, --village,
--as-of, --limit) and prints a table, or JSON with --json, or writes CSV with --csv.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from graphreg.errors import GraphregError
from graphreg.settings import Settings

from .render import err, fail, mapping, progress, table

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
CsvOpt = Annotated[Optional[Path], typer.Option("--csv", help="Also write all rows to this CSV file.")]
ProvinceOpt = Annotated[Optional[str], typer.Option("--province", "-p", help="Province code, e.g. 52.")]
CountyOpt = Annotated[Optional[list[str]], typer.Option("--county", "-c", help="County code (repeatable).")]
AreaOpt = Annotated[Optional[str], typer.Option("--area", help="Contiguous area code.")]
VillageOpt = Annotated[Optional[list[str]], typer.Option(
    "--village", help="Village (12 digits) or township (9 digits) code (repeatable).")]
AsOfOpt = Annotated[Optional[int], typer.Option(
    "--as-of", min=2014, max=2100,
    help="Status at the end of this year (2014, when registration began, or later), help "
         "active on its 31 December.")]
LimitOpt = Annotated[int, typer.Option("--limit", min=0,
                                       help="At most this many rows shown (0: all).")]


def _store():  # type: ignore[no-untyped-def]
    from graphreg.db import connect
    return connect(Settings.from_env())


def _run(province: str | None, county: list[str] | None, area: str | None,
         village: list[str] | None, as_of: int | None, analyses: list[str] | None = None,
         **options: Any):  # type: ignore[no-untyped-def]
    from graphreg.analysis.run import AnalysisOptions, analyse
    try:
        opts = AnalysisOptions(**options)
        with _store() as s, progress() as cb:
            return analyse(s, province=province, county_codes=county, area=area,
                           villages=village, as_of=as_of, analyses=analyses,
                           options=opts, progress=cb)
    except GraphregError as e:
        raise fail(e)


def _show(rows: list[dict[str, Any]], columns: tuple[str, ...], title: str, limit: int,
          as_json: bool, csv: Path | None) -> None:
    if csv:
        from graphreg.reports import write_csv
        write_csv(csv, rows, columns)
        err.print(f"wrote {len(rows)} rows to {csv}")
    shown = rows[:limit] if limit else rows
    if as_json and len(shown) < len(rows):
        err.print(f"{len(shown)} of {len(rows)} rows; --limit 0 gives all")
    table(shown, columns, title=f"{title} ({len(rows)}; {len(shown)} shown)", as_json=as_json)


def register(app: typer.Typer) -> None:
    """Add this module's commands to `app`."""

    @app.command("analyse")
    def analyse_cmd(
        province: ProvinceOpt = None, county: CountyOpt = None, area: AreaOpt = None,
        village: VillageOpt = None, as_of: AsOfOpt = None,
        out: Annotated[Optional[Path], typer.Option(help="Write CSV and JSON reports into this folder.")] = None,
        planted: Annotated[bool, typer.Option(help="Also compare with the generator's planted faults.")] = False,
        as_json: JsonOpt = False,
    ) -> None:
        """Every analysis (gaps, mistargeting, overlaps, concentration), county by county,
        each total cross-checked in Cypher; prints the totals.

        Example: `graphreg analyse --province 52 --as-of 2020 --out out --planted`
        """
        from graphreg.analysis.run import ANALYSES, compare_with_planted, write_reports
        res = _run(province, county, area, village, as_of, list(ANALYSES))
        check = None
        if planted:
            try:
                with _store() as s:
                    check = compare_with_planted(s, res)
            except GraphregError as e:
                raise fail(e)
        if out:
            write_reports(res, out)
        summary = res.summary() | ({"planted_check": check} if check else {})
        mapping(summary, title="Analysis", as_json=as_json)

    @app.command("unassisted")
    def unassisted_cmd(
        province: ProvinceOpt = None, county: CountyOpt = None, area: AreaOpt = None,
        village: VillageOpt = None, as_of: AsOfOpt = None, limit: LimitOpt = 50,
        as_json: JsonOpt = False, csv: CsvOpt = None,
    ) -> None:
        """List registered households that no unit has ever helped directly.

        Example: `graphreg unassisted --county 520423 --limit 20`
        """
        res = _run(province, county, area, village, as_of, ["gaps"])
        _show([u.as_dict() for u in res.unassisted],
              ("household", "village", "main_cause", "cause", "village_help"),
              "unassisted households", limit, as_json, csv)

    @app.command("gaps")
    def gaps_cmd(
        province: ProvinceOpt = None, county: CountyOpt = None, area: AreaOpt = None,
        village: VillageOpt = None, as_of: AsOfOpt = None, limit: LimitOpt = 50,
        what: Annotated[str, typer.Option("--what", help="households, villages (poor, no work "
                                          "team) or counties (poverty county, no designated unit).")] = "households",
        level: Annotated[Optional[str], typer.Option(help="Only this household gap level: none, "
                                                     "village_only or ended.")] = None,
        as_json: JsonOpt = False, csv: CsvOpt = None,
    ) -> None:
        """Gaps: households without direct help by level (none, village_only, ended), poor
        villages without a work team, poverty counties without a designated unit.

        Example: `graphreg gaps --province 52 --as-of 2020 --level ended --limit 20`
        """
        if what not in ("households", "villages", "counties"):
            err.print("--what must be households, villages or counties.")
            raise typer.Exit(2)
        if level is not None and level not in ("none", "village_only", "ended"):
            err.print("--level must be none, village_only or ended.")
            raise typer.Exit(2)
        if as_of is None and what == "households":
            err.print("Without --as-of, help given at any time counts, so no household is "
                      "'ended'; give --as-of YEAR to judge help on 31 December of that year.")
        res = _run(province, county, area, village, as_of, ["gaps"])
        if what == "villages":
            _show([v.as_dict() for v in res.villages_without_team],
                  ("village", "name", "households"), "poor villages without a work team",
                  limit, as_json, csv)
        elif what == "counties":
            _show([c.as_dict() for c in res.counties_without_designated],
                  ("county", "name", "areas"), "poverty counties without a designated unit",
                  limit, as_json, csv)
        else:
            rows = [g.as_dict() for g in res.gaps if level is None or g.level == level]
            _show(rows, ("household", "village", "level", "main_cause", "cause", "help_ended"),
                  "households without help", limit, as_json, csv)

    @app.command("mistargeted")
    def mistargeted_cmd(
        province: ProvinceOpt = None, county: CountyOpt = None, area: AreaOpt = None,
        village: VillageOpt = None, as_of: AsOfOpt = None, limit: LimitOpt = 50,
        as_json: JsonOpt = False, csv: CsvOpt = None,
    ) -> None:
        """Households whose active measures miss the main cause (the measure→cause mapping is
        read from the graph); kind secondary_only when they address only other causes.

        Example: `graphreg mistargeted --county 520423 --as-of 2020`
        """
        res = _run(province, county, area, village, as_of, ["mistargeting"])
        _show([m.as_dict() for m in res.mistargeted],
              ("household", "village", "main_cause", "cause", "kind", "type_names"),
              "mistargeted households", limit, as_json, csv)

    @app.command("overlaps")
    def overlaps_cmd(
        province: ProvinceOpt = None, county: CountyOpt = None, area: AreaOpt = None,
        village: VillageOpt = None, as_of: AsOfOpt = None, limit: LimitOpt = 50,
        kind: Annotated[str, typer.Option(help="same_type (one type from two units at once), "
                                          "overhelped, shared_persons or similar_units.")] = "same_type",
        excess: Annotated[float, typer.Option(help="overhelped: units above the village median.")] = 4,
        jaccard: Annotated[float, typer.Option(help="similar_units: least Jaccard similarity.")] = 0.8,
        min_households: Annotated[int, typer.Option(help="similar_units: fewest households per unit.")] = 5,
        as_json: JsonOpt = False, csv: CsvOpt = None,
    ) -> None:
        """Overlapping help: the same measure type from two units at once; households helped by
        many more units than their village median; one person in two households; pairs of units
        helping nearly the same households.

        Example: `graphreg overlaps --county 520423 --kind similar_units --jaccard 0.8`
        """
        views = {"same_type": ("overlaps", "overlaps",
                               ("household", "type_name", "unit_a", "unit_b", "start", "end"),
                               "overlapping same-type measures"),
                 "overhelped": ("overhelped", "overhelped",
                                ("household", "village", "units", "village_median", "peers"),
                                "households helped by many more units than their village"),
                 "shared_persons": ("shared_persons", "shared_persons",
                                    ("pid", "masked", "households"),
                                    "persons listed in more than one household"),
                 "similar_units": ("similar_units", "similar_units",
                                   ("unit_a", "unit_b", "shared", "households_a", "households_b",
                                    "jaccard"), "unit pairs helping nearly the same households")}
        if kind not in views:
            err.print(f"--kind must be one of {', '.join(views)}.")
            raise typer.Exit(2)
        analysis, attr, columns, title = views[kind]
        res = _run(province, county, area, village, as_of, [analysis], excess=excess,
                   jaccard=jaccard, min_unit_households=min_households)
        _show([o.as_dict() for o in getattr(res, attr)], columns, title, limit, as_json, csv)

    @app.command("concentration")
    def concentration_cmd(
        province: ProvinceOpt = None, county: CountyOpt = None, area: AreaOpt = None,
        village: VillageOpt = None, as_of: AsOfOpt = None, limit: LimitOpt = 50,
        level: Annotated[str, typer.Option(help="village, county, flagged (villages where the "
                                           "top 10% get at least --share) or households (ranked).")] = "flagged",
        share: Annotated[float, typer.Option(help="flagged: top-10% share of cost.")] = 0.5,
        as_json: JsonOpt = False, csv: CsvOpt = None,
    ) -> None:
        """Concentration of help: share of cost to the top 10% of households and Gini per village
        or county, flagged villages, or households ranked by help received.

        Example: `graphreg concentration --county 520423 --level households --limit 10`
        """
        if level not in ("village", "county", "flagged", "households"):
            err.print("--level must be village, county, flagged or households.")
            raise typer.Exit(2)
        res = _run(province, county, area, village, as_of, ["concentration"],
                   concentration_share=share,
                   top=(0 if csv else limit) if level == "households" else 100)
        cols = ("level", "code", "name", "households", "measures", "cost", "top10_share", "gini",
                "top_households")
        if level == "households":
            _show([r.as_dict() for r in res.ranking],
                  ("household", "village", "cost", "measures", "units"),
                  "households ranked by help received", limit, as_json, csv)
        elif level == "flagged":
            _show([c.as_dict() for c in res.concentrated], cols,
                  "villages where help is concentrated", limit, as_json, csv)
        else:
            _show([c.as_dict() for c in res.concentration if c.level == level], cols,
                  f"concentration per {level}", limit, as_json, csv)

    @app.command("report")
    def report_cmd(
        level: Annotated[str, typer.Argument(help="village, township, county, area or province.")],
        code: Annotated[str, typer.Argument(help="The place's code, e.g. 520423.")],
        as_of: AsOfOpt = None, limit: LimitOpt = 0,
        as_json: JsonOpt = False, csv: CsvOpt = None,
    ) -> None:
        """Coverage and assessment of a place: registered households and people, share assisted
        and targeted, overlaps, entries, exits and returns, cost per household, year by year,
        and the places one level down as of the last year.

        Example: `graphreg report county 520423 --as-of 2020 --csv out/report-520423.csv`
        """
        from graphreg.analysis.run import report
        try:
            with _store() as s, progress() as cb:
                rep = report(s, level, code, as_of=as_of, progress=cb)
        except GraphregError as e:
            raise fail(e)
        if csv:
            from graphreg.analysis.run import write_coverage_csv
            err.print(f"wrote {write_coverage_csv(rep, csv)} rows to {csv}")
        for note in rep.notes():
            err.print(note)
        if as_json:
            table([], (), as_json=True, json_data=rep.as_dict())
            return
        trend = ("year", "households", "people", "in_poverty", "assisted_share", "targeted_share",
                 "entries", "exits", "returns", "overlaps", "cost", "cost_per_household",
                 "people_in_poverty", "population", "poverty_incidence")
        table([r.as_dict() for r in rep.years], trend,
              title=f"{rep.name} ({rep.level} {rep.code}) by year")
        if rep.level == "village":
            return
        parts = rep.parts[:limit] if limit else rep.parts
        table([r.as_dict() for r in parts], ("code", "name") + trend[1:],
              title=f"{rep.name}: places one level down in {rep.as_of} "
                    f"({len(rep.parts)}; {len(parts)} shown)")
