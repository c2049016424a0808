"""List and item labels of RU and ZH official text.

Official texts number their sections, questions and points in ways each
language has its own forms for: ``2. Как вы оцениваете…`` against
``二、您如何评价…``, ``（三）`` against ``3)``, ``一是…二是…`` against
``во-первых… во-вторых…``, ``第一，…`` against ``Во-первых,…``, and an
interview where Chinese numbers each question ``5、`` while Russian opens
it with a dash.  A label is a position in a list, not a figure: the
number check leaves it alone, the list check compares positions, and the
aligner takes a shared position as an anchor.

:func:`list_labels` finds the labels of one text.  A label is *block*
level when it opens the text or a line (``2.``, ``二、``, ``（三）``,
``а)``, a dash opening a turn of an interview), *inline* when it stands
after a clause boundary inside running text (``一是``, ``第二，``,
``во-вторых``, ``2)``).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

#: Chinese numerals of list positions (一 … 九十九).
_HAN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_HAN_NUM = "[一二三四五六七八九十]{1,3}"

#: Russian ordinal adverbs: во-первых, во-вторых, в-третьих …
RU_ADVERBS = {
    "первых": 1, "вторых": 2, "третьих": 3, "четвертых": 4, "четвёртых": 4, "пятых": 5,
    "шестых": 6, "седьмых": 7, "восьмых": 8, "девятых": 9, "десятых": 10,
}
_RU_LETTERS = "абвгдежзиклмн"
_LAT_LETTERS = "abcdefghijklmn"

#: Where a block label may stand: the start of the text or of a line.
_BOL = r"(?:^|(?<=\n))[ \t\u3000]*"
#: Where an inline label may stand: the start, or after a clause boundary.
_CLAUSE = r"(?:^|(?<=[\n，,；;：:。.!?！？]\s*))"

BLOCK = regex.compile(
    _BOL
    + r"(?:"
    # 2. / 2) / 2、 / 2．/ 2） — but not 2.5, 2022. or 2,5
    + r"(?P<arabic>\d{1,2})\s*(?:[.．](?![\d.])|[)）、])"
    + r"|(?P<hanlist>" + _HAN_NUM + r")\s*[、．.]"
    + r"|[（(]\s*(?P<paren>" + _HAN_NUM + r"|\d{1,2})\s*[）)]"
    + r"|(?P<letter>[" + _RU_LETTERS + _LAT_LETTERS + r"])\)"
    + r"|(?P<dash>[—–-]{1,2})(?=\s*\S)"
    + r")",
    regex.V1,
)

INLINE = regex.compile(
    _CLAUSE
    + r"(?:"
    + r"(?P<shi>" + _HAN_NUM + r")是"
    + r"|第(?P<di>" + _HAN_NUM + r")(?=[，,、：:])"
    + r"|(?P<first>首先)(?=[，,])"
    + r"|(?i:(?P<ruadv>во-первых|в[оo]?-(?:вторых|третьих|четв[её]ртых|пятых|шестых|седьмых|восьмых|девятых|десятых)))"
    + r")",
    regex.V1,
)
#: ``1) … 2) …`` inside running text: labels only when they run in
#: sequence (a lone ``5)`` may close a parenthesis).
INLINE_ARABIC = regex.compile(r"(?<=[\s:;,]|^)(?P<inlarabic>\d{1,2})\)(?=\s)")


@dataclass(frozen=True, slots=True)
class ListLabel:
    """One list label: its span, its position in the list (None for a dash
    opening a turn), its scheme (``arabic``, ``han``, ``paren``,
    ``letter``, ``dash``, ``shi``, ``di``, ``adverb``) and whether it
    opens a line (``block``)."""

    start: int
    end: int
    position: int | None
    scheme: str
    block: bool
    text: str


def han_value(s: str) -> int | None:
    """一 → 1, 十 → 10, 十二 → 12, 二十三 → 23; None if not a numeral."""
    if not s or any(c not in _HAN_DIGITS and c != "十" for c in s):
        return None
    if "十" not in s:
        return _HAN_DIGITS[s] if len(s) == 1 else None
    tens, _, units = s.partition("十")
    if "十" in units or len(tens) > 1 or len(units) > 1:
        return None
    t = _HAN_DIGITS[tens] if tens else 1
    u = _HAN_DIGITS[units] if units else 0
    return t * 10 + u


#: What a block label's first character may be (besides digits).
_BLOCK_START = frozenset("一二三四五六七八九十(（—–-" + _RU_LETTERS + _LAT_LETTERS)
#: Text without one of these has no inline label.
_INLINE_NEEDS = ("是", "第", "首先", "-")


def _may_hold_block(text: str) -> bool:
    """False when no block label can open ``text``: it is one line whose
    first character after the indent cannot begin a label.  The search
    for block labels tries every position, and this is most texts."""
    if "\n" in text:
        return True
    head = text.lstrip(" \t\u3000")[:1]
    return head in _BLOCK_START or head.isdigit()


def _block_position(m: regex.Match[str]) -> tuple[int | None, str]:
    """The position and scheme of a block label (no position for a dash
    opening a turn of an interview)."""
    if m.group("arabic"):
        return int(m.group("arabic")), "arabic"
    if m.group("hanlist"):
        return han_value(m.group("hanlist")), "han"
    if m.group("paren"):
        raw = m.group("paren")
        return (int(raw) if raw.isdigit() else han_value(raw)), "paren"
    if m.group("letter"):
        ch = m.group("letter")
        alphabet = _RU_LETTERS if ch in _RU_LETTERS else _LAT_LETTERS
        return alphabet.index(ch) + 1, "letter"
    return None, "dash"


def _inline_label(m: regex.Match[str]) -> tuple[int | None, str, int]:
    """The position, scheme and start of an inline label: ``一是`` starts
    at its numeral, ``第二`` at ``第``, ``首先`` and ``во-вторых`` at the
    word, after the clause boundary the match may take."""
    if m.group("shi"):
        return han_value(m.group("shi")), "shi", m.start("shi")
    if m.group("di"):
        return han_value(m.group("di")), "di", m.start()
    if m.group("first"):
        return 1, "di", m.start("first")
    word = m.group("ruadv").lower().split("-", 1)[1]
    return RU_ADVERBS.get(word), "adverb", m.start("ruadv")


def _overlaps_any(m: regex.Match[str], taken: list[tuple[int, int]]) -> bool:
    return any(a < m.end() and m.start() < b for a, b in taken)


def _block_labels(text: str, taken: list[tuple[int, int]]) -> list[ListLabel]:
    """Labels opening the text or a line; their spans go to ``taken``."""
    out = []
    for m in BLOCK.finditer(text) if _may_hold_block(text) else ():
        start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
        pos, scheme = _block_position(m)
        if scheme != "dash" and not pos:
            continue
        out.append(ListLabel(start, m.end(), pos, scheme, True, text[start : m.end()]))
        taken.append((start, m.end()))
    return out


def _inline_labels(text: str, taken: list[tuple[int, int]]) -> list[ListLabel]:
    """Labels after a clause boundary (``一是``, ``第二，``,
    ``во-вторых``) outside ``taken``, to which their spans are added."""
    out = []
    for m in INLINE.finditer(text) if any(n in text for n in _INLINE_NEEDS) else ():
        if _overlaps_any(m, taken):
            continue
        pos, scheme, s = _inline_label(m)
        if not pos:
            continue
        e = m.end()
        out.append(ListLabel(s, e, pos, scheme, s == 0, text[s:e]))
        taken.append((s, e))
    return out


def _inline_arabic_labels(text: str, taken: list[tuple[int, int]]) -> list[ListLabel]:
    """``1) … 2) …`` in running text outside ``taken``: only numbers that
    have a neighbour (one more or one less) among them."""
    run = [m for m in (INLINE_ARABIC.finditer(text) if ")" in text else ()) if not _overlaps_any(m, taken)]
    values = {int(m.group("inlarabic")) for m in run}
    out = []
    for m in run:
        v = int(m.group("inlarabic"))
        if v + 1 in values or v - 1 in values:
            out.append(ListLabel(m.start(), m.end(), v, "arabic", m.start() == 0, m.group(0)))
    return out


def list_labels(text: str) -> list[ListLabel]:
    """The list labels of ``text`` in reading order (either language).
    Block labels are found first, then inline ones where no label is."""
    taken: list[tuple[int, int]] = []
    out = _block_labels(text, taken)
    out += _inline_labels(text, taken)
    out += _inline_arabic_labels(text, taken)
    out.sort(key=lambda x: x.start)
    return out


def leading_label(text: str) -> ListLabel | None:
    """The label that opens ``text``, if any."""
    for lab in list_labels(text):
        if lab.block and not text[: lab.start].strip():
            return lab
        break
    return None


__all__ = ["ListLabel", "han_value", "leading_label", "list_labels"]
