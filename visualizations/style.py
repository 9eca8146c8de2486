"""How each kind of node and relationship looks: colour, shape, Chinese name, label, tooltip.

A node of the diagram graph carries ``kind`` (its Neo4j label, or ``Unit:<kind>`` for units,
or ``Folded:<Village|Township>`` for aggregates) and ``props`` (its properties). Labels and
tooltips are plain text: vis-network shows string tooltips as text, never as HTML.

    >>> style_of("Unit:cadre")["name"]
    '帮扶责任人'
    >>> label_of("Household", {"head_name": "王伟", "id": "5204231"})
    '王伟户'
    >>> "5204" in tooltip_of("Person", {"masked": "5204**********1234", "pid": "secret"})
    True
    >>> "secret" in tooltip_of("Person", {"masked": "5204**********1234", "pid": "secret"})
    False
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from graphreg.model import CAUSES, MEASURE_TYPES

#: kind → colour, vis-network shape (also drawn in the legend), Chinese name, size.
NODE_STYLES: dict[str, dict[str, Any]] = {
    "Province": {"color": "#33691e", "shape": "box", "name": "省", "size": 20},
    "City": {"color": "#558b2f", "shape": "box", "name": "市", "size": 20},
    "County": {"color": "#689f38", "shape": "box", "name": "县", "size": 20},
    "Township": {"color": "#7cb342", "shape": "box", "name": "乡镇", "size": 18},
    "Village": {"color": "#2e7d32", "shape": "box", "name": "村", "size": 18},
    "Household": {"color": "#fb8c00", "shape": "dot", "name": "贫困户",
                  "size": 12},
    "Person": {"color": "#ffcc80", "shape": "dot", "name": "家庭成员",
               "size": 7},
    "Unit:work_team": {"color": "#1565c0", "shape": "diamond",
                       "name": "驻村工作队", "size": 16},
    "Unit:cadre": {"color": "#42a5f5", "shape": "diamond",
                   "name": "帮扶责任人", "size": 12},
    "Unit:department": {"color": "#00838f", "shape": "diamond",
                        "name": "行业部门", "size": 16},
    "Unit:designated": {"color": "#6a1b9a", "shape": "diamond",
                        "name": "定点扶贫单位", "size": 16},
    "Unit:east_west": {"color": "#ad1457", "shape": "diamond",
                       "name": "东西部协作", "size": 16},
    "Unit:enterprise": {"color": "#4527a0", "shape": "diamond",
                        "name": "帮扶企业", "size": 14},
    "Unit:social": {"color": "#5d4037", "shape": "diamond",
                    "name": "社会帮扶", "size": 14},
    "Unit": {"color": "#1e88e5", "shape": "diamond", "name": "帮扶单位",
             "size": 14},
    "Measure": {"color": "#8e24aa", "shape": "square", "name": "帮扶措施",
                "size": 8},
    "MeasureType": {"color": "#ce93d8", "shape": "triangleDown",
                    "name": "措施类型", "size": 12},
    "Cause": {"color": "#e53935", "shape": "triangle", "name": "致贫原因",
              "size": 14},
    "StatusChange": {"color": "#9e9e9e", "shape": "ellipse", "name": "状态变更",
                     "size": 10},
    "Batch": {"color": "#795548", "shape": "database", "name": "导入批次",
              "size": 14},
    "Area": {"color": "#827717", "shape": "box", "name": "连片特困地区",
             "size": 18},
    "Folded:Village": {"color": "#2e7d32", "shape": "hexagon",
                       "name": "村（已合并贫困户）", "size": 14},
    "Folded:Township": {"color": "#7cb342", "shape": "hexagon",
                        "name": "乡镇（已合并村）", "size": 18},
    "Folded:Unit": {"color": "#42a5f5", "shape": "star",
                    "name": "帮扶责任人（按乡镇合并）", "size": 16},
}
_OTHER = {"color": "#607d8b", "shape": "dot", "name": "其他", "size": 10}

#: vis-network shape → SVG drawing (14×14 box) for the legend; drawn, not a font glyph, so it
#: looks the same whatever fonts the reader's machine has.
_ICONS: dict[str, str] = {
    "dot": '<circle cx="7" cy="7" r="6"/>',
    "box": '<rect x="1" y="3" width="12" height="8" rx="2"/>',
    "square": '<rect x="2" y="2" width="10" height="10"/>',
    "diamond": '<polygon points="7,1 13,7 7,13 1,7"/>',
    "triangle": '<polygon points="7,1 13,12 1,12"/>',
    "triangleDown": '<polygon points="1,2 13,2 7,13"/>',
    "ellipse": '<ellipse cx="7" cy="7" rx="6.5" ry="4"/>',
    "database": '<path d="M2 3.5a5 2 0 0 1 10 0v7a5 2 0 0 1-10 0z"/>',
    "hexagon": '<polygon points="4,1.5 10,1.5 13,7 10,12.5 4,12.5 1,7"/>',
    "star": '<polygon points="7,0.5 8.9,5 13.5,5.2 9.9,8.1 11.1,12.8 7,10.2 2.9,12.8 4.1,8.1 '
            '0.5,5.2 5.1,5"/>',
}


def legend_icon(kind: str) -> str:
    """The legend mark of a node kind: an inline SVG of its shape in its colour.

    >>> legend_icon("Village")
    '<svg class="sym" width="14" height="14" viewBox="0 0 14 14" fill="#2e7d32" aria-hidden="true"><rect x="1" y="3" width="12" height="8" rx="2"/></svg>'
    """
    st = style_of(kind)
    return (f'<svg class="sym" width="14" height="14" viewBox="0 0 14 14" fill="{st["color"]}" '
            f'aria-hidden="true">{_ICONS.get(st["shape"], _ICONS["dot"])}</svg>')

#: relationship type → colour and Chinese name.
EDGE_STYLES: dict[str, dict[str, str]] = {
    "LIVES_IN": {"color": "#a5d6a7", "name": "居住于"},
    "IN": {"color": "#c5e1a5", "name": "隶属"},
    "ASSISTS": {"color": "#1e88e5", "name": "帮扶"},
    "PROVIDES": {"color": "#8e24aa", "name": "提供措施"},
    "FOR": {"color": "#ba68c8", "name": "措施受益户"},
    "HAS_CAUSE": {"color": "#ef9a9a", "name": "致贫原因"},
    "BASED_IN": {"color": "#90caf9", "name": "驻在"},
    "MEMBER_OF": {"color": "#ffe0b2", "name": "家庭成员"},
    "STATUS_CHANGED": {"color": "#bdbdbd", "name": "状态变更"},
    "OF_TYPE": {"color": "#e1bee7", "name": "措施类型"},
    "ADDRESSES": {"color": "#f48fb1", "name": "针对原因"},
    "WROTE": {"color": "#bcaaa4", "name": "批次写入"},
    "PART_OF": {"color": "#dce775", "name": "属于片区"},
    "SHARES": {"color": "#ff7043", "name": "共同帮扶的户"},
    "MEASURES": {"color": "#8e24aa", "name": "给予措施"},
    "FOLDED_MEASURES": {"color": "#8e24aa", "name": "给予措施（合并）"},
    "FOLDED_ASSISTS": {"color": "#1e88e5", "name": "帮扶（合并）"},
    "FOLDED_IN": {"color": "#c5e1a5", "name": "隶属（合并）"},
    "FOLDED": {"color": "#bdbdbd", "name": "关联（合并）"},
    "FOLDED_HAS_CAUSE": {"color": "#ef9a9a", "name": "致贫原因（合并）"},
    "FOLDED_FOR": {"color": "#ba68c8", "name": "措施受益户（合并）"},
}

UNIT_KIND_NAMES = {k[5:]: v["name"] for k, v in NODE_STYLES.items() if k.startswith("Unit:")}
STATUS_ORDER = ("未脱贫", "预脱贫", "脱贫", "返贫", "监测")
_HIDDEN = {"pid", "batch", "row", "population_batch", "population_row"}  # never in a tooltip's property list (provenance shown apart)


def style_of(kind: str) -> dict[str, Any]:
    """The style of a node kind (falls back to the base label, then a neutral grey)."""
    return NODE_STYLES.get(kind) or NODE_STYLES.get(kind.split(":")[0]) or _OTHER


def edge_style(rel: str) -> dict[str, str]:
    """The style of a relationship type."""
    return EDGE_STYLES.get(rel, {"color": "#b0bec5", "name": rel})


def fmt(value: Any) -> str:
    """A property value as plain text (dates ISO, lists joined, floats trimmed).

    >>> fmt(dt.date(2016, 3, 1)), fmt([1, "a"]), fmt(2.50), fmt(None), fmt(True)
    ('2016-03-01', '1、a', '2.5', '', '是')
    """
    if value is None:
        return ""
    if hasattr(value, "to_native"):
        value = value.to_native()
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return "、".join(fmt(v) for v in value)
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def base_kind(kind: str) -> str:
    return kind.split(":")[0]


def label_of(kind: str, props: dict[str, Any]) -> str:
    """The short text drawn on a node.

    >>> label_of("Batch", {"id": "B20261203192620-e379de5e-1", "file": "ledgers/户.csv"})
    '批次 户.csv'
    >>> label_of("Batch", {"id": "B20261203192620-e379de5e-1"})
    '批次 B202612031926…'
    """
    k = base_kind(kind)
    if k == "Household":
        return f"{props.get('head_name') or props.get('id')}户"
    if k == "Measure":
        return str(MEASURE_TYPES.get(str(props.get("type")), props.get("type") or "措施"))
    if k == "Cause":
        return str(props.get("name") or CAUSES.get(props.get("code"), props.get("code")))  # type: ignore[arg-type]
    if k == "StatusChange":
        return f"{props.get('year')} {props.get('status')}"
    if k == "Person":
        return str(props.get("name") or props.get("masked"))
    if k == "Batch":  # the file name, shortened: a database shape grows with its label
        text = str(props.get("file") or props.get("id")).replace("\\", "/").rsplit("/", 1)[-1]
        return f"批次 {text if len(text) <= 14 else text[:13] + '…'}"
    if k == "Folded":
        return f"{props.get('name')}（{props.get('households', 0)}户）"
    return str(props.get("name") or props.get("id") or props.get("code") or kind)


_FIELD_NAMES = {
    "id": "编号", "code": "代码", "name": "名称", "head_name": "户主", "size": "人口",
    "attribute": "贫困户属性", "standard": "识别标准", "status": "脱贫标志",
    "registered_year": "建档年份", "income": "人均纯收入(元)", "village": "村代码",
    "county": "县代码", "kind": "类别", "capacity": "帮扶能力(户)", "skills": "擅长措施",
    "type": "措施类型", "cost": "金额(元)", "start": "开始", "end": "结束", "content": "内容",
    "household": "贫困户编号", "year": "年份", "date": "日期", "masked": "身份证号(遮蔽)",
    "relation": "与户主关系", "birth_year": "出生年份", "poor": "贫困村", "poor_since": "贫困村年份",
    "members": "家庭成员", "main_cause": "主要致贫原因", "file": "文件", "sha256": "SHA-256",
    "time": "时间", "operator": "操作员", "rows": "行数", "households": "贫困户数",
    "villages": "村数", "units": "帮扶单位数", "measures": "措施数", "shared": "共同帮扶户数",
    "poverty_county": "贫困县", "key_county": "重点县", "folded": "合并",
    "created": "新建行数", "updated": "更新行数", "unchanged": "未变行数", "rejected": "拒收行数",
    "complete": "已完成", "seq": "序号", "population": "户籍人口", "population_year": "人口统计年度",
}


def tooltip_of(kind: str, props: dict[str, Any]) -> str:
    """Plain-text tooltip: the kind's Chinese name, then one line per known fact.

    ID-card numbers only ever appear masked (``Person.masked``); the keyed hash is never shown.
    """
    lines = [f"{style_of(kind)['name']}：{label_of(kind, props)}"]
    for key, value in props.items():
        if key in _HIDDEN or value is None or value == [] or value == "":
            continue
        if key == "kind" and base_kind(kind) == "Unit":
            value = UNIT_KIND_NAMES.get(str(value), value)
        if key == "type" and base_kind(kind) in ("Measure",):
            value = f"{MEASURE_TYPES.get(str(value), value)} ({value})"
        if key == "poor":
            value = "是" if value else "否"
        lines.append(f"{_FIELD_NAMES.get(key, key)}：{fmt(value)}")
    if props.get("batch") is not None:
        lines.append(f"来源：批次 {props['batch']} 第 {fmt(props.get('row'))} 行")
    return "\n".join(lines)


def edge_tooltip(rel: str, props: dict[str, Any]) -> str:
    """Plain-text tooltip of a relationship."""
    lines = [edge_style(rel)["name"]]
    for key, value in props.items():
        if key in _HIDDEN or value is None:
            continue
        if key == "main":
            lines.append("主要原因" if value else "其他原因")
            continue
        lines.append(f"{_FIELD_NAMES.get(key, {'since': '起', 'until': '止', 'role': '角色'}.get(key, key))}：{fmt(value)}")
    if props.get("batch") is not None:
        lines.append(f"来源：批次 {props['batch']} 第 {fmt(props.get('row'))} 行")
    return "\n".join(lines)
