"""Titles of documents in Chinese (TTL).

TTL002 (here): a known title without book-title marks 《》.  TTL001, a
title that names a different document than the Russian side, is found by
the term check's comparison of the entities at one place
(:mod:`ruconsist.checks.terms.missing`), of which it is the title case.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ruconsist.checks.base import Check, PairContext
from ruconsist.diagnostic import Diagnostic, Severity
from ruconsist.document import Segment, SegmentPair
from ruconsist.lang.han import HAN_CHAR
from ruconsist.patterns import TITLE_KINDS
from ruconsist.rules import RuleSet

#: Book-title marks and the marks of a title nested in a title.
_TITLE_OPEN = "《〈"
_TITLE_CLOSE = "》〉"


def title_regions(text: str) -> list[tuple[int, int]]:
    """Spans inside 《…》 (and nested 〈…〉), marks excluded."""
    out: list[tuple[int, int]] = []
    stack: list[int] = []
    for i, ch in enumerate(text):
        if ch in _TITLE_OPEN:
            stack.append(i)
        elif ch in _TITLE_CLOSE and stack:
            a = stack.pop()
            out.append((a + 1, i))
        elif ch == "\n":
            stack.clear()
    return out


def _title_form(form: str) -> bool:
    """Forms that Chinese writes in book-title marks: Chinese words, not
    an abbreviation (新START, CTBT) or a two-character stand-in."""
    han = len(HAN_CHAR.findall(form))
    return han >= 3 and not re.search(r"[A-Za-z]", form)


class TitleMarks(Check):
    """A treaty, charter, law or other document title in Chinese stands in
    book-title marks ``《》``: ``《联合国宪章》``, ``《新削减战略武器条约》``.
    A known title (a term of category ``title`` in the loaded rule packs)
    written without them is reported; the fix adds the marks.  A
    warning by default: the marks are a convention of the house and the
    register, not something the translation says, and legal and UN texts
    cite titles in running text without them (``已在联合国宪章中重申``,
    ``发布这一世界人权宣言`` in the UN's own text of the Declaration); a
    house that follows GB/T 15834 throughout makes it strict with
    ``severity: {TTL002: error}``.  Latin
    abbreviations (``新START``) and two-character short forms are not
    titles that take the marks, and neither is a heading that is the
    title alone (a document's own title: ``# 世界人权宣言``,
    ``<title>世界人权宣言</title>``).

    Examples
      PASS  RU «Устав ООН»    ZH «《联合国宪章》»
      FAIL  RU «Устав ООН»    ZH «联合国宪章»       -> TTL002
      FAIL  RU «Договор СНВ»  ZH «新削减战略武器条约» -> TTL002
    """

    code = "TTL002"
    slug = "title-marks"
    category = "title"
    severity = Severity.WARNING

    def check(self, bead: SegmentPair, ctx: PairContext) -> Iterator[Diagnostic]:
        titles = _title_terms(ctx.rules)
        if not titles:
            return
        from ruconsist.checks.terms.mentions import bead_terms
        from ruconsist.terms import PRIMARY

        text = bead.zh.text
        regions: list[tuple[int, int]] | None = None
        for m in bead_terms(bead, "zh", ctx):
            if m.role != PRIMARY or not any(t in titles for t in m.terms):
                continue
            if not _title_form(m.text):
                continue
            if _is_own_heading(bead.zh.segment_at(m.start), m.text):
                continue
            if regions is None:
                regions = title_regions(text)
            if any(a <= m.start and m.end <= b for a, b in regions):
                continue
            yield self.report(
                bead,
                "zh",
                m.start,
                m.end,
                f"ZH title '{m.text}' is not in book-title marks: expected '《{m.text}》'",
                expected=f"《{m.text}》",
                found=m.text,
                fix=(m.start, m.end, f"《{m.text}》"),
            )


def _is_own_heading(seg: Segment, title: str) -> bool:
    """A heading whose whole text is the title: the document names
    itself, and Chinese writes no 《》 there."""
    return seg.kind in TITLE_KINDS and seg.text.strip(" \t\u3000。.:：") == title


def _title_terms(rules: RuleSet) -> frozenset[str]:
    return rules.cached(  # type: ignore[no-any-return]
        "titles.title_terms",
        lambda: frozenset(t.id for t in rules.terms if t.category == "title"),
    )


CHECKS = [TitleMarks]
