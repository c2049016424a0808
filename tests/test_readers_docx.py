"""Word documents: one line per paragraph, so a line is a paragraph
number."""

from __future__ import annotations

import io

import docx  # a dependency of ruconsist: never skipped
import pytest

from ruconsist.config import Config
from ruconsist.errors import InputError
from ruconsist.readers.docx import DocxReader


def build(paragraphs: list[str], table: list[str] = (), tail: list[str] = ()) -> bytes:  # type: ignore[assignment]
    document = docx.Document()
    for text in paragraphs:
        if "\n" in text:
            first, second = text.split("\n")
            p = document.add_paragraph(first)
            p.add_run().add_break()
            p.add_run(second)
        else:
            document.add_paragraph(text)
    if table:
        row = document.add_table(rows=1, cols=len(table)).rows[0]
        for cell, text in zip(row.cells, table):
            cell.text = text
    for text in tail:
        document.add_paragraph(text)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_paragraph_numbers_are_lines_and_tables_read_in_order() -> None:
    data = build(
        ["Владимир Путин прибыл в Пекин.", "", "Переговоры продлятся\nдва дня."],
        table=["Участник", "Россия"],
        tail=["Стороны подпишут 20 соглашений."],
    )
    reader = DocxReader()
    doc = reader.load("visit.ru.docx", data)
    segs = reader.read(doc, "ru", Config()).segments["ru"]
    got = [(s.location(0, len(s.text)).line, s.text) for s in segs]
    # The empty second paragraph still counts; a soft line break reads
    # as a space so its paragraph stays one line.
    assert got == [
        (1, "Владимир Путин прибыл в Пекин."),
        (3, "Переговоры продлятся два дня."),
        (4, "Участник"),
        (5, "Россия"),
        (6, "Стороны подпишут 20 соглашений."),
    ]


def test_bilingual_document_splits_by_script() -> None:
    data = build(["普京抵达北京 Путин прибыл в Пекин", "Переговоры продлятся два дня.", "会谈将持续两天。"])
    reader = DocxReader()
    parsed = reader.read(reader.load("visit.docx", data), None, Config())
    assert [(a[0].text, b[0].text) for a, b in parsed.fixed] == [("Путин прибыл в Пекин", "普京抵达北京")]
    assert [s.text for s in parsed.segments["ru"]] == ["Переговоры продлятся два дня."]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\xd0\xcf\x11\xe0 old binary Word", "not a Word document"),
        (b"PK\x03\x04 broken archive", "not a readable Word document"),
    ],
)
def test_non_docx_bytes_are_one_input_error(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        DocxReader().load("x.ru.docx", data)
