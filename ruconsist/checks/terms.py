"""Terms of the rule packs must have their counterpart in the other language."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ruconsist.checks.base import LANG_NAME, Check, PairContext
from ruconsist.checks.offices import title_qualifiers
from ruconsist.diagnostic import Diagnostic, Severity
from ruconsist.document import SegmentPair, other
from ruconsist.terms import ACCEPT, FORBIDDEN, Mention, matcher_for


#: A short quoted name: «Вашингтон Нэшионалс», “国民队”, 《中华人民共和国
#:宪法》.  A term strictly inside one is part of another name and needs
#: no counterpart of its own (long quotes are reported speech and are
#: checked as usual).
QUOTED_NAME = regex.compile(
    r"«([^«»\n.!?。！？]{1,60})»|“([^“”\n.!?。！？]{1,30})”|《([^《》\n]{1,60})》|„([^„“\n.!?]{1,60})“"
)


def _inside_names(text: str) -> list[tuple[int, int]]:
    out = []
    for m in QUOTED_NAME.finditer(text):
        inner = next(g for g in m.groups() if g is not None)
        if len(inner.split()) <= 6:
            out.append((m.start() + 1, m.end() - 1))
    return out


def _expected(forms: tuple[str, ...]) -> str:
    return " or ".join(forms[:3]) if forms else "(none)"


def bead_terms(bead: SegmentPair, lang: str, ctx: PairContext) -> list[Mention]:
    """Term mentions on one side of a bead, shared by every check."""
    matcher = matcher_for(ctx.rules)
    return bead.cached(("terms", lang), lambda: matcher.find(bead.side(lang).text, lang))  # type: ignore[no-any-return]


class TermMissing(Check):
    """A name, place, organization, title or term from the rule packs
    appears on one side of an aligned segment, and none of its forms
    (nor an accepted stand-in such as ``俄方`` for Russia) appears on the
    other side.

    Russian forms match in every case and number (``Путина``,
    ``Си Цзиньпином``); Chinese forms match as substrings, longest first.
    A mention is reported once per segment, at its first occurrence.  The
    finding's category is the term's category.

    When both sides hold an unmatched title, the finding is TTL001
    instead.

    Examples
      PASS  RU «Путин встретился с Си Цзиньпином»   ZH «普京会见了习近平»
      PASS  RU «президент России»                   ZH «俄罗斯总统»
      FAIL  RU «заявил Сергей Лавров»               ZH «外长表示»   -> TRM001
    """

    code = "TRM001"
    slug = "term-missing"
    category = "term"
    severity = Severity.ERROR
    extra_codes = {
        "TTL001": ("title-mismatch", "title", Severity.ERROR),
    }
    code_docs = {
        "TTL001": """
        The two sides of a segment name different documents: each holds a
        title of the rule packs (``category: title``) that the other side
        does not, such as SALT II in the Russian text and New START in the
        Chinese one.  Reported once, on the Russian title, naming both
        titles and what each side would need: a substitution, not an
        omission, so one finding instead of two TRM001.

        Examples
          PASS  RU «договор ДСНВ»   ZH «《新削减战略武器条约》»
          FAIL  RU «договор ДСНВ»   ZH «《中导条约》»   -> TTL001
        """,
    }

    def check(self, bead: SegmentPair, ctx: PairContext) -> Iterator[Diagnostic]:
        if not bead.ru or not bead.zh:
            return
        matcher = matcher_for(ctx.rules)
        mentions = {lang: bead_terms(bead, lang, ctx) for lang in ("ru", "zh")}
        present = {
            lang: {t for m in mentions[lang] if m.role != FORBIDDEN for t in m.terms}
            for lang in ("ru", "zh")
        }
        missing: dict[str, list[tuple[str, Mention]]] = {"ru": [], "zh": []}
        stand_in_cache: dict[str, list[Mention]] = {}

        def stand_ins(lang: str) -> list[Mention]:
            if lang not in stand_in_cache:
                stand_in_cache[lang] = matcher.stand_ins(bead.side(lang).text, lang)
            return stand_in_cache[lang]

        for lang in ("ru", "zh"):
            dst = other(lang)
            seen: set[str] = set()
            names = _inside_names(bead.side(lang).text)
            # The country and body of a title both sides have, or of a city
            # (Посол КНР в РФ ↔ 张汉晖大使): explicitation, not omission.
            qualifiers = set(title_qualifiers(bead, lang, mentions[lang], mentions[dst], ctx.rules))
            for m in mentions[lang]:
                if m.role == FORBIDDEN:
                    continue
                if any(a <= m.start and m.end <= b and (m.start, m.end) != (a, b) for a, b in names):
                    continue
                if (m.start, m.end) in qualifiers:
                    continue
                if not any(t not in present[dst] for t in m.terms):
                    continue
                if any(
                    s.role == ACCEPT and s.start <= m.start and m.end <= s.end and s.end - s.start > m.end - m.start
                    for s in stand_ins(lang)
                ):
                    continue
                for tid in m.terms:
                    if tid in seen or tid in present[dst]:
                        continue
                    seen.add(tid)
                    text = bead.side(dst).text
                    if matcher.accepted(tid, dst, text, mentions[dst], stand_ins(dst)) is None:
                        missing[lang].append((tid, m))
        titles = {
            lang: [(t, m) for t, m in missing[lang] if ctx.rules.term(t).category == "title"]
            for lang in ("ru", "zh")
        }
        paired: set[tuple[str, str]] = set()
        for (rt, rm), (zt, zm) in zip(titles["ru"], titles["zh"]):
            paired.add(("ru", rt))
            paired.add(("zh", zt))
            ru_term, zh_term = ctx.rules.term(rt), ctx.rules.term(zt)
            zh_loc = bead.zh.location(zm.start, zm.end)
            yield self.report(
                bead,
                "ru",
                rm.start,
                rm.end,
                f"RU names '{rm.text}' ({rt}) but ZH names '{zm.text}' ({zt}):"
                f" expected {_expected(ru_term.zh)} in ZH, or"
                f" {_expected(zh_term.ru)} in RU",
                code="TTL001",
                rule=rt,
                expected=ru_term.zh[0] if ru_term.zh else None,
                found=zm.text,
                counterpart=zh_loc,
                severity=ru_term.severity or zh_term.severity,
            )
        for lang in ("ru", "zh"):
            dst = other(lang)
            for tid, m in missing[lang]:
                if (lang, tid) in paired:
                    continue
                term = ctx.rules.term(tid)
                yield self.report(
                    bead,
                    lang,
                    m.start,
                    m.end,
                    f"{LANG_NAME[lang]} '{m.text}' has no counterpart in"
                    f" {LANG_NAME[dst]} (expected {_expected(term.forms(dst))})",
                    category=term.category,
                    severity=term.severity,
                    rule=tid,
                    expected=term.forms(dst)[0] if term.forms(dst) else None,
                    found=m.text,
                )


class TermForbidden(Check):
    """A variant the rule packs list as always wrong (``普丁`` for Putin,
    a misspelt transliteration): the message names the preferred form.

    In Chinese the fix replaces the variant by the preferred form of the
    closest length; in Russian no automatic fix is offered, since the
    preferred form must be inflected like the variant.

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
                    yield self.report(
                        bead,
                        lang,
                        m.start,
                        m.end,
                        f"{LANG_NAME[lang]} '{m.text}' is a wrong variant"
                        + (f": use '{preferred}'" if preferred else ""),
                        category=term.category,
                        severity=term.severity,
                        rule=tid,
                        expected=preferred,
                        found=m.text,
                        fix=fix,
                    )
                    break


CHECKS = [TermMissing, TermForbidden]
