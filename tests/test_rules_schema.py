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
         "p.yaml:3: term 'a': category must be one of name, place, organization, title, term"),
        ("terms:\n  - id: a\n    ru: [Путин]\n    zh: [普京]\n  - id: a\n    ru: [Лавров]\n    zh: [拉夫罗夫]\n",
         "p.yaml:5: duplicate term id 'a' (first at line 2)"),
        ("terms:\n  - id: a\n    ru: ['  ']\n    zh: [普京]\n", "p.yaml:3: term 'a': ru has an empty form"),
        ("terms:\n  - id: a\n    ru: [Путин]\n", "p.yaml:2: term 'a' has no 'zh' forms"),
        ("terms:\n  - ru: [Путин]\n    zh: [普京]\n", "p.yaml:2: term needs an 'id' (a non-empty string)"),
        ("terms:\n  - id: a\n    ru: [1]\n    zh: [普京]\n", "p.yaml:3: term 'a': ru must hold strings, found int"),
        ("terms:\n  - id: a\n    ru: [Путин]\n    zh: [普京]\n    severity: fatal\n",
         "p.yaml:5: term 'a': severity must be error, warning or info"),
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
