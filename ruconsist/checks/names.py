"""NAM001: format of foreign names in Chinese (the separator ``·``)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ruconsist.checks.base import Check, PairContext
from ruconsist.diagnostic import Diagnostic, Severity
from ruconsist.document import SegmentPair
from ruconsist.lang.han import is_han
from ruconsist.lang.palladius import HAN_RUN, Table, table_from_rules
from ruconsist.rules import RuleSet

MIDDLE_DOT = "\u00b7"
#: Separators that join nothing but name parts when they stand between
#: two runs of transliteration characters.
STRONG_SEPARATORS = frozenset("\u2022\u30fb\uff0e.*\u2027\uff65\u2219\u22c5\uff0a\u25cf\u2218")
#: Separators a region writes for ``·``: Taiwan's and Hong Kong's ``‧``.
REGIONAL_SEPARATORS = {"TW": "\u2027", "HK": "\u2027"}
#: Separators that also join other things (中国-东盟, a space in a
#: headline): a name only when the left run is a known given name or the
#: pair is a name of the rule packs.
WEAK_SEPARATORS = frozenset("-\uff0d\u2010\u2011 \u3000\u00a0")
@dataclass(frozen=True)
class NameTables:
    translit: frozenset[str]
    given: frozenset[str]
    #: (given name, surname) pairs of the packs' personal names.
    pairs: frozenset[tuple[str, str]]
    #: Chinese forms of places and organizations (巴黎, 北约): a run that
    #: is one of them is not a name part.
    not_names: frozenset[str]


def name_tables(rules: RuleSet) -> NameTables:
    def build() -> NameTables:
        table: Table = table_from_rules(rules)
        pairs: set[tuple[str, str]] = set()
        given = set(table.given_names)
        not_names: set[str] = set()
        for term in rules.terms:
            for form in term.zh:
                if term.category == "name" and MIDDLE_DOT in form:
                    parts = form.split(MIDDLE_DOT)
                    pairs.update(zip(parts, parts[1:]))
                    given.update(parts[:-1])
                elif term.category in ("place", "organization") and HAN_RUN.fullmatch(form):
                    not_names.add(form)
        return NameTables(table.translit_chars, frozenset(given), frozenset(pairs), frozenset(not_names))

    return rules.cached("names.tables", build)  # type: ignore[no-any-return]


@dataclass(frozen=True)
class BadSeparator:
    """``text[left:right]`` is a foreign name whose parts are joined at
    the offsets ``seps`` by something other than the middle dot."""

    left: int
    seps: tuple[int, ...]
    right: int

    def fixed(self, text: str) -> str:
        chars = list(text[self.left:self.right])
        for i in self.seps:
            chars[i - self.left] = MIDDLE_DOT
        return "".join(chars)


def _left_part(text: str, sep: int, t: NameTables) -> int:
    """Start of the name part ending at ``sep``: the transliteration
    characters (or a known given name) right before it."""
    k = sep
    while k > 0 and is_han(text[k - 1]) and text[k - 1] in t.translit:
        k -= 1
    run_start = sep
    while run_start > 0 and is_han(text[run_start - 1]):
        run_start -= 1
    for g in t.given:
        if len(g) > sep - k and text[max(run_start, sep - len(g)):sep] == g:
            k = sep - len(g)
    return k


#: Transliteration characters that are also Chinese function words: one
#: of them after a name is the sentence going on (普京于2026年访华: "Putin,
#: in 2026, …"), never the end of a foreign name part.
NOT_A_NAME_END = frozenset("于")


def _right_part(text: str, sep: int, t: NameTables) -> int:
    k = sep + 1
    while k < len(text) and is_han(text[k]) and text[k] in t.translit:
        k += 1
    while k > sep + 2 and text[k - 1] in NOT_A_NAME_END:
        k -= 1
    return k


def bad_separators(text: str, t: NameTables) -> list[BadSeparator]:
    """Name separators other than ``·`` in Chinese text: ``弗拉基米尔*普京``,
    ``乔•拜登``, ``弗拉基米尔 普京``."""
    out: list[BadSeparator] = []
    for i, ch in enumerate(text):
        strong = ch in STRONG_SEPARATORS
        if not strong and ch not in WEAK_SEPARATORS:
            continue
        if i == 0 or i + 1 >= len(text) or not is_han(text[i - 1]) or not is_han(text[i + 1]):
            continue
        a = _left_part(text, i, t)
        b = _right_part(text, i, t)
        left, right = text[a:i], text[i + 1:b]
        if not left or not right or len(left) + len(right) < 3:
            continue
        if any(left.endswith(p) for p in t.not_names) or any(right.startswith(p) for p in t.not_names):
            continue
        if not strong:
            known_given = any(left.endswith(g) for g in t.given)
            known_pair = any(left.endswith(g) and right.startswith(s) for g, s in t.pairs)
            if not (known_given or known_pair):
                continue
        if out and a <= out[-1].right:
            # The next part of the same name (约瑟夫•库隆•德•朱蒙维尔).
            prev = out.pop()
            out.append(BadSeparator(prev.left, (*prev.seps, i), max(b, prev.right)))
        else:
            out.append(BadSeparator(a, (i,), b))
    return out


class NameSeparator(Check):
    """A foreign personal name written in Chinese separates its parts with
    the middle dot ``·`` (U+00B7): ``弗拉基米尔·普京``, ``乔·拜登``.  Look-alikes
    seen in practice (``•`` U+2022, ``・`` U+30FB, ``．`` U+FF0E, ``.``,
    ``*``, ``-``, a space) are errors with a fix.

    Taiwan and Hong Kong text (``X.zh-TW.md``, ``zh_HK.po``) writes the
    interpunct as ``‧`` (U+2027, the one of the Big5 character set their
    text long was in): there it is no error.

    A separator counts as a name separator when both neighbours are runs
    of the characters Chinese uses to transliterate foreign names (the
    ``transliteration`` vocabulary of ``rules/palladius.yaml``).  A hyphen
    or a space also joins other things (``中国-东盟``), so there the left
    part must be a known given name (``弗拉基米尔``, ``谢尔盖``) or the pair a
    name of the rule packs.  Places and organizations of the packs are
    never name parts (``巴黎•伦敦`` is a list).

    Examples
      PASS  RU «Владимир Путин»   ZH «弗拉基米尔·普京»
      PASS  RU «Китай — АСЕАН»    ZH «中国-东盟»
      FAIL  RU «Владимир Путин»   ZH «弗拉基米尔*普京»   -> NAM001
      FAIL  RU «Джо Байден»       ZH «乔•拜登»           -> NAM001
    """

    code = "NAM001"
    slug = "name-separator"
    category = "name"
    severity = Severity.ERROR

    def check(self, bead: SegmentPair, ctx: PairContext) -> Iterator[Diagnostic]:
        text = bead.zh.text
        if not any(c in text for c in STRONG_SEPARATORS | WEAK_SEPARATORS):
            return
        t = name_tables(ctx.rules)
        regional = REGIONAL_SEPARATORS.get(getattr(ctx.zh_doc, "region", None) or "", "")
        for bad in bad_separators(text, t):
            seps = "".join(dict.fromkeys(text[i] for i in bad.seps))
            if regional and all(c in regional for c in seps):
                continue
            codes = ", ".join(f"{c!r} (U+{ord(c):04X})" for c in seps)
            name = text[bad.left:bad.right]
            fixed = bad.fixed(text)
            yield self.report(
                bead,
                "zh",
                bad.left,
                bad.right,
                f"ZH name '{name}' joins its parts with {codes}; Chinese uses '·' (U+00B7): '{fixed}'",
                expected=fixed,
                found=name,
                fix=(bad.left, bad.right, fixed),
            )


CHECKS = [NameSeparator]
