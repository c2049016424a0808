"""Clock times in Russian and Chinese text, read as minutes after midnight.

What it reads:

* RU: ``16:40``, ``в 16.40`` (a dot only after a preposition or before a
  time-of-day word), ``в 7 утра``, ``около 4 часов утра``, ``в 8 часов
  вечера``, ``в семь вечера``, ``в 16 часов 40 минут``, ``в 5 часов`` (5
  or 17), ``в полдень``, ``в полночь``.
* ZH: ``16:40``, ``16时40分``, ``晚上10点``, ``晚 10：08``, ``上午9点半``,
  ``凌晨三点``, ``下午4点一刻``, ``8点钟``, ``中午12点``.

A time written in 12-hour form without a time-of-day word (``в 5
часов``, ``5点``) may be either half of the day: it carries both
readings.  A time-of-day word (``утра``, ``вечера``, ``上午``, ``晚上``)
picks one; the words, the clock numbers in words and the time zones
(``по Гринвичу``, ``GMT``, ``BST``, ``по московскому времени``,
``北京时间``) come from the ``vocab: times`` section of the rule packs
(``rules/times.yaml``).

Two times agree when some reading of one equals some reading of the
other in the same zone, or, when both name different zones, after
converting one into the other (``12:00 по Гринвичу`` = ``北京时间20时``).
A zone of unknown offset (``по местному времени``, ``当地时间``) only
agrees with the same clock time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ruconsist import regexcache
from ruconsist.lang.numerals import zh_int

DAY = 24 * 60


@dataclass(frozen=True)
class TimeMention:
    """A clock time: ``minutes`` are its possible readings (minutes after
    midnight); ``zone`` is the id of the time zone written near it."""

    start: int
    end: int
    text: str
    minutes: frozenset[int]
    zone: str = ""
    #: The time-of-day word's kind (``evening``), if one was written.
    period: str = ""
    #: Hour and minute as written, before a time of day was applied.
    clock: tuple[int, int] | None = None

    def reading(self) -> str:
        shown = " or ".join(f"{m // 60:02d}:{m % 60:02d}" for m in sorted(self.minutes))
        return f"'{self.text}' = {shown}" + (f" ({self.zone})" if self.zone else "")


@dataclass
class Zone:
    id: str
    #: Minutes east of UTC; None for "local time", whose offset is unknown.
    offset: int | None
    forms: dict[str, list[str]]


@dataclass
class TimeVocab:
    """Compiled ``vocab: times``: time-of-day words by kind, clock numbers
    in words, zones."""

    periods: dict[str, dict[str, str]] = field(default_factory=lambda: {"ru": {}, "zh": {}})
    clock_words: dict[str, dict[str, int]] = field(default_factory=lambda: {"ru": {}, "zh": {}})
    noon: dict[str, dict[str, int]] = field(default_factory=lambda: {"ru": {}, "zh": {}})
    zones: list[Zone] = field(default_factory=list)
    _rx: dict[str, Any] = field(default_factory=dict, repr=False)


#: How a time-of-day word turns an hour of the 12-hour clock into the
#: 24-hour one.  Each maps hour 1-12 to the possible 24-hour hours.
PERIOD_KINDS: dict[str, Any] = {
    # утра, 上午, 早上: 7 -> 7; 12 -> 0 or 12.
    "morning": lambda h: {h % 12} | ({12} if h == 12 else set()),
    # 凌晨, ночи: small hours; "в 11 ночи" is 23, "12 ночи" midnight.
    "night": lambda h: {0} if h == 12 else ({h} if h <= 6 else {h + 12}),
    # дня, 下午: 3 -> 15; "12 дня" is noon; "11 дня" (late morning) 11.
    "afternoon": lambda h: {12} if h == 12 else ({h} if h >= 10 else {h + 12}),
    # 中午: around noon: 12 -> 12, 1 -> 13, 11 -> 11.
    "noon": lambda h: {12} if h == 12 else ({h} if h >= 10 else {h + 12}),
    # вечера, 晚上, 晚: 8 -> 20; 12 -> midnight; "晚上1点" 1 after midnight.
    "evening": lambda h: {0} if h == 12 else ({h} if h <= 3 else {h + 12}),
}


def compile_vocab(entries: Iterable[tuple[Any, Any]]) -> TimeVocab:
    """Merge the ``vocab: times`` nodes of the packs, given as ``(pack,
    node)`` pairs; the pack schema (:data:`ruconsist.packschema.TIMES`)
    has checked their shape."""
    vocab = TimeVocab()
    for _pack, node in entries:
        for kind, langs in (node.get("periods") or {}).items():
            if kind != "examples":  # run by ``ruconsist rules test``
                for lang, words in langs.items():
                    for w in _words(words):
                        vocab.periods[lang][w] = kind
        for key, table in (("clock_words", vocab.clock_words), ("fixed_times", vocab.noon)):
            for lang, nums in (node.get(key) or {}).items():
                for num, words in nums.items():
                    for w in _words(words):
                        table[lang][w] = int(num)
        for entry in node.get("zones") or ():
            offset = entry.get("offset")
            forms = {lang: _words(entry.get(lang, [])) for lang in ("ru", "zh")}
            vocab.zones.append(Zone(str(entry["id"]), None if offset is None else round(offset * 60), forms))
    return vocab


def _words(node: Any) -> list[str]:
    return [" ".join(w.lower().replace("ё", "е").split()) for w in ([node] if isinstance(node, str) else node)]


def vocab_for(rules: Any) -> TimeVocab:
    """The merged ``vocab: times`` of a rule set (built once per set)."""
    return rules.cached("times.vocab", lambda: compile_vocab(rules.vocab("times")))  # type: ignore[no-any-return]


# --------------------------------------------------------------------------
# Patterns

_ZH_NUM = "〇零一二两三四五六七八九十"


def zh_small_number(s: str) -> int | None:
    """ASCII digits or a Chinese numeral below 100 (``十二``, ``二十三``)."""
    return zh_int(s, largest=10, serial=False)


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w))) or "(?!)"


def _patterns(vocab: TimeVocab, lang: str) -> dict[str, re.Pattern[str]]:
    key = f"patterns-{lang}"
    if key in vocab._rx:
        return vocab._rx[key]  # type: ignore[no-any-return]
    periods = _alt(vocab.periods[lang])
    zones = _alt(w for z in vocab.zones for w in z.forms[lang])
    fixed = _alt(vocab.noon[lang])
    if lang == "ru":
        words = _alt(vocab.clock_words["ru"])
        num = rf"(?:\d{{1,2}}|{words})"
        rx = {
            "colon": rf"(?<![\d.,:])(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?![\d:])(?:\s+(?P<p>{periods})(?![а-я]))?",
            "dot": rf"(?:(?<=\bв\s)|(?<=\bк\s)|(?<=\bдо\s)|(?<=\bс\s)|(?<=\bоколо\s)|(?<=\bпосле\s))"
                   rf"(?P<h>[01]?\d|2[0-3])\.(?P<m>[0-5]\d)(?!\d|[.,]\d)(?:\s+(?P<p>{periods})(?![а-я]))?",
            # "в 7 утра", "около 4 часов утра", "в 16 часов 40 минут дня": a
            # preposition or "час" ahead, or "три дня" is three days.
            "words": rf"(?<![а-я])(?:(?:в|к|до|около|после|с|примерно\s+в|начиная\s+с)\s+(?P<h>{num})"
                     rf"(?:\s+час(?:а|ов)?(?:\s+(?P<m>\d{{1,2}})\s+минут[аы]?)?)?"
                     rf"|(?P<h2>{num})\s+час(?:а|ов)?(?:\s+(?P<m2>\d{{1,2}})\s+минут[аы]?)?)"
                     rf"\s+(?P<p>{periods})(?![а-я])",
            "hours": rf"(?<![а-я])(?<!раз\s)(?<!раза\s)(?:в|к|до|около|после|с|примерно\s+в)\s+(?P<h>{num})\s+час(?:а|ов)?"
                     rf"(?:\s+(?P<m>\d{{1,2}})\s+минут[аы]?)?(?![а-я])",
            # "Встретимся в три." - a clock number alone, closing a clause.
            "bare": rf"(?<![а-я])(?:в|к|до|около|после)\s+(?P<h>{words})(?=\s*[.,!?;:)»\"]|\s*$)",
            "fixed": rf"(?<![а-я])(?P<f>{fixed})(?![а-я])",
            "zone": rf"(?<![а-яa-z])(?:{zones})(?![а-яa-z])",
        }
    else:
        num = rf"(?:\d{{1,2}}|[{_ZH_NUM}]{{1,3}})"
        after = "左右|前后|前後|以前|之前|以后|以後|之后|之後|前|后|後|许|許|起|开始|開始|到达|到達|见|見|再|嚟"
        minute = rf"(?:\s*(?P<m>\d{{1,2}}|[{_ZH_NUM}]{{1,3}})\s*分|\s*(?P<half>半)|\s*(?P<q>一刻|三刻)|\s*[钟整鐘])"
        rx = {
            "colon": rf"(?:(?P<p>{periods})\s*(?:大?约\s*)?)?(?<![\d.:])(?P<h>[01]?\d|2[0-3])\s*[:：]\s*(?P<m>[0-5]\d)(?![\d:])"
                     rf"|(?<![\d.:])(?P<h2>[01]?\d|2[0-3])\.(?P<m2>[0-5]\d)(?=\s*(?:{zones}))",
            # 5点左右, 8点钟 ... and 12 点 after a zone (格林尼治时间 12 点).
            # (强调两点。 is "two points": a numeral needs a word after it.)
            "point": rf"(?<![\d.{_ZH_NUM}])(?:(?P<h>\d{{1,2}})\s*[点點](?=\s*(?:{after}|$|[，。,；;）)]))"
                     rf"|(?P<h2>[二两三四五六七八九十][{_ZH_NUM}]{{0,2}})\s*[点點](?=\s*(?:{after})))",
            "clock": rf"(?:(?P<p>{periods})\s*(?:大?约\s*)?)(?P<h>{num})\s*[点时點時]{minute}?",
            "minutes": rf"(?<![\d.{_ZH_NUM}])(?P<h>{num})\s*[点时點時]{minute}",
            # 16时, 北京时间20时: 时 after a number is the clock's hour
            # (小时 is a duration, 一时 "for a while").
            "hour": rf"(?<![\d.{_ZH_NUM}])(?P<h>\d{{1,2}}|[二两三四五六七八九十][{_ZH_NUM}]{{0,2}})\s*[时時]"
                    rf"(?![间間候期代刻])",
            # 格林尼治时间 (GMT) 今天 12 点: a zone ahead makes N点 a time.
            "zoned": rf"(?:{zones})[^。，,.!?；;]{{0,15}}?(?<![\d.])(?P<h>\d{{1,2}})\s*[点點]{minute}?",
            "end": rf"(?P<h>{num})\s*[点时點時]{minute}?",
            "fixed": rf"(?P<f>{fixed})",
            "zone": rf"(?:{zones})",
        }
    out = {k: regexcache.compile(v, re.IGNORECASE) for k, v in rx.items()}
    vocab._rx[key] = out
    return out


def _hour(s: str, lang: str, vocab: TimeVocab) -> int | None:
    s = s.lower()
    if s.isdigit():
        return int(s)
    if lang == "ru":
        return vocab.clock_words["ru"].get(s.replace("ё", "е"))
    return zh_small_number(s)


def extract(text: str, lang: str, vocab: TimeVocab) -> list[TimeMention]:
    """Clock times in ``text``, in order, not overlapping, each with the
    zone written nearest to it (within a few words)."""
    pats = _patterns(vocab, lang)
    hay = text.lower().replace("ё", "е") if lang == "ru" else text.replace("：", ":")
    if not re.search(r"\d|[" + _ZH_NUM + "]|час|утр|вечер|ноч|дня|полд|полн|午|晚", hay):
        return []
    taken: list[tuple[int, int]] = []
    found: list[TimeMention] = []
    order = (("colon", "dot", "words", "hours", "bare", "fixed") if lang == "ru"
             else ("colon", "clock", "minutes", "hour", "point", "zoned", "fixed"))
    for name in order:
        for m in pats[name].finditer(hay):
            a, b = m.span()
            if any(x < b and a < y for x, y in taken):
                continue
            reading = _reading(m, name, lang, vocab)
            if reading is None:
                continue
            taken.append((a, b))
            found.append(TimeMention(a, b, text[a:b], *reading))
            if lang == "zh" and (nxt := _range_end(found[-1], hay, text, pats, vocab)) is not None:
                taken.append((nxt.start, nxt.end))
                found.append(nxt)
    found.sort(key=lambda t: t.start)
    found = _share_periods(found, hay, lang)
    zones = [(z.start(), z.end(), _zone_id(hay[z.start():z.end()], lang, vocab)) for z in pats["zone"].finditer(hay)]
    if zones:
        found = [_with_zone(t, zones, hay) for t in found]
    return found


_RANGE_GAP = {"ru": re.compile(r"\s*(?:и|до|по|[-–—])\s*"), "zh": re.compile(r"\s*(?:到|至|[-–—~～])\s*")}


def _range_end(first: TimeMention, hay: str, text: str, pats: dict[str, Any], vocab: TimeVocab) -> TimeMention | None:
    """The other end of a Chinese range, which takes the first end's time
    of day: 晚上 10 点到 11 点 is 22:00 to 23:00."""
    gap = _RANGE_GAP["zh"].match(hay, first.end)
    if gap is None or not first.period:
        return None
    m = pats["end"].match(hay, gap.end())
    if m is None:
        return None
    hour = _hour(m.group("h"), "zh", vocab)
    minute = _minute(m.groupdict(), "zh", vocab)
    if hour is None or minute is None or not 1 <= hour <= 12:
        return None
    minutes = {h * 60 + minute for h in PERIOD_KINDS[first.period](hour)}
    return TimeMention(m.start(), m.end(), text[m.start():m.end()], frozenset(minutes), period=first.period,
                       clock=(hour, minute))


def _share_periods(found: list[TimeMention], hay: str, lang: str) -> list[TimeMention]:
    """``между 10:00 и 11:00 вечера``: the first end of a range takes the
    time of day written after the second."""
    from dataclasses import replace

    out = list(found)
    for i in range(len(out) - 1, 0, -1):
        a, b = out[i - 1], out[i]
        if (b.period and not a.period and a.clock is not None and 1 <= a.clock[0] <= 12
                and _RANGE_GAP[lang].fullmatch(hay, a.end, b.start)):
            h, mnt = a.clock
            out[i - 1] = replace(a, minutes=frozenset(x * 60 + mnt for x in PERIOD_KINDS[b.period](h)),
                                 period=b.period)
    return out


def _minute(groups: dict[str, Any], lang: str, vocab: TimeVocab) -> int | None:
    if groups.get("m"):
        mm = _hour(groups["m"], lang, vocab) if lang == "zh" else int(groups["m"])
        return mm if mm is not None and mm <= 59 else None
    if groups.get("half"):
        return 30
    if groups.get("q"):
        return 15 if groups["q"] == "一刻" else 45
    return 0


def _reading(m: re.Match[str], name: str, lang: str,
             vocab: TimeVocab) -> tuple[frozenset[int], str, str, tuple[int, int] | None] | None:
    """(readings, zone, time-of-day kind, (hour, minute) as written)."""
    groups = {k.rstrip("2"): v for k, v in m.groupdict().items() if v is not None}
    if name == "fixed":
        return frozenset({vocab.noon[lang][" ".join(groups["f"].lower().split())]}), "", "", None
    if "h" not in groups:
        return None
    hour = _hour(groups["h"], lang, vocab)
    minute = _minute(groups, lang, vocab)
    if hour is None or hour > 24 or minute is None:
        return None
    kind = ""
    period = groups.get("p")
    if period:
        kind = vocab.periods[lang].get(period.lower(), "")
        if kind and 1 <= hour <= 12:
            hours = PERIOD_KINDS[kind](hour)
        elif hour > 12 and kind in ("afternoon", "evening", "noon"):
            hours = {hour % 24}
        else:
            return None
    elif name in ("colon", "dot") or hour == 0 or hour > 12:
        hours = {hour % 24}
    else:
        hours = {hour % 12, hour % 12 + 12}
    return frozenset(h * 60 + minute for h in hours), "", kind, (hour, minute)


def _zone_id(form: str, lang: str, vocab: TimeVocab) -> str:
    form = " ".join(form.lower().split())
    for z in vocab.zones:
        if form in z.forms[lang]:
            return z.id
    return ""


def _with_zone(t: TimeMention, zones: list[tuple[int, int, str]], hay: str) -> TimeMention:
    """The zone written right before or after a time (``в 12:00 по
    Гринвичу``, ``格林尼治时间 (GMT) 约 13 时``), within 25 characters and no
    sentence end between."""
    best: tuple[int, str] | None = None
    for a, b, zid in zones:
        if t.start <= a and b <= t.end:
            gap = ""
        elif b <= t.start:
            gap = hay[b:t.start]
        elif a >= t.end:
            gap = hay[t.end:a]
        else:
            continue
        if len(gap) > 25 or re.search(r"[.!?。！？;；]", gap):
            continue
        if best is None or len(gap) < best[0]:
            best = (len(gap), zid)
    if best is None:
        return t
    from dataclasses import replace

    return replace(t, zone=best[1])


# --------------------------------------------------------------------------
# Comparing


def _offset(zone: str, vocab: TimeVocab) -> int | None:
    for z in vocab.zones:
        if z.id == zone:
            return z.offset
    return None


def agree(a: TimeMention, b: TimeMention, vocab: TimeVocab) -> bool:
    """Whether two times can be the same moment (see the module docstring)."""
    if a.zone and b.zone and a.zone != b.zone:
        oa, ob = _offset(a.zone, vocab), _offset(b.zone, vocab)
        if oa is None or ob is None:
            return bool(a.minutes & b.minutes)
        return any((x - oa) % DAY == (y - ob) % DAY for x in a.minutes for y in b.minutes)
    return bool(a.minutes & b.minutes)


@dataclass
class TimePairing:
    matched: list[tuple[TimeMention, TimeMention]] = field(default_factory=list)
    #: (RU, ZH) times that stand for each other but differ.
    different: list[tuple[TimeMention, TimeMention]] = field(default_factory=list)
    #: Times on one side with no time at all on the other, as (lang, time).
    dropped: list[tuple[str, TimeMention]] = field(default_factory=list)


def pair_times(ru: list[TimeMention], zh: list[TimeMention], vocab: TimeVocab) -> TimePairing:
    """Pair equal times first; leftovers pair in text order as differing
    times; what remains has no time on the other side."""
    out = TimePairing()
    ru_left, zh_left = list(ru), list(zh)
    for r in list(ru_left):
        for z in zh_left:
            if agree(r, z, vocab):
                out.matched.append((r, z))
                ru_left.remove(r)
                zh_left.remove(z)
                break
    # A time repeated on one side needs no repeated counterpart.
    ru_left = [r for r in ru_left if not any(agree(r, z, vocab) for z in zh)]
    zh_left = [z for z in zh_left if not any(agree(r, z, vocab) for r in ru)]
    n = min(len(ru_left), len(zh_left))
    out.different.extend(zip(ru_left[:n], zh_left[:n]))
    out.dropped.extend(("ru", r) for r in ru_left[n:])
    out.dropped.extend(("zh", z) for z in zh_left[n:])
    return out
