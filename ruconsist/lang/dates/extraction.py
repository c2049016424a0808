"""Extraction: running the grammar of one language over a text and
turning matches into :class:`DateMention` values, parts that belong
together merged.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ruconsist.lang.dates.forms import _GATE_OFF, _Lazy, _lower, _Patterns, _ru_number
from ruconsist.lang.dates.mention import DateMention, normalize, valid_date
from ruconsist.lang.dates.vocab import default_vocab
from ruconsist.lang.dates.zh_grammar import MINGUO_EPOCH, cn_number

if TYPE_CHECKING:
    from ruconsist.lang.dates.vocab import DateVocab


# ---------------------------------------------------------------------------
# Extraction


class SpanSet:
    """Spans of text taken so far, kept as their union (sorted, not overlapping),
    so that asking whether a span overlaps one of them is a binary search.
    A list searched from its start for every match grew with the square
    of a line's dates (3,200 dates on one line: 4 s of CPU, 8,000: minutes)."""

    __slots__ = ("starts", "ends")

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for a, b in spans:
            self.add(a, b)

    def add(self, a: int, b: int) -> None:
        # Spans that share a stretch with (a, b) are joined to it; spans
        # that only touch it stay apart, so that the answer for an empty
        # span at the joint is the list's.
        lo = bisect.bisect_right(self.ends, a)  # the first that ends after a
        hi = bisect.bisect_left(self.starts, b)  # past the last that starts before b
        if lo < hi:
            a, b = min(a, self.starts[lo]), max(b, self.ends[hi - 1])
        self.starts[lo:hi] = [a]
        self.ends[lo:hi] = [b]

    def overlaps(self, a: int, b: int) -> bool:
        """Whether some taken span ``(s, e)`` has ``s < b`` and ``a < e``."""
        i = bisect.bisect_right(self.ends, a)
        return i < len(self.starts) and self.starts[i] < b


def _group(m: re.Match[str], g: str) -> str | None:
    """The text of group ``g``, or None where the pattern has no such
    group or it took no part in the match."""
    try:
        return m.group(g)
    except IndexError:
        return None


def _int(m: re.Match[str], g: str, lang: str) -> int | None:
    s = _group(m, g)
    if s is None:
        return None
    return cn_number(s) if lang == "zh" else _ru_number(s)


def _year(m: re.Match[str], g: str, lang: str) -> int | None:
    text = _group(m, g)
    if lang == "zh" and text and text.startswith("民国"):
        n = cn_number(text[2:].strip())
        return n + MINGUO_EPOCH if n else None
    n = _int(m, g, lang)
    if n is None or not 1000 <= n <= 2199:
        return None
    return n


def _month(m: re.Match[str], g: str, pats: _Patterns) -> int | None:
    s = _group(m, g)
    if s is None:
        return None
    if pats.lang == "ru":
        key = _lower(s)
        return pats.months.get(key, pats.months.get(key.rstrip(".")))
    n = cn_number(s)
    return n if n is not None and 1 <= n <= 12 else None


def _rel(m: re.Match[str], g: str, pats: _Patterns) -> int | None:
    try:
        s = m.group(g)
    except IndexError:
        return None
    if not s:
        return None
    return pats.relyear.get(_lower(s) if pats.lang == "ru" else s)


def _sentence_start(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    # Right after an opening quote or bracket a capital starts a sentence
    # too ("скандировали «Ноябрь впереди!»").
    if j >= 0 and text[j] in "\"«„“‘(":
        return True
    while j >= 0 and text[j] in "—–-":
        j -= 1
        while j >= 0 and text[j] in " \t\u00a0":
            j -= 1
    return j < 0 or text[j] in ".!?…\n:;"


# A function per form of date, each given the match and the fields every
# mention shares (its span, text and notation); None where the match
# names no possible date ("31 июня").
_Maker = Callable[[str, re.Match[str], str, _Patterns, dict[str, Any]], "DateMention | None"]


def _explicit(*names: str) -> frozenset[str]:
    """The fields written out in the text (empty names dropped)."""
    return frozenset(n for n in names if n)


def _make_day_date(
    name: str, m: re.Match[str], text: str, pats: _Patterns, base: dict[str, Any]
) -> DateMention | None:
    """A day of a month: ``4 февраля 2026``, ``04.02.2026``, ``2026-02-04``;
    only the ``date`` form names its month with a word."""
    lang = pats.lang
    day = _int(m, "d", lang)
    month = _month(m, "m", pats) if name == "date" else _int(m, "m", lang)
    year = _year(m, "y", lang)
    rel = _rel(m, "yrel", pats)
    if month is None or day is None or not valid_date(year, month, day):
        return None
    return DateMention(
        kind="date", year=year, month=month, day=day, rel_year=rel,
        explicit=_explicit("day", "month", "year" if year else ""), **base,
    )


def _make_day_range(
    name: str, m: re.Match[str], text: str, pats: _Patterns, base: dict[str, Any]
) -> DateMention | None:
    """A range of days: ``с 1 марта по 3 апреля`` (``range_dm``, a month
    at each end) or ``1–3 июля`` (``range_d``, one month and year for
    both).  A year written at one end only is carried to the other, a
    year later or earlier when the range runs over New Year."""
    lang = pats.lang
    d1, d2 = _int(m, "d", lang), _int(m, "d2", lang)
    m1 = _month(m, "m", pats)
    m2 = _month(m, "m2", pats) if name == "range_dm" else None
    if m2 is None:
        m2 = m1
    if name == "range_dm":
        y1, y2 = _year(m, "y", lang), _year(m, "y2", lang)
        rel = _rel(m, "y2rel", pats)
    else:
        y1 = y2 = _year(m, "y", lang)
        rel = _rel(m, "yrel", pats)
    if None in (d1, d2, m1, m2):
        return None
    if y1 is None and y2 is not None:
        y1 = y2 - 1 if (m1, d1) > (m2, d2) else y2  # type: ignore[operator]
    if y2 is None and y1 is not None:
        y2 = y1 + 1 if (m1, d1) > (m2, d2) else y1  # type: ignore[operator]
    if not (valid_date(y1, m1, d1) and valid_date(y2, m2, d2)):
        return None
    return DateMention(
        kind="range", year=y1, month=m1, day=d1, end_year=y2, end_month=m2, end_day=d2,
        rel_year=rel, explicit=_explicit("day", "month", "year" if y1 else ""), **base,
    )


def _make_month_range(
    name: str, m: re.Match[str], text: str, pats: _Patterns, base: dict[str, Any]
) -> DateMention | None:
    """A range of months of one year: ``с марта по май 2026 года``."""
    m1, m2 = _month(m, "m", pats), _month(m, "m2", pats)
    year = _year(m, "y", pats.lang)
    if m1 is None or m2 is None or m1 == m2:
        return None
    return DateMention(
        kind="range", year=year, month=m1, end_year=year, end_month=m2,
        rel_year=_rel(m, "yrel", pats), explicit=_explicit("month", "year" if year else ""), **base,
    )


def _make_year_range(
    name: str, m: re.Match[str], text: str, pats: _Patterns, base: dict[str, Any]
) -> DateMention | None:
    """A range of years: ``2010–2012 годы``, ``2010–11 年``; more than five
    centuries apart is no range of years."""
    y1, y2 = _year(m, "y", pats.lang), _year(m, "y2", pats.lang)
    if y2 is None and y1 is not None and m.group("y2s"):
        # "2010–11 年", "2007-08": the end year keeps the start's century.
        y2 = y1 - y1 % 100 + int(m.group("y2s"))
        if y2 <= y1:
            y2 += 100
    if y1 is None or y2 is None or y2 <= y1 or y2 - y1 > 500:
        return None
    return DateMention(kind="range", year=y1, end_year=y2, explicit=_explicit("year"), **base)


def _make_month(
    name: str, m: re.Match[str], text: str, pats: _Patterns, base: dict[str, Any]
) -> DateMention | None:
    """A month, with its year (``month_year``: ``март 2026``) or alone."""
    month = _month(m, "m", pats)
    year = _year(m, "y", pats.lang)
    if month is None:
        return None
    if pats.lang == "ru" and name == "month" and not _ru_month_word_ok(m.group("m"), text, m.start("m")):
        return None
    return DateMention(
        kind="date", year=year, month=month, explicit=_explicit("month", "year" if year else ""), **base
    )


def _ru_month_word_ok(word: str, text: str, at: int) -> bool:
    """A month name stands in lower case in running text; capitals only
    at the start of a sentence ("Март выдался...") or in an all-capitals
    dateline."""
    return word.islower() or word.isupper() and len(word) > 2 or _sentence_start(text, at)


def _make_year(
    name: str, m: re.Match[str], text: str, pats: _Patterns, base: dict[str, Any]
) -> DateMention | None:
    """A year: ``2026 год``, ``2026年``."""
    year = _year(m, "y", pats.lang)
    if year is None:
        return None
    return DateMention(kind="date", year=year, explicit=_explicit("year"), **base)


def _make_relative_year(
    name: str, m: re.Match[str], text: str, pats: _Patterns, base: dict[str, Any]
) -> DateMention | None:
    """A year named relative to now: ``в прошлом году``, ``去年``."""
    rel = _rel(m, "rel", pats)
    if rel is None:
        return None
    return DateMention(kind="date", rel_year=rel, soft=True, **base)


def _make_same_year(
    name: str, m: re.Match[str], text: str, pats: _Patterns, base: dict[str, Any]
) -> DateMention | None:
    """``в том же году``, ``同年``: whichever year the text spoke of."""
    return DateMention(kind="date", any_year=True, soft=True, **base)


def _make_part_of_year(
    name: str, m: re.Match[str], text: str, pats: _Patterns, base: dict[str, Any]
) -> DateMention | None:
    """A half or a quarter (``half:1``, ``quarter:num``: its number written
    in the pattern's name, or read from the text), with an optional year."""
    kind, _, num = name.partition(":")
    n = int(num) if num != "num" else _ru_number(m.group("num"))
    if n is None or not 1 <= n <= (2 if kind == "half" else 4):
        return None
    year = _year(m, "y", pats.lang) if "y" in m.re.groupindex else None
    rel = _rel(m, "rel", pats) if "rel" in m.re.groupindex else None
    return DateMention(
        kind=kind, half=n if kind == "half" else None, quarter=n if kind == "quarter" else None,
        year=year, rel_year=rel, explicit=_explicit("year" if year else ""), **base,
    )


def _make_iso_quarter(
    name: str, m: re.Match[str], text: str, pats: _Patterns, base: dict[str, Any]
) -> DateMention | None:
    """``Q3``: a quarter by its number alone."""
    return DateMention(kind="quarter", quarter=int(m.group("num")), **base)


def _relative_century(m: re.Match[str], pats: _Patterns) -> int | None:
    """The century of ``прошлого века``, ``上世纪`` (-1) or ``本世纪`` (0)."""
    if m.group("crel").startswith("上"):
        return -1
    return 0 if pats.lang == "zh" else _rel(m, "crel", pats)


def _make_decade(
    name: str, m: re.Match[str], text: str, pats: _Patterns, base: dict[str, Any]
) -> DateMention | None:
    """A decade: ``60-е годы``, ``1960-х``, ``20世纪60年代``, its century
    numbered, relative or left to context.  A decade written with its
    century (``1960``) ends in 0."""
    dec_s = m.group("dec")
    dec = cn_number(dec_s) if pats.lang == "zh" else int(dec_s)
    if dec is None:
        return None
    century = None
    rel_c = None
    if m.group("cnum"):
        century = _int(m, "cnum", pats.lang)
    elif m.group("crel"):
        rel_c = _relative_century(m, pats)
    if dec >= 100 and dec % 10:
        return None
    return DateMention(
        kind="decade", decade=dec, century=century, rel_century=rel_c, soft=True, **base
    )


def _make_century(
    name: str, m: re.Match[str], text: str, pats: _Patterns, base: dict[str, Any]
) -> DateMention | None:
    """A century, numbered (``XX век``, ``20世纪``, 1 to 22) or relative
    (``прошлый век``, ``上世纪``)."""
    if m.group("cnum"):
        c = _int(m, "cnum", pats.lang)
        if c is None or not 1 <= c <= 22:
            return None
        return DateMention(kind="century", century=c, soft=True, **base)
    return DateMention(kind="century", rel_century=_relative_century(m, pats), soft=True, **base)


def _make_month_adjective(
    name: str, m: re.Match[str], text: str, pats: _Patterns, base: dict[str, Any]
) -> DateMention | None:
    """A month as an adjective: ``мартовский``, ``майские``."""
    return DateMention(kind="date", month=pats.month_adj[_lower(m.group("w"))], soft=True, **base)


def _make_day(
    name: str, m: re.Match[str], text: str, pats: _Patterns, base: dict[str, Any]
) -> DateMention | None:
    """A day without its month (``4日``)."""
    day = _int(m, "d", pats.lang)
    if day is None or not 1 <= day <= 31:
        return None
    return DateMention(kind="date", day=day, soft=True, explicit=_explicit("day"), **base)


def _make_weekday(
    name: str, m: re.Match[str], text: str, pats: _Patterns, base: dict[str, Any]
) -> DateMention | None:
    """A weekday (``weekday``), an adjective of one (``субботний``,
    ``weekday_adj``) or a recurring one (``по средам``, ``weekday_rec``);
    the last two are soft."""
    lang = pats.lang
    word = m.group("w")
    table = pats.weekday_adj if name in ("weekday_adj", "weekday_rec") else pats.weekdays
    wd = table.get(_lower(word) if lang == "ru" else word)
    if wd is None:
        return None
    # The span takes the preposition and time words before the weekday
    # ("в ночь на среду", "к вечеру понедельника"), and ends with it (a
    # closing bracket after a weekday in brackets joins it later).
    start, wb = base["start"], m.end("w")
    return DateMention(
        start=start, end=wb, text=text[start:wb], kind="weekday", weekday=wd,
        weekday_span=(start, wb), explicit=frozenset({"weekday"}),
        soft=name in ("weekday_adj", "weekday_rec"), notation=f"{lang}-{name}",
    )


#: The maker of each pattern name of the grammars; halves and quarters
#: (``half:1``, ``quarter:num``) are found by their prefix.
_MAKERS: dict[str, _Maker] = {
    "date": _make_day_date,
    "numeric": _make_day_date,
    "iso": _make_day_date,
    "range_dm": _make_day_range,
    "range_d": _make_day_range,
    "range_m": _make_month_range,
    "range_y": _make_year_range,
    "month": _make_month,
    "month_year": _make_month,
    "year": _make_year,
    "relyear": _make_relative_year,
    "sameyear": _make_same_year,
    "iso_q": _make_iso_quarter,
    "decade": _make_decade,
    "century": _make_century,
    "month_adj": _make_month_adjective,
    "day": _make_day,
    "weekday": _make_weekday,
    "weekday_adj": _make_weekday,
    "weekday_rec": _make_weekday,
}


def _make(
    name: str, m: re.Match[str], text: str, pats: _Patterns
) -> DateMention | None:
    """The mention a match of pattern ``name`` stands for, or None."""
    maker = _MAKERS.get(name)
    if maker is None:
        if not name.startswith(("half:", "quarter:")):
            return None
        maker = _make_part_of_year
    a, b = m.span()
    # Trim trailing white space a pattern may have taken.
    while b > a and text[b - 1].isspace():
        b -= 1
    base = dict(start=a, end=b, text=text[a:b], notation=f"{pats.lang}-{name}")
    return maker(name, m, text, pats, base)


_LIST_DAY = {
    "ru": re.compile(r"[0-3]?\d"),
    "zh": re.compile(r"(?:\d{1,2}|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])(?=\s*日)"),
}


#: Patterns whose match stays claimed even when its value is impossible.
_CLAIMING = {"date", "numeric", "iso", "range_dm", "range_d", "list"}


def _make_year_list(m: re.Match[str], text: str) -> list[DateMention]:
    out = []
    for g in ("rest", "first"):
        base = m.start(g)
        for ym in re.finditer(r"\d{4}(?:\s*(?:годах|годы|годов|гг\.))?", m.group(g)):
            a, b = base + ym.start(), base + ym.end()
            out.append(
                DateMention(start=a, end=b, text=text[a:b], kind="date", year=int(ym.group()[:4]),
                            explicit=frozenset({"year"}), notation="ru-list")
            )
    return out


def _make_list(m: re.Match[str], text: str, pats: _Patterns) -> list[DateMention]:
    """The dates of a list of days sharing one month (``3 и 4 февраля``,
    ``3月4日和5日``): the written date, plus one mention per other day."""
    first = _make("date", m, text, pats)
    if first is None:
        return []
    fa, fb = m.span("first")
    while fb > fa and text[fb - 1].isspace():
        fb -= 1
    first = replace(first, start=fa, end=fb, text=text[fa:fb], notation=f"{pats.lang}-list")
    out = [first]
    ra = m.start("rest")
    for dm in _LIST_DAY[pats.lang].finditer(m.group("rest")):
        day = cn_number(dm.group())
        if day is None or not valid_date(first.year, first.month, day):
            return [first]
        a, b = ra + dm.start(), ra + dm.end()
        if pats.lang == "zh":
            b = text.index("日", b) + 1
        out.append(
            replace(first, start=a, end=b, text=text[a:b], day=day, explicit=frozenset({"day"}), weekday=None)
        )
    return sorted(out, key=lambda x: x.start)


def _ru_weekday_ok(m: re.Match[str], text: str, pats: _Patterns, dates: Sequence[DateMention]) -> bool:
    """Whether an ambiguous weekday noun (``среда`` = environment) is a
    weekday here: after a weekday context word or right next to a date,
    and not followed by a word ending as an environment's complement."""
    word = _lower(m.group("w"))
    if word not in pats.ambiguous:
        return True
    wa, wb = m.span("w")
    tail = text[wb : wb + 40]
    for d in dates:
        if d.granularity == "day" and (0 <= d.start - wb <= 3 or 0 <= wa - d.end <= 6):
            return True
    if not m.group("ctx").strip() or word not in pats.ambiguous_ok:
        return False
    nxt = re.match(r"\s+([а-яА-Я]+)", tail)
    if nxt and nxt.group(1).islower() and len(nxt.group(1)) > 4:
        if nxt.group(1).lower().endswith(pats.not_before):
            return False
    return True


def _candidate_patterns(pats: _Patterns, norm: str) -> Iterator[tuple[str, _Lazy]]:
    """The patterns of ``pats`` that may match ``norm``, in priority order:
    those whose every gate (see the prefilters of :mod:`.forms`) is found
    in the text, or all of them where the gates do not apply.  Each
    distinct gate is searched at most once per text."""
    if len(pats.gates) != len(pats.ordered) or _GATE_OFF.search(norm):
        yield from pats.ordered
        return
    hay = norm.lower() if pats.lang == "ru" else norm
    seen: dict[re.Pattern[str], bool] = {}
    for (name, rx), gates in zip(pats.ordered, pats.gates):
        passed = True
        for g in gates:
            found = seen.get(g)
            if found is None:
                found = seen[g] = g.search(hay) is not None
            if not found:
                passed = False
                break
        if passed:
            yield name, rx


def _idiom_spans(pats: _Patterns, norm: str) -> SpanSet:
    """Where ``norm`` holds a phrase with a weekday that names no day
    (``черная пятница``, ``星期日泰晤士报``)."""
    if pats.idioms is None:
        return SpanSet()
    return SpanSet(mm.span() for mm in pats.idioms.finditer(norm))


def _weekday_stands(
    name: str, m: re.Match[str], norm: str, pats: _Patterns, dates: Sequence[DateMention], idioms: SpanSet
) -> bool:
    """Whether a weekday match names a day: not inside an idiom, and a
    Russian weekday noun that is also another word only where
    :func:`_ru_weekday_ok` finds it a weekday."""
    if idioms.overlaps(*m.span("w")):
        return False
    return pats.lang != "ru" or name != "weekday" or _ru_weekday_ok(m, norm, pats, dates)


def _mentions_of(name: str, m: re.Match[str], text: str, pats: _Patterns) -> list[DateMention]:
    """The mentions one match stands for: several for a list of days or
    years, else one or none."""
    if name == "list":
        return _make_list(m, text, pats)
    if name == "list_y":
        return _make_year_list(m, text)
    one = _make(name, m, text, pats)
    return [one] if one is not None else []


def _relative_days(mentions: Sequence[DateMention], norm: str, pats: _Patterns) -> list[tuple[int, int, int]]:
    """Spans and day offsets of the relative days (``сегодня``, ``今天``)
    in ``norm``; looked for only when there is a weekday, the only
    mention they join."""
    if pats.relday is None or not any(m.kind == "weekday" for m in mentions):
        return []
    ru = pats.lang == "ru"
    return [(mm.start(), mm.end(), pats.reldays[_lower(mm.group("rd")) if ru else mm.group("rd")])
            for mm in pats.relday.finditer(norm)]


def extract(text: str, lang: str, vocab: DateVocab | None = None) -> list[DateMention]:
    """Date and weekday mentions in ``text`` (RU or ZH), in text order,
    not overlapping.  Years are as written: no dateline is applied.

    Patterns are tried in priority order (ranges before their dates,
    dates before their months), each match only where no earlier one
    took the text."""
    vocab = vocab or default_vocab()
    pats = vocab.patterns(lang)
    norm = normalize(text)
    taken = SpanSet()
    idioms: SpanSet | None = None  # found on the first weekday
    out: list[DateMention] = []
    for name, rx in _candidate_patterns(pats, norm):
        is_weekday = name.startswith("weekday")
        for m in rx.finditer(norm):
            a, b = m.span()
            if a == b or taken.overlaps(a, b):
                continue
            if is_weekday:
                if idioms is None:
                    idioms = _idiom_spans(pats, norm)
                if not _weekday_stands(name, m, norm, pats, out, idioms):
                    continue
            found = _mentions_of(name, m, text, pats)
            if not found and name in _CLAIMING:
                # "31 июня" is no date; its month is not a month mention
                # either.
                taken.add(a, b)
            for mention in found:
                taken.add(mention.start, mention.end)
                out.append(mention)
    out.sort(key=lambda x: (x.start, x.end))
    return _merge(out, text, lang, _relative_days(out, norm, pats))


# Gaps allowed between parts that belong together.
_RU_WD_BEFORE_DATE = re.compile(r"^\s*,?\s*$")
_RU_WD_AFTER_DATE = re.compile(r"^\s*(?:,\s*(?:в|во)?\s*|\(\s*)$", re.IGNORECASE)
_ZH_WD_GAP = re.compile(r"^\s*[,，(（]?\s*$")
_ZH_REL_GAP = re.compile(r"^\s*的?\s*$")
_RU_REL_GAP = re.compile(r"^\s*$")
_RU_RELDAY_GAP = re.compile(r"^\s*,?\s*(?:в|во)?\s*$", re.IGNORECASE)
_ZH_RELDAY_GAP = re.compile(r"^\s*(?:是)?\s*[,，(（]?\s*$")


def _merge(ms: list[DateMention], text: str, lang: str, reldays: list[tuple[int, int, int]]) -> list[DateMention]:
    """Join parts that make one mention: a weekday next to its date, a
    relative year with its date (``今年11月``, ``1 октября прошлого
    года``), a year with its half (``2026年上半年``), "today" with its
    weekday."""
    out = list(ms)
    changed = True
    while changed:
        changed = False
        for i in range(len(out) - 1):
            x, y = out[i], out[i + 1]
            gap = text[x.end : y.start]
            merged = _join(x, y, gap, lang, text)
            if merged is not None:
                out[i : i + 2] = [merged]
                changed = True
                break
    final = []
    for m in out:
        if m.kind == "weekday":
            for a, b, r in reldays:
                if b <= m.start:
                    gap = text[b : m.start]
                    rx = _RU_RELDAY_GAP if lang == "ru" else _ZH_RELDAY_GAP
                    if rx.match(gap):
                        m = replace(m, rel_day=r, start=a, text=text[a : m.end])
        # A closing bracket right after a weekday belongs to it.
        if m.weekday_span is not None and m.end < len(text) and text[m.end] in ")）":
            before = text[m.start : m.end]
            if "(" in before or "（" in before:
                m = replace(m, end=m.end + 1, text=text[m.start : m.end + 1])
        final.append(m)
    return final


def _join(x: DateMention, y: DateMention, gap: str, lang: str, text: str) -> DateMention | None:
    def span(a: DateMention, b: DateMention, **kw: Any) -> DateMention:
        return replace(a, start=a.start, end=b.end, text=text[a.start : b.end], **kw)

    # Weekday, then its date: "в среду, 4 февраля", "周三（2月4日）".
    if x.kind == "weekday" and not x.soft and y.kind in ("date", "range") and y.granularity == "day" and y.weekday is None:
        rx = _RU_WD_BEFORE_DATE if lang == "ru" else _ZH_WD_GAP
        if rx.match(gap) and not y.soft:
            return replace(
                y, start=x.start, text=text[x.start : y.end], weekday=x.weekday,
                weekday_span=x.weekday_span, explicit=y.explicit | {"weekday"},
            )
    # Date, then its weekday: "4 февраля, в среду", "2月4日（周三）".
    if y.kind == "weekday" and not y.soft and x.kind in ("date", "range") and x.granularity == "day" and x.weekday is None:
        rx = _RU_WD_AFTER_DATE if lang == "ru" else _ZH_WD_GAP
        if rx.match(gap) and not x.soft:
            return span(x, y, weekday=y.weekday, weekday_span=y.weekday_span, explicit=x.explicit | {"weekday"})
    year_less = lambda m: m.year is None and m.rel_year is None and not m.any_year  # noqa: E731
    if lang == "zh":
        # 今年11月, 去年十二月, 同年3月, 今年上半年, 2026年上半年.
        if x.kind == "date" and x.granularity == "year" and x.month is None and x.day is None:
            if y.kind in ("date", "range", "half", "quarter") and y.month is not None or y.kind in ("half", "quarter"):
                if year_less(y) and _ZH_REL_GAP.match(gap) and not (y.soft and y.kind == "date" and y.month is None):
                    return replace(
                        y, start=x.start, text=text[x.start : y.end], year=x.year,
                        end_year=y.end_year if y.end_year is not None else (x.year if y.kind == "range" else None),
                        rel_year=x.rel_year, any_year=x.any_year, explicit=y.explicit | (x.explicit & {"year"}),
                        soft=False,
                    )
        # 20世纪 + 30年代 when written apart.
        if x.kind == "century" and y.kind == "decade" and y.century is None and y.rel_century is None and _ZH_REL_GAP.match(gap):
            return span(x, y, kind="decade", decade=y.decade, century=x.century, rel_century=x.rel_century)
    else:
        # "1 октября прошлого года", "в ноябре этого года".
        if y.kind == "date" and y.rel_year is not None and y.month is None and x.kind in ("date", "range") and x.month is not None:
            if year_less(x) and _RU_REL_GAP.match(gap) and text[y.start : y.end].lower().split()[-1].startswith("год"):
                form = text[y.start : y.end].lower().split()[-1]
                if form == "года":
                    return span(x, y, rel_year=y.rel_year, soft=x.soft)
    return None
