"""ruconsist-newsroom: a newsroom's house style as a ruconsist plugin.

Registered through the ``ruconsist`` entry point group (see
pyproject.toml); every function below marked ``@hookimpl`` implements
one ruconsist hook.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import regex

from ruconsist import hookimpl
from ruconsist.checks.base import Check, PairContext
from ruconsist.diagnostic import Diagnostic, Severity
from ruconsist.document import SegmentPair
from ruconsist.errors import RuleError
from ruconsist.formatters.base import Formatter, Summary
from ruconsist.yamlio import line_of

PACK = Path(__file__).with_name("newsroom.yaml")


def yo_table(rules) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """е-spelling -> ё-spelling of every name in the packs' ``yo-names``."""

    def build() -> dict[str, str]:
        table = {}
        for pack, node in rules.vocab("yo-names"):
            if not isinstance(node, list):
                raise RuleError("'yo-names' must be a list of names", str(pack.path), line_of(pack.vocab, "yo-names"))
            for i, name in enumerate(node):
                if not isinstance(name, str) or "ё" not in name.lower():
                    raise RuleError(f"yo-names: {name!r} has no ё", str(pack.path), line_of(node, i))
                table[name.replace("ё", "е").replace("Ё", "Е")] = name
        return table

    return rules.cached("newsroom:yo-names", build)


class YoInNames(Check):
    """The newsroom writes ё in the names listed in its pack
    (``vocab: yo-names``): «Хрущёв», not «Хрущев», in every case form.
    Each spelling without ё is a warning with a fix.

    Examples
      PASS  RU «Хрущёв выступил»   ZH «赫鲁晓夫发表讲话»
      FAIL  RU «Хрущева сняли»     ZH «赫鲁晓夫被解职»   -> NWS001
    """

    code = "NWS001"
    slug = "yo-in-names"
    category = "style"
    severity = Severity.WARNING
    #: The pack section this check reads (its data is checked in yo_table).
    vocab = {"yo-names": None}

    def check(self, bead: SegmentPair, ctx: PairContext) -> Iterator[Diagnostic]:
        table = yo_table(self.rules)
        if not table:
            return
        text = bead.ru.text
        for plain, proper in table.items():
            for m in regex.finditer(rf"\b{regex.escape(plain)}(?=\p{{Ll}}{{0,3}}\b)", text):
                yield self.report(
                    bead, "ru", m.start(), m.end(),
                    f"RU '{m.group()}' is written with ё in house style (expected '{proper}')",
                    expected=proper, found=m.group(), fix=(m.start(), m.end(), proper),
                )


class TsvFormatter(Formatter):
    """One finding per line, tab-separated, for spreadsheets:
    path, line, column, code, severity, message, counterpart."""

    name = "tsv"

    def begin(self) -> None:
        self.stream.write("path\tline\tcolumn\tcode\tseverity\tmessage\tcounterpart\n")

    def handle(self, diagnostics: list[Diagnostic], result: object) -> None:
        for d in diagnostics:
            loc = d.location
            cp = d.counterpart.short() if d.counterpart else ""
            message = d.message.replace("\t", " ").replace("\n", " ")
            self.stream.write(f"{loc.path}\t{loc.line}\t{loc.column}\t{d.code}\t{d.severity.label}\t{message}\t{cp}\n")

    def finish(self, summary: Summary) -> None:
        pass


@hookimpl
def ruconsist_register_checks(register: Callable[[type], None]) -> None:
    register(YoInNames)


@hookimpl
def ruconsist_register_packs(register: Callable[[Path], None]) -> None:
    register(PACK)


@hookimpl
def ruconsist_register_formatters(register: Callable[[str, type], None]) -> None:
    register("tsv", TsvFormatter)
