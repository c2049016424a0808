"""Rule packs are untrusted data: every error names the file and line."""

from __future__ import annotations

import pytest

from ruconsist.errors import RuleError
from ruconsist.rules import load_pack_text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("terms:\n  - id: a\n    ru: [Путин]\n    zh: [普京]\n    categry: name\n",
         "p.yaml:5: unknown key 'categry' in term (did you mean 'category'?)"),
        ("terms:\n  - id: a\n    category: person\n    ru: [Путин]\n    zh: [普京]\n",
         "p.yaml:3: term 'a': category must be one of name, place, organization, title, term, not 'person'"),
        ("terms:\n  - id: a\n    ru: [Путин]\n    zh: [普京]\n  - id: a\n    ru: [Лавров]\n    zh: [拉夫罗夫]\n",
         "p.yaml:5: duplicate term id 'a' (first at line 2)"),
        ("terms:\n  - id: a\n    ru: ['  ']\n    zh: [普京]\n", "p.yaml:3: term 'a': ru has an empty form"),
        ("terms:\n  - id: a\n    ru: [Путин]\n", "p.yaml:2: term 'a' has no 'zh' forms"),
        ("terms:\n  - ru: [Путин]\n    zh: [普京]\n", "p.yaml:2: term needs an 'id' (a non-empty string)"),
        ("terms:\n  - id: a\n    ru: [1]\n    zh: [普京]\n", "p.yaml:3: term 'a': ru must hold strings, found int"),
        ("terms:\n  - id: a\n    ru: [Путин]\n    zh: [普京]\n    severity: fatal\n",
         "p.yaml:5: term 'a': severity must be one of error, warning, info, not 'fatal'"),
        ("terms: {id: a}\n", "p.yaml:1: 'terms' must be a list"),
        ("version: 2\n", "p.yaml:1: unsupported rule pack version 2 (expected 1)"),
        ("term:\n  - id: a\n", "p.yaml:1: unknown key 'term' in rule pack (did you mean 'terms'?)"),
        ("terms:\n  - id: a\n    ru: [Путин\n", "p.yaml:4: invalid YAML: did not find expected ',' or ']'"),
        ("a: 1\na: 2\n", "p.yaml:2: duplicate key 'a'"),
        ("- just\n- a list\n", "p.yaml:1: a rule pack must be a mapping at the top level"),
        ("x: !!python/object/apply:os.system ['echo hacked']\n",
         "p.yaml:1: invalid YAML: could not determine a constructor for the tag"
         " 'tag:yaml.org,2002:python/object/apply:os.system'"),
    ],
)
def test_schema_errors_name_file_and_line(text: str, message: str) -> None:
    with pytest.raises(RuleError) as exc:
        load_pack_text(text, "p.yaml")
    assert str(exc.value) == message


def test_alias_bombs_are_refused_quickly() -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 12):
        prev = chr(ord("a") + i - 1)
        cur = chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]")
    with pytest.raises(RuleError, match="expands to more than"):
        load_pack_text("\n".join(lines) + "\n", "p.yaml")


def test_a_valid_pack_loads_with_positions() -> None:
    pack = load_pack_text(
        "version: 1\npack: mine\nterms:\n  - id: putin\n    category: name\n"
        "    ru: [Владимир Путин, Путин]\n    zh: [弗拉基米尔·普京, 普京]\n"
        "    accept: {ru: [президент России], zh: [俄罗斯总统]}\n    forbidden: {zh: [普丁]}\n",
        "mine.yaml",
    )
    (term,) = pack.terms
    assert (pack.name, term.id, term.line, term.where) == ("mine", "putin", 4, "mine.yaml:4")
    assert term.accept_zh == ("俄罗斯总统",) and term.forbidden_zh == ("普丁",)


# Every key of a pack is checked when it loads, vocabulary sections too:
# a typo is an error, never a silently ignored key.
@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("vocab:\n  transliteration:\n    feminine_endingz: {ов: ова}\n",
         "p.yaml:3: unknown key 'feminine_endingz' in vocab.transliteration (did you mean 'feminine_endings'?)"),
        ("vocab:\n  dates:\n    month_abbreviations:\n      ru: {9: [сент]}\n      zhh: {9: [九]}\n",
         "p.yaml:5: unknown language 'zhh' in vocab.dates.month_abbreviations (did you mean 'zh'?)"),
        ("vocab:\n  times:\n    periods:\n      mornin: {ru: [утра]}\n",
         "p.yaml:4: unknown period 'mornin' in vocab.times.periods (did you mean 'morning'?)"),
        ("vocab:\n  relative_dates:\n    days: {ru: {-1: [вчера]}}\n",
         "p.yaml:3: unknown unit 'days' in vocab.relative_dates (did you mean 'day'?)"),
        ("vocab:\n  entities:\n    institution_head: [会议]\n",
         "p.yaml:3: unknown key 'institution_head' in vocab.entities (did you mean 'institution_heads'?)"),
        ("vocab:\n  numbers:\n    zh:\n      digits: [一]\n",
         "p.yaml:4: vocab.numbers.zh.digits must map characters to values"),
        ("vocab:\n  times:\n    zones:\n      - {id: msk, offset: 30}\n",
         "p.yaml:4: vocab.times.zones.offset is hours east of UTC (-12 to 14), or null for local time"),
        ("vocab:\n  dates:\n    datelines:\n      ru: '^МОСКВА, (?P<dat>.+)'\n",
         "p.yaml:4: vocab.dates.datelines.ru needs a group (?P<date>...)"),
        ("vocab: [dates]\n", "p.yaml:1: 'vocab' must be a mapping"),
        ("patterns:\n  - id: a\n    zh: x\n    flags: [ignorcase]\n",
         "p.yaml:4: pattern 'a': flags holds an unknown flag 'ignorcase'"
         " (use ignorecase, multiline, dotall, verbose) (did you mean 'ignorecase'?)"),
        ("terms:\n  - id: a\n    ru: [Путин]\n    zh: [普京]\n    examples: {pass: [{ru: a, zh: b, code: [X1]}]}\n",
         "p.yaml:5: unknown key 'code' in examples (did you mean 'codes'?)"),
    ],
)
def test_every_key_of_a_pack_is_checked_on_load(text: str, message: str) -> None:
    with pytest.raises(RuleError) as exc:
        load_pack_text(text, "p.yaml")
    assert str(exc.value) == message


def test_a_vocabulary_section_no_check_reads_is_refused_by_the_run() -> None:
    from ruconsist.config import Config
    from ruconsist.engine import Linter
    from ruconsist.rules import RuleSet

    pack = load_pack_text("version: 1\nvocab:\n  datez: {}\n", "p.yaml")
    with pytest.raises(RuleError) as exc:
        Linter(Config(), rules=RuleSet([pack]))
    assert str(exc.value) == "p.yaml:3: unknown vocabulary section 'datez' (did you mean 'dates'?) (no check reads it)"


def test_a_plugin_check_declares_its_vocabulary_section_with_a_schema() -> None:
    from ruconsist import hookimpl
    from ruconsist.checks.base import Check
    from ruconsist.config import Config
    from ruconsist.engine import Linter
    from ruconsist.plugins import get_plugin_manager
    from ruconsist.rules import RuleSet
    from ruconsist.schema import ListOf, Str

    class YoNames(Check):
        code, slug, category = "YON001", "yo-names", "style"
        vocab = {"yo-names": ListOf(Str(empty=False))}

    class Plugin:
        @hookimpl
        def ruconsist_register_checks(self, register):  # type: ignore[no-untyped-def]
            register(YoNames)

    pm = get_plugin_manager(load_entrypoints=False)
    pm.register(Plugin(), name="yo")
    good = load_pack_text("vocab:\n  yo-names: [Хрущёв]\n", "p.yaml")
    assert Linter(Config(), pm=pm, rules=RuleSet([good])).rules.packs == [good]
    bad = load_pack_text("vocab:\n  yo-names: [Хрущёв, 5]\n", "p.yaml")
    with pytest.raises(RuleError) as exc:
        Linter(Config(), pm=pm, rules=RuleSet([bad]))
    assert str(exc.value) == "p.yaml:2: vocab.yo-names must be a string"


def test_the_readers_of_the_vocabulary_use_the_schema_keys() -> None:
    from ruconsist import packschema
    from ruconsist.lang import numbers, times

    assert tuple(times.PERIOD_KINDS) == packschema.TIME_PERIODS
    assert times.DAY == packschema.MINUTES_IN_DAY
    assert numbers.VALUED <= set(packschema.NUMBERS_RU) | set(packschema.NUMBERS_ZH)
    assert numbers.MAPPINGS <= set(packschema.NUMBERS_ZH)


def test_a_misspelt_vocabulary_section_fails_the_run_with_exit_2(tmp_path, monkeypatch) -> None:
    from ruconsist.cli import main

    (tmp_path / "p.yaml").write_text("version: 1\nvocab:\n  datez: {}\n", encoding="utf-8")
    (tmp_path / "a.ru.md").write_text("Текст.\n", encoding="utf-8")
    (tmp_path / "a.zh.md").write_text("文本。\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "a.ru.md", "--rules", "p.yaml"]) == 2


def test_a_key_left_empty_stands_for_an_empty_list() -> None:
    # A pack whose entries are all commented out, a term's empty accept:.
    pack = load_pack_text(
        "version: 1\nterms:\n#  - id: a\npatterns:\nvocab:\n", "p.yaml"
    )
    assert (pack.terms, pack.sections.get("patterns"), pack.vocab) == ([], [], {})
    pack = load_pack_text("terms:\n  - id: a\n    ru: [Путин]\n    zh: [普京]\n    accept:\n    examples:\n", "p.yaml")
    assert (pack.terms[0].accept_ru, pack.terms[0].examples) == ((), ())
