"""``--format json``: a stable contract for other tools (version 1)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ruconsist.diagnostic import Diagnostic
from ruconsist.formatters.base import Formatter, Summary

if TYPE_CHECKING:
    from ruconsist.result import PairResult


class JsonFormatter(Formatter):
    """All findings as one JSON document::

        {"version": 1, "diagnostics": [...], "summary": {...}}

    Each diagnostic has ``code``, ``category``, ``severity``, ``rule``,
    ``message`` and ``locations`` (primary first, then the counterpart),
    plus ``slug`` and, where known, ``expected``, ``found`` and ``fix``.
    """

    name = "json"

    def begin(self) -> None:
        self.count = 0

    def handle(self, diagnostics: list[Diagnostic], result: PairResult | None) -> None:
        # Written as they come, laid out as ``json.dump(doc, indent=2)``
        # lays out the whole document: a corpus's findings are not held
        # to the end of the run.
        for d in diagnostics:
            item = json.dumps(d.to_dict(), ensure_ascii=False, indent=2).replace("\n", "\n    ")
            self.stream.write(('{\n  "version": 1,\n  "diagnostics": [\n    ' if not self.count else ",\n    ") + item)
            self.count += 1

    def finish(self, summary: Summary) -> None:
        report = {
            "pairs": summary.pairs,
            "errors": summary.errors,
            "warnings": summary.warnings,
            "infos": summary.infos,
            "input_errors": [str(e) for e in summary.input_errors],
            # Pairs not checked because of a bug (also in input_errors).
            "internal_errors": [str(e) for e in summary.input_errors if getattr(e, "stage", None)],
        }
        if summary.compared():
            report["columns"] = {name: c.to_dict() for name, c in summary.compared()}
        self.stream.write('{\n  "version": 1,\n  "diagnostics": [],' if not self.count else "\n  ],")
        self.stream.write('\n  "summary": ' + json.dumps(report, ensure_ascii=False, indent=2).replace("\n", "\n  ") + "\n}\n")
