"""Dates (DAT): equal dates on both sides, weekdays that fit them
(:mod:`.calendar`, DAT001-DAT004), and eras, relative dates and the
direction of a boundary (:mod:`.periods`, DAT005, DAT006, DAT008).
The reading of dates lives in :mod:`ruconsist.lang.dates`."""

from __future__ import annotations

from ruconsist.checks.dates.calendar import CHECKS as _CALENDAR
from ruconsist.checks.dates.periods import CHECKS as _PERIODS

CHECKS = [*_CALENDAR, *_PERIODS]
