"""The household handbook (扶贫手册): a printable page per registered household.

The handbook holds what the household's paper handbook holds: the household and its members
(ID numbers masked), causes of poverty, the responsible units and cadres, the measures with
dates and costs, and the status history (dynamic adjustment), plus where each fact came from
when it was imported from a ledger. It is built from :func:`graphreg.trace.trace`, written as
one self-contained UTF-8 HTML file (no network reference), and printed to PDF with headless
Chromium when asked.

    >>> from graphreg.trace import Fact, Trace
    >>> t = Trace("household", "H1", "王大山户", [
    ...     Fact("household", None, None, "H1", "王大山户", {"size": 2, "status": "未脱贫"})])
    >>> page = render_handbook(t)
    >>> "扶贫手册" in page and "王大山" in page and "http" not in page
    True
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import InputError
from .model import MEASURE_TYPES, UNIT_KINDS
from .trace import Fact, Trace, trace

if TYPE_CHECKING:
    from .db import Store

_KIND_NAMES = {**UNIT_KINDS, "department": "行业部门"}
_LEVELS = {"household": "到户", "village": "到村", "county": "到县"}

_CSS = """
@page { size: A4; margin: 16mm 14mm; }
body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", "Source Han Serif SC", SimSun,
       "Songti SC", serif; color: #111; font-size: 11pt; line-height: 1.45; margin: 0; }
.book { max-width: 190mm; margin: 0 auto; padding: 6mm 0; page-break-after: always; }
.book:last-child { page-break-after: auto; }
h1 { text-align: center; font-size: 22pt; letter-spacing: 0.4em; margin: 0 0 2mm; }
.sub { text-align: center; color: #444; margin-bottom: 5mm; }
h2 { font-size: 13pt; border-left: 4px solid #b71c1c; padding-left: 6px; margin: 6mm 0 2mm;
     page-break-after: avoid; }
table { width: 100%; border-collapse: collapse; page-break-inside: auto; }
th, td { border: 1px solid #555; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #f3e5e5; font-weight: bold; white-space: nowrap; }
tr { page-break-inside: avoid; }
td.num { text-align: right; white-space: nowrap; }
.kv th { width: 22%; }
.none { color: #666; font-style: italic; }
.foot { margin-top: 6mm; font-size: 9pt; color: #555; }
table.src { font-size: 9pt; }
table.src td { white-space: nowrap; }
.sign { margin-top: 8mm; display: flex; justify-content: space-between; }
"""


def _e(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()
    if isinstance(v, bool):
        return "是" if v else "否"
    if isinstance(v, float):
        return f"{v:,.2f}".rstrip("0").rstrip(".")
    return html.escape(str(v))


def _table(head: list[str], rows: list[list[Any]], num: set[int] | None = None,
           empty: str = "无", cls: str = "") -> str:
    if not rows:
        return f'<p class="none">{empty}</p>'
    num = num or set()
    out = [f'<table class="{cls}"><thead><tr>' if cls else "<table><thead><tr>", *(f"<th>{h}</th>" for h in head), "</tr></thead><tbody>"]
    for r in rows:
        out.append("<tr>" + "".join(
            f'<td class="num">{_e(c)}</td>' if i in num else f"<td>{_e(c)}</td>"
            for i, c in enumerate(r)) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _money(v: Any) -> str:
    return "" if v is None else f"{v:,.0f}" if isinstance(v, (int, float)) else str(v)


def _book(t: Trace) -> str:
    hh = t.of("household")[0] if t.of("household") else Fact("household", None, None, t.id,
                                                                t.name)
    info = hh.info
    place = t.of("lives_in")[0] if t.of("lives_in") else None
    where = " ".join(x for x in ((place.info.get("county") if place else None),
                                 (place.info.get("township") if place else None),
                                 (place.name if place else None)) if x)
    members = t.of("member")
    head = next((m.name for m in members if m.info.get("relation") == "户主"), hh.name)
    causes = t.of("cause")
    main = [c.name for c in causes if c.info.get("main")]
    other = [c.name for c in causes if not c.info.get("main")]
    helpers = t.of("assists")
    measures = t.of("measure")
    statuses = t.of("status")
    total = sum(m.cost or 0 for m in measures)
    parts = [
        '<section class="book">',
        "<h1>扶贫手册</h1>",
        f'<div class="sub">贫困户编号 {_e(t.id)} · {_e(where)}</div>',
        "<h2>一、基本情况</h2>",
        '<table class="kv"><tbody>',
        f"<tr><th>户主姓名</th><td>{_e(head)}</td><th>家庭人口</th><td>{_e(info.get('size'))} 人</td></tr>",
        f"<tr><th>贫困户属性</th><td>{_e(info.get('attribute'))}</td><th>识别标准</th>"
        f"<td>{_e(info.get('standard'))}</td></tr>",
        f"<tr><th>建档年份</th><td>{_e(info.get('registered_year'))}</td><th>人均纯收入</th>"
        f"<td>{_e(info.get('income'))} 元</td></tr>",
        f"<tr><th>脱贫标志</th><td>{_e(info.get('status'))}</td><th>所在村</th>"
        f"<td>{_e(place.name if place else '')}（{_e(place.entity if place else '')}）"
        f"{'，贫困村' if place and place.info.get('poor_village') else ''}</td></tr>",
        "</tbody></table>",
        "<h2>二、家庭成员</h2>",
        _table(["姓名", "与户主关系", "出生年份", "身份证号（遮蔽）"],
               [[m.name, m.info.get("relation"), m.info.get("birth_year"), m.entity]
                for m in sorted(members, key=lambda m: (m.info.get("relation") != "户主",
                                                        m.info.get("birth_year") or 0))]),
        "<h2>三、致贫原因</h2>",
        '<table class="kv"><tbody>',
        f"<tr><th>主要致贫原因</th><td>{_e('、'.join(main)) or '未登记'}</td></tr>",
        f"<tr><th>其他致贫原因</th><td>{_e('、'.join(other)) or '无'}</td></tr>",
        "</tbody></table>",
        "<h2>四、帮扶责任人和帮扶单位</h2>",
        _table(["名称", "类别", "帮扶方式", "帮扶层级", "开始", "结束", "编号"],
               [[h.name, _KIND_NAMES.get(str(h.info.get("unit_kind")), h.info.get("unit_kind")),
                 h.info.get("role"), _LEVELS.get(str(h.info.get("level")), ""), h.date,
                 h.end or "至今", h.entity] for h in helpers], empty="无帮扶责任人或帮扶单位"),
        "<h2>五、帮扶措施</h2>",
        _table(["措施类型", "内容", "帮扶单位", "开始", "结束", "金额（元）"],
               [[MEASURE_TYPES.get(m.name, m.name), m.info.get("content"),
                 m.info.get("unit_name"), m.date, m.end, _money(m.cost)] for m in measures]
               + ([["合计", "", "", "", "", _money(total)]] if measures else []),
               num={5}, empty="无帮扶措施"),
        "<h2>六、动态管理（脱贫标志变更）</h2>",
        _table(["年份", "脱贫标志", "日期"],
               [[s.entity, s.name, s.date] for s in statuses], empty="无记录"),
    ]
    sourced = [f for f in t.facts if f.batch is not None]
    if t.batches or sourced:
        parts += ["<h2>七、信息来源</h2>",
                  _table(["批次", "台账文件", "行号", "记录", "导入时间", "操作员"],
                         [[b.get("batch"), b.get("file"), b.get("row"),
                           " ".join(str(x) for x in (b.get("node_kind"), b.get("node"),
                                                     b.get("what")) if x),
                           str(b.get("time") or "").replace("T", " ")[:16],
                           b.get("operator")] for b in t.batches], cls="src")]
    parts += ['<div class="sign"><span>户主签字：__________</span>'
              "<span>帮扶责任人签字：__________</span></div>",
              f'<div class="foot">由 graphreg 依据建档立卡数据生成，{dt.date.today().isoformat()}。'
              "身份证号已遮蔽。</div>", "</section>"]
    return "\n".join(parts)


def render_handbook(*traces: Trace, title: str | None = None) -> str:
    """The handbook page (one section per household trace), as self-contained HTML.

    Parameters
    ----------
    traces: household traces from :func:`graphreg.trace.trace`.
    title: the window title (default: 扶贫手册 and the first household's name).

    Returns
    -------
    The HTML text (no external reference of any kind).
    """
    t0 = traces[0] if traces else None
    title = title or f"扶贫手册 {t0.name if t0 else ''}".strip()
    body = "\n".join(_book(t) for t in traces)
    return (f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
            f"<title>{_e(title)}</title><style>{_CSS}</style></head>\n<body>\n{body}\n"
            "</body></html>\n")


def write_handbook(store: "Store", household_id: str, path: Path, *, pdf: Path | None = None
                   ) -> dict[str, Any]:
    """Write the handbook of one household as HTML (and PDF when ``pdf`` is given).

    Parameters
    ----------
    store: the graph.
    household_id: the household's id.
    path: the HTML file to write (UTF-8).
    pdf: a PDF file to print it to with headless Chromium (offline).

    Returns
    -------
    ``{"household", "name", "html", "pdf", "members", "measures", "cost"}``.

    Raises
    ------
    InputError: no household has that id.
    MissingToolError: ``pdf`` asked for and no Chromium installed.
    """
    t = trace(store, "household", household_id)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(render_handbook(t).encode("utf-8"))
    if pdf is not None:
        from graphreg.visualizations.browser import print_to_pdf
        print_to_pdf(path, Path(pdf))
    return {"household": t.id, "name": t.name, "html": str(path),
            "pdf": str(pdf) if pdf else None, "members": len(t.of("member")),
            "measures": len(t.of("measure")),
            "cost": sum(m.cost or 0 for m in t.of("measure"))}


def write_village_handbooks(store: "Store", village_code: str, folder: Path, *,
                            pdf: bool = False) -> dict[str, Any]:
    """Write one handbook per household of a village into ``folder`` (``<id>.html``/``.pdf``).

    Parameters
    ----------
    store: the graph.
    village_code: the 12-digit village code.
    folder: where to write the files (created if needed).
    pdf: also print each handbook to PDF with headless Chromium.

    Returns
    -------
    ``{"village", "name", "households", "files"}``.

    Raises
    ------
    InputError: unknown village.
    """
    code = str(village_code).strip()
    rows = store.query("handbook_village_households", code=code)
    if not rows:
        raise InputError(f"village {code!r}: no such village in the graph. Give a 12-digit "
                         "village code from the imported geography.")
    folder = Path(folder)
    files = []
    for r in rows:
        if r["id"] is None:
            continue
        html_path = folder / f"{r['id']}.html"
        write_handbook(store, r["id"], html_path,
                       pdf=folder / f"{r['id']}.pdf" if pdf else None)
        files.append(str(html_path))
    return {"village": code, "name": rows[0]["village"], "households": len(files),
            "files": files}


def write_handbook_or_village(store: "Store", *, household: str | None = None,
                              village: str | None = None, out: Path | None = None,
                              pdf: bool = False) -> dict[str, Any]:
    """One household's handbook, or one per household of a village (what the CLI calls).

    Parameters
    ----------
    store: the graph.
    household: a household id (exclusive with ``village``).
    village: a village code: one handbook per household, into the folder ``out``.
    out: the HTML file (default ``handbook.html``) or folder (default ``handbooks``).
    pdf: also print PDF next to each HTML file.

    Raises
    ------
    InputError: neither or both of ``household`` and ``village``; unknown IDs.
    """
    if bool(household) == bool(village):
        raise InputError("handbook: give a household id, or --village CODE (not both).")
    if village:
        return write_village_handbooks(store, village, out or Path("handbooks"), pdf=pdf)
    path = out or Path("handbook.html")
    return write_handbook(store, str(household), path,
                          pdf=path.with_suffix(".pdf") if pdf else None)
