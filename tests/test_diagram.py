"""Village diagram: the exact nodes and edges, offline HTML, and a real headless-Chromium check."""

from __future__ import annotations

import locale
import os
import re
from pathlib import Path

import pytest

from graphreg.db import Store
from graphreg.errors import InputError
from graphreg.schema import apply_schema, wipe
from graphreg.visualizations import network_references, village_diagram
from graphreg.visualizations.browser import CANDIDATES, INSTALL_HINT, inspect_page
from test_diagram_data import IDS, V1, build_small_registry

VILLAGE_KINDS = {"Village": 1, "Household": 3, "Unit:work_team": 1, "Unit:cadre": 1,
                 "Unit:department": 1, "Unit:enterprise": 1, "Measure": 3, "Cause": 2}
VILLAGE_RELS = {"LIVES_IN": 3, "ASSISTS": 3, "FOR": 3, "PROVIDES": 3, "HAS_CAUSE": 3}


@pytest.fixture(scope="module")
def small(session_store: Store) -> Store:
    """Built once for this module, WITHOUT provenance (overrides conftest's `small`): every
    test here only reads."""
    wipe(session_store)
    apply_schema(session_store)
    build_small_registry(session_store)
    return session_store


def require_chromium() -> None:
    """Browser tests must run: fail (not skip) when Chromium is missing."""
    if not any(os.access(c, os.X_OK) for c in CANDIDATES) and not os.environ.get(
            "GRAPHREG_CHROMIUM"):
        pytest.fail("headless Chromium is needed for the browser tests and was not found. "
                    + INSTALL_HINT + " (.ci/run installs it.)")


def check_page(path: Path, shot: Path | None = None) -> dict:
    """Open ``path`` offline in Chromium; assert no error and no network; return its data."""
    require_chromium()
    report = inspect_page(path, screenshot=shot)
    assert report.errors == []
    assert report.network == []
    assert report.data["drawn"] is True
    assert report.data["positioned"] == report.data["nodes"]
    return {**report.data, "seconds": report.seconds}


def test_village_diagram_counts_and_offline_html(small: Store, tmp_path: Path) -> None:
    out = tmp_path / "v.html"
    info = village_diagram(small, V1, out)
    assert info["nodes"] == 15 - 2 and info["edges"] == 15
    assert info["by_kind"] == dict(sorted(VILLAGE_KINDS.items()))
    assert info["by_relation"] == dict(sorted(VILLAGE_RELS.items()))
    raw = out.read_bytes()
    text = raw.decode("utf-8")  # always UTF-8
    assert network_references(text) == []
    assert not re.search(r"<(script|link)[^>]+(src|href)=", text)
    assert "祝英村村民委员会 帮扶网络" in text and "王大山户" in text and "图例" in text
    assert "驻村工作队" in text and "致贫原因" in text
    # ID numbers: masked form shown, clear number never written
    for number in IDS.values():
        assert number not in text
    assert IDS["王大山"][:4] + "*" * 10 + IDS["王大山"][-4:] in text


def test_village_diagram_utf8_under_c_locale(small: Store, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "C")
    monkeypatch.setenv("PYTHONIOENCODING", "ascii")
    monkeypatch.setattr(locale, "getpreferredencoding", lambda do_setlocale=True: "ANSI_X3.4-1968")
    out = tmp_path / "c.html"
    village_diagram(small, V1, out)
    assert "王大山户" in out.read_text(encoding="utf-8")


def test_unknown_village_is_an_input_error(small: Store, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="'999999999999': no such village"):
        village_diagram(small, "999999999999", tmp_path / "x.html")
    assert not (tmp_path / "x.html").exists()


@pytest.mark.browser
def test_village_diagram_draws_offline_in_chromium(small: Store, tmp_path: Path) -> None:
    out = tmp_path / "village.html"
    info = village_diagram(small, V1, out)
    shot = Path(os.environ.get("GRAPHREG_SHOTS", tmp_path)) / "village.png"
    shot.parent.mkdir(parents=True, exist_ok=True)
    data = check_page(out, shot)
    assert (data["nodes"], data["edges"]) == (13, 15) == (info["nodes"], info["edges"])
    assert shot.stat().st_size > 10_000


@pytest.mark.browser
def test_the_browser_check_sees_network_requests_and_errors(tmp_path: Path) -> None:
    """The checker itself can fail: a page that reaches out and throws is reported."""
    require_chromium()
    bad = tmp_path / "bad.html"
    bad.write_text('<!DOCTYPE html><html><head><meta charset="utf-8">'
                   '<script src="https://cdn.jsdelivr.net/npm/nothing.js"></script></head>'
                   '<body><script>window.graphreg = {nodes: 1, edges: 0, drawn: true};'
                   'undefinedFunction();</script></body></html>', encoding="utf-8")
    assert network_references(bad.read_text(encoding="utf-8")) == ['src="https://']
    report = inspect_page(bad, timeout=20)
    assert report.network == ["https://cdn.jsdelivr.net/npm/nothing.js"]
    assert any("undefinedFunction" in e for e in report.errors)
    assert report.data["drawn"] is True
