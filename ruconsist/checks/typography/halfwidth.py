"""TYP001: half-width punctuation in Chinese text."""

from __future__ import annotations

from collections.abc import Iterator

from ruconsist.checks.base import PairContext
from ruconsist.checks.typography.common import (
    FORMULA,
    HALF_CHARS,
    HALF_TO_FULL,
    Mask,
    TypographyCheck,
    is_cjk,
    option,
    positions,
)
from ruconsist.diagnostic import Diagnostic
from ruconsist.document import SegmentPair
from ruconsist.lang.han import is_han


def halfwidth_marks(text: str) -> list[int]:
    """Offsets of half-width ``, : ; ( ) ? !`` that stand next to Chinese
    characters, outside numbers (``1,500``, ``16:40``), code, URLs and
    markup.  A pair of parentheses goes together: if one is next to
    Chinese, both are reported."""
    mask = Mask(text)
    hits: set[int] = set()
    opens: list[int] = []
    pairs: dict[int, int] = {}
    for i in positions(text, "()\n"):
        c = text[i]
        if c == "(" and not mask(i):
            opens.append(i)
        elif c == ")" and not mask(i) and opens:
            a = opens.pop()
            pairs[a] = i
            pairs[i] = a
        elif c == "\n":
            opens.clear()
    for a, b in [(a, b) for a, b in pairs.items() if a < b]:
        if FORMULA.match(text[a + 1 : b]):
            # (n + 1)2: a formula keeps its half-width parentheses.
            mask.flags[a] = mask.flags[b] = 1
    for i in positions(text, HALF_CHARS):
        c = text[i]
        if mask(i):
            continue
        p = text[i - 1] if i > 0 else ""
        n = text[i + 1] if i + 1 < len(text) else ""
        if c in ",:" and p.isdigit() and n.isdigit():
            continue
        if (c in ")(" and p in ":;") or (
            c in ":;" and n in ")(" and text[i + 2 : i + 3] in ("", " ", "\n", "\t")
        ):
            continue  # an emoticon :) ;(
        if is_cjk(p) or is_han(n):
            hits.add(i)
            if i in pairs:
                hits.add(pairs[i])
    return sorted(hits)


#: ``zh-punctuation``: the punctuation of Chinese text.
PUNCTUATION_OPTION = "zh-punctuation"
FULL_TO_HALF = {full: half for half, full in HALF_TO_FULL.items()}
#: A file counts as written in ASCII punctuation throughout when it has
#: this many half-width marks next to Chinese and this share of its marks.
ASCII_FILE_MIN_MARKS = 10
ASCII_FILE_SHARE = 0.9


def fullwidth_marks(text: str) -> list[int]:
    """Offsets of full-width ``，：；（）？！`` outside code and markup."""
    mask = Mask(text)
    return [i for i in positions(text, "".join(FULL_TO_HALF)) if not mask(i)]


class HalfWidthPunctuation(TypographyCheck):
    """Chinese text uses full-width punctuation: ``，：；（）？！``.  A
    half-width ``, : ; ( ) ? !`` next to a Chinese character is reported
    once per occurrence, with a fix to the full-width mark.  Numbers
    (``1,500``, ``16:40``), code, URLs, markup and emoticons are left
    alone, and so are marks between Latin words.

    A file that uses ASCII punctuation throughout (data tables, program
    messages: at least 10 such marks and 90% of all) follows a
    convention of its own: it is reported once, at its first mark, and
    then only the places that break its convention (a full-width mark
    among the ASCII ones) are.  ``options: {zh-punctuation: ascii}``
    accepts ASCII punctuation in Chinese text without that first
    report; ``zh-punctuation: full`` reports every half-width mark.

    Examples
      PASS  RU «Москва, 4 февраля»   ZH «莫斯科，2月4日，16:40»
      PASS  RU «Москва, 4 февраля»   ZH «莫斯科,2月4日»   (zh-punctuation: ascii)
      FAIL  RU «Москва, 4 февраля»   ZH «莫斯科,2月4日»        -> TYP001
      FAIL  RU «АТЭС»                ZH «亚太经合组织(APEC)»   -> TYP001
      FAIL  RU «Москва, 4 февраля»   ZH «莫斯科,2月4日，16:40»   (zh-punctuation: ascii)   -> TYP001
    """

    code = "TYP001"
    slug = "halfwidth-punctuation"
    options = {
        PUNCTUATION_OPTION: (
            ("auto", "full", "ascii"),
            "punctuation of Chinese text (TYP001): full-width, ASCII, or auto (a file's own consistent convention)",
        ),
    }
    langs = ("zh",)

    def begin_pair(self, ctx: PairContext) -> None:
        style = str(option(ctx, PUNCTUATION_OPTION) or "auto")
        first = None
        if style == "auto":
            # The whole pair decides, not the stretch of it at hand (a
            # worker may check a large file in parts).
            n_half = n_full = 0
            for bead in ctx.state.get("all_beads") or ctx.beads:
                if not bead.zh:
                    continue
                half = halfwidth_marks(bead.zh.text)
                if half and first is None:
                    first = (bead.index, half[0])
                n_half += len(half)
                n_full += len(fullwidth_marks(bead.zh.text))
            if n_half >= ASCII_FILE_MIN_MARKS and n_half >= ASCII_FILE_SHARE * (n_half + n_full):
                style = "ascii-file"
                first = (*first, n_half, n_full)  # type: ignore[misc]
            else:
                style, first = "full", None
        ctx.state[self.code] = (style, first)

    def scan(
        self, bead: SegmentPair, lang: str, text: str, ctx: PairContext
    ) -> Iterator[Diagnostic]:
        style, first = ctx.state.get(self.code) or ("full", None)
        if style == "full":
            for i in halfwidth_marks(text):
                c = text[i]
                full = HALF_TO_FULL[c]
                yield self._mark(
                    bead, lang, text, i, full,
                    f"ZH half-width {c!r} next to Chinese text: expected full-width {full!r}",
                    fix=(i, i + 1, full),
                )
            return
        if first is not None:
            index, i, n_half, n_full = first
            if bead.index == index:
                yield self._mark(
                    bead, lang, text, i, HALF_TO_FULL[text[i]],
                    f"ZH file uses ASCII punctuation throughout ({n_half} half-width marks next to Chinese,"
                    f" {n_full} full-width): reported once; set 'zh-punctuation: ascii' in the options to"
                    " accept it, or 'full' to list every mark",
                )
        for i in fullwidth_marks(text):
            c = text[i]
            half = FULL_TO_HALF[c]
            yield self._mark(
                bead, lang, text, i, half,
                f"ZH full-width {c!r} in text that uses ASCII punctuation: expected {half!r} as elsewhere",
            )

    def _mark(
        self, bead: SegmentPair, lang: str, text: str, i: int, expected: str, message: str,
        fix: tuple[int, int, str] | None = None,
    ) -> Diagnostic:
        """A finding on the one punctuation mark at ``i``."""
        return self.report(bead, lang, i, i + 1, message, expected=expected, found=text[i], fix=fix)
