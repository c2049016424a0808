"""The one-pass search for many strings finds what searching for each
string finds, with the native automaton and with the pure-Python scan
(the path taken where the optional wheel is not installed).  The Chinese
term scan and the pattern rules' prefilter give the same answers on both
paths."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ruconsist import multisearch
from ruconsist.multisearch import Literals

NATIVE = multisearch.native_module() is not None
BACKENDS = [
    pytest.param("native", marks=pytest.mark.skipif(not NATIVE, reason="ahocorasick_rs not installed")),
    "python",
]


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "python":
        monkeypatch.setenv(multisearch.PURE_PYTHON_ENV, "1")
    else:
        monkeypatch.delenv(multisearch.PURE_PYTHON_ENV, raising=False)
    return str(request.param)


def every_occurrence(strings: list[str], text: str) -> list[tuple[int, int]]:
    """The reference: each string looked for at every position."""
    return sorted(
        (i, i + len(s)) for s in set(strings) if s for i in range(len(text)) if text.startswith(s, i)
    )


STRINGS = ["中国", "中国人民", "国人", "发展中国家", "G20", "G", "5G", "普京", "京", "Москв", "ск"]
TEXTS = [
    ("中国人民和美国人民", [(0, 2), (0, 4), (1, 3), (6, 8)]),
    ("发展中国家与中国", [(0, 5), (2, 4), (6, 8)]),
    ("G20和5G", [(0, 1), (0, 3), (4, 6), (5, 6)]),
    ("普京在莫斯科对Москве说", [(0, 2), (1, 2), (7, 12), (9, 11)]),
    ("没有", []),
    # A lone surrogate (text decoded with surrogateescape) cannot go to
    # the native search: the pure-Python scan reads it.
    ("中国\ud800人", [(0, 2)]),
    ("", []),
]


@pytest.mark.parametrize(("text", "spans"), TEXTS)
def test_every_occurrence_is_found_overlaps_included(backend: str, text: str, spans: list[tuple[int, int]]) -> None:
    literals = Literals(STRINGS)
    assert literals.native == (backend == "native")
    assert sorted(literals.spans(text)) == spans == every_occurrence(STRINGS, text)
    assert literals.present(text) == {text[a:b] for a, b in spans}


def test_no_strings_find_nothing(backend: str) -> None:
    assert Literals([]).spans("中国") == []
    assert Literals(["", ""]).present("中国") == set()


def test_a_pickled_search_carries_its_strings_not_its_automaton(backend: str) -> None:
    import pickle

    literals = Literals(STRINGS)
    literals.spans("中国")
    again = pickle.loads(pickle.dumps(literals))
    assert again.strings == literals.strings
    assert sorted(again.spans("中国人")) == [(0, 2), (1, 3)]


@settings(max_examples=200, deadline=None)
@given(
    strings=st.lists(st.text(alphabet="中国人民Gg2аб", min_size=1, max_size=4), min_size=1, max_size=8),
    text=st.text(alphabet="中国人民Gg2аб ", max_size=30),
)
def test_search_agrees_with_searching_each_string(strings: list[str], text: str) -> None:
    for pure in ("1", ""):
        with pytest.MonkeyPatch.context() as mp:
            mp.setenv(multisearch.PURE_PYTHON_ENV, pure)
            literals = Literals(strings)
            assert sorted(literals.spans(text)) == every_occurrence(strings, text)
            assert literals.present(text) == {s for s in strings if s in text}


ZH_FORMS = ["中国", "中国人民", "美国", "G20", "5G", "A股", "普京", "俄罗斯", "俄罗斯总统", "米莱", "发展中国家"]
ZH_TEXTS = ["中国人民和美国人民", "发展中国家与中国", "G20峰会与G200、5G网络、A股和AB股", "俄罗斯总统普京，俄罗斯", "米莱斯与米莱", ""]


@pytest.mark.parametrize("text", ZH_TEXTS)
def test_chinese_term_scan_reads_like_one_regex_alternation_on_either_path(backend: str, text: str) -> None:
    import regex

    from ruconsist.rules import Term
    from ruconsist.terms import PRIMARY, ZhIndex

    terms = [Term(id=f"t{i}", category="name", ru=(), zh=(form,)) for i, form in enumerate(ZH_FORMS)]
    index = ZhIndex([(t, PRIMARY, t.zh[0]) for t in terms])
    pattern = regex.compile(index.source)
    for overlapped in (False, True):
        expected = [(m.start(), m.group()) for m in pattern.finditer(text, overlapped=overlapped)]
        assert index._scan(text, overlapped) == expected


PREFILTER_TEXTS = [
    ("Встреча прошла 4 февраля 2026 года в Москве.", "会谈于2026年2月4日在莫斯科举行。"),
    ("Цена выросла на 5%.", "价格上涨了5%。"),
    ("Без цифр.", "没有数字。"),
]


@pytest.mark.parametrize(("ru", "zh"), PREFILTER_TEXTS)
def test_pattern_prefilter_admits_the_same_rules_on_either_path(backend: str, ru: str, zh: str) -> None:
    from ruconsist.patterns import Prefilter, effective_patterns
    from ruconsist.rules import load_rules

    rules = effective_patterns(load_rules())
    texts = {"ru": ru, "zh": zh}
    admitted = list(Prefilter(rules).admitted(texts))
    # Each rule's own gate, tested one rule at a time.
    expected = [
        r for r in rules
        if any(r.gates[lang] is None or any(s in texts[lang] for s in r.gates[lang]) for lang in r.sources())
    ]
    assert admitted == expected
