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


# A compressed container is bounded before it is expanded.


def _repack(data: bytes, name: str, content: bytes) -> bytes:
    """``data`` (a .docx) with member ``name`` replaced by ``content``."""
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, content if info.filename == name else src.read(info))
    return out.getvalue()


def _bomb(paragraph: str, times: int) -> bytes:
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = f"<w:p><w:r><w:t>{paragraph}</w:t></w:r></w:p>".encode() * times
    return _repack(build(["x"]), "word/document.xml", f"<w:document {ns}><w:body>".encode() + body + b"</w:body></w:document>")


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(lambda: _bomb("Привет", 1_000_000), id="a million paragraphs (44 MB from 0.1 MB)"),
        pytest.param(lambda: _bomb("а" * 40_000_000, 1), id="one paragraph of 80 MB"),
    ],
)
def test_a_document_that_expands_too_far_is_refused_before_it_is_parsed(data, monkeypatch: pytest.MonkeyPatch) -> None:
    import ruconsist.readers.docx as reader

    def never(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("parsed")

    bomb = data()
    monkeypatch.setattr(docx, "Document", never)
    with pytest.raises(InputError, match=r"Word document expands too far \(word/document.xml: \d+ KB from \d+ KB"):
        reader.paragraphs_of(bomb, "bomb.docx")


def test_a_member_whose_declared_size_lies_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    import ruconsist.readers.docx as reader

    data = bytearray(build(["Привет"]))
    # Shrink the declared size of document.xml in the central directory.
    import zipfile

    info = next(i for i in zipfile.ZipFile(io.BytesIO(bytes(data))).infolist() if i.filename == "word/document.xml")
    at = bytes(data).find(b"word/document.xml", bytes(data).rfind(b"PK\x05\x06") - 2000) - 46
    assert data[at : at + 4] == b"PK\x01\x02"
    data[at + 24 : at + 28] = (info.file_size // 2).to_bytes(4, "little")
    with pytest.raises(InputError, match="not a readable Word document"):
        reader.paragraphs_of(bytes(data), "lies.docx")


def test_the_limits_on_expansion_leave_ordinary_documents_alone() -> None:
    from ruconsist.readers.docx import paragraphs_of

    assert paragraphs_of(build(["Путин прибыл в Пекин."] * 2000), "ok.docx")[:1] == ["Путин прибыл в Пекин."]
