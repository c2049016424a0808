"""``--format html``: the side-by-side review page (:mod:`.page`).

The aligned RU and ZH segments of every pair with the findings in
place, names, titles, numbers and dates linked to their counterparts,
filters by severity and category; one self-contained page written when
the run ends.  ``ruconsist report`` writes the same page through this
formatter.

The page draws each pair's aligned segments, which stay in the worker
processes of a parallel run and are not kept for a pair of more than
:data:`ruconsist.checking.KEEP_BEADS` beads: a run with this format
lints in one process (``wants_beads``), and a very large pair shows its
findings without the segment table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from ruconsist.diagnostic import Diagnostic
from ruconsist.formatters.base import Formatter, Summary

if TYPE_CHECKING:
    from ruconsist.result import PairResult

#: The page title unless the run sets :attr:`HtmlFormatter.title`.
DEFAULT_TITLE = "ruconsist report"


class HtmlFormatter(Formatter):
    name = "html"
    #: The formatter needs each pair's beads (the aligned segments).
    wants_beads: ClassVar[bool] = True
    #: Set after construction (``ruconsist report --title``).
    title: str = DEFAULT_TITLE

    def begin(self) -> None:
        from ruconsist.formatters.html.page import ReportBuilder

        self.builder = ReportBuilder(self.title)

    def handle(self, diagnostics: list[Diagnostic], result: PairResult | None) -> None:
        if result is None:
            self.builder.attach(diagnostics)
        else:
            self.builder.add(result, diagnostics)

    def finish(self, summary: Summary) -> None:
        self.stream.write(self.builder.html())
