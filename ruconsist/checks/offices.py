"""Titles of office and diplomatic rank: the same rank on both sides."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import regex

from ruconsist.checks.base import Check, PairContext
from ruconsist.diagnostic import Diagnostic, Severity
from ruconsist.document import SegmentPair
from ruconsist.errors import RuleError
from ruconsist.profile import mt_sides
from ruconsist.yamlio import line_of


@dataclass(frozen=True)
class Office:
    id: str
    family: str
    ru: tuple[str, ...]
    zh: tuple[str, ...]
    except_ru: frozenset[str]


@dataclass(frozen=True)
class TitleMention:
    start: int
    end: int
    text: str
    office: str


class OfficeIndex:
    """The ``offices`` vocabulary, ready to search both languages."""

    def __init__(self, offices: list[Office], except_zh: dict[str, str]) -> None:
        from ruconsist.rules import Term
        from ruconsist.terms import EXCEPT, PRIMARY, RuIndex, ZhIndex

        self.offices = {o.id: o for o in offices}
        terms = {o.id: Term(o.id, "title", o.ru, o.zh, case="ignore") for o in offices}
        self._ru = RuIndex([(terms[o.id], PRIMARY, f) for o in offices for f in o.ru])
        zh_entries = [(terms[o.id], PRIMARY, f) for o in offices for f in o.zh]
        zh_entries += [(terms[oid], EXCEPT, f) for f, oid in except_zh.items()]
        self._zh = ZhIndex(zh_entries)
        # The deputy of each office whose Russian title is «вице-» and the
        # office's own (вице-президент of президент).
        by_ru = {f.lower(): o.id for o in offices for f in o.ru}
        self._vice = {by_ru[f.lower()[5:]]: o.id for o in offices for f in o.ru
                      if f.lower().startswith("вице-") and f.lower()[5:] in by_ru}
        self._recent: dict[tuple[str, str], tuple[TitleMention, ...]] = {}

    def find(self, text: str, lang: str) -> tuple[TitleMention, ...]:
        """The titles of office in ``text``.  The last texts' answers are
        kept: the rank check and the term check's qualifiers ask for both
        sides of each bead."""
        key = (text, lang)
        got = self._recent.get(key)
        if got is None:
            if len(self._recent) >= 64:
                self._recent.clear()
            got = self._recent[key] = self._find(text, lang)
        return got

    def _find(self, text: str, lang: str) -> tuple[TitleMention, ...]:
        from ruconsist.terms import PRIMARY

        found = self._ru.find(text) if lang == "ru" else self._zh.find(text)
        out = []
        for m in found:
            if m.role != PRIMARY:
                continue
            office = self.offices[m.terms[0]]
            if lang == "ru" and m.text.lower() in office.except_ru:
                continue
            if lang == "ru" and _RU_VICE_CARRIED.search(text, 0, m.start):
                office = self.offices[self._vice.get(office.id, office.id)]
            out.append(TitleMention(m.start, m.end, m.text, office.id))
        return tuple(out)


def _strings(entry: Any, key: str) -> tuple[str, ...]:
    value = entry.get(key) or []
    return tuple(" ".join(v.split()) for v in ([value] if isinstance(value, str) else value))


def build_index(sections: Any) -> OfficeIndex:
    """Merge the ``vocab: offices`` lists of the loaded packs (a later
    entry with the same id replaces an earlier one).  The pack schema
    (:data:`ruconsist.packschema.OFFICES`) has checked their shape."""
    offices: dict[str, Office] = {}
    except_zh: dict[str, str] = {}
    for pack, node in sections:
        for entry in node:
            ru, zh = _strings(entry, "ru"), _strings(entry, "zh")
            if not ru or not zh:
                raise RuleError(
                    f"offices: {entry['id']!r} needs 'ru' and 'zh' forms", getattr(pack, "path", None),
                    line_of(entry, "id"),
                )
            offices[entry["id"]] = Office(
                entry["id"], entry["family"], ru, zh, frozenset(f.lower() for f in _strings(entry, "except_ru"))
            )
            for form in _strings(entry, "except_zh"):
                except_zh[form] = entry["id"]
    return OfficeIndex(list(offices.values()), except_zh)


def office_index(rules: Any) -> OfficeIndex:
    """The rule set's index: built once per run, and stored on disk per
    pack content, since inflecting the Russian titles needs the
    morphology dictionary (a third of a short run's start-up)."""
    from ruconsist import cache, terms

    def build() -> OfficeIndex:
        key = cache.key_for(rules.digest, cache.code_digest(__file__, terms.__file__, terms.morph_file()))
        return cache.cached("offices", key, lambda: build_index(rules.vocab("offices")), OfficeIndex)

    return rules.cached("offices.index", build)  # type: ignore[no-any-return]


#: «вице-» on the word that governs a title belongs to the title: a
#: «вице-кандидат в президенты» runs for vice-president (副总统候选人).
_RU_VICE_CARRIED = regex.compile(r"(?<!\p{L})вице-\p{L}+\s+(?:в|на\s+пост)\s+$", regex.IGNORECASE)

#: What may stand between a title and the country or body it is of
#: (Посол КНР в РФ; 中国驻俄罗斯大使): no punctuation.
_RU_QUALIFIER_GAP = 45
_ZH_QUALIFIER_GAP = 14
_BREAK = frozenset(".,;:!?()«»\"“”„，。、；：！？（）《》")


def title_qualifiers(bead: SegmentPair, lang: str, mentions: list[Any], dst_mentions: list[Any],
                     rules: Any) -> list[tuple[int, int]]:
    """Spans of place and organization mentions on ``lang``'s side that
    only qualify something the other side renders without them: the
    country and body of a title of office both sides have (``Посол КНР в
    РФ`` ↔ ``张汉晖大使``; ``генеральный секретарь ЦК КПК`` ↔ ``总书记``;
    ``中华人民共和国主席`` ↔ ``Председатель``), and a country written before
    its own city or region (``在中国西安`` ↔ ``в Сиани``).  Such
    explicitation is how official translation is written.  A mention is a
    qualifier only when the other side names no other entity of its
    category that this side lacks: ``Посол КНР в РФ`` against
    ``中国驻美国大使`` stays a substitution."""
    index = office_index(rules)
    dst = "zh" if lang == "ru" else "ru"
    text, dst_text = bead.side(lang).text, bead.side(dst).text
    own, theirs = index.find(text, lang), index.find(dst_text, dst)
    families = {index.offices[o.office].family for o in own} & {index.offices[o.office].family for o in theirs}
    if families:
        own = [o for o in own if index.offices[o.office].family in families]
        theirs = [o for o in theirs if index.offices[o.office].family in families]
    present_here = {t for m in mentions for t in m.terms}
    # An entity of the same category that the other side names and this
    # side lacks is a rival: the mention may have been substituted
    # (中国驻美国大使 against Посол КНР в РФ; 总统访问日本 against Визит
    # президента в Китай), so it stays checked.
    rivals = {rules.term(t).category for m in dst_mentions for t in m.terms if t not in present_here}
    out = [
        (m.start, m.end)
        for m in _qualifying(mentions, own if families else [], lang, text, rules)
        if rules.term(m.terms[0]).category not in rivals
    ]
    if lang == "zh":
        # 中国西安, 俄罗斯喀山: a country written before its own place.
        starts = {n.start for n in mentions if n.terms and rules.term(n.terms[0]).category == "place"}
        out += [
            (m.start, m.end) for m in mentions
            if m.terms and rules.term(m.terms[0]).category == "place" and m.end in starts
        ]
    return out


def _qualifying(mentions: list[Any], titles: Sequence[TitleMention], lang: str, text: str, rules: Any) -> list[Any]:
    """Place and organization mentions that stand with a title: after it
    in Russian (Посол КНР в РФ), before it in Chinese (中国驻俄罗斯大使),
    with no punctuation between."""
    out = []
    for m in mentions:
        if not m.terms or rules.term(m.terms[0]).category not in ("place", "organization"):
            continue
        for o in titles:
            if lang == "ru":
                gap, near = text[o.end : m.start], 0 <= m.start - o.end <= _RU_QUALIFIER_GAP
            else:
                gap, near = text[m.end : o.start], 0 <= o.start - m.end <= _ZH_QUALIFIER_GAP
            if near and not (_BREAK & set(gap)):
                out.append(m)
                break
    return out


def _of_a_person(text: str, m: TitleMention, lang: str, rules: Any) -> bool:
    """Whether the title stands next to a personal name: one that begins
    with a surname character right before or after it in Chinese
    (张汉晖大使, 大使张汉晖; not 互换过大使), a capitalised word beside it
    in Russian."""
    if lang == "zh":
        from ruconsist.checks.mt.transliteration import person_names
        from ruconsist.lang.palladius import table_from_rules

        return any(b == m.start or a == m.end for a, b in person_names(text, table_from_rules(rules)))
    near = text[m.end:m.end + 40].split()[:2] + text[max(0, m.start - 40):m.start].split()[-1:]
    return any(w[:1].isupper() for w in near)


#: Ladders whose rank a machine translation must keep (OFC002): the
#: diplomatic and consular ranks of the genre.  Heads of state, government
#: and party are dropped or rendered by custom (习近平主席 as Си
#: Цзиньпин); ministers, prosecutors and spokespersons have many renderings
#: the vocabulary does not list (司法部长 as генеральный прокурор).
KEPT_RANKS = frozenset({"diplomatic", "consular"})


class RankMismatch(Check):
    """A title of office or rank on one side has, at the same aligned
    place, a different rank of the same ladder on the other side:
    deputy minister against minister, first deputy against deputy,
    ambassador against chargé d'affaires, consul against consul general,
    an embassy against a consulate general (missions are a ladder too).
    The message names both titles.  Rank slips are among the most
    embarrassing errors of diplomatic translation.

    Titles are the ``offices`` vocabulary of ``rules/offices.yaml``: each
    has an id (its rank) and a family (its ladder).  Russian titles match
    in every case form (``заместителем министра``), Chinese titles as the
    longest substring (``外交部副部长`` is a deputy minister, not also a
    minister; ``大使馆`` is the embassy, not an ambassador).

    A title on one side only is not reported: official translation adds
    and drops titles as a matter of style (``Председатель Си`` ↔
    ``习近平主席`` ↔ ``Си Цзиньпин``).  Two titles of one ladder on both
    sides (a minister and his deputy) agree when both ranks are there.

    Examples
      PASS  RU «заместитель министра иностранных дел Рябков»  ZH «外交部副部长里亚布科夫»
      PASS  RU «Посол Китая в России Чжан Ханьхуэй»  ZH «驻俄罗斯大使张汉晖»
      FAIL  RU «министр иностранных дел Рябков»  ZH «外交部副部长里亚布科夫»  -> OFC001
      FAIL  RU «временный поверенный в делах»  ZH «大使»                   -> OFC001
    """

    code = "OFC001"
    slug = "rank-mismatch"
    category = "title"
    severity = Severity.ERROR
    extra_codes = {"OFC002": ("rank-dropped", "title", Severity.ERROR)}
    code_docs = {
        "OFC002": """
        Machine translation only (``--profile mt``): a diplomatic or
        consular rank of a person in the source (an ambassador, a consul
        general, a chargé d'affaires next to a name) with no rank of that
        kind in the target: the ambassador of ``张汉晖大使发表文章`` lost in
        «Статья Чжан Ханьхуэя».  A machine does not drop a rank for style,
        and the rank is often what tells the reader who speaks.  Other
        titles are left alone: heads of state, government and party are
        dropped or rendered by custom (``习近平主席`` as ``Си Цзиньпин``),
        ministers and spokespersons have renderings the vocabulary does
        not list.  A human translation is not checked for this:
        translators drop titles as a matter of style.

        Examples
          PASS  RU «Статья посла Ван Цзяньхуа»   ZH «王建华大使发表文章»   (profile: mt)
          PASS  RU «Си Цзиньпин заявил»   ZH «习近平主席表示»   (profile: mt)
          PASS  RU «Страны не имеют дипломатических отношений»   ZH «两国从未互换过大使»   (profile: mt)
          FAIL  RU «Статья Ван Цзяньхуа»   ZH «王建华大使发表文章»   (profile: mt)  -> OFC002
        """,
    }

    def check(self, bead: SegmentPair, ctx: PairContext) -> Iterator[Diagnostic]:
        index = office_index(ctx.rules)
        ru = index.find(bead.ru.text, "ru")
        zh = index.find(bead.zh.text, "zh")
        sides = mt_sides(ctx.config)
        if sides is not None:
            yield from self._dropped_rank(bead, index, ctx.rules, *sides, ru, zh)
        if not ru or not zh:
            return
        ru_ids = {m.office for m in ru}
        zh_ids = {m.office for m in zh}
        families: dict[str, tuple[list[TitleMention], list[TitleMention]]] = {}
        for lang, mentions, others in (("ru", ru, zh_ids), ("zh", zh, ru_ids)):
            seen: set[str] = set()
            for m in mentions:
                if m.office in others or m.office in seen:
                    continue
                seen.add(m.office)
                fam = index.offices[m.office].family
                families.setdefault(fam, ([], []))[0 if lang == "ru" else 1].append(m)
        yield from self._added_rank(bead, index, ru, zh, ru_ids, zh_ids)
        for ru_left, zh_left in families.values():
            for r, z in zip(ru_left, zh_left):
                expected = index.offices[z.office].ru[0]
                yield self.report_against(
                    bead,
                    "ru",
                    r,
                    z,
                    f"RU title '{r.text}' ({r.office}) where ZH has '{z.text}' ({z.office}):"
                    f" a different rank; expected '{expected}' in RU or"
                    f" '{index.offices[r.office].zh[0]}' in ZH",
                    rule=r.office,
                    expected=expected,
                )

    def _dropped_rank(
        self, bead: SegmentPair, index: OfficeIndex, rules: Any, source: str, target: str,
        ru: Sequence[TitleMention], zh: Sequence[TitleMention],
    ) -> Iterator[Diagnostic]:
        """OFC002: a source title whose ladder the target lacks."""
        mine, theirs = (zh, ru) if source == "zh" else (ru, zh)
        if not bead.side(target):
            return
        there = {index.offices[m.office].family for m in theirs}
        reported: set[str] = set()
        text = bead.side(source).text
        for m in mine:
            fam = index.offices[m.office].family
            if fam not in KEPT_RANKS or fam in there or fam in reported or not _of_a_person(text, m, source, rules):
                continue
            reported.add(fam)
            office = index.offices[m.office]
            expected = (office.ru if target == "ru" else office.zh)[0]
            yield self.report(
                bead,
                source,
                m.start,
                m.end,
                f"{source.upper()} title '{m.text}' ({m.office}) has no title of its kind in"
                f" {target.upper()}: the rank was dropped (expected '{expected}')",
                code="OFC002",
                rule=m.office,
                expected=expected,
                found=m.text,
            )

    def _added_rank(
        self, bead: SegmentPair, index: OfficeIndex, ru: list[TitleMention], zh: list[TitleMention],
        ru_ids: set[str], zh_ids: set[str],
    ) -> Iterator[Diagnostic]:
        """A rank one side names beside a rank both sides name, where the
        other side names only that shared rank of the ladder: 首相 and
        副总理 against премьер-министр alone (one of the premiers became
        a deputy).  Both ranks on both sides agree; a rank whose ladder
        the other side does not name at all is left alone."""
        for lang, mentions, own_ids, other, other_ids in (("ru", ru, ru_ids, zh, zh_ids), ("zh", zh, zh_ids, ru, ru_ids)):
            reported: set[str] = set()
            for m in mentions:
                fam = index.offices[m.office].family
                if m.office in other_ids or m.office in reported:
                    continue
                shared = [o for o in other if index.offices[o.office].family == fam and o.office in own_ids]
                if not shared or any(
                    index.offices[o.office].family == fam and o.office not in own_ids for o in other
                ):
                    continue
                reported.add(m.office)
                dst = "zh" if lang == "ru" else "ru"
                s = shared[0]
                yield self.report_against(
                    bead,
                    lang,
                    m,
                    s,
                    f"{lang.upper()} title '{m.text}' ({m.office}) has no counterpart in {dst.upper()},"
                    f" which names only '{s.text}' ({s.office}) of that ladder: a rank added or changed",
                    rule=m.office,
                    expected=s.text,
                )


CHECKS = [RankMismatch]
