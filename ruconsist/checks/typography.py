"""Typography of each side: punctuation width, quotes, brackets, doubled
words, mixed-script words, and (as a house-style option) spacing between
Chinese and Latin or digits.

All findings here are warnings of category ``style``, one per occurrence.
Code, URLs, e-mail addresses, markup and placeholders are never touched.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ruconsist.checks.base import Check, PairContext
from ruconsist.diagnostic import Diagnostic, Severity
from ruconsist.document import SegmentPair, Side
from ruconsist.lang.han import HAN_CHAR, HAN_RANGES

_HAN = HAN_CHAR
_CJK_PUNCT = re.compile(r"[\u3001-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]")
_CYR = re.compile(r"[А-ЯЁа-яё]")

#: Spans no typography rule may touch.  Every repeated part stops at a
#: character that can start the next try (an e-mail address starts after
#: a word, a link target stops at a bracket), so that a text of thousands
#: of ``](`` or one long word is scanned in linear time.
PROTECTED = re.compile(
    r"""
    (?:https?|ftp)://[^\s<>"'，。、；：！？）》」]+
  | www\.[^\s<>"'，。、；：！？）》」]+
  | (?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+
  | `[^`\n]*`
  | <[A-Za-z/!?][^<>\n]*>
  | &(?:[A-Za-z]+|\#\d+|\#x[0-9A-Fa-f]+);
  | !?\[[^\]\n]*\]\([^()\s]*\)
  | \]\([^()\s]*\)
  | \{\{?[A-Za-z_][\w.]*\}\}?
  | %\([A-Za-z_]\w*\)[sdifr]
  | \$\{?[A-Za-z_]\w*\}?
  | (?<![\w])[A-Za-z]:\\[^\s]*
    """,
    re.X,
)

#: The inside of parentheses that belong to a formula: operands and at
#: least one operator, nothing Chinese.
_FORMULA = re.compile(r"^[\w\s.,]*[+\-*/=^<>×÷±][\w\s.,+\-*/=^<>×÷±]*$", re.ASCII)

HALF_TO_FULL = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "?": "？", "!": "！"}
_HALF_CHARS = "".join(HALF_TO_FULL)


def is_han(ch: str) -> bool:
    return bool(ch) and bool(_HAN.match(ch))


def is_cjk(ch: str) -> bool:
    return bool(ch) and bool(_HAN.match(ch) or _CJK_PUNCT.match(ch))


_URL_START = ("http", "ftp", "www.")


#: Every protected kind has one of these characters (``://``, ``www.``,
#: ``@``, backquotes, markup, entities, links, placeholders, ``C:\``);
#: most sentences have none and need no full scan.
_PROTECTED_GATE = re.compile(r"[:@`<&\[\]{%$]|www\.")


def protected_spans(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    if not _PROTECTED_GATE.search(text):
        return out
    for m in PROTECTED.finditer(text):
        a, b = m.span()
        if m.group().startswith(_URL_START):
            # A URL ends before the punctuation that follows it, and before
            # a closing parenthesis it did not open: (https://x.org/a).
            while b > a and text[b - 1] in ".,;:!?)":
                if text[b - 1] == ")" and text[a:b].count("(") >= text[a:b].count(")"):
                    break
                b -= 1
        out.append((a, b))
    return out


class _Mask:
    """Fast "is this offset protected?" for one text, computed the first
    time it is asked (most texts have no mark to ask about)."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._flags: bytearray | None = None

    @property
    def flags(self) -> bytearray:
        if self._flags is None:
            flags = bytearray(len(self._text))
            for a, b in protected_spans(self._text):
                flags[a:b] = b"\x01" * (b - a)
            self._flags = flags
        return self._flags

    def __call__(self, i: int) -> bool:
        flags = self.flags
        return 0 <= i < len(flags) and bool(flags[i])


_FINDERS: dict[str, re.Pattern[str]] = {}


def _positions(text: str, chars: str) -> list[int]:
    """Offsets of the characters of ``chars`` in ``text``: the loops below
    visit only the marks they act on, not every character."""
    rx = _FINDERS.get(chars)
    if rx is None:
        rx = _FINDERS[chars] = re.compile("[" + re.escape(chars) + "]")
    return [m.start() for m in rx.finditer(text)]


def segment_spans(side: Side) -> list[tuple[int, int]]:
    """Offsets of each segment (paragraph) inside ``side.text``."""
    out = []
    pos = 0
    for seg in side.segments:
        out.append((pos, pos + len(seg.text)))
        pos += len(seg.text) + 1
    return out


def _option(ctx: PairContext, key: str) -> Any:
    options = getattr(ctx.config, "options", None) or {}
    return options.get(key)


class _Typography(Check):
    """Runs ``scan`` over each side present in a bead, including beads
    with one side only (their typography is still checkable)."""

    category = "style"
    severity = Severity.WARNING
    langs: tuple[str, ...] = ("ru", "zh")

    def check(self, bead: SegmentPair, ctx: PairContext) -> Iterator[Diagnostic]:
        for lang in self.langs:
            side = bead.side(lang)
            if side:
                yield from self.scan(bead, lang, side.text, ctx)

    def finish_pair(self, ctx: PairContext) -> Iterator[Diagnostic]:
        checked = {id(b) for b in ctx.beads}
        for bead in ctx.state.get("all_beads", ()):
            if id(bead) in checked or bead.memo.get("skip") or (bead.ru and bead.zh):
                continue
            yield from self.check(bead, ctx)

    def scan(self, bead: SegmentPair, lang: str, text: str, ctx: PairContext) -> Iterator[Diagnostic]:
        return iter(())


# --------------------------------------------------------------------------
# TYP001


def halfwidth_marks(text: str) -> list[int]:
    """Offsets of half-width ``, : ; ( ) ? !`` that stand next to Chinese
    characters, outside numbers (``1,500``, ``16:40``), code, URLs and
    markup.  A pair of parentheses goes together: if one is next to
    Chinese, both are reported."""
    mask = _Mask(text)
    hits: set[int] = set()
    opens: list[int] = []
    pairs: dict[int, int] = {}
    for i in _positions(text, "()\n"):
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
        if _FORMULA.match(text[a + 1:b]):
            # (n + 1)2: a formula keeps its half-width parentheses.
            mask.flags[a] = mask.flags[b] = 1
    for i in _positions(text, _HALF_CHARS):
        c = text[i]
        if mask(i):
            continue
        p = text[i - 1] if i > 0 else ""
        n = text[i + 1] if i + 1 < len(text) else ""
        if c in ",:" and p.isdigit() and n.isdigit():
            continue
        if (c in ")(" and p in ":;") or (c in ":;" and n in ")(" and text[i + 2:i + 3] in ("", " ", "\n", "\t")):
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
    mask = _Mask(text)
    return [i for i in _positions(text, "".join(FULL_TO_HALF)) if not mask(i)]


class HalfWidthPunctuation(_Typography):
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
    langs = ("zh",)

    def begin_pair(self, ctx: PairContext) -> None:
        style = str(_option(ctx, PUNCTUATION_OPTION) or "auto")
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

    def scan(self, bead: SegmentPair, lang: str, text: str, ctx: PairContext) -> Iterator[Diagnostic]:
        style, first = ctx.state.get(self.code) or ("full", None)
        if style == "full":
            for i in halfwidth_marks(text):
                c = text[i]
                full = HALF_TO_FULL[c]
                yield self.report(
                    bead, lang, i, i + 1,
                    f"ZH half-width {c!r} next to Chinese text: expected full-width {full!r}",
                    expected=full, found=c, fix=(i, i + 1, full),
                )
            return
        if first is not None:
            index, i, n_half, n_full = first
            if bead.index == index:
                yield self.report(
                    bead, lang, i, i + 1,
                    f"ZH file uses ASCII punctuation throughout ({n_half} half-width marks next to Chinese,"
                    f" {n_full} full-width): reported once; set 'zh-punctuation: ascii' in the options to"
                    " accept it, or 'full' to list every mark",
                    expected=HALF_TO_FULL[text[i]], found=text[i],
                )
        for i in fullwidth_marks(text):
            c = text[i]
            half = FULL_TO_HALF[c]
            yield self.report(
                bead, lang, i, i + 1,
                f"ZH full-width {c!r} in text that uses ASCII punctuation: expected {half!r} as elsewhere",
                expected=half, found=c,
            )


# --------------------------------------------------------------------------
# Quotes: pairing shared by TYP002 and TYP003


#: What stands before an opening ASCII quote and after a closing one;
#: Chinese punctuation too (他说："…"，), so that a quotation spanning two
#: lines of a line-aligned file pairs across them.
_OPENING_CONTEXT = set(" \t\n\u00a0([{«„“—–-:/：，（【《「") | {""}
_CLOSING_CONTEXT = set(" \t\n\u00a0)]}»“”.,;:!?…—–-，。；：！？）】》」、") | {""}


def ascii_quote_pairs(text: str, mask: _Mask | None = None) -> tuple[list[tuple[int, int]], list[tuple[int, bool]]]:
    """Pairs of ASCII double quotes in one paragraph, and the unpaired
    ones with whether each looks like an opening quote.  A quote after a
    space opens, one before a space or punctuation closes; in between,
    quotes alternate."""
    mask = mask or _Mask(text)
    pairs: list[tuple[int, int]] = []
    lone: list[tuple[int, bool]] = []
    open_at: int | None = None
    for i in _positions(text, '\n"'):
        c = text[i]
        if c == "\n":
            if open_at is not None:
                lone.append((open_at, True))
            open_at = None
            continue
        if mask(i):
            continue
        p = text[i - 1] if i > 0 else ""
        n = text[i + 1] if i + 1 < len(text) else ""
        opening = p in _OPENING_CONTEXT and n not in (" ", "\t", "\n", "")
        closing = n in _CLOSING_CONTEXT and p not in (" ", "\t", "")
        if open_at is None:
            if closing and not opening:
                lone.append((i, False))
            else:
                open_at = i
        else:
            pairs.append((open_at, i))
            open_at = None
    if open_at is not None:
        lone.append((open_at, True))
    return pairs, lone


def typographic_pairs(text: str, opener: str, closer: str, mask: _Mask) -> tuple[list[tuple[int, int]], list[int]]:
    """Nested pairs of ``opener``/``closer`` within each line; unmatched
    offsets returned separately."""
    pairs: list[tuple[int, int]] = []
    lone: list[int] = []
    if opener not in text and closer not in text:
        return pairs, lone
    stack: list[int] = []
    for i in _positions(text, "\n" + opener + closer):
        c = text[i]
        if c == "\n":
            lone.extend(stack)
            stack.clear()
        elif mask(i):
            continue
        elif c == opener:
            stack.append(i)
        elif c == closer:
            if stack:
                pairs.append((stack.pop(), i))
            else:
                lone.append(i)
    lone.extend(stack)
    return pairs, sorted(lone)


def _inside(pos: int, pairs: list[tuple[int, int]]) -> bool:
    return any(a < pos < b for a, b in pairs)


class WrongQuotes(_Typography):
    """Quotes in the style of the language: Russian uses « » (inner „ “),
    Chinese uses “ ” (or 「」).  ASCII ``"…"`` on either side, ``“…”``
    in Russian outside « », and « » in Chinese are reported once per
    quoted span, with a fix that rewrites the pair.

    House style options: ``ru-quotes`` (``«»`` by default; ``“”`` makes
    English-style quotes the norm; ``off`` disables the Russian side) and
    ``zh-quotes`` (``“”`` by default; ``「」``; ``off``).

    Examples
      PASS  RU «он сказал: «Да»»       ZH «他说：“是的”»
      FAIL  RU «он сказал: "Да"»       ZH «他说：“是的”»   -> TYP002
      FAIL  RU «он сказал: «Да»»       ZH «他说："是的"»   -> TYP002
    """

    code = "TYP002"
    slug = "wrong-quotes"

    def scan(self, bead: SegmentPair, lang: str, text: str, ctx: PairContext) -> Iterator[Diagnostic]:
        style = str(_option(ctx, f"{lang}-quotes") or ("«»" if lang == "ru" else "“”"))
        if style in ("off", "any"):
            return
        want = (style[0], style[-1]) if len(style) >= 2 else (("«", "»") if lang == "ru" else ("“", "”"))
        mask = _Mask(text)
        letters = _CYR if lang == "ru" else _HAN
        spans: list[tuple[int, int, str]] = []
        singles: list[int] = []
        for a, b in segment_spans(bead.side(lang)):
            para = text[a:b]
            quotes = [i for i in _positions(para, '"') if not mask(a + i)]
            if len(quotes) % 2:
                # Which quote is the stray one is a guess: report each
                # quote, rewrite none.
                singles.extend(a + i for i in quotes)
            else:
                ascii_pairs, _ = ascii_quote_pairs(para, _Mask(para))
                for x, y in ascii_pairs:
                    if any(para[x + 1:y].count(o) != para[x + 1:y].count(c) for o, c in ("“”", "«»", "„“")):
                        # Other quotes cross this pair ("我认为“ye"): the
                        # pairing is a guess, so no rewrite.
                        singles.extend((a + x, a + y))
                    else:
                        spans.append((a + x, a + y, '"'))
        wrong = [("«", "»"), ("“", "”")] if lang == "ru" else [("«", "»"), ("“", "”"), ("「", "」")]
        guillemets, _ = typographic_pairs(text, "«", "»", mask)
        for o, c in wrong:
            if (o, c) == want:
                continue
            found, _ = typographic_pairs(text, o, c, mask)
            for a, b in found:
                if lang == "ru" and o == "“" and _inside(a, guillemets):
                    continue  # second-level quotes inside « »
                if lang == "zh" and o == "「" and want == ("“", "”"):
                    continue  # 「」 is accepted alongside “”
                spans.append((a, b, o))
        for i in sorted(singles):
            near = text[max(0, i - 2):i + 3]
            if not letters.search(near):
                continue
            yield self.report(
                bead, lang, i, i + 1,
                f"{lang.upper()} ASCII quote '\"': house style is {want[0]}…{want[1]}",
                expected=f"{want[0]}…{want[1]}", found='"',
            )
        for a, b, kind in sorted(spans):
            inner = text[a + 1:b]
            near = text[max(0, a - 1):b + 2]
            if not letters.search(inner) and not (lang == "zh" and _HAN.search(near)):
                continue
            if lang == "ru" and want == ("«", "»"):
                inner = inner.replace("«", "„").replace("»", "“")
            replacement = f"{want[0]}{inner}{want[1]}"
            shown = text[a:b + 1]
            if len(shown) > 40:
                shown = shown[:18] + "…" + shown[-18:]
            yield self.report(
                bead, lang, a, b + 1,
                f"{lang.upper()} quotes {kind}…{text[b]} in {shown!r}: house style is {want[0]}…{want[1]}",
                expected=f"{want[0]}…{want[1]}", found=f"{text[a]}…{text[b]}",
                fix=(a, b + 1, replacement),
            )


# --------------------------------------------------------------------------
# TYP003


BRACKETS = {
    "ru": [("(", ")"), ("[", "]"), ("{", "}"), ("«", "»")],
    "zh": [("(", ")"), ("（", "）"), ("[", "]"), ("【", "】"), ("{", "}"), ("《", "》"),
           ("〈", "〉"), ("“", "”"), ("「", "」"), ("『", "』"), ("«", "»")],
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


def lone_marks(text: str, lang: str, mask: _Mask | None = None) -> list[LoneMark]:
    """Brackets and quotes of one paragraph with no partner in it."""
    mask = mask or _Mask(text)
    out: list[LoneMark] = []
    for o, c in BRACKETS[lang]:
        if o not in text and c not in text:
            continue
        _, lone = typographic_pairs(text, o, c, mask)
        for i in lone:
            if text[i] == ")" and _LIST_MARKER.search(text[max(0, i - 5):i + 1]):
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
            partner = next((j for j in range(k + 1, len(marks)) if j not in drop
                            and not marks[j].opening and marks[j].key in _QUOTE_KEYS), None)
        else:
            partner = next((j for j in range(k - 1, -1, -1) if j not in drop
                            and marks[j].opening and marks[j].key in _QUOTE_KEYS), None)
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
                k = next((k for k in range(len(carry) - 1, -1, -1) if carry[k][2].key == mark.closes), None)
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
                k = next((k for k in range(len(carry) - 1, -1, -1) if _closes(mark, carry[k][2])), None)
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


def _ru_curly(text: str, mask: _Mask) -> list[LoneMark]:
    """Russian „…“ and English-style “…” share “: it closes „ and opens
    “…”."""
    stack: list[tuple[int, str]] = []
    lone: list[LoneMark] = []
    for i in _positions(text, "\n„“”"):
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


def _zh_single(text: str, mask: _Mask) -> list[LoneMark]:
    """‘…’ in Chinese; ’ after a Latin letter is an apostrophe."""
    stack: list[int] = []
    lone: list[LoneMark] = []
    for i in _positions(text, "\n‘’"):
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
    "„": "“", "‘": "’", "’": "‘", '"': '"',
}


class UnbalancedBrackets(_Typography):
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
    context_beads = CARRY + 1

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
            bead, lang, off + m.pos, off + m.pos + 1,
            f"{lang.upper()} {m.char!r} has {what}",
            found=m.char, expected=partner,
        )


# --------------------------------------------------------------------------
# TYP004


_DOUBLED = re.compile(r"(?<![\w\-‑])([А-Яа-яЁё]+)([ \t\u00a0]+)(\1)(?![\w\-‑])", re.I)


def doubled_words(text: str) -> list[tuple[int, int, int]]:
    """(start, end of the first word, end of the second) of each Russian
    word written twice in a row (``в в``).  Names (both words
    capitalised: ``Бора Бора``) are not reported; Latin words are left
    alone (``had had`` is English grammar, ``Canada plus plus`` a name)."""
    out = []
    mask = _Mask(text)
    for m in _DOUBLED.finditer(text):
        w1, w2 = m.group(1), m.group(3)
        if mask(m.start()) or mask(m.end(3) - 1):
            continue
        if w1[:1].isupper() and w2[:1].isupper():
            continue
        out.append((m.start(), m.end(1), m.end(3)))
    return out


class DoubledWord(_Typography):
    """A Russian word written twice in a row (``в в``, ``что что``) is
    almost always a slip; the fix deletes the second one.  Words
    capitalised twice are names (``Бора Бора``), Russian reduplication
    takes a hyphen (``чуть-чуть``), and Chinese reduplication (``谢谢``,
    ``常常``) is grammar, so none of these is reported.

    Examples
      PASS  RU «чуть-чуть больше»        ZH «多一点点»
      FAIL  RU «встреча в в Пекине»      ZH «在北京会晤»   -> TYP004
    """

    code = "TYP004"
    slug = "doubled-word"
    langs = ("ru",)

    def scan(self, bead: SegmentPair, lang: str, text: str, ctx: PairContext) -> Iterator[Diagnostic]:
        for a, first_end, b in doubled_words(text):
            word = text[a:first_end]
            yield self.report(
                bead, lang, a, b,
                f"{lang.upper()} word {word!r} is written twice: {text[a:b]!r}",
                expected=word, found=text[a:b], fix=(first_end, b, ""),
            )


# --------------------------------------------------------------------------
# TYP005


LATIN_TO_CYRILLIC = dict(zip("AaBCcEeHKkMOoPpTXxYy", "АаВСсЕеНКкМОоРрТХхУу"))
CYRILLIC_TO_LATIN = {v: k for k, v in LATIN_TO_CYRILLIC.items()}
#: Latin and Cyrillic letters of any language, so that a word in another
#: alphabet of these scripts (or mojibake) stays whole.
_WORD = re.compile(r"[A-Za-z\u00c0-\u024f\u0400-\u04ff]+")
_RU_OR_LATIN = re.compile(r"^[A-Za-zА-Яа-яЁё]+$")


def mixed_script_words(text: str, lang: str) -> list[tuple[int, int, str]]:
    """(start, end, corrected word) of words mixing Latin and Cyrillic
    look-alike letters (``Meжду`` with a Latin M, ``Officе`` with a
    Cyrillic е).  The majority script wins; a tie goes to the side's
    language.  Words with a letter that has no look-alike (``Яndex``) are
    deliberate and left alone."""
    out = []
    mask = _Mask(text)
    for m in _WORD.finditer(text):
        w = m.group()
        if not _RU_OR_LATIN.match(w):
            continue  # another script or mojibake (KГјlГјg): not a look-alike slip
        cyr = len(_CYR.findall(w))
        lat = len(w) - cyr
        if not cyr or not lat or mask(m.start()):
            continue
        to_cyr = cyr > lat or (cyr == lat and lang == "ru")
        if to_cyr:
            if not all(c in LATIN_TO_CYRILLIC for c in w if not _CYR.match(c)):
                continue
            fixed = "".join(LATIN_TO_CYRILLIC.get(c, c) if not _CYR.match(c) else c for c in w)
        else:
            if not all(c in CYRILLIC_TO_LATIN for c in w if _CYR.match(c)):
                continue
            fixed = "".join(CYRILLIC_TO_LATIN.get(c, c) if _CYR.match(c) else c for c in w)
        out.append((m.start(), m.end(), fixed))
    return out


class MixedScript(_Typography):
    """A Russian word with a Latin look-alike letter inside (``Meжду`` with
    Latin ``M``, ``cлучаях`` with Latin ``c``), or a Latin word with a
    Cyrillic one (``Officе``), looks right but defeats search, spelling
    and term matching.  The fix replaces the odd letters by the word's
    own script.

    Examples
      PASS  RU «Между тем»    ZH «与此同时»
      FAIL  RU «Meжду тем»    ZH «与此同时»   -> TYP005
    """

    code = "TYP005"
    slug = "mixed-script"

    def scan(self, bead: SegmentPair, lang: str, text: str, ctx: PairContext) -> Iterator[Diagnostic]:
        for a, b, fixed in mixed_script_words(text, lang):
            word = text[a:b]
            odd = "".join(sorted({c for c, f in zip(word, fixed) if c != f}))
            script = "Latin" if _CYR.match(fixed[0]) else "Cyrillic"
            yield self.report(
                bead, lang, a, b,
                f"{lang.upper()} word {word!r} has {script} look-alike letters {odd!r}: expected {fixed!r}",
                expected=fixed, found=word, fix=(a, b, fixed),
            )


# --------------------------------------------------------------------------
# TYP006 (house-style option)


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
    mask = _Mask(text)
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


class ZhSpacing(_Typography):
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
    langs = ("zh",)

    def scan(self, bead: SegmentPair, lang: str, text: str, ctx: PairContext) -> Iterator[Diagnostic]:
        style = _option(ctx, SPACING_OPTION)
        if style not in ("none", "space"):
            return
        for a, b, rep in spacing_issues(text, style):
            if style == "none":
                msg = "ZH space between Chinese and Latin/digits: house style (zh-spacing: none) writes none"
            else:
                msg = "ZH no space between Chinese and Latin/digits: house style (zh-spacing: space) wants one"
            lo, hi = max(0, a - 1), min(len(text), b + 1)
            yield self.report(
                bead, lang, lo, hi, msg,
                expected=text[lo:a] + rep + text[b:hi], found=text[lo:hi], fix=(a, b, rep),
            )


CHECKS = [HalfWidthPunctuation, WrongQuotes, UnbalancedBrackets, DoubledWord, MixedScript, ZhSpacing]
