"""Terms of the rule packs must have their counterpart in the other language."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from ruconsist.checks.base import LANG_NAME, Check, PairContext
from ruconsist.checks.nearby import HeldFindings
from ruconsist.checks.offices import TitleMention, office_index
from ruconsist.checks.terms.counts import COUNTED_KINDS, Rival, lenient_tally, rival, strict_tally
from ruconsist.checks.terms.counts import side as counted_side
from ruconsist.checks.terms.mentions import (
    bead_stand_ins,
    bead_terms,
    expected_forms,
    lacking_counterparts,
    own_names,
    term_kind,
)
from ruconsist.checks.terms.window import (
    GENERIC_COUNTRY,
    WINDOW,
    Decision,
    Named,
    decide_all,
    extra_decision,
    held_window,
    omission_decision,
    substitution_decision,
)
from ruconsist.diagnostic import Diagnostic, Location, Severity
from ruconsist.document import SegmentPair, other
from ruconsist.rules import RuleSet
from ruconsist.terms import ACCEPT, FORBIDDEN, PRIMARY, Mention, generic_stand_in, matcher_for


class TermMissing(Check):
    """A name, place, organization, title or term from the rule packs
    stands on one side of an aligned segment, and none of its forms (nor
    an accepted stand-in such as ``俄方`` for Russia) stands on the other.

    The finding depends on what the other side has in its place:

    * **TRM003 (error), a substitution**: the other side names a different
      entity of the same kind in the same segment: another country
      (Исландия ↔ 爱尔兰), organization (ВОЗ ↔ 世界贸易组织), person or
      currency, or describes an organization of another type with the same
      key word (Совет безопасности ↔ 安全机构, a security council rendered
      as "security agencies").  The message names both.
    * **TTL001 (error)**: the same for titles of treaties and documents:
      the translation names a different document.
    * **TRM001 (warning), an omission**: the other side names nothing in
      its place.  News and reference translation often drops a name, or
      says "the president", "the country", "he" where the source names
      one; so a mention whose entity the other side names within
      ``WINDOW`` segments before or after is not reported at all, and
      the rest are warnings.  A house that wants every omission to block
      a commit raises it in its configuration::

          severity:
            TRM001: error

    Russian forms match in every case and number (``Путина``,
    ``Си Цзиньпином``); Chinese forms match on word boundaries, longest
    first.  A mention is reported once per segment, at its first
    occurrence.  The finding's category is the term's category.

    Examples
      PASS  RU «Путин встретился с Си Цзиньпином»   ZH «普京会见了习近平»
      PASS  RU «президент России»                   ZH «俄罗斯总统»
      FAIL  RU «заявил Сергей Лавров»               ZH «外长表示»   -> TRM001
    """

    code = "TRM001"
    slug = "term-missing"
    category = "term"
    severity = Severity.WARNING
    extra_codes = {
        "TTL001": ("title-mismatch", "title", Severity.ERROR),
        "TRM003": ("term-substituted", "term", Severity.ERROR),
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
        "TRM003": """
        Both sides of a segment name an entity of the same kind, and they
        differ: another country (Исландия ↔ 爱尔兰), organization (ВОЗ ↔
        世界贸易组织), person, city or currency; or ZH writes the key word
        of an organization's Chinese name with another institution head
        (Совет безопасности ↔ 安全机构, "security agencies"); or one side
        names a country where the other says "the country" (в стране,
        该国) in a passage both sides give to another country (the Syrian
        foreign minister rendered as Libya's); or RU names a country only
        by its adjective or demonym (иранской, шведу), which needs no
        counterpart of its own, where ZH names another country and not
        that one (иранской революции ↔ 冰岛革命); or one side names an
        entity the other lacks while the other side names another entity
        of its kind more often than this side does (Путин twice in RU, ZH
        普京 once and 梅德韦杰夫 once: one of two mentions replaced; or RU
        «президент Эрдоган» against ZH «土耳其总统菲佐», where the office
        alone does not name the person); or a capital, or a place that
        stands for its country, against another country (Пхеньян ↔ 韩国),
        a body of one country against another country (Министерство
        обороны США ↔ 乌拉圭“国防部”), an entity named only inside a short
        quoted name or by its adjective against another of its kind
        (Неделя моды в Париже ↔ “利伯维尔时装周”); or one side writes a
        country before a person's office that the packs give with another
        country (卢旺达总统普京 against «президент России Владимир Путин»:
        reported on the country).  A substitution is nearly
        always a real error: reported once, on the Russian name (or on the
        country named in place of "the country"), naming both.

        An entity on one side only is an omission, TRM001, a warning.

        Examples
          PASS  RU «доклад ВОЗ»             ZH «世卫组织的报告»
          FAIL  RU «доклад ВОЗ»             ZH «世界贸易组织的报告» -> TRM003
          FAIL  RU «вулкан в Исландии»      ZH «爱尔兰的火山»     -> TRM003
          FAIL  RU «Путин прибыл. Путин заявил.»  ZH «普京抵达。梅德韦杰夫表示。» -> TRM003
          FAIL  RU «Помпео посетит Пхеньян»  ZH «蓬佩奥将出访韩国»   -> TRM003
        """,
    }
    neighbour_beads = WINDOW

    def begin_pair(self, ctx: PairContext) -> None:
        # Per bead, in order: the terms each side names (under any form);
        # and the omissions still waiting for the segments after them.
        ctx.state[self.code] = held_window(ctx)

    def check(self, bead: SegmentPair, ctx: PairContext) -> Iterator[Diagnostic]:
        window: HeldFindings[Named] = ctx.state.get(self.code) or ctx.state.setdefault(self.code, held_window(ctx))
        if not bead.ru or not bead.zh:
            return
        matcher = matcher_for(ctx.rules)
        mentions = {lang: bead_terms(bead, lang, ctx) for lang in ("ru", "zh")}
        stand_ins = {lang: bead_stand_ins(bead, lang, ctx) for lang in ("ru", "zh")}
        found = bead.cached(
            ("terms", "missing"), lambda: {lang: lacking_counterparts(bead, lang, ctx.rules, matcher, mentions, stand_ins) for lang in ("ru", "zh")}
        )
        missing = {lang: found[lang][0] for lang in ("ru", "zh")}
        quoted = {lang: found[lang][1] for lang in ("ru", "zh")}
        paired: set[tuple[str, str]] = set()
        pending: list[Decision] = []
        yield from self._substitutions(bead, ctx, missing, paired, pending)
        self._quoted_substitutions(bead, ctx, missing, quoted, paired, pending)
        self._recounted(bead, ctx, missing, paired, pending, mentions, stand_ins)
        yield from self._office_country(bead, ctx, missing, paired, mentions)
        for lang in ("ru", "zh"):
            for tid, m in missing[lang]:
                if (lang, tid) in paired:
                    continue
                pending.append(
                    omission_decision(
                        ctx.rules,
                        lang,
                        tid,
                        self._omission(bead, ctx, lang, tid, m),
                        self._instead(bead, ctx, lang, tid, m),
                        # A machine does not explicitate: under the mt
                        # profile a name given nearby does not excuse one
                        # dropped here.
                        nearby=ctx.config.profile != "mt",
                    )
                )
        named = {
            lang: frozenset(t for m in (*mentions[lang], *stand_ins[lang]) if m.role != FORBIDDEN for t in m.terms)
            for lang in ("ru", "zh")
        }
        yield from window.push(named, decide_all(pending))

    def finish_pair(self, ctx: PairContext) -> Iterator[Diagnostic]:
        window = ctx.state.get(self.code)
        if window is not None:
            yield from window.flush()

    def _substitutions(
        self,
        bead: SegmentPair,
        ctx: PairContext,
        missing: dict[str, list[tuple[str, Mention]]],
        paired: set[tuple[str, str]],
        pending: list[Decision],
    ) -> Iterator[Diagnostic]:
        """Both sides name an entity of the same kind that the other side
        lacks: paired in reading order within each kind (titles as
        TTL001, the rest as TRM003).  A pair waits for the segments
        around it: if RU names the ZH entity there too, the segment was
        restructured (the ambassador «в РФ» here, the USA in the next
        sentence) and the RU name is only a possible omission."""
        by_kind: dict[str, dict[str, list[tuple[str, Mention]]]] = {}
        for lang in ("ru", "zh"):
            for tid, m in missing[lang]:
                if (lang, tid) in paired:
                    continue
                by_kind.setdefault(term_kind(ctx.rules.term(tid)), {"ru": [], "zh": []})[lang].append((tid, m))
        for kind, sides in by_kind.items():
            code = "TTL001" if kind == "title" else "TRM003"
            if kind == "country" and sides["zh"] and not sides["ru"]:
                sides["ru"] = _derived_only(bead, ctx, kind, sides["zh"])
            self._pair(bead, ctx, code, sides["ru"], sides["zh"], paired, pending)
        # A capital stands for its country's government (Вашингтон ↔ 美国),
        # and the packs accept a country for some parts of it (Англия ↔
        # 英国): one left over against a country left over on the other
        # side is the country replaced (Вашингтон ↔ 乌拉圭, Англия ↔ 格林纳达).
        capitals = {
            lang: [
                (t, m) for t, m in missing[lang] if (lang, t) not in paired and _stands_for_country(ctx.rules, t)
            ]
            for lang in ("ru", "zh")
        }
        countries = {
            lang: [(t, m) for t, m in missing[lang] if (lang, t) not in paired and term_kind(ctx.rules.term(t)) == "country"]
            for lang in ("ru", "zh")
        }
        self._pair(bead, ctx, "TRM003", capitals["ru"], countries["zh"], paired, pending)
        self._pair(bead, ctx, "TRM003", countries["ru"], capitals["zh"], paired, pending)
        for lang in ("ru", "zh"):
            self._country_of_body(bead, ctx, lang, missing, countries[other(lang)], paired, pending)
        for tid, m in missing["ru"]:
            if ("ru", tid) in paired:
                continue
            found = generic_stand_in(ctx.rules, ctx.rules.term(tid), bead.zh.text)
            if found is not None:
                paired.add(("ru", tid))
                yield self._substitution(bead, ctx, "TRM003", tid, m, bead.zh.text[found[0] : found[1]], None, found)

    def _quoted_substitutions(
        self,
        bead: SegmentPair,
        ctx: PairContext,
        missing: dict[str, list[tuple[str, Mention]]],
        quoted: dict[str, list[tuple[str, Mention]]],
        paired: set[tuple[str, str]],
        pending: list[Decision],
    ) -> None:
        """An entity named only inside a short quoted name, which the
        other side lacks, where the other side names another entity of its
        kind that this side lacks, in a quoted name or not: the entity
        replaced («Неделя моды в Париже» ↔ “利伯维尔时装周”, «Республика
        Северная Македония» ↔ “马里共和国”).  Persons are left out: a name
        in quotes is as often a work's title as its subject."""

        def by_kind(found: list[tuple[str, Mention]], lang: str) -> dict[str, list[tuple[str, Mention]]]:
            out: dict[str, list[tuple[str, Mention]]] = {}
            for tid, m in found:
                kind = term_kind(ctx.rules.term(tid))
                if (lang, tid) not in paired and kind not in ("name", "title"):
                    out.setdefault(kind, []).append((tid, m))
            return out

        own = {lang: by_kind(missing[lang], lang) for lang in ("ru", "zh")}
        inner = {lang: by_kind(quoted[lang], lang) for lang in ("ru", "zh")}
        for ru, zh in ((own["ru"], inner["zh"]), (inner["ru"], own["zh"]), (inner["ru"], inner["zh"])):
            for kind, ru_side in ru.items():
                self._pair(bead, ctx, "TRM003", ru_side, zh.get(kind, []), paired, pending)
        # RU names a place only by its adjective (Лондонская полиция), ZH
        # another place in a quoted name (“第比利斯警察厅”).
        for kind, zh_side in by_kind(quoted["zh"], "zh").items():
            if kind in ("country", "place") and not own["ru"].get(kind) and not inner["ru"].get(kind):
                self._pair(bead, ctx, "TRM003", _derived_only(bead, ctx, kind, zh_side), zh_side, paired, pending)

    def _country_of_body(
        self,
        bead: SegmentPair,
        ctx: PairContext,
        lang: str,
        missing: dict[str, list[tuple[str, Mention]]],
        countries: list[tuple[str, Mention]],
        paired: set[tuple[str, str]],
        pending: list[Decision],
    ) -> None:
        """A body of one country (Министерство обороны США) that ``lang``'s
        side names and the other side lacks, with its country, against a
        country the other side names and ``lang``'s lacks (乌拉圭“国防部”):
        the body's country replaced."""
        dst = other(lang)
        rest = [(t, m) for t, m in countries if (dst, t) not in paired]
        if not rest:
            return
        inner = [
            (s.start, s.end)
            for s in bead_stand_ins(bead, lang, ctx)
            if s.role == PRIMARY and any(t.startswith("country-") for t in s.terms)
        ]
        bodies = [
            (t, m)
            for t, m in missing[lang]
            if (lang, t) not in paired
            and term_kind(ctx.rules.term(t)) == "organization"
            and any(m.start <= a and b <= m.end for a, b in inner)
        ]
        pairs = (bodies, rest) if lang == "ru" else (rest, bodies)
        self._pair(bead, ctx, "TRM003", *pairs, paired, pending)

    def _office_country(
        self,
        bead: SegmentPair,
        ctx: PairContext,
        missing: dict[str, list[tuple[str, Mention]]],
        paired: set[tuple[str, str]],
        mentions: dict[str, list[Mention]],
    ) -> Iterator[Diagnostic]:
        """A country one side names and the other lacks, written as the
        country of a person's office (卢旺达总统普京, 格林纳达首相特雷莎·梅)
        where the packs give that person's office with another country
        (俄罗斯总统, 英国首相): the person's country replaced."""
        for lang in ("ru", "zh"):
            text = bead.side(lang).text
            offices = office_index(ctx.rules).find(text, lang) if lang == "zh" else ()
            for tid, m in missing[lang]:
                if (lang, tid) in paired or term_kind(ctx.rules.term(tid)) != "country":
                    continue
                for p in mentions[lang]:
                    if not _office_between(text, m.end, p.start, lang, offices):
                        continue
                    theirs = [c for t in p.terms for c in _office_countries(ctx.rules, t, lang)]
                    if theirs and tid not in theirs:
                        paired.add((lang, tid))
                        yield self._wrong_office_country(bead, ctx, lang, tid, m, p, theirs[0])
                        break

    def _wrong_office_country(
        self, bead: SegmentPair, ctx: PairContext, lang: str, tid: str, m: Mention, p: Mention, country: str
    ) -> Diagnostic:
        term, right = ctx.rules.term(tid), ctx.rules.term(country)
        message = (
            f"{LANG_NAME[lang]} names '{m.text}' ({tid}) as the country of '{p.text}' ({p.terms[0]}),"
            f" whose office the packs give with {country}: expected {expected_forms(right.forms(lang))}"
            f" in {LANG_NAME[lang]}, as the other side has no {expected_forms(term.forms(other(lang)))}"
        )
        return self._country_instead(bead, ctx, lang, tid, m, country, message, None)

    def _country_instead(
        self,
        bead: SegmentPair,
        ctx: PairContext,
        lang: str,
        tid: str,
        m: Mention,
        meant: str,
        message: str,
        counterpart: Location | None,
    ) -> Diagnostic:
        """TRM003 on a country named where the text means another
        (``meant``)."""
        term, named = ctx.rules.term(tid), ctx.rules.term(meant)
        return self.report(
            bead,
            lang,
            m.start,
            m.end,
            message,
            code="TRM003",
            category=term.category,
            rule=tid,
            expected=named.forms(lang)[0] if named.forms(lang) else None,
            found=m.text,
            counterpart=counterpart,
            severity=term.severity,
        )

    def _pair(
        self,
        bead: SegmentPair,
        ctx: PairContext,
        code: str,
        ru: list[tuple[str, Mention]],
        zh: list[tuple[str, Mention]],
        paired: set[tuple[str, str]],
        pending: list[Decision],
    ) -> None:
        """Entities each side lacks, paired in reading order as
        substitutions waiting for the segments around them."""
        for (rt, rm), (zt, zm) in zip(ru, zh):
            if ("ru", rt) in paired or ("zh", zt) in paired:
                continue
            paired.add(("ru", rt))
            paired.add(("zh", zt))
            pending.append(
                substitution_decision(
                    ctx.rules,
                    rt,
                    zt,
                    self._substitution(bead, ctx, code, rt, rm, zm.text, zt, (zm.start, zm.end)),
                    self._omission(bead, ctx, "ru", rt, rm),
                )
            )

    def _recounted(
        self,
        bead: SegmentPair,
        ctx: PairContext,
        missing: dict[str, list[tuple[str, Mention]]],
        paired: set[tuple[str, str]],
        pending: list[Decision],
        mentions: dict[str, list[Mention]],
        stand_ins: dict[str, list[Mention]],
    ) -> None:
        """An entity one side names and the other lacks, where the other
        side names another entity of its kind more often than this side
        does (Путин twice against 普京 and 梅德韦杰夫): a substitution of one
        of the mentions.  Waits for the segments around it like any
        substitution."""
        rules = ctx.rules
        # Most beads miss nothing a rival could have replaced: the tallies
        # of both sides are not worth making for them.
        if not any(
            (lang, tid) not in paired and term_kind(rules.term(tid)) in COUNTED_KINDS
            for lang in ("ru", "zh")
            for tid, _ in missing[lang]
        ):
            return
        matcher = matcher_for(rules)
        lenient, strict = {}, {}
        for lang in ("ru", "zh"):
            text = bead.side(lang).text
            own = own_names(text, lang, rules, mentions[lang])
            lenient[lang] = counted_side(lenient_tally(mentions[lang], stand_ins[lang]), len(text), rules, lang)
            strict[lang] = counted_side(
                strict_tally(own, stand_ins[lang], lambda t: rules.term(t).category, matcher.names_inside),
                len(text),
                rules,
                lang,
            )
        for lang in ("ru", "zh"):
            dst = other(lang)
            for tid, m in missing[lang]:
                kind = term_kind(rules.term(tid))
                if (lang, tid) in paired or kind not in COUNTED_KINDS:
                    continue
                found = rival(
                    m,
                    kind,
                    lambda t: term_kind(rules.term(t)),
                    lenient[lang],
                    strict[dst],
                    lambda t, tid=tid, dst=dst: (dst, t) in paired  # type: ignore[misc]
                    or matcher.names_inside(t, tid)
                    or matcher.names_inside(tid, t),
                )
                if found is None:
                    continue
                paired.add((lang, tid))
                paired.add((dst, found.term))
                pending.append(
                    extra_decision(
                        ctx.rules,
                        lang,
                        tid,
                        self._recount(bead, ctx, lang, tid, m, found),
                        self._omission(bead, ctx, lang, tid, m),
                        nearby=ctx.config.profile != "mt",
                    )
                )

    def _recount(self, bead: SegmentPair, ctx: PairContext, lang: str, tid: str, m: Mention, found: Rival) -> Diagnostic:
        """The finding for ``tid`` named on ``lang``'s side only, where the
        other side names ``found`` more often: on the Russian mention,
        naming both entities and the counts."""
        extra, replaced = ctx.rules.term(tid), ctx.rules.term(found.term)
        if lang == "zh":
            ru_m, zh_m, ru_term, zh_term = found.mention, m, replaced, extra
        else:
            ru_m, zh_m, ru_term, zh_term = m, found.mention, extra, replaced
        expected = f"expected {expected_forms(ru_term.zh)} in ZH, or {expected_forms(zh_term.ru)} in RU"
        if not found.ours:
            message = f"RU names '{ru_m.text}' ({ru_term.id}) but ZH names '{zh_m.text}' ({zh_term.id}): {expected}"
        elif lang == "zh":
            message = (
                f"RU names '{ru_m.text}' ({ru_term.id}) {_times(found.theirs)}, ZH {_times(found.ours)},"
                f" and ZH names '{zh_m.text}' ({zh_term.id}), which RU does not: {expected}"
            )
        else:
            message = (
                f"RU names '{ru_m.text}' ({ru_term.id}), which ZH does not, and ZH names '{zh_m.text}'"
                f" ({zh_term.id}) {_times(found.theirs)}, RU {_times(found.ours)}: {expected}"
            )
        return self.report(
            bead,
            "ru",
            ru_m.start,
            ru_m.end,
            message,
            code="TRM003",
            category=ru_term.category,
            rule=ru_term.id,
            expected=ru_term.zh[0] if ru_term.zh else None,
            found=zh_m.text,
            counterpart=bead.zh.location(zh_m.start, zh_m.end),
            severity=ru_term.severity or zh_term.severity,
        )

    def _substitution(
        self,
        bead: SegmentPair,
        ctx: PairContext,
        code: str,
        rt: str,
        rm: Mention,
        zh_text: str,
        zt: str | None,
        zh_span: tuple[int, int],
    ) -> Diagnostic:
        ru_term = ctx.rules.term(rt)
        zh_term = ctx.rules.term(zt) if zt else None
        what = f"'{zh_text}' ({zt})" if zt else f"'{zh_text}'"
        also = f", or {expected_forms(zh_term.ru)} in RU" if zh_term else ""
        return self.report(
            bead,
            "ru",
            rm.start,
            rm.end,
            f"RU names '{rm.text}' ({rt}) but ZH names {what}:"
            f" expected {expected_forms(ru_term.zh)} in ZH{also}",
            code=code,
            category=ru_term.category,
            rule=rt,
            expected=ru_term.zh[0] if ru_term.zh else None,
            found=zh_text,
            counterpart=bead.zh.location(*zh_span),
            severity=ru_term.severity or (zh_term.severity if zh_term else None),
        )

    def _instead(
        self, bead: SegmentPair, ctx: PairContext, lang: str, tid: str, m: Mention
    ) -> Callable[[str], Diagnostic] | None:
        """For a country named on one side only where the other side says
        "the country" (в стране, 该国): the finding to give if the passage
        around names another country on both sides (the Syrian foreign
        minister rendered as Libya's, where RU says «в стране»)."""
        if term_kind(ctx.rules.term(tid)) != "country":
            return None
        dst = other(lang)
        generic = GENERIC_COUNTRY[dst].search(bead.side(dst).text)
        if generic is None:
            return None

        def report(passage: str) -> Diagnostic:
            named = ctx.rules.term(passage)
            message = (
                f"{LANG_NAME[lang]} names '{m.text}' ({tid}) where {LANG_NAME[dst]} says"
                f" '{generic.group()}', and the passage around is about {expected_forms(named.forms(lang)[:1])}"
                f" ({passage}): expected {expected_forms(named.forms(lang))} in {LANG_NAME[lang]}"
            )
            where = bead.side(dst).location(generic.start(), generic.end())
            return self._country_instead(bead, ctx, lang, tid, m, passage, message, where)

        return report

    def _omission(self, bead: SegmentPair, ctx: PairContext, lang: str, tid: str, m: Mention) -> Diagnostic:
        dst = other(lang)
        term = ctx.rules.term(tid)
        return self.report(
            bead,
            lang,
            m.start,
            m.end,
            f"{LANG_NAME[lang]} '{m.text}' has no counterpart in"
            f" {LANG_NAME[dst]} (expected {expected_forms(term.forms(dst))})",
            category=term.category,
            severity=term.severity,
            rule=tid,
            expected=term.forms(dst)[0] if term.forms(dst) else None,
            found=m.text,
        )


def _times(n: int) -> str:
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


def _derived_only(
    bead: SegmentPair, ctx: PairContext, kind: str, theirs: list[tuple[str, Mention]]
) -> list[tuple[str, Mention]]:
    """Countries (or other places of ``kind``) that the Russian names
    only by a derived form (иранской, шведу, лаосцы, лондонская), which
    never requires a counterpart, and the Chinese does not name at all,
    while the Chinese names one the Russian lacks (``theirs``): the
    derived form then stands where the other does (иранской революции ↔
    冰岛革命), a substitution."""
    matcher = matcher_for(ctx.rules)
    lang, dst = "ru", "zh"
    text, dst_text = bead.side(lang).text, bead.side(dst).text
    own = bead_terms(bead, lang, ctx)
    dst_mentions = bead_terms(bead, dst, ctx)
    named_here = {t for m in own for t in m.terms}
    taken = {t for t, _ in theirs}
    out: list[tuple[str, Mention]] = []
    stand_ins = matcher.stand_ins(text, lang)
    for m in stand_ins:
        if m.role != ACCEPT or len(m.terms) != 1:
            continue
        tid = m.terms[0]
        if tid in named_here or tid in taken or any(t == tid for t, _ in out):
            continue
        term = ctx.rules.term(tid)
        if term_kind(term) != kind or term.category != "place":
            continue
        if any(o.start <= m.start and m.end <= o.end for o in own):
            continue
        # An adjective that stands for a country and its capital
        # (китайский) names the country.
        if kind != "country" and any(
            (s.start, s.end) == (m.start, m.end) and any(t.startswith("country-") for t in s.terms) for s in stand_ins
        ):
            continue
        if matcher.accepted(tid, dst, dst_text, dst_mentions) is not None:
            continue
        out.append((tid, m))
    return out


def _office_between(text: str, end: int, start: int, lang: str, offices: Sequence[TitleMention]) -> bool:
    """Whether a country ending at ``end`` is the country of the office
    of the person named at ``start``: in Chinese, a title of office
    between them and nothing else (卢旺达总统普京); in Russian, the person
    right after it (президент России Владимир Путин)."""
    if start < end:
        return False
    if lang == "ru":
        return text[end:start].strip() == ""
    return any(o.start == end and o.end == start for o in offices)


def _office_countries(rules: RuleSet, tid: str, lang: str) -> tuple[str, ...]:
    """The countries named in a person's office forms (俄罗斯总统,
    президент России: Russia), from the packs' ``accept`` forms."""

    def build() -> dict[tuple[str, str], tuple[str, ...]]:
        matcher = matcher_for(rules)
        out: dict[tuple[str, str], tuple[str, ...]] = {}
        for term in rules.terms:
            if term.category != "name":
                continue
            for side, forms in (("ru", term.accept_ru), ("zh", term.accept_zh)):
                found = {
                    t
                    for f in forms
                    for s in matcher.stand_ins(f, side)
                    if s.role == PRIMARY
                    for t in s.terms
                    if t.startswith("country-")
                }
                if found:
                    out[term.id, side] = tuple(sorted(found))
        return out

    table: dict[tuple[str, str], tuple[str, ...]] = rules.cached("terms.office-countries", build)
    return table.get((tid, lang), ())


def _stands_for_country(rules: RuleSet, tid: str) -> bool:
    """Whether a place stands for a country too: a capital (its
    government), or a place that accepts a country's name (Англия,
    which Russian news writes for the UK: 英国)."""
    if tid.startswith("capital-"):
        return True
    term = rules.term(tid)
    if term.category != "place" or term_kind(term) == "country":
        return False

    def build() -> frozenset[str]:
        return frozenset(f for t in rules.terms if t.id.startswith("country-") for f in (*t.ru, *t.zh))

    countries: frozenset[str] = rules.cached("terms.country-forms", build)
    return any(f in countries for f in (*term.accept_ru, *term.accept_zh))


CHECKS = [TermMissing]
