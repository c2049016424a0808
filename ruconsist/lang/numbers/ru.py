"""Reading numbers in Russian text: digits with their magnitude words
and units, number words in every case and gender, clock times in words.
"""

from __future__ import annotations

import re
from dataclasses import replace
from fractions import Fraction

from ruconsist.speed import regexcache
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
            # A noun for a group ("парой", "дуэт", "четверки" in golf) names
            # a team, a couple, a format as often as a figure: role
            # "group", a counterpart that never stands in another's place.
            quiet = kind == "group_nouns" or value in vocab.quiet_word_values
            role = "group" if kind == "group_nouns" else "word" if quiet else ""
            out.append(NumberMention(s, e, value, "cardinal", False, text[s:e], quiet=quiet,
                                     role=role, digits=False))
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


def _top_factor(total: Fraction) -> Fraction:
    f = ONE
    while f * 1000 <= total:
        f *= 1000
    return f
