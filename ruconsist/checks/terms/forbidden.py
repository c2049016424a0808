"""TRM002: a variant the rule packs list as wrong."""

from __future__ import annotations

from collections.abc import Iterator

from ruconsist.checks.base import LANG_NAME, Check, PairContext
from ruconsist.checks.terms.mentions import bead_terms
from ruconsist.diagnostic import Diagnostic, Severity
from ruconsist.document import SegmentPair
from ruconsist.rules import Term
from ruconsist.terms import FORBIDDEN


class TermForbidden(Check):
    """A variant the rule packs list as always wrong (``普丁`` for Putin,
    a misspelt transliteration): the message names the preferred form.

    In Chinese the fix replaces the variant by the preferred form of the
    closest length; in Russian no automatic fix is offered, since the
    preferred form must be inflected like the variant.

    A spelling of the same name in real use that the house does not
    write (``variant:`` in a pack: 李英浩 for 李勇浩, a Korean name that
    news media render either way) is the same person, not a wrong one:
    reported as a warning that names the house form.

    Examples
      PASS  RU «Путин»   ZH «普京»
      FAIL  RU «Путин»   ZH «普丁»    -> TRM002
    """

    code = "TRM002"
    slug = "term-forbidden"
    category = "term"
    severity = Severity.ERROR

    def check(self, bead: SegmentPair, ctx: PairContext) -> Iterator[Diagnostic]:
        for lang in ("ru", "zh"):
            if not bead.side(lang):
                continue
            for m in bead_terms(bead, lang, ctx):
                if m.role != FORBIDDEN:
                    continue
                for tid in m.terms:
                    term = ctx.rules.term(tid)
                    forms = term.forms(lang)
                    preferred = (
                        min(forms, key=lambda f: (abs(len(f) - len(m.text)), forms.index(f)))
                        if forms
                        else None
                    )
                    fix = None
                    if lang == "zh" and preferred:
                        fix = (m.start, m.end, preferred)
                    variant = _is_variant(term, lang, m.text)
                    yield self.report(
                        bead,
                        lang,
                        m.start,
                        m.end,
                        f"{LANG_NAME[lang]} '{m.text}' is "
                        + ("a variant spelling of the same name" if variant else "a wrong variant")
                        + (f": use '{preferred}'" if preferred else ""),
                        category=term.category,
                        severity=Severity.WARNING if variant else term.severity,
                        rule=tid,
                        expected=preferred,
                        found=m.text,
                        fix=fix,
                    )
                    break


def _is_variant(term: Term, lang: str, text: str) -> bool:
    """Whether a forbidden-role mention is one of the term's ``variant``
    spellings (in Russian, inflected: any mention, when the term lists
    no wrong forms in that language)."""
    variants = term.variants(lang)
    if not variants:
        return False
    if text in variants or text.lower() in {v.lower() for v in variants}:
        return True
    return lang == "ru" and not term.forbidden(lang)


CHECKS = [TermForbidden]
