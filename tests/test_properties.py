"""Property tests: arbitrary Unicode never breaks the readers, the
splitter, the aligner or the term matcher, and positions always point
at the text they name."""

from __future__ import annotations


import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ruconsist.config import Config
from ruconsist.document import Document
from ruconsist.errors import InputError
from ruconsist.readers.text import BilingualReader, MarkdownReader, TextReader, mask, split_mixed
from ruconsist.segment import paragraphs, sentences
from ruconsist.terms import TermMatcher
from tests.conftest import fuzz_examples

# Longer runs in CI (tests/conftest.py: fuzz_examples), short ones
# locally.
EXAMPLES = fuzz_examples(50)
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text that looks like what the readers see: Cyrillic, Han, Latin,
# digits, CJK and ASCII punctuation, Markdown marks, all line endings.
ALPHABET = st.sampled_from(
    list("Путин Си Цзиньпин Москва ШОС абвгдеёжз АБВ 普京习近平莫斯科上海合作组织中国俄罗斯 abc XYZ 0123456789")
    + list(",.;:!?«»\"'()[]{}<>`*_#-—–|/\\~，。：；！？“”《》（）·•・\u00a0\u202f\t")
    + ["\n", "\r\n", "\r", "\n\n", "```\n", "- ", "> ", "# ", "<!-- x -->", "[a](http://x.y/z)"]
)
TEXT = st.lists(ALPHABET, max_size=120).map("".join)
ANY_TEXT = st.text(max_size=200)


def _check_segments(doc: Document, segs) -> None:  # type: ignore[no-untyped-def]
    for seg in segs:
        assert seg.text.strip() == seg.text or seg.text.strip()
        if not seg.text:
            continue
        loc = seg.location(0, len(seg.text))
        assert 1 <= loc.line <= doc.line_count
        assert loc.column >= 1
        # The span points at the segment's own characters (masking may
        # only replace characters by spaces).
        start = doc.offset(loc.line, loc.column)
        assert doc.text[start] == seg.text[0] or seg.text[0] == " "


@SETTINGS
@given(TEXT)
def test_text_reader_positions_point_inside_the_text(text: str) -> None:
    if not text.strip():
        return
    doc = Document("a.ru.txt", text)
    parsed = TextReader().read(doc, "ru", Config())
    _check_segments(doc, parsed.segments["ru"])


@SETTINGS
@given(TEXT)
def test_markdown_reader_never_raises_and_positions_hold(text: str) -> None:
    doc = Document("a.zh.md", text)
    parsed = MarkdownReader().read(doc, "zh", Config())
    _check_segments(doc, parsed.segments["zh"])


@SETTINGS
@given(TEXT)
def test_bilingual_splitter_never_raises_unexpectedly(text: str) -> None:
    doc = Document("a.txt", text)
    try:
        parsed = BilingualReader().read(doc, None, Config())
    except InputError:
        return
    for lang in ("ru", "zh"):
        _check_segments(doc, parsed.segments[lang])
    for ru, zh in parsed.fixed:
        _check_segments(doc, ru + zh)


@SETTINGS
@given(ANY_TEXT)
def test_split_mixed_spans_are_in_bounds(text: str) -> None:
    got = split_mixed(text)
    if got is None:
        return
    for a, b in got:
        assert 0 <= a <= b <= len(text)


@SETTINGS
@given(ANY_TEXT)
def test_masking_keeps_length_and_is_idempotent(text: str) -> None:
    once = mask(text)
    assert len(once) == len(text)
    assert mask(once) == once


@SETTINGS
@given(TEXT, st.sampled_from(["ru", "zh"]))
def test_sentences_and_paragraphs_cover_only_real_text(text: str, lang: str) -> None:
    for a, b in sentences(text, lang):
        assert 0 <= a < b <= len(text) and text[a:b].strip()
    for a, b in paragraphs(text):
        assert 0 <= a <= b <= len(text)


@pytest.fixture(scope="module")
def matcher(news_rules) -> TermMatcher:
    return TermMatcher(news_rules.terms)


@SETTINGS
@given(text=TEXT, lang=st.sampled_from(["ru", "zh"]))
def test_term_mentions_name_the_text_at_their_span(matcher: TermMatcher, text: str, lang: str) -> None:
    last = -1
    for m in matcher.find(text, lang):
        assert text[m.start : m.end] == m.text
        assert m.start >= last  # non-overlapping, in order
        last = m.end


@SETTINGS
@given(TEXT, TEXT)
def test_linting_arbitrary_text_never_raises(news_rules, ru: str, zh: str) -> None:
    from ruconsist.testing import lint_texts

    for d in lint_texts(ru or "Текст.", zh or "文本。", rules=news_rules):
        assert d.location.line >= 1 and d.location.column >= 1
