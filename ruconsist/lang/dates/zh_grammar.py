"""The Chinese date grammar: patterns for dates, ranges, periods,
decades, centuries and weekdays, and Chinese numerals in dates.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ruconsist.lang.dates.forms import (
    _GATE_YEAR,
    _alt,
    _cldr,
    _gate_forms,
    _gate_literal,
    _Lazy,
    _PatternList,
    _Patterns,
)
from ruconsist.lang.numerals import zh_int

if TYPE_CHECKING:
    from ruconsist.lang.dates.vocab import DateVocab


# Chinese ----------------------------------------------------------------

def cn_number(s: str) -> int | None:
    """Read ASCII digits or Chinese numerals up to 99 (``十二``, ``三十一``,
    ``二十``), or digit-by-digit years (``二〇二六``)."""
    return zh_int(s, largest=10)


ZH_NUM_BEFORE = r"(?<![\d.〇○零一二三四五六七八九十百千万亿两几数第])"
#: A year: ``2026``, ``二〇二六``, or a year of the Minguo calendar, which
#: Taiwan writes (``民国115`` = 2026; the text is read in Simplified).
ZH_Y = ZH_NUM_BEFORE + r"(?P<{g}>\d{{4}}|[〇○零一二三四五六七八九]{{4}}|民国\s*(?:\d{{1,3}}|[一二三四五六七八九十百零〇]{{1,6}}))"
#: The Minguo calendar's year 1 is 1912.
MINGUO_EPOCH = 1911
ZH_M = r"(?P<{g}>\d{{1,2}}|十[一二]?|[一二三四五六七八九])"
ZH_D = r"(?P<{g}>\d{{1,2}}|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
ZH_CONN = r"\s*(?:至|到|—|–|-|~|～|－)\s*"


def _build_zh(v: DateVocab) -> _Patterns:
    loc = _cldr("zh")
    weekday_chars: dict[str, int] = {}
    prefixes: set[str] = set()
    for d in range(7):
        for ctx in ("format", "stand-alone"):
            narrow = loc.days[ctx]["narrow"][d]
            weekday_chars[narrow] = d
            for width in ("wide", "abbreviated"):
                name = loc.days[ctx][width][d]
                if name.endswith(narrow):
                    prefixes.add(name[: -len(narrow)])
    for name, d in v.weekday_extra_names.get("zh", {}).items():
        weekday_chars[name] = d
    prefixes.update(v.weekday_prefixes.get("zh", []))
    # Months come from CLDR as "二月" / "2月"; the pattern reads any number
    # before 月 and checks it against these.
    months: dict[str, int] = {}
    for m in range(1, 13):
        for ctx in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                months[loc.months[ctx][width][m]] = m
    y = lambda g: ZH_Y.format(g=g)  # noqa: E731
    mm = lambda g: ZH_M.format(g=g)  # noqa: E731
    dd = lambda g: ZH_D.format(g=g)  # noqa: E731
    patterns = _PatternList()
    add = patterns.add

    yue, ri, nian = _gate_literal("月"), re.compile("[日号]"), _gate_literal("年")

    add(
        "range_dm",
        rf"(?:{y('y')}\s*年\s*)?{ZH_NUM_BEFORE}{mm('m')}\s*月\s*{dd('d')}\s*[日号]?{ZH_CONN}"
        rf"(?:{y('y2')}\s*年\s*)?(?:{mm('m2')}\s*月\s*)?{dd('d2')}\s*[日号]",
        yue,
        ri,
    )
    # "3月4日和5日", "2月3日、4日": each day is a date of the month.
    add(
        "list",
        rf"(?P<first>(?:{y('y')}\s*年\s*)?{ZH_NUM_BEFORE}{mm('m')}\s*月\s*{dd('d')}\s*[日号])"
        r"(?P<rest>(?:\s*[、,，和及与]\s*(?:\d{1,2}|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\s*日)+)",
        yue,
        ri,
    )
    add("date", rf"(?:{y('y')}\s*年\s*)?{ZH_NUM_BEFORE}{mm('m')}\s*月\s*{dd('d')}\s*[日号]", yue, ri)
    add("iso", r"(?<![\d.,/-])(?P<y>1[0-9]\d\d|20\d\d|21\d\d)(?P<sep>[-/.])(?P<m>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)(?![\d])", _GATE_YEAR)
    add(
        "range_m",
        rf"(?:{y('y')}\s*年\s*)?{ZH_NUM_BEFORE}{mm('m')}\s*(?:月份?)?{ZH_CONN}(?:次年|翌年|第二年)?{mm('m2')}\s*月(?:份)?(?![\d日号])",
        yue,
    )
    add("month", rf"(?:{y('y')}\s*年\s*)?{ZH_NUM_BEFORE}{mm('m')}\s*月(?:份)?(?!\s*\d|[日号])", yue)
    add("range_y", rf"{y('y')}\s*(?:年\s*)?{ZH_CONN}(?:{y('y2')}|(?P<y2s>\d\d)(?!\d))\s*年(?!代)", nian)
    add(
        "decade",
        rf"(?:(?P<cnum>\d{{1,2}}|[一二]?十[一二三四五六七八九]?|[一二三四五六七八九])\s*世纪\s*(?:的)?|(?P<crel>上|本)世纪\s*(?:的)?)?"
        rf"{ZH_NUM_BEFORE}(?P<dec>\d{{2,4}}|[一二三四五六七八九]十|零)\s*年代",
        _gate_literal("年代"),
    )
    add(
        "century",
        rf"(?:{ZH_NUM_BEFORE}(?<![上下这那本每前后])(?P<cnum>\d{{1,2}}|[一二]?十[一二三四五六七八九]?|[一二三四五六七八九])\s*世纪"
        rf"|(?P<crel>上一?|本)世纪)",
        _gate_literal("世纪"),
    )
    add("year", rf"{y('y')}\s*年(?:度)?(?!代|多)", nian)
    relyear = {w: r for w, r in v.relative_years.get("zh", {}).items()}
    for kind, table in (("half", v.halves.get("zh", {})), ("quarter", v.quarters.get("zh", {}))):
        for phrase, n in table.items():
            add(f"{kind}:{n}", re.escape(phrase), _gate_forms([phrase]))
    add("iso_q", r"(?<![A-Za-z])Q(?P<num>[1-4])(?![\d])", _gate_literal("Q"))
    if relyear:
        add("relyear", rf"(?P<rel>{_alt(relyear)})", _gate_forms(relyear))
    same = v.same_year.get("zh", [])
    if same:
        add("sameyear", _alt(same), _gate_forms(same))
    add("day", r"(?<![\d.〇○零一二三四五六七八九十月第])(?P<d>\d{1,2})\s*日(?![元本内])", _gate_literal("日"))
    # "每周三" (every Wednesday) recurs: soft.
    add(
        "weekday_rec",
        rf"每(?:逢)?{_alt(prefixes)}(?P<w>{_alt(weekday_chars)})(?![次遍回年刊末])",
        _gate_literal("每"),
        _gate_forms(weekday_chars),
    )
    # After a numeral, 周/星期 is "week": "一周四天工作制", "两周一次".
    add(
        "weekday",
        rf"(?<![每一二两三四五六七八九十几数\d])(?P<ctx>){_alt(prefixes)}(?P<w>{_alt(weekday_chars)})(?![次遍回年刊末])",
        _gate_forms(prefixes),
        _gate_forms(weekday_chars),
    )
    idioms = v.weekday_idioms.get("zh", [])
    reldays = dict(v.relative_days.get("zh", {}))
    return _Patterns(
        lang="zh",
        ordered=patterns.ordered,
        months=months,
        weekdays=weekday_chars,
        idioms=_Lazy(_alt(idioms)) if idioms else None,
        relday=_Lazy(rf"(?P<rd>{_alt(reldays)})") if reldays else None,
        relyear=relyear,
        reldays=reldays,
        weekday_adj=weekday_chars,
        gates=patterns.gates,
    )
