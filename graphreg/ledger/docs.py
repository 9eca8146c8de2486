"""docs/ledgers.md, written from the record-kind specs so that it never disagrees with them.

    >>> "| 户主姓名 | head_name | yes |" in markdown()
    True
"""

from __future__ import annotations

from .spec import KINDS, ORDER


def markdown() -> str:
    """The ledger reference as Markdown: each record kind with its columns."""
    out = [
        "# Ledgers: record kinds and their columns",
        "",
        "<!-- Generated from graphreg/ledger/spec.py by graphreg.ledger.docs.markdown(); "
        "do not edit by hand. -->",
        "",
        "`graphreg import KIND FILE...` reads these files; `graphreg template KIND` writes an "
        "empty one and `graphreg export KIND` writes the graph back in the same form.",
        "",
        "- Files: CSV in UTF-8 (with or without BOM) or GB18030/GBK (detected, or "
        "`--encoding`), or Excel `.xlsx` (first sheet, or `--sheet`). Row numbers in messages "
        "are the spreadsheet's: the header is row 1.",
        "- Headers: the Chinese or the English name (or an alias), in any order, any case, with "
        "spaces around them; unknown columns are ignored with a warning.",
        "- Values: full-width digits and letters are folded; dates as 2016-03-01, 2016/3/1, "
        "2016.3.1, 2016年3月1日, 20160301 or Excel dates; numbers with thousands separators "
        "(1,234.50); yes/no as 是/否. Only an empty cell is blank: \"NA\", \"Nan\" and \"null\" "
        "are values. Lists (causes, skills) are separated by `;` `、` `,` `|` or `/`.",
        "- Causes are the national codes (1–11, 99) or their Chinese names; measure types are "
        "the codes below or their Chinese names (see graphreg/model.py).",
        "- Files given together in one command are one transaction and may refer to each other "
        "(`graphreg import households h.csv members=m.csv`). Kinds are written in the order of "
        "this page.",
        "",
    ]
    for name in ORDER:
        k = KINDS[name]
        out += [f"## {k.name} ({k.zh})", "", k.doc, "",
                f"Key: {' + '.join(k.key)}. Statement: `cypher/{k.statement}.cypher`.", "",
                "| 中文列名 | column | required | format | other accepted headers |",
                "|---|---|---|---|---|"]
        for c in k.columns:
            out.append(f"| {c.zh} | {c.name} | {'yes' if c.required else ''} | "
                       f"{c.fmt.replace('|', '/')} | {', '.join(c.aliases)} |")
        out.append("")
    out += [
        "## What an import does",
        "",
        "- Every problem is reported as file, row, column, value and a message that says how "
        "to fix it. `--on-error abort` (default): nothing is written if any row is bad; exit "
        "code 2. `--on-error skip`: the good rows are written in one transaction and the bad "
        "ones go, with a `reason` column, to `NAME.rejected.csv` beside the input; exit code 1.",
        "- References are checked against the graph and the valid rows of the same import: "
        "village and county codes (import the geography first), units, households.",
        "- Rows are compared with the graph first: importing the same file again reports every "
        "row unchanged and writes nothing; a changed row updates the graph (a household that "
        "moves village or changes causes loses the old relationships). Business keys are "
        "unique constraints, so imports running at the same time never duplicate a record.",
        "- Provenance: each file becomes a `(:Batch {id, kind, file, sha256, time, seq, "
        "operator, rows, created, updated, unchanged, rejected})`. Every node and relationship a "
        "row creates or changes gets `batch` and `row` properties, and "
        "`(:Batch)-[:WROTE {row, action}]->(node)` keeps the history (pairings and area "
        "memberships are recorded on their target with `what`). `graphreg history household|"
        "unit|village ID` lists it.",
        "- ID-card numbers are checked (length, digits, birth date, GB 11643 check digit) and "
        "stored only as a keyed hash (`pid`, key in the graphreg home) and a masked form. The "
        "same person in two households is reported as a duplicate identity (a warning) and both "
        "memberships are kept. Exports carry `pid` and the masked number, never the number.",
        "- Status changes are history: one `(:StatusChange)` per household and year; "
        "`Household.status` always follows the latest year. The households file's status "
        "column only seeds the status of a household that has no status change yet; once it "
        "has one, that column is ignored (not compared, not written), so importing the same "
        "households file again after status changes reports every row unchanged. "
        "`graphreg.ledger.status_as_of(store, ids, year)` answers as the registry stood at the "
        "end of a year.",
        "- Exports are UTF-8 with BOM by default (`--encoding gb18030` for older Excel); cells "
        "starting with = + - @ get a leading `'` so spreadsheets do not run them, and the "
        "importer reads them back unchanged.",
        "",
    ]
    return "\n".join(out)
