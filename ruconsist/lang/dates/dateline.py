"""Datelines: the date a document is dated by, found in its first lines
or shared header, and applied to year-less and relative mentions; the
per-bead entry points the checks call.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ruconsist.lang.dates.compare import DatePairing, _day_only, bare_years, pair_dates
from ruconsist.lang.dates.extraction import extract
from ruconsist.lang.dates.mention import STATE_KEY, DateMention, normalize
from ruconsist.lang.dates.vocab import DateVocab, default_vocab, vocab_for

#: Keys of ``vocab: {dates: ...}`` and the shape of each.

if TYPE_CHECKING:
    from ruconsist.context import PairContext
    from ruconsist.document import SegmentPair


# ---------------------------------------------------------------------------
# Datelines


@dataclass(frozen=True)
class Dateline:
    """The date a document is dated by (a news dateline or a shared
    header).  ``year`` is the default for dates written without one."""

    year: int | None
    month: int | None
    day: int | None
    text: str = ""
    source: str = ""

    @property
    def date(self) -> _dt.date | None:
        if self.year and self.month and self.day:
            try:
                return _dt.date(self.year, self.month, self.day)
            except ValueError:
                return None
        return None


def find_dateline(lines: Iterable[str], lang: str, vocab: DateVocab | None = None) -> Dateline | None:
    """The first dateline among ``lines`` (RU or ZH), read with the
    dateline formats of the packs."""
    vocab = vocab or default_vocab()
    for line in lines:
        norm = normalize(line)
        for pat in vocab.datelines.get(lang, []):
            m = pat.search(norm)
            if not m:
                continue
            for mention in extract(m.group("date"), lang, vocab):
                if mention.kind == "date" and mention.month is not None:
                    return Dateline(mention.year, mention.month, mention.day, line[m.start("date") : m.end("date")], lang)
    return None


def header_dateline(texts: Iterable[str], vocab: DateVocab | None = None) -> Dateline | None:
    """A date in a bilingual file's shared header (``04 ФЕВРАЛЯ 2026,
    16:40``), in either language."""
    vocab = vocab or default_vocab()
    for text in texts:
        for lang in ("ru", "zh"):
            for mention in extract(text, lang, vocab):
                if mention.kind == "date" and not mention.soft and (mention.year or mention.month):
                    return Dateline(mention.year, mention.month, mention.day, mention.text, "header")
    return None


def combine_datelines(found: Sequence[Dateline | None]) -> Dateline | None:
    """One dateline for a pair: the first year any of them gives, and
    the first month and day."""
    items = [d for d in found if d is not None]
    if not items:
        return None
    year = next((d.year for d in items if d.year), None)
    first = next((d for d in items if d.month), items[0])
    return Dateline(year, first.month, first.day, first.text, "+".join(d.source for d in items))


#: How many beads, and lines in each, may hold a dateline.
DATELINE_BEADS = 5
DATELINE_LINES = 8


def pair_dateline(ctx: PairContext | None) -> Dateline | None:
    """The dateline of a file pair, computed once and kept in
    ``ctx.state`` (the date checks' scratch space)."""
    if ctx is None:
        return None
    state = ctx.state.setdefault(STATE_KEY, {})
    if "dateline" in state:
        return state["dateline"]  # type: ignore[no-any-return]
    vocab = vocab_for(ctx.rules)
    header = header_dateline((doc.text[a:b] for doc, a, b in ctx.header), vocab)
    beads = ctx.beads or ctx.state.get("all_beads", [])
    found: list[Dateline | None] = [header]
    for lang in ("ru", "zh"):
        lines: list[str] = []
        for bead in beads[:DATELINE_BEADS]:
            side = bead.side(lang)
            if side:
                lines.extend(side.text.split("\n"))
        found.append(find_dateline(lines[:DATELINE_LINES], lang, vocab))
    state["dateline"] = combine_datelines(found)
    return state["dateline"]  # type: ignore[no-any-return]


def apply_dateline(ms: Sequence[DateMention], dateline: Dateline | None) -> list[DateMention]:
    """Resolve relative years and give year-less dates the dateline's
    year (``year_from`` says which happened)."""
    out = []
    ref = dateline.year if dateline else None
    for m in ms:
        if _day_only(m):
            # Xinhua's "4日" is a day of the dateline's month.
            if dateline is not None and dateline.month is not None:
                m = replace(m, month=dateline.month, year=ref, year_from="dateline")
            out.append(m)
            continue
        if m.kind in ("weekday", "decade", "century") or m.any_year:
            out.append(m)
            continue
        if m.year is not None:
            out.append(replace(m, year_from="text"))
            continue
        if m.rel_year is not None:
            if ref is not None:
                y = ref + m.rel_year
                end = y if m.kind == "range" else None
                out.append(replace(m, year=y, end_year=end if m.end_year is None else m.end_year, year_from="relative"))
            else:
                out.append(m)
            continue
        if ref is not None and (m.month is not None or m.kind in ("half", "quarter")):
            end_year = m.end_year
            if m.kind == "range" and end_year is None:
                crosses = (m.month or 0, m.day or 0) > (m.end_month or 0, m.end_day or 0)
                end_year = ref + 1 if crosses else ref
            out.append(replace(m, year=ref, end_year=end_year, year_from="dateline"))
            continue
        out.append(m)
    return out


def bead_dates(bead: SegmentPair, lang: str, ctx: PairContext | None) -> list[DateMention]:
    """Date and weekday mentions of one side of a bead, with the pair's
    dateline applied; offsets are into ``bead.side(lang).text``.  Cached
    on the bead, so every check shares one extraction."""

    def compute() -> list[DateMention]:
        vocab = vocab_for(ctx.rules if ctx is not None else None)
        found = extract(bead.side(lang).text, lang, vocab)
        return apply_dateline(found, pair_dateline(ctx))

    return bead.cached(("dates", lang), compute)  # type: ignore[no-any-return]


def bead_pairing(bead: SegmentPair, ctx: PairContext | None) -> DatePairing:
    """The bead's dates paired across the two sides (cached on the bead)."""

    def compute() -> DatePairing:
        ru = bead_dates(bead, "ru", ctx)
        zh = bead_dates(bead, "zh", ctx)
        return pair_dates(
            ru, zh, pair_dateline(ctx),
            ru_bare=bare_years(bead.ru.text, ru),
            zh_bare=bare_years(bead.zh.text, zh),
        )

    return bead.cached(("dates", "pairing"), compute)  # type: ignore[no-any-return]


def bead_date_spans(bead: SegmentPair, lang: str, ctx: PairContext | None) -> list[tuple[int, int]]:
    """Spans of ``bead.side(lang).text`` the number check should leave
    to the date checks: every date mention, and a bare four-digit number
    that answers a year on the other side (``(1644-1912)`` against
    ``1644年 - 1912年``)."""
    spans = [(m.start, m.end) for m in bead_dates(bead, lang, ctx)]
    if bead.ru and bead.zh:
        index = 0 if lang == "ru" else 1
        for pair in bead_pairing(bead, ctx).matched:
            m = pair[index]
            if m.notation == "bare-year":
                spans.append((m.start, m.end))
    return sorted(spans)
