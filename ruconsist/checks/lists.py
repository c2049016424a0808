"""List structure: item labels compared as positions, and skipped or
repeated items within one side."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ruconsist.checks.base import LANG_NAME, Check, PairContext
from ruconsist.diagnostic import Diagnostic, Severity
from ruconsist.document import SegmentPair, other
from ruconsist.lang.lists import ListLabel, leading_label, list_labels


#: What may open a segment in place of a label: a dash that opens an
#: interview's question, a bullet, a Roman numeral (``II.``), a bare
#: number (``4 Европейские…``: the label's point lost, not the label), an
#: ordinal word (``Второе:``).
OPENING_MARK = regex.compile(
    r"\s*(?:[—–\-•·*●]|[IVXLCІХ]+[.)]|\d+(?!\d)|(?:во-)?(?:перв|втор|трет|четв[её]рт|пят|шест|седьм|восьм|девят|десят)\w*)",
    regex.IGNORECASE,
)
#: Labels that number items or sections; 一是…二是 and 第一 enumerate
#: points in running text, which a translation writes out in words.
NUMBERING = frozenset({"han", "arabic", "paren"})


def _leading(bead: SegmentPair, lang: str) -> list[ListLabel]:
    """The label opening each segment of one side, as offsets of the
    side's text."""
    def build() -> list[ListLabel]:
        side = bead.side(lang)
        out = []
        for seg, base in zip(side.segments, side._starts):
            lab = leading_label(seg.text)
            if lab is not None and lab.position is not None:
                out.append(ListLabel(base + lab.start, base + lab.end, lab.position, lab.scheme, True, lab.text))
        return out

    return bead.cached(("list-leading", lang), build)  # type: ignore[no-any-return]


def _inline(bead: SegmentPair, lang: str) -> list[ListLabel]:
    return [lab for lab in list_labels(bead.side(lang).text) if not lab.block and lab.position is not None]


def _family(lab: ListLabel) -> str:
    """Labels of one list share a family: ``1.`` and ``2.``, not ``1.``
    and ``（二）``."""
    if lab.scheme == "arabic":
        return "arabic" + lab.text.strip()[-1]
    return lab.scheme


def _positions(labels: list[ListLabel]) -> str:
    return ", ".join(lab.text.strip() for lab in labels)


class ListNumbering(Check):
    """List and item labels are positions in a list, not figures: ``2.``
    against ``二、``, ``（三）`` against ``3)``, ``一是…二是…`` against
    ``во-первых… во-вторых…``, ``第一，`` against ``Во-первых,`` agree by
    position whatever their form, and a dash that opens an interview's
    question matches a numbered one.  The number check leaves labels
    alone.

    Reported, as warnings: an item whose position differs between the
    two sides at the same aligned place (``3.`` against ``四、``: an item
    renumbered, or one skipped before it), and, within one side, a list
    that skips or repeats a position (``2、`` then ``4、``).  A list that
    starts again at 1 is a new list.

    Examples
      PASS  RU «2. Как вы оцениваете итоги?»       ZH «二、您如何评价成果？»
      PASS  RU «Во-первых, …; во-вторых, …»         ZH «一是……，二是……»
      PASS  RU «— Как вы оцениваете итоги?»         ZH «5、您如何评价成果？»
      FAIL  RU «3. Как вы оцениваете итоги?»        ZH «四、您如何评价成果？»  -> LST001
      FAIL  RU «Первый вопрос.¶Второй вопрос.»     ZH «2、第一个问题。¶4、第二个问题。»  -> LST001
    """

    code = "LST001"
    slug = "list-numbering"
    category = "alignment"
    severity = Severity.WARNING
    extra_codes = {"LST002": ("list-label-dropped", "alignment", Severity.WARNING)}
    code_docs = {
        "LST002": """
        A segment opens with a list or section label (``一、``, ``7、``,
        ``3.``, ``（二）``) and its counterpart opens with none, and has no
        label anywhere: the item's number was dropped (``一、西藏发展成就``
        as «Достижения Тибета»).  A dash or bullet in its place counts as
        a label (``— Как вы оцениваете итоги?`` for ``5、您如何评价``).  A
        warning for a human translation, which may restructure a list; with
        ``--profile mt`` a label of the source the target dropped is an
        error (a machine does not restructure, it drops).

        Examples
          PASS  RU «3. Как вы оцениваете итоги?»   ZH «三、您如何评价成果？»
          PASS  RU «— Как вы оцениваете итоги?»    ZH «3、您如何评价成果？»
          FAIL  RU «Как вы оцениваете итоги?»      ZH «三、您如何评价成果？»   -> LST002
        """,
    }

    def check(self, bead: SegmentPair, ctx: PairContext) -> Iterator[Diagnostic]:
        yield from self._dropped(bead)
        for kind in ("block", "inline"):
            ru = _leading(bead, "ru") if kind == "block" else _inline(bead, "ru")
            zh = _leading(bead, "zh") if kind == "block" else _inline(bead, "zh")
            if not ru or not zh:
                continue
            ru_pos = [lab.position for lab in ru]
            zh_pos = [lab.position for lab in zh]
            if ru_pos == zh_pos or (kind == "inline" and len(ru_pos) != len(zh_pos)):
                # Inline labels of different counts are a list split
                # otherwise (two points in one sentence), not a renumbering.
                continue
            first = next(
                (i for i, (a, b) in enumerate(zip(ru_pos, zh_pos)) if a != b), min(len(ru_pos), len(zh_pos)) - 1
            )
            lab = ru[min(first, len(ru) - 1)]
            zh_lab = zh[min(first, len(zh) - 1)]
            yield self.report_against(
                bead,
                "ru",
                lab,
                zh_lab,
                f"RU list item {_positions(ru)} where ZH has {_positions(zh)}:"
                " an item renumbered, or one skipped",
                expected=zh_lab.text.strip(),
                found=lab.text.strip(),
            )

    def _dropped(self, bead: SegmentPair) -> Iterator[Diagnostic]:
        """LST002: a label opening one side, none on the other."""
        for lang in ("ru", "zh"):
            mine = [lab for lab in _leading(bead, lang) if lab.scheme in NUMBERING]
            there = bead.side(other(lang))
            if not mine or not there or _leading(bead, other(lang)) or list_labels(there.text) \
                    or OPENING_MARK.match(there.text):
                continue
            lab = mine[0]
            yield self.report(
                bead,
                lang,
                lab.start,
                lab.end,
                f"{LANG_NAME[lang]} opens with the label '{lab.text.strip()}' and"
                f" {LANG_NAME[other(lang)]} with none: the item's number was dropped",
                code="LST002",
                expected=lab.text.strip(),
                found=None,
                counterpart=True,
            )

    def finish_pair(self, ctx: PairContext) -> Iterator[Diagnostic]:
        beads = ctx.state.get("all_beads") or ctx.beads
        for lang in ("ru", "zh"):
            last: dict[str, ListLabel] = {}
            for bead in beads:
                if not bead.side(lang) or bead.memo.get("skip"):
                    continue
                for lab in _leading(bead, lang):
                    fam = _family(lab)
                    prev = last.get(fam)
                    last[fam] = lab
                    if prev is None or lab.position in (1, (prev.position or 0) + 1):
                        continue
                    assert lab.position is not None and prev.position is not None
                    if lab.position > prev.position + 1:
                        gap = list(range(prev.position + 1, lab.position))
                        what = f"skips item{'s' if len(gap) > 1 else ''} {', '.join(map(str, gap))}"
                    elif lab.position == prev.position:
                        what = "repeats the item"
                    else:
                        what = "goes back"
                    yield self.report(
                        bead,
                        lang,
                        lab.start,
                        lab.end,
                        f"{LANG_NAME[lang]} list {what}: '{prev.text.strip()}' is followed by"
                        f" '{lab.text.strip()}'",
                        expected=None,
                        found=lab.text.strip(),
                        counterpart=bead.counterpart(lang, lab.start, lab.end) if bead.side(other(lang)) else None,
                    )


CHECKS = [ListNumbering]
