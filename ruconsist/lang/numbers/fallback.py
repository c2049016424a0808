"""A minimal date reading that keeps the numbers of plain dates out of
the number check when the date module is not available.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ruconsist.lang.numbers.scan import _regex, _ru_month_pattern, ru_month_names
from ruconsist.lang.numbers.vocab import DASHES, DMY, NumberVocab, _alternation, normalise

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
            self._rx = re.compile(self.source)
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
    key = cache.key_for("fallback-dates", repr(abbrevs), repr(ordinals), cache.code_digest(*cache.package_files(__file__)))
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
