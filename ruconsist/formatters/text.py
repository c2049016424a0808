"""Human-readable output."""

from __future__ import annotations

from ruconsist.diagnostic import Diagnostic, Severity
from ruconsist.formatters.base import Formatter, Summary

COLORS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
BOLD, DIM, RESET = "\033[1m", "\033[2m", "\033[0m"


class ParsableFormatter(Formatter):
    """One line per finding: ``path:line:col: [severity] CODE message``,
    for editors, grep and pre-commit."""

    name = "parsable"

    def handle(self, diagnostics: list[Diagnostic], result: object) -> None:
        for d in diagnostics:
            loc = d.location
            self.stream.write(f"{loc.path}:{loc.line}:{loc.column}: [{d.severity.label}] {d.code} {d.message}\n")


class TextFormatter(Formatter):
    """``path:line:col: CODE message``, the counterpart location under
    it, and a summary line grouped by category."""

    name = "text"

    def _c(self, code: str, text: str) -> str:
        return f"{code}{text}{RESET}" if self.color else text

    def handle(self, diagnostics: list[Diagnostic], result: object) -> None:
        for d in diagnostics:
            loc = d.location
            sev = self._c(COLORS[d.severity], d.severity.label)
            self.stream.write(f"{self._c(BOLD, loc.short())}: {self._c(BOLD, d.code)} [{sev}] {d.message}\n")
            if d.counterpart is not None:
                cp = d.counterpart
                span = f"{cp.path}:{cp.line}:{cp.column}"
                if (cp.end_line, cp.end_column) != (cp.line, cp.column):
                    span += f"-{cp.end_line}:{cp.end_column}" if cp.end_line != cp.line else f"-{cp.end_column}"
                self.stream.write(f"    {self._c(DIM, cp.lang.upper() + ' counterpart: ' + span)}\n")

    def finish(self, summary: Summary) -> None:
        parts = []
        for (cat, sev), n in sorted(summary.by_category.items()):
            parts.append(f"{cat} {sev}s: {n}" if n != 1 else f"{cat} {sev}: 1")
        line = (
            f"{summary.pairs} pair{'s' if summary.pairs != 1 else ''} checked: "
            f"{summary.errors} error{'s' if summary.errors != 1 else ''}, "
            f"{summary.warnings} warning{'s' if summary.warnings != 1 else ''}"
        )
        if parts:
            line += " (" + ", ".join(parts) + ")"
        self.stream.write(line + "\n")
