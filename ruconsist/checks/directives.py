"""Suppression directives that cannot do what their author meant."""

from __future__ import annotations

from collections.abc import Iterator

from ruconsist.checks.base import Check, PairContext
from ruconsist.diagnostic import Diagnostic, Severity


class UnknownDirectiveCode(Check):
    """A suppression directive (``<!-- ruconsist: disable-next-line
    NUM001 -->``, ``# ruconsist: disable TRM``) that names a code no
    check reports suppresses nothing: usually a typo, or a code of a
    plugin that is not installed.  A warning, at the directive; a
    directive not understood at all is SUP002.

    Examples (¶ is a paragraph break)
      PASS  RU «<!-- ruconsist: disable-next-line NUM001 -->¶Погибли 12 человек.»   ZH «造成13人死亡。»   (in Markdown)
      FAIL  RU «<!-- ruconsist: disable-next-line NUN001 -->¶Погибли 12 человек.»   ZH «造成13人死亡。»   (in Markdown)   -> SUP001
    """

    code = "SUP001"
    slug = "unknown-directive-code"
    category = "style"
    severity = Severity.WARNING
    extra_codes = {"SUP002": ("malformed-directive", "style", Severity.WARNING)}
    code_docs = {
        "SUP002": """
        A suppression directive that is not understood at all: a misspelt
        verb (``disabel-next-line``), a code that is not a code, an
        ``enable`` with no open ``disable``.  It suppresses nothing, so
        the findings it was meant to hide are still reported.  A warning,
        at the directive.

        Examples (¶ is a paragraph break)
          PASS  RU «<!-- ruconsist: disable-next-line NUM001 -->¶Погибли 12 человек.»   ZH «造成13人死亡。»   (in Markdown)
          FAIL  RU «# ruconsist: disabel-next-line NUM001¶Погибли 12 человек.»   ZH «造成13人死亡。»   -> SUP002
        """,
    }

    def finish_pair(self, ctx: PairContext) -> Iterator[Diagnostic]:
        from ruconsist.suppress import directives_for

        known = ctx.state.get("codes") or ()
        for path, dirs in directives_for(ctx, known).items():
            doc = ctx.ru_doc if ctx.ru_doc.path == path else ctx.zh_doc
            lang = "ru" if doc is ctx.ru_doc else "zh"
            for p in dirs.problems:
                code = "SUP001" if p.kind == "unknown-code" else "SUP002"
                slug, category, severity = self.codes()[code]
                yield Diagnostic(
                    code=code,
                    slug=slug,
                    category=category,
                    severity=severity,
                    message=p.message,
                    location=doc.location(lang, p.start, p.end),
                    found=doc.text[p.start : p.end],
                )


CHECKS = [UnknownDirectiveCode]
