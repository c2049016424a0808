"""A single file holding both languages, laid out like the example
article: dateline, mixed title lines, Russian body, Chinese body."""

from __future__ import annotations

import pytest

from ruconsist.config import Config
from ruconsist.document import Document
from ruconsist.readers.text import BilingualReader, split_mixed
from tests.conftest import DATA

SEED = (DATA / "seed-bilingual.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("line", "ru", "zh"),
    [
        ("重要细节:乌沙科夫讲述了Важные детали: Ушаков рассказал", "Важные детали: Ушаков рассказал", "重要细节:乌沙科夫讲述了"),
        ("细节。Помощник Президента РФ рассказал.", "Помощник Президента РФ рассказал.", "细节。"),
        ("Путин прибыл в Пекин. 普京抵达北京。", "Путин прибыл в Пекин.", "普京抵达北京。"),
        ("亚太经合组织(APEC)会议 Саммит АТЭС", "Саммит АТЭС", "亚太经合组织(APEC)会议"),
        ("Только по-русски.", None, None),
        ("只有中文。", None, None),
    ],
)
def test_mixed_line_splits_at_the_script_boundary(line: str, ru: str | None, zh: str | None) -> None:
    got = split_mixed(line)
    if ru is None:
        assert got is None
        return
    assert got is not None
    (ra, rb), (za, zb) = got
    assert (line[ra:rb], line[za:zb]) == (ru, zh)


@pytest.fixture(scope="module")
def parsed():
    return BilingualReader().read(Document("seed.txt", SEED), None, Config())


def test_seed_body_has_21_russian_and_16_chinese_paragraphs(parsed) -> None:
    assert (len(parsed.segments["ru"]), len(parsed.segments["zh"])) == (21, 16)


def test_seed_title_lines_are_pre_paired(parsed) -> None:
    titles = [(r[0].text[:13], z[0].text[:4]) for r, z in parsed.fixed]
    assert titles == [("Важные детали", "重要细节"), ("Помощник През", "俄罗斯总")]


def test_seed_dateline_is_a_shared_header(parsed) -> None:
    assert [SEED[a:b] for a, b in parsed.header] == ["04 ФЕВРАЛЯ 2026, 16:40"]


@pytest.mark.parametrize(
    ("needle", "line", "column"),
    [
        ("Важные детали", 2, 35),
        ("弗拉基米尔*普京", 2, 13),
        ("Помощник Президента", 3, 45),
        ("МОСКВА, 4 фев", 4, 1),
        ("莫斯科,2月4日", 44, 1),
        ("——俄罗斯联邦总统助理", 69, 1),
    ],
)
def test_segments_keep_true_line_and_column(parsed, needle: str, line: int, column: int) -> None:
    segs = [s for pair in parsed.fixed for side in pair for s in side]
    segs += parsed.segments["ru"] + parsed.segments["zh"]
    for seg in segs:
        i = seg.text.find(needle)
        if i >= 0:
            loc = seg.location(i, i + len(needle))
            assert (loc.line, loc.column, loc.end_column) == (line, column, column + len(needle))
            return
    raise AssertionError(f"{needle!r} not found in any segment")


def test_crlf_file_keeps_the_same_positions() -> None:
    crlf = SEED.replace("\n", "\r\n")
    parsed = BilingualReader().read(Document("seed.txt", crlf), None, Config())
    seg = parsed.segments["zh"][0]
    i = seg.text.find("CRMtv")
    loc = seg.location(i, i + 5)
    assert (loc.line, loc.column) == (44, 10)


def test_directive_comment_lines_are_not_text() -> None:
    from ruconsist.readers.text import TextReader

    text = "# ruconsist: disable-next-line TRM001\nВизит Лаврова.\n\nВторой абзац.\n"
    segs = TextReader().read(Document("a.ru.txt", text), "ru", Config()).segments["ru"]
    assert [s.text for s in segs] == ["Визит Лаврова.", "Второй абзац."]
    loc = segs[0].location(0, 5)
    assert (loc.line, loc.column) == (2, 1)
