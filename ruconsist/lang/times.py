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
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

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
        shown = " or ".join(_runs(sorted(self.minutes)))
        return f"'{self.text}' = {shown}" + (f" ({self.zone})" if self.zone else "")


def _runs(minutes: list[int]) -> list[str]:
    """``20:00`` per reading, a run of minutes as ``20:00-20:59`` ("в
    девятом часу" is any minute of an hour)."""
    out: list[str] = []
    start = prev = None
    for m in [*minutes, None]:
        if m is not None and prev is not None and m == prev + 1:
            prev = m
            continue
        if start is not None and prev is not None:
            out.append(f"{start // 60:02d}:{start % 60:02d}" + (f"-{prev // 60:02d}:{prev % 60:02d}" if prev > start else ""))
        start = prev = m
    return out


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
    minute_words: dict[str, dict[str, int]] = field(default_factory=lambda: {"ru": {}, "zh": {}})
    hour_ordinals: dict[str, dict[str, int]] = field(default_factory=lambda: {"ru": {}, "zh": {}})
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
        for key, table in (("clock_words", vocab.clock_words), ("minute_words", vocab.minute_words),
                           ("hour_ordinals", vocab.hour_ordinals), ("fixed_times", vocab.noon)):
            for lang, nums in (node.get(key) or {}).items():
                if lang == "examples":  # run by ``ruconsist rules test``
                    continue
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
        rx = _ru_patterns(vocab, periods, zones, fixed)
    else:
        num = rf"(?:\d{{1,2}}|[{_ZH_NUM}]{{1,3}})"
        after = "左右|前后|前後|以前|之前|以后|以後|之后|之後|前|后|後|许|許|起|开始|開始|到达|到達|见|見|再|嚟"
        minute = rf"(?:\s*(?P<m>\d{{1,2}}|[{_ZH_NUM}]{{1,3}})\s*分|\s*(?P<half>半)|\s*(?P<q>一刻|三刻)|\s*[钟整鐘])"
        rx = {
            "colon": rf"(?:(?P<p>{periods})\s*(?:大?约\s*)?)?(?<![\d.:])(?P<h>[01]?\d|2[0-3])\s*[:：]\s*(?P<m>[0-5]\d)(?![\d:])"
                     rf"|(?<![\d.:])(?P<h2>[01]?\d|2[0-3])\.(?P<m2>[0-5]\d)(?=\s*(?:{zones}))",
            # 5点左右, 8点钟 ... and 12 点 after a zone (格林尼治时间 12 点).
            # (强调两点。 is "two points": a numeral needs a word after it.)
            # (9点至18点: the first end of a range of hours is a time too.)
            "point": rf"(?<![\d.{_ZH_NUM}])(?:(?P<h>\d{{1,2}})\s*[点點]"
                     rf"(?=\s*(?:{after}|$|[，。,；;）)]|(?:到|至|[-–—~～])\s*\d{{1,2}}\s*[点點]))"
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
    # A text with none of these has no clock time: most segments.
    gate_words = [*vocab.clock_words["ru"], *vocab.hour_ordinals["ru"], *vocab.periods["ru"], *vocab.noon["ru"]]
    rx["gate"] = (r"\d|час|пол|без|" + _alt(gate_words) if lang == "ru"
                  else rf"\d|[{_ZH_NUM}]|午|晚|{periods}|{fixed}")
    out = {k: re.compile(v, re.IGNORECASE) for k, v in rx.items()}
    if lang == "ru" and all(_case_stable(w) for w in gate_words):
        # The Russian text is searched lower-cased: where its letters are
        # case-stable too, the gate's words match it exactly, and a
        # search without IGNORECASE (four times faster on this long
        # alternation) finds what the case-blind one finds.
        out["gate_exact"] = re.compile(rx["gate"], 0)
    vocab._rx[key] = out
    return out


#: Words after an hour ordinal that make it a rank, not the hour under
#: way: "половина второго тайма", "двадцать минут первого периода".
_RU_NOT_HOUR = (r"(?!\s+(?:тайм|период|раунд|сет|дн|день|недел|месяц|год|квартал|час[аов]|этап|круг|матч|игр|"
                r"сезон|класс|курс|уровн|этаж|век|тысячелет|срок|созыв|поколени|ряд|мест|числ|том|част|глав)[а-я]*)")


def _ru_patterns(vocab: TimeVocab, periods: str, zones: str, fixed: str) -> dict[str, str]:
    clock = vocab.clock_words["ru"]
    words = _alt(clock)
    small = _alt(w for w, h in clock.items() if h <= 12)
    mins = _alt(vocab.minute_words["ru"])
    ords = _alt(vocab.hour_ordinals["ru"])
    # Only the genitive times of day follow a bare number: "восемь вечера";
    # "восемь вечером" is not said.
    genitive = _alt(w for w in vocab.periods["ru"] if not re.search(r"(?:ом|ем|ью)$", w))
    num = rf"(?:\d{{1,2}}|{words})"
    prep = r"(?:в|к|до|около|после|с|примерно\s+в|начиная\s+с)"
    period = rf"(?:\s+(?P<p>{periods})(?![а-я]))?"
    return {
        "colon": rf"(?<![\d.,:])(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?![\d:]){period}",
        "dot": rf"(?:(?<=\bв\s)|(?<=\bк\s)|(?<=\bдо\s)|(?<=\bс\s)|(?<=\bоколо\s)|(?<=\bпосле\s))"
               rf"(?P<h>[01]?\d|2[0-3])\.(?P<m>[0-5]\d)(?!\d|[.,]\d){period}",
        # The clock's idioms, the hour under way written as an ordinal:
        # "(в) половине девятого" 8:30, "полдевятого", "четверть девятого"
        # 8:15, "десять минут девятого" 8:10, "в девятом часу" 8:00-8:59;
        # and "без четверти восемь" 7:45, "без пяти восемь" 7:55.
        "idiom": rf"(?<![а-я])(?:{prep}\s+)?(?:(?:половин[аеуы]\s+|пол[-\s]?)(?P<oh>{ords})"
                 rf"|четверт[ьи]\s+(?P<oq>{ords})|(?P<om>{mins})\s+минут[аы]?\s+(?P<oa>{ords})"
                 rf"|(?P<op>{ords})\s+часу|без\s+(?P<bm>{mins})(?:\s+минут)?\s+(?P<bh>{small}|\d{{1,2}}|час))"
                 rf"(?![а-я]){_RU_NOT_HOUR}{period}",
        # "в восемь тридцать (вечера)": an hour and its minutes in words
        # (minutes of ten and more: "двадцать пять" is a number).
        "wordmin": rf"(?<![а-я])(?:в|к|до|около|после|с)\s+(?P<h>{words})\s+(?P<mw>{mins})(?![а-я]){period}",
        # "в 7 утра", "около 4 часов утра", "в 16 часов 40 минут дня": a
        # preposition or "час" ahead, or "три дня" is three days.
        "words": rf"(?<![а-я])(?:{prep}\s+(?P<h>{num})"
                 rf"(?:\s+час(?:а|ов|ам)?(?:\s+(?P<m>\d{{1,2}})\s+минут[аы]?)?)?"
                 rf"|(?P<h2>{num})\s+час(?:а|ов|ам)?(?:\s+(?P<m2>\d{{1,2}})\s+минут[аы]?)?)"
                 rf"\s+(?P<p>{periods})(?![а-я])",
        "hours": rf"(?<![а-я])(?<!раз\s)(?<!раза\s)(?:в|к|до|около|после|с|примерно\s+в)\s+(?P<h>{num})"
                 rf"\s+(?:час(?:а|ов|ам)?|ч\.)(?:\s+(?P<m>\d{{1,2}})\s+минут[аы]?)?(?![а-я])",
        # "с 22 до 23 часов", "с 9 до 18 часов", "с 10 до 11 вечера": the
        # first end of a range whose second end says it is a clock time
        # ("до 23 часов" is read by "hours", "до 11 вечера" by "words").
        "from": rf"(?<![а-я])с\s+(?P<h>{num})(?![\d:.,])"
                rf"(?=\s*(?:до|по|[-–—])\s*{num}\s+(?:час(?:а|ов)?|ч\.|{periods})(?![а-я]))",
        # "Было восемь вечера.": no preposition, so only an hour of 5 to 12,
        # whose count would say "вечеров", "дней" ("три дня" is three days).
        "plain": rf"(?<![а-я\d.,:])(?P<h>\d{{1,2}}|{small})\s+(?P<p>{genitive})(?![а-я])",
        # "Встретимся в три." - a clock number alone, closing a clause.
        "bare": rf"(?<![а-я])(?:в|к)\s+(?P<h>{small})(?=\s*[.,!?;:)»\"]|\s*$)",
        "fixed": rf"(?<![а-я])(?P<f>{fixed})(?![а-я])",
        "zone": rf"(?<![а-яa-z])(?:{zones})(?![а-яa-z])",
    }


def _case_stable(s: str) -> bool:
    """Whether every letter of ``s`` is lower case and its own lower case
    of its upper case: then a case-blind match of lower-case words in
    ``s`` is an exact one.  Not so for the letters that share an upper
    case with another (ſ and s, ᲀ and в, ς and σ), which a case-blind
    search matches to each other, nor for capitals."""
    return s.upper().lower() == s and "ς" not in s


def _hour(s: str, lang: str, vocab: TimeVocab) -> int | None:
    s = s.lower()
    if s.isdigit():
        return int(s)
    if lang == "ru":
        return vocab.clock_words["ru"].get(" ".join(s.replace("ё", "е").split()))
    return zh_small_number(s)


def extract(text: str, lang: str, vocab: TimeVocab) -> list[TimeMention]:
    """Clock times in ``text``, in order, not overlapping, each with the
    zone written nearest to it (within a few words)."""
    pats = _patterns(vocab, lang)
    hay = text.lower().replace("ё", "е") if lang == "ru" else text.replace("：", ":")
    exact = pats.get("gate_exact")
    gate = exact if exact is not None and _case_stable(hay) else pats["gate"]
    if not gate.search(hay):
        return []
    taken: list[tuple[int, int]] = []
    found: list[TimeMention] = []
    order = (("colon", "dot", "idiom", "wordmin", "words", "hours", "from", "plain", "bare", "fixed") if lang == "ru"
             else ("colon", "clock", "minutes", "hour", "point", "zoned", "fixed"))
    for name in order:
        needs = _NEEDS.get((lang, name))
        if needs is not None and not needs(hay):
            continue
        for m in pats[name].finditer(hay):
            a, b = m.span()
            if any(x < b and a < y for x, y in taken):
                continue
            reading = _reading(m, name, lang, vocab)
            if reading is None or (lang == "ru" and _ru_duration(hay, a, b)):
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
        found = [_with_zone(t, _zones_for(t, zones, found, hay), hay) for t in found]
    return found


#: "от 8 до 10 часов", "по 7-8 часов": a span of hours, not a clock time.
_RU_DURATION_BEFORE = re.compile(r"(?:^|[^а-я])(?:от|по)\s+\S+\s*$")
#: "с 9 до 18 часов в сутки", "до 10 часов подряд": hours counted (the
#: optional head skips the second end of a range).
_RU_DURATION_AFTER = re.compile(r"(?:\s*(?:до|по|[-–—])\s*\S+\s+час(?:а|ов)?)?"
                                r"\s*(?:в\s+(?:сутки|день|неделю|месяц|год)|подряд|ежедневно|в\s+среднем)(?![а-я])")


def _ru_duration(hay: str, start: int, end: int) -> bool:
    """Whether a Russian time found at ``hay[start:end]`` counts hours
    instead: the second end of "от 8 до 10 часов", or hours "в сутки"."""
    if hay.startswith("до", start) and _RU_DURATION_BEFORE.search(hay, max(0, start - 20), start):
        return True
    return _RU_DURATION_AFTER.match(hay, end) is not None


_DIGIT_DOT_DIGITS = re.compile(r"\d\.[0-5]\d")
#: What a pattern cannot match without, tested before it is searched
#: (``dot`` starts with a look-behind, which is tried at every position).
_NEEDS: dict[tuple[str, str], Callable[[str], object]] = {
    ("ru", "colon"): lambda hay: ":" in hay,
    ("ru", "dot"): _DIGIT_DOT_DIGITS.search,
    ("ru", "hours"): lambda hay: "час" in hay or "ч." in hay,
}


_RANGE_GAP = {"ru": re.compile(r"\s*(?:и|до|по|[-–—])\s*"), "zh": re.compile(r"\s*(?:到|至|[-–—~～])\s*")}


def _range_end(first: TimeMention, hay: str, text: str, pats: dict[str, Any], vocab: TimeVocab) -> TimeMention | None:
    """The other end of a Chinese range, which takes the first end's time
    of day: 晚上 10 点到 11 点 is 22:00 to 23:00; with none, 10点至11点 is
    either half of the day, as each end alone would be."""
    gap = _RANGE_GAP["zh"].match(hay, first.end)
    if gap is None or first.clock is None:
        return None
    m = pats["end"].match(hay, gap.end())
    if m is None:
        return None
    hour = _hour(m.group("h"), "zh", vocab)
    minute = _minute(m.groupdict(), "zh", vocab)
    if hour is None or minute is None or not 1 <= hour <= (12 if first.period else 24):
        return None
    hours = (PERIOD_KINDS[first.period](hour) if first.period
             else {hour % 24} if hour > 12 else {hour % 12, hour % 12 + 12})
    minutes = {h * 60 + minute for h in hours}
    return TimeMention(m.start(), m.end(), text[m.start():m.end()], frozenset(minutes), period=first.period,
                       clock=(hour, minute))


def _range_gap(hay: str, a: TimeMention, b: TimeMention, lang: str) -> bool:
    """Whether ``a`` and ``b`` are the ends of one range: a dash, 到, "и"
    or "до" between them, or "до" opening ``b`` (``с 10 до 11 вечера``)."""
    if _RANGE_GAP[lang].fullmatch(hay, a.end, b.start):
        return True
    return lang == "ru" and not hay[a.end:b.start].strip() and re.match(r"(?:до|по)\s", hay[b.start:]) is not None


def _share_periods(found: list[TimeMention], hay: str, lang: str) -> list[TimeMention]:
    """``между 10:00 и 11:00 вечера``: the first end of a range takes the
    time of day written after the second."""
    from dataclasses import replace

    out = list(found)
    for i in range(len(out) - 1, 0, -1):
        a, b = out[i - 1], out[i]
        if (b.period and not a.period and a.clock is not None and 1 <= a.clock[0] <= 12
                and _range_gap(hay, a, b, lang)):
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
    written = _ru_idiom(groups, vocab) if name == "idiom" else _written(groups, name, lang, vocab)
    if written is None:
        return None
    hour, minutes = written
    if name == "plain" and not 5 <= hour <= 12:
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
    return frozenset(h * 60 + mm for h in hours for mm in minutes), "", kind, (hour, minutes[0])


def _written(groups: dict[str, str], name: str, lang: str, vocab: TimeVocab) -> tuple[int, list[int]] | None:
    """The hour and minute written with digits or clock numbers."""
    if "h" not in groups:
        return None
    hour = _hour(groups["h"], lang, vocab)
    if "mw" in groups:
        minute = vocab.minute_words["ru"].get(" ".join(groups["mw"].split()))
        if minute is None or (minute < 10 and not groups["mw"].startswith("ноль")):
            return None
    else:
        minute = _minute(groups, lang, vocab)
    if hour is None or hour > 24 or minute is None:
        return None
    return hour, [minute]


def _ru_idiom(groups: dict[str, str], vocab: TimeVocab) -> tuple[int, list[int]] | None:
    """The hour (1-12) and minutes of a Russian clock idiom: the hour under
    way is the ordinal less one ("половина девятого" is 8:30; "половина
    первого" 12:30); "без N H" is N minutes before H."""
    ordinal = vocab.hour_ordinals["ru"]
    minute_words = vocab.minute_words["ru"]

    def under_way(key: str) -> int:
        return (ordinal[groups[key]] - 2) % 12 + 1

    if "oh" in groups:
        return under_way("oh"), [30]
    if "oq" in groups:
        return under_way("oq"), [15]
    if "oa" in groups:
        return under_way("oa"), [minute_words[" ".join(groups["om"].split())]]
    if "op" in groups:
        return under_way("op"), list(range(60))
    before = minute_words.get(" ".join(groups.get("bm", "").split()))
    at = 1 if groups.get("bh") == "час" else _hour(groups.get("bh", ""), "ru", vocab)
    if before is None or at is None or not 1 <= at <= 12 or before > 30:
        return None
    return (at - 2) % 12 + 1, [60 - before]


def _zone_id(form: str, lang: str, vocab: TimeVocab) -> str:
    form = " ".join(form.lower().split())
    for z in vocab.zones:
        if form in z.forms[lang]:
            return z.id
    return ""


def _zones_for(t: TimeMention, zones: list[tuple[int, int, str]], times: list[TimeMention],
               hay: str) -> list[tuple[int, int, str]]:
    """The zones ``t`` may take: not one written right after another time,
    which is that time's (``14:00 UTC/07:00 PT``: UTC is 14:00's)."""
    def owned(a: int) -> bool:
        return any(u is not t and u.end <= a and _ZONE_AFTER.fullmatch(hay, u.end, a) for u in times)

    return [z for z in zones if not owned(z[0])]


#: What stands between a time and a zone written after it: 14:00 UTC,
#: 14:00（协调世界时）.
_ZONE_AFTER = re.compile(r"\s*[(（]?\s*")


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
    """Pair equal times first (each with the equal time nearest its own
    place in the order of times); leftovers pair in text order as
    differing times; what remains has no time on the other side."""
    out = TimePairing()
    ru_left, zh_left = list(ru), list(zh)
    for i, r in enumerate(ru):
        equal = [z for z in zh_left if agree(r, z, vocab)]
        if equal:
            z = min(equal, key=lambda z: abs(zh.index(z) - i))
            out.matched.append((r, z))
            ru_left.remove(r)
            zh_left.remove(z)
    # A time repeated on one side needs no repeated counterpart, unless the
    # other side has a time left that the repeat stands in place of: RU
    # 22:00 to 23:00 against ZH 晚上11点到11点 changed the first end.
    ru_new = [r for r in ru_left if not any(agree(r, z, vocab) for z in zh)]
    zh_new = [z for z in zh_left if not any(agree(r, z, vocab) for r in ru)]
    ru_new += [r for r in ru_left if r not in ru_new][: max(0, len(zh_new) - len(ru_new))]
    zh_new += [z for z in zh_left if z not in zh_new][: max(0, len(ru_new) - len(zh_new))]
    ru_new.sort(key=lambda t: t.start)
    zh_new.sort(key=lambda t: t.start)
    n = min(len(ru_new), len(zh_new))
    out.different.extend(zip(ru_new[:n], zh_new[:n]))
    out.dropped.extend(("ru", r) for r in ru_new[n:])
    out.dropped.extend(("zh", z) for z in zh_new[n:])
    return out
