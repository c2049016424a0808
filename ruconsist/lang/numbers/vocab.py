"""Number mentions, the number vocabulary of the packs, and the
length-preserving normalisation the readers work on.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from ruconsist.errors import RuleError
from ruconsist.yamlio import line_of

ZERO = Fraction(0)
ONE = Fraction(1)

# --------------------------------------------------------------------------
# Mentions


@dataclass(frozen=True)
class NumberMention:
    """A number found in one side's text.

    ``start``/``end`` are offsets into the text given to
    :func:`extract_numbers`; ``value`` is exact; ``unit`` is the value of
    the last written digit (the precision); ``alts`` are other readings
    (``两倍`` is 2× or 3×); ``quiet`` mentions are counterparts only, with
    ``role`` saying why (date, time, code, name, reference, word, vague).
    """

    start: int
    end: int
    value: Fraction
    kind: str
    approx: bool
    raw: str
    unit: Fraction = ONE
    alts: tuple[Fraction, ...] = ()
    quiet: bool = False
    role: str = ""
    scale: str = ""
    factor: Fraction = ONE
    digits: bool = True
    #: Unit of measure read after the number: (dimension, factor, offset).
    measure: tuple[str, Fraction, Fraction] | None = None
    #: A multiple read as an increase (增加了2倍 = 3×): the written N is
    #: the loose reading translators from English also give it.
    increase: bool = False

    @property
    def values(self) -> tuple[Fraction, ...]:
        return (self.value, *self.alts)

    def reading(self) -> str:
        """``'1,5 млн' = 1 500 000`` style text for messages."""
        if self.kind == "percent":
            shown = f"{format_value(self.value)} %"
        elif len(self.alts) and self.kind == "multiple":
            shown = " or ".join(f"{format_value(v)}×" for v in self.values)
        elif self.kind == "multiple":
            shown = f"{format_value(self.value)}×"
        elif self.kind == "time" and self.value.denominator > 1:
            minutes = round(self.value * 60)
            shown = f"{minutes // 60:02d}:{minutes % 60:02d}"
        else:
            shown = format_value(self.value)
        if _plain(self.raw) == shown.replace(" ", ""):
            return f"'{self.raw}'"
        return f"'{self.raw}' = {shown}"


def _plain(raw: str) -> str:
    return re.sub(r"[\s\u00a0\u202f\u2009]", "", raw).replace(",", ".")


def format_value(value: Fraction) -> str:
    """Digits grouped by three with spaces; decimals with a point; thirds
    and other repeating fractions as ``1/3``."""
    value = abs(value)
    if value.denominator == 1:
        return _group(str(value.numerator))
    den = value.denominator
    while den % 2 == 0:
        den //= 2
    while den % 5 == 0:
        den //= 5
    if den != 1:
        return f"{value.numerator}/{value.denominator}"
    text = _decimal_text(value)
    whole, _, frac = text.partition(".")
    return f"{_group(whole)}.{frac}" if frac else _group(whole)


def _decimal_text(value: Fraction) -> str:
    places = 0
    scaled = value
    while scaled.denominator != 1:
        scaled *= 10
        places += 1
    digits = str(scaled.numerator).rjust(places + 1, "0")
    if not places:
        return digits
    return f"{digits[:-places]}.{digits[-places:]}".rstrip("0").rstrip(".")


def _group(digits: str) -> str:
    if len(digits) <= 4:
        return digits
    out = []
    while digits:
        out.append(digits[-3:])
        digits = digits[:-3]
    return " ".join(reversed(out))


# --------------------------------------------------------------------------
# Vocabulary


# Sections holding lists of {value|factor, forms} entries.
VALUED = {"cardinals", "ordinals", "collectives", "fractions",
          "compound_prefixes", "multiples", "multiple_stems", "times", "group_nouns",
          "vague_multipliers"}
MAPPINGS = {"digits", "units", "magnitudes"}


@dataclass
class SideVocab:
    words: dict[str, tuple[str, Fraction]] = field(default_factory=dict)
    lists: dict[str, list[str]] = field(default_factory=dict)
    valued: dict[str, dict[str, Fraction]] = field(default_factory=dict)
    maps: dict[str, dict[str, Fraction]] = field(default_factory=dict)

    def list(self, name: str) -> list[str]:
        return self.lists.get(name, [])


@dataclass
class NumberVocab:
    """Compiled number vocabulary; build with :func:`compile_vocab`."""

    ru: SideVocab
    zh: SideVocab
    #: form -> (dimension, factor, offset), per language.
    units: dict[str, dict[str, tuple[str, Fraction, Fraction]]]
    quiet_word_values: frozenset[Fraction]
    magnitude_factors: tuple[int, ...]
    _regex: dict[str, re.Pattern[str]] = field(default_factory=dict, repr=False)

    def side(self, lang: str) -> SideVocab:
        return self.ru if lang == "ru" else self.zh


def _err(msg: str, path: str, node: Any, key: Any = None) -> RuleError:
    return RuleError(f"vocab.numbers: {msg}", path, line_of(node, key))


def parse_value(raw: Any, path: str, node: Any, key: Any) -> Fraction:
    """A vocabulary value: an integer, a decimal or a fraction ``"3/2"``."""
    if isinstance(raw, bool) or raw is None:
        raise _err(f"{raw!r} is not a number", path, node, key)
    try:
        if isinstance(raw, float):
            return Fraction(str(raw))
        return Fraction(str(raw).replace(" ", ""))
    except (ValueError, ZeroDivisionError):
        raise _err(f"{raw!r} is not a number (write 5, 1.5 or \"3/2\")", path, node, key) from None


def _norm_form(text: str) -> str:
    return " ".join(text.lower().replace("ё", "е").split())


def _strings(node: Any) -> list[str]:
    return [_norm_form(str(item)) for item in ([node] if isinstance(node, str) else node)]


def _merge_side(side: SideVocab, node: Any, lang: str, path: str) -> None:
    """One pack's ``ru`` or ``zh`` words; the pack schema
    (:data:`ruconsist.packschema.NUMBERS`) has checked their shape."""
    for key, sub in node.items():
        what = f"{lang}.{key}"
        if key in MAPPINGS and lang == "zh":
            table = side.maps.setdefault(key, {})
            for form, raw in sub.items():
                table[str(form)] = parse_value(raw, path, sub, form)
        elif key in VALUED or (key == "magnitudes" and lang == "ru") or (key == "multiples" and lang == "zh"):
            table = side.valued.setdefault(key, {})
            vkey = "factor" if key == "magnitudes" else "value"
            for entry in sub:
                value = parse_value(entry[vkey], path, entry, vkey)
                if value <= 0 and key in ("magnitudes", "multiples", "multiple_stems"):
                    raise _err(f"{what} {vkey} must be positive", path, entry, vkey)
                for form in _strings(entry["forms"]):
                    table[form] = value
        elif key == "fraction_mark":
            side.lists[key] = [sub]
        else:
            side.lists.setdefault(key, []).extend(_strings(sub))


def compile_vocab(entries: Iterable[tuple[Any, Any]]) -> NumberVocab:
    """Merge the ``vocab: numbers:`` nodes of all packs (given as
    ``(pack, node)`` pairs, pack having ``.path``) and validate them;
    errors name the pack file and line."""
    ru, zh = SideVocab(), SideVocab()
    units: dict[str, dict[str, tuple[str, Fraction, Fraction]]] = {"ru": {}, "zh": {}}
    quiet: set[Fraction] | None = None
    factors: tuple[int, ...] | None = None
    seen = False
    for pack, node in entries:
        seen = True
        path = getattr(pack, "path", str(pack))
        settings = node.get("settings") or {}
        if "quiet_word_values" in settings:
            quiet = {parse_value(v, path, settings, "quiet_word_values") for v in settings["quiet_word_values"]}
        if "magnitude_factors" in settings:
            vals = [parse_value(v, path, settings, "magnitude_factors") for v in settings["magnitude_factors"]]
            if any(v.denominator != 1 or v <= 1 for v in vals):
                raise _err("settings.magnitude_factors must be integers above 1", path, settings, "magnitude_factors")
            factors = tuple(int(v) for v in vals)
        for lang, side in (("ru", ru), ("zh", zh)):
            if lang in node:
                _merge_side(side, node[lang], lang, path)
        _merge_units(units, node.get("units") or (), path)
    if not seen:
        raise RuleError("no rule pack defines vocab.numbers (is rules/numbers.yaml missing?)")
    for name in ("digits", "units", "magnitudes"):
        if not zh.maps.get(name):
            raise RuleError(f"vocab.numbers: zh.{name} is empty; the number check cannot read Chinese")
    _index_ru_words(ru)
    return NumberVocab(
        ru=ru,
        zh=zh,
        units=units,
        quiet_word_values=frozenset(quiet if quiet is not None else {ZERO, Fraction(1, 2), ONE, Fraction(2)}),
        magnitude_factors=factors or (10, 100, 1000, 10000),
    )


def _merge_units(units: dict[str, dict[str, tuple[str, Fraction, Fraction]]], node: Any, path: str) -> None:
    for entry in node:
        factor = parse_value(entry["factor"], path, entry, "factor")
        if factor <= 0:
            raise _err("a unit's factor must be positive", path, entry, "factor")
        offset = parse_value(entry.get("offset", 0), path, entry, "offset")
        for lang in ("ru", "zh"):
            for form in _strings(entry.get(lang, [])):
                units[lang][form] = (entry["dimension"], factor, offset)


def _index_ru_words(ru: SideVocab) -> None:
    # One form, one reading; earlier sections win ("тысячи" is a
    # magnitude, never a fraction).
    for kind in ("magnitudes", "cardinals", "ordinals", "collectives", "fractions", "multiples", "times",
                 "group_nouns"):
        for form, value in ru.valued.get(kind, {}).items():
            if " " in form:
                continue
            ru.words.setdefault(form, (kind, value))


def _alternation(forms: Iterable[str]) -> str:
    return "|".join(re.escape(f) for f in sorted(set(forms), key=lambda s: (-len(s), s)))


# --------------------------------------------------------------------------
# Normalisation (length-preserving, so offsets stay true)

_WIDTH = {0xFF10 + i: ord("0") + i for i in range(10)}
_WIDTH.update({0xFF0E: ord("."), 0xFF05: ord("%"), 0xFF0C: ord(","), 0xFF1A: ord(":"),
               0xFF0D: ord("-"), 0xFF5E: ord("~"), 0x2212: ord("-")})


def _fold_char(code: int, lang: str) -> str:
    ch = chr(_WIDTH.get(code, code))
    if ch.isdigit() and not ("0" <= ch <= "9"):
        d = unicodedata.decimal(ch, None)
        return str(d) if d is not None else ch
    if lang == "ru":
        low = ch.lower()
        ch = low if len(low) == 1 else ch
        if ch == "ё":
            ch = "е"
    return ch


class _FoldTable(dict):  # type: ignore[type-arg]
    """``str.translate`` table that folds each character the first time
    it is seen, so a text is normalised in one C-level pass."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(code, self.lang)
        return folded


_FOLD = {"ru": _FoldTable("ru"), "zh": _FoldTable("zh")}


#: Characters the fold changes besides case: full-width signs and digits,
#: and decimal digits of other scripts.
_ODD = re.compile("[" + "".join(chr(c) for c in _WIDTH) + r"]|(?![0-9])\d")


def normalise(text: str, lang: str) -> str:
    """Same-length copy of ``text`` for matching: full-width digits and
    signs folded to ASCII, other decimal digits to ASCII, Russian lower
    case with ``ё`` as ``е``.

    Each character is folded on its own (:func:`_fold_char`); the C-level
    ``str.lower`` gives the same result unless a character lower-cases to
    two (İ) or by context (a final Σ), and only text holding one of the
    rarer characters goes through the per-character table."""
    if lang == "ru":
        low = text.lower()
        if len(low) != len(text) or "Σ" in text:
            return text.translate(_FOLD["ru"])
        low = low.replace("ё", "е")
        if not low.isascii() and _ODD.search(low):
            low = low.translate(_FOLD["ru"])
        return low
    if not text.isascii() and _ODD.search(text):
        return text.translate(_FOLD["zh"])
    return text


SPACES = " \u00a0\u202f\u2009\t"
DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015"

RU_DIGITS = re.compile(
    r"(?<![0-9])(?:[0-9]{1,3}(?:[ \u00a0\u202f\u2009][0-9]{3})+(?![0-9])|[0-9]+)(?:[.,][0-9]+(?![0-9]))?"
)
ZH_DIGITS = re.compile(
    r"(?<![0-9])(?:[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]{1,3}(?:[ \u00a0][0-9]{3})+(?![0-9])|[0-9]+)"
    r"(?:\.[0-9]+(?![0-9]))?"
)
URL = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.]+", re.I)
PHONE = re.compile(
    r"(?:\+\d{1,3}[\s\u00a0-]?)?(?:\(\d{2,5}\)|\d{3,5})[\s\u00a0-]\d{2,4}[\s\u00a0-]\d{2}[\s\u00a0-]\d{2}(?!\d)"
    r"|(?<![\d,.])(?:\+\d{1,3}|0\d{2,4}|8(?=[\s\u00a0-]?\())(?:[\s\u00a0-]?\(?\d{2,4}\)?){2,4}(?![\d,]|\.\d)"
)
DMY = re.compile(r"(?<![\d.])\d{1,2}[./]\d{1,2}[./]\d{2,4}(?![\d.])|(?<![\d-])\d{4}-\d{2}-\d{2}(?!\d)")
TIME = re.compile(r"(?<![\d:.])([01]?\d|2[0-3])[:.][0-5]\d(?![\d:])")
VERSION = re.compile(r"(?<![\d.])\d+(?:\.\d+){2,}(?![\d])")


def _latin_word_before(norm: str, start: int) -> bool:
    """A number right after a Latin word names a product or an event:
    "Bellator 206", "Boeing 737", "iPhone 11"."""
    m = re.search(r"(?<![\w])([A-Za-z][A-Za-z]+)[ \u00a0]$", norm[max(0, start - 30):start])
    return bool(m) and m.group(1)[0].isupper()


def _is_letter(ch: str) -> bool:
    return bool(ch) and ch.isalpha()


def _digit_value(s: str, lang: str) -> tuple[Fraction, Fraction]:
    """Value and precision unit of a digit string."""
    s = re.sub(r"[ \u00a0\u202f\u2009]", "", s)
    if lang == "zh":
        s = s.replace(",", "")
        s = s.replace("\u00a0", "").replace(" ", "")
    whole, sep, frac = s.replace(",", ".").partition(".")
    value = Fraction(int(whole or "0"))
    unit = ONE
    if frac:
        value += Fraction(int(frac), 10 ** len(frac))
        unit = Fraction(1, 10 ** len(frac))
    return value, unit


def number_vocab(rules: Any) -> NumberVocab | None:
    """The merged ``vocab: numbers`` of the loaded packs, built once per
    rule set; None only if not even the shipped pack can be found, which
    turns the check off rather than failing every lint."""

    def build() -> NumberVocab | None:
        entries = list(rules.vocab("numbers"))
        return compile_vocab(entries) if entries else None

    return rules.cached("numbers.vocab", build)
