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
from typing import IO, TYPE_CHECKING, Any, ClassVar

from ruconsist.diagnostic import Diagnostic, Severity
from ruconsist.errors import RuconsistError

if TYPE_CHECKING:
    from ruconsist.result import CodeInfo, PairResult

#: Where ruconsist is published; review comments and summaries link to it.
PROJECT_URL = "https://github.com/OWNER/ruconsist"


def explain_url(code: str, codes: Mapping[str, Any]) -> str | None:
    """The web page of what ``ruconsist explain CODE`` prints: in the
    repository at the installed version's tag, the code's own page in its
    check's ``code_docs``, or else the docstring of the check class.
    ``None`` for a plugin's check (its source is not in this repository),
    a code a rule pack defines (its page is made from the pack's rules)
    or an unknown code."""
    check = getattr(codes.get(code), "check", None)
    if not isinstance(check, type):
        return None
    own = getattr(check, "codes", None)
    if callable(own) and code not in own():
        return None
    return _source_url(check, code if code in getattr(check, "code_docs", {}) else None)


@functools.lru_cache(maxsize=None)
def _source_url(check: type, page: str | None) -> str | None:
    """The check's source file, at the line of its class, or of the
    ``code_docs`` entry of ``page``."""
    import inspect
    import re

    from ruconsist import __version__

    module = check.__module__
    if module != "ruconsist" and not module.startswith("ruconsist."):
        return None
    url = f"{PROJECT_URL}/blob/v{__version__}/{module.replace('.', '/')}.py"
    try:
        lines, first = inspect.getsourcelines(check)
    except (OSError, TypeError):
        return url
    line = first
    if page is not None:
        # The entry ``"NUM002": """…`` (or, keyed by a constant, the
        # ``code_docs`` that holds it).
        key = re.compile(rf"""^\s*["']{re.escape(page)}["']\s*:""")
        docs = next((i for i, text in enumerate(lines) if re.match(r"\s*code_docs\b", text)), None)
        if docs is not None:
            entry = next((i for i in range(docs, len(lines)) if key.search(lines[i])), docs)
            line = first + entry
    return f"{url}#L{line}"


@dataclass
class SystemCount:
    """Findings of one column of bilingual tables (an MT system, or the
    human version) over every table of the run."""

    segments: int = 0
    errors: int = 0
    warnings: int = 0
    #: Error findings by code.
    by_code: Counter[str] = field(default_factory=Counter)

    @property
    def errors_per_1000(self) -> float:
        return 1000 * self.errors / self.segments if self.segments else 0.0

    def to_dict(self) -> dict[str, object]:
        return {
            "segments": self.segments,
            "errors": self.errors,
            "warnings": self.warnings,
            "errors_per_1000_segments": round(self.errors_per_1000, 1),
            "errors_by_code": dict(sorted(self.by_code.items())),
        }


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
    #: Findings left out by ``--changed-since`` (outside the changed segments).
    outside_diff: int = 0
    #: Per column of bilingual tables (RU column name -> counts), to
    #: compare MT systems checked against the same source.
    systems: dict[str, SystemCount] = field(default_factory=dict)
    #: Findings ``--fix`` settled (not reported, not counted above).
    fixed: int = 0

    def add(self, d: Diagnostic, system: str | None = None) -> None:
        if d.severity == Severity.ERROR:
            self.errors += 1
        elif d.severity == Severity.WARNING:
            self.warnings += 1
        else:
            self.infos += 1
        self.by_category[(d.category, d.severity.label)] += 1
        self.by_code[d.code] += 1
        if system is not None:
            count = self.systems.setdefault(system, SystemCount())
            if d.severity == Severity.ERROR:
                count.errors += 1
                count.by_code[d.code] += 1
            elif d.severity == Severity.WARNING:
                count.warnings += 1

    def add_segments(self, system: str, n: int) -> None:
        self.systems.setdefault(system, SystemCount()).segments += n

    def compared(self) -> list[tuple[str, SystemCount]]:
        """The table columns of the run, in the order first met, when
        there are several to compare (else empty)."""
        return list(self.systems.items()) if len(self.systems) > 1 else []


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

    #: code -> its ``code``, ``slug``, ``category``, ``severity`` and
    #: ``check`` (the check class, whose docstring documents it).
    codes: Mapping[str, CodeInfo] = field(default_factory=dict)
    root: Path = field(default_factory=Path.cwd)
    tool_version: str = ""
    fingerprint: Callable[[Diagnostic], str] = _no_fingerprint


class Formatter:
    name: ClassVar[str]
    #: Whether the formatter wants the source lines of the documents.
    wants_context: ClassVar[bool] = False
    #: Whether the formatter draws each pair's aligned segments
    #: (``result.beads``): a run with such a formatter lints in one
    #: process, since beads stay in the workers.
    wants_beads: ClassVar[bool] = False

    def __init__(self, stream: IO[str], color: bool = False, run: RunInfo | None = None) -> None:
        self.stream = stream
        self.color = color
        self.run = run or RunInfo()

    def begin(self) -> None:
        pass

    def handle(self, diagnostics: list[Diagnostic], result: PairResult | None) -> None:
        raise NotImplementedError

    def finish(self, summary: Summary) -> None:
        pass


def pair_name(result: PairResult | None) -> str | None:
    """``a.ru.md ↔ a.zh.md`` (or the bilingual file) for a PairResult."""
    if result is None:
        return None
    pair = result.pair
    from ruconsist.paths import display

    return " ↔ ".join(display(p) for p in pair.paths)


def systems_table(summary: Summary) -> list[str]:
    """Lines comparing the columns of bilingual tables: segments, errors,
    errors per 1000 segments and errors by code, one line a column."""
    rows = summary.compared()
    if not rows:
        return []
    width = max(len(name) for name, _ in rows)
    out = ["By column (errors per 1000 segments; errors by code):"]
    for name, c in rows:
        codes = ", ".join(f"{code} {n}" for code, n in sorted(c.by_code.items(), key=lambda kv: (-kv[1], kv[0])))
        out.append(
            f"  {name:<{width}}  {c.segments:>6} segments  {c.errors:>5} errors  {c.errors_per_1000:>7.1f}/1000"
            + (f"  {codes}" if codes else "")
        )
    return out


def summary_line(summary: Summary) -> str:
    """``3 pairs checked: 2 errors, 1 warning``."""
    def n(count: int, word: str) -> str:
        return f"{count} {word}{'s' if count != 1 else ''}"

    return f"{n(summary.pairs, 'pair')} checked: {n(summary.errors, 'error')}, {n(summary.warnings, 'warning')}"
