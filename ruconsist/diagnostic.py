"""Diagnostics: what a check found, where, and where its counterpart is."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

CATEGORIES = (
    "name",
    "place",
    "organization",
    "title",
    "term",
    "number",
    "date",
    "style",
    "alignment",
)


class Severity(enum.IntEnum):
    """Ordered so that ``max()`` gives the level that decides the exit code."""

    INFO = 0
    WARNING = 1
    ERROR = 2

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        return cls[text.strip().upper()]


@dataclass(frozen=True, slots=True)
class Location:
    """A span in one file of a pair; lines and columns are 1-based.

    Columns count characters (code points), not bytes, so a CJK character
    is one column.  ``end_column`` is exclusive.  In a table (CSV, TSV,
    a workbook) ``cell`` is the (row, column name) of the cell the span
    starts in.
    """

    lang: str
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    cell: tuple[int, str] | None = None

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "lang": self.lang,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
        }
        if self.cell is not None:
            data["cell"] = {"row": self.cell[0], "column": self.cell[1]}
        return data

    def short(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding.

    ``location`` is the primary span (the text that needs fixing, or the
    side where a mention was found); ``counterpart`` is the aligned span in
    the other language, or ``None`` when there is none (an unpaired file).
    """

    code: str
    slug: str
    category: str
    severity: Severity
    message: str
    location: Location
    counterpart: Location | None = None
    rule: str | None = None
    expected: str | None = None
    found: str | None = None
    fix: Fix | None = None
    segment: str | None = None
    extra: tuple[tuple[str, object], ...] = field(default=())

    @property
    def locations(self) -> tuple[Location, ...]:
        if self.counterpart is None:
            return (self.location,)
        return (self.location, self.counterpart)

    def sort_key(self) -> tuple[object, ...]:
        loc = self.location
        return (loc.path, loc.line, loc.column, self.code, self.message)

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "code": self.code,
            "slug": self.slug,
            "category": self.category,
            "severity": self.severity.label,
            "rule": self.rule,
            "message": self.message,
            "locations": [loc.to_dict() for loc in self.locations],
        }
        if self.expected is not None:
            data["expected"] = self.expected
        if self.found is not None:
            data["found"] = self.found
        if self.fix is not None:
            data["fix"] = self.fix.to_dict()
        return data


@dataclass(frozen=True, slots=True)
class Fix:
    """Replace ``[start, end)`` (character offsets in the file's text) by
    ``replacement``.  Only fixes that cannot change meaning are offered."""

    path: str
    start: int
    end: int
    replacement: str

    def to_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "start": self.start,
            "end": self.end,
            "replacement": self.replacement,
        }
