"""Paired pattern rules: schema errors, captures of each kind, direction,
counts, scope, severity, messages and timeouts."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from ruconsist.document import Document
from ruconsist.errors import RuleError
from ruconsist.patterns import (
    effective_patterns,
    number_value,
    roman_value,
    rule_codes,
    to_chinese,
)
from ruconsist.readers.text import MarkdownReader
from ruconsist.rules import RuleSet, load_pack, load_pack_text
from ruconsist.testing import lint_texts, linter

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def numbers_pack():
    return load_pack(REPO / "rules" / "numbers.yaml", display="rules/numbers.yaml")


def rules_from(text: str, numbers_pack=None, path: str = "house-test.yaml") -> RuleSet:
    pack = load_pack_text(text, path)
    return RuleSet([numbers_pack, pack] if numbers_pack is not None else [pack])


def pat(ru: str, zh: str, rules: RuleSet, **kw):
    """(code, lang, text found, message) of each pattern finding."""
    out = []
    for d in lint_texts(ru, zh, rules=rules, select=["PAT", "HS"], **kw):
        loc = d.location
        text = ru if loc.lang == "ru" else zh
        doc = Document("x", text)
        found = text[doc.offset(loc.line, loc.column) : doc.offset(loc.end_line, loc.end_column)]
        out.append((d.code, loc.lang, found, d.message))
    return out


ARTICLE = r"""
version: 1
patterns:
  - id: article-ref
    ru: '(?:ст\.|стать[яиюе])\s*(?P<n>\d+)'
    zh: '第(?P<n>[0-9一二三四五六七八九十百]+)条'
    captures: {n: number}
    direction: ru->zh
    expect: {zh: '第{n}条'}
"""


# Schema ------------------------------------------------------------------

BAD_PACKS = [
    (
        "pattern does not compile",
        "version: 1\npatterns:\n  - id: a\n    ru: '(?P<n>\\d+'\n    zh: 'x'\n",
        4,
        "pattern 'a': ru pattern does not compile: missing ) at position 9",
    ),
    (
        "pattern matches the empty string",
        "version: 1\npatterns:\n  - id: a\n    zh: '\\d*'\n",
        4,
        "pattern 'a': zh pattern matches the empty string",
    ),
    (
        "misspelt key",
        "version: 1\npatterns:\n  - id: a\n    ru: x\n    zh: y\n    direktion: both\n",
        6,
        "unknown key 'direktion' in pattern rule (did you mean 'direction'?)",
    ),
    (
        "misspelt direction",
        "version: 1\npatterns:\n  - id: a\n    ru: x\n    zh: y\n    direction: ru->ch\n",
        6,
        "direction must be one of ru->zh, zh->ru, both, not 'ru->ch' (did you mean 'ru->zh'?)",
    ),
    (
        "misspelt capture kind",
        "version: 1\npatterns:\n  - id: a\n    ru: '(?P<n>x)'\n    zh: '(?P<n>y)'\n    captures: {n: nummber}\n",
        6,
        "capture 'n' must be compared as text, number or term, not 'nummber' (did you mean 'number'?)",
    ),
    (
        "capture on one side only",
        "version: 1\npatterns:\n  - id: a\n    ru: '(?P<n>x)'\n    zh: 'y'\n    captures:\n      n: number\n",
        7,
        "capture 'n' is in the ru pattern but not in the zh pattern",
    ),
    (
        "capture that is no group",
        "version: 1\npatterns:\n  - id: a\n    ru: '(?P<num>x)'\n    zh: '(?P<num>y)'\n    captures:\n      nun: number\n",
        7,
        "capture 'nun' is not a named group of its patterns (groups: num) (did you mean 'num'?)",
    ),
    (
        "user code of the wrong shape",
        "version: 1\npatterns:\n  - id: a\n    zh: y\n    code: house1\n",
        5,
        "code 'house1' must be 1-3 capital letters and 1-3 digits",
    ),
    (
        "message with an unknown placeholder",
        "version: 1\npatterns:\n  - id: a\n    ru: '(?P<n>x)'\n    zh: '(?P<n>y)'\n    message: 'no {nn}'\n",
        6,
        "message uses {nn}, which is neither a capture nor one of",
    ),
    (
        "expect template naming a group of its own side",
        "version: 1\npatterns:\n  - id: a\n    ru: '(?P<r>x)'\n    zh: '(?P<z>y)'\n    expect: {zh: '{z}'}\n",
        6,
        "expect.zh uses {z}, which is not a group of the ru pattern",
    ),
    (
        "direction on a one-sided rule",
        "version: 1\npatterns:\n  - id: a\n    zh: y\n    direction: both\n",
        5,
        "'direction' needs both an 'ru' and a 'zh' pattern",
    ),
    (
        "timeout out of range",
        "version: 1\npatterns:\n  - id: a\n    zh: y\n    timeout: 60\n",
        5,
        "timeout must be a number of seconds above 0 and at most 10",
    ),
    (
        "the same id twice",
        "version: 1\npatterns:\n  - id: a\n    zh: y\n  - id: a\n    zh: z\n",
        5,
        "duplicate pattern id 'a' (first at line 3)",
    ),
    (
        "a rule with no pattern",
        "version: 1\npatterns:\n  - id: a\n    description: nothing\n",
        3,
        "pattern 'a' needs an 'ru' or a 'zh' pattern (or both)",
    ),
    (
        "reserved capture name",
        "version: 1\npatterns:\n  - id: a\n    zh: '(?P<found>y)'\n",
        4,
        "capture name 'found' is reserved for messages",
    ),
]


@pytest.mark.parametrize(("case", "text", "line", "message"), BAD_PACKS, ids=[c[0] for c in BAD_PACKS])
def test_bad_pattern_rule_is_a_rule_error_with_file_and_line(case, text, line, message) -> None:
    with pytest.raises(RuleError) as info:
        load_pack_text(text, "house-test.yaml")
    err = info.value
    assert (err.path, err.line) == ("house-test.yaml", line)
    assert message in err.message


def test_later_pack_switches_off_a_rule_by_id(numbers_pack) -> None:
    shipped = load_pack_text(ARTICLE, "rules/house.yaml")
    mine = load_pack_text("version: 1\npatterns:\n  - {id: article-ref, enabled: false}\n", "mine.yaml")
    rules = RuleSet([numbers_pack, shipped, mine])
    assert effective_patterns(rules) == []
    assert pat("согласно ст. 5", "根据第六条", rules) == []


def test_later_pack_replaces_a_rule_by_id(numbers_pack) -> None:
    shipped = load_pack_text(ARTICLE, "rules/house.yaml")
    mine = load_pack_text(ARTICLE.replace("direction: ru->zh", "direction: ru->zh\n    severity: info"), "mine.yaml")
    rules = RuleSet([numbers_pack, shipped, mine])
    [rule] = effective_patterns(rules)
    assert rule.path == "mine.yaml"


# Captures ----------------------------------------------------------------

NUMBER_CASES = [
    ("согласно ст. 5 Устава", "根据《宪章》第五条", []),
    ("согласно ст. 5 Устава", "根据《宪章》第5条", []),
    ("согласно статье 12", "根据第十二条", []),
    (
        "согласно ст. 5 Устава",
        "根据《宪章》第六条",
        [("PAT001", "ru", "ст. 5", "RU 'ст. 5' has no counterpart in ZH (found '第六条' with n = 6, not 5; expected 第5条) [article-ref]")],
    ),
    (
        "согласно ст. 5 Устава",
        "根据《宪章》",
        [("PAT001", "ru", "ст. 5", "RU 'ст. 5' has no counterpart in ZH (expected 第5条) [article-ref]")],
    ),
]


@pytest.mark.parametrize(("ru", "zh", "expected"), NUMBER_CASES)
def test_number_capture_compares_values_across_scripts(numbers_pack, ru, zh, expected) -> None:
    assert pat(ru, zh, rules_from(ARTICLE, numbers_pack)) == expected


CONGRESS = r"""
version: 1
patterns:
  - id: congress
    ru: '(?P<n>[IVXLХІ]+|\d+(?:-?(?:й|го|м))?|\p{L}+)\s+съезд\p{L}*\s+КПК'
    zh: '中共(?P<n>[一二三四五六七八九十]+)大'
    captures: {n: number}
    direction: ru->zh
    expect: {zh: '中共{n:zh}大'}
"""


@pytest.mark.parametrize(
    ("ru", "zh", "expected"),
    [
        ("в докладе XX съезда КПК", "中共二十大报告", []),
        # Cyrillic Х typed for the Latin X.
        ("в докладе ХХ съезда КПК", "中共二十大报告", []),
        ("на двадцатом съезде КПК", "在中共二十大上", []),
        ("после 19-го съезда КПК", "中共十九大以后", []),
        ("в докладе XX съезда КПК", "中共十九大报告", [("ru", "XX съезда КПК", "中共二十大")]),
        ("на двадцатом съезде КПК", "在中共十九大上", [("ru", "двадцатом съезде КПК", "中共二十大")]),
        # Not a numbered congress: the match does not count.
        ("на очередном съезде КПК", "在党代会上", []),
    ],
)
def test_roman_and_word_numbers_answer_chinese_numerals(numbers_pack, ru, zh, expected) -> None:
    rules = rules_from(CONGRESS, numbers_pack)
    got = [(d.location.lang, d.found, d.expected) for d in lint_texts(ru, zh, rules=rules, select=["PAT"])]
    assert got == expected


URL = r"""
version: 1
patterns:
  - id: url
    ru: '(?P<url>https?://[A-Za-z0-9./_-]*[A-Za-z0-9/_-])'
    zh: '(?P<url>https?://[A-Za-z0-9./_-]*[A-Za-z0-9/_-])'
    captures: {url: text}
"""


@pytest.mark.parametrize(
    ("ru", "zh", "expected"),
    [
        ("Сайт http://kremlin.ru/events.", "网站http://kremlin.ru/events。", []),
        (
            "Сайт http://kremlin.ru/events.",
            "网站http://kremlin.ru/event。",
            [
                (
                    "PAT001",
                    "ru",
                    "http://kremlin.ru/events",
                    "RU 'http://kremlin.ru/events' has no counterpart in ZH (found 'http://kremlin.ru/event') [url]",
                )
            ],
        ),
    ],
)
def test_text_capture_compares_the_text(ru, zh, expected) -> None:
    assert pat(ru, zh, rules_from(URL)) == expected


FLIGHT = r"""
version: 1
patterns:
  - id: flight
    ru: '[Рр]ейс\p{L}*\s+(?P<f>[A-ZＡ-Ｚ]{2}\s*[0-9０-９]+)'
    zh: '(?P<f>[A-ZＡ-Ｚ]{2}\s*[0-9０-９]+)\s*航班'
    captures: {f: text}
"""


@pytest.mark.parametrize(
    ("ru", "zh", "expected"),
    [
        ("Рейс SU204 задержан.", "SU204航班延误。", []),
        # Full-width letters and digits are the same text (NFKC), and so
        # is a run of spaces.
        ("Рейс SU204 задержан.", "ＳＵ２０４航班延误。", []),
        ("Рейс SU 204 задержан.", "SU  204航班延误。", []),
        ("Рейс SU204 задержан.", "SU240航班延误。", [("ru", "Рейс SU204")]),
        # Case counts: a code is not a word.
        ("Рейс SU204 задержан.", "Su204航班延误。", [("ru", "Рейс SU204")]),
    ],
)
def test_text_capture_compares_after_nfkc_and_space_folding(ru, zh, expected) -> None:
    got = [(lang, found) for _c, lang, found, _m in pat(ru, zh, rules_from(FLIGHT))]
    assert got == expected


TREATY_TERMS = r"""
version: 1
terms:
  - id: new-start
    category: title
    ru: [ДСНВ, Договор о СНВ]
    zh: [新削减战略武器条约]
  - id: inf
    category: title
    ru: [ДРСМД]
    zh: [中导条约]
patterns:
  - id: treaty-title
    description: the treaty named in « » is the one named in 《》
    ru: '«(?P<t>[^»]+)»'
    zh: '《(?P<t>[^》]+)》'
    captures: {t: term}
    direction: ru->zh
"""


@pytest.mark.parametrize(
    ("ru", "zh", "expected"),
    [
        ("Срок «ДСНВ» истекает.", "《新削减战略武器条约》到期。", []),
        ("Срок «Договора о СНВ» истекает.", "《新削减战略武器条约》到期。", []),
        (
            "Срок «ДСНВ» истекает.",
            "《中导条约》到期。",
            [("PAT001", "ru", "«ДСНВ»", "RU '«ДСНВ»' has no counterpart in ZH (found '《中导条约》' with t = 中导条约, not ДСНВ) [treaty-title]")],
        ),
        # A title no pack knows cannot be compared: the match does not count.
        ("Срок «Договора Z» истекает.", "《中导条约》到期。", []),
    ],
)
def test_term_capture_resolves_both_sides_to_the_same_term(ru, zh, expected) -> None:
    found = [f for f in pat(ru, zh, rules_from(TREATY_TERMS)) if f[0] == "PAT001"]
    assert found == expected


# Direction and counts --------------------------------------------------------

PAIRED = r"""
version: 1
patterns:
  - id: sign
    ru: '№\s*(?P<n>\d+)'
    zh: '第(?P<n>\d+)号'
    captures: {n: number}
    direction: {direction}
    count: {count}
"""


@pytest.mark.parametrize(
    ("direction", "count", "ru", "zh", "expected"),
    [
        # ru->zh: a ZH match of its own is not asked for.
        ("ru->zh", "each", "указ № 5", "第5号令和第7号令", []),
        ("ru->zh", "each", "указ № 5 и № 7", "第5号令", [("ru", "№ 7")]),
        # zh->ru: the mirror image.
        ("zh->ru", "each", "указ № 5 и № 7", "第5号令", []),
        ("zh->ru", "each", "указ № 5", "第5号令和第7号令", [("zh", "第7号")]),
        # both: every unanswered match, but a near miss is reported once.
        ("both", "each", "указ № 5 и № 7", "第5号令和第8号令", [("ru", "№ 7")]),
        ("both", "each", "указ № 5", "第5号令和第7号令", [("zh", "第7号")]),
        # each: two RU matches need two ZH counterparts.
        ("ru->zh", "each", "указ № 5, снова № 5", "第5号令", [("ru", "№ 5")]),
        # any: one counterpart answers them all.
        ("ru->zh", "any", "указ № 5, снова № 5", "第5号令", []),
        ("ru->zh", "any", "указ № 5, снова № 6", "第5号令", [("ru", "№ 6")]),
    ],
)
def test_direction_and_count(direction, count, ru, zh, expected) -> None:
    rules = rules_from(PAIRED.replace("{direction}", direction).replace("{count}", count))
    got = [(lang, found) for _c, lang, found, _m in pat(ru, zh, rules)]
    assert got == expected


def test_each_pairs_the_second_match_when_the_first_is_taken() -> None:
    # The second RU "№ 5" is the one left over, and it is reported at its
    # own position, not at the first one's.
    rules = rules_from(PAIRED.replace("{direction}", "ru->zh").replace("{count}", "each"))
    [d] = lint_texts("указ № 5, снова № 5", "第5号令", rules=rules, select=["PAT"])
    assert d.location.column == 17


ONE_SIDED = r"""
version: 1
patterns:
  - id: zh-fullwidth-digits
    zh: '[０-９]+'
    description: write half-width digits
"""


@pytest.mark.parametrize(
    ("ru", "zh", "expected"),
    [
        ("Погибли 15 человек.", "15人遇难。", []),
        (
            "Погибли 15 человек.",
            "１５人遇难，６人受伤。",
            [
                ("PAT001", "zh", "１５", "ZH '１５' is not allowed: write half-width digits [zh-fullwidth-digits]"),
                ("PAT001", "zh", "６", "ZH '６' is not allowed: write half-width digits [zh-fullwidth-digits]"),
            ],
        ),
    ],
)
def test_one_sided_rule_reports_every_match(ru, zh, expected) -> None:
    assert pat(ru, zh, rules_from(ONE_SIDED)) == expected


# Scope -----------------------------------------------------------------------

SCOPED = r"""
version: 1
patterns:
  - id: title-marks
    ru: '«[^»]+»'
    zh: '《[^》]+》'
    direction: ru->zh
    scope: {scope}
"""


def lint_markdown(ru: str, zh: str, rules: RuleSet):
    lint = linter(rules=rules, select=["PAT"])
    reader = MarkdownReader()
    ru_parsed = reader.read(Document("a.ru.md", ru), "ru", lint.config)
    zh_parsed = reader.read(Document("a.zh.md", zh), "zh", lint.config)
    return lint.lint_parsed(ru_parsed, zh_parsed)[1]


@pytest.mark.parametrize(
    ("scope", "expected_lines"),
    [
        ("all", [1, 3]),
        ("titles", [1]),
        ("body", [3]),
    ],
)
def test_scope_limits_a_rule_to_titles_or_body(scope, expected_lines) -> None:
    ru = "# Договор «Об обороне»\n\nТекст договора «Об обороне» опубликован.\n"
    zh = "# 国防条约\n\n国防条约文本已经公布。\n"
    rules = rules_from(SCOPED.replace("{scope}", scope))
    assert [d.location.line for d in lint_markdown(ru, zh, rules)] == expected_lines


@pytest.mark.parametrize(
    ("paths", "ru_path", "expected"),
    [
        ("['news/*']", "news/a.ru.txt", 1),
        ("['news/*']", "docs/a.ru.txt", 0),
        ("'*.ru.txt'", "deep/er/a.ru.txt", 1),
    ],
)
def test_paths_limit_a_rule_to_matching_files(paths, ru_path, expected) -> None:
    text = SCOPED.replace("{scope}", "all") + f"    paths: {paths}\n"
    rules = rules_from(text)
    zh_path = ru_path.replace(".ru.", ".zh.")
    diags = lint_texts("Договор «Об обороне».", "国防条约。", rules=rules, select=["PAT"], ru_path=ru_path, zh_path=zh_path)
    assert len(diags) == expected


# Severity, code, category, message -------------------------------------------------


def test_rule_sets_severity_code_category_and_message(numbers_pack) -> None:
    text = ARTICLE + (
        "    severity: error\n"
        "    code: HS101\n"
        "    category: number\n"
        "    message: \"RU {side} '{found}' needs 第{n:zh}条 ({n:d}); ZH has '{counterpart}' [{rule}]\"\n"
    )
    rules = rules_from(text, numbers_pack)
    [d] = lint_texts("согласно ст. 5", "根据第六条", rules=rules, select=["PAT", "HS"])
    assert (d.code, d.severity.label, d.category, d.rule, d.expected, d.found) == (
        "HS101", "error", "number", "article-ref", "第5条", "ст. 5",
    )
    assert d.message == "RU RU 'ст. 5' needs 第五条 (5); ZH has '第六条' [article-ref]"
    # The counterpart location is the near miss in ZH.
    assert (d.counterpart.lang, d.counterpart.column, d.counterpart.end_column) == ("zh", 3, 6)


def test_default_severity_is_warning_and_user_codes_are_listed(numbers_pack) -> None:
    from ruconsist.checks.patterns import PatternRuleCheck

    rules = rules_from(ARTICLE.replace("direction: ru->zh", "direction: ru->zh\n    code: HS7"), numbers_pack)
    [d] = lint_texts("согласно ст. 5", "根据第六条", rules=rules, select=["PAT", "HS"])
    assert (d.code, d.severity.label, d.category) == ("HS7", "warning", "style")
    assert list(rule_codes(rules)) == ["HS7"]
    assert PatternRuleCheck.rule_codes(rules) == {"HS7": ("pattern-rule", "style", d.severity)}


# Timeouts --------------------------------------------------------------------

SLOW = r"""
version: 1
patterns:
  - id: ok
    zh: '１'
  - id: slow
    ru: '(а|аа)+$'
    timeout: 0.05
"""


def test_pattern_stopped_by_its_timeout_is_one_error_naming_the_pack_line() -> None:
    # (а|аа)+$ backtracks exponentially on a run of "а" that does not end
    # the paragraph: without the timeout the run would never finish.
    slow = "Слово " + "а" * 60 + " конец."
    ru = f"{slow}\n\n{slow}"
    zh = "第一段１。\n\n第二段１。"
    diags = lint_texts(ru, zh, rules=rules_from(SLOW), select=["PAT"])
    timeouts = [d for d in diags if d.code == "PAT002"]
    assert len(timeouts) == 1
    assert timeouts[0].severity.label == "error"
    assert timeouts[0].rule == "slow"
    assert "pattern rule 'slow' (house-test.yaml:7) took more than 0.05 s" in timeouts[0].message
    # The other rule still runs on every paragraph.
    assert [d.rule for d in diags if d.code == "PAT001"] == ["ok", "ok"]


SLOWISH = r"""
version: 1
patterns:
  - id: word
    ru: 'слово'
    timeout: 0.5
  - id: other
    zh: '１'
"""


def test_a_rule_that_spends_its_run_budget_is_switched_off_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # Each search stays under its timeout, but a rule that costs 0.3 s of
    # CPU a paragraph would make the run grow with paragraphs times
    # timeout: past twice its timeout (plus 1 s a million characters) it
    # is one PAT002 and stops.  A fake CPU clock makes every search of
    # "word" cost 0.3 s, and the others nothing.
    import ruconsist.checks.patterns as check

    cpu = [0.0]
    calls: list[str] = []
    real = check.run_rule

    def costly(rule, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(rule.id)
        if rule.id == "word":
            cpu[0] += 0.3
        return real(rule, *args, **kwargs)

    monkeypatch.setattr(check, "run_rule", costly)
    monkeypatch.setattr(check.time, "thread_time", lambda: cpu[0])
    ru = "\n\n".join(f"Абзац {i}: слово." for i in range(8))
    zh = "\n\n".join(f"第{i}段：１。" for i in range(8))
    diags = lint_texts(ru, zh, rules=rules_from(SLOWISH), select=["PAT"])
    lines = [(d.location.line, d.code, d.rule) for d in diags if d.rule == "word"]
    # 0.3, 0.6, 0.9, then 1.2 s > 1 s: the fourth paragraph is the last
    # searched (its PAT002 spans the paragraph, so comes first).
    assert lines == [(1, "PAT001", "word"), (3, "PAT001", "word"), (5, "PAT001", "word"),
                     (7, "PAT002", "word"), (7, "PAT001", "word")]
    [over] = [d for d in diags if d.code == "PAT002"]
    assert over.severity.label == "error"
    assert "pattern rule 'word' (house-test.yaml:4) has taken 1.2 s of CPU" in over.message
    assert "switched off for the rest of the run" in over.message
    # Not searched again; the other rule goes on over every paragraph.
    assert calls.count("word") == 4
    assert [d.location.line for d in diags if d.rule == "other"] == [1, 3, 5, 7, 9, 11, 13, 15]


# Values ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def number_rules(numbers_pack) -> RuleSet:
    return RuleSet([numbers_pack])


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("5", "ru", 5),
        ("1 000", "ru", 1000),
        ("12,5", "ru", Fraction(25, 2)),
        ("12.5", "zh", Fraction(25, 2)),
        ("XX", "ru", 20),
        ("ХХ", "ru", 20),  # Cyrillic look-alikes
        ("XIX", "ru", 19),
        ("20-го", "ru", 20),
        ("третьего", "ru", 3),
        ("двадцать пятый", "ru", 25),
        ("二十", "zh", 20),
        ("第五", "zh", 5),
        ("一百零五", "zh", 105),
        ("二〇二六", "zh", 2026),
        ("１５", "zh", 15),
        # Not numbers: a word, a lower-case "х".
        ("докладе", "ru", None),
        ("х", "ru", None),
    ],
)
def test_number_value(number_rules, text, lang, value) -> None:
    assert number_value(text, lang, number_rules) == value


@pytest.mark.parametrize(
    ("text", "value"), [("XIV", 14), ("MCMXCIX", 1999), ("ХХI", 21), ("xx", None), ("VX", None), ("", None)]
)
def test_roman_value(text, value) -> None:
    assert roman_value(text) == value


@pytest.mark.parametrize(
    ("n", "zh"),
    [(5, "五"), (10, "十"), (20, "二十"), (105, "一百零五"), (110, "一百一十"), (1005, "一千零五"),
     (2231, "二千二百三十一"), (100000, "十万"), (10005, "一万零五")],
)
def test_to_chinese(n, zh) -> None:
    assert to_chinese(n) == zh


# The prefilter admits a rule by the literals of its gate; a rule it
# leaves out must be one that run_rule would have found nothing for.
PREFILTER_PAIRS = [
    ("В 1990-е годы экономика росла.", "20世纪90年代经济增长。"),
    ("См. пункт 5 статьи 3 Устава.", "见《宪章》第三条第五款。"),
    ("Самолёт Ту-214 приземлился в Пекине.", "图-214飞机在北京降落。"),
    ("Доклад «Мир в 2030 году» вышел вчера.", "《2030年的世界》报告昨天发布。"),
    ("Просто фраза без чисел.", "没有数字的句子。"),
]


@pytest.mark.parametrize("ru, zh", PREFILTER_PAIRS)
def test_prefilter_admits_every_rule_that_can_match(ru: str, zh: str) -> None:
    from ruconsist.patterns import effective_patterns, prefilter, run_rule
    from ruconsist.rules import load_rules

    rules = load_rules()
    texts = {"ru": ru, "zh": zh}
    admitted = list(prefilter(rules).admitted(texts))
    everything = effective_patterns(rules)
    assert admitted == [r for r in everything if r in admitted]  # in the rules' order
    for rule in everything:
        if rule not in admitted:
            # Not even a source side's pattern matches, so nothing to check.
            assert all(rule.pattern(lang).search(texts[lang]) is None for lang in rule.sources()), rule.id
            assert run_rule(rule, texts, rules) == [], rule.id
    assert len(admitted) < len(everything)
