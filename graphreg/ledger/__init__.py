"""Registry ledgers: import real-format CSV and Excel files, validate, trace provenance, export.

One declarative spec per record kind (:mod:`.spec`) drives import (:func:`import_ledgers`),
templates (:func:`write_template`), export (:func:`export_ledger`) and docs/ledgers.md.

    >>> sorted(KINDS)[:3]
    ['areas', 'assignments', 'households']
"""

from .export import export_ledger, header_row, ledger_rows, write_template
from .history import duplicate_identities, graph_snapshot, history, status_as_of
from .importer import (
                       FileReport,
                       ImportResult,
                       LedgerError,
                       Problem,
                       import_ledgers,
                       parse_inputs,
                       rejected_path,
)
from .spec import KINDS, ORDER, Column, Kind, kind

__all__ = ["KINDS", "ORDER", "Column", "FileReport", "ImportResult", "Kind", "LedgerError",
           "Problem", "duplicate_identities", "export_ledger", "graph_snapshot", "header_row",
           "history",
           "import_ledgers", "kind", "ledger_rows", "parse_inputs", "rejected_path", "status_as_of",
           "write_template"]
