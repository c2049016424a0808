"""``--format rdjsonl``: reviewdog's Diagnostic format, one JSON object a
line, for inline review comments on GitHub, GitLab, Gitea and Bitbucket
through ``reviewdog -f=rdjsonl``.

Each finding is one line with its message, severity, ``source``
(ruconsist), ``code`` (with the URL of its ``explain`` text: the
check's documentation in the repository), its
location and, as ``related_locations``, the aligned text in the other
language.  The counterpart gets a line of its own too (message suffixed
"(ZH counterpart of a.ru.md:3:1)", related location pointing back), as
``--format github`` annotates both files: reviewdog comments only on
lines the change touched, and a translator who edited only the Chinese
file must still see the finding that edit caused in the Russian one.
Safe fixes (those ``--fix`` applies) are ``suggestions``, which reviewdog
turns into "suggested changes" a reviewer applies with one click.

reviewdog counts columns in bytes of the line (UTF-8; the file's own
encoding for a GB 18030 or CP1251 file), where ruconsist counts
characters: ``Лавров`` at the start of a line is columns 1–13 here, and
``普京`` after ``弗拉基米尔*`` starts at byte column 17.  Columns are
computed from the file's text; when the text cannot be read, the range
is given by lines only.
"""

from __future__ import annotations

import codecs
import json
from typing import TYPE_CHECKING, Any

from ruconsist.diagnostic import Diagnostic, Location, Severity
from ruconsist.document import Document
from ruconsist.fix import is_safe
from ruconsist.formatters.base import PROJECT_URL, Formatter, Summary, explain_url
from ruconsist.lang import LANG_NAME

if TYPE_CHECKING:
    from ruconsist.result import PairResult

SEVERITY = {Severity.ERROR: "ERROR", Severity.WARNING: "WARNING", Severity.INFO: "INFO"}
SOURCE = {"name": "ruconsist", "url": PROJECT_URL}


def byte_column(doc: Document, line: int, column: int) -> int:
    """The 1-based byte column, as reviewdog counts it, of the 1-based
    character ``column`` of ``line``: the bytes of the characters before
    it in the file's encoding (UTF-8 for UTF-16 files, which no diff
    shows as text), plus the BOM on the first line."""
    text = doc.line_text(line)[: max(0, column - 1)]
    encoding = doc.encoding
    try:
        if codecs.lookup(encoding).name.startswith("utf-16"):
            encoding = "utf-8"
    except LookupError:
        encoding = "utf-8"
    size = len(text.encode(encoding, errors="replace"))
    if doc.bom and line == 1 and encoding == "utf-8":
        size += 3
    return size + 1


def position(doc: Document | None, line: int, column: int) -> dict[str, int]:
    if doc is None or not 1 <= line <= doc.line_count:
        return {"line": line}
    return {"line": line, "column": byte_column(doc, line, column)}


def byte_range(doc: Document | None, loc: Location) -> dict[str, Any]:
    start = position(doc, loc.line, loc.column)
    end = position(doc, loc.end_line, loc.end_column)
    if "column" not in start or "column" not in end:
        # Lines only: reviewdog reads a range without columns line-wise.
        return {"start": {"line": loc.line}, "end": {"line": loc.end_line}}
    return {"start": start, "end": end}


class RdjsonlFormatter(Formatter):
    """reviewdog Diagnostic lines (rdjsonl)."""

    name = "rdjsonl"
    wants_context = True

    def begin(self) -> None:
        from ruconsist.baseline import Sources

        # The documents of the pair being reported; files of run-level
        # findings are read from disk.
        self.sources = Sources(keep=4)

    def _location(self, loc: Location) -> dict[str, Any]:
        return {"path": loc.path, "range": byte_range(self.sources.document(loc.path), loc)}

    def _suggestions(self, d: Diagnostic, loc: Location) -> list[dict[str, Any]]:
        fix = d.fix
        if fix is None or not is_safe(d) or fix.path != loc.path:
            return []
        doc = self.sources.document(fix.path)
        if doc is None or not 0 <= fix.start <= fix.end <= len(doc.text):
            return []
        line, col = doc.line_col(fix.start)
        end_line, end_col = doc.line_col(fix.end)
        return [
            {
                "range": {
                    "start": {"line": line, "column": byte_column(doc, line, col)},
                    "end": {"line": end_line, "column": byte_column(doc, end_line, end_col)},
                },
                "text": fix.replacement,
            }
        ]

    def _line(self, d: Diagnostic, loc: Location, message: str, related: Location | None, note: str) -> str:
        item: dict[str, Any] = {
            "message": message,
            "location": self._location(loc),
            "severity": SEVERITY[d.severity],
            "source": SOURCE,
            "code": {"value": d.code},
        }
        url = explain_url(d.code, self.run.codes)
        if url:
            item["code"]["url"] = url
        suggestions = self._suggestions(d, loc)
        if suggestions:
            item["suggestions"] = suggestions
        if related is not None:
            item["related_locations"] = [{"message": note, "location": self._location(related)}]
        return json.dumps(item, ensure_ascii=False) + "\n"

    def handle(self, diagnostics: list[Diagnostic], result: PairResult | None) -> None:
        ctx = getattr(result, "context", None)
        self.sources.use((ctx.ru_doc, ctx.zh_doc) if ctx is not None else ())
        for d in diagnostics:
            cp = d.counterpart
            cp_name = LANG_NAME.get(cp.lang, cp.lang) if cp is not None else ""
            self.stream.write(self._line(d, d.location, d.message, cp, f"{cp_name} counterpart"))
            if cp is not None:
                message = f"{d.message} ({cp_name} counterpart of {d.location.short()})"
                self.stream.write(self._line(d, cp, message, d.location, "flagged here"))

    def finish(self, summary: Summary) -> None:
        for exc in summary.input_errors:
            path = getattr(exc, "path", None)
            if not path:
                continue
            item: dict[str, Any] = {
                "message": getattr(exc, "message", str(exc)),
                "location": {"path": str(path), "range": {"start": {"line": getattr(exc, "line", None) or 1}}},
                "severity": "ERROR",
                "source": SOURCE,
            }
            self.stream.write(json.dumps(item, ensure_ascii=False) + "\n")
