"""Typography checks TYP001-TYP006."""

from __future__ import annotations

import io

import pytest

from ruconsist.checks.typography import halfwidth_marks, mixed_script_words, resolve_across
from ruconsist.config import Config
from ruconsist.testing import findings, lint_texts


def _apply(text: str, diags) -> str:  # type: ignore[no-untyped-def]
    for d in sorted(diags, key=lambda d: d.fix.start, reverse=True):
        text = text[: d.fix.start] + d.fix.replacement + text[d.fix.end :]
    return text


# --------------------------------------------------------------------------
# TYP001


@pytest.mark.parametrize(
    ("zh", "marks"),
    [
        # The seed article's dateline and lead.
        ("莫斯科,2月4日-CRMtv。", ","),
        ("重要细节:乌沙科夫讲述了", ":"),
        ("亚太经合组织(APEC)领导人非正式会议", "()"),
        ("他问:为什么?", ":?"),
        ("太好了!我们赢了;明天见", "!;"),
        ("Python(编程语言)", "()"),
        ("注意:(1)第一", ":()"),
    ],
)
def test_halfwidth_marks_next_to_chinese(zh: str, marks: str) -> None:
    assert "".join(zh[i] for i in halfwidth_marks(zh)) == marks


@pytest.mark.parametrize(
    "zh",
    [
        "约1,500人参加",  # thousands
        "时间为16:40",  # clock
        "比分3:1",
        "参见 https://example.com/a?b=1,2 获取详情",  # URL
        "根据 PubMed (https://www.ncbi.nlm.nih.gov/pubmed) 的数据",
        "运行 `ls -l; echo (a)` 命令",  # code
        "点击<a href=\"x\">这里</a>",  # markup
        "见[文档](http://x.org/a)说明",  # Markdown link target
        "Hello, world! How are you?",  # Latin text in the Chinese file
        "他笑了:)",  # emoticon
        "n2与(n + 1)2间总会存在一个素数",  # a formula
    ],
)
def test_halfwidth_marks_left_alone(zh: str) -> None:
    assert halfwidth_marks(zh) == []


def test_one_warning_per_halfwidth_mark_with_fix() -> None:
    zh = "莫斯科,2月4日-CRMtv。俄罗斯总统普京2026年访华的日期和具体安排将另行商定,这是乌沙科夫宣布的。"
    diags = lint_texts("МОСКВА, 4 фев - CRMtv.", zh, select=["TYP001"])
    assert [(d.code, d.severity.label, d.category, d.found) for d in diags] == [
        ("TYP001", "warning", "style", ","),
        ("TYP001", "warning", "style", ","),
    ]
    assert _apply(zh, diags) == zh.replace(",", "，")


# --------------------------------------------------------------------------
# TYP002


@pytest.mark.parametrize(
    ("ru", "zh", "expected"),
    [
        ('Он сказал: "Приглашение было принято".', "他说：“邀请已被接受。”", [("TYP002", "ru", '"Приглашение было принято"')]),
        ("Он сказал: “Приглашение было принято”.", "他说：“邀请已被接受。”", [("TYP002", "ru", "“Приглашение было принято”")]),
        ("Он сказал: «Приглашение было принято».", '他说："邀请已被接受。"', [("TYP002", "zh", '"邀请已被接受。"')]),
        ("Он сказал: «Приглашение было принято».", "他说：«邀请已被接受。»", [("TYP002", "zh", "«邀请已被接受。»")]),
    ],
)
def test_wrong_quotes(ru: str, zh: str, expected: list[tuple[str, str, str]]) -> None:
    assert findings(ru, zh, select=["TYP002"]) == expected


@pytest.mark.parametrize(
    ("ru", "zh"),
    [
        ("Он сказал: «Приглашение было принято».", "他说：“邀请已被接受。”"),
        ("проект «Сила Сибири — 2» и „внутренние“ кавычки", "“西伯利亚力量-2”项目"),
        ("компания «Газпром “Экспорт”»", "「天然气工业」公司"),  # inner quotes inside « »
        ('the "Hello" example', 'the "Hello" example'),  # no Russian or Chinese inside
    ],
)
def test_house_style_quotes_pass(ru: str, zh: str) -> None:
    assert findings(ru, zh, select=["TYP002"]) == []


def test_quote_fix_rewrites_the_pair_and_nests_inner_quotes() -> None:
    ru = 'Журнал пишет: "Компания «Газпром» довольна".'
    (d,) = lint_texts(ru, "杂志写道：“俄气公司很满意。”", select=["TYP002"])
    assert _apply(ru, [d]) == "Журнал пишет: «Компания „Газпром“ довольна»."


def test_odd_ascii_quotes_are_reported_without_a_rewrite() -> None:
    zh = '"布什政府发言人称朝鲜的承诺是"重要一步"。'
    diags = lint_texts("Представитель назвал обещание «важным шагом».", zh, select=["TYP002"])
    assert [(d.found, d.fix) for d in diags] == [('"', None)] * 3


def test_ru_quotes_option_accepts_english_style() -> None:
    config = Config(options={"ru-quotes": "“”"})
    ru = "Он сказал: “Да”."
    assert lint_texts(ru, "他说：“是的。”", select=["TYP002"], config=config) == []


# --------------------------------------------------------------------------
# TYP003


@pytest.mark.parametrize(
    ("ru", "zh", "expected"),
    [
        ("Договор (ДСНВ истекает.", "条约到期。", [("TYP003", "ru", "(")]),
        ("Договор ДСНВ) истекает.", "条约到期。", [("TYP003", "ru", ")")]),
        ("Он назвал это «ошибкой.", "他称之为“错误”。", [("TYP003", "ru", "«")]),
        ("Договор истекает.", "《新削减战略武器条约到期。", [("TYP003", "zh", "《")]),
        ("Договор истекает.", "他将该大钟称之为“穷人的大钟“。", [("TYP003", "zh", "“"), ("TYP003", "zh", "“")]),
        ("Договор истекает.", "条约（即新START)到期。", [("TYP003", "zh", "（"), ("TYP003", "zh", ")")]),
        ("Данные (см. http://www.nhc.gov.cn/a.html).", "数据（见 (http://www.nhc.gov.cn/a.html）。", [("TYP003", "zh", "(")]),
    ],
)
def test_unbalanced_marks(ru: str, zh: str, expected: list[tuple[str, str, str]]) -> None:
    assert findings(ru, zh, select=["TYP003"]) == expected


@pytest.mark.parametrize(
    ("ru", "zh"),
    [
        ("Во-первых: 1) рост; 2) снижение; а) иное.", "第一：增长；第二：下降。"),
        ("Экран 12\" и 15\".", "12英寸和15英寸的屏幕。"),
        ("Он сказал: «Мы пришли.\n\nИ мы останемся».", "他说：“我们来了。\n\n我们会留下。”"),
        ("Он сказал: «Мы пришли.\n\n«Мы останемся».", "他说：“我们来了。\n\n我们会留下。”"),
        ("Он кричал „Меня укусили!\n\nМеня укусили!“", "他喊道“我被咬了！\n\n我被咬了！”"),
        ("Он сказал: «Мы пришли.\n\nИ мы останемся».", "他说：“我们来了。\n\n我们会留下。\""),
    ],
)
def test_balanced_or_continued_marks_pass(ru: str, zh: str) -> None:
    assert findings(ru, zh, select=["TYP003"]) == []


def test_quotation_across_sentence_lines_is_paired() -> None:
    paras = ["Она ответила: «Дата не назначена.", "Посмотрим».", "Конец»."]
    assert [[m.char for m in marks] for marks in resolve_across(paras, "ru")] == [[], [], ["»"]]


# --------------------------------------------------------------------------
# TYP004


@pytest.mark.parametrize(
    ("ru", "found"),
    [
        ("и выстрелил в в Уэйда Симса.", "в в"),
        ("находился со со своим другом", "со со"),
        ("В в этом году", "В в"),
    ],
)
def test_doubled_word(ru: str, found: str) -> None:
    diags = lint_texts(ru, "他开枪了。", select=["TYP004"])
    assert [d.found for d in diags] == [found]
    assert _apply(ru, diags).count(found.split()[1]) == ru.count(found.split()[1]) - 1


@pytest.mark.parametrize(
    "ru",
    [
        "остров Бора Бора",  # a name
        "чуть-чуть больше",
        "технологии Canada plus plus",  # Latin is left alone
        "в\nв",  # a line break in between is layout, not a slip
    ],
)
def test_no_doubled_word(ru: str) -> None:
    assert findings(ru, "更多一点。", select=["TYP004"]) == []


# --------------------------------------------------------------------------
# TYP005


@pytest.mark.parametrize(
    ("text", "lang", "fixed"),
    [
        ("Meжду субкультурами", "ru", "Между"),  # Latin M, e
        ("известно о 27 cлучаях", "ru", "случаях"),  # Latin c
        ("разместило бoльшую часть", "ru", "большую"),  # Latin o
        ("в Microsoft Officе", "ru", "Office"),  # Cyrillic е in a Latin word
    ],
)
def test_mixed_script_word(text: str, lang: str, fixed: str) -> None:
    assert [f for _, _, f in mixed_script_words(text, lang)] == [fixed]


@pytest.mark.parametrize("text", ["Яndex", "iPhone-ом", "KГјlГјg-хана", "COVID-19", "XIX век"])
def test_deliberate_or_foreign_mixtures_pass(text: str) -> None:
    assert mixed_script_words(text, "ru") == []


def test_mixed_script_finding_and_fix() -> None:
    ru = "Meжду тем"
    diags = lint_texts(ru, "与此同时", select=["TYP005"])
    assert [(d.code, d.found, d.expected) for d in diags] == [("TYP005", "Meжду", "Между")]
    assert _apply(ru, diags) == "Между тем"


# --------------------------------------------------------------------------
# TYP006 (option)


def test_zh_spacing_is_off_by_default() -> None:
    assert findings("в 2026 году", "2026 年", select=["TYP006"]) == []


@pytest.mark.parametrize(
    ("style", "zh", "fixed"),
    [
        ("none", "在 2026 年访华", "在2026年访华"),
        ("space", "在2026年使用Python", "在 2026 年使用 Python"),
    ],
)
def test_zh_spacing_option(style: str, zh: str, fixed: str) -> None:
    config = Config(options={"zh-spacing": style})
    diags = lint_texts("в 2026 году", zh, select=["TYP006"], config=config)
    assert diags and all(d.code == "TYP006" for d in diags)
    assert _apply(zh, diags) == fixed


# --------------------------------------------------------------------------
# A file written with ASCII commas throughout


def test_ascii_commas_give_one_warning_each_and_keep_errors() -> None:
    ru = "Путин и Си Цзиньпин провели переговоры, обсудили торговлю, энергетику, технологии."
    zh = "普京与习近平举行会谈,讨论了贸易,能源,技术。"
    diags = lint_texts(ru, zh, select=["TYP", "PAL"])
    assert [(d.code, d.found) for d in diags] == [("TYP001", ",")] * 3
    assert all(d.severity.label == "warning" for d in diags)


# A file's own punctuation convention (TYP001) ---------------------------------

# UN statistical data in the manner of the SDG indicator files: every
# Chinese line uses ASCII commas and parentheses (this test's own text).
ASCII_ZH = "\n\n".join(
    f"指标{n}.1.1:按性别,年龄和地点(城市/农村)分列的人口比例,单位为百分比" for n in range(1, 5)
) + "\n\n指标5.1.1：是否有法律框架,促进,执行和监测性别平等\n"
ASCII_RU = "\n\n".join(
    f"Показатель {n}.1.1: доля населения в разбивке по полу, возрасту и месту проживания (город/село), в процентах"
    for n in range(1, 5)
) + "\n\nПоказатель 5.1.1: наличие правовой базы для поощрения, обеспечения и мониторинга равенства полов\n"


def test_a_file_in_ascii_punctuation_throughout_is_reported_once_and_held_to_its_convention() -> None:
    diags = lint_texts(ASCII_RU, ASCII_ZH, select=["TYP001"])
    assert [(d.location.line, d.location.column, d.found) for d in diags] == [
        (1, 8, ":"),  # once, at the first mark, for the file
        (9, 8, "："),  # the one full-width mark breaks the file's own convention
    ]
    assert diags[0].message.startswith("ZH file uses ASCII punctuation throughout (22 half-width marks next to Chinese, 1 full-width)")
    assert "zh-punctuation: ascii" in diags[0].message
    assert diags[1].message == "ZH full-width '：' in text that uses ASCII punctuation: expected ':' as elsewhere"


def test_zh_punctuation_option_sets_the_convention() -> None:
    ascii_cfg = Config(options={"zh-punctuation": "ascii"})
    assert [(d.location.line, d.found) for d in lint_texts(ASCII_RU, ASCII_ZH, select=["TYP001"], config=ascii_cfg)] == [(9, "：")]
    full = lint_texts(ASCII_RU, ASCII_ZH, select=["TYP001"], config=Config(options={"zh-punctuation": "full"}))
    assert len(full) == 22 and all(d.found in ",:()" for d in full)


def test_a_few_half_width_marks_in_a_full_width_file_are_each_reported() -> None:
    zh = ASCII_ZH.replace(",", "，").replace("(", "（").replace(")", "）").replace(":", "：")
    zh = zh.replace("指标1.1.1：", "指标1.1.1:").replace("指标2.1.1：按性别，", "指标2.1.1：按性别,")
    assert [(d.location.line, d.found) for d in lint_texts(ASCII_RU, zh, select=["TYP001"])] == [(1, ":"), (3, ",")]


def test_ascii_quotes_spanning_lines_of_a_line_aligned_pair_are_balanced(tmp_path) -> None:
    # Line-aligned corpora break a quotation across lines; Chinese
    # punctuation stands beside the ASCII quotes (他说："…", …"，).
    from ruconsist.cli import main

    (tmp_path / "a.ru").write_text('Он сказал: "Мы приедем.\nИ привезем подарки", — добавил он.\nОна сказала: "Нет.\n', encoding="utf-8")
    (tmp_path / "a.zh").write_text('他说："我们会来的。\n我们会带礼物"，他补充说。\n她说："不。\n', encoding="utf-8")
    out = io.StringIO()
    args = ["check", "--align", "lines", "--ru", str(tmp_path / "a.ru"), "--zh", str(tmp_path / "a.zh")]
    main([*args, "--select", "TYP003", "-f", "parsable"], stdout=out)
    # Only the quotation that never closes is reported, on both sides.
    assert [line.split(": ")[0].rsplit("/", 1)[-1] for line in out.getvalue().splitlines()] == ["a.ru:3:14", "a.zh:3:4"]
