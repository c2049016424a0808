"""A compiled pattern rule and the constants of its schema.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

from ruconsist.speed import regexgate
from ruconsist.diagnostic import Severity
from ruconsist.packschema import DEFAULT_CODE, DEFAULT_TIMEOUT

if TYPE_CHECKING:
    from ruconsist.packtypes import Example


FLAGS = {
    "ignorecase": regex.IGNORECASE,
    "multiline": regex.MULTILINE,
    "dotall": regex.DOTALL,
    "verbose": regex.VERBOSE,
}
#: Segment kinds that count as titles for ``scope: titles``.
TITLE_KINDS = ("title", "heading")
ID_RE = regex.compile(r"^[a-z0-9][a-z0-9._-]*$")
#: Placeholders every message template may use besides the captures.
MESSAGE_FIELDS = ("found", "side", "other", "rule", "description", "expected", "counterpart")
#: Format specs a capture placeholder accepts: ``{n:d}`` (Arabic digits),
#: ``{n:zh}`` (Chinese numerals), ``{n:roman}``.
CAPTURE_SPECS = ("", "d", "zh", "roman")


@dataclass(frozen=True)
class PatternRule:
    id: str
    ru: regex.Pattern[str] | None
    zh: regex.Pattern[str] | None
    description: str = ""
    captures: tuple[tuple[str, str], ...] = ()
    direction: str = "both"
    count: str = "each"
    scope: str = "all"
    paths: tuple[str, ...] = ()
    severity: Severity | None = None
    category: str = "style"
    message: str | None = None
    expect: tuple[tuple[str, str], ...] = ()
    code: str = DEFAULT_CODE
    timeout: float = DEFAULT_TIMEOUT
    enabled: bool = True
    note: str | None = None
    source: str | None = None
    examples: tuple[Example, ...] = ()
    pack: str = ""
    path: str = ""
    line: int | None = None
    lines: tuple[tuple[str, int | None], ...] = ()

    def pattern(self, lang: str) -> regex.Pattern[str] | None:
        return self.ru if lang == "ru" else self.zh

    @functools.cached_property
    def gates(self) -> dict[str, tuple[str, ...] | None]:
        """Per side: literal text every match holds (see
        :mod:`ruconsist.speed.regexgate`), or ``None``."""
        return {
            lang: regexgate.gate(p.pattern, int(p.flags) & ~int(regex.VERSION0))
            for lang in ("ru", "zh")
            if (p := self.pattern(lang)) is not None
        }

    @property
    def paired(self) -> bool:
        return self.ru is not None and self.zh is not None

    def sources(self) -> tuple[str, ...]:
        """Sides whose matches need a counterpart (or, for a one-sided
        rule, are findings)."""
        if not self.paired:
            return ("ru",) if self.ru is not None else ("zh",)
        return {"ru->zh": ("ru",), "zh->ru": ("zh",), "both": ("ru", "zh")}[self.direction]

    def kind_of(self, name: str) -> str:
        return dict(self.captures).get(name, "text")

    def compared(self) -> tuple[str, ...]:
        """Group names present in both patterns: these are compared."""
        if not self.paired:
            return ()
        assert self.ru is not None and self.zh is not None
        return tuple(n for n in self.ru.groupindex if n in self.zh.groupindex)

    def line_for(self, key: str) -> int | None:
        return dict(self.lines).get(key) or self.line

    def where(self, key: str | None = None) -> str:
        line = self.line_for(key) if key else self.line
        return f"{self.path}:{line}" if line else self.path
