"""Input a check could only check in part, because checking all of it
would take time or memory out of proportion to its size."""

from __future__ import annotations

from ruconsist.checks.base import LANG_NAME, Check
from ruconsist.diagnostic import Diagnostic, Severity
from ruconsist.document import SegmentPair

CODE = "LIM001"
SLUG = "checked-partially"
CATEGORY = "input"


class CheckedPartially(Check):
    """A check stopped part of the way through a segment (or a file)
    because the rest would have cost time or memory out of proportion to
    its size: thousands of capitalised words checked as Chinese names
    against a long Chinese paragraph, a paragraph of several hundred
    thousand characters, a pattern rule that keeps timing out.  Every
    input is checked in time close to linear in its size; where an
    algorithm is not linear, it is bounded, and this warning says where
    the bound was reached and which check it was, so that silence never
    passes for a clean result.  Split the paragraph, or check the file
    with that check's code ignored to silence the warning.

    Examples
      PASS  RU «Си Цзиньпин встретился с Путиным.»  ZH «习近平会见了普京。»
      FAIL  RU «[Владимир Путин, ]×101»  ZH «[弗拉基米尔*普京，]×101»  -> LIM001
    ([…]×N is the text in brackets N times: one paragraph with 101 NAM001,
    more than a check reports on one paragraph.)
    """

    code = CODE
    slug = SLUG
    category = CATEGORY
    severity = Severity.WARNING


def checked_partially(bead: SegmentPair, lang: str, offset: int, check_code: str, why: str) -> Diagnostic:
    """The LIM001 warning for ``check_code`` stopping at ``offset`` of
    ``bead``'s ``lang`` side, ``why`` saying which bound was reached."""
    side = bead.side(lang)
    offset = max(0, min(offset, len(side.text) - 1))
    return Diagnostic(
        code=CODE,
        slug=SLUG,
        category=CATEGORY,
        severity=Severity.WARNING,
        message=(
            f"segment too long, checked partially: {check_code} stopped at this point of the"
            f" {LANG_NAME[lang]} segment ({why})"
        ),
        location=side.location(offset, offset + 1),
        counterpart=None,
        segment=bead.id,
    )


def too_many_findings(next_one: Diagnostic, shown: int) -> Diagnostic:
    """The LIM001 warning for a check that found more than ``shown``
    problems in one segment, placed where the next one would have been."""
    return Diagnostic(
        code=CODE,
        slug=SLUG,
        category=CATEGORY,
        severity=Severity.WARNING,
        message=(
            f"segment too long, checked partially: {next_one.code} stopped after {shown} findings"
            " in this segment; the rest of it is not checked"
        ),
        location=next_one.location,
        counterpart=None,
        segment=next_one.segment,
    )


CHECKS = [CheckedPartially]
