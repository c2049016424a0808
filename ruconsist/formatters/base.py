"""Formatter interface: the CLI feeds results, the formatter writes."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import IO, ClassVar

from ruconsist.diagnostic import Diagnostic, Severity
from ruconsist.errors import RuconsistError


@dataclass
class Summary:
    pairs: int = 0
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    input_errors: list[RuconsistError] = field(default_factory=list)
    by_category: Counter[tuple[str, str]] = field(default_factory=Counter)
    by_code: Counter[str] = field(default_factory=Counter)

    def add(self, d: Diagnostic) -> None:
        if d.severity == Severity.ERROR:
            self.errors += 1
        elif d.severity == Severity.WARNING:
            self.warnings += 1
        else:
            self.infos += 1
        self.by_category[(d.category, d.severity.label)] += 1
        self.by_code[d.code] += 1


class Formatter:
    name: ClassVar[str]
    #: Whether the formatter wants the source lines of the documents.
    wants_context: ClassVar[bool] = False

    def __init__(self, stream: IO[str], color: bool = False) -> None:
        self.stream = stream
        self.color = color

    def begin(self) -> None:
        pass

    def handle(self, diagnostics: list[Diagnostic], result: object) -> None:
        raise NotImplementedError

    def finish(self, summary: Summary) -> None:
        pass
