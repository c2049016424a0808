from __future__ import annotations

import pytest

from ruconsist.align import align
from ruconsist.align.segments import raw_beads, wrap_beads
from ruconsist.config import Config
from ruconsist.document import Document
from ruconsist.engine import Linter
from ruconsist.readers.text import BilingualReader, TextReader
from ruconsist.testing import lint_texts
from tests.conftest import DATA

SEED = (DATA / "seed-bilingual.txt").read_text(encoding="utf-8")

#: Seed body: RU line numbers of each bead ↔ ZH line numbers.  Quotes and
#: their attributions are two RU paragraphs but one ZH paragraph.
SEED_BEADS = [
    ([2], [2]),
    ([3], [3]),
    ([4], [44]),
    ([6, 8], [46]),
    ([10], [48]),
    ([12, 14], [50]),
    ([16], [52]),
    ([18], [54]),
    ([20, 22], [56]),
    ([24], [58]),
    ([26], [60]),
    ([28], [62]),
    ([30, 32], [64]),
    ([34], [66]),
    ([35], [68]),
    ([37], [69]),
    ([39], [71]),
    ([41, 43], [73]),
]


def build_beads(linter: Linter, ru, zh):  # type: ignore[no-untyped-def]
    """The beads of two read files as the engine aligns them, and the
    alignment findings."""
    return wrap_beads(raw_beads(ru, zh, linter.pm, linter.config, linter.rules))



def test_seed_21_russian_and_16_chinese_paragraphs_align_as_an_editor_would(news_rules) -> None:
    linter = Linter(Config(), rules=news_rules)
    parsed = BilingualReader().read(Document("seed.txt", SEED), None, linter.config)
    beads, findings = build_beads(linter, parsed, parsed)
    got = [
        ([s.location(0, 1).line for s in b.ru.segments], [s.location(0, 1).line for s in b.zh.segments])
        for b in beads
    ]
    assert got == SEED_BEADS
    assert findings == []


def test_alignment_holds_without_any_rule_pack() -> None:
    # Lengths and numbers alone must still keep the body in order.
    linter = Linter(Config(default_rules=False), rules=None)
    parsed = BilingualReader().read(Document("seed.txt", SEED), None, linter.config)
    beads, _ = build_beads(linter, parsed, parsed)
    assert all(b.ru and b.zh for b in beads)
    assert len(beads) == len(SEED_BEADS)


def test_lengths_alone_pair_one_to_one() -> None:
    ru = ["a" * 300, "b" * 90, "c" * 600]
    zh = ["x" * 100, "y" * 30, "z" * 200]
    beads = align(ru, zh, length=len)
    assert [(len(a), len(b)) for a, b in beads] == [(1, 1), (1, 1), (1, 1)]


def test_two_short_paragraphs_merge_against_one() -> None:
    ru = ["a" * 300, "b" * 150, "c" * 160, "d" * 600]
    zh = ["x" * 100, "y" * 105, "z" * 200]
    beads = align(ru, zh, length=len)
    assert [(len(a), len(b)) for a, b in beads] == [(1, 1), (2, 1), (1, 1)]


RU_THREE = (
    "Президент России Владимир Путин провёл переговоры с председателем КНР Си Цзиньпином.\n\n"
    "Стороны обсудили торговлю: в 2025 году товарооборот превысил 240 млрд долларов, "
    "а поставки энергоносителей выросли на 12 процентов.\n\n"
    "Глава МИД России Сергей Лавров заявил, что визит Ли Цяна в Москву запланирован на осень."
)
ZH_TWO = (
    "俄罗斯总统普京与中国国家主席习近平举行会谈。\n\n"
    "俄罗斯外长拉夫罗夫表示，李强将于秋季访问莫斯科。"
)


def test_omitted_paragraph_is_reported_where_it_is(news_rules) -> None:
    diags = lint_texts(RU_THREE, ZH_TWO, rules=news_rules, select=["ALN"])
    assert [(d.code, d.location.lang, d.location.line) for d in diags] == [("ALN002", "ru", 3)]
    assert "omitted" in diags[0].message


def test_paragraph_left_in_russian_in_the_chinese_file_is_untranslated(news_rules) -> None:
    ru = "Путин прибыл в Пекин с государственным визитом.\n\nЛавров встретился с Ван И и обсудил подготовку визита."
    zh = "普京抵达北京进行国事访问。\n\nЛавров встретился с Ван И и обсудил подготовку визита."
    diags = lint_texts(ru, zh, rules=news_rules, select=["ALN", "TRM"])
    assert [(d.code, d.location.lang, d.location.line) for d in diags] == [("ALN003", "zh", 3)]


@pytest.mark.parametrize("n", [50, 400])
def test_long_documents_align_in_order(n: int) -> None:
    ru = [("а" * (50 + (i * 37) % 400)) for i in range(n)]
    zh = [("中" * ((50 + (i * 37) % 400) // 3)) for i in range(n)]
    beads = align(ru, zh, length=len)
    assert all(len(a) == 1 and len(b) == 1 for a, b in beads)
    assert len(beads) == n


def test_line_mode_pairs_by_line_number(tmp_path) -> None:
    ru = tmp_path / "c.ru.txt"
    zh = tmp_path / "c.zh.txt"
    ru.write_text("Первая строка.\nВторая строка.\n\nЧетвёртая.\n", encoding="utf-8")
    zh.write_text("第一行。\n第二行。\n第三行。\n第四行。\n", encoding="utf-8")
    linter = Linter(Config(align="lines", default_rules=False))
    ru_p, zh_p = linter.reading.read(ru, "ru"), linter.reading.read(zh, "zh")
    beads, findings = build_beads(linter, ru_p, zh_p)
    assert [(len(b.ru.segments), len(b.zh.segments)) for b in beads] == [(1, 1), (1, 1), (0, 1), (1, 1)]
    assert [k for k, _ in findings] == ["omission"]


def test_text_reader_splits_paragraphs_at_sentence_ends_and_blank_lines() -> None:
    text = "Первый абзац,\nпродолжение строки.\nВторой абзац.\n\nТретий."
    segs = TextReader().read(Document("a.ru.txt", text), "ru", Config()).segments["ru"]
    assert [s.text for s in segs] == ["Первый абзац,\nпродолжение строки.", "Второй абзац.", "Третий."]


# Official texts: the embassy's Russian regroups the Chinese paragraphs (one
# long Russian paragraph for four short Chinese ones) and spells out what
# Chinese abbreviates (a ZH/RU length ratio near 0.63, not news' 0.85).
OFFICIAL_ZH = (
    "2025年3月5日，中国驻俄罗斯大使在《消息报》发表署名文章，全文如下：\n\n"
    "近年来，在两国元首战略引领下，中俄经贸合作持续深化，合作领域不断拓展，双边贸易额屡创新高，为两国人民带来了实实在在的利益。\n\n"
    "2024年，两国贸易额达到2450亿美元，同比增长1.9%，中国连续十四年保持俄罗斯第一大贸易伙伴地位。\n\n"
    "两国能源合作稳步推进，“西伯利亚力量”天然气管道全年输气量超过300亿立方米，远东航线等新项目正在积极推进。\n\n"
    "人文交流日益活跃，互办文化年活动丰富多彩。2024年赴华俄罗斯游客人数达到120万人次，比上一年增长近两倍。\n\n"
    "中方愿同俄方一道，推动两国关系不断向前发展。"
)
OFFICIAL_RU = (
    "5 марта 2025 года Посол Китая в России опубликовал в газете «Известия» статью. "
    "Полный текст статьи приводится ниже:\n\n"
    "В последние годы под стратегическим руководством глав двух государств торгово-экономическое "
    "сотрудничество Китая и России непрерывно углубляется, сферы взаимодействия расширяются, а объём "
    "двусторонней торговли раз за разом обновляет рекорды, принося реальную пользу народам двух стран. "
    "В 2024 году товарооборот двух стран достиг 245 млрд долларов США, увеличившись на 1,9% в годовом "
    "исчислении, и Китай уже четырнадцать лет подряд остаётся крупнейшим торговым партнёром России. "
    "Стабильно развивается энергетическое сотрудничество: за год по газопроводу «Сила Сибири» было "
    "поставлено более 30 млрд кубометров газа, активно продвигаются новые проекты, в том числе "
    "дальневосточный маршрут. Всё активнее становятся гуманитарные обмены, насыщенно проходят "
    "перекрёстные годы культуры. В 2024 году Китай посетили 1,2 млн российских туристов, почти втрое "
    "больше, чем годом ранее.\n\n"
    "Китайская сторона готова вместе с российской стороной продвигать дальнейшее развитие двусторонних отношений."
)


def test_one_long_official_paragraph_carries_four_chinese_ones() -> None:
    diags = lint_texts(OFFICIAL_RU, OFFICIAL_ZH, select=["ALN", "NUM", "DAT"])
    assert diags == []


def test_a_changed_figure_in_a_regrouped_paragraph_is_still_reported() -> None:
    zh = OFFICIAL_ZH.replace("120万", "150万")
    diags = lint_texts(OFFICIAL_RU, zh, select=["ALN", "NUM", "DAT"])
    assert [(d.code, d.location.lang, d.location.line, d.message) for d in diags] == [
        ("NUM001", "zh", 9, "ZH '150万' = 1 500 000 has no equal value in RU (RU has '1,2 млн' = 1 200 000)")
    ]


def test_a_short_official_text_aligns_by_its_own_length_ratio() -> None:
    # Content lengths of a 12:12 embassy article whose Russian splits two
    # Chinese paragraphs in two and joins three into one; its ratio is
    # 0.61, and the news prior alone turned the regrouping into an
    # omission and a shift.
    ru = [420, 733, 603, 570, 690, 750, 3586, 1119, 1651, 1078, 873]
    zh = [248, 464, 661, 904, 579, 543, 885, 662, 1101, 735, 538]
    beads = align(list(enumerate(ru)), list(enumerate(zh)), length=lambda x: x[1], prior_ratio=0.85, variance=4.0)
    assert [([a for a, _ in r], [b for b, _ in z]) for r, z in beads] == [
        ([0], [0]), ([1], [1]), ([2, 3], [2]), ([4, 5], [3]), ([6], [4, 5, 6]),
        ([7], [7]), ([8], [8]), ([9], [9]), ([10], [10]),
    ]


def test_a_long_paragraph_against_four_short_ones_is_one_bead() -> None:
    beads = align(["a" * 1600, "b" * 300], ["x" * 130, "y" * 140, "z" * 120, "w" * 150, "v" * 100], length=len)
    assert [(len(a), len(b)) for a, b in beads] == [(1, 4), (1, 1)]


@pytest.mark.parametrize(
    ("paragraph", "continues"),
    [
        ("——普京总结道。", True),
        ("- сказал Ушаков.", True),
        ("— подчеркнул министр.", True),
        # An item of a dash list stands on its own.
        ("——我们要以共建“一带一路”为抓手，推动欧亚务实合作走深走实。“一带一路”建设与欧亚经济联盟对接合作不断深化，中欧班列开行数量屡创新高，为地区各国带来实实在在的好处。", False),
        ("—— Мы должны опираться на Шанхайскую организацию сотрудничества.", False),
    ],
)
def test_which_paragraph_continues_the_one_before(paragraph: str, continues: bool) -> None:
    from ruconsist.align.segments import CONTINUATION

    assert (CONTINUATION.match(paragraph) is not None) is continues
