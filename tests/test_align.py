from __future__ import annotations

import pytest

from ruconsist.align import align
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


def test_seed_21_russian_and_16_chinese_paragraphs_align_as_an_editor_would(news_rules) -> None:
    linter = Linter(Config(), rules=news_rules)
    parsed = BilingualReader().read(Document("seed.txt", SEED), None, linter.config)
    beads, findings = linter.build_beads(parsed, parsed)
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
    beads, _ = linter.build_beads(parsed, parsed)
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
    ru_p, zh_p = linter.read(ru, "ru"), linter.read(zh, "zh")
    beads, findings = linter.build_beads(ru_p, zh_p)
    assert [(len(b.ru.segments), len(b.zh.segments)) for b in beads] == [(1, 1), (1, 1), (0, 1), (1, 1)]
    assert [k for k, _ in findings] == ["omission"]


def test_text_reader_splits_paragraphs_at_sentence_ends_and_blank_lines() -> None:
    text = "Первый абзац,\nпродолжение строки.\nВторой абзац.\n\nТретий."
    segs = TextReader().read(Document("a.ru.txt", text), "ru", Config()).segments["ru"]
    assert [s.text for s in segs] == ["Первый абзац,\nпродолжение строки.", "Второй абзац.", "Третий."]
