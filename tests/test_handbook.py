"""The household handbook: HTML with the household's facts, one per household of a village,
and a PDF printed by headless Chromium whose text holds the facts."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from graphreg.db import Store
from graphreg.errors import InputError
from graphreg.handbook import write_handbook, write_village_handbooks
from graphreg.ids import mask_id
from graphreg.visualizations import network_references
from test_diagram import require_chromium
from test_diagram_data import H1, H2, H3, IDS, V1, V2



FACTS = ["扶贫手册", "王大山", "刘秀英", "之妻", H1, "祝英村村民委员会", "白马湖街道",
         "一般贫困户", "因病", "缺劳力", "陈建国", "帮扶责任人", "祝英村驻村工作队", "定点帮扶单位乙",
         "医疗扶持", "大病医疗救助", "镇宁县卫生健康局", "帮扶企业甲", "2016-01-01", "2017-05-31",
         "3,000", "1,500", "4,500", "未脱贫", "脱贫", "2018-12-01", "B2018-02",
         "ledgers/measures_2018.csv", mask_id(IDS["王大山"]), mask_id(IDS["刘秀英"])]


def test_handbook_html_holds_the_facts(small: Store, tmp_path: Path) -> None:
    info = write_handbook(small, H1, tmp_path / "h1.html")
    assert (info["members"], info["measures"], info["cost"]) == (2, 2, 4500)
    text = (tmp_path / "h1.html").read_bytes().decode("utf-8")
    for fact in FACTS:
        assert fact in text, fact
    assert not any(n in text for n in IDS.values())
    assert network_references(text) == [] and "http" not in text
    # H3: no household-level help and no measure; its village and county help still show
    write_handbook(small, H3, tmp_path / "h3.html")
    h3 = (tmp_path / "h3.html").read_text(encoding="utf-8")
    assert "无帮扶措施" in h3 and "祝英村驻村工作队" in h3 and "陈建国" not in h3


def test_village_handbooks(small: Store, tmp_path: Path) -> None:
    res = write_village_handbooks(small, V1, tmp_path / "v")
    assert res["households"] == 3
    assert sorted(Path(f).name for f in res["files"]) == [f"{h}.html" for h in (H1, H2, H3)]
    assert "李小花" in (tmp_path / "v" / f"{H2}.html").read_text(encoding="utf-8")
    assert write_village_handbooks(small, V2, tmp_path / "v2")["households"] == 1
    with pytest.raises(InputError, match="village '999'"):
        write_village_handbooks(small, "999", tmp_path / "x")
    with pytest.raises(InputError, match="household 'nope'"):
        write_handbook(small, "nope", tmp_path / "x.html")


@pytest.mark.browser
def test_handbook_pdf_text(small: Store, tmp_path: Path) -> None:
    require_chromium()
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is needed to read the PDF: `apt-get install -y poppler-utils`")
    pdf = tmp_path / "h1.pdf"
    write_handbook(small, H1, tmp_path / "h1.html", pdf=pdf)
    assert pdf.read_bytes()[:5] == b"%PDF-"
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          check=True).stdout.decode("utf-8")
    flat = "".join(text.split())
    for fact in FACTS:
        assert "".join(fact.split()) in flat, fact
