"""Markdown tables: one segment per row (header and body rows, never the
delimiter row), the rows markdown-it reads as a table, in time linear in
the table however many cells a short row leaves out."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from ruconsist.config import Config
from ruconsist.document import Document
from ruconsist.readers.text import MarkdownReader


def _rows(text: str) -> list[str]:
    doc = Document("a.ru.md", text)
    return [" ".join(s.text.split()) for s in MarkdownReader().read(doc, "ru", Config()).segments["ru"]]


@pytest.mark.parametrize(("text", "expected"), [
    ("| Город | Жители |\n|---|---:|\n| Москва | 13 млн |\n| Казань | 1,3 млн |\n",
     ["Город Жители", "Москва 13 млн", "Казань 1,3 млн"]),
    # A table interrupts a paragraph; a blank line ends it.
    ("Население городов.\n| Город | Жители |\n|---|---|\n| Москва | 13 млн |\n\nПосле таблицы.\n",
     ["Население городов.", "Город Жители", "Москва 13 млн", "После таблицы."]),
    # A quote ends it too; a row of fewer cells than the header is one row.
    ("| Город | Жители | Год |\n|---|---|---|\n| Москва |\n> Цитата.\n",
     ["Город Жители Год", "Москва", "Цитата."]),
    # No delimiter row: one paragraph, not a table.
    ("| Город | Жители |\n| Москва | 13 млн |\n", ["Город Жители | Москва 13 млн"]),
])
def test_each_table_row_is_one_segment(text: str, expected: list[str]) -> None:
    assert _rows(text) == expected


def test_the_rows_are_those_markdown_it_reads_as_a_table() -> None:
    text = ("Текст до.\n\n| a | b |\n|:-|-:|\n| Москва | 5 |\n|Казань|\n| Тверь | 7 | 8 |\n    код\n\n"
            "- пункт\n\n| x |\n|---|\n| Сочи |\n# Заголовок\n")
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    theirs = sorted({tuple(t.map) for t in tokens if t.type == "inline" and t.map})
    lines = text.split("\n")
    assert _rows(text) == [" ".join(lines[a].replace("|", " ").replace("#", " ").replace("-", " ").split())
                           for a, _ in theirs if lines[a].strip("|:- ")]


def test_a_wide_header_over_short_rows_is_one_segment_a_row() -> None:
    # 400 columns over 400 rows of one cell: markdown-it fills 159,600
    # empty cells (it stops the table at 65,536); each was a segment.
    text = "|" + "столбец|" * 400 + "\n|" + "-|" * 400 + "\n" + "".join(f"| Москва {i} |\n" for i in range(400))
    rows = _rows(text)
    assert len(rows) == 401
    assert rows[1:] == [f"Москва {i}" for i in range(400)]
