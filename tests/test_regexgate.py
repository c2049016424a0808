"""The literal gate in front of pattern rules: what it requires, and that
it never turns away a text the pattern matches."""

from __future__ import annotations

import re

import pytest
import regex

from ruconsist.patterns import effective_patterns
from ruconsist.speed.regexgate import admits, gate
from ruconsist.rules import load_rules

GATES = [
    (r"第(?P<n>[0-9一二三四五六七八九十]+)届", ("第",)),
    (r"美元|美金|\$|(?<![A-Za-z])USD(?![A-Za-z])", ("美元", "美金", "$", "USD")),
    (r"[Дд]оговор(?:а|у|ом|е)?", ("оговор",)),
    (r"(?<!\p{L})руб\.|₽", ("руб.", "₽")),
    (r"[%％]|百分之", ("%", "％", "百分之")),
    (r"(?:https?://|www\.)\S+", ("http", "www.")),
    # Nothing certain: an optional part, a look-around only, a negated
    # set, a fuzzy constraint the standard parser would read as text.
    (r"(?:第)?\d+", None),
    (r"(?=USD)\w+", None),
    (r"[^а-я]+", None),
    (r"(?:договор){e<=1}", None),
    (r"\m\w+\M", None),
    (r"a|\d", None),
]


@pytest.mark.parametrize(("pattern", "expected"), GATES)
def test_gate_names_only_text_every_match_holds(pattern: str, expected) -> None:
    assert gate(pattern, 0) == expected


def test_case_folding_gives_no_gate() -> None:
    assert gate(r"договор", re.IGNORECASE) is None
    assert gate(r"договор", regex.FULLCASE) is None
    assert gate(r"договор", re.MULTILINE) == ("договор",)


def _texts() -> list[str]:
    rules = load_rules()
    out = []
    for pack in rules.packs:
        for rule in pack.sections.get("patterns") or ():
            for example in rule.examples:
                out += [example.ru, example.zh]
    return out


def test_no_shipped_rule_is_gated_away_from_a_text_it_matches() -> None:
    # Every example of every shipped pattern rule, against every pattern:
    # a text the gate turns away must hold no match.
    texts = _texts()
    assert len(texts) > 200
    checked = 0
    for rule in effective_patterns(load_rules()):
        for lang in ("ru", "zh"):
            pattern = rule.pattern(lang)
            if pattern is None:
                continue
            strings = gate(pattern.pattern, pattern.flags & ~regex.VERSION0)
            for text in texts:
                if not admits(strings, text):
                    checked += 1
                    assert pattern.search(text) is None, (rule.id, lang, text)
    assert checked > 1000
