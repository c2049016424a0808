"""Countries that Chinese names by one character (中俄, 朝俄, 美方, 赴俄)
and that the machine translation lost."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ruconsist.checks.base import PairContext
from ruconsist.checks.mt.base import MTCheck
from ruconsist.diagnostic import Diagnostic, Severity
from ruconsist.document import SegmentPair
from ruconsist.lang.palladius import table_from_rules

#: One-character names of countries and the EU, with the Russian stems
#: that count as naming the country (the country, its adjective, its
#: capital as a metonym).
COUNTRIES: dict[str, tuple[str, str]] = {
    "中": ("Китай", r"Кита|КНР|китайск|Пекин|Поднебесн"),
    "俄": ("Россия", r"Росси|РФ|российск|русск|Москв|Кремл"),
    "朝": ("КНДР", r"КНДР|Корей|Корея|Корее|Корею|корейск|Пхеньян"),
    "韩": ("Республика Корея", r"Корей|Корея|Корее|Корею|корейск|Сеул"),
    "美": ("США", r"США|Америк|американск|Соедин[её]нн\w+ Штат|Вашингтон"),
    "欧": ("Европа", r"Европ|европейск|ЕС|Евросоюз|Брюссел"),
    "日": ("Япония", r"Япон|японск|Токио"),
    "英": ("Великобритания", r"Британ|британск|Англи|английск|Лондон|Соедин[её]нн\w+ Королевств"),
    "法": ("Франция", r"Франц|французск|Париж"),
    "德": ("Германия", r"Германи|германск|немецк|ФРГ|Берлин"),
    "乌": ("Украина", r"Украин|украинск|Киев"),
    "蒙": ("Монголия", r"Монгол|монгольск|Улан-Батор"),
}
#: Regions the official genre names by one character, after a verb of
#: concern, aid, government or travel (涉藏 "Tibet-related", 援疆 "aid to
#: Xinjiang", 赴港 "to Hong Kong").  Only after such a verb: 藏 alone is
#: also "to hide, store" (收藏, 宝藏), 港 "port" (进港, 港口).
REGIONS: dict[str, tuple[str, str]] = {
    "藏": ("Тибет", r"Тибет|тибетск|Сицзан"),
    "疆": ("Синьцзян", r"Синьцзян|синьцзянск|СУАР"),
    "港": ("Гонконг", r"Гонконг|гонконгск|Сянган|САР"),
}
NAMED = {**COUNTRIES, **REGIONS}
REGION = regex.compile(r"(?:(?<=[涉援治稳兴])[藏疆港])|(?:(?<=[赴访驻进入])[藏疆])|(?:(?<=[赴访驻])港)(?![口区湾务])")
ABBR = "".join(COUNTRIES)
#: A run of two or three country characters (中俄, 朝俄, 中美, 俄、朝) that
#: is not the start of a full name (中国, 俄罗斯, 美国 …) and not a word of
#: its own (中美洲 Central America, 中英文 Chinese and English, 中欧
#: China-EU or Central Europe, 美德 virtue, 法德 … are left out where
#: ambiguous).
PAIR = regex.compile(rf"(?<![{ABBR}])(?<![{ABBR}]、)[{ABBR}](?:、?[{ABBR}]){{1,2}}(?![{ABBR}])")
#: A verb or a word of direction before one country character (赴俄,
#: 对俄, 自俄, 驻俄); the country's "side", firms, army: 俄方, 俄企
#: (not 其中方面, 集中方式).
SINGLE = regex.compile(
    rf"(?:(?<=[赴访驻对自旅])([{ABBR}])(?=[^\p{{Han}}]|[出进投贸旅经合]))|(?<![其集空心正当])([{ABBR}])(?=方|企|军|籍)"
)
#: Full names and words that begin with a country character.
NOT_ABBREVIATION = regex.compile(
    r"(?:中国|中华|中央|中心|中间|中期|中东|中部|中亚|中美洲|中英文|中文|中欧|中日韩|俄罗|美国|美洲|美元|美丽|美好|美德|"
    r"朝鲜|朝着|韩国|欧洲|欧盟|欧元|欧亚|日本|日前|日期|日益|英国|英语|英文|英雄|法国|法律|法治|法规|法院|"
    r"德国|德语|乌克|蒙古|法德)"
)


#: 朝 after these is a dynasty or a court (清朝, 王朝), not Korea.
DYNASTY = frozenset("清元明唐宋汉王隋晋周秦商夏本前历")


def country_mentions(zh: str, translit: frozenset[str] = frozenset()) -> list[tuple[int, str]]:
    """(offset, character) of each one-character country name of ``zh``
    in a compound (中俄, 朝俄两国) or after a verb of direction (赴俄).
    ``translit`` holds the characters of transliterated names: a run
    after two of them is part of a name (乌兰乌德, Ulan-Ude)."""
    out: list[tuple[int, str]] = []
    for m in PAIR.finditer(zh):
        run = m.group()
        chars = [(m.start() + k, ch) for k, ch in enumerate(run) if ch != "、"]
        if len({ch for _, ch in chars}) < len(chars):
            continue
        # No character may begin a full name or a word (中俄罗斯 is
        # 中 + 俄罗斯, 清朝中央 has 中央).
        if any(NOT_ABBREVIATION.match(zh, k) for k, _ in chars):
            continue
        before = zh[max(0, m.start() - 2) : m.start()]
        if run[0] == "朝" and before[-1:] and before[-1] in DYNASTY:
            continue
        if len(before) == 2 and all(c in translit or c in COUNTRIES for c in before):
            continue
        out.extend(chars)
    for m in SINGLE.finditer(zh):
        k = m.start(1) if m.group(1) else m.start(2)
        if NOT_ABBREVIATION.match(zh, k):
            continue
        out.append((k, zh[k]))
    out.extend((m.start(), m.group()) for m in REGION.finditer(zh))
    return sorted(set(out))


class CountryDropped(MTCheck):
    """A country that the Chinese source names by one character (中俄关系
    "China–Russia relations", 朝俄 "North Korea and Russia", 赴俄 "to
    Russia", 美方 "the US side") and that the Russian machine translation
    does not mention anywhere in the segment: no name, adjective or
    capital of it.  Machines often misread these abbreviations (朝 as
    "morning", 中欧 as "Central Europe") or drop them, and the sentence
    still reads well.  A character that begins a full name (中国, 俄罗斯)
    is the term checks' business; ambiguous pairs (中欧, 中美洲, 中英文)
    are left alone.  Regions the genre abbreviates the same way count
    too, after a verb of concern, aid or travel: 涉藏 ("Tibet-related"),
    援疆 (aid to Xinjiang), 赴港 (to Hong Kong).

    Run with the ``mt`` profile (``--profile mt``), Chinese into Russian.

    Examples
      PASS  RU «Китай приветствует развитие отношений между КНДР и Россией.»  ZH «中方乐见朝俄关系发展。»  (profile: mt)
      FAIL  RU «Китай приветствует развитие отношений между Россией и Россией.»  ZH «中方乐见朝俄关系发展。»  (profile: mt)  -> MT005
      FAIL  RU «В этом году исполняется 75 лет Китаю.»  ZH «今年是中俄建交75周年。»  (profile: mt)  -> MT005
      PASS  RU «Стороны обсудили вопросы, связанные с Тибетом.»  ZH «双方讨论了涉藏问题。»  (profile: mt)
      FAIL  RU «Стороны обсудили сотрудничество.»  ZH «双方开展了涉藏合作。»  (profile: mt)  -> MT005
    """

    code = "MT005"
    slug = "country-abbreviation-dropped"
    category = "place"
    severity = Severity.ERROR
    directions = (("zh", "ru"),)

    def check_mt(self, bead: SegmentPair, ctx: PairContext, source: str, target: str) -> Iterator[Diagnostic]:
        zh, ru = bead.zh.text, bead.ru.text
        reported: set[str] = set()
        # Missing countries, grouped by the compound they stand in (中俄
        # with both lost is one finding).
        groups: list[list[int]] = []
        for offset, ch in country_mentions(zh, table_from_rules(ctx.rules).translit_chars):
            if ch in reported or regex.search(NAMED[ch][1], ru):
                continue
            reported.add(ch)
            if groups and groups[-1][-1] == offset - 1:
                groups[-1].append(offset)
            else:
                groups.append([offset])
        for group in groups:
            a, b = group[0], group[-1] + 1
            names = [NAMED[zh[k]][0] for k in group]
            what = names[0] if len(names) == 1 else " and ".join(names)
            context = zh[max(0, a - 1) : b + 2]
            yield self.report(
                bead,
                "zh",
                a,
                b,
                f"ZH '{zh[a:b]}' in '{context}' names {what}, and RU mentions "
                + ("it nowhere" if len(names) == 1 else "none of them"),
                expected=", ".join(names),
            )


CHECKS = [CountryDropped]
