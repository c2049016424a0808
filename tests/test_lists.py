"""List labels of official texts (LST001, and their effect on NUM001 and
on alignment): each pair is written in the manner of embassy interviews,
joint statements and ministry news."""

from __future__ import annotations

import pytest

from ruconsist.lang.lists import han_value, list_labels
from ruconsist.testing import findings, lint_texts

SELECT = ["LST001", "LST002", "NUM001", "NUM005", "ALN002"]


def run(ru: str, zh: str) -> list[tuple[str, str, str]]:
    return findings(ru, zh, select=SELECT)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2. Как вы оцениваете итоги визита?", [("2.", 2, "arabic")]),
        ("二、您如何评价访问成果？", [("二、", 2, "han")]),
        ("（三）深化人文交流", [("（三）", 3, "paren")]),
        ("(1) Стороны договорились", [("(1)", 1, "paren")]),
        ("5、中俄间最有前景的合作领域是什么？", [("5、", 5, "arabic")]),
        ("а) торговля; б) энергетика", [("а)", 1, "letter")]),
        ("一是加强战略沟通，二是深化务实合作，三是扩大人文交流。",
         [("一是", 1, "shi"), ("二是", 2, "shi"), ("三是", 3, "shi")]),
        ("第一，坚持相互尊重。第二，坚持合作共赢。", [("第一", 1, "di"), ("第二", 2, "di")]),
        ("首先，双方同意加强合作。", [("首先", 1, "di")]),
        ("Во-первых, укреплять доверие; во-вторых, расширять торговлю; в-третьих, углублять обмены.",
         [("Во-первых", 1, "adverb"), ("во-вторых", 2, "adverb"), ("в-третьих", 3, "adverb")]),
        ("Стороны наметили: 1) торговлю; 2) энергетику.", [("1)", 1, "arabic"), ("2)", 2, "arabic")]),
        ("— Как вы оцениваете итоги визита?", [("—", None, "dash")]),
        # Not labels: figures, ordinals of events, a closing parenthesis.
        ("2022 год стал рекордным.", []),
        ("2.5 млн тонн зерна", []),
        ("第三次峰会在喀山举行。", []),
        ("十四五规划顺利实施。", []),
        ("Договор (статья 5) вступил в силу.", []),
    ],
)
def test_labels_are_recognised_in_both_languages(text: str, expected: list[tuple[str, int | None, str]]) -> None:
    assert [(lab.text, lab.position, lab.scheme) for lab in list_labels(text)] == expected


def test_han_numerals_of_positions() -> None:
    assert [han_value(s) for s in ("一", "九", "十", "十二", "二十", "二十三", "零", "")] == [1, 9, 10, 12, 20, 23, None, None]


# Labels in different forms at the same place: no figure, no finding.
CLEAN = [
    ("arabic-vs-han", "2. Как вы оцениваете итоги визита?", "二、您如何评价访问成果？"),
    ("paren-han-vs-arabic", "3) Расширять гуманитарные обмены.", "（三）扩大人文交流。"),
    ("yishi-vs-vopervyh",
     "Во-первых, укреплять доверие, во-вторых, расширять торговлю.",
     "一是增进互信，二是扩大贸易。"),
    ("diyi-vs-vopervyh",
     "Во-первых, уважать друг друга. Во-вторых, сотрудничать.",
     "第一，相互尊重。第二，合作共赢。"),
    ("numbered-question-vs-dash", "— Какие направления сотрудничества самые перспективные?", "5、中俄间最有前景的合作领域是什么？"),
    ("label-and-figure", "3. Товарооборот достиг 240 млрд долларов.", "三、贸易额达到2400亿美元。"),
]


@pytest.mark.parametrize(("name", "ru", "zh"), CLEAN, ids=[c[0] for c in CLEAN])
def test_labels_in_different_forms_are_silent(name: str, ru: str, zh: str) -> None:
    assert run(ru, zh) == []


@pytest.mark.parametrize(
    ("ru", "zh", "expected"),
    [
        ("Как вы оцениваете итоги визита?", "三、您如何评价访问成果？", [("LST002", "zh", "三、")]),
        ("Достижения в развитии региона", "一、地区发展成就", [("LST002", "zh", "一、")]),
        ("4. Как вы оцениваете итоги визита?", "您如何评价访问成果？", [("LST002", "ru", "4.")]),
        # A Roman numeral, a bare number, a dash or an ordinal word in its place.
        ("II. Достижения в развитии региона", "二、地区发展成就", []),
        # (the bare 4, no label, is read as a figure on one side only)
        ("4 Как вы оцениваете итоги визита?", "4、您如何评价访问成果？", [("NUM005", "ru", "4")]),
        ("Второе: закон не противоречит правам.", "（二）条例与权利并不冲突。", []),
        # 一是…二是 enumerates points in running text: written out in words.
        ("Закон не противоречит правам и свободам.", "二是条例与权利自由并不冲突。", []),
    ],
)
def test_a_label_the_other_side_dropped(ru: str, zh: str, expected: list) -> None:
    assert run(ru, zh) == expected


def test_a_dropped_label_is_an_error_under_the_mt_profile() -> None:
    from ruconsist.config import Config

    diags = lint_texts("Как вы оцениваете итоги визита?", "三、您如何评价访问成果？", select=["LST002"],
                       config=Config(options={"profile": "mt"}))
    assert [(d.code, d.severity.label) for d in diags] == [("LST002", "error")]
    human = lint_texts("Как вы оцениваете итоги визита?", "三、您如何评价访问成果？", select=["LST002"])
    assert [(d.code, d.severity.label) for d in human] == [("LST002", "warning")]


def test_a_label_is_not_the_counterpart_of_a_figure() -> None:
    # «3.» opens the item; the 3 of the Russian figure is not there in ZH
    # (a figure on one side only: NUM005).
    assert run("3. Товарооборот вырос в 3 раза.", "三、贸易额增长了。") == [("NUM005", "ru", "3 раза")]


def test_renumbered_item_at_the_same_place_is_a_warning() -> None:
    diags = lint_texts("3. Как вы оцениваете итоги визита?", "四、您如何评价访问成果？", select=["LST001"])
    assert [(d.code, d.severity.label, d.found) for d in diags] == [("LST001", "warning", "3.")]
    assert "ZH has 四、" in diags[0].message


def test_skipped_item_within_one_side_is_a_warning() -> None:
    ru = "1. Первый вопрос?\n\nОтвет.\n\n2. Второй вопрос?\n\nОтвет.\n\n3. Третий вопрос?\n\nОтвет."
    zh = "1、第一个问题？\n\n回答。\n\n2、第二个问题？\n\n回答。\n\n4、第三个问题？\n\n回答。"
    got = run(ru, zh)
    assert ("LST001", "zh", "4、") in got
    diags = lint_texts(ru, zh, select=["LST001"])
    skipped = [d for d in diags if d.location.lang == "zh" and "skips item 3" in d.message]
    assert len(skipped) == 1


def test_a_list_that_starts_again_is_a_new_list() -> None:
    ru = "1. Первое.\n\n2. Второе.\n\n1. Снова первое.\n\n2. Снова второе."
    zh = "一、第一。\n\n二、第二。\n\n一、又一个第一。\n\n二、又一个第二。"
    assert run(ru, zh) == []


def test_inline_lists_of_different_length_are_not_renumbering() -> None:
    ru = "Во-первых, укреплять доверие и расширять торговлю, во-вторых, углублять обмены."
    zh = "一是增进互信，二是扩大贸易，三是深化交流。"
    assert run(ru, zh) == []


def _interview(n: int) -> tuple[str, str]:
    """An interview of ``n`` questions and answers, paragraph by
    paragraph, where one answer's Russian paragraphs run much longer
    than the Chinese ones and name in full what Chinese abbreviates
    (中俄、中朝 for Китай и Россия, Китай и Северная Корея)."""
    ru_paras, zh_paras = [], []
    for i in range(1, n + 1):
        ru_paras.append(f"{i}. Как вы оцениваете сотрудничество в области номер {i}?")
        zh_paras.append(f"{i}、您如何评价第{i}个领域的合作？")
        if i == 3:
            ru_paras += [
                "Китай приветствует укрепление и развитие традиционных дружественных отношений"
                " между Россией и Северной Кореей.",
                "В этом году исполняется 75 лет со дня установления дипломатических отношений"
                " между Китаем и Россией и Китаем и Северной Кореей.",
                "Китай готов вместе с Россией и КНДР укреплять дружбу и сотрудничество и вносить"
                " вклад в поддержание мира и стабильности в регионе.",
            ]
            zh_paras += [
                "中方乐见俄罗斯同朝鲜巩固和发展传统友好关系。",
                "今年是中俄、中朝建交75周年。",
                "中方愿同俄、朝加强友好合作，共同为维护地区和平稳定作出贡献。",
            ]
        else:
            ru_paras.append(
                "Сотрудничество развивается уверенно, объем торговли растет, стороны обмениваются"
                " делегациями и опытом."
            )
            zh_paras.append("合作稳步发展，贸易额不断增长，双方交流代表团和经验。")
    return "\n\n".join(ru_paras), "\n\n".join(zh_paras)


def test_equal_paragraph_counts_align_one_to_one_despite_short_chinese_paragraphs() -> None:
    ru, zh = _interview(6)
    assert run(ru, zh) == []


def test_a_paragraph_missing_from_one_side_is_an_omission_not_a_merge() -> None:
    # The Chinese leaves out the anniversary paragraph: it must come out
    # as ALN002 on that paragraph, not as a figure missing next door.
    ru, zh = _interview(6)
    zh = zh.replace("今年是中俄、中朝建交75周年。\n\n", "")
    got = run(ru, zh)
    assert got == [("ALN002", "ru", "В этом году исполняется 75 лет со дня установления дипломатических отношений"
                    " между Китаем и Россией и Китаем и Северной Кореей.")]
