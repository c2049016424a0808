"""TYP003: brackets and quotation marks left unbalanced."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ruconsist.checks.base import PairContext
from ruconsist.checks.typography.common import Mask, TypographyCheck, positions, segment_spans
from ruconsist.checks.typography.quote_pairs import ascii_quote_pairs, typographic_pairs
from ruconsist.diagnostic import Diagnostic
from ruconsist.document import SegmentPair


BRACKETS = {
    "ru": [("(", ")"), ("[", "]"), ("{", "}"), ("«", "»")],
    "zh": [
        ("(", ")"),
        ("（", "）"),
        ("[", "]"),
        ("【", "】"),
        ("{", "}"),
        ("《", "》"),
        ("〈", "〉"),
        ("“", "”"),
        ("「", "」"),
        ("『", "』"),
        ("«", "»"),
    ],
}
#: ``1)``, ``а)``, ``iv)``: list markers whose ``)`` has no ``(``.
_LIST_MARKER = re.compile(r"(?:^|(?<=[\s(;:,.]))(?:\d{1,3}|[a-zа-яё]|[ivx]{1,4})\)$", re.I)


@dataclass(frozen=True)
class LoneMark:
    """A bracket or quote with no partner in its paragraph."""

    pos: int
    char: str
    opening: bool
    #: What pairs with what: the opening mark of the pair.
    key: str
    #: An opening mark that may also close another (Russian “ closes „).
    closes: str = ""


def lone_marks(text: str, lang: str, mask: Mask | None = None) -> list[LoneMark]:
    """Brackets and quotes of one paragraph with no partner in it."""
    mask = mask or Mask(text)
    out: list[LoneMark] = []
    for o, c in BRACKETS[lang]:
        if o not in text and c not in text:
            continue
        _, lone = typographic_pairs(text, o, c, mask)
        for i in lone:
            if text[i] == ")" and _LIST_MARKER.search(text[max(0, i - 5) : i + 1]):
                continue
            if text[i] in "()" and i > 0 and text[i - 1] in ":;=":
                continue
            out.append(LoneMark(i, text[i], text[i] == o, o))
    if lang == "ru":
        out.extend(_ru_curly(text, mask))
    else:
        out.extend(_zh_single(text, mask))
    if '"' in text:
        _, lone = ascii_quote_pairs(text, mask)
        for i, opening in lone:
            if i > 0 and text[i - 1].isdigit():
                continue  # 12" is inches, not a quote
            out.append(LoneMark(i, '"', opening, '"'))
        out = _cancel_mixed(out)
    return sorted(out, key=lambda m: m.pos)


_QUOTE_KEYS = frozenset({"«", "“", "„", "「", "『", "‘"})


def _cancel_mixed(marks: list[LoneMark]) -> list[LoneMark]:
    """An ASCII quote and a typographic one that close each other's
    quotation ("…” or “…") are one wrong quote, which TYP002 reports, not
    two unbalanced ones."""
    marks = sorted(marks, key=lambda m: m.pos)
    drop: set[int] = set()
    for k, m in enumerate(marks):
        if m.char != '"' or k in drop:
            continue
        if m.opening:
            partner = next(
                (
                    j
                    for j in range(k + 1, len(marks))
                    if j not in drop and not marks[j].opening and marks[j].key in _QUOTE_KEYS
                ),
                None,
            )
        else:
            partner = next(
                (
                    j
                    for j in range(k - 1, -1, -1)
                    if j not in drop and marks[j].opening and marks[j].key in _QUOTE_KEYS
                ),
                None,
            )
        if partner is not None:
            drop.update((k, partner))
    return [m for k, m in enumerate(marks) if k not in drop]


def unbalanced(text: str, lang: str) -> list[int]:
    """Offsets of the lone marks of one paragraph."""
    return [m.pos for m in lone_marks(text, lang)]


#: How many paragraphs (or sentence lines) a quotation may run across.
CARRY = 12
#: How many marks may stay open at once.  Prose nests a few; a text of
#: thousands of unclosed brackets would make every closing mark search
#: them all (quadratic), so the oldest open mark beyond this is reported
#: as unbalanced right away.
MAX_OPEN = 64


class Tracker:
    """Pairs lone marks across the paragraphs of one side, fed in reading
    order: a quotation that opens in one paragraph (or sentence line) and
    closes in a later one, and a Russian multi-paragraph quotation (each
    paragraph opens with «, only the last closes), are not unbalanced.

    ``feed`` returns the marks found unbalanced so far, each with the
    token its paragraph was fed with; ``flush`` returns the rest."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.count = 0
        self.carry: list[tuple[int, Any, LoneMark]] = []
        #: How many marks of each key ``carry`` holds, so that a closing
        #: bracket with no opener of its kind open skips the search.
        self.keys: Counter[str] = Counter()

    def _drop(self, k: int) -> tuple[int, Any, LoneMark]:
        item = self.carry.pop(k)
        self.keys[item[2].key] -= 1
        return item

    def feed(self, para: str, token: Any) -> list[tuple[Any, LoneMark]]:
        idx = self.count
        self.count += 1
        out: list[tuple[Any, LoneMark]] = []
        carry = self.carry
        head = para.lstrip(" \t\u00a0—–-")
        if head[:1]:
            for k in range(len(carry) - 1, -1, -1):
                if carry[k][2].char == head[0] and carry[k][2].opening:
                    self._drop(k)  # the quotation goes on in this paragraph
                    break
        for mark in lone_marks(para, self.lang):
            if mark.closes and self.keys[mark.closes] > 0:
                k = next(
                    (k for k in range(len(carry) - 1, -1, -1) if carry[k][2].key == mark.closes),
                    None,
                )
                if k is not None:
                    self._drop(k)
                    continue
            if mark.opening:
                carry.append((idx, token, mark))
                self.keys[mark.key] += 1
                if len(carry) > MAX_OPEN:
                    _, tok, oldest = self._drop(0)
                    out.append((tok, oldest))
                continue
            k = None
            if self.keys[mark.key] > 0 or mark.key in _QUOTE_KEYS or mark.char == '"':
                k = next(
                    (k for k in range(len(carry) - 1, -1, -1) if _closes(mark, carry[k][2])), None
                )
            if k is not None:
                self._drop(k)
            else:
                out.append((token, mark))
        while carry and idx - carry[0][0] >= CARRY:
            _, tok, mark = self._drop(0)
            out.append((tok, mark))
        return out

    def flush(self) -> list[tuple[Any, LoneMark]]:
        out = [(tok, mark) for _, tok, mark in self.carry]
        self.carry = []
        self.keys.clear()
        return out


def _closes(closer: LoneMark, opener: LoneMark) -> bool:
    """Same kind, or an ASCII quote on one side of a quotation that the
    other side opens or closes typographically (wrong, but TYP002 says
    so; the quotation itself is balanced)."""
    if closer.key == opener.key:
        return True
    quotes = _QUOTE_KEYS | {'"'}
    return '"' in (closer.char, opener.char) and closer.key in quotes and opener.key in quotes


def resolve_across(paragraphs: list[str], lang: str) -> list[list[LoneMark]]:
    """Lone marks of each paragraph of one side, after pairing across
    paragraphs (see :class:`Tracker`)."""
    tracker = Tracker(lang)
    result: list[list[LoneMark]] = [[] for _ in paragraphs]
    for i, para in enumerate(paragraphs):
        for tok, mark in tracker.feed(para, i):
            result[tok].append(mark)
    for tok, mark in tracker.flush():
        result[tok].append(mark)
    for marks in result:
        marks.sort(key=lambda m: m.pos)
    return result


def _ru_curly(text: str, mask: Mask) -> list[LoneMark]:
    """Russian „…“ and English-style “…” share “: it closes „ and opens
    “…”."""
    stack: list[tuple[int, str]] = []
    lone: list[LoneMark] = []
    for i in positions(text, "\n„“”"):
        c = text[i]
        if c == "\n":
            lone.extend(LoneMark(p, k, True, k) for p, k in stack)
            stack.clear()
        elif mask(i):
            continue
        elif c == "„":
            stack.append((i, "„"))
        elif c == "“":
            if stack and stack[-1][1] == "„":
                stack.pop()
            else:
                stack.append((i, "“"))
        elif stack:
            stack.pop()
        else:
            lone.append(LoneMark(i, c, False, "“"))
    lone.extend(LoneMark(p, k, True, k, "„" if k == "“" else "") for p, k in stack)
    return lone


def _zh_single(text: str, mask: Mask) -> list[LoneMark]:
    """‘…’ in Chinese; ’ after a Latin letter is an apostrophe."""
    stack: list[int] = []
    lone: list[LoneMark] = []
    for i in positions(text, "\n‘’"):
        c = text[i]
        if c == "\n":
            lone.extend(stack)
            stack.clear()
        elif mask(i):
            continue
        elif c == "‘":
            stack.append(i)
        elif c == "’":
            p = text[i - 1] if i > 0 else ""
            n = text[i + 1] if i + 1 < len(text) else ""
            if p.isascii() and p.isalpha() and (not n or (n.isascii() and n.isalpha()) or n == " "):
                if not stack:
                    continue
            if stack:
                stack.pop()
            else:
                lone.append(LoneMark(i, c, False, "‘"))
    lone.extend(LoneMark(p, "‘", True, "‘") for p in stack)
    return lone


_PARTNER = {
    **{o: c for pairs in BRACKETS.values() for o, c in pairs},
    **{c: o for pairs in BRACKETS.values() for o, c in pairs},
    "„": "“",
    "‘": "’",
    "’": "‘",
    '"': '"',
}


class UnbalancedBrackets(TypographyCheck):
    """Brackets and quotes must pair up within a paragraph: an opening
    ``(``, ``«``, ``《``, ``“`` with no closing partner (or the reverse) is
    reported once per unmatched mark.  List markers (``1)``, ``а)``),
    emoticons, inch marks (``12"``) and Russian multi-paragraph quotations
    (each paragraph opens with « and only the last one closes) are not
    findings.

    Examples
      PASS  RU «Договор (ДСНВ) истекает»   ZH «《新削减战略武器条约》到期»
      FAIL  RU «Договор (ДСНВ истекает»    ZH «条约到期»                -> TYP003
      FAIL  RU «Договор истекает»          ZH «《新削减战略武器条约到期»  -> TYP003
    """

    code = "TYP003"
    slug = "unbalanced-brackets"
    # A mark waits CARRY paragraphs for its partner; every checked bead
    # feeds at least one paragraph per side.
    neighbour_beads = CARRY + 1

    def begin_pair(self, ctx: PairContext) -> None:
        ctx.state[self.code] = {lang: Tracker(lang) for lang in ("ru", "zh")}

    def check(self, bead: SegmentPair, ctx: PairContext) -> Iterator[Diagnostic]:
        # Beads come in reading order; a mark is reported once its
        # paragraph, or a later one, settles that it has no partner.
        trackers: dict[str, Tracker] = ctx.state.setdefault(
            self.code, {lang: Tracker(lang) for lang in ("ru", "zh")}
        )
        for lang in ("ru", "zh"):
            side = bead.side(lang)
            for (a, _b), seg in zip(segment_spans(side), side.segments):
                for (b2, lang2, off), mark in trackers[lang].feed(seg.text, (bead, lang, a)):
                    yield self._lone(b2, lang2, off, mark)

    def finish_pair(self, ctx: PairContext) -> Iterator[Diagnostic]:
        trackers: dict[str, Tracker] = ctx.state.get(self.code, {})
        for tracker in trackers.values():
            for (bead, lang, off), mark in tracker.flush():
                yield self._lone(bead, lang, off, mark)
        # Paragraphs with no counterpart were not fed in order: each on
        # its own.
        checked = {id(b) for b in ctx.beads}
        for bead in ctx.state.get("all_beads", ()):
            if id(bead) in checked or bead.memo.get("skip") or (bead.ru and bead.zh):
                continue
            for lang in ("ru", "zh"):
                side = bead.side(lang)
                for (a, _b), seg in zip(segment_spans(side), side.segments):
                    for mark in lone_marks(seg.text, lang):
                        yield self._lone(bead, lang, a, mark)

    def _lone(self, bead: SegmentPair, lang: str, off: int, m: LoneMark) -> Diagnostic:
        partner = _PARTNER.get(m.char, "?")
        if m.char == '"':
            what = "no partner"
        elif m.opening:
            what = f"no closing {partner!r}"
        else:
            what = f"no opening {partner!r}"
        return self.report(
            bead,
            lang,
            off + m.pos,
            off + m.pos + 1,
            f"{lang.upper()} {m.char!r} has {what}",
            found=m.char,
            expected=partner,
        )
