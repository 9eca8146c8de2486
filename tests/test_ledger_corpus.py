"""The bad-input corpus: tests/ledgers/ holds one file per kind of fault. Each import must fail
with exactly the expected problem (row, column, value, message) and leave the graph unchanged.

Every file has good rows too, so the tests also show that only the faulty row is reported."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from graphreg.db import Store
from graphreg.errors import InputError
from graphreg.geography import import_geography, read_division
from graphreg.ledger import LedgerError, Problem, graph_snapshot, import_ledgers
from graphreg.schema import apply_schema, wipe

CORPUS = Path(__file__).parent / "ledgers"
KEY = b"test-key"
VILLAGES = {"520423001210", "520423001251", "520424002001"}

#: file → (row, column, value, message) of its one problem, or the message of a file-level error
EXPECTED: dict[str, Any] = {
    'areas_name_conflict.csv': (3, 'area_name', '乌蒙山区',
        "area A09 is called '滇桂黔石漠化区' on row 2; use one name for one code"),
    'assignments_impossible_date.csv': (3, 'since', '2016-02-30',
        "'2016-02-30' is not a real date (month 2 of 2016 has no day 30); check the day and month"),
    'assignments_unknown_level.csv': (3, 'level', '乡',
        "unknown level '乡'; use one of household、village、county"),
    'assignments_unknown_target_village.csv': (3, 'target', '520423999999',
        'no village code 520423999999 in the graph or in this import; check the code against the division table or import the geography first (`graphreg geography import`)'),
    'assignments_unknown_unit.csv': (3, 'unit', 'U77',
        'no unit U77 in the graph or in this import; import the unit first (units ledger) or correct the code'),
    'assignments_unreadable_date.csv': (3, 'since', '三月初',
        "'三月初' is not a date; write it as 2016-03-01, 2016/3/1, 2016.3.1 or 2016年3月1日"),
    'assignments_until_before_since.csv': (3, 'until', '2015-12-31',
        'until 2015-12-31 is before since 2016-03-01; correct one of the two'),
    'empty_file.csv': '{dir}/empty_file.csv: the file is empty; it needs a header row and data rows (get one with `graphreg template KIND`)',
    'households_bad_year.csv': (3, 'registered_year', '20145',
        "'20145' is not a year; write four digits such as 2016"),
    'households_duplicate_column.csv': (1, 'head_name', '',
        'column head_name (户主姓名) appears twice (columns 3 and 4); keep one of them'),
    'households_empty_key.csv': (3, 'id', '',
        '户编号 (id) is empty; it is required'),
    'households_empty_required_value.csv': (3, 'head_name', '',
        '户主姓名 (head_name) is empty; it is required'),
    'households_key_repeated_with_other_values.csv': (4, 'size', '4',
        "H0101 is already on row 2 with size '3'; keep one row per id"),
    'households_main_cause_also_other.csv': (3, 'other_causes', '9、3',
        'the main cause 9 (缺资金) is also listed as another cause; list it only as the main cause'),
    'households_missing_required_column.csv': (1, 'head_name', '',
        'required column 户主姓名 (head_name) is missing; add it to the header row (see `graphreg template households`)'),
    'households_negative_income.csv': (3, 'income', '-300',
        'income cannot be -300; it must be 0 or more'),
    'households_size_fraction.csv': (3, 'size', '2.5',
        "'2.5' is not a whole number; write a whole number such as 3"),
    'households_size_not_a_number.csv': (3, 'size', '三',
        "'三' is not a number; write digits such as 1234 or 1,234.50"),
    'households_size_zero.csv': (3, 'size', '0',
        'household size cannot be 0; it must be 1 or more'),
    'households_unknown_attribute.csv': (3, 'attribute', '特困户',
        "unknown household attribute '特困户'; use one of 一般贫困户、低保贫困户、五保户"),
    'households_unknown_cause.csv': (3, 'main_cause', '因懒',
        "unknown cause of poverty '因懒'; use a national code (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 99) or its Chinese name (因病、因残、因学、因灾、缺土地、缺水、缺技术、缺劳力、缺资金、交通条件落后、自身发展动力不足、其他)"),
    'households_unknown_other_cause.csv': (3, 'other_causes', '3;42',
        "unknown cause of poverty '42'; use a national code (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 99) or its Chinese name (因病、因残、因学、因灾、缺土地、缺水、缺技术、缺劳力、缺资金、交通条件落后、自身发展动力不足、其他)"),
    'households_unknown_village.csv': (3, 'village', '520423999999',
        'no village code 520423999999 in the graph or in this import; check the code against the division table or import the geography first (`graphreg geography import`)'),
    'measures_cost_not_a_number.csv': (3, 'cost', '五百',
        "'五百' is not a number; write digits such as 1234 or 1,234.50"),
    'measures_end_before_start.csv': (3, 'end', '2016/2/1',
        'end 2016-02-01 is before start 2016-03-01; correct one of the two'),
    'measures_negative_cost.csv': (3, 'cost', '-1,200',
        'cost cannot be -1200; it must be 0 or more'),
    'measures_unknown_measure_type.csv': (3, 'type', '发红包',
        "unknown measure type '发红包'; use one of industry, education, medical, housing, labour, subsidy, resettlement, pension, dibao, credit, health, relocation, ecology, infrastructure, disaster_relief, training or its Chinese name (产业扶贫、教育扶持、医疗扶持、危房改造、劳动力转移、惠农补贴、库区移民、养老保险、低保金、金融扶贫、健康扶贫、易地搬迁、生态补偿、水路基础设施、救灾救助、技能培训)"),
    'members_bad_person_key.csv': (2, 'pid', 'abc123',
        'a person key (pid) is the 64-character hex hash graphreg exports; leave it blank and give the ID-card number instead'),
    'members_birth_year_disagrees.csv': (3, 'birth_year', '1991',
        'the birth year 1991 disagrees with the ID-card number (born 1990); correct one of the two'),
    'members_id_impossible_birth_date.csv': (3, 'id_number', '5204**********0011',
        'the birth date 19901301 in the ID-card number is not a date'),
    'members_id_not_digits.csv': (3, 'id_number', '5204**********00A5',
        'an ID-card number is 17 digits and a last digit or X'),
    'members_id_stored_as_excel_number.xlsx': (3, 'id_number', '5204**********0128',
        'the ID-card number is not text; the cell is a number in Excel, which loses the last digits: format the column as text and type the numbers again'),
    'members_id_wrong_check_digit.csv': (3, 'id_number', '5204**********0056',
        'wrong check digit: the last character should be 5 for the first 17 digits (GB 11643)'),
    'members_id_wrong_length.csv': (3, 'id_number', '5204*********2005',
        'an ID-card number has 18 characters, this one has 17'),
    'members_key_repeated_with_other_values.csv': (3, 'name', '张三丰',
        "H0001 / 5204**********0055 is already on row 2 with name '张三'; keep one row per household and pid"),
    'members_no_id_column.csv': (1, 'id_number', '',
        'required column 身份证号码 (id_number) is missing; add it to the header row (see `graphreg template members`)'),
    'members_unknown_household.csv': (3, 'household', 'H9999',
        'no household H9999 in the graph or in this import; import the household first (households ledger) or correct the number'),
    'old_excel_format.xls': '{dir}/old_excel_format.xls: old .xls workbooks are not read; open it in Excel and save it as .xlsx or as CSV UTF-8',
    'poor_villages_bad_flag.csv': (3, 'poor', '也许',
        "'也许' is neither yes nor no; write 是 or 否"),
    'poor_villages_exit_before_listing.csv': (3, 'exit_year', '2015',
        'exit_year 2015 is before since 2016; correct one of the two'),
    'poor_villages_unknown_village.csv': (3, 'code', '520423000000',
        'no village code 520423000000 in the graph or in this import; check the code against the division table or import the geography first (`graphreg geography import`)'),
    'poverty_counties_unknown_county.csv': (3, 'code', '529999',
        'no county code 529999 in the graph or in this import; check the code or import the geography first (`graphreg geography import`)'),
    'status_changes_date_outside_year.csv': (3, 'date', '2020-01-05',
        'the date 2020-01-05 is not in the year 2019; a change is recorded in the year it happened'),
    'status_changes_empty_year.csv': (3, 'year', '',
        '年度 (year) is empty; it is required'),
    'status_changes_unknown_status.csv': (3, 'status', '稳定',
        "unknown status (脱贫标志) '稳定'; use one of 未脱贫、脱贫、预脱贫、返贫、监测"),
    'units_negative_capacity.csv': (3, 'capacity', '-2',
        'capacity cannot be -2; it must be 0 or more'),
    'units_unknown_base.csv': (3, 'base', '520423999999',
        'no village, township or county code 520423999999 in the graph or in this import; check the code or import the geography first'),
    'units_unknown_county.csv': (3, 'county', '110101',
        'no county code 110101 in the graph or in this import; check the code or import the geography first (`graphreg geography import`)'),
    'units_unknown_kind.csv': (3, 'kind', 'cooperative',
        "unknown unit kind 'cooperative'; use one of work_team、cadre、designated、east_west、enterprise、social、department"),
    'units_unknown_skill.csv': (3, 'skills', 'industry;拆迁',
        "unknown measure type '拆迁'; use one of industry, education, medical, housing, labour, subsidy, resettlement, pension, dibao, credit, health, relocation, ecology, infrastructure, disaster_relief, training or its Chinese name (产业扶贫、教育扶持、医疗扶持、危房改造、劳动力转移、惠农补贴、库区移民、养老保险、低保金、金融扶贫、健康扶贫、易地搬迁、生态补偿、水路基础设施、救灾救助、技能培训)"),
    'wrong_encoding_forced_utf8.csv': '{dir}/wrong_encoding_forced_utf8.csv: line 1 is not valid utf-8 (byte 0); the file is in another encoding: leave out --encoding to detect it, or try --encoding gb18030',
}


def base_graph(store: Store, tmp: Path) -> None:
    """Two counties, three villages, household H0001 and unit U01."""
    geo = read_division(counties=["520423", "520424"])
    geo["villages"] = [v for v in geo["villages"] if v["code"] in VILLAGES]
    geo["townships"] = [t for t in geo["townships"] if t["code"] in {"520423001", "520424002"}]
    import_geography(store, geo)
    (tmp / "h.csv").write_text("户编号,行政村代码,户主姓名,家庭人口数,主要致贫原因\n"
                               "H0001,520423001210,王伟,3,1\n", encoding="utf-8")
    (tmp / "u.csv").write_text("单位编号,单位名称,类别,所在县代码\nU01,卫生局,department,520423\n",
                               encoding="utf-8")
    import_ledgers(store, [("households", tmp / "h.csv"), ("units", tmp / "u.csv")], key=KEY)


def kind_of(name: str) -> str:
    for k in ("poor_villages", "poverty_counties", "status_changes", "households", "members",
              "units", "assignments", "measures", "areas"):
        if name.startswith(k):
            return k.replace("_", "-")
    return "households"


def test_the_corpus_has_a_file_per_fault_and_an_expectation_per_file() -> None:
    files = sorted(p.name for p in CORPUS.iterdir() if p.suffix in (".csv", ".xlsx", ".xls"))
    assert len(files) >= 30
    assert files == sorted(EXPECTED)


@pytest.fixture(scope="module")
def corpus_store(session_store: Store, tmp_path_factory: pytest.TempPathFactory
                 ) -> tuple[Store, Any]:
    """One base graph for the whole corpus: an aborted import must leave it as it was, which
    every test checks, so the tests can share it."""
    wipe(session_store)
    apply_schema(session_store)
    base_graph(session_store, tmp_path_factory.mktemp("corpus"))
    return session_store, graph_snapshot(session_store, ignore=())


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file_is_rejected_with_the_exact_problem_and_nothing_written(
        corpus_store: tuple[Store, Any], name: str) -> None:
    store, before = corpus_store
    path = CORPUS / name
    encoding = "utf-8" if "forced_utf8" in name else None
    expected = EXPECTED[name]
    if isinstance(expected, str):
        with pytest.raises(InputError) as info:
            import_ledgers(store, [(kind_of(name), path)], key=KEY, encoding=encoding)
        assert str(info.value) == expected.format(dir=CORPUS)
    else:
        with pytest.raises(LedgerError) as err:
            import_ledgers(store, [(kind_of(name), path)], key=KEY, encoding=encoding)
        row, column, value, message = expected
        assert err.value.result.errors == [Problem(str(path), row, column, value, message)]
        assert err.value.result.exit_code == 2 and not err.value.result.written
        assert f"{path}, row {row}, column {column}" in str(err.value)
    assert graph_snapshot(store, ignore=()) == before
