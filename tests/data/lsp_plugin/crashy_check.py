"""A plugin whose check fails on a paragraph holding 'СБОЙ': the language
server's tests use it to show that a bug in a check is reported and the
server keeps serving."""

from __future__ import annotations

from ruconsist.checks.base import Check
from ruconsist.hookspecs import hookimpl


class Crashy(Check):
    """Fails on a paragraph holding 'СБОЙ' (a test double, not a check).

    Examples
      PASS  RU «Текст.»   ZH «文本。»
    """

    code = "XCR001"
    slug = "crashy"
    category = "style"

    def check(self, bead, ctx):  # type: ignore[no-untyped-def]
        if "СБОЙ" in bead.ru.text:
            raise RuntimeError("the crashy check failed on purpose")
        return iter(())


@hookimpl
def ruconsist_register_checks(register):  # type: ignore[no-untyped-def]
    register(Crashy)
