"""A date mention (a date, range, period, decade, century or weekday read
from one side), its description, and calendar facts.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

#: Keys of ``vocab: {dates: ...}`` and the shape of each.

if TYPE_CHECKING:
    pass


WEEKDAY_NAMES = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)

#: Key of the date checks' scratch space in ``PairContext.state``.
STATE_KEY = "DAT001"

# Same-length normalisation, so that offsets stay true: full-width digits
# to ASCII, ё to е.
_NORMALIZE = str.maketrans(
    {
        **{chr(0xFF10 + i): str(i) for i in range(10)},
        "ё": "е",
        "Ё": "Е",
    }
)


_TO_NORMALIZE = re.compile("[" + "".join(chr(c) for c in _NORMALIZE) + "]")


def normalize(text: str) -> str:
    """Fold full-width digits and ё without changing the length."""
    if text.isascii() or not _TO_NORMALIZE.search(text):
        return text
    return text.translate(_NORMALIZE)


# ---------------------------------------------------------------------------
# Mentions


@dataclass(frozen=True)
class DateMention:
    """One date, range, part of a year or weekday in a text.

    ``start``/``end`` are offsets in the text it was found in (for
    :func:`bead_dates`, ``bead.side(lang).text``).  ``kind`` is one of
    ``date`` (a day, a month or a year: see :attr:`granularity`),
    ``range``, ``half``, ``quarter``, ``decade``, ``century`` or
    ``weekday`` (a weekday with no date).  A date may carry a weekday
    written next to it (``в среду, 4 февраля``); ``weekday_span`` is where.

    ``explicit`` names the fields the text writes out (``year``,
    ``month``, ``day``, ``weekday``); a year may instead come from a
    relative word (``rel_year``: ``в прошлом году`` = -1,
    ``year_from="relative"`` once resolved) or from the dateline
    (``year_from="dateline"``).  ``any_year`` marks ``同年`` / ``в том же
    году``, which stand for whatever year the other side gives.  ``soft``
    mentions (adjectives, relative years, decades, a bare ZH ``4日``) may
    satisfy a counterpart but are never required to have one.
    """

    start: int
    end: int
    text: str
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    end_year: int | None = None
    end_month: int | None = None
    end_day: int | None = None
    half: int | None = None
    quarter: int | None = None
    decade: int | None = None
    century: int | None = None
    rel_year: int | None = None
    rel_century: int | None = None
    any_year: bool = False
    weekday: int | None = None
    weekday_span: tuple[int, int] | None = None
    rel_day: int | None = None
    explicit: frozenset[str] = frozenset()
    year_from: str = ""
    soft: bool = False
    notation: str = ""

    @property
    def granularity(self) -> str:
        """``day``, ``month`` or ``year`` for dates and ranges; the kind
        otherwise."""
        if self.kind in ("date", "range"):
            if self.day is not None or self.end_day is not None:
                return "day"
            if self.month is not None or self.end_month is not None:
                return "month"
            return "year"
        return self.kind

    @property
    def written_year(self) -> bool:
        """Whether the text itself gives the year (digits or a relative
        word), as opposed to the dateline or nothing."""
        return "year" in self.explicit or self.rel_year is not None

    def iso(self) -> str:
        """The reading as ISO 8601 where ISO has a form for it."""
        return describe(self)


def _year_text(m: DateMention, year: int | None) -> str:
    if year is not None:
        return f"{year:04d}"
    if m.any_year:
        return "same year"
    if m.rel_year is not None:
        return {0: "this year", -1: "last year", 1: "next year"}.get(
            m.rel_year, f"year {m.rel_year:+d}"
        )
    return ""


def _point(year_text: str, month: int | None, day: int | None) -> str:
    if month is None:
        if day is not None:
            return f"---{day:02d}"
        return year_text or "?"
    if not year_text or not year_text[:1].isdigit():
        base = f"--{month:02d}" + (f"-{day:02d}" if day is not None else "")
        return base + (f" ({year_text})" if year_text else "")
    return f"{year_text}-{month:02d}" + (f"-{day:02d}" if day is not None else "")


def describe(m: DateMention) -> str:
    """A short reading of a mention for messages: ISO dates
    (``2026-02-04``, ``--02-04`` without a year, ``2026-07-01/2026-07-03``
    for a range), ``2026-H1``, ``2026-Q3``, ``1980s``, ``19th century``, a
    weekday name."""
    year = _year_text(m, m.year)
    if m.kind == "date":
        out = _point(year, m.month, m.day)
    elif m.kind == "range":
        end_year = _year_text(m, m.end_year if m.end_year is not None else m.year)
        out = _point(year, m.month, m.day) + "/" + _point(end_year, m.end_month, m.end_day)
    elif m.kind in ("half", "quarter"):
        tag = f"H{m.half}" if m.kind == "half" else f"Q{m.quarter}"
        if year and year[:1].isdigit():
            out = f"{year}-{tag}"
        else:
            out = tag + (f" ({year})" if year else "")
    elif m.kind == "decade":
        dec = m.decade or 0
        if m.century is not None and dec < 100:
            out = f"{(m.century - 1) * 100 + dec}s"
        elif dec >= 100:
            out = f"{dec}s"
        else:
            out = f"'{dec:02d}s"
            if m.rel_century is not None:
                out += {0: " of this century", -1: " of the last century"}.get(m.rel_century, "")
    elif m.kind == "century":
        if m.century is not None:
            out = f"{_ordinal(m.century)} century"
        else:
            rel = m.rel_century or 0
            out = {0: "this century", -1: "last century"}.get(rel, f"century {rel:+d}")
    else:
        out = ""
    if m.year_from == "dateline" and m.kind != "weekday" and out:
        out += " (year from the dateline)"
    if m.weekday is not None:
        name = WEEKDAY_NAMES[m.weekday]
        out = f"{out}, {name}" if out else name
    return out


def _ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def actual_weekday(year: int, month: int, day: int) -> int | None:
    """0 = Monday; ``None`` for an impossible date (``31 июня``)."""
    try:
        return _dt.date(year, month, day).weekday()
    except ValueError:
        return None


def valid_date(year: int | None, month: int | None, day: int | None) -> bool:
    if month is None:
        return True
    if not 1 <= month <= 12:
        return False
    if day is None:
        return True
    # Without a year, 29 February must stay possible.
    days = calendar.monthrange(year if year is not None else 2000, month)[1]
    return 1 <= day <= days
