"""Formatter interface: the CLI feeds results, the formatter writes.

The CLI calls, for one run::

    f = FormatterClass(stream, color=..., run=RunInfo(...))
    f.begin()
    f.handle(diagnostics, result)   # once per file pair (result: PairResult),
                                    # and once with result=None for findings
                                    # across the whole run
    f.finish(summary)

A formatter writes only to ``self.stream``.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, ClassVar

from ruconsist.diagnostic import Diagnostic, Severity
from ruconsist.errors import RuconsistError

#: Where ruconsist is published; review comments and summaries link to it.
PROJECT_URL = "https://github.com/OWNER/ruconsist"


def explain_url(code: str, codes: Mapping[str, Any]) -> str | None:
    """The web page of what ``ruconsist explain CODE`` prints: the
    docstring of the code's check class, in the repository at the
    installed version's tag.  ``None`` for a plugin's check (its source
    is not in this repository) or an unknown code."""
    check = getattr(codes.get(code), "check", None)
    return _source_url(check) if isinstance(check, type) else None


@functools.lru_cache(maxsize=None)
def _source_url(check: type) -> str | None:
    import inspect

    from ruconsist import __version__

    module = check.__module__
    if module != "ruconsist" and not module.startswith("ruconsist."):
        return None
    try:
        line: int | None = inspect.getsourcelines(check)[1]
    except (OSError, TypeError):
        line = None
    url = f"{PROJECT_URL}/blob/v{__version__}/{module.replace('.', '/')}.py"
    return f"{url}#L{line}" if line else url


@dataclass
class Summary:
    pairs: int = 0
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    input_errors: list[RuconsistError] = field(default_factory=list)
    by_category: Counter[tuple[str, str]] = field(default_factory=Counter)
    by_code: Counter[str] = field(default_factory=Counter)
    #: Findings left out because the baseline holds them.
    baselined: int = 0
    #: Baseline entries not found again in the checked files.
    baseline_gone: int = 0
    #: Findings left out by ``--diff`` (outside the changed segments).
    outside_diff: int = 0

    def add(self, d: Diagnostic) -> None:
        if d.severity == Severity.ERROR:
            self.errors += 1
        elif d.severity == Severity.WARNING:
            self.warnings += 1
        else:
            self.infos += 1
        self.by_category[(d.category, d.severity.label)] += 1
        self.by_code[d.code] += 1


def _no_fingerprint(d: Diagnostic) -> str:
    import hashlib

    loc = d.location
    raw = f"{d.code}\x1f{d.rule or ''}\x1f{loc.lang}\x1f{loc.path}\x1f{d.message}"
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True)
class RunInfo:
    """What a formatter may want to know about the run beyond the
    findings: the registered codes (for rule metadata in SARIF), the
    project root, and a stable fingerprint for each finding (see
    :mod:`ruconsist.baseline`)."""

    #: code -> object with ``code``, ``slug``, ``category``, ``severity``
    #: and ``check`` (the check class, whose docstring documents it).
    codes: Mapping[str, Any] = field(default_factory=dict)
    root: Path = field(default_factory=Path.cwd)
    tool_version: str = ""
    fingerprint: Callable[[Diagnostic], str] = _no_fingerprint


class Formatter:
    name: ClassVar[str]
    #: Whether the formatter wants the source lines of the documents.
    wants_context: ClassVar[bool] = False

    def __init__(self, stream: IO[str], color: bool = False, run: RunInfo | None = None) -> None:
        self.stream = stream
        self.color = color
        self.run = run or RunInfo()

    def begin(self) -> None:
        pass

    def handle(self, diagnostics: list[Diagnostic], result: object) -> None:
        raise NotImplementedError

    def finish(self, summary: Summary) -> None:
        pass


def pair_name(result: object) -> str | None:
    """``a.ru.md ↔ a.zh.md`` (or the bilingual file) for a PairResult."""
    pair = getattr(result, "pair", None)
    if pair is None:
        return None
    from ruconsist.engine import display

    return " ↔ ".join(display(p) for p in pair.paths)


def summary_line(summary: Summary) -> str:
    """``3 pairs checked: 2 errors, 1 warning``."""
    def n(count: int, word: str) -> str:
        return f"{count} {word}{'s' if count != 1 else ''}"

    return f"{n(summary.pairs, 'pair')} checked: {n(summary.errors, 'error')}, {n(summary.warnings, 'warning')}"
