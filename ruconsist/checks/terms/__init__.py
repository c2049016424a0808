"""Terms of the rule packs (TRM; TTL001, the title case of TRM003):
every name, place, organization, title and term must have its
counterpart in the other language.

==========  ===================================================  =================
TRM001/003  term-missing, term-substituted; TTL001 title-mismatch  :mod:`.missing`
TRM002      term-forbidden                                        :mod:`.forbidden`
==========  ===================================================  =================

What each side names and which mention needs a counterpart is
:mod:`.mentions`; the findings held for the segments around them,
:mod:`.window`; counting an entity's mentions on both sides,
:mod:`.counts`.
"""

from __future__ import annotations

from ruconsist.checks.terms.forbidden import TermForbidden
from ruconsist.checks.terms.missing import TermMissing

CHECKS = [TermMissing, TermForbidden]
