"""Rules that test themselves: every shipped example passes, and a broken
example is reported (by ``rules test`` and when the pack loads)."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

import pytest

from ruconsist import selftest
from ruconsist.config import Config
from ruconsist.engine import Linter
from ruconsist.errors import RuleError
from ruconsist.patterns import effective_patterns
from ruconsist.rules import RuleSet, default_pack_paths, load_pack, load_pack_text, load_rules

REPO = Path(__file__).resolve().parent.parent
SHIPPED = [p.name for p in default_pack_paths()]


@pytest.fixture(scope="module")
def shipped_rules() -> RuleSet:
    return load_rules()


@pytest.fixture(scope="module")
def numbers_pack():
    return load_pack(REPO / "rules" / "numbers.yaml", display="rules/numbers.yaml")


@pytest.mark.parametrize("name", SHIPPED)
def test_every_example_of_a_shipped_pack_passes(shipped_rules, name) -> None:
    # Each pack runs with every shipped pack loaded, as `ruconsist check`
    # runs it; a pack added to rules/ is picked up without editing this.
    [pack] = [p for p in shipped_rules.packs if p.path == f"rules/{name}"]
    report = selftest.run_selftest(shipped_rules, [pack])
    failures = [f"{r.where}: {r.kind} '{r.rule}': {r.problem}" for r in report.failures]
    problems = [f"{p}:{n}: {m}" for p, n, m in report.problems]
    assert failures + problems == []


def test_house_pack_has_thirty_rules_with_pass_and_fail_examples(shipped_rules) -> None:
    house = [r for r in effective_patterns(shipped_rules) if r.pack == "house"]
    assert len(house) >= 30
    lacking = [
        r.id
        for r in house
        if not any(e.expect_pass for e in r.examples) or not any(not e.expect_pass for e in r.examples)
    ]
    assert lacking == []


BROKEN = r"""
version: 1
pack: broken
terms:
  - id: lavrov
    category: name
    ru: [Сергей Лавров, Лавров]
    zh: [谢尔盖·拉夫罗夫, 拉夫罗夫]
    examples:
      pass:
        - {ru: 'Лавров прибыл в Пекин.', zh: '拉夫罗夫抵达北京。'}
        - {ru: 'Лавров прибыл в Пекин.', zh: '外长抵达北京。'}
      fail:
        - {ru: 'Лавров прибыл в Пекин.', zh: '外长抵达北京。', codes: [TRM001]}
patterns:
  - id: article-ref
    ru: 'ст\.\s*(?P<n>\d+)'
    zh: '第(?P<n>[0-9一二三四五六七八九十]+)条'
    captures: {n: number}
    direction: ru->zh
    examples:
      pass:
        - {ru: 'согласно ст. 5', zh: '根据第五条'}
      fail:
        - {ru: 'согласно ст. 5', zh: '根据第六条'}
        - {ru: 'согласно ст. 5', zh: '根据第五条'}
  - id: titles-only
    ru: '«[^»]+»'
    zh: '《[^》]+》'
    direction: ru->zh
    scope: titles
    examples:
      fail:
        - {ru: 'Договор «Об обороне»', zh: '国防条约'}
vocab:
  numbers:
    ru:
      cardinals:
        - value: 5
          forms: [пять]
          examples:
            fail:
              - {ru: 'Погибли 5 человек.', zh: '6人遇难。', codes: [NUM001]}
              - {ru: 'Погибли 5 человек.', zh: '5人遇难。', codes: [NUM001]}
"""


@pytest.fixture(scope="module")
def broken_report(numbers_pack):
    pack = load_pack_text(BROKEN, "broken.yaml")
    return selftest.run_selftest(RuleSet([numbers_pack, pack]), [pack])


def test_broken_examples_are_reported_with_their_lines(broken_report) -> None:
    got = [(r.kind, r.rule, r.line, r.ok) for r in broken_report.results]
    assert got == [
        ("term", "lavrov", 11, True),
        ("term", "lavrov", 12, False),
        ("term", "lavrov", 14, True),
        ("pattern", "article-ref", 23, True),
        ("pattern", "article-ref", 25, True),
        ("pattern", "article-ref", 26, False),
        # A titles-only rule's examples are linted as titles.
        ("pattern", "titles-only", 34, True),
        ("vocab", "numbers.ru.cardinals[0] (value 5)", 43, True),
        ("vocab", "numbers.ru.cardinals[0] (value 5)", 44, False),
    ]


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        (12, "pass example gives TRM001 RU 'Лавров' has no counterpart in ZH"),
        (26, "fail example does not give PAT001 (no finding at all)"),
        (44, "fail example does not give NUM001 (no finding at all)"),
    ],
)
def test_broken_example_says_what_went_wrong(broken_report, line, problem) -> None:
    [result] = [r for r in broken_report.results if r.line == line]
    assert result.problem.startswith(problem)


def test_report_lists_rules_without_examples(numbers_pack) -> None:
    pack = load_pack_text("version: 1\npatterns:\n  - {id: bare, zh: '１'}\n", "bare.yaml")
    report = selftest.run_selftest(RuleSet([numbers_pack, pack]), [pack])
    assert [(u.kind, u.rule, u.line) for u in report.untested] == [("pattern", "bare", 3)]
    assert report.ok


def test_pattern_borrowing_a_builtin_code_is_a_problem(numbers_pack) -> None:
    text = (
        "version: 1\npatterns:\n  - id: clash\n    zh: '１'\n    code: TRM001\n"
        "    examples: {fail: [{ru: 'Один.', zh: '１。', codes: [TRM001]}]}\n"
    )
    pack = load_pack_text(text, "clash.yaml")
    rules = RuleSet([numbers_pack, pack])
    report = selftest.run_selftest(rules, [pack])
    message = (
        "pattern 'clash' uses code TRM001, which the built-in check term-missing reports;"
        " choose a code of its own"
    )
    assert report.problems == [("clash.yaml", 5, message)]


@pytest.mark.parametrize(
    ("glob", "path"),
    [("news/**/*.md", "news/x/x.md"), ("*.ru.txt", "x.ru.txt"), ("doc?/[ab]*.po", "docx/ax.po"),
     ("[!x]*.md", "xx.md")],
)
def test_sample_path_names_a_file_the_glob_matches(glob, path) -> None:
    assert selftest.sample_path(glob) == path


# The command -----------------------------------------------------------------


def run_command(argv: list[str]) -> tuple[int, str]:
    parser = argparse.ArgumentParser()
    selftest.add_arguments(parser)
    args = parser.parse_args(argv)
    out, err = io.StringIO(), io.StringIO()
    code = selftest.cmd_rules_test(args, out, err)
    return code, out.getvalue()


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    # No configuration file of the checkout may leak into the command.
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("RUCONSIST_NO_CACHE", "1")
    return tmp_path


def test_rules_test_command_fails_on_a_broken_pack(in_tmp) -> None:
    (in_tmp / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    code, out = run_command(["broken.yaml", "--no-plugins"])
    assert code == 1
    assert "broken.yaml:12: FAIL term 'lavrov': pass example gives TRM001" in out
    assert "broken.yaml:26: FAIL pattern 'article-ref': fail example does not give PAT001" in out
    assert out.splitlines()[-1] == "9 examples of 4 rules in 1 pack: 6 passed, 3 failed"


def test_rules_test_command_passes_a_good_pack_and_speaks_json(in_tmp) -> None:
    good = "\n".join(line for i, line in enumerate(BROKEN.splitlines(), start=1) if i not in (12, 26, 44))
    (in_tmp / "good.yaml").write_text(good + "\n", encoding="utf-8")
    code, out = run_command(["good.yaml", "--no-plugins", "--format", "json"])
    data = json.loads(out)
    assert (code, data["ok"], data["examples"], data["failed"]) == (0, True, 6, 0)


def test_rules_test_command_tests_a_shipped_pack_where_it_stands(in_tmp) -> None:
    # Naming a shipped pack must not load it a second time over itself.
    code, out = run_command([str(REPO / "rules" / "house.yaml"), "--no-plugins"])
    assert code == 0
    assert " rules in 1 pack: " in out.splitlines()[-1]


def test_rules_test_command_names_a_missing_pack(in_tmp) -> None:
    with pytest.raises(RuleError, match="rule pack not found"):
        run_command(["nowhere.yaml"])


# On load -----------------------------------------------------------------------


def user_linter(tmp_path: Path, text: str, *, strict: bool = False) -> Linter:
    pack = tmp_path / "mine.yaml"
    pack.write_text(text, encoding="utf-8")
    return Linter(Config(rules=(str(pack),), strict_rules=strict))


def test_failing_user_example_is_a_warning_when_the_pack_loads(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("RUCONSIST_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("RUCONSIST_NO_CACHE", raising=False)
    lint = user_linter(tmp_path, BROKEN)
    err = io.StringIO()
    report = selftest.verify_on_load(lint, err)
    assert report is not None and len(report.failures) == 3
    lines = err.getvalue().splitlines()
    assert len(lines) == 3
    assert lines[0].endswith("mine.yaml:12: warning: term 'lavrov': pass example gives TRM001"
                             " RU 'Лавров' has no counterpart in ZH (expected 谢尔盖·拉夫罗夫 or 拉夫罗夫)")

    # The second load of the same packs reads the stored result instead of
    # linting the examples again.
    def must_not_run(*a, **kw):
        raise AssertionError("examples run again for unchanged packs")

    monkeypatch.setattr(selftest, "run_selftest", must_not_run)
    err2 = io.StringIO()
    selftest.verify_on_load(user_linter(tmp_path, BROKEN), err2)
    assert err2.getvalue() == err.getvalue()


def test_strict_rules_makes_a_failing_example_fatal(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("RUCONSIST_NO_CACHE", "1")
    lint = user_linter(tmp_path, BROKEN, strict=True)
    with pytest.raises(RuleError) as info:
        selftest.verify_on_load(lint, io.StringIO())
    assert info.value.line == 12
    assert info.value.message.startswith("3 rule examples fail (strict-rules); first: term 'lavrov'")


def test_shipped_packs_alone_are_not_tested_on_load(monkeypatch) -> None:
    # Their examples run in this test suite; a run with no pack of the
    # user's own costs nothing.
    def must_not_run(*a, **kw):
        raise AssertionError("shipped examples run on load")

    monkeypatch.setattr(selftest, "run_selftest", must_not_run)
    assert selftest.verify_on_load(Linter(Config()), io.StringIO()) is None


VOCAB_EXAMPLES = """version: 1
pack: house-vocab
vocab:
  numbers:
    ru:
      magnitudes:
        - factor: 1000000
          forms: [лимон, лимона, лимонов]
          examples:
            pass:
              - {ru: 'Сделка на 3 лимона рублей.', zh: '交易金额300万卢布。'}
            fail:
              - {ru: 'Сделка на 3 лимона рублей.', zh: '交易金额3万卢布。', codes: [NUM002]}
    units:
      - dimension: length
        factor: 1066.8
        ru: [верста, версты, верст]
        zh: [俄里]
        examples:
          pass:
            - {ru: 'До станции 5 верст.', zh: '距车站5俄里。'}
  dates:
    month_abbreviations:
      ru:
        9: [сентбр]
      examples:
        pass:
          - {ru: 'Москва, 4 сентбр. 2026 года.', zh: '2026年9月4日，莫斯科。'}
        fail:
          - {ru: 'Москва, 4 сентбр. 2026 года.', zh: '2026年10月4日，莫斯科。', codes: [DAT001]}
"""


def test_examples_on_vocabulary_entries_load_and_run(shipped_rules) -> None:
    # The number and date validators accept ``examples`` wherever
    # ``rules test`` looks for them: a house word comes with its proof.
    pack = load_pack_text(VOCAB_EXAMPLES, "house-vocab.yaml")
    report = selftest.run_selftest(RuleSet([*shipped_rules.packs, pack]), [pack])
    got = [(r.kind, r.rule, r.line, r.ok) for r in report.results]
    assert got == [
        ("vocab", "numbers.ru.magnitudes[0] (factor 1000000)", 11, True),
        ("vocab", "numbers.ru.magnitudes[0] (factor 1000000)", 13, True),
        ("vocab", "numbers.units[0] (factor 1066.8)", 21, True),
        ("vocab", "dates.month_abbreviations", 28, True),
        # Only read with the new abbreviation: the check must see the date.
        ("vocab", "dates.month_abbreviations", 30, True),
    ]
