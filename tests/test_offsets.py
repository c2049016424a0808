"""The compact character → file offset mapping of decoded segments.

Readers that decode their files (PO, XLIFF/TMX, JSON and YAML locale
files) keep the file offset of every character as runs
(:class:`ruconsist.document.Offsets`).  These tests pin the exact offsets
around escapes, entities, CDATA, continued lines and CRLF, and check that
the runs read exactly like the list of ints they stand for."""

from __future__ import annotations

import copy
import pickle

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ruconsist.config import Config
from ruconsist.document import Document, Offsets, Segment
from ruconsist.readers.common import make_segment
from ruconsist.readers.locale import JsonLocaleReader, YamlLocaleReader
from ruconsist.readers.po import PoReader
from ruconsist.readers.xliff import XliffReader
from tests.conftest import fuzz_examples

EXAMPLES = fuzz_examples(50)
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def offsets_of(seg: Segment) -> list[int]:
    """File offset of each character and of the end."""
    return [seg.file_offset(i) for i in range(len(seg.text) + 1)]


def fixed_segments(parsed) -> list[Segment]:  # type: ignore[no-untyped-def]
    return [s for a, b in parsed.fixed for s in a + b]


# The readers ---------------------------------------------------------


def test_po_escapes_continued_strings_and_crlf() -> None:
    text = 'msgid ""\r\n"Да \\"да\\"\\n"\r\n"нет\\\\"\r\nmsgstr "是\\t否"\r\n'
    doc = Document("t.po", text)
    ru, zh = fixed_segments(PoReader().read(doc, None, Config()))
    assert ru.text == 'Да "да"\nнет\\'
    # Д а ␠ at 11-13; each escape at its backslash (14, 18, 20); the
    # continued string's first character after the CRLF and the quote
    # (26); the end after the last escape's backslash.
    assert offsets_of(ru) == [11, 12, 13, 14, 16, 17, 18, 20, 26, 27, 28, 29, 30]
    assert zh.text == "是\t否"
    assert offsets_of(zh) == [42, 43, 45, 46]
    loc = ru.location(0, len(ru.text))
    assert (loc.line, loc.column, loc.end_line, loc.end_column) == (2, 2, 3, 6)
    loc = zh.location(2, 3)
    assert (loc.line, loc.column, loc.end_line, loc.end_column) == (4, 12, 4, 13)


def test_xml_entities_cdata_and_crlf_after_multibyte_text() -> None:
    text = (
        '<xliff version="1.2"><file source-language="ru" target-language="zh">\r\n'
        '<trans-unit id="1"><source>Мир&amp;\r\nдом&#160;<![CDATA[<да>]]>!</source>\r\n'
        "<target>和平&lt;家</target></trans-unit></file></xliff>\r\n"
    )
    doc = Document("t.xlf", text)
    ru, zh = fixed_segments(XliffReader().read(doc, None, Config()))
    assert ru.text == "Мир&\nдом\xa0<да>!"
    # & at its entity (101), the line break at its CR (106), the no-break
    # space at its character reference (111), CDATA content past its
    # marker (126), then "!" after "]]>" (133).
    assert offsets_of(ru) == [98, 99, 100, 101, 106, 108, 109, 110, 111, 126, 127, 128, 129, 133, 134]
    assert zh.text == "和平<家"
    assert offsets_of(zh) == [153, 154, 155, 159, 160]


def test_json_escapes_and_surrogate_pairs() -> None:
    text = '{\r\n "a": "Ж\\u00e9\\"x\\ud83d\\ude00y\\\\/",\r\n "b": "\\u4e2d文"\r\n}'
    doc = Document("ru.json", text)
    a, b = JsonLocaleReader().read(doc, "ru", Config()).segments["ru"]
    assert a.text == 'Жé"x\U0001f600y\\/'
    assert offsets_of(a) == [10, 11, 17, 19, 20, 32, 33, 35, 36]
    assert offsets_of(b) == [47, 53, 54]


def test_yaml_escaped_line_break_and_folded_lines() -> None:
    text = 'ru:\r\n  a: "Да\\t\\\r\n    нет"\r\n  b: >\r\n    один\r\n    два\r\n'
    doc = Document("ru.yml", text)
    a, b = YamlLocaleReader().read(doc, "ru", Config()).segments["ru"]
    assert a.text == "Да\tнет"
    assert offsets_of(a) == [11, 12, 13, 22, 23, 24, 25]
    assert b.text == "один два"
    # The folded line break reads as a space located at its CR.
    assert offsets_of(b) == [40, 41, 42, 43, 44, 50, 51, 52, 53]


def test_line_index_counts_crlf_cr_and_lf_once_each() -> None:
    doc = Document("t.txt", "a\r\nb\rc\nd\r\n")
    assert doc.line_count == 5
    assert [doc.line_col(i) for i in (0, 3, 5, 7, 10)] == [(1, 1), (2, 1), (3, 1), (4, 1), (5, 1)]
    assert [doc.line_text(n) for n in range(1, 6)] == ["a", "b", "c", "d", ""]


# The mapping itself --------------------------------------------------


def test_contiguous_text_is_one_run() -> None:
    offs = Offsets(range(100, 140))
    assert list(offs.runs()) == [(0, 100, 40)]
    assert offs[0] == 100 and offs[-1] == 139 and len(offs) == 40
    offs.append(140)
    offs.append(150)
    assert list(offs.runs()) == [(0, 100, 41), (41, 150, 1)]


def test_segment_end_and_past_the_end_as_with_a_list() -> None:
    doc = Document("t.po", "x" * 50)
    for offsets in ([], [7], [3, 4, 9, 10], [5, 5, 6]):
        a = Segment(doc, "ru", 2, "t" * len(offsets), offsets=list(offsets))
        b = Segment(doc, "ru", 2, "t" * len(offsets), offsets=Offsets(offsets))
        assert [a.file_offset(i) for i in range(-len(offsets), len(offsets) + 3)] == [
            b.file_offset(i) for i in range(-len(offsets), len(offsets) + 3)
        ]


def test_make_segment_trims_white_space_keeping_offsets() -> None:
    doc = Document("t.po", "x" * 50)
    seg = make_segment(doc, "ru", "  ab c ", [1, 2, 10, 11, 12, 20, 21], kind="entry")
    assert seg.text == "ab c"
    assert isinstance(seg.offsets, Offsets)
    assert seg.start == 10
    assert offsets_of(seg) == [10, 11, 12, 20, 21]


OFFSET_LISTS = st.lists(st.integers(min_value=0, max_value=60), max_size=40) | st.lists(
    st.integers(min_value=0, max_value=3), max_size=40
).map(lambda steps: [sum(steps[: k + 1]) for k in range(len(steps))])


@SETTINGS
@given(OFFSET_LISTS, st.integers(-45, 45), st.integers(-45, 45))
def test_offsets_read_like_the_list_they_stand_for(values: list[int], a: int, b: int) -> None:
    offs = Offsets(values)
    assert len(offs) == len(values)
    assert list(offs) == values
    assert offs == values
    assert [offs[i] for i in range(-len(values), len(values))] == [values[i] for i in range(-len(values), len(values))]
    for i in (len(values), -len(values) - 1):
        with pytest.raises(IndexError):
            offs[i]
    assert list(offs[a:b]) == values[a:b]
    assert isinstance(offs[a:b], Offsets)
    assert list(offs[::2]) == values[::2]
    # Built piece by piece, from pieces of itself, or as a copy: the same.
    built = Offsets()
    for v in values[:a]:
        built.append(v)
    built.extend(Offsets(values[a:b]) if a >= 0 else values[a:b])
    built.extend(values[b:] if b >= 0 else [])
    expected = values[:a] + values[a:b] + (values[b:] if b >= 0 else [])
    assert built == expected
    assert pickle.loads(pickle.dumps(offs)) == offs
    twin = copy.copy(offs)
    twin.append(1000)
    assert list(offs) == values
    # Runs are maximal: no two neighbours continue each other.
    runs = list(offs.runs())
    assert all(f + n != g for (_, f, n), (_, g, _) in zip(runs, runs[1:]))
