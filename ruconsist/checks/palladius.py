"""Chinese names in Russian must transcribe the characters of the Chinese
side (Palladius)."""

from __future__ import annotations

from collections.abc import Iterator

from ruconsist.checks.base import Check, PairContext
from ruconsist.checks.limits import checked_partially
from ruconsist.diagnostic import Diagnostic, Severity
from ruconsist.document import SegmentPair
from ruconsist.lang.palladius import Finding, HAN_RUN, compare, display_pinyin, inflected_pattern, table_from_rules

#: Characters that end a Chinese place name (深圳市, 广东省, 长江).
PLACE_SUFFIXES = frozenset("省市县区州镇乡村港湾岛江河湖山峰岭关城")
RU_PLACE_WORDS = (
    "город", "провинци", "район", "уезд", "округ", "остров", "рек", "гор", "озер",
    "порт", "столиц", "деревн", "посел", "автономн", "мегаполис",
)


class Palladius(Check):
    """A Chinese personal or place name written in Russian must spell, in
    the Palladius system, the characters the Chinese side has:
    习近平 xi jin ping is ``Си Цзиньпин``, 深圳 shen zhen is ``Шэньчжэнь``.

    The check needs no rule: it reads the capitalised Russian words made
    only of Palladius syllables (in any case form: ``Си Цзиньпином``),
    reads the Chinese characters of the segment with pypinyin, and looks
    for the characters the Russian name transcribes.  A name whose
    characters are there is right.  A name one syllable off (a wrong
    initial or final: ``Си Цзинпин`` for 习近平), spelt with non-Palladius
    letters (``Шеньчжень``), or written regularly where Russian keeps a
    traditional name (``Бэйцзин`` for 北京, which is ``Пекин``) is an
    error that gives the correct form.  Surnames take their surname
    reading (曾 Zeng, 单 Shan, 区 Ou).  Names with no close counterpart are
    left alone: the translation may have paraphrased them.  The syllable
    table, surname readings and traditional names are the ``palladius``
    vocabulary of ``rules/palladius.yaml``.

    Some names have two forms in real use and the choice is editorial
    (``policy`` in the vocabulary): 西藏 is ``Сицзан`` in the Chinese
    state's own Russian texts and ``Тибет`` in Russian media.  Neither is
    an error by default.  A project that chooses one says so in its
    configuration, and the other form is then reported::

        options:
          policy-names: {西藏: Сицзан}

    Examples
      PASS  RU «Си Цзиньпин пригласил Путина»   ZH «习近平邀请普京»
      PASS  RU «в Шэньчжэне»                    ZH «在深圳»
      PASS  RU «в Пекине»                       ZH «在北京»
      FAIL  RU «Си Цзинпин пригласил Путина»    ZH «习近平邀请普京»  -> PAL001
      FAIL  RU «Цэн Гофань»                     ZH «曾国藩»          -> PAL001
      PASS  RU «в Сицзане» or «в Тибете»        ZH «在西藏»  (no policy-names)
      FAIL  RU «в Тибете»  ZH «在西藏»  with policy-names {西藏: Сицзан} -> PAL001
    """

    code = "PAL001"
    options = {
        "policy-names": (dict, "the project's Russian form of names whose form is an editorial choice (西藏: Сицзан)"),
    }
    slug = "palladius"
    category = "name"
    severity = Severity.ERROR

    def check(self, bead: SegmentPair, ctx: PairContext) -> Iterator[Diagnostic]:
        ru, zh = bead.ru.text, bead.zh.text
        if not HAN_RUN.search(zh):
            return
        table = table_from_rules(ctx.rules)
        partial: list[int] = []
        for f in compare(ru, zh, table, partial=partial):
            yield self._diagnostic(bead, f, ru, zh)
        for offset in partial:
            yield checked_partially(bead, "ru", offset, self.code, "too many candidate names for its Chinese side")
        chosen = (getattr(ctx.config, "options", None) or {}).get("policy-names")
        if chosen:
            yield from self._policy(bead, chosen, table)

    def _policy(self, bead: SegmentPair, chosen: dict[str, str], table) -> Iterator[Diagnostic]:  # type: ignore[no-untyped-def]
        """The project chose one form of a policy name: the other forms
        the packs list for it are reported where the Chinese has it."""
        ru, zh = bead.ru.text, bead.zh.text
        for hanzi, form in chosen.items():
            start = zh.find(hanzi)
            if start < 0:
                continue
            others = [f for f in table.policy.get(hanzi, ()) if f != form]
            keep = [m.span() for m in inflected_pattern(form).finditer(ru)]
            for other_form in others:
                for m in inflected_pattern(other_form).finditer(ru):
                    if any(a < m.end() and m.start() < b for a, b in keep):
                        continue
                    yield self.report(
                        bead,
                        "ru",
                        m.start(),
                        m.end(),
                        f"RU '{m.group()}' for ZH '{hanzi}': the project writes '{form}'"
                        " (policy-names in the configuration)",
                        category="place",
                        rule=f"policy:{hanzi}",
                        expected=form,
                        found=m.group(),
                        counterpart=bead.zh.location(start, start + len(hanzi)),
                    )

    def _diagnostic(self, bead: SegmentPair, f: Finding, ru: str, zh: str) -> Diagnostic:
        reading = display_pinyin(f.pinyin)
        if f.kind == "near":
            message = (
                f"RU '{f.found}' does not spell ZH '{f.hanzi}' ({reading}) in Palladius:"
                f" expected '{f.expected}'"
            )
        elif f.kind == "spelling":
            message = (
                f"RU '{f.found}' is not the Palladius spelling of ZH '{f.hanzi}' ({reading}):"
                f" expected '{f.expected}'"
            )
        else:
            message = (
                f"RU '{f.found}' for ZH '{f.hanzi}': Russian keeps the traditional name"
                f" '{f.expected}'"
            )
        return self.report(
            bead,
            "ru",
            f.ru_start,
            f.ru_end,
            message,
            category=_category(f, ru, zh),
            expected=f.expected,
            found=f.found,
            fix=(f.ru_start, f.ru_end, f.expected) if f.safe_fix else None,
            counterpart=bead.zh.location(f.zh_start, f.zh_end),
        )


def _category(f: Finding, ru: str, zh: str) -> str:
    """``place`` when the name is a place: one word of several syllables
    (Chinese personal names are written as surname and given name), or
    marked as one by the words around it."""
    if zh[f.zh_end: f.zh_end + 1] in PLACE_SUFFIXES:
        return "place"
    before = ru[max(0, f.ru_start - 24): f.ru_start].lower()
    if any(w in before for w in RU_PLACE_WORDS):
        return "place"
    if not f.person and len(f.pinyin) >= 2:
        return "place"
    return "name"


CHECKS = [Palladius]
