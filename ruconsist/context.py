"""The context a check is given for the file pair being linted.

Apart from :mod:`ruconsist.checks.base` so that language code
(``ruconsist.lang``), which reads dates and numbers for the checks, can
name it without importing the checks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ruconsist.document import Document, SegmentPair

if TYPE_CHECKING:
    from ruconsist.config import Config
    from ruconsist.rules import RuleSet


@dataclass(eq=False)
class PairContext:
    """What checks know about the file pair being linted."""

    ru_doc: Document
    zh_doc: Document
    rules: RuleSet
    config: Config
    beads: list[SegmentPair]
    #: Lines before the body shared by both languages (a bilingual file's
    #: dateline), as (document, start, end) spans.
    header: list[tuple[Document, int, int]] = field(default_factory=list)
    #: Per-check scratch space, keyed by the check's code.
    state: dict[str, Any] = field(default_factory=dict)

    def doc(self, lang: str) -> Document:
        return self.ru_doc if lang == "ru" else self.zh_doc
