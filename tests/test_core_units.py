"""Pure functions of the foundation: settings, code lists, IDs, division tables, generator."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from graphreg import model
from graphreg.errors import InputError
from graphreg.geography import read_division, village_kind
from graphreg.ids import check_digit, hash_id, load_key, make_id, mask_id, validate_id
from graphreg.reports import safe_cell, write_csv
from graphreg.settings import Settings
from graphreg.synth import FaultRates, generate


def test_settings_from_env_defaults_and_overrides(tmp_path: Path) -> None:
    s = Settings.from_env({"HOME": str(tmp_path), "GRAPHREG_HOME": str(tmp_path / "h"),
                           "GRAPHREG_BOLT_PORT": "7999", "GRAPHREG_NEO4J_HEAP": "1g"})
    assert (s.home, s.bolt_port, s.heap, s.pagecache) == (tmp_path / "h", 7999, "1g", "2g")
    assert s.bolt_uri == "bolt://127.0.0.1:7999" and not s.external
    ext = Settings.from_env({"NEO4J_URI": "neo4j://db:7687", "NEO4J_USERNAME": "u",
                             "NEO4J_PASSWORD": "p", "NEO4J_DATABASE": "reg"})
    assert (ext.external, ext.bolt_uri, ext.username, ext.password, ext.database) == \
        (True, "neo4j://db:7687", "u", "p", "reg")


def test_settings_rejects_a_bad_port() -> None:
    with pytest.raises(ValueError, match="GRAPHREG_BOLT_PORT='abc' is not a port number"):
        Settings.from_env({"GRAPHREG_BOLT_PORT": "abc"})


def test_id_numbers_check_digit_mask_hash(tmp_path: Path) -> None:
    assert check_digit("34052419800101001") == "X"
    assert validate_id("３４０５２４１９８００１０１００１ｘ") == "34052419800101001X"
    with pytest.raises(ValueError, match="should be X"):
        validate_id("340524198001010011")
    with pytest.raises(ValueError, match="has 17"):
        validate_id("34052419800101001")
    with pytest.raises(ValueError, match="19801301 .* not a date"):
        validate_id("340524198013010011")
    assert mask_id("34052419800101001X") == "3405**********001X"
    key = load_key(tmp_path)
    assert load_key(tmp_path) == key and (tmp_path / "id.key").stat().st_mode & 0o777 == 0o600
    assert hash_id("34052419800101001x", key) == hash_id("34052419800101001X", key)
    assert hash_id("34052419800101001X", key) != hash_id("34052419800101001X", b"other")
    import datetime as dt
    assert validate_id(make_id("520423", dt.date(1990, 5, 17), 7)) == make_id(
        "520423", dt.date(1990, 5, 17), 7)


def test_code_lists_accept_codes_and_names() -> None:
    assert model.cause_code("因病") == 1 and model.cause_code(11) == 11
    assert model.cause_code("因婚") == 99
    with pytest.raises(ValueError, match="unknown cause of poverty '因懒'"):
        model.cause_code("因懒")
    assert model.measure_type("医疗扶持") == "medical" and model.measure_type("credit") == "credit"
    assert set(model.ADDRESSES) == set(model.MEASURE_TYPES)
    assert abs(sum(model.MAIN_CAUSE_SHARES.values()) - 1) < 1e-9


def test_division_tables_for_one_county() -> None:
    geo = read_division(counties=["520423"])
    assert [len(geo[k]) for k in ("provinces", "cities", "counties")] == [1, 1, 1]
    assert geo["counties"][0] == {"code": "520423", "name": "镇宁布依族苗族自治县", "parent": "5204"}
    assert all(v["code"].startswith("520423") for v in geo["villages"])
    assert {v["kind"] for v in geo["villages"]} <= {"rural", "urban", "other"}
    assert village_kind("520423100201") == "rural" and village_kind("520423100001") == "urban"


def test_whole_country_tables_have_the_published_row_counts() -> None:
    geo = read_division()
    assert [len(geo[k]) for k in ("provinces", "cities", "counties", "townships", "villages")] \
        == [31, 342, 2978, 41352, 620573]


def test_division_reader_reports_file_row_and_column(tmp_path: Path) -> None:
    src = Path(read_division.__globals__["packaged_dir"]())
    for f in src.glob("*.csv.gz"):
        (tmp_path / f.name[:-3]).write_bytes(gzip.decompress(f.read_bytes()))
    bad = tmp_path / "areas.csv"
    lines = bad.read_text("utf-8").splitlines()
    lines[3] = 'X10105,"朝阳区",1101,11'
    bad.write_text("\n".join(lines) + "\n", "utf-8")
    with pytest.raises(InputError, match=r"areas.csv: row 4, column code: 'X10105' is not a division code"):
        read_division(tmp_path, provinces=["11"])
    (tmp_path / "provinces.csv").write_text("code,title\n11,北京\n", "utf-8")
    with pytest.raises(InputError, match=r"missing column\(s\) name"):
        read_division(tmp_path)


def test_generator_is_deterministic_and_calibrated() -> None:
    geo = read_division(counties=["520423"])
    a = generate(geo, households=3000, seed=3)
    assert a == generate(geo, households=3000, seed=3)
    assert a != generate(geo, households=3000, seed=4)
    assert len(a.households) == 3000
    assert 2.9 < len(a.persons) / len(a.households) < 3.2
    illness = sum(h["main_cause"] == 1 for h in a.households) / 3000
    assert 0.40 < illness < 0.47
    assert a.counts()["planted_unassisted"] == 90 and a.counts()["planted_overlap"] == 90
    assert len({p["pid"] for p in a.persons}) == len(a.persons)
    assert all(len(p["masked"]) == 18 and "*" in p["masked"] for p in a.persons)


def test_fault_rates_are_checked() -> None:
    with pytest.raises(ValueError, match="between 0 and 1"):
        FaultRates(unassisted=1.5)
    with pytest.raises(ValueError, match="more than 1"):
        FaultRates(0.5, 0.4, 0.2)


def test_csv_cells_never_run_as_formulas(tmp_path: Path) -> None:
    assert [safe_cell(v) for v in ("=1+1", "+86", "@x", "-x", "-3.5", 3)] == \
        ["'=1+1", "+86", "'@x", "'-x", "-3.5", 3]
    n = write_csv(tmp_path / "a.csv", [{"a": "=cmd", "b": "王"}], ["a", "b"])
    assert n == 1
    assert (tmp_path / "a.csv").read_bytes() == "\ufeffa,b\r\n'=cmd,王\r\n".encode("utf-8")


def test_importing_the_library_prints_nothing_and_starts_nothing() -> None:
    import subprocess
    import sys
    code = ("import pkgutil, importlib, graphreg\n"
            "for m in pkgutil.walk_packages(graphreg.__path__, 'graphreg.'):\n"
            "    importlib.import_module(m.name)\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert (r.returncode, r.stdout, r.stderr) == (0, "", "")


@pytest.mark.parametrize("env, code, message", [
    ({"GRAPHREG_BOLT_PORT": "abc"}, 2, "GRAPHREG_BOLT_PORT='abc' is not a port number"),
    ({"NEO4J_URI": "http://127.0.0.1:9"}, 2, "is not a Bolt address"),
    ({"NEO4J_URI": "bolt://127.0.0.1:9"}, 1, "NEO4J_PASSWORD is not"),
])
def test_cli_errors_are_messages_not_tracebacks(env: dict, code: int, message: str) -> None:
    import os
    import subprocess
    import sys
    r = subprocess.run([sys.executable, "-m", "graphreg.cli.app", "unassisted", "--county",
                        "520423"], capture_output=True, text=True, timeout=60,
                       env={**os.environ, **env, "COLUMNS": "200"})
    assert r.returncode == code, r.stderr
    assert message in r.stderr and "Traceback" not in r.stderr
