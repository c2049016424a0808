"""Property tests for the extractors and the format readers: arbitrary
text never raises (a malformed file is an InputError, nothing else),
every span lies inside the text, and normalising is idempotent."""

from __future__ import annotations


import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ruconsist.config import Config
from ruconsist.document import Document
from ruconsist.errors import InputError
from ruconsist.lang import dates, numbers
from ruconsist.lang.palladius import compare
from ruconsist.rules import load_rules
from tests.conftest import fuzz_examples

EXAMPLES = fuzz_examples(50)
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces that the extractors react to, mixed with arbitrary text.
PIECES = st.sampled_from(
    [
        "1,5 млн", "150万", "полтора", "一个半", "25 %", "百分之二十五", "4 февраля 2026 года", "2026年2月4日",
        "во вторник", "周三", "с 1 по 3 июля", "7月1日至3日", "１５０", "3 000", "1.085亿", "двух", "两",
        "Си Цзиньпин", "习近平", "Шэньчжэнь", "深圳", "第三", "四天", "80-летие", "ст. 5", "第五条",
        "-", "–", ",", ".", "·", " ", "\n", "年", "月", "日", "млрд", "тыс.",
    ]
)
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=6)), max_size=25).map("".join)


@pytest.fixture(scope="module")
def rules():
    return load_rules(defaults=False)


@SETTINGS
@given(text=TEXT, lang=st.sampled_from(["ru", "zh"]))
def test_number_mentions_lie_inside_the_text(rules, text: str, lang: str) -> None:
    from ruconsist.checks.numbers import number_vocab

    vocab = number_vocab(rules)
    for m in numbers.extract_numbers(text, lang, vocab):
        assert 0 <= m.start < m.end <= len(text)


@SETTINGS
@given(text=st.text(max_size=80), lang=st.sampled_from(["ru", "zh"]))
def test_number_normalising_keeps_length_and_is_idempotent(text: str, lang: str) -> None:
    once = numbers.normalise(text, lang)
    assert len(once) == len(text)
    assert numbers.normalise(once, lang) == once


@SETTINGS
@given(text=TEXT, lang=st.sampled_from(["ru", "zh"]))
def test_date_mentions_lie_inside_the_text(rules, text: str, lang: str) -> None:
    vocab = dates.vocab_for(rules)
    for m in dates.extract(text, lang, vocab):
        assert 0 <= m.start < m.end <= len(text)


@SETTINGS
@given(text=st.text(max_size=80))
def test_date_normalising_is_idempotent(text: str) -> None:
    once = dates.normalize(text)
    assert dates.normalize(once) == once


@SETTINGS
@given(ru=TEXT, zh=TEXT)
def test_palladius_findings_point_at_their_names(ru: str, zh: str) -> None:
    for f in compare(ru, zh):
        assert 0 <= f.ru_start < f.ru_end <= len(ru)
        assert 0 <= f.zh_start < f.zh_end <= len(zh)


def _readers():
    from ruconsist.readers.locale import JsonLocaleReader, YamlLocaleReader
    from ruconsist.readers.po import PoReader
    from ruconsist.readers.subtitles import SubtitleReader
    from ruconsist.readers.tmx import TmxReader
    from ruconsist.readers.xliff import XliffReader

    return [PoReader, JsonLocaleReader, YamlLocaleReader, SubtitleReader, TmxReader, XliffReader]


FORMAT_TEXT = st.lists(
    st.one_of(
        st.sampled_from(
            ['msgid "', 'msgstr "', '"\n', '{"a": "', '"}', "a:\n  b: ", "00:00:01,000 --> 00:00:02,000\n",
             "WEBVTT\n\n", "<tu><tuv xml:lang=\"ru\"><seg>", "</seg></tuv></tu>", "<xliff version=\"1.2\">",
             "Путин", "普京", "\n\n", "%s", "{{count}}"]
        ),
        st.text(max_size=5),
    ),
    max_size=30,
).map("".join)


@SETTINGS
@given(text=FORMAT_TEXT, lang=st.sampled_from(["ru", "zh", None]))
def test_format_readers_raise_only_input_errors(text: str, lang: str | None) -> None:
    for cls in _readers():
        doc = Document("x", text)
        try:
            parsed = cls().read(doc, lang, Config())
        except InputError:
            continue
        for segs in parsed.segments.values():
            for seg in segs:
                if seg.text:
                    loc = seg.location(0, len(seg.text))
                    assert 1 <= loc.line <= doc.line_count


SPANS = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 8)).map(lambda t: (t[0], t[0] + t[1])), max_size=25)


@SETTINGS
@given(taken=SPANS, asked=SPANS)
def test_taken_date_spans_answer_as_the_plain_list_did(taken: list[tuple[int, int]],
                                                      asked: list[tuple[int, int]]) -> None:
    # The date extractor keeps the spans it took as their union, searched
    # by bisection; it must answer every overlap question as a scan of
    # the list would, empty spans and spans that only touch included.
    from ruconsist.lang.dates.extraction import SpanSet

    spans = SpanSet(taken)
    for a, b in asked:
        assert spans.overlaps(a, b) == any(s < b and a < e for s, e in taken), (taken, a, b)
