"""Eras, relative dates and parts of months and years in RU/ZH text.

* Eras: a year or century with an era marker (``750 год до н. э.``,
  ``公元前750年``, ``V век до нашей эры``, ``公元750年``).  A year with no
  marker is of the common era, as readers take it.
* Relative dates: ``вчера`` / ``昨天`` (-1 day), ``на прошлой неделе`` /
  ``上周`` (-1 week), ``в прошлом месяце`` / ``上个月``, ``в прошлом году`` /
  ``去年``: a unit and an offset from the document's date.
* Parts: ``в конце июля`` / ``7月下旬`` / ``7月底`` (the end of month 7),
  ``в начале месяца`` / ``月初``, ``в конце года`` / ``年底``.

The words come from the ``vocab: eras``, ``relative_dates`` and
``date_parts`` sections of the rule packs (``rules/periods.yaml``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ruconsist.lang.numerals import roman_value, zh_int


@dataclass(frozen=True)
class EraMention:
    """A year or century (``unit``) with its era: ``bc`` true for a year
    before the common era; ``marked`` whether the text wrote an era."""

    start: int
    end: int
    text: str
    value: int
    unit: str
    bc: bool
    marked: bool


@dataclass(frozen=True)
class RelativeMention:
    start: int
    end: int
    text: str
    unit: str
    offset: int


@dataclass(frozen=True)
class PartMention:
    """A part (start, middle, end) of an ``anchor``: a month number as a
    string, ``month`` (the current one) or ``year``."""

    start: int
    end: int
    text: str
    part: str
    anchor: str


@dataclass
class PeriodVocab:
    bc: dict[str, list[str]] = field(default_factory=lambda: {"ru": [], "zh": []})
    ad: dict[str, list[str]] = field(default_factory=lambda: {"ru": [], "zh": []})
    #: lang -> phrase -> (unit, offset)
    relative: dict[str, dict[str, tuple[str, int]]] = field(default_factory=lambda: {"ru": {}, "zh": {}})
    #: lang -> phrase -> part
    parts: dict[str, dict[str, str]] = field(default_factory=lambda: {"ru": {}, "zh": {}})
    _rx: dict[str, Any] = field(default_factory=dict, repr=False)


def _words(node: Any) -> list[str]:
    return [" ".join(w.lower().replace("ё", "е").split()) for w in ([node] if isinstance(node, str) else node)]


def _sides(node: Any) -> Iterator[tuple[str, Any]]:
    """(section key, {lang: entries}) of a section, its examples left out."""
    return ((k, v) for k, v in node.items() if k != "examples")


def compile_vocab(rules: Any) -> PeriodVocab:
    """Merge the ``eras``, ``relative_dates`` and ``date_parts``
    vocabularies of a rule set, whose shape the pack schema
    (:mod:`ruconsist.packschema`) has checked."""
    v = PeriodVocab()
    for _pack, node in rules.vocab("eras"):
        for key, sub in _sides(node):
            for lang, words in sub.items():
                getattr(v, key)[lang].extend(_words(words))
    for _pack, node in rules.vocab("relative_dates"):
        for unit, sub in _sides(node):
            for lang, table in sub.items():
                for offset, words in table.items():
                    for w in _words(words):
                        v.relative[lang][w] = (unit, int(offset))
    for _pack, node in rules.vocab("date_parts"):
        for part, sub in _sides(node):
            for lang, words in sub.items():
                for w in _words(words):
                    v.parts[lang][w] = part
    return v


def vocab_for(rules: Any) -> PeriodVocab:
    return rules.cached("periods.vocab", lambda: compile_vocab(rules))  # type: ignore[no-any-return]


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s*") for w in sorted(set(words), key=lambda w: (-len(w), w))) \
        or "(?!)"


@lru_cache(maxsize=1)
def ru_month_genitives() -> dict[str, int]:
    """``января`` -> 1 ... from CLDR (loaded only when a text has a part
    of a month to read)."""
    from babel.dates import get_month_names

    return {n.lower(): m for m, n in get_month_names("wide", "format", locale="ru").items()}




def _roman(s: str) -> int | None:
    return roman_value(s, "IVXLC")


def _zh_int(s: str) -> int | None:
    return zh_int(s)


def _patterns(v: PeriodVocab, lang: str) -> dict[str, re.Pattern[str]]:
    key = f"rx-{lang}"
    if key not in v._rx:
        if lang == "ru":
            era = rf"(?P<era>{_alt(v.bc['ru'] + v.ad['ru'])})(?![а-я])"
            rx = {
                "year": rf"(?<![\d.,])(?P<n>\d{{1,4}})(?:-?(?:й|го|м|е|х))?"
                        rf"(?:\s*(?:год[а-я]*|гг?\.?(?![а-я])))?(?:\s*{era})?",
                "century": rf"(?<![\w.])(?P<c>[IVXLCivxlc]{{1,6}}|\d{{1,2}})(?:-?(?:й|го|м))?\s+"
                           rf"(?:век[а-я]*|вв?\.)(?:\s*{era})?",
                "relative": rf"(?<![а-я])(?:{_alt(v.relative['ru'])})(?![а-я])",
                "part": rf"(?<![а-я])(?P<p>{_alt(v.parts['ru'])})\s+(?P<a>[а-я]+)",
            }
        else:
            num = r"\d{1,4}|[〇零一二两三四五六七八九十百千]{1,6}"
            rx = {
                "year": rf"(?P<era>{_alt(v.bc['zh'] + v.ad['zh'])})?\s*(?<![\d.])(?P<n>{num})\s*年(?!代)",
                "century": rf"(?P<era>{_alt(v.bc['zh'] + v.ad['zh'])})?\s*(?P<c>{num})\s*世纪",
                "relative": rf"(?:{_alt(v.relative['zh'])})",
                "part": rf"(?:(?P<m>\d{{1,2}}|十[一二]?|[一二三四五六七八九])\s*月(?:份)?|(?P<bare>月|年))"
                        rf"(?P<p>{_alt(v.parts['zh'])})(?P<after>.?)",
            }
        v._rx[key] = {k: re.compile(p, re.IGNORECASE) for k, p in rx.items()}
    return v._rx[key]  # type: ignore[no-any-return]


def _is_bc(marker: str | None, lang: str, v: PeriodVocab) -> tuple[bool, bool]:
    if not marker:
        return False, False
    norm = " ".join(marker.lower().split())
    squeezed = norm.replace(" ", "")
    bc = any(squeezed == w.replace(" ", "") for w in v.bc[lang])
    return bc, True


def extract_eras(text: str, lang: str, v: PeriodVocab) -> list[EraMention]:
    """Years and centuries with their era (marked or not), in order."""
    hay = text.lower().replace("ё", "е") if lang == "ru" else text
    pats = _patterns(v, lang)
    out: list[EraMention] = []
    taken: list[tuple[int, int]] = []
    for unit in ("century", "year"):
        for m in pats[unit].finditer(hay):
            a, b = m.span()
            if any(x < b and a < y for x, y in taken):
                continue
            raw = m.group("c" if unit == "century" else "n")
            value = (_roman(raw) if lang == "ru" and not raw.isdigit() else
                     int(raw) if raw.isdigit() else _zh_int(raw))
            if not value:
                continue
            if lang == "ru" and unit == "year" and not m.group("era") and not re.search(r"г", hay[m.end("n"):b]):
                continue  # a bare number, not a year
            bc, marked = _is_bc(m.group("era"), lang, v)
            taken.append((a, b))
            out.append(EraMention(a, b, text[a:b].strip(), value, unit, bc, marked))
    if lang == "ru":
        out = _share_ru_era(out, hay)
    else:
        out = _share_zh_era(out, hay)
    return sorted(out, key=lambda e: e.start)


def _share_ru_era(found: list[EraMention], hay: str) -> list[EraMention]:
    """``753–509 гг. до н. э.``, ``в 750 и 740 годах до н. э.``: the era
    written after the last year of a range or list is every one's."""
    from dataclasses import replace

    found = sorted(found, key=lambda e: e.start)
    for i in range(len(found) - 2, -1, -1):
        a, b = found[i], found[i + 1]
        if b.marked and not a.marked and a.unit == b.unit and re.fullmatch(r"\s*(?:[-–—]|и|или|,)\s*", hay[a.end:b.start]):
            found[i] = replace(a, bc=b.bc, marked=True)
    # "753–509 гг. до н. э." reads as one match "509 гг. до н. э." after a
    # bare "753" that the year pattern skipped: add it.
    extra = []
    for e in found:
        if e.marked:
            m = re.search(r"(?<![\d.,])(\d{1,4})\s*[-–—]\s*$", hay[max(0, e.start - 12):e.start])
            if m:
                s = e.start - (len(hay[max(0, e.start - 12):e.start]) - m.start(1))
                extra.append(EraMention(s, s + len(m.group(1)), m.group(1), int(m.group(1)), e.unit, e.bc, True))
    return found + extra


def _share_zh_era(found: list[EraMention], hay: str) -> list[EraMention]:
    """``公元前753年至前509年``: ``前`` after a range word repeats the era."""
    from dataclasses import replace

    found = sorted(found, key=lambda e: e.start)
    for i in range(1, len(found)):
        a, b = found[i - 1], found[i]
        if a.bc and not b.marked and re.fullmatch(r"\s*(?:至|到|[-–—~])\s*前?\s*", hay[a.end:b.start]) \
                and hay[a.end:b.start].strip().endswith("前"):
            found[i] = replace(b, bc=True, marked=True)
    return found


def extract_relative(text: str, lang: str, v: PeriodVocab) -> list[RelativeMention]:
    hay = text.lower().replace("ё", "е") if lang == "ru" else text
    out = []
    for m in _patterns(v, lang)["relative"].finditer(hay):
        key = " ".join(m.group(0).split())
        unit, offset = v.relative[lang].get(key) or next(
            (val for w, val in v.relative[lang].items() if w.replace(" ", "") == key.replace(" ", "")), (None, 0))
        if unit is not None:
            out.append(RelativeMention(m.start(), m.end(), text[m.start():m.end()], unit, offset))
    return out


def extract_parts(text: str, lang: str, v: PeriodVocab) -> list[PartMention]:
    hay = text.lower().replace("ё", "е") if lang == "ru" else text
    out = []
    for m in _patterns(v, lang)["part"].finditer(hay):
        part = v.parts[lang].get(" ".join(m.group("p").split()))
        if part is None:
            continue
        if lang == "ru":
            word = m.group("a")
            if word in ("месяца",):
                anchor = "month"
            elif word in ("года",):
                anchor = "year"
            elif word in ru_month_genitives():
                anchor = str(ru_month_genitives()[word])
            else:
                continue
            end = m.end()
        else:
            after = m.group("after")
            word = m.group("p")
            if word == "中" and after and after not in "，,。、的；;":
                continue  # 2020年中国: "China in 2020"
            if word == "初" and after in ("步", "期", "次", "级", "中", "心", "始"):
                continue
            if m.group("m"):
                n = _zh_int(m.group("m"))
                if n is None or not 1 <= n <= 12:
                    continue
                anchor = str(n)
            else:
                anchor = "month" if m.group("bare") == "月" else "year"
            end = m.end("p")
        out.append(PartMention(m.start(), end, text[m.start():end], part, anchor))
    return out
