"""PLH001: placeholders of program messages in translation-file strings."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from ruconsist.checks.base import LANG_NAME, Check, PairContext
from ruconsist.diagnostic import Diagnostic, Severity
from ruconsist.document import Side, SegmentPair, other
from ruconsist.readers.common import get_meta, segment_format

#: Formats whose strings are program messages with placeholders.
MESSAGE_FORMATS = frozenset({"po", "json", "yaml", "xliff", "tmx"})

PLACEHOLDER = regex.compile(
    r"""
      (?P<pct>%%)
    | \{\{\s*-?\s*(?P<mustache>[\w.$\-]+)\s*(?:,[^{}]*)?\}\}
    | %\{(?P<rails>\w+)\}
    | \$\{(?P<dollar>\w+)\}
    | %\((?P<pyname>\w+)\)[-+\#0]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]
    | %(?:(?P<pos>[1-9]\d*)\$)?[-+\#0']*(?:\d+|\*)?(?:\.(?:\d+|\*))?
      (?P<len>hh|ll|[hlLqjzt]|I64|I32)?(?P<conv>[diouxXeEfFgGaAcspn])
    | \{(?P<brace>\w+)(?:\s*,(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*)?\}
    """,
    regex.VERBOSE,
)


#: PO flags under which printf conversions are placeholders.
_PRINTF_FLAGS = ("c-format", "python-format", "sh-format", "php-format", "perl-format", "objc-format", "awk-format", "gcc-internal-format", "qt-format", "kde-format", "boost-format", "lua-format", "object-pascal-format", "smalltalk-format", "ycp-format", "tcl-format", "librep-format", "elisp-format", "gfc-internal-format", "java-printf-format")
_BRACE_FLAGS = ("python-brace-format", "javascript-format", "csharp-format", "java-format", "rust-format", "go-format")


@dataclass(frozen=True)
class Token:
    key: str  # what must match on the other side
    text: str  # as written
    start: int
    end: int


def _families(flags: set[str] | frozenset[str], fmt: str) -> tuple[bool, bool]:
    """(printf, brace) placeholder families that apply to a string."""
    if fmt != "po":
        return True, True
    printf = any(f in flags for f in _PRINTF_FLAGS)
    brace = any(f in flags for f in _BRACE_FLAGS)
    return printf, brace


def placeholders(text: str, *, printf: bool = True, brace: bool = True) -> list[Token]:
    """Placeholders of one string, in order.  printf conversions without
    an explicit position are numbered in order, so ``%s %d`` matches
    ``%2$d %1$s``."""
    out: list[Token] = []
    n = 0
    for m in PLACEHOLDER.finditer(text):
        g = m.groupdict()
        if g["pct"]:
            continue
        if g["mustache"]:
            key = "{{" + g["mustache"] + "}}"
        elif g["rails"]:
            key = "%{" + g["rails"] + "}"
        elif g["dollar"]:
            key = "${" + g["dollar"] + "}"
        elif g["pyname"]:
            if not printf:
                continue
            key = f"%({g['pyname']})"
        elif g["conv"]:
            if not printf:
                continue
            n += 1
            pos = int(g["pos"]) if g["pos"] else n
            conv = "d" if g["conv"] == "i" else g["conv"]
            key = f"%{pos}${g['len'] or ''}{conv}"
        elif g["brace"]:
            if not brace:
                continue
            key = "{" + g["brace"] + "}"
        else:  # pragma: no cover - every alternative has a group
            continue
        out.append(Token(key, m.group(), m.start(), m.end()))
    return out


def side_format(side: Side) -> tuple[str | None, set[str]]:
    fmt = None
    flags: set[str] = set()
    for seg in side.segments:
        m = get_meta(seg)
        fmt = fmt or segment_format(seg)
        flags |= set(m.get("flags") or ())
    return fmt, flags


def _join(tokens: list[Token]) -> str:
    return ", ".join(t.text for t in tokens) or "none"


class PlaceholderMismatch(Check):
    """A placeholder of a program message (``{{count}}``, ``%s``,
    ``%1$lu``, ``{name}``, ``%{count}``, ``%(name)s``) that the other
    language's string does not have.  A missing or misspelt placeholder
    loses a value at run time, or crashes a printf-style call.  Checked
    on strings read from PO, XLIFF, TMX and JSON/YAML locale files; in PO
    files printf conversions count only in entries flagged ``c-format``
    (or another printf-like format) and ``{name}`` only under a brace
    format flag.  printf conversions may be reordered with positions
    (``%2$s %1$d``); without positions their order must match.  Inline
    markup is TAG001 (:mod:`ruconsist.checks.markup`).

    Examples (in a JSON locale file)
      PASS  RU «Удалить {{count}} элементов?»   ZH «删除 {{count}} 个项目？»   (in a JSON locale file)
      FAIL  RU «Удалить {{count}} элементов?»   ZH «删除 {{num}} 个项目？»   (in a JSON locale file)   -> PLH001
      FAIL  RU «%s: ошибка %lu»                 ZH «%s：错误 %d»   (in a JSON locale file)   -> PLH001
    """

    code = "PLH001"
    slug = "placeholder-mismatch"
    category = "style"
    severity = Severity.ERROR
    def check(self, bead: SegmentPair, ctx: PairContext) -> Iterator[Diagnostic]:
        ru_fmt, ru_flags = side_format(bead.ru)
        zh_fmt, zh_flags = side_format(bead.zh)
        if ru_fmt not in MESSAGE_FORMATS and zh_fmt not in MESSAGE_FORMATS:
            return
        fmt = ru_fmt if ru_fmt in MESSAGE_FORMATS else zh_fmt
        assert fmt is not None
        printf, brace = _families(ru_flags | zh_flags, fmt)
        tokens = {
            lang: placeholders(bead.side(lang).text, printf=printf, brace=brace) for lang in ("ru", "zh")
        }
        yield from self._compare(bead, tokens)

    def _compare(self, bead: SegmentPair, tokens: dict[str, list[Token]]) -> Iterator[Diagnostic]:
        counts = {lang: Counter(t.key for t in toks) for lang, toks in tokens.items()}
        if counts["ru"] == counts["zh"]:
            return
        order = _reordered(tokens["ru"], tokens["zh"])
        if order is not None:
            ru_list, zh_list = order
            yield self.report(
                bead,
                "zh",
                zh_list[0].start,
                zh_list[-1].end,
                f"ZH printf conversions are in another order than RU (RU {_join(ru_list)}; ZH {_join(zh_list)});"
                " without positions (%2$d … %1$s) one of them takes the wrong argument",
                expected=_join(ru_list),
                found=_join(zh_list),
            )
            return
        # One placeholder written differently on each side (``%lu``
        # against ``%d`` for the same argument, ``{{count}}`` renamed
        # ``{{num}}``) is one finding, on the ZH side.
        extra = {lang: counts[lang] - counts[other(lang)] for lang in ("ru", "zh")}
        ru_left = [t for t in tokens["ru"] if _take(extra["ru"], t.key)]
        zh_left = [t for t in tokens["zh"] if _take(extra["zh"], t.key)]
        for ztok in list(zh_left):
            rtok = next((t for t in ru_left if _family(t.key) == _family(ztok.key)), None)
            if rtok is None:
                continue
            ru_left.remove(rtok)
            zh_left.remove(ztok)
            yield self.report(
                bead,
                "zh",
                ztok.start,
                ztok.end,
                f"ZH placeholder '{ztok.text}' does not match RU '{rtok.text}'",
                expected=rtok.text,
                found=ztok.text,
            )
        left = {"ru": ru_left, "zh": zh_left}
        for lang in ("ru", "zh"):
            o = other(lang)
            for tok in left[lang]:
                yield self.report(
                    bead,
                    lang,
                    tok.start,
                    tok.end,
                    f"{LANG_NAME[lang]} placeholder '{tok.text}' has no counterpart in {LANG_NAME[o]}"
                    f" ({LANG_NAME[o]} has {_join(tokens[o])})",
                    expected=tok.text,
                    found=_join(tokens[o]),
                )

def _take(counter: Counter[str], key: str) -> bool:
    if counter[key] > 0:
        counter[key] -= 1
        return True
    return False


def _family(key: str) -> str:
    """Placeholders that can stand for one another: the same printf
    argument, or the same syntax (``{{…}}``, ``%{…}``, ``{…}``)."""
    if key.startswith("%") and "$" in key:
        return key.split("$", 1)[0]
    for prefix in ("{{", "%{", "${", "%(", "{"):
        if key.startswith(prefix):
            return prefix
    return key


def _reordered(ru: list[Token], zh: list[Token]) -> tuple[list[Token], list[Token]] | None:
    """The printf conversions of both sides when they differ only in
    order (same types, no explicit positions), else ``None``."""
    def printf(toks: list[Token]) -> list[Token]:
        return [t for t in toks if t.key.startswith("%") and "$" in t.key]

    a, b = printf(ru), printf(zh)
    if not a or any("$" in t.text for t in a + b):
        return None
    rest_a = Counter(t.key for t in ru if t not in a)
    rest_b = Counter(t.key for t in zh if t not in b)
    types_a = [t.key.split("$", 1)[1] for t in a]
    types_b = [t.key.split("$", 1)[1] for t in b]
    if rest_a == rest_b and Counter(types_a) == Counter(types_b) and types_a != types_b:
        return a, b
    return None


CHECKS = [PlaceholderMismatch]
