"""Numbers in Russian and Chinese text: find them, read their values,
decide whether two of them say the same.

Everything here is a pure function of the text and a compiled
:class:`NumberVocab`; the words themselves (magnitudes, number words,
classifiers, approximation words) come from the ``vocab: numbers:``
section of the rule packs (``rules/numbers.yaml``), so a user can add a
missing word without touching code.

Reading rules, in short:

* Digits in any script (full-width too); Russian decimal comma and
  Chinese decimal point; thousands grouped by space, NBSP, narrow NBSP
  (Russian) or comma (Chinese).
* A magnitude word after a number multiplies it (``1,5 млн``,
  ``1.085亿``, ``1.2万亿``); in a range the magnitude of the second end
  applies to the first (``5–7 млн`` is 5 000 000 to 7 000 000).
* Russian number words in every case and gender combine (``двадцать
  пять тысяч``); Chinese numerals (``十五万``, ``二〇二六``, ``百分之二十五``,
  ``一个半``) count only before a classifier or after 第/百分之, so that
  ``一些`` or ``统一`` are not numbers.
* Some mentions are *quiet*: they count as the counterpart of a value on
  the other side but are never reported themselves.  These are numbers
  in dates, years, decades and centuries (the date check owns them),
  clock times, codes and names (``G20``, ``COVID-19``, ``СНВ-3``,
  ``«Сила Сибири — 2»``), references (``ст. 5``, ``№ 12``, ``第5条``),
  phone numbers, and number *words* whose value is 0, 1/2, 1 or 2
  (``один`` and ``两`` stand for articles and "both" as often as for
  counts).

Equality (:func:`values_equal`): two values are equal when they differ
by at most half the last written digit of the less precise one, so the
more precise one rounds to it (``1,51 млн`` = ``151万``; ``1,5 млн`` =
``151万``; ``3 тыс.`` = ``3200``; but ``1500`` ≠ ``2000``: plain integers
and written-out Chinese numerals are exact).  An approximation word
(``около``, ``более``, ``约``, ``超过``, ``多`` ...) makes a value
approximate, not equal to a neighbouring one: ``около 80`` and ``近82``
differ.  Only a plausible rounding (:func:`rounding_of`: ``около 2000``
and ``约1950``) is told apart, as a milder finding.  Words that state a
figure exactly (``达``, ``共``, ``累计``) are not approximation words.  Values in different units of one
dimension (metres and yards, °C and °F, km/h and mph, days and months)
are converted and may differ by 12 %, since translators round
conversions.  Signs are ignored.  ``两倍`` reads as 2× or 3× and ``五分之一``
as 1/5, 20 % or "every fifth".
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from fractions import Fraction
from functools import lru_cache
from typing import Any

from ruconsist import regexcache
from ruconsist.errors import RuleError
from ruconsist.lang.numerals import roman_value
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


# --------------------------------------------------------------------------
# Extraction


def extract_numbers(text: str, lang: str, vocab: NumberVocab) -> list[NumberMention]:
    """All number mentions in ``text`` (``lang`` is ``"ru"`` or ``"zh"``),
    ordered by position."""
    norm = normalise(text, lang)
    if lang == "ru":
        mentions = _extract_ru(text, norm, vocab)
    else:
        mentions = _extract_zh(text, norm, vocab)
    mentions.sort(key=lambda m: (m.start, -m.end))
    out: list[NumberMention] = []
    last_end = -1
    for m in mentions:
        if m.start < last_end:
            continue
        out.append(m)
        last_end = m.end
    if lang == "ru":
        out = _ru_clock_words(text, norm, out)
    return _join_ranges(text, norm, _join_compound_figures(text, norm, out), lang)


#: "в восемь тридцать", "к девяти пятнадцати": an hour and its minutes in
#: words after a preposition of time.
_RU_CLOCK_BEFORE = re.compile(r"(?:^|[^а-я])(?:в|к|до|с|после|около)[ \u00a0]+$")
#: "половина пятого" (half past four), "половины пятого", "в половине пятого".
_RU_HALF = re.compile(r"половин[аеуы][ \u00a0]+$")


def _ru_clock_words(text: str, norm: str, mentions: list[NumberMention]) -> list[NumberMention]:
    """Clock times written in words are times, not counts: ``в восемь
    тридцать`` is 8:30 (``8点半``), ``около половины пятого`` 4:30 (the
    half hour before five, ``四点半``).  Read as one quiet time mention
    whose value is the hour with its fraction, as Chinese ``N点半`` is."""
    out: list[NumberMention] = []
    i = 0
    while i < len(mentions):
        m = mentions[i]
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        whole = m.value.denominator == 1
        if (nxt is not None and not m.digits and not nxt.digits and whole and 1 <= m.value <= 24
                and m.kind == "cardinal" and nxt.kind == "cardinal" and nxt.value.denominator == 1
                and 10 <= nxt.value < 60 and not norm[m.end:nxt.start].strip(SPACES)
                and _RU_CLOCK_BEFORE.search(norm[max(0, m.start - 10):m.start])):
            out.append(NumberMention(m.start, nxt.end, m.value + nxt.value / 60, "time", m.approx,
                                     text[m.start:nxt.end], unit=Fraction(1, 60), quiet=True, role="time",
                                     digits=False))
            i += 2
            continue
        if (m.kind == "ordinal" and not m.digits and whole and 1 <= m.value <= 12
                and _RU_HALF.search(norm[max(0, m.start - 12):m.start])):
            if out and out[-1].kind == "fraction" and out[-1].value == Fraction(1, 2):
                start = out.pop().start
            else:
                start = m.start
            out.append(NumberMention(start, m.end, m.value - Fraction(1, 2), "time", m.approx,
                                     text[start:m.end], unit=Fraction(1, 2), quiet=True, role="time",
                                     digits=False))
            i += 1
            continue
        out.append(m)
        i += 1
    return out


_SPAN_WORDS = {Fraction(10): "десятилет", Fraction(100): "столет", Fraction(1000): "тысячелет"}
_YEAR = ("time", Fraction(31536000), ZERO)


def _join_compound_figures(text: str, norm: str, mentions: list[NumberMention]) -> list[NumberMention]:
    """One figure written in parts of falling magnitude is one value:
    ``3 млн 450 тыс.`` = 3 450 000, ``1 млрд 200 млн`` = 1 200 000 000,
    ``15 тыс. 300`` = 15 300, ``1亿2000万`` = 120 000 000.  A count of
    decades or centuries is a count of years: ``два десятилетия`` = 20
    years."""
    out: list[NumberMention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (prev is not None and prev.kind == "cardinal" and prev.role in ("", "word") and m.role == "vague"
                and m.kind == "compound" and norm.startswith(_SPAN_WORDS.get(m.value, "\0"), m.start)
                and not norm[prev.end:m.start].strip(SPACES)):
            out[-1] = replace(prev, end=m.end, value=prev.value * m.value, unit=prev.unit * m.value,
                              raw=text[prev.start:m.end], quiet=False, role="", measure=_YEAR)
            continue
        if (prev is not None and prev.factor > 1 and not prev.quiet and not m.quiet
                and prev.kind == "cardinal" and m.kind == "cardinal" and m.digits and prev.digits
                and m.factor < prev.factor and m.value < prev.factor and m.measure is None
                and not norm[prev.end:m.start].strip(SPACES)):
            out[-1] = replace(prev, end=m.end, value=prev.value + m.value, unit=m.unit,
                              raw=text[prev.start:m.end], approx=prev.approx or m.approx)
            continue
        out.append(m)
    return out


#: A URL or an e-mail address has one of these; phone numbers,
#: versions, dates and times have a digit.
_URL_GATE = re.compile(r"@|http|www\.", re.I)
_DIGIT = re.compile(r"\d")


def _mask_spans(norm: str) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    if _URL_GATE.search(norm):
        for m in URL.finditer(norm):
            spans.append((m.start(), m.end(), "code"))
    if not _DIGIT.search(norm):
        return spans
    for rx, role in ((PHONE, "code"), (VERSION, "code"), (DMY, "date"), (TIME, "time")):
        for m in rx.finditer(norm):
            spans.append((m.start(), m.end(), role))
    return spans


def _in_spans(spans: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    for a, b, role in spans:
        if a < end and start < b:
            return role
    return None


def _skip_space(norm: str, i: int) -> int:
    while i < len(norm) and norm[i] in SPACES:
        i += 1
    return i


def _regex(vocab: NumberVocab, name: str, build) -> re.Pattern[str]:  # type: ignore[no-untyped-def]
    pat = vocab._regex.get(name)
    if pat is None:
        pat = vocab._regex[name] = build()
    return pat


def _words_after(forms: Iterable[str]) -> re.Pattern[str]:
    alt = _alternation(forms)
    if not alt:
        return regexcache.compile(r"(?!x)x")
    return regexcache.compile(rf"[ \u00a0\u202f\u2009]*(?:{alt})(?![а-яa-z0-9])")


def _words_before(forms: Iterable[str]) -> re.Pattern[str]:
    alt = _alternation(forms)
    if not alt:
        return regexcache.compile(r"(?!x)x")
    return regexcache.compile(rf"(?<![а-яa-z])(?:{alt})[ \u00a0\u202f\u2009]*$")


def _ru_patterns(vocab: NumberVocab) -> dict[str, re.Pattern[str]]:
    def build():  # type: ignore[no-untyped-def]
        ru = vocab.ru
        mags = ru.valued.get("magnitudes", {})
        percent = ru.list("percent")
        return {
            "mag": regexcache.compile(rf"[ \u00a0\u202f\u2009]*({_alternation(mags)})(?![а-яa-z0-9])"),
            "percent": regexcache.compile(rf"[ \u00a0\u202f\u2009]*({_alternation(percent)})(?![а-яa-z0-9])"),
            "year": _words_after(ru.list("year_after")),
            "century": _words_after(ru.list("century_after")),
            "time": regexcache.compile(
                rf"(?:[ \u00a0\u202f\u2009]+час[а-я]*)?{_words_after(ru.list('time_after')).pattern}"
            ),
            "approx_before": _words_before(ru.list("approx_before")),
            "approx_after": _words_after(ru.list("approx_after")),
            "reference": _words_before(ru.list("reference_before")),
            "roman_next": _words_after(ru.list("roman_before")),
            "names": regexcache.compile(rf"(?<![а-яa-z])(?:{_alternation(ru.list('names'))})(?![а-яa-z])")
            if ru.list("names") else regexcache.compile(r"(?!x)x"),
            "compound": regexcache.compile(
                rf"(?<![а-яa-z])({_alternation(ru.valued.get('compound_prefixes', {}))})"
                rf"({_alternation(ru.valued.get('compound_prefixes', {}))})?"
                rf"(?:{_alternation(ru.list('compound_stems'))})[а-я]*"
            ),
            "mult_stem": regexcache.compile(
                rf"(?<![а-яa-z])({_alternation(ru.valued.get('multiple_stems', {}))})[а-я]*"
            ),
            "suffix": regexcache.compile(r"[-\u2010\u2011]([а-я]+)"),
            "unit": regexcache.compile(
                rf"[ \u00a0\u202f\u2009]*({_alternation(vocab.units['ru'])})(?![а-яa-z0-9])"
            ) if vocab.units["ru"] else regexcache.compile(r"(?!x)x"),
            "implicit_one": regexcache.compile(rf"(?<![а-я])(?:{_alternation(ru.list('implicit_one'))})(?![а-я])")
            if ru.list("implicit_one") else regexcache.compile(r"(?!x)x"),
            "raz": regexcache.compile(r"[ \u00a0\u202f\u2009]+раз(?:а)?(?![а-я])"),
            "v_before": regexcache.compile(r"(?<![а-я])в[ \u00a0\u202f\u2009]+$"),
        }

    return _regex(vocab, "ru", build)  # type: ignore[return-value]


def _quoted_name_spans(norm: str) -> list[tuple[int, int, str]]:
    # «Сила Сибири — 2», "Союз МС-21": a number closing a quoted name.
    spans: list[tuple[int, int, str]] = []
    if not _DIGIT.search(norm):
        return spans
    for m in re.finditer(r"[«\"“„]([^«»\"“”„\n]{1,80})[»\"”“]", norm):
        inner = m.group(1)
        if re.search(rf"[^\W\d_][ \u00a0]*[{DASHES}]?[ \u00a0]*\d+[ \u00a0]*$", inner):
            spans.append((m.start(), m.end(), "name"))
    return spans


def _ru_date_like(norm: str, i: int, vocab: NumberVocab) -> bool:
    months = _ru_month_pattern(tuple(vocab.ru.list("month_abbreviations")))
    return bool(months.match(norm, i))


@lru_cache(maxsize=8)
def _ru_month_pattern(abbrevs: tuple[str, ...]) -> re.Pattern[str]:
    names = set(ru_month_names())
    names.update(a.rstrip(".") for a in abbrevs)
    alt = _alternation(names)
    return regexcache.compile(rf"[ \u00a0\u202f\u2009]*(?:{alt})\.?(?![а-я])")


@lru_cache(maxsize=1)
def ru_month_names() -> tuple[str, ...]:
    """Russian month names in every CLDR form (lower case, no dots);
    kept on disk, so that a run that only needs the names does not load
    CLDR."""
    from ruconsist import cache

    return cache.cached("ru-months", cache.key_for("ru-months", cache.code_digest(__file__)), _cldr_month_names, tuple)


def _cldr_month_names() -> tuple[str, ...]:
    from babel.dates import get_month_names

    out: set[str] = set()
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            for name in get_month_names(width, context, locale="ru").values():
                out.add(name.lower().rstrip(".").replace("ё", "е"))
    # Prepositional and other cases of the wide names ("в феврале").
    for name in list(get_month_names("wide", "stand-alone", locale="ru").values()):
        n = name.lower()
        stem = n[:-1] if n[-1] in "ьй" else n
        out.update({stem + "е", stem + "я", stem + "ю", stem + "ем", n})
    return tuple(sorted(out))


def _extract_ru(text: str, norm: str, vocab: NumberVocab) -> list[NumberMention]:
    p = _ru_patterns(vocab)
    masks = _mask_spans(norm) + _quoted_name_spans(norm)
    for m in p["names"].finditer(norm):
        masks.append((m.start(), m.end(), "name"))
    out: list[NumberMention] = []
    for m in RU_DIGITS.finditer(norm):
        out.append(_ru_digit_mention(text, norm, m, vocab, p, masks))
    out.extend(_ru_word_mentions(text, norm, vocab, p, masks))
    vague = tuple(vocab.ru.list("vague_compounds"))
    for m in p["compound"].finditer(norm):
        prefixes = vocab.ru.valued["compound_prefixes"]
        value = prefixes[m.group(1)]
        if m.group(2):
            # "двадцатичетырехчасовой": tens and units, 24.
            if not (value >= 20 and value % 10 == 0 and value < 100 and prefixes[m.group(2)] < 10):
                continue
            value += prefixes[m.group(2)]
        kind = "percent" if "процентн" in m.group(0) else "compound"
        mention = _finish(text, norm, m.start(), m.end(), value, ONE, kind, vocab, p, masks,
                          digits=False, lang="ru", rest=m.group(0)[len(m.group(1)) + len(m.group(2) or ""):])
        if not mention.quiet and m.group(0).startswith(vague):
            mention = replace(mention, quiet=True, role="vague")
        elif not mention.quiet and text[m.start()].isupper() and not _sentence_start(text, m.start()):
            # "Шестидневная война": a capitalised compound names an event.
            mention = replace(mention, quiet=True, role="name")
        out.append(mention)
    for m in p["mult_stem"].finditer(norm):
        value = vocab.ru.valued["multiple_stems"][m.group(1)]
        out.append(_finish(text, norm, m.start(), m.end(), value, ONE, "multiple", vocab, p, masks,
                           digits=False, lang="ru"))
    for m in p["implicit_one"].finditer(norm):
        prev = norm[:m.start()].rstrip(SPACES)
        tail = re.search(r"[0-9]+$|[а-я]+$", prev)
        if tail and (tail.group(0).isdigit() or tail.group(0) in vocab.ru.words):
            continue
        measure = vocab.units["ru"].get(m.group(0))
        out.append(NumberMention(m.start(), m.end(), ONE, "cardinal", False, text[m.start():m.end()],
                                 quiet=True, role="word", digits=False, measure=measure))
    for m in re.finditer(r"(?<![\w.-])([IVXLC]{1,7})(?![\w])", text):
        # Roman numerals ("XX век", "Людовик XVI", "XIX съезд") are
        # counterparts only; a lone "I" or "C" must be followed by a word
        # that takes Roman numerals.
        value = _roman(m.group(1))
        if value and (len(m.group(1)) > 1 or p["roman_next"].match(norm, m.end())
                      or re.match(rf"[{DASHES}][IVXLC]", text[m.end():m.end() + 2])):
            out.append(NumberMention(m.start(), m.end(), Fraction(value), "ordinal", False,
                                     text[m.start():m.end()], quiet=True, role="name", digits=False))
    return out


def _roman(s: str) -> int:
    total = roman_value(s, "IVXLC") or 0
    return total if 0 < total < 400 else 0


def _ru_digit_mention(text, norm, m, vocab, p, masks):  # type: ignore[no-untyped-def]
    start, end = m.start(), m.end()
    raw = m.group(0)
    value, unit = _digit_value(raw, "ru")
    alts: tuple[Fraction, ...] = ()
    if re.fullmatch(r"[0-9]{1,3},[0-9]{2}0", raw) and not raw.startswith("0"):
        # "500,000" in Russian text is English thousands grouping far more
        # often than a decimal with a trailing zero: read both ways.
        alts = (value,)
        value, unit = Fraction(int(raw.replace(",", ""))), ONE
    role = _in_spans(masks, start, end)
    before = norm[start - 1] if start else ""
    before2 = norm[start - 2] if start > 1 else ""
    after = norm[end] if end < len(norm) else ""
    kind = "cardinal"
    if role is None:
        if _is_letter(before) or (before in DASHES and _is_letter(before2)):
            role = "code"
        elif after and ("a" <= after <= "z") or (after in DASHES and end + 1 < len(norm) and "a" <= norm[end + 1] <= "z"):
            role = "code"
        elif re.match(r"\.[a-z]", norm[end:end + 2]):
            # "показатель 7.b.1": an indicator or section code.
            role = "code"
        elif _is_letter(after) and not (p["mag"].match(norm, end) or p["percent"].match(norm, end)
                                        or p["unit"].match(norm, end)):
            # "0ведены": a digit glued to a word is a typo or a code.
            role = "code"
        elif _latin_word_before(text, start):
            role = "code"
    suffix = p["suffix"].match(norm, end)
    if suffix and role is None:
        mag_stem = re.match(r"(тысяч|миллион|миллиард|триллион)", suffix.group(1))
        if mag_stem:
            # "25-тысячная толпа", "5-миллионный город".
            factor = vocab.ru.valued["magnitudes"].get(mag_stem.group(1) if mag_stem.group(1) != "тысяч" else "тысяч", ONE)
            return NumberMention(start, suffix.end(), value * factor, "compound", False,
                                 text[start:suffix.end()], unit=unit * factor, factor=factor,
                                 scale=mag_stem.group(1))
    if suffix:
        word = suffix.group(1)
        if value.denominator == 1 and value % 10 == 0 and re.fullmatch(r"е|х|ые|ых|ми|м", word):
            end = suffix.end()
            kind = "decade"
            role = role or "date"
            nxt = re.match(r"[ \u00a0]+(?:год[а-я]*|гг\.?)", norm[end:])
            if nxt:
                end += nxt.end()
        elif re.fullmatch(r"(?:й|я|е|го|му|м|ом|ой|ю|х|ти|ми|ых|ым|ая|ое|ые|ый|ий)", word):
            end = suffix.end()
            kind = "ordinal"
        elif "процентн" in word:
            end = suffix.end()
            kind = "percent"
        else:
            end = suffix.end()
            kind = "compound"
    return _finish(text, norm, start, end, value, unit, kind, vocab, p, masks, role=role, lang="ru",
                   num_end=m.end(), rest=suffix.group(1) if suffix else "", alts=alts)


def _finish(text, norm, start, end, value, unit, kind, vocab, p, masks, *, role=None,  # type: ignore[no-untyped-def]
            digits=True, lang="ru", num_end=None, approx=False, alts=(), rest=""):
    """Read what follows and precedes a Russian number: magnitude,
    percent, year, time, approximation, reference."""
    factor = ONE
    scale = ""
    if role is None:
        role = _in_spans(masks, start, end)
    if kind in ("cardinal", "ordinal") or kind == "word":
        mag = p["mag"].match(norm, end)
        if mag and kind != "ordinal":
            factor = vocab.ru.valued["magnitudes"][mag.group(1)]
            scale = text[mag.start(1):mag.end()]
            end = mag.end()
            value *= factor
            unit *= factor
            alts = tuple(a * factor for a in alts)
        pct = p["percent"].match(norm, end)
        if pct and kind != "ordinal":
            kind = "percent"
            end = pct.end()
        elif factor == 1 and value.denominator == 1 and 1000 <= value <= 2999 and p["year"].match(norm, end):
            kind, role = "year", role or "date"
            end = p["year"].match(norm, end).end()
        elif (factor == 1 and value.denominator == 1 and 1800 <= value <= 2100 and kind == "cardinal"
              and digits and re.match(r"[ \u00a0]*[)\]]", norm[end:])):
            # "(Тото, 2004)": a bare year closing a citation.
            kind, role = "year", role or "date"
        elif factor == 1 and value.denominator == 1 and 1000 <= value <= 2999 and kind == "ordinal":
            nxt = p["year"].match(norm, end)
            if nxt:
                kind, role = "year", role or "date"
        elif factor == 1 and p["century"].match(norm, end) and value <= 30:
            kind, role = "century", role or "date"
            end = p["century"].match(norm, end).end()
        elif factor == 1 and value <= 24 and p["time"].match(norm, end):
            kind, role = "time", role or "time"
        elif factor == 1 and value <= 31 and value.denominator == 1 and _ru_date_like(norm, end, vocab):
            kind, role = "date", role or "date"
        raz = p["raz"].match(norm, end)
        if raz and kind != "ordinal" and p["v_before"].search(norm, 0, start):
            kind = "multiple"
            end = raz.end()
    measure = None
    if kind in ("cardinal", "word", "percent", "compound", "fraction"):
        u = p["unit"].match(norm, end)
        if u and kind != "percent":
            measure = vocab.units["ru"][u.group(1)]
        elif kind == "compound" and rest:
            measure = _unit_prefix(rest, vocab.units["ru"])
    head = norm[max(0, start - 40):start]
    if p["reference"].search(head) and role is None and factor == 1 and kind != "percent":
        role = "reference"
    if p["approx_before"].search(head) or p["approx_after"].match(norm, end):
        approx = True
        tail = p["approx_after"].match(norm, end)
        if tail:
            end = tail.end()
    if role is None and value in vocab.quiet_word_values and (not digits or (
            kind == "cardinal" and factor == 1 and value in (ZERO, ONE))):
        # "1 名中国人" for "китайца", a "1-0" score in a headline.
        role = "word"
    return NumberMention(
        start=start, end=end, value=value, kind=kind, approx=approx, raw=text[start:end],
        unit=unit, alts=tuple(alts), quiet=role is not None, role=role or "", scale=scale,
        factor=factor, digits=digits, measure=measure,
    )


def _unit_prefix(rest: str, units: dict[str, tuple[str, Fraction, Fraction]]) -> tuple[str, Fraction, Fraction] | None:
    """The unit a compound carries after its number part: "килограммовое"
    in "300-килограммовое", "метровый" in "двухметровый"."""
    best: tuple[int, tuple[str, Fraction, Fraction]] | None = None
    for form, measure in units.items():
        if len(form) < 3 or not form.isalpha():
            continue
        stem = form[:-1] if len(form) > 4 else form
        if rest.startswith(stem) and (best is None or len(stem) > best[0]):
            best = (len(stem), measure)
    return best[1] if best else None


def _ru_word_mentions(text, norm, vocab, p, masks):  # type: ignore[no-untyped-def]
    words = vocab.ru.words
    tokens = [(m.start(), m.end(), m.group(0)) for m in re.finditer(r"[а-я]+", norm)]
    out = []
    i = 0
    n = len(tokens)
    while i < n:
        s, e, w = tokens[i]
        entry = words.get(w)
        if entry is None:
            i += 1
            continue
        kind, value = entry
        if kind in ("times", "group_nouns"):
            quiet = kind == "group_nouns" or value in vocab.quiet_word_values
            out.append(NumberMention(s, e, value, "cardinal", False, text[s:e], quiet=quiet,
                                     role="word" if quiet else "", digits=False))
            i += 1
            continue
        if kind == "multiples":
            out.append(_finish(text, norm, s, e, value, ONE, "multiple", vocab, p, masks, digits=False))
            i += 1
            continue
        if kind == "magnitudes":
            # A bare magnitude ("тысячи людей", "миллион"): vague or one;
            # a counterpart only.
            out.append(NumberMention(s, e, value, "cardinal", False, text[s:e], quiet=True,
                                     role="vague", digits=False))
            i += 1
            continue
        # Compose: hundreds, tens, units, then a magnitude, repeatedly.
        total = ZERO
        group = ZERO
        last_place = 10 ** 13
        j = i
        end = e
        out_kind = "cardinal"
        group_place_cap = 1000
        while j < n:
            ts, te, tw = tokens[j]
            if j > i and norm[tokens[j - 1][1]:ts].strip(SPACES) != "":
                break
            ent = words.get(tw)
            if ent is None:
                break
            k, v = ent
            if (k == "ordinals" and j > i and group and not total and last_place == 1
                    and tw.endswith(("ых", "их", "ыми", "ими")) and v > 1):
                # "три пятых" = 3/5, "двух третьих" = 2/3; but "двадцать
                # пятых" (after tens) is the ordinal 25th.
                total = group / v
                group = ZERO
                end = te
                out_kind = "fraction"
                j += 1
                break
            if k in ("cardinals", "ordinals"):
                if v >= 1000 and k == "ordinals":
                    if j == i or group or total:
                        total = (total + (group or ONE) * v) if (group or total) else v
                        group = ZERO
                        end = te
                        out_kind = "ordinal"
                        j += 1
                    break
                if v >= 1000:  # полмиллиона and the like: alone
                    if j == i:
                        group = v
                        end = te
                        j += 1
                    break
                place = 100 if v >= 100 else (10 if v >= 20 else 1)
                if v.denominator != 1:
                    place = 1
                if place >= last_place or place >= group_place_cap:
                    break
                if 10 <= v < 20 and last_place == 10:
                    break
                group += v
                last_place = place if not (10 <= v < 20) else 1
                if 10 <= v < 20 or v == 10:
                    last_place = 1
                end = te
                j += 1
                if k == "ordinals":
                    out_kind = "ordinal"
                    break
                if v.denominator != 1:
                    last_place = 1
            elif k == "magnitudes":
                if j == i:
                    break
                if total and v >= _top_factor(total):
                    break
                total += (group or ONE) * v
                group = ZERO
                last_place = 10 ** 13
                group_place_cap = 1000
                end = te
                j += 1
                if v == 1000:
                    group_place_cap = 1000
            elif k == "fractions":
                if j == i:
                    total = v
                else:
                    total += (group or ONE) * v
                    group = ZERO
                end = te
                out_kind = "fraction"
                j += 1
                break
            elif k == "collectives":
                if j == i:
                    group = v
                    end = te
                    out_kind = "collective"
                    j += 1
                break
            else:
                break
        if j == i:
            i += 1
            continue
        value = total + group
        last_kind, last_value = words[tokens[j - 1][2]]
        word_factor = last_value if last_kind == "magnitudes" and not group else ONE
        if out_kind == "collective":
            out_kind = "cardinal"
        kind_for_finish = "ordinal" if out_kind == "ordinal" else ("fraction" if out_kind == "fraction" else "word")
        mention = _finish(text, norm, s, end, value, word_factor, kind_for_finish, vocab, p, masks, digits=False,
                          alts=fraction_alts(value) if out_kind == "fraction" else ())
        if word_factor != 1:
            # "двадцать пять тысяч" is as precise as "25 тыс.".
            mention = replace(mention, factor=word_factor, scale=text[tokens[j - 1][0]:tokens[j - 1][1]])
        if mention.kind == "word":
            mention = replace(mention, kind="cardinal")
        if not mention.quiet and text[s].isupper() and not _sentence_start(text, s):
            # "Четырех углов", "Первый канал": a capitalised number word
            # inside a sentence names something.
            mention = replace(mention, quiet=True, role="name")
        out.append(mention)
        i = j
    return out


def _sentence_start(text: str, i: int) -> bool:
    before = text[:i].rstrip(" \u00a0\t\"«“„(—–-")
    return not before or before[-1] in ".!?…:\n"


def fraction_alts(value: Fraction) -> tuple[Fraction, ...]:
    """Other ways to say a fraction: as a percentage (五分之一 = 20 %) and,
    for 1/N, as "every N-th" (каждый пятый)."""
    alts = [value * 100]
    if value.numerator == 1:
        alts.append(Fraction(value.denominator))
    return tuple(alts)


def _top_factor(total: Fraction) -> Fraction:
    f = ONE
    while f * 1000 <= total:
        f *= 1000
    return f


# --------------------------------------------------------------------------
# Chinese


def _zh_patterns(vocab: NumberVocab) -> dict[str, Any]:
    def build():  # type: ignore[no-untyped-def]
        zh = vocab.zh
        digits = zh.maps["digits"]
        units = zh.maps["units"]
        mags = zh.maps["magnitudes"]
        numchars = "".join(sorted(set(digits) | set(units) | set(mags)))
        cls = zh.list("classifiers")
        after = {
            name: _zh_alt(zh.list(name)) for name in (
                "approx_after", "percent_after", "multiple_after", "tenths_after", "time_after",
                "reference_after", "article_after", "year_after", "month_after", "day_after",
                "decade_after", "century_after", "vague_after",
            )
        }
        return {
            "numchars": numchars,
            "numeral": regexcache.compile(
                rf"[{re.escape(numchars)}]+(?:点[{re.escape(''.join(digits))}]+)?"
            ),
            "mags": regexcache.compile(rf"[{re.escape(''.join(mags))}{re.escape(''.join(units))}]+"),
            "cls": regexcache.compile(rf"(?:{_zh_alt(cls)})") if cls else regexcache.compile(r"(?!x)x"),
            "after": {k: regexcache.compile(f"(?:{v})") if v else regexcache.compile(r"(?!x)x") for k, v in after.items()},
            "approx_before": _zh_before(zh.list("approx_before")),
            "vague_before": _zh_before(zh.list("vague_before")),
            "weekday_before": _zh_before(zh.list("weekday_before")),
            "ordinal_before": _zh_before(zh.list("ordinal_before")),
            "percent_before": _zh_before(zh.list("percent_before")),
            "permille_before": _zh_before(zh.list("permille_before")),
            "reference_before": _zh_before(zh.list("reference_before")),
            "multiple_by_before": _zh_before(zh.list("multiple_by_before")),
            "multiple_to_before": _zh_before(zh.list("multiple_to_before")),
            "unit": regexcache.compile(_zh_alt(vocab.units["zh"]), re.I) if vocab.units["zh"] else regexcache.compile(r"(?!x)x"),
            "not_numbers": regexcache.compile(_zh_alt(zh.list("not_numbers"))) if zh.list("not_numbers") else None,
            "names": regexcache.compile(_zh_alt(zh.list("names"))) if zh.list("names") else None,
            "multiples": regexcache.compile(_zh_alt(zh.valued.get("multiples", {})))
            if zh.valued.get("multiples") else None,
            "fraction_mark": (zh.list("fraction_mark") or ["分之"])[0],
        }

    return _regex(vocab, "zh", build)  # type: ignore[return-value]


def _zh_alt(forms: Iterable[str]) -> str:
    return "|".join(re.escape(f) for f in sorted(set(forms), key=lambda s: (-len(s), s)))


def _zh_before(forms: Iterable[str]) -> re.Pattern[str]:
    alt = _zh_alt(forms)
    return regexcache.compile(rf"(?:{alt})[ \u00a0]*$") if alt else regexcache.compile(r"(?!x)x")


def parse_zh_numeral(s: str, vocab: NumberVocab) -> Fraction | None:
    """Value of a Chinese numeral (``十五万``, ``一百零五``, ``二〇二六``,
    ``三点五``), or None when the characters do not form a number."""
    zh = vocab.zh
    digits, units, mags = zh.maps["digits"], zh.maps["units"], zh.maps["magnitudes"]
    if "点" in s:
        whole, _, frac = s.partition("点")
        w = parse_zh_numeral(whole, vocab)
        if w is None or not frac or any(c not in digits for c in frac):
            return None
        f = Fraction(int("".join(str(int(digits[c])) for c in frac)), 10 ** len(frac))
        return w + f
    if not s:
        return None
    if all(c in digits for c in s):
        if len(s) == 1:
            return digits[s]
        # Digit by digit: 二〇二六.
        return Fraction(int("".join(str(int(digits[c])) for c in s)))
    # Split on the largest magnitude, last occurrence first (万亿 = 10^12).
    for mag_char, mag in sorted(mags.items(), key=lambda kv: -kv[1]):
        if mag_char in s:
            idx = s.rfind(mag_char)
            left, right = s[:idx], s[idx + 1:]
            lv = parse_zh_numeral(left, vocab) if left else ONE
            if lv is None:
                return None
            rv = ZERO
            if right:
                rv = parse_zh_numeral(right.lstrip("零〇"), vocab) if right.lstrip("零〇") else ZERO
                if rv is None or rv >= mag:
                    return None
            return lv * mag + rv
    total = ZERO
    num: Fraction | None = None
    last_unit = Fraction(10 ** 6)
    for c in s:
        if c in digits:
            if num is not None and digits[c] != 0:
                return None
            num = digits[c] if digits[c] != 0 else None
        elif c in units:
            u = units[c]
            if u >= last_unit:
                return None
            total += (num if num is not None else ONE) * u
            num = None
            last_unit = u
        else:
            return None
    if num is not None:
        total += num
    return total


def _zh_unit_of(s: str, vocab: NumberVocab) -> Fraction:
    """Precision of a Chinese numeral.  Written-out numbers are exact
    (三千 = 3000, precise to one); a number scaled by 万 or 亿 is precise
    to its last written place (十五万 to 10 000, 三万五千 to 1000)."""
    units = vocab.zh.maps["units"]
    mags = vocab.zh.maps["magnitudes"]
    if "点" in s:
        return Fraction(1, 10 ** len(s.partition("点")[2]))
    if not any(c in mags for c in s):
        return ONE
    unit = ONE
    i = len(s) - 1
    while i >= 0 and (s[i] in mags or s[i] in units):
        unit *= mags.get(s[i]) or units[s[i]]
        i -= 1
        if i >= 0 and s[i] not in mags and s[i] not in units:
            break
    return unit


def _extract_zh(text: str, norm: str, vocab: NumberVocab) -> list[NumberMention]:
    p = _zh_patterns(vocab)
    masks = _mask_spans(norm) + _quoted_name_spans(norm)
    if p["names"]:
        for m in p["names"].finditer(norm):
            masks.append((m.start(), m.end(), "name"))
    skip: list[tuple[int, int]] = []
    if p["not_numbers"]:
        for m in p["not_numbers"].finditer(norm):
            skip.append((m.start(), m.end()))
    out: list[NumberMention] = []
    for m in ZH_DIGITS.finditer(norm):
        value, unit = _digit_value(m.group(0), "zh")
        role = _in_spans(masks, m.start(), m.end())
        short_end = re.search(r"(?<![\d.])(1\d|20)(\d\d)[ \u00a0]*[-–—~][ \u00a0]*$", norm[max(0, m.start() - 8):m.start()])
        if short_end and len(m.group(0)) == 2 and int(m.group(0)) > int(short_end.group(2)):
            # 1635-36: the end of a range of years, 1636.
            out.append(NumberMention(m.start(), m.end(), Fraction(int(short_end.group(1)) * 100 + int(m.group(0))),
                                     "year", False, m.group(0), quiet=True, role="date"))
            continue
        before = norm[m.start() - 1] if m.start() else ""
        before2 = norm[m.start() - 2] if m.start() > 1 else ""
        after = norm[m.end()] if m.end() < len(norm) else ""
        if role is None and (
            ("a" <= before.lower() <= "z") or (before in DASHES and "a" <= before2.lower() <= "z")
            or (("a" <= after.lower() <= "z") and not p["unit"].match(norm, m.end()))
            or (after in DASHES and m.end() + 1 < len(norm) and "a" <= norm[m.end() + 1].lower() <= "z")
            or _latin_word_before(text, m.start())
        ):
            role = "code"
        ordinal = bool(p["ordinal_before"].search(norm[max(0, m.start() - 3):m.start()]))
        mention = _zh_finish(text, norm, m.start(), m.end(), value, unit, vocab, p, role, digits=True,
                             numeral=m.group(0), ordinal=ordinal)
        if mention is not None:
            out.append(mention)
    for m in p["numeral"].finditer(norm):
        mention = _zh_numeral_mention(text, norm, m, vocab, p, masks, skip)
        if mention is not None:
            out.append(mention)
    for m in re.finditer(r"(?<![个0-9〇零一二三四五六七八九十两])半(?=[ \u00a0]*\S)", norm):
        u = p["unit"].match(norm, m.end())
        if u or p["cls"].match(norm, m.end()):
            measure = vocab.units["zh"][u.group(0).lower()] if u else None
            out.append(NumberMention(m.start(), m.end(), Fraction(1, 2), "cardinal", False, "半",
                                     unit=Fraction(1, 2), quiet=True, role="word", digits=False,
                                     measure=measure))
    for m in re.finditer("百分之百|百分百", norm):
        # "a hundred per cent", as often "entirely" as a figure: it answers
        # ``сто процентов`` but is never reported on its own.
        out.append(NumberMention(m.start(), m.end(), Fraction(100), "percent", False, m.group(0),
                                 quiet=True, role="word", digits=False))
    if p["multiples"]:
        for m in p["multiples"].finditer(norm):
            value = vocab.zh.valued["multiples"][m.group(0)]
            role = "word" if value in vocab.quiet_word_values else ""
            out.append(NumberMention(m.start(), m.end(), value, "multiple", False, text[m.start():m.end()],
                                     quiet=bool(role), role=role, digits=False))
    return out


def _classifier_beyond(p: dict[str, Any], norm: str, end: int, skip: list[tuple[int, int]]) -> bool:
    """十分钟 is ten minutes though 十分 is "very": a classifier that runs
    past the end of the skipped word wins."""
    cl = p["cls"].match(norm, end)
    return bool(cl) and any(a < end < b < cl.end() for a, b in skip)


def _zh_numeral_mention(text, norm, m, vocab, p, masks, skip):  # type: ignore[no-untyped-def]
    s = m.group(0)
    start, end = m.start(), m.end()
    if any(a <= start < b for a, b in skip) and not _classifier_beyond(p, norm, end, skip):
        # A numeral that starts inside a word such as 一些, 十分 or 千万
        # is no number; 三千万 (starting before 千万) still is.
        return None
    head = norm[max(0, start - 6):start]
    if p["weekday_before"].search(head) and len(s) == 1 and not p["cls"].match(norm, end):
        return None
    if p["vague_before"].search(head):
        return None
    if p["after"]["vague_after"].match(norm, end):
        return None
    clock = _ZH_CLOCK.match(norm, start)
    if clock and "点" in s and clock.end() > end:
        # 八点二十分 is 8:20, not 8.2 and "very" (十分).
        hour = parse_zh_numeral(clock.group(1), vocab)
        minutes = parse_zh_numeral(clock.group(2), vocab)
        if hour is not None and minutes is not None and hour <= 24 and minutes < 60:
            return NumberMention(start, clock.end(), hour + minutes / 60, "time", False,
                                 text[start:clock.end()], unit=Fraction(1, 60), quiet=True, role="time",
                                 digits=False)
    fmark = p["fraction_mark"]
    # N分之M: a fraction (or per cent after 百).
    if norm.startswith(fmark, end):
        m2 = p["numeral"].match(norm, end + len(fmark))
        if m2:
            den = parse_zh_numeral(s, vocab)
            num = parse_zh_numeral(m2.group(0), vocab)
            if den and num is not None:
                if s == "百":
                    value, kind = num, "percent"
                elif s == "千":
                    value, kind = num / 10, "percent"
                else:
                    value, kind = num / den, "fraction"
                role = _in_spans(masks, start, m2.end())
                if role is None and value in vocab.quiet_word_values:
                    role = "word"
                return _zh_approx(norm, NumberMention(
                    start, m2.end(), value, kind, False, text[start:m2.end()],
                    unit=_zh_unit_of(m2.group(0), vocab) if kind == "percent" else ZERO,
                    alts=fraction_alts(value) if kind == "fraction" else (),
                    quiet=role is not None, role=role or "", digits=False), p, text)
        return None
    if p["percent_before"].search(head) or p["permille_before"].search(head):
        # The 百分之 prefix itself was read as a fraction above; the
        # numeral after it is part of that mention.
        return None
    # 五六万: "five or six (ten-thousand)".
    digits = vocab.zh.maps["digits"]
    pair = re.fullmatch(rf"([{re.escape(''.join(digits))}])([{re.escape(''.join(digits))}])(.*)", s)
    if pair and digits[pair.group(1)] and digits[pair.group(2)] == digits[pair.group(1)] + 1 and not re.search("[〇零]", s):
        rest = pair.group(3)
        mult = parse_zh_numeral("一" + rest, vocab) if rest else ONE
        if mult:
            a, b = digits[pair.group(1)] * mult, digits[pair.group(2)] * mult
            mention = _zh_finish(text, norm, start, end, a, mult, vocab, p, _in_spans(masks, start, end),
                                 digits=False, numeral=s, require_context=False)
            if mention:
                return replace(mention, approx=True, alts=(b,))
            return None
    value = parse_zh_numeral(s, vocab)
    if value is None:
        return None
    ordinal = bool(p["ordinal_before"].search(head))
    role = _in_spans(masks, start, end)
    units = vocab.zh.maps["units"]
    mags = vocab.zh.maps["magnitudes"]
    if s[0] in units and units[s[0]] >= 100 or s[0] in mags:
        # 百年, 千家万户, 万人: figurative more often than counted.
        role = role or "vague"
    return _zh_finish(text, norm, start, end, value, _zh_unit_of(s, vocab), vocab, p, role, digits=False,
                      numeral=s, ordinal=ordinal,
                      require_context=not ordinal and (len(s) == 1 or all(c in digits for c in s)))


def _zh_finish(text, norm, start, end, value, unit, vocab, p, role, *, digits, numeral,  # type: ignore[no-untyped-def]
               ordinal=False, require_context=False):
    """Read what follows and precedes a Chinese number: magnitude, 半,
    approximation, percent, 倍, date parts, clock time, classifier."""
    after = p["after"]
    kind = "ordinal" if ordinal else "cardinal"
    factor = ONE
    scale = ""
    alts: tuple[Fraction, ...] = ()
    approx = False
    increase = False
    pos = end

    def at(rx: re.Pattern[str]) -> re.Match[str] | None:
        # Chinese text from some sources puts spaces around digits
        # ("1100 万英镑", "2017 年 9 月").
        return rx.match(norm, _skip_space(norm, pos))

    if digits:
        # 20多万, 1.5万, 3千万, 1.2万亿.
        a = at(after["approx_after"])
        if a and p["mags"].match(norm, a.end()):
            approx = True
            pos = a.end()
        mg = at(p["mags"])
        if mg:
            # 4千克 is four kilograms, not four thousand; 5千米 five km;
            # 5亿千瓦时 is 500 million kWh: a unit or classifier that
            # begins with 千 or 万 ends the magnitude where it starts.
            cut = next((i for i in range(mg.start(), mg.end())
                        if p["unit"].match(norm, i) or (i > mg.start() and _unit_classifier(p, norm, i))), None)
            if cut is not None:
                mg = p["mags"].match(norm, mg.start(), cut) if cut > mg.start() else None
        if mg:
            for c in mg.group(0):
                factor *= vocab.zh.maps["magnitudes"].get(c) or vocab.zh.maps["units"][c]
            scale = mg.group(0)
            pos = mg.end()
            value *= factor
            unit *= factor
    context = False
    # 一个半小时, 两年半
    half = at(_HALF)
    if half and (p["cls"].match(norm, half.end()) or half.group(0) == "个半"):
        value += Fraction(1, 2)
        unit = min(unit, Fraction(1, 2))
        pos = half.end()
        context = True
    a = at(after["approx_after"])
    if a:
        approx = True
        pos = a.end()
        context = True
    whole_value = value.denominator == 1
    measure = None
    m = None
    if (m := at(after["percent_after"])) or (m := at(_PERCENT)):
        kind = "percent"
        pos = m.end()
        context = True
    elif m := at(after["multiple_after"]):
        kind = "multiple"
        increase = False
        head = norm[max(0, start - 8):start]
        if p["multiple_by_before"].search(head) and not p["multiple_to_before"].search(head):
            # 增加了2倍: grew BY twice, to three times (в 3 раза).
            value += 1
            increase = True
        elif not p["multiple_to_before"].search(head):
            # A bare 两倍 is read either way.
            alts = (value + 1,)
        pos = m.end()
        context = True
    elif m := at(after["decade_after"]):
        kind, role = "decade", role or "date"
        pos = m.end()
        context = True
    elif m := at(after["century_after"]):
        kind, role = "century", role or "date"
        pos = m.end()
        context = True
    elif (m := at(after["year_after"])) and factor == 1 and whole_value and not ordinal and (
        value >= 1000 or (not digits and len(numeral) >= 3 and all(c in vocab.zh.maps["digits"] for c in numeral))
    ):
        kind, role = "year", role or "date"
        pos = m.end()
        context = True
    elif (m := at(after["month_after"])) and factor == 1 and whole_value and 1 <= value <= 12 and not ordinal:
        kind, role = "date", role or "date"
        pos = m.end()
        context = True
    elif (m := at(after["day_after"])) and factor == 1 and whole_value and 1 <= value <= 31 and not ordinal:
        kind, role = "date", role or "date"
        pos = m.end()
        context = True
    elif ordinal and (m := at(after["article_after"])):
        role = role or "reference"
        pos = m.end()
        context = True
    elif (m := at(after["reference_after"])) and not ordinal:
        role = role or "reference"
        pos = m.end()
        context = True
    elif (m := at(after["tenths_after"])) and not digits and not ordinal and value <= 10:
        kind = "percent"
        value *= 10
        unit *= 10
        pos = m.end()
        context = True
    else:
        u = at(p["unit"])
        cl = at(p["cls"])
        tm = at(after["time_after"])
        after_cl = (u if u and (not cl or len(u.group(0)) >= len(cl.group(0))) else cl)
        if after_cl and norm.startswith("半", after_cl.end()) and not half:
            # 两年半 = 2.5 years
            value += Fraction(1, 2)
            unit = min(unit, Fraction(1, 2))
            pos = after_cl.end() + 1
        if u and (not cl or len(u.group(0)) >= len(cl.group(0))):
            measure = vocab.units["zh"][u.group(0).lower()]
            if measure[0] == "length" and re.search(r"(?:每小时|时速)[ \u00a0]*$", norm[max(0, start - 6):start]):
                # 每小时 85 英里 is a speed: per hour, in km/h-sized steps.
                measure = ("speed", measure[1] / 1000, ZERO)
            context = True
        elif tm and not (cl and len(cl.group(0)) > len(tm.group(0))) and whole_value and value <= 24 and not ordinal:
            kind, role = "time", role or "time"
            pos = tm.end()
            mins = _ZH_MINUTES.match(norm, pos)
            if mins:
                pos = mins.end()
            context = True
        elif cl:
            context = True
    if require_context and not context and re.match(
            rf"[ \u00a0]*(?:至|到|~|[{DASHES}])[ \u00a0]*[{re.escape(p['numchars'])}0-9]", norm[pos:]):
        # 三至六周: the first end of a range takes the second's classifier.
        context = True
    if require_context and not context and not (digits or factor != 1):
        # A numeral with no classifier (四音符, 三国) may be a word part as
        # well as a count: it answers a number on the other side but is
        # never reported itself.
        role = role or "bare"
    head = norm[max(0, start - 8):start]
    if p["approx_before"].search(head):
        approx = True
    if role is None and p["reference_before"].search(norm[max(0, start - 8):start]):
        role = "reference"
    if ordinal:
        kind = "ordinal"
        if start and norm[start - 1] == "第":
            start -= 1
    if role is None and value in vocab.quiet_word_values and (not digits or (
            kind == "cardinal" and factor == 1 and value in (ZERO, ONE))):
        role = "word"
    end = max(end, pos)
    return NumberMention(
        start=start, end=end, value=value, kind=kind, approx=approx, raw=text[start:end].rstrip(SPACES),
        unit=unit, alts=alts, quiet=role is not None, role=role or "", scale=scale, factor=factor,
        digits=digits, measure=measure, increase=kind == "multiple" and increase,
    )


def _unit_classifier(p: dict[str, Any], norm: str, i: int) -> bool:
    """Whether a classifier of more than one character that starts with a
    magnitude character (千瓦, 千克, 万元 is not one) begins at ``i``."""
    cl = p["cls"].match(norm, i)
    return bool(cl) and len(cl.group(0)) > 1 and not p["mags"].fullmatch(cl.group(0))


_HALF = re.compile(r"个?半")
_PERCENT = re.compile(r"%")
_ZH_CLOCK = re.compile(r"([零〇一二两三四五六七八九十]+)[点點]([零〇一二三四五六七八九十]+)分")
_ZH_MINUTES = re.compile(r"[ \u00a0]*(?:[0-9]{1,2}[ \u00a0]*分|[零〇一二三四五六七八九十]+分|半)")


def _zh_approx(norm: str, m: NumberMention, p: dict[str, Any], text: str) -> NumberMention:
    head = norm[max(0, m.start - 8):m.start]
    if p["approx_before"].search(head):
        return replace(m, approx=True)
    return m


# --------------------------------------------------------------------------
# Ranges: the magnitude and percent of the second end apply to the first.

_RANGE_SEP = re.compile(
    rf"^[ \u00a0\u202f\u2009]*(?:[{DASHES}~]|до|по|или|至|到|或|、)[ \u00a0\u202f\u2009]*$"
)


def _join_ranges(text: str, norm: str, mentions: list[NumberMention], lang: str) -> list[NumberMention]:
    out = list(mentions)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        between = norm[a.end:b.start]
        if not _RANGE_SEP.match(between) or a.quiet and a.role not in ("word",):
            continue
        if b.role in ("date", "time", "code", "name", "reference"):
            continue
        if a.factor == 1 and b.factor != 1 and a.value * b.factor <= b.value * 10:
            a = replace(a, value=a.value * b.factor, unit=a.unit * b.factor, factor=b.factor,
                        scale=b.scale, alts=tuple(x * b.factor for x in a.alts))
        if a.measure is None and b.measure is not None:
            a = replace(a, measure=b.measure)
        if b.kind == "percent" and a.kind not in ("percent",):
            a = replace(a, kind="percent")
        elif a.kind == "cardinal":
            a = replace(a, kind="range-part")
        if b.kind == "cardinal":
            b = replace(b, kind="range-part")
        out[i], out[i + 1] = a, b
    return out


# --------------------------------------------------------------------------
# Comparison


ROUNDING_SHARE = Fraction(5, 100)


def _tolerance(m: NumberMention) -> Fraction:
    """How far a value may lie from ``m`` and still be equal: half the
    value of its last written digit.  An approximation word does not
    widen it: ``около 80`` and ``近82`` are two different figures."""
    return m.unit / 2 if m.unit > 0 else ZERO


def values_equal(a: NumberMention, b: NumberMention) -> bool:
    """Whether two mentions can state the same value (any of their
    readings), within the rounding described in the module docstring:
    the less precise of the two decides.  Two figures in different units
    of one dimension are equal only as converted quantities: ``10 см``
    is not ``10 英寸``, ``25 см`` is."""
    if a.measure is not None and b.measure is not None and a.measure[0] == b.measure[0] \
            and a.measure[1:] != b.measure[1:]:
        return converted_equal(a, b)
    for va in a.values:
        for vb in b.values:
            va_, vb_ = abs(va), abs(vb)
            if va_ == vb_:
                return True
            if abs(va_ - vb_) <= max(_tolerance(a), _tolerance(b)):
                return True
    return converted_equal(a, b)


def _round_unit(value: Fraction) -> Fraction:
    """The place a whole number is rounded to, read from its trailing
    zeros: 2000 -> 1000, 40 000 -> 10 000, 80 -> 10, 385 -> 1."""
    if value.denominator != 1 or value == 0:
        return ONE
    n, unit = abs(value.numerator), ONE
    while n % 10 == 0:
        n //= 10
        unit *= 10
    return unit


def rounding_of(a: NumberMention, b: NumberMention) -> bool:
    """Whether two unequal mentions are a plausible rounding of each
    other: one of them is approximate (``около``, ``约``, ``多``), the
    rounder figure ends in at least two zeros, and the other lies within
    half of that place and within 5 % (``около 2000`` ~ ``约1950``,
    ``около 100`` ~ ``大约105``; not ``около 80`` ~ ``近82``, nor
    ``по меньшей мере 385`` ~ ``至少386``)."""
    if not (a.approx or b.approx) or a.kind != b.kind or a.measure != b.measure:
        return False
    for va in a.values:
        for vb in b.values:
            big, small = (abs(va), abs(vb)) if _round_unit(va) >= _round_unit(vb) else (abs(vb), abs(va))
            place = _round_unit(big)
            if place < 100 or big == small:
                continue
            if abs(big - small) * 2 <= place and abs(big - small) <= big * ROUNDING_SHARE:
                return True
    return False


CONVERSION_TOLERANCE = Fraction(12, 100)


def unit_written(text: str, m: NumberMention, lang: str, vocab: NumberVocab) -> str:
    """The unit of measure ``m`` is read in, as the text writes it after
    the figure (``км``, ``英里``), or the shortest form of that unit."""
    forms = [f for f, measure in vocab.units[lang].items() if measure == m.measure]
    rest = text[m.end : m.end + 40].lstrip().lower()
    written = [f for f in forms if rest.startswith(f.lower())]
    return max(written, key=len) if written else min(forms, key=len, default="")


def convert(value: Fraction, source: tuple[str, Fraction, Fraction], target: tuple[str, Fraction, Fraction]) -> Fraction:
    """``value`` in the unit ``source`` expressed in the unit ``target``
    (one dimension)."""
    return (value + source[2]) * source[1] / target[1] - target[2]


def converted_equal(a: NumberMention, b: NumberMention) -> bool:
    """Whether ``a`` and ``b`` are the same quantity in different units of
    one dimension (``27 метров`` and ``30 码``), within 12 %."""
    if a.measure is None or b.measure is None:
        return False
    (da, fa, oa), (db, fb, ob) = a.measure, b.measure
    if da != db or (fa == fb and oa == ob):
        return False
    for va in a.values:
        for vb in b.values:
            ba = (va + oa) * fa
            bb = (vb + ob) * fb
            if ba == bb:
                return True
            scale = max(abs(ba), abs(bb))
            if da == "temperature":
                # Compare temperatures in Kelvin-sized steps, not ratios.
                if abs(ba - bb) <= 2:
                    return True
            elif scale and abs(ba - bb) <= scale * CONVERSION_TOLERANCE:
                return True
    return False


@dataclass(frozen=True)
class Mismatch:
    """A comparison result: ``kind`` is ``missing`` (``mention`` has no
    equal value on the other side), ``differs`` (the ZH ``mention`` and
    the RU ``other`` are both unmatched and likely the same quantity),
    ``magnitude`` (``mention`` and ``other`` differ by ``factor``, a power
    of ten), ``rounded`` (approximate figures that differ by a plausible
    rounding, see :func:`rounding_of`) or ``increase`` (``增加了N倍``, N+1
    times by the standard reading, against N times on the other side)."""

    kind: str
    lang: str
    mention: NumberMention
    other: NumberMention | None = None
    factor: int = 0


def compare_mentions(
    ru: list[NumberMention], zh: list[NumberMention], vocab: NumberVocab
) -> list[Mismatch]:
    """Values on one side with no equal value on the other (see
    :func:`_compare`).  When reading every ``增加了N倍`` loosely (N times)
    leaves fewer mismatches than the standard reading (N+1), the loose
    reading is taken and each such multiple is an ``increase`` mismatch
    (``高出1.4倍, 高出2.4倍`` against ``в 1,4 раза, в 2,4 раза``)."""
    strict = _compare(ru, zh, vocab)
    if not strict or not any(z.increase for z in zh):
        return strict
    loose_zh = [replace(z, value=z.value - 1, unit=z.unit, increase=False) if z.increase else z for z in zh]
    loose = _compare(ru, loose_zh, vocab)
    if len(loose) >= len(strict):
        return strict
    out = list(loose)
    for z, lz in zip(zh, loose_zh):
        if z.increase:
            r = next((r for r in ru if r.kind in ("multiple", "compound") and values_equal(r, lz)), None)
            if r is not None:
                out.append(Mismatch("increase", "zh", z, r))
    out.sort(key=lambda mm: (mm.lang != "ru", mm.mention.start))
    return out


def _compare(
    ru: list[NumberMention], zh: list[NumberMention], vocab: NumberVocab
) -> list[Mismatch]:
    """Values on one side with no equal value on the other.

    A value counts as present when any mention on the other side (quiet
    ones included) equals it; repeats need no repeated counterpart.  An
    unmatched pair whose values differ by one of the magnitude factors is
    one ``magnitude`` mismatch (reported with the ZH mention as
    ``mention``), not two ``missing`` ones.
    """
    unmatched = {"ru": unmatched_mentions(ru, zh), "zh": unmatched_mentions(zh, ru)}
    out: list[Mismatch] = []
    used_ru: set[int] = set()
    used_zh: set[int] = set()
    for zi, z in enumerate(unmatched["zh"]):
        for ri, r in enumerate(unmatched["ru"]):
            if ri in used_ru:
                continue
            factor = _magnitude_factor(r, z, vocab.magnitude_factors)
            if factor:
                out.append(Mismatch("magnitude", "zh", z, r, factor))
            elif rounding_of(r, z):
                out.append(Mismatch("rounded", "zh", z, r))
            elif z.increase and r.kind in ("multiple", "compound") and z.value - 1 in r.values:
                out.append(Mismatch("increase", "zh", z, r))
            else:
                continue
            used_ru.add(ri)
            used_zh.add(zi)
            break
    # What is left on both sides is most often one value written
    # differently: one finding (on ZH, naming the RU value), not two.
    left_ru = [r for ri, r in enumerate(unmatched["ru"]) if ri not in used_ru]
    left_zh = [z for zi, z in enumerate(unmatched["zh"]) if zi not in used_zh]
    taken: set[int] = set()
    for z in left_zh:
        partner = None
        for ri, r in enumerate(left_ru):
            if ri not in taken and _comparable(r, z):
                partner = ri
                break
        loose = next((r for r in ru if z.increase and r.kind in ("multiple", "compound")
                      and z.value - 1 in r.values), None)
        if partner is None and loose is not None:
            # "в два раза" (a quiet word) against 增加了两倍.
            out.append(Mismatch("increase", "zh", z, loose))
        elif partner is None:
            out.append(Mismatch("missing", "zh", z))
        else:
            taken.add(partner)
            out.append(Mismatch("differs", "zh", z, left_ru[partner]))
    for ri, r in enumerate(left_ru):
        if ri in taken:
            continue
        loose = next((z for z in zh if z.increase and z.value - 1 in r.values and r.kind in ("multiple", "compound")),
                     None)
        # 高出1.4倍 (read as 2.4 times) stands where "в 1,4 раза" does.
        out.append(Mismatch("increase", "zh", loose, r) if loose is not None else Mismatch("missing", "ru", r))
    out.sort(key=lambda mm: (mm.lang != "ru", mm.mention.start))
    return out


def has_equal(m: NumberMention, others: Iterable[NumberMention]) -> bool:
    """Whether one of ``others`` (quiet ones included) states ``m``'s value."""
    return any(_kinds_fit(m, o) and values_equal(m, o) for o in others)


def unmatched_mentions(mine: list[NumberMention], theirs: list[NumberMention]) -> list[NumberMention]:
    """The figures of ``mine`` that no mention of ``theirs`` states."""
    near = _ValueIndex(theirs)
    return [m for m in mine if not m.quiet and not has_equal(m, near.candidates(m))]


def standing_against(
    m: NumberMention, mine: list[NumberMention], theirs: list[NumberMention]
) -> NumberMention | None:
    """A figure of the other side that may stand where ``m`` should: one
    of ``theirs`` of a comparable kind that ``mine`` does not state as
    often as ``theirs`` does (``пять очков`` against ``四分`` where RU has
    four 4s and ZH two).  The words for 2 (``два``, ``两``) and Chinese
    numerals without a classifier (``五音符``) count; the words for 0,
    1/2 and 1 (articles, "a half") and figures in dates, names and
    references do not.  None when every figure there answers
    one of ``mine``: ``m`` is then a figure on one side only, an omission
    or an explicitation, not a substitution."""
    def counts(o: NumberMention) -> bool:
        return not o.quiet or (o.role in ("word", "bare") and o.value >= 2)

    # Counted among the mentions near each value only: counting over
    # every mention for every mention grew with the cube of a bead's
    # figures (a bead of hundreds of subtitle cues took minutes).
    near_theirs, near_mine = _ValueIndex(theirs), _ValueIndex(mine)

    def surplus(o: NumberMention) -> bool:
        there = sum(1 for x in near_theirs.candidates(o) if values_equal(x, o))
        here = sum(1 for x in near_mine.candidates(o) if _kinds_fit(x, o) and values_equal(x, o))
        return there > here

    against = [o for o in theirs if counts(o) and _comparable(m, o) and surplus(o)]
    if not against:
        return None
    # ``четверо`` against ``一名…两名…一名``: the count split into parts.
    parts = [o for o in theirs if o.kind == "cardinal" and (not o.quiet or o.role in ("word", "bare"))
             and not has_equal(o, mine)]
    if m.kind == "cardinal" and len(parts) > 1 and sum(o.value for o in parts) == m.value:
        return None
    return against[0]


class _ValueIndex:
    """The mentions of one side sorted by value, so that finding those a
    mention may equal looks only near its value: comparing every mention
    with every other grew with the square of a segment's figures (a
    subtitle bead of hundreds of cues took seconds).

    :meth:`candidates` returns every mention :func:`values_equal` can
    accept, and usually few others: one with a value within the wider of
    the two tolerances, or a measure convertible into the same base value
    within :data:`CONVERSION_TOLERANCE`."""

    def __init__(self, mentions: list[NumberMention]) -> None:
        self.mentions = mentions
        plain = sorted((abs(v), i) for i, o in enumerate(mentions) for v in o.values)
        self.plain_keys = [v for v, _ in plain]
        self.plain = [i for _, i in plain]
        self.reach = max((_tolerance(o) for o in mentions), default=ZERO)
        based: dict[str, list[tuple[Fraction, int]]] = {}
        for i, o in enumerate(mentions):
            if o.measure is not None:
                dim, factor, offset = o.measure
                based.setdefault(dim, []).extend(((v + offset) * factor, i) for v in o.values)
        self.based = {dim: ([v for v, _ in sorted(vs)], [i for _, i in sorted(vs)]) for dim, vs in based.items()}

    def candidates(self, m: NumberMention) -> list[NumberMention]:
        found: set[int] = set()
        reach = max(self.reach, _tolerance(m))
        for v in m.values:
            _window(self.plain_keys, self.plain, abs(v), reach, found)
        if m.measure is not None and m.measure[0] in self.based:
            dim, factor, offset = m.measure
            keys, ids = self.based[dim]
            for v in m.values:
                base = (v + offset) * factor
                # |a - b| <= t * max(|a|, |b|) implies |a - b| <= t / (1 - t) * |a|.
                slack = abs(base) * CONVERSION_TOLERANCE / (1 - CONVERSION_TOLERANCE)
                _window(keys, ids, base, slack + 2 if dim == "temperature" else slack, found)
        return [self.mentions[i] for i in sorted(found)]


def _window(keys: list[Fraction], ids: list[int], centre: Fraction, reach: Fraction, into: set[int]) -> None:
    """Add to ``into`` the ids whose sorted key lies within ``reach`` of ``centre``."""
    into.update(ids[bisect.bisect_left(keys, centre - reach) : bisect.bisect_right(keys, centre + reach)])


def _kinds_fit(a: NumberMention, b: NumberMention) -> bool:
    """A count is not a rank: ``три саммита`` does not answer ``第三次峰会``
    (the third summit), nor ``седьмой`` a ``七个``.  Only numbers written
    in words are told apart so: ``на 65-й минуте`` is ``在65分钟`` in
    Chinese news, and ``12-ти`` is a case ending of a count.  Numbers in
    names, dates and references fit anything."""
    if {a.kind, b.kind} != {"cardinal", "ordinal"} or a.digits or b.digits:
        return True
    return any(m.quiet and m.role not in ("word", "") for m in (a, b))


def _comparable(a: NumberMention, b: NumberMention) -> bool:
    if (a.kind == "percent") != (b.kind == "percent"):
        return False
    if a.measure and b.measure and a.measure[0] != b.measure[0]:
        return False
    return True


def _magnitude_factor(a: NumberMention, b: NumberMention, factors: tuple[int, ...]) -> int:
    # A magnitude slip needs a magnitude word on at least one side
    # ("1,5 млн" vs "15万"); "5" vs "50" is just a different number.
    if a.factor == 1 and b.factor == 1:
        return 0
    if a.kind != b.kind and "percent" in (a.kind, b.kind):
        return 0
    if a.measure != b.measure:
        return 0
    for f in factors:
        for big, small in ((a, b), (b, a)):
            scaled = replace(small, value=small.value * f, alts=())
            if values_equal(replace(big, alts=()), scaled):
                return f
    return 0


@dataclass(frozen=True)
class VagueMagnitude:
    """A quantity given only by its order of magnitude: ``миллионы``,
    ``десятки тысяч``, ``数十亿``, ``上万``.  ``low`` is the order (10 000
    for ``десятки тысяч`` and ``数万``)."""

    start: int
    end: int
    low: Fraction
    raw: str


_ORDER_NAMES = {
    1: "tens", 2: "hundreds", 3: "thousands", 4: "tens of thousands", 5: "hundreds of thousands",
    6: "millions", 7: "tens of millions", 8: "hundreds of millions", 9: "billions",
    10: "tens of billions", 11: "hundreds of billions", 12: "trillions",
}


def order_of(value: Fraction) -> int:
    """The power of ten of a whole ``value`` (10 000 -> 4)."""
    n, order = int(value), 0
    while n >= 10:
        n //= 10
        order += 1
    return order


def order_name(value: Fraction) -> str:
    return _ORDER_NAMES.get(order_of(value), f"10^{order_of(value)}")


def vague_magnitudes(text: str, lang: str, vocab: NumberVocab, mentions: list[NumberMention]) -> list[VagueMagnitude]:
    """Quantities named only by their order of magnitude on one side."""
    norm = normalise(text, lang)
    out: list[VagueMagnitude] = []
    if lang == "ru":
        multipliers = vocab.ru.valued.get("vague_multipliers", {})
        before = (re.compile(rf"(?<![а-я])({_alternation(multipliers)})[ \u00a0]+$") if multipliers else None)
        for m in mentions:
            if m.role != "vague" or m.value < 1000 or m.value.denominator != 1:
                continue
            start, low = m.start, m.value
            hit = before.search(norm, max(0, m.start - 16), m.start) if before else None
            if hit:
                start, low = hit.start(1), low * multipliers[hit.group(1)]
            out.append(VagueMagnitude(start, m.end, low, text[start:m.end]))
        return out
    zh = vocab.zh
    units = {**zh.maps.get("units", {}), **zh.maps.get("magnitudes", {})}
    vague = _alternation(zh.list("vague_before"))
    heads = "".join(re.escape(c) for c, v in zh.maps.get("units", {}).items() if v in (10, 100, 1000))
    mags = "".join(re.escape(c) for c in zh.maps.get("magnitudes", {}) if len(c) == 1)
    if not vague or not heads:
        return out
    rx = _regex(vocab, "vague_magnitudes", lambda: re.compile(
        rf"(?:{vague})(?:以)?([{heads}]?[{mags}]+|[{heads}])"))
    for m in rx.finditer(norm):
        low = ONE
        for ch in m.group(1):
            low *= units[ch]
        out.append(VagueMagnitude(m.start(), m.end(), low, text[m.start():m.end()]))
    return out


def render_like(value: Fraction, model: NumberMention, lang: str) -> str:
    """``value`` written the way ``model`` is (same magnitude word), e.g.
    1 500 000 like ``15万`` gives ``150万``."""
    factor = model.factor if model.factor else ONE
    if lang == "zh" and factor == 1:
        return render_zh(value)
    base = value / factor
    text = format_value(base)
    if lang == "ru":
        text = text.replace(".", ",")
        sep = " " if model.scale and not model.scale.startswith(("%",)) else ""
        return f"{text}{sep}{model.scale.strip()}" if model.scale else text
    return f"{text.replace(' ', '')}{model.scale}"


ZH_SCALES = ((Fraction(10) ** 12, "万亿"), (Fraction(10) ** 8, "亿"), (Fraction(10) ** 4, "万"))


def render_zh(value: Fraction) -> str:
    """A value the way Chinese news writes it: 150万, 1.085亿, 1.2万亿."""
    for factor, word in ZH_SCALES:
        if abs(value) >= factor:
            return f"{format_value(value / factor).replace(' ', '')}{word}"
    return format_value(value).replace(" ", "")



# --------------------------------------------------------------------------
# Minimal date reading, used until (and besides) the date module's own.

_ZH_NUM = "0-9〇零一二三四五六七八九十两"


def fallback_date_spans(text: str, lang: str, vocab: NumberVocab | None = None) -> list[tuple[int, int]]:
    """Spans of ``text`` that are plainly dates: ``4 февраля``, ``1–3
    июля``, ``с 10 по 12 марта``, ``в феврале 2026 года``, ``04.02.2026``,
    ``2026年2月4日``, ``3月10日至12日``.  Deliberately small: the date
    check reads dates properly; this only keeps their numbers out of the
    number check."""
    norm = normalise(text, lang)
    spans = [(m.start(), m.end()) for m in DMY.finditer(norm)]
    if lang == "ru":
        rx = _fallback_ru_regex(vocab)
        spans += [(m.start(), m.end()) for m in rx.finditer(norm)]
    else:
        for m in _FALLBACK_ZH.finditer(norm):
            s = m.group(0)
            # 两年, 十年 are durations, 2026年 and 二〇二六年 are years.
            if s.endswith("年") and not _ZH_YEAR_WORD.fullmatch(s):
                continue
            spans.append((m.start(), m.end()))
    return spans


class _MonthGated:
    """The fallback date pattern, tried only on text that holds the first
    letters of a month name (both of its alternatives need one), and
    compiled the first time such a text comes."""

    def __init__(self, source: str, gate: str) -> None:
        self.source = source
        self.gate = re.compile(gate)
        self._rx: re.Pattern[str] | None = None

    def finditer(self, norm: str) -> Iterable[re.Match[str]]:
        if not self.gate.search(norm):
            return ()
        if self._rx is None:
            self._rx = regexcache.compile(self.source)
        return self._rx.finditer(norm)


def _fallback_ru_regex(vocab: NumberVocab | None) -> _MonthGated:
    if vocab is None:
        return _MonthGated(*_fallback_ru_source(None))
    return _regex(vocab, "fallback_dates_ru", lambda: _MonthGated(*_stored_fallback_ru(vocab)))  # type: ignore[return-value]


def _stored_fallback_ru(vocab: NumberVocab) -> tuple[str, str]:
    """The pattern's source, kept on disk: the month names come from
    CLDR, which is slower to load than a short pair is to lint."""
    from ruconsist import cache

    abbrevs = tuple(vocab.ru.list("month_abbreviations"))
    ordinals = sorted(f for f, (k, v) in vocab.ru.words.items() if k == "ordinals" and v <= 31)
    key = cache.key_for("fallback-dates", repr(abbrevs), repr(ordinals), cache.code_digest(__file__))
    return cache.cached("numbers-dates", key, lambda: _fallback_ru_source(vocab), tuple)


def _fallback_ru_source(vocab: NumberVocab | None) -> tuple[str, str]:
    """(pattern, gate) of the fallback Russian date reading."""
    abbrevs = tuple(vocab.ru.list("month_abbreviations")) if vocab else ()
    months = _ru_month_pattern(abbrevs).pattern.replace("[ \\u00a0\\u202f\\u2009]*", "", 1)
    ordinals = ""
    if vocab is not None:
        forms = [f for f, (k, v) in vocab.ru.words.items() if k == "ordinals" and v <= 31]
        ordinals = _alternation(forms)
    day = rf"(?:[0-9]{{1,2}}(?:-?(?:го|е))?{'|' + ordinals if ordinals else ''})"
    sep = rf"[ \u00a0]*(?:[{DASHES}]|по|и|,)[ \u00a0]*"
    source = (
        rf"(?<![а-я0-9])(?:с[ \u00a0]+)?{day}(?:{sep}{day})*[ \u00a0]+{months}"
        rf"(?:[ \u00a0]+[0-9]{{4}}(?:[ \u00a0]*(?:года|году|год|г\.?))?)?"
        rf"|(?<![а-я]){months}[ \u00a0]+[0-9]{{4}}"
    )
    names = set(ru_month_names()) | {a.rstrip(".") for a in abbrevs}
    if "" in names:
        return source, ""
    gate = "|".join(sorted({re.escape(n[:3]) for n in names}))
    return source, gate


_FALLBACK_ZH = re.compile(
    rf"[{_ZH_NUM}]{{2,4}}年(?:[{_ZH_NUM}]{{1,3}}月(?:[{_ZH_NUM}]{{1,3}}[日号])?)?"
    rf"|[{_ZH_NUM}]{{1,3}}月[{_ZH_NUM}]{{1,3}}[日号](?:[至到\-–—~][{_ZH_NUM}]{{1,3}}[日号])?"
    rf"|(?<![个{_ZH_NUM}])[{_ZH_NUM}]{{1,3}}月(?:份)?"
)
_ZH_YEAR_WORD = re.compile(r"(?:[0-9]{4}|[〇零一二三四五六七八九]{4})年")


def number_vocab(rules: Any) -> NumberVocab | None:
    """The merged ``vocab: numbers`` of the loaded packs, built once per
    rule set; None only if not even the shipped pack can be found, which
    turns the check off rather than failing every lint."""

    def build() -> NumberVocab | None:
        entries = list(rules.vocab("numbers"))
        return compile_vocab(entries) if entries else None

    return rules.cached("numbers.vocab", build)
