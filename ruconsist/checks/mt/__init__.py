"""Machine translation checks (MT): they run with the ``mt`` profile
only, and read the target side of a segment against its source (see
:mod:`ruconsist.profile`; the base class is :mod:`.base`).  One module
per rule:

=======  ============================  ======================
MT001    repetition-loop               :mod:`.repetition`
MT002    truncated-translation         :mod:`.truncation`
MT003    source-script-left            :mod:`.leftover_script`
MT004    name-off-reading              :mod:`.transliteration`
MT005    country-abbreviation-dropped  :mod:`.country_abbrev`
=======  ============================  ======================
"""

from __future__ import annotations

from ruconsist.checks.mt.country_abbrev import CountryDropped
from ruconsist.checks.mt.leftover_script import SourceScriptLeft
from ruconsist.checks.mt.repetition import RepetitionLoop
from ruconsist.checks.mt.transliteration import NameOffReading
from ruconsist.checks.mt.truncation import Truncation

CHECKS = [CountryDropped, SourceScriptLeft, RepetitionLoop, NameOffReading, Truncation]
