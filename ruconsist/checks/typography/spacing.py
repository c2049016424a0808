"""TYP006 (house-style option): spacing between Chinese and Latin letters or digits."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ruconsist.checks.base import PairContext
from ruconsist.checks.typography.common import Mask, TypographyCheck, option
from ruconsist.diagnostic import Diagnostic
from ruconsist.document import SegmentPair
from ruconsist.lang.han import HAN_RANGES


SPACING_OPTION = "zh-spacing"
_HAN_ALNUM = re.compile(
    rf"(?P<hl>[{HAN_RANGES}])(?P<gap1>[ \u00a0]?)(?P<al>[A-Za-z0-9])"
    rf"|(?P<ar>[A-Za-z0-9%])(?P<gap2>[ \u00a0]?)(?P<hr>[{HAN_RANGES}])"
)


def spacing_issues(text: str, style: str) -> list[tuple[int, int, str]]:
    """(start, end, replacement) where Chinese meets Latin or digits
    against the house style: ``none`` (news: ``2026年``) reports a space,
    ``space`` (many tech-doc guides: ``2026 年``) reports its absence."""
    out = []
    mask = Mask(text)
    i = 0
    while True:
        m = _HAN_ALNUM.search(text, i)
        if not m:
            break
        gap = m.group("gap1") if m.group("hl") else m.group("gap2")
        g0 = m.start("gap1") if m.group("hl") else m.start("gap2")
        i = m.start() + 1
        if mask(g0) or mask(max(0, g0 - 1)):
            continue
        if style == "none" and gap:
            out.append((g0, g0 + len(gap), ""))
        elif style == "space" and not gap:
            out.append((g0, g0, " "))
    return out


class ZhSpacing(TypographyCheck):
    """House-style option ``zh-spacing``: whether a space stands between
    Chinese characters and Latin letters or digits.  Off by default
    (news style writes ``2026年`` with no space; many software
    documentation guides write ``2026 年``).  Set ``options: {zh-spacing:
    none}`` to report spaces, ``zh-spacing: space`` to report missing
    ones; each occurrence is a warning with a fix.

    Examples
      PASS  RU «в 2026 году»   ZH «2026年»     (zh-spacing: none)
      FAIL  RU «в 2026 году»   ZH «2026 年»    (zh-spacing: none)  -> TYP006
      FAIL  RU «версия 3»      ZH «版本3»      (zh-spacing: space) -> TYP006
    """

    code = "TYP006"
    slug = "zh-spacing"
    options = {
        SPACING_OPTION: (
            ("off", "none", "space"),
            "space between Chinese and Latin letters or digits (TYP006)",
        )
    }
    langs = ("zh",)

    def scan(
        self, bead: SegmentPair, lang: str, text: str, ctx: PairContext
    ) -> Iterator[Diagnostic]:
        style = option(ctx, SPACING_OPTION)
        if style not in ("none", "space"):
            return
        for a, b, rep in spacing_issues(text, style):
            if style == "none":
                msg = "ZH space between Chinese and Latin/digits: house style (zh-spacing: none) writes none"
            else:
                msg = "ZH no space between Chinese and Latin/digits: house style (zh-spacing: space) wants one"
            lo, hi = max(0, a - 1), min(len(text), b + 1)
            yield self.report(
                bead,
                lang,
                lo,
                hi,
                msg,
                expected=text[lo:a] + rep + text[b:hi],
                found=text[lo:hi],
                fix=(a, b, rep),
            )
