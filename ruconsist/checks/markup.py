"""TAG001: inline codes and markup of program messages in translation-file
strings (XLIFF/TMX inline codes, HTML tags in PO and locale strings)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import regex

from ruconsist.checks.base import LANG_NAME, Check, PairContext
from ruconsist.checks.placeholders import MESSAGE_FORMATS, side_format
from ruconsist.diagnostic import Diagnostic, Severity
from ruconsist.document import SegmentPair, Side, other
from ruconsist.readers.common import get_meta

#: HTML-like markup inside a message string (``<bold>…</bold>``,
#: react-i18next ``<0>…</0>``, ``<br/>``).
MARKUP = regex.compile(r"<(/?)([A-Za-z0-9_][\w.:-]*)(?:\s[^<>]*)?(/?)>")


class InlineMarkupMismatch(Check):
    """An inline code or markup element of a program message that one
    language's string has and the other lacks: an XLIFF/TMX inline
    code (``<x/>``, ``<g>``, ``<ph>``, ``<bpt>``…), or an HTML tag in
    a PO or locale string (``<b>…</b>``, ``<br/>``, ``<a href>``).  A
    lost tag breaks the layout or a link of the translated program;
    a tag of the same name may move within the string.

    Examples
      PASS  RU «Нажмите <b>Сохранить</b>»   ZH «点击<b>保存</b>»   (in a JSON locale file)
      FAIL  RU «Нажмите <b>Сохранить</b>»   ZH «点击保存»   (in a JSON locale file)   -> TAG001
    """

    code = "TAG001"
    slug = "inline-markup-mismatch"
    category = "style"
    severity = Severity.ERROR

    def check(self, bead: SegmentPair, ctx: PairContext) -> Iterator[Diagnostic]:
        if (
            side_format(bead.ru)[0] not in MESSAGE_FORMATS
            and side_format(bead.zh)[0] not in MESSAGE_FORMATS
        ):
            return
        yield from self._markup(bead)

    def _markup(self, bead: SegmentPair) -> Iterator[Diagnostic]:
        codes = {lang: _inline_codes(bead.side(lang)) for lang in ("ru", "zh")}
        # A missing element shows as its opening tag; closing tags are
        # compared only when the opening ones agree, so one lost
        # ``<b>…</b>`` is one finding.
        opening = {lang: [c for c in codes[lang] if not c[0].startswith("</")] for lang in codes}
        if Counter(n for n, _ in opening["ru"]) != Counter(n for n, _ in opening["zh"]):
            codes = opening
        counts = {lang: Counter(name for name, _ in codes[lang]) for lang in codes}
        for lang in ("ru", "zh"):
            o = other(lang)
            extra = counts[lang] - counts[o]
            for name, pos in codes[lang]:
                if extra[name] <= 0:
                    continue
                extra[name] -= 1
                text = bead.side(lang).text
                a = min(pos, max(len(text) - 1, 0))
                yield self.report(
                    bead,
                    lang,
                    a,
                    min(a + 1, len(text)),
                    f"{LANG_NAME[lang]} inline code {name} has no counterpart in {LANG_NAME[o]}"
                    f" ({LANG_NAME[lang]} has {counts[lang][name]}, {LANG_NAME[o]} {counts[o][name]})",
                    expected=name,
                    found=str(counts[o][name]),
                )


def _inline_codes(side: Side) -> list[tuple[str, int]]:
    """(name, offset in ``side.text``) of each inline code: those a reader
    took out of the text (XLIFF, TMX) and HTML-like tags left in it."""
    out: list[tuple[str, int]] = []
    base = 0
    for seg in side.segments:
        for name, idx in get_meta(seg).get("inline") or ():
            out.append((name, base + idx))
        for m in MARKUP.finditer(seg.text):
            close, tag, empty = m.groups()
            name = f"<{close}{tag}{empty}>"
            out.append((name, base + m.start()))
        base += len(seg.text) + 1
    return out


CHECKS = [InlineMarkupMismatch]
