"""Paired pattern rules: a Russian and a Chinese regular expression whose
matches must answer each other across an aligned segment.

A rule pack's ``patterns:`` section is a list of rules (schema in
``docs/rules.md``)::

    patterns:
      - id: article-ref
        description: an article reference keeps its number
        ru: '(?:ст\\.|статья)\\s*(?P<n>\\d+)'
        zh: '第(?P<n>[0-9〇零一二两三四五六七八九十百千]+)条'
        captures: {n: number}
        direction: ru->zh          # ru->zh | zh->ru | both (default)
        count: each                # each (default) | any
        scope: all                 # all (default) | titles | body
        paths: ['news/**']         # only files matching one glob
        severity: error
        expect: {zh: '第{n}条'}
        message: "RU '{found}' needs 第{n:zh}条 in ZH"
        code: PAT001
        examples: {pass: [...], fail: [...]}

This module validates and compiles the section (every error names the
pack file and line, with "did you mean" for misspelt keys and values),
compares captures, and pairs the matches of one segment.  The check that
reports findings is :mod:`ruconsist.checks.patterns`.

Matching semantics
  * With both patterns, each match on a *source* side (RU for ``ru->zh``,
    ZH for ``zh->ru``, both sides for ``both``) needs a match on the other
    side whose shared captures are equal.  ``count: each`` gives every
    match its own counterpart (two RU ``ст. 5`` need two ZH ``第五条``), as
    Okapi CheckMate does; ``count: any`` is satisfied by one.
  * A named group present in both patterns is compared, as ``text``
    unless ``captures`` says ``number`` or ``term``.  A group that took no
    part in one of the two matches is not compared: to require a value,
    make the group compulsory in the pattern.
  * A ``number`` capture that is not a number, or a ``term`` capture that
    names no term of the loaded packs, makes its match not count at all
    (so ``(?P<n>\\w+) пленум`` may be liberal: ``расширенный пленум`` is
    simply not a numbered plenum).
  * With one pattern only, every match is a finding ("never write X").

Timeouts
  The searches of one rule in one side of a segment share the rule's
  ``timeout`` (seconds, default 0.5; reading the captures is not
  counted).  A search stopped by it is reported as one PAT002 finding (severity
  error, so the run exits 1) naming the pack file and the pattern's line,
  and the rule is switched off for the rest of the run.  It is a finding
  rather than a fatal :class:`~ruconsist.errors.RuleError` because it
  depends on the text as much as on the rule: the other files and rules
  of the run still deserve their findings, and the exit code still fails
  CI.  A pattern that does not compile, or that matches the empty string,
  is a :class:`~ruconsist.errors.RuleError` when the pack loads.  A rule
  whose searches each stay under the timeout is stopped the same way when
  it has spent its budget for the run (see
  :func:`ruconsist.checks.patterns.run_budget`).
"""

from __future__ import annotations

import fnmatch
import functools
import string
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

import regex

from ruconsist import regexgate
from ruconsist.diagnostic import Severity
from ruconsist.errors import RuleError
from ruconsist.lang import LANG_NAME
from ruconsist.lang.numerals import roman_value as _roman
from ruconsist.packschema import CAPTURE_KINDS, DEFAULT_CODE, DEFAULT_TIMEOUT, TIMEOUT_CODE
from ruconsist.yamlio import line_of

if TYPE_CHECKING:
    from ruconsist.packtypes import Example, Pack
    from ruconsist.rules import RuleSet

FLAGS = {
    "ignorecase": regex.IGNORECASE,
    "multiline": regex.MULTILINE,
    "dotall": regex.DOTALL,
    "verbose": regex.VERBOSE,
}
#: Segment kinds that count as titles for ``scope: titles``.
TITLE_KINDS = ("title", "heading")
ID_RE = regex.compile(r"^[a-z0-9][a-z0-9._-]*$")
#: Placeholders every message template may use besides the captures.
MESSAGE_FIELDS = ("found", "side", "other", "rule", "description", "expected", "counterpart")
#: Format specs a capture placeholder accepts: ``{n:d}`` (Arabic digits),
#: ``{n:zh}`` (Chinese numerals), ``{n:roman}``.
CAPTURE_SPECS = ("", "d", "zh", "roman")


@dataclass(frozen=True)
class PatternRule:
    id: str
    ru: regex.Pattern[str] | None
    zh: regex.Pattern[str] | None
    description: str = ""
    captures: tuple[tuple[str, str], ...] = ()
    direction: str = "both"
    count: str = "each"
    scope: str = "all"
    paths: tuple[str, ...] = ()
    severity: Severity | None = None
    category: str = "style"
    message: str | None = None
    expect: tuple[tuple[str, str], ...] = ()
    code: str = DEFAULT_CODE
    timeout: float = DEFAULT_TIMEOUT
    enabled: bool = True
    note: str | None = None
    source: str | None = None
    examples: tuple[Example, ...] = ()
    pack: str = ""
    path: str = ""
    line: int | None = None
    lines: tuple[tuple[str, int | None], ...] = ()

    def pattern(self, lang: str) -> regex.Pattern[str] | None:
        return self.ru if lang == "ru" else self.zh

    @functools.cached_property
    def gates(self) -> dict[str, tuple[str, ...] | None]:
        """Per side: literal text every match holds (see
        :mod:`ruconsist.regexgate`), or ``None``."""
        return {
            lang: regexgate.gate(p.pattern, int(p.flags) & ~int(regex.VERSION0))
            for lang in ("ru", "zh")
            if (p := self.pattern(lang)) is not None
        }

    @property
    def paired(self) -> bool:
        return self.ru is not None and self.zh is not None

    def sources(self) -> tuple[str, ...]:
        """Sides whose matches need a counterpart (or, for a one-sided
        rule, are findings)."""
        if not self.paired:
            return ("ru",) if self.ru is not None else ("zh",)
        return {"ru->zh": ("ru",), "zh->ru": ("zh",), "both": ("ru", "zh")}[self.direction]

    def kind_of(self, name: str) -> str:
        return dict(self.captures).get(name, "text")

    def compared(self) -> tuple[str, ...]:
        """Group names present in both patterns: these are compared."""
        if not self.paired:
            return ()
        assert self.ru is not None and self.zh is not None
        return tuple(n for n in self.ru.groupindex if n in self.zh.groupindex)

    def line_for(self, key: str) -> int | None:
        return dict(self.lines).get(key) or self.line

    def where(self, key: str | None = None) -> str:
        line = self.line_for(key) if key else self.line
        return f"{self.path}:{line}" if line else self.path


# Numbers ---------------------------------------------------------------

ROMAN = regex.compile(r"^M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
#: Cyrillic capitals typed for Latin Roman numerals (``ХХ съезд``).
#: Lower-case letters are never read as Roman numerals (``х``, ``v``).
ROMAN_LOOKALIKES = str.maketrans({"Х": "X", "І": "I", "С": "C", "М": "M", "Ⅰ": "I", "Ⅴ": "V", "Ⅹ": "X"})


PLAIN_NUMBER = regex.compile(r"^\d+(?:[.,]\d+)?$")


def roman_value(text: str) -> int | None:
    s = text.strip().translate(ROMAN_LOOKALIKES)
    if not s or not ROMAN.match(s):
        return None
    return _roman(s)


def number_value(text: str, lang: str, rules: RuleSet | None = None) -> Fraction | None:
    """The value of a captured number, or ``None`` when the capture is
    not one number.

    Read as the number check reads numbers (:mod:`ruconsist.lang.numbers`
    with the packs' ``vocab: numbers``): digits in the side's notation
    (RU ``1 000,5``, ZH ``1,000.5``, full-width digits), magnitude words
    (``1,5 млн``, ``1.2万亿``), Russian number words in any case
    (``третьего``, ``двадцать пятый``) and ordinal endings (``20-го``),
    Chinese numerals (``二十``, ``一百零五``, ``二〇二六``).  Roman numerals
    (``XX``, also typed with Cyrillic ``Х``) are read here.  A leading
    ``第`` is ignored."""
    s = unicodedata.normalize("NFKC", text).strip()
    if lang == "zh" and s.startswith("第"):
        s = s[1:].strip()
    if not s:
        return None
    r = roman_value(s)
    if r is not None:
        return Fraction(r)
    if rules is None or not any(True for _ in rules.vocab("numbers")):
        # No number vocabulary loaded (a bare user pack): digits only.
        m = PLAIN_NUMBER.match(s)
        if m is None:
            return None
        sep = "," if lang == "ru" else "."
        whole, _, frac = m.group().partition(sep)
        return Fraction(f"{whole.replace(',', '')}.{frac}" if frac else whole.replace(",", ""))
    from ruconsist.lang.numbers import extract_numbers, number_vocab, parse_zh_numeral

    vocab = number_vocab(rules)
    found = extract_numbers(s, lang, vocab)
    if len(found) == 1 and found[0].start == 0 and found[0].end >= len(s.rstrip(".")):
        return found[0].value
    if lang == "zh":
        try:
            return parse_zh_numeral(s, vocab)
        except KeyError:  # a vocabulary without Chinese digits
            return None
    return None


def to_chinese(n: int) -> str:
    """``20`` → ``二十``, ``105`` → ``一百零五``, ``2231`` → ``二千二百三十一``."""
    if n == 0:
        return "零"
    if n < 0:
        return "负" + to_chinese(-n)
    digits = "零一二三四五六七八九"

    def below_10k(x: int, leading: bool) -> str:
        out = ""
        zero = False
        for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d, x = divmod(x, unit)
            if d:
                if zero:
                    out += "零"
                    zero = False
                if not (unit == 10 and d == 1 and leading and not out):
                    out += digits[d]
                out += name
            elif out:
                zero = True
        return out

    parts = []
    for big, name in ((10**8, "亿"), (10**4, "万"), (1, "")):
        q, n = divmod(n, big)
        if q:
            if parts and q < 1000:
                parts.append("零")
            parts.append(below_10k(q, not parts) + name)
    return "".join(parts).replace("零零", "零")


def to_roman(n: int) -> str:
    if not 0 < n < 5000:
        return str(n)
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                       (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += sym
            n -= value
    return out


def _fmt_number(v: Fraction) -> str:
    if v.denominator == 1:
        return str(v.numerator)
    return f"{float(v):g}"


# Captures ----------------------------------------------------------------


def normalize_text(text: str) -> str:
    """Text captures compare after NFKC (full-width forms become
    half-width) with runs of white space made one space; case counts."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


class CaptureValue:
    """A capture as a message placeholder: ``{n}`` is the text as found,
    ``{n:d}`` its value in Arabic digits, ``{n:zh}`` in Chinese numerals,
    ``{n:roman}`` in Roman numerals (the text itself when it is not a
    number)."""

    def __init__(self, text: str, lang: str, rules: RuleSet | None) -> None:
        self.text = text
        self.lang = lang
        self.rules = rules

    def __str__(self) -> str:
        return self.text

    def __format__(self, spec: str) -> str:
        if not spec:
            return self.text
        v = number_value(self.text, self.lang, self.rules)
        if v is None:
            return self.text
        if spec == "d":
            return _fmt_number(v)
        if v.denominator != 1:
            return _fmt_number(v)
        if spec == "zh":
            return to_chinese(v.numerator)
        if spec == "roman":
            return to_roman(v.numerator)
        return self.text


class TermKey:
    """The terms a capture names, and enough to ask whether another
    capture names one of them by an accepted form (``俄方`` for Russia)."""

    def __init__(self, text: str, lang: str, rules: RuleSet) -> None:
        from ruconsist.terms import FORBIDDEN, matcher_for

        self.text = text
        self.lang = lang
        self.rules = rules
        self.mentions = [m for m in matcher_for(rules).find(text, lang) if m.role != FORBIDDEN]
        self.ids = frozenset(t for m in self.mentions for t in m.terms)

    def same(self, other: TermKey) -> bool:
        if self.ids & other.ids:
            return True
        from ruconsist.terms import matcher_for

        matcher = matcher_for(self.rules)
        for a, b in ((self, other), (other, self)):
            for tid in a.ids:
                if matcher.accepted(tid, b.lang, b.text, b.mentions) is not None:
                    return True
        return False


def capture_key(kind: str, text: str, lang: str, rules: RuleSet | None) -> Any:
    """What a capture is compared by: normalised text, a number, or the
    set of term ids it names.  ``None`` means the match does not count
    (a number capture that is no number, a term capture naming no term)."""
    if kind == "number":
        return number_value(text, lang, rules)
    if kind == "term":
        if rules is None:
            return None
        key = TermKey(text, lang, rules)
        return key if key.ids else None
    return normalize_text(text)


def keys_equal(kind: str, a: Any, b: Any) -> bool:
    if kind == "term":
        return a.same(b)  # type: ignore[no-any-return]
    return a == b  # type: ignore[no-any-return]


# Parsing -----------------------------------------------------------------


def _suggest(word: str, choices: Iterable[str]) -> str:
    from ruconsist.schema import suggest

    return suggest(word, choices)


def _fail(msg: str, path: str, node: Any, key: Any = None) -> RuleError:
    return RuleError(msg, path, line_of(node, key))


def _compile(rid: str, lang: str, source: Any, flags: int, path: str, node: Any) -> regex.Pattern[str] | None:
    if source is None:
        return None
    if not isinstance(source, str) or not source.strip():
        raise _fail(f"pattern {rid!r}: {lang} must be a non-empty regular expression", path, node, lang)
    try:
        pattern = regex.compile(source, flags | regex.UNICODE)
    except regex.error as exc:
        pos = f" at position {exc.pos}" if getattr(exc, "pos", None) is not None else ""
        msg = getattr(exc, "msg", None) or str(exc)
        raise _fail(f"pattern {rid!r}: {lang} pattern does not compile: {msg}{pos}", path, node, lang) from None
    except (OverflowError, RecursionError, ValueError) as exc:
        raise _fail(f"pattern {rid!r}: {lang} pattern does not compile: {exc}", path, node, lang) from None
    if pattern.match("") is not None:
        raise _fail(
            f"pattern {rid!r}: {lang} pattern matches the empty string; every match must hold text",
            path, node, lang,
        )
    return pattern


def _template_fields(template: str, rid: str, key: str, path: str, node: Any) -> list[tuple[str, str]]:
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as exc:
        raise _fail(f"pattern {rid!r}: {key} is not a valid template: {exc}", path, node, key) from None
    out = []
    for _lit, name, spec, conv in parsed:
        if name is None:
            continue
        if not name or not regex.match(r"^\w+$", name):
            raise _fail(
                f"pattern {rid!r}: {key} placeholder {{{name}}} must be a plain name"
                " (write {{ and }} for literal braces)",
                path, node, key,
            )
        if conv:
            raise _fail(f"pattern {rid!r}: {key} placeholder {{{name}!{conv}}} takes no conversion", path, node, key)
        out.append((name, spec or ""))
    return out


def parse_pattern(node: Any, path: str, pack: str, parent: Any, index: int) -> PatternRule:
    from ruconsist.packtypes import parse_examples

    # The pack schema (ruconsist.packschema.PATTERN) has checked every
    # key's type and value; what follows checks the patterns themselves.
    rid = node.get("id")
    if not isinstance(rid, str) or not rid.strip():
        raise _fail("pattern rule needs an 'id' (a non-empty string)", path, node)
    rid = rid.strip()
    if not ID_RE.match(rid):
        raise _fail(
            f"pattern id {rid!r} must be lower-case letters, digits, '.', '_' and '-'", path, node, "id"
        )
    what = f"pattern {rid!r}"
    enabled = node.get("enabled", True)
    flags = 0
    raw_flags = node.get("flags") or []
    for f in [raw_flags] if isinstance(raw_flags, str) else raw_flags:
        flags |= FLAGS[f]
    if not enabled and "ru" not in node and "zh" not in node:
        # ``{id: x, enabled: false}`` switches off a rule of an earlier pack.
        return PatternRule(id=rid, ru=None, zh=None, enabled=False, pack=pack, path=path, line=line_of(node))
    ru = _compile(rid, "ru", node.get("ru"), flags, path, node)
    zh = _compile(rid, "zh", node.get("zh"), flags, path, node)
    if ru is None and zh is None:
        raise _fail(f"{what} needs an 'ru' or a 'zh' pattern (or both)", path, node)
    paired = ru is not None and zh is not None
    if not paired:
        for k in ("direction", "count", "expect"):
            if k in node:
                raise _fail(
                    f"{what}: {k!r} needs both an 'ru' and a 'zh' pattern"
                    " (a one-sided rule reports every match)",
                    path, node, k,
                )
    groups = {"ru": set(ru.groupindex) if ru else set(), "zh": set(zh.groupindex) if zh else set()}
    all_groups = groups["ru"] | groups["zh"]
    for name in sorted(all_groups):
        if name in MESSAGE_FIELDS:
            raise _fail(
                f"{what}: capture name {name!r} is reserved for messages; choose another name",
                path, node, "ru" if name in groups["ru"] else "zh",
            )
    captures: list[tuple[str, str]] = []
    raw_caps = node.get("captures") or {}
    for name, kind in raw_caps.items():
        if name not in all_groups:
            known = ", ".join(sorted(all_groups)) or "none"
            raise _fail(
                f"{what}: capture {name!r} is not a named group of its patterns"
                f" (groups: {known}){_suggest(name, all_groups)}",
                path, raw_caps, name,
            )
        if paired and not (name in groups["ru"] and name in groups["zh"]):
            has, lacks = ("ru", "zh") if name in groups["ru"] else ("zh", "ru")
            raise _fail(
                f"{what}: capture {name!r} is in the {has} pattern but not in the {lacks}"
                " pattern, so it cannot be compared",
                path, raw_caps, name,
            )
        if kind not in CAPTURE_KINDS:
            raise _fail(
                f"{what}: capture {name!r} must be compared as text, number or term,"
                f" not {kind!r}{_suggest(str(kind), CAPTURE_KINDS)}",
                path, raw_caps, name,
            )
        captures.append((name, kind))
    paths_node = node.get("paths")
    paths = tuple(p.strip() for p in ([paths_node] if isinstance(paths_node, str) else paths_node or ()))
    severity = Severity.parse(node["severity"]) if "severity" in node else None
    code = node.get("code", DEFAULT_CODE)
    expect: list[tuple[str, str]] = []
    raw_expect = node.get("expect")
    if raw_expect is not None:
        for lang, tpl in raw_expect.items():
            src = "zh" if lang == "ru" else "ru"
            for name, spec in _template_fields(tpl, rid, f"expect.{lang}", path, raw_expect):
                if name not in groups[src]:
                    raise _fail(
                        f"{what}: expect.{lang} uses {{{name}}}, which is not a group of the {src} pattern"
                        f"{_suggest(name, groups[src])}",
                        path, raw_expect, lang,
                    )
                if spec not in CAPTURE_SPECS:
                    raise _fail(
                        f"{what}: expect.{lang} placeholder {{{name}:{spec}}}: format must be one of d, zh, roman",
                        path, raw_expect, lang,
                    )
            expect.append((lang, tpl))
    message = node.get("message")
    if message is not None:
        allowed = set(MESSAGE_FIELDS) | all_groups
        for name, spec in _template_fields(message, rid, "message", path, node):
            if name not in allowed:
                raise _fail(
                    f"{what}: message uses {{{name}}}, which is neither a capture nor one of"
                    f" {', '.join(MESSAGE_FIELDS)}{_suggest(name, allowed)}",
                    path, node, "message",
                )
            if name in all_groups and spec not in CAPTURE_SPECS:
                raise _fail(
                    f"{what}: message placeholder {{{name}:{spec}}}: format must be one of d, zh, roman",
                    path, node, "message",
                )
    lines = tuple((k, line_of(node, k)) for k in ("ru", "zh", "message", "expect", "code") if k in node)
    return PatternRule(
        id=rid,
        ru=ru,
        zh=zh,
        description=" ".join(str(node.get("description") or "").split()),
        captures=tuple(captures),
        direction=node.get("direction", "both"),
        count=node.get("count", "each"),
        scope=node.get("scope", "all"),
        paths=paths,
        severity=severity,
        category=node.get("category", "style"),
        message=message,
        expect=tuple(expect),
        code=code,
        timeout=float(node.get("timeout", DEFAULT_TIMEOUT)),
        enabled=enabled,
        note=node.get("note"),
        source=node.get("source"),
        examples=parse_examples(node.get("examples"), path, node),
        pack=pack,
        path=path,
        line=line_of(node),
        lines=lines,
    )


def parse_patterns(pack: Pack, node: Any, path: str) -> list[PatternRule]:
    """Validate and compile a pack's ``patterns:`` section."""
    if node is None:
        return []
    if not isinstance(node, list):
        raise RuleError("'patterns' must be a list of pattern rules", path, line_of(node))
    out: list[PatternRule] = []
    seen: dict[str, int | None] = {}
    for i, item in enumerate(node):
        rule = parse_pattern(item, path, pack.name, node, i)
        if rule.id in seen:
            raise RuleError(f"duplicate pattern id {rule.id!r} (first at line {seen[rule.id]})", path, rule.line)
        seen[rule.id] = rule.line
        out.append(rule)
    return out


def effective_patterns(rules: RuleSet) -> list[PatternRule]:
    """The pattern rules in force: a later pack's rule replaces an earlier
    one with the same id, and ``enabled: false`` removes it."""

    def build() -> list[PatternRule]:
        merged: dict[str, PatternRule] = {}
        for _pack, parsed in rules.section("patterns"):
            for rule in parsed:
                merged.pop(rule.id, None)
                merged[rule.id] = rule
        return [r for r in merged.values() if r.enabled]

    return rules.cached("patterns.effective", build)  # type: ignore[no-any-return]


class Prefilter:
    """The pattern rules that can match a segment, found with one look
    for each distinct literal of the rules' gates (see
    :mod:`ruconsist.regexgate`) rather than a call per rule: a rule is
    admitted when a source side has no gate or holds one of its gate's
    literals, which is the test :func:`run_rule` starts with."""

    def __init__(self, rules: Sequence[PatternRule]) -> None:
        self.rules = tuple(rules)
        #: Per rule, per source side: its gate as a set, or ``None``.
        self._needs = tuple(
            tuple((lang, None if rule.gates[lang] is None else frozenset(rule.gates[lang])) for lang in rule.sources())
            for rule in self.rules
        )
        self._literals = {
            lang: tuple(sorted({s for needs in self._needs for side, gate in needs if side == lang for s in gate or ()}))
            for lang in ("ru", "zh")
        }

    def admitted(self, texts: Mapping[str, str]) -> Iterator[PatternRule]:
        """The rules, in order, that may match ``texts`` (lang → side text)."""
        present = {lang: {s for s in literals if s in texts[lang]} for lang, literals in self._literals.items()}
        for rule, needs in zip(self.rules, self._needs):
            if any(gate is None or not gate.isdisjoint(present[lang]) for lang, gate in needs):
                yield rule


def prefilter(rules: RuleSet) -> Prefilter:
    return rules.cached("patterns.prefilter", lambda: Prefilter(effective_patterns(rules)))  # type: ignore[no-any-return]


def rule_codes(rules: RuleSet) -> dict[str, PatternRule]:
    """Each code the pattern rules report, with the first rule using it."""
    out: dict[str, PatternRule] = {}
    for rule in effective_patterns(rules):
        out.setdefault(rule.code, rule)
    return out


# Matching ----------------------------------------------------------------


@dataclass(frozen=True)
class Match:
    lang: str
    start: int
    end: int
    text: str
    groups: tuple[tuple[str, str], ...]
    keys: tuple[tuple[str, Any], ...] = ()

    def group(self, name: str) -> str | None:
        return dict(self.groups).get(name)


class PatternTimeout(Exception):
    def __init__(self, rule: PatternRule, lang: str) -> None:
        super().__init__(f"{rule.id} {lang}")
        self.rule = rule
        self.lang = lang


def path_allowed(rule: PatternRule, path: str) -> bool:
    if not rule.paths:
        return True
    p = path.replace("\\", "/")
    return any(fnmatch.fnmatch(p, g) or PurePosixPath(p).match(g) for g in rule.paths)


def find_matches(
    rule: PatternRule,
    lang: str,
    text: str,
    rules: RuleSet | None,
    *,
    kind_at: Callable[[int], str] | None = None,
) -> list[Match]:
    """Matches of one side's pattern in ``text``, filtered by scope and by
    the captures' kinds.  Raises :class:`PatternTimeout`."""
    pattern = rule.pattern(lang)
    if pattern is None:
        return []
    if not regexgate.admits(rule.gates[lang], text):
        return []  # the text lacks what every match holds
    # One time budget for all searches in the text: each search gets what
    # is left.  Reading captures (number words, terms) is not counted.
    left = rule.timeout

    def search(pos: int) -> regex.Match[str] | None:
        nonlocal left
        if left <= 0:
            raise PatternTimeout(rule, lang)
        began = time.monotonic()
        try:
            found = pattern.search(text, pos, timeout=left)
        except TimeoutError:
            raise PatternTimeout(rule, lang) from None
        left -= time.monotonic() - began
        return found

    m = search(0)
    if m is None:  # most texts: nothing more to prepare
        return []
    compared = dict.fromkeys(rule.compared())
    out = []
    while m is not None:
        if m.end() <= m.start():
            pos = m.start() + 1
        else:
            accepted = _accept(rule, m, lang, rules, compared, kind_at)
            if isinstance(accepted, int):
                # A match that does not count (a number capture that is
                # no number) must not hide a match that starts inside it:
                # the search resumes after the capture that failed, so
                # that in "в докладе XX съезда" the failed "докладе" gives
                # way to "XX съезда" (and never to a piece of a word).
                pos = max(accepted, m.start() + 1)
            else:
                out.append(accepted)
                pos = m.end()
        if pos > len(text):
            break
        m = search(pos)
    return out


def _accept(
    rule: PatternRule,
    m: regex.Match[str],
    lang: str,
    rules: RuleSet | None,
    compared: dict[str, None],
    kind_at: Callable[[int], str] | None,
) -> Match | int:
    """The match, or where to resume searching when it does not count."""
    if rule.scope != "all" and kind_at is not None:
        is_title = kind_at(m.start()) in TITLE_KINDS
        if is_title != (rule.scope == "titles"):
            return m.end()
    groups = tuple((n, v) for n, v in m.groupdict().items() if v is not None)
    keys = []
    for name, value in groups:
        if name not in compared and rule.kind_of(name) == "text":
            continue
        key = capture_key(rule.kind_of(name), value, lang, rules)
        if key is None:
            return m.end(name)
        keys.append((name, key))
    return Match(lang, m.start(), m.end(), m.group(), groups, tuple(keys))


def counterparts(rule: PatternRule, a: Match, b: Match) -> bool:
    """Do two matches (of different sides) answer each other?"""
    ka, kb = dict(a.keys), dict(b.keys)
    for name in rule.compared():
        if name in ka and name in kb and not keys_equal(rule.kind_of(name), ka[name], kb[name]):
            return False
    return True


def differences(rule: PatternRule, a: Match, b: Match) -> list[str]:
    """Compared captures on which ``a`` and ``b`` disagree, as names."""
    ka, kb = dict(a.keys), dict(b.keys)
    return [
        name
        for name in rule.compared()
        if name in ka and name in kb and not keys_equal(rule.kind_of(name), ka[name], kb[name])
    ]


def pair_matches(rule: PatternRule, src: Sequence[Match], dst: Sequence[Match]) -> tuple[dict[int, int], list[int]]:
    """Give source matches counterparts among ``dst``.

    Returns (source index → counterpart index, source indexes left
    without one).  With ``count: each`` every counterpart serves one
    source match and the pairing is a maximum bipartite matching (so an
    early greedy choice never leaves a later match unpaired needlessly);
    with ``count: any`` a counterpart may serve many."""
    buckets = _buckets(rule, src, dst)
    if buckets is not None:
        return _pair_in_buckets(rule, src, dst, buckets)
    edges = [[j for j, d in enumerate(dst) if counterparts(rule, s, d)] for s in src]
    if rule.count == "any":
        got = {i: e[0] for i, e in enumerate(edges) if e}
        return got, [i for i in range(len(src)) if i not in got]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(src)):
        augment(i, set())
    got = {i: j for j, i in owner.items()}
    return got, [i for i in range(len(src)) if i not in got]


def _buckets(rule: PatternRule, src: Sequence[Match], dst: Sequence[Match]) -> dict[tuple[Any, ...], list[int]] | None:
    """Counterparts grouped by their compared keys, where the relation
    is plain equality of every compared capture (no term keys, none
    missing on either side); None where it is not.  Matches of one key
    then answer each other and no others, so the pairing is found per
    group in linear time instead of comparing every pair of matches (a
    line repeating one structure thousands of times)."""
    names = rule.compared()
    if not names or any(rule.kind_of(n) == "term" for n in names):
        return None
    groups: dict[tuple[Any, ...], list[int]] = {}
    try:
        for m in src:
            if not all(n in dict(m.keys) for n in names):
                return None
            hash(tuple(dict(m.keys)[n] for n in names))
        for j, d in enumerate(dst):
            keys = dict(d.keys)
            if not all(n in keys for n in names):
                return None
            groups.setdefault(tuple(keys[n] for n in names), []).append(j)
    except TypeError:  # a key that cannot be hashed
        return None
    return groups


def _pair_in_buckets(
    rule: PatternRule, src: Sequence[Match], dst: Sequence[Match], groups: dict[tuple[Any, ...], list[int]]
) -> tuple[dict[int, int], list[int]]:
    """:func:`pair_matches` where the matches fall into groups of equal
    keys: each source match takes the first counterpart of its group
    still free (any counterpart with ``count: any``), as the general
    matching does when every group is complete."""
    names = rule.compared()
    used: dict[tuple[Any, ...], int] = {}
    got: dict[int, int] = {}
    for i, m in enumerate(src):
        key = tuple(dict(m.keys)[n] for n in names)
        group = groups.get(key)
        if not group:
            continue
        if rule.count == "any":
            got[i] = group[0]
            continue
        k = used.get(key, 0)
        if k < len(group):
            got[i] = group[k]
            used[key] = k + 1
    return got, [i for i in range(len(src)) if i not in got]


@dataclass
class Finding:
    """A match left without a counterpart (or, for a one-sided rule, a
    match), with the closest unpaired match on the other side, if any."""

    rule: PatternRule
    match: Match
    near: Match | None = None
    differ: list[str] = field(default_factory=list)


def evaluate(rule: PatternRule, matches: dict[str, list[Match]]) -> list[Finding]:
    """Findings of one rule on one segment, given each side's matches."""
    if not rule.paired:
        lang = rule.sources()[0]
        return [Finding(rule, m) for m in matches.get(lang, [])]
    out: list[Finding] = []
    # With ``both``, a ZH match already named as the near miss of an RU
    # finding is the same disagreement: it is reported once.
    used_as_near: set[tuple[str, int]] = set()
    unpaired: dict[str, list[int]] = {}
    paired_with: dict[str, dict[int, int]] = {}
    for lang in ("ru", "zh"):
        other = "zh" if lang == "ru" else "ru"
        got, missing = pair_matches(rule, matches.get(lang, []), matches.get(other, []))
        paired_with[lang] = got
        unpaired[lang] = missing
    for lang in rule.sources():
        other = "zh" if lang == "ru" else "ru"
        dst = matches.get(other, [])
        # Counterparts already taken by other source matches are not
        # offered as near misses; unused ones are, closest in order first.
        taken = set(paired_with[lang].values())
        free = [j for j in range(len(dst)) if j not in taken]
        for i in unpaired[lang]:
            if (lang, i) in used_as_near:
                continue
            m = matches[lang][i]
            near = None
            if free:
                j = free.pop(0)
                near = dst[j]
                used_as_near.add((other, j))
            out.append(Finding(rule, m, near, differences(rule, m, near) if near else []))
    return out


def sources_admit(rule: PatternRule, texts: dict[str, str]) -> bool:
    """Whether a source side holds the literals every match of its
    pattern needs (always, for a pattern without such literals)."""
    for lang in rule.sources():
        gate = rule.gates[lang]
        if gate is None or any(s in texts[lang] for s in gate):
            return True
    return False


def run_rule(
    rule: PatternRule,
    texts: dict[str, str],
    rules: RuleSet | None,
    kind_at: dict[str, Callable[[int], str]] | None = None,
    *,
    admitted: bool = False,
) -> list[Finding]:
    """Findings of one rule on one segment (``texts``: lang → side text);
    ``admitted``: :func:`sources_admit` has already said yes.

    The source sides are searched first; when they hold no match there is
    nothing to answer and the other side is not searched at all (most
    rules are ``ru->zh`` and most segments have no RU match).  Raises
    :class:`PatternTimeout`."""
    sources = rule.sources()
    if not admitted and not sources_admit(rule, texts):
        return []  # no source side holds what its matches need
    kinds = kind_at or {}
    matches: dict[str, list[Match]] = {}
    for lang in sources:
        matches[lang] = find_matches(rule, lang, texts[lang], rules, kind_at=kinds.get(lang))
    if not any(matches.values()):
        return []
    for lang in ("ru", "zh"):
        if lang not in matches and rule.pattern(lang) is not None:
            matches[lang] = find_matches(rule, lang, texts[lang], rules, kind_at=kinds.get(lang))
    return evaluate(rule, matches)


def render(template: str, values: dict[str, Any]) -> str:
    return string.Formatter().vformat(template, (), _Defaults(values))


class _Defaults(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:
        return ""


def expected_text(rule: PatternRule, match: Match, rules: RuleSet | None) -> str | None:
    """The ``expect`` template of the other side filled with the match's
    captures."""
    other = "zh" if match.lang == "ru" else "ru"
    tpl = dict(rule.expect).get(other)
    if tpl is None:
        return None
    values = {n: CaptureValue(v, match.lang, rules) for n, v in match.groups}
    return render(tpl, values)


def message_for(finding: Finding, rules: RuleSet | None) -> tuple[str, str | None]:
    """(message, expected text) of a finding."""
    rule, m = finding.rule, finding.match
    side = LANG_NAME[m.lang]
    other = LANG_NAME["zh" if m.lang == "ru" else "ru"]
    expected = expected_text(rule, m, rules)
    if rule.message is not None:
        values: dict[str, Any] = {n: CaptureValue(v, m.lang, rules) for n, v in m.groups}
        values.update(
            found=m.text,
            side=side,
            other=other,
            rule=rule.id,
            description=rule.description,
            expected=expected or "",
            counterpart=finding.near.text if finding.near else "",
        )
        return render(rule.message, values), expected
    if not rule.paired:
        msg = f"{side} '{m.text}' is not allowed"
        if rule.description:
            msg += f": {rule.description}"
        return msg + f" [{rule.id}]", expected
    msg = f"{side} '{m.text}' has no counterpart in {other}"
    notes = []
    if finding.near is not None and finding.differ:
        mine, theirs = dict(m.keys), dict(finding.near.keys)
        parts = []
        for n in finding.differ:
            if finding.near.group(n) == finding.near.text and m.group(n) == m.text:
                continue  # the capture is the whole match: nothing to add
            parts.append(
                f"{n} = {_shown(rule.kind_of(n), theirs[n], finding.near.group(n))},"
                f" not {_shown(rule.kind_of(n), mine[n], m.group(n))}"
            )
        found = f"found '{finding.near.text}'"
        notes.append(f"{found} with {', '.join(parts)}" if parts else found)
    if expected:
        notes.append(f"expected {expected}")
    if notes:
        msg += f" ({'; '.join(notes)})"
    elif rule.description:
        msg += f": {rule.description}"
    return msg + f" [{rule.id}]", expected


def _shown(kind: str, key: Any, raw: str | None) -> str:
    if kind == "number" and isinstance(key, Fraction):
        return _fmt_number(key)
    return raw or ""


__all__ = [
    "CAPTURE_KINDS",
    "DEFAULT_CODE",
    "TIMEOUT_CODE",
    "Finding",
    "Match",
    "PatternRule",
    "PatternTimeout",
    "effective_patterns",
    "evaluate",
    "find_matches",
    "message_for",
    "number_value",
    "pair_matches",
    "parse_patterns",
    "path_allowed",
    "prefilter",
    "rule_codes",
    "run_rule",
]
