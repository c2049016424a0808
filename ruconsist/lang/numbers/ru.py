"""Reading numbers in Russian text: digits with their magnitude words
and units, number words in every case and gender, clock times in words.
"""

from __future__ import annotations

import re
from dataclasses import replace
from fractions import Fraction

from ruconsist.lang.numbers.scan import (
    _in_spans,
    _mask_spans,
    _quoted_name_spans,
    _regex,
    _ru_date_like,
    _sentence_start,
    _words_after,
    _words_before,
    fraction_alts,
    dated_span,
    short_year_end,
)
from ruconsist.lang.numbers.vocab import (
    DASHES,
    ONE,
    RU_DIGITS,
    SPACES,
    ZERO,
    NumberMention,
    NumberVocab,
    _alternation,
    _digit_value,
    _is_letter,
    _latin_word_before,
)
from ruconsist.lang.numerals import roman_value

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
        if (prev is not None and prev.kind == "cardinal" and prev.role in ("", "word", "group") and m.role == "vague"
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


def _ru_patterns(vocab: NumberVocab) -> dict[str, re.Pattern[str]]:
    def build():  # type: ignore[no-untyped-def]
        ru = vocab.ru
        mags = ru.valued.get("magnitudes", {})
        percent = ru.list("percent")
        return {
            "mag": re.compile(rf"[ \u00a0\u202f\u2009]*({_alternation(mags)})(?![а-яa-z0-9])"),
            "percent": re.compile(rf"[ \u00a0\u202f\u2009]*({_alternation(percent)})(?![а-яa-z0-9])"),
            "year": _words_after(ru.list("year_after")),
            "century": _words_after(ru.list("century_after")),
            "time": re.compile(
                rf"(?:[ \u00a0\u202f\u2009]+час[а-я]*)?{_words_after(ru.list('time_after')).pattern}"
            ),
            "approx_before": _words_before(ru.list("approx_before")),
            "approx_after": _words_after(ru.list("approx_after")),
            "reference": _words_before(ru.list("reference_before")),
            "roman_next": _words_after(ru.list("roman_before")),
            "names": re.compile(rf"(?<![а-яa-z])(?:{_alternation(ru.list('names'))})(?![а-яa-z])")
            if ru.list("names") else re.compile(r"(?!x)x"),
            "compound": re.compile(
                rf"(?<![а-яa-z])({_alternation(ru.valued.get('compound_prefixes', {}))})"
                rf"({_alternation(ru.valued.get('compound_prefixes', {}))})?"
                rf"(?:{_alternation(ru.list('compound_stems'))})[а-я]*"
            ),
            "mult_stem": re.compile(
                rf"(?<![а-яa-z])({_alternation(ru.valued.get('multiple_stems', {}))})[а-я]*"
            ),
            "suffix": re.compile(r"[-\u2010\u2011]([а-я]+)"),
            "unit": re.compile(
                rf"[ \u00a0\u202f\u2009]*({_alternation(vocab.units['ru'])})(?![а-яa-z0-9])"
            ) if vocab.units["ru"] else re.compile(r"(?!x)x"),
            "implicit_one": re.compile(rf"(?<![а-я])(?:{_alternation(ru.list('implicit_one'))})(?![а-я])")
            if ru.list("implicit_one") else re.compile(r"(?!x)x"),
            "raz": re.compile(r"[ \u00a0\u202f\u2009]+раз(?:а)?(?![а-я])"),
            "v_before": re.compile(r"(?<![а-я])в[ \u00a0\u202f\u2009]+$"),
        }

    return _regex(vocab, "ru", build)  # type: ignore[return-value]


def _extract_ru(text: str, norm: str, vocab: NumberVocab) -> list[NumberMention]:
    p = _ru_patterns(vocab)
    masks = _mask_spans(norm) + _quoted_name_spans(norm)
    for m in p["names"].finditer(norm):
        masks.append((m.start(), m.end(), "name"))
    out: list[NumberMention] = []
    for m in RU_DIGITS.finditer(norm):
        year = short_year_end(norm, m.start(), m.group(0))
        if year is not None:
            # "сезон 2019–20", "в 2019/20 финансовом году": 2019 to 2020;
            # compared here, unless it is a date ("в 1998–99 годах"), the
            # date check's.
            dated = dated_span(norm, m.end())
            out.append(NumberMention(m.start(), m.end(), year, "year", False, text[m.start():m.end()],
                                     quiet=dated, role="date" if dated else ""))
            continue
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
    if kind in ("cardinal", "ordinal", "word"):
        mag = p["mag"].match(norm, end)
        if mag and kind != "ordinal":
            # "25 тыс.", "три миллиона": the magnitude scales the value,
            # its precision and its other readings alike.
            factor = vocab.ru.valued["magnitudes"][mag.group(1)]
            scale = text[mag.start(1):mag.end()]
            end = mag.end()
            value *= factor
            unit *= factor
            alts = tuple(a * factor for a in alts)
        kind, role, end = _ru_counted_as(norm, start, end, value, kind, role, factor, digits, vocab, p)
    measure = _ru_measure(norm, end, kind, rest, vocab, p) if kind in _MEASURED_KINDS else None
    head = norm[max(0, start - 40):start]
    if p["reference"].search(head) and role is None and factor == 1 and kind != "percent":
        role = "reference"
    approx_after = p["approx_after"].match(norm, end)
    if approx_after:
        approx = True
        end = approx_after.end()
    elif p["approx_before"].search(head):
        approx = True
    if role is None and value in vocab.quiet_word_values and (not digits or (
            kind == "cardinal" and factor == 1 and value in (ZERO, ONE))):
        # "1 名中国人" for "китайца", a "1-0" score in a headline.
        role = "word"
    return NumberMention(
        start=start, end=end, value=value, kind=kind, approx=approx, raw=text[start:end],
        unit=unit, alts=tuple(alts), quiet=role is not None, role=role or "", scale=scale,
        factor=factor, digits=digits, measure=measure,
    )


def _ru_counted_as(norm, start, end, value, kind, role, factor, digits, vocab, p):  # type: ignore[no-untyped-def]
    """What the words after a number say it counts, as (kind, role, end):
    per cent ("5 %", "пять процентов"), a year, century, clock time or
    day when it stands unscaled, a multiple in "в 3 раза"."""
    pct = p["percent"].match(norm, end)
    if pct and kind != "ordinal":
        kind, end = "percent", pct.end()
    elif factor == 1:
        kind, role, end = _ru_date_or_time(norm, end, value, kind, role, digits, vocab, p)
    raz = p["raz"].match(norm, end)
    if raz and kind != "ordinal" and p["v_before"].search(norm, 0, start):
        kind, end = "multiple", raz.end()
    return kind, role, end


#: "(Тото, 2004)": a bracket closing a citation right after its year.
_CITATION_CLOSE = re.compile(r"[ \u00a0]*[)\]]")


def _ru_date_or_time(norm, end, value, kind, role, digits, vocab, p):  # type: ignore[no-untyped-def]
    """A number read as a year ("2004 год", "(Тото, 2004)"), a century
    ("20 века"), a clock time ("в 8 часов утра") or a day of the month
    ("5 мая"), as (kind, role, end); else as it was.  Each reading holds
    only in its range of values: "300 года" stays a count."""
    whole = value.denominator == 1
    if whole and 1000 <= value <= 2999 and (year := p["year"].match(norm, end)):
        return "year", role or "date", year.end()
    if (whole and 1800 <= value <= 2100 and kind == "cardinal" and digits
            and _CITATION_CLOSE.match(norm, end)):
        return "year", role or "date", end
    if value <= 30 and (century := p["century"].match(norm, end)):
        return "century", role or "date", century.end()
    if value <= 24 and p["time"].match(norm, end):
        return "time", role or "time", end
    if value <= 31 and whole and _ru_date_like(norm, end, vocab):
        return "date", role or "date", end
    return kind, role, end


#: Kinds of number that a unit can follow ("5 км", "два килограмма").
_MEASURED_KINDS = frozenset(("cardinal", "word", "percent", "compound", "fraction"))


def _ru_measure(norm, end, kind, rest, vocab, p):  # type: ignore[no-untyped-def]
    """The unit after a number ("5 км", "два килограмма"; none after a
    per cent), or the one a compound carries in its word
    ("300-килограммовое", "двухметровый")."""
    u = p["unit"].match(norm, end)
    if u and kind != "percent":
        return vocab.units["ru"][u.group(1)]
    if kind == "compound" and rest:
        return _unit_prefix(rest, vocab.units["ru"])
    return None


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
    """Numbers written in words: a word that counts alone (``дважды``,
    ``дуэт``, ``вдвое``, a bare ``тысячи``), or a run of number words read
    as one value (``двести тридцать пять тысяч``, ``три пятых``)."""
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
        lone = _LONE_WORDS.get(entry[0])
        if lone is not None:
            out.append(lone(text, norm, s, e, entry[1], vocab, p, masks))
            i += 1
            continue
        run = _read_word_run(norm, tokens, i, words)
        if not run.taken:
            i += 1
            continue
        out.append(_word_run_mention(text, norm, tokens, i, run, vocab, p, masks))
        i += run.taken
    return out


def _count_word(text, norm, s, e, value, vocab, p, masks):  # type: ignore[no-untyped-def]
    """``дважды``, ``пятикратно``: a count of times in one word."""
    quiet = value in vocab.quiet_word_values
    return NumberMention(s, e, value, "cardinal", False, text[s:e], quiet=quiet,
                         role="word" if quiet else "", digits=False)


def _group_noun(text, norm, s, e, value, vocab, p, masks):  # type: ignore[no-untyped-def]
    """A noun for a group (``парой``, ``дуэт``, ``четверки`` in golf)
    names a team, a couple, a format as often as a figure: role
    ``group``, a counterpart that never stands in another's place."""
    return NumberMention(s, e, value, "cardinal", False, text[s:e], quiet=True, role="group", digits=False)


def _multiple_word(text, norm, s, e, value, vocab, p, masks):  # type: ignore[no-untyped-def]
    """``вдвое``, ``втрое``: a multiple in one word."""
    return _finish(text, norm, s, e, value, ONE, "multiple", vocab, p, masks, digits=False)


def _bare_magnitude(text, norm, s, e, value, vocab, p, masks):  # type: ignore[no-untyped-def]
    """A magnitude with no number before it (``тысячи людей``,
    ``миллион``) is vague or one: a counterpart only."""
    return NumberMention(s, e, value, "cardinal", False, text[s:e], quiet=True, role="vague", digits=False)


#: Number words that make a mention alone when they begin a run, by
#: their kind in the vocabulary; the other kinds start a run of words.
_LONE_WORDS = {
    "times": _count_word,
    "group_nouns": _group_noun,
    "multiples": _multiple_word,
    "magnitudes": _bare_magnitude,
}

#: The place of a word that ends a group and so admits no further units.
_NO_PLACE = 10 ** 13


class _WordRun:
    """A run of number words being read into one value: hundreds, tens,
    units, then a magnitude, repeatedly (``три миллиона двести тысяч
    пять``).  Each kind of word has a step in ``_RUN_STEPS`` that takes
    the word into the run or not and says whether the run reads on."""

    __slots__ = ("total", "group", "last_place", "end", "kind", "taken")

    def __init__(self) -> None:
        #: Groups already closed by a magnitude (``три миллиона`` = 3e6).
        self.total = ZERO
        #: The group being read (``двести тридцать`` = 230).
        self.group = ZERO
        #: The place (100, 10, 1) of the group's last word: the next must
        #: be lower (``двадцать пять``, not ``пять двадцать``).
        self.last_place = _NO_PLACE
        self.end = 0
        #: ``cardinal``, ``ordinal`` or ``fraction``.
        self.kind = "cardinal"
        #: How many words the run took.
        self.taken = 0

    def take(self, end: int) -> None:
        self.end = end
        self.taken += 1


def _read_word_run(norm: str, tokens: list[tuple[int, int, str]], i: int,
                   words: dict[str, tuple[str, Fraction]]) -> _WordRun:
    """Read the number words from ``tokens[i]`` on, while they follow
    each other with only spaces between and each step takes its word."""
    run = _WordRun()
    for j in range(i, len(tokens)):
        ts, te, tw = tokens[j]
        if j > i and norm[tokens[j - 1][1]:ts].strip(SPACES) != "":
            break
        entry = words.get(tw)
        if entry is None:
            break
        step = _RUN_STEPS.get(entry[0])
        if step is None or not step(run, tw, entry[1], te):
            break
    return run


def _join_group(run: _WordRun, value: Fraction, end: int) -> bool:
    """Take a unit, ten or hundred below the group's last place; whether
    it was taken (``двадцать пятнадцать`` is two numbers)."""
    place = 100 if value >= 100 else (10 if value >= 20 else 1)
    if value.denominator != 1:
        place = 1
    if place >= run.last_place or (10 <= value < 20 and run.last_place == 10):
        return False
    run.group += value
    # Ten to nineteen fill both the tens and the units.
    run.last_place = 1 if 10 <= value < 20 else place
    run.take(end)
    return True


def _cardinal_step(run: _WordRun, word: str, value: Fraction, end: int) -> bool:
    """A unit, ten or hundred joins the group; a cardinal of a thousand
    or more (``полмиллиона``) stands alone."""
    if value >= 1000:
        if not run.taken:
            run.group = value
            run.take(end)
        return False
    return _join_group(run, value, end)


def _is_fraction_denominator(run: _WordRun, word: str, value: Fraction) -> bool:
    """``три пятых`` = 3/5, ``двух третьих`` = 2/3: a plural ordinal
    after units alone; ``двадцать пятых`` (after tens) is the 25th."""
    return (run.taken > 0 and bool(run.group) and not run.total and run.last_place == 1
            and word.endswith(("ых", "их", "ыми", "ими")) and value > 1)


def _ordinal_step(run: _WordRun, word: str, value: Fraction, end: int) -> bool:
    """An ordinal ends the run: a fraction's denominator (``три
    пятых``), an ordinal magnitude (``тысячный``), or the last word of
    an ordinal number (``двадцать пятый``)."""
    if _is_fraction_denominator(run, word, value):
        run.total = run.group / value
        run.group = ZERO
        run.kind = "fraction"
        run.take(end)
    elif value >= 1000:
        if not run.taken or run.group or run.total:
            run.total += (run.group or ONE) * value
            run.group = ZERO
            run.kind = "ordinal"
            run.take(end)
    elif _join_group(run, value, end):
        run.kind = "ordinal"
    return False


def _magnitude_step(run: _WordRun, word: str, value: Fraction, end: int) -> bool:
    """A magnitude closes the group (``двести тысяч``) unless it is not
    below the magnitudes before it (``три тысячи миллионов`` stops at
    ``тысячи``)."""
    if not run.taken or (run.total and value >= _top_factor(run.total)):
        return False
    run.total += (run.group or ONE) * value
    run.group = ZERO
    run.last_place = _NO_PLACE
    run.take(end)
    return True


def _fraction_step(run: _WordRun, word: str, value: Fraction, end: int) -> bool:
    """``половина``, ``две трети``: a fraction word ends the run."""
    run.total += (run.group or ONE) * value
    run.group = ZERO
    run.kind = "fraction"
    run.take(end)
    return False


def _collective_step(run: _WordRun, word: str, value: Fraction, end: int) -> bool:
    """``трое``, ``оба``: a collective stands alone."""
    if not run.taken:
        run.group = value
        run.take(end)
    return False


_RUN_STEPS = {
    "cardinals": _cardinal_step,
    "ordinals": _ordinal_step,
    "magnitudes": _magnitude_step,
    "fractions": _fraction_step,
    "collectives": _collective_step,
}


def _word_run_mention(text, norm, tokens, i, run, vocab, p, masks):  # type: ignore[no-untyped-def]
    """The mention of a run of number words, with what follows and
    precedes it read as for digits."""
    s = tokens[i][0]
    last_start, last_end, last_word = tokens[i + run.taken - 1]
    last_kind, last_value = vocab.ru.words[last_word]
    value = run.total + run.group
    word_factor = last_value if last_kind == "magnitudes" and not run.group else ONE
    kind = run.kind if run.kind in ("ordinal", "fraction") else "word"
    mention = _finish(text, norm, s, run.end, value, word_factor, kind, vocab, p, masks, digits=False,
                      alts=fraction_alts(value) if run.kind == "fraction" else ())
    if word_factor != 1:
        # "двадцать пять тысяч" is as precise as "25 тыс.".
        mention = replace(mention, factor=word_factor, scale=text[last_start:last_end])
    if mention.kind == "word":
        mention = replace(mention, kind="cardinal")
    if not mention.quiet and text[s].isupper() and not _sentence_start(text, s):
        # "Четырех углов", "Первый канал": a capitalised number word
        # inside a sentence names something.
        mention = replace(mention, quiet=True, role="name")
    return mention


def _top_factor(total: Fraction) -> Fraction:
    f = ONE
    while f * 1000 <= total:
        f *= 1000
    return f
