"""Bilingual tables: ``.csv``, ``.tsv`` and Excel workbooks (``.xlsx``).

Parallel corpora, MT evaluation sets, translation-memory exports and
agency deliveries come as tables with one column per language, or per
machine translation system.  The first row is the header.  Each row is
one aligned segment pair: the Chinese column's cell against a Russian
column's cell (a row whose Russian cell is empty is an omission).

Columns are chosen by header name, or by 1-based position when no
header cell has that name: ``--zh-column NAME`` and ``--ru-column NAME``
(repeatable), or the ``zh-column``/``ru-column`` options of the
configuration (``per-path-options`` sets them per file pattern).
Without them, the column whose cells are mostly Chinese is the ZH column
and every column whose cells are mostly Russian is a RU column.  Each RU
column is checked against the ZH column as its own pair, so several MT
systems (and a human version) are compared in one run.  A column name
that the header lacks is an input error that lists the header.

Positions: for CSV/TSV a finding's ``line`` is the physical line of the
file where the text is (a quoted cell may span lines) and ``column`` the
character column in that line; for a workbook ``line`` is the sheet's
row number and ``column`` the character column in the row's cells
joined by tabs.  Every location also carries its cell (row number,
counting the header as row 1, and column name), which the JSON and SARIF
outputs give as ``"cell": {"row": R, "column": "NAME"}``.

CSV files are read with their dialect sniffed (comma, semicolon, tab or
bar; the quote character), a UTF-8 byte order mark dropped, and quoted
cells that hold line breaks or doubled quotes kept with true positions.
Workbooks are read with openpyxl in read-only mode (an optional
dependency: ``pip install 'ruconsist[xlsx]'``), imported only when a
workbook is read; ``--sheet NAME`` picks the sheet (default: the first).
"""

from __future__ import annotations

import bisect
import csv
import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from ruconsist.document import Document, Offsets, Segment
from ruconsist.errors import InputError
from ruconsist.readers.base import Parsed, Reader
from ruconsist.readers.common import make_segment
from ruconsist.segment import script_counts

if TYPE_CHECKING:
    from ruconsist.config import Config

#: Rows looked at to guess which columns hold which language.
SNIFF_ROWS = 200
#: Characters of the file given to the dialect sniffer.
SNIFF_CHARS = 64 * 1024
DELIMITERS = ",;\t|"
MAX_ROWS = 1_000_000


class CellIndex:
    """Which cell a file offset falls in: (row, column name), for the
    ``cell`` of a finding's location."""

    __slots__ = ("_starts", "_cells")

    def __init__(self, cells: Sequence[tuple[int, int, str]]) -> None:
        ordered = sorted(cells)
        self._starts = [a for a, _, _ in ordered]
        self._cells = [(row, name) for _, row, name in ordered]

    def at(self, offset: int) -> tuple[int, str] | None:
        k = bisect.bisect_right(self._starts, offset) - 1
        return self._cells[k] if k >= 0 else None


# A cell read from the file: its text and the file offset of each
# character of the text.
Cell = tuple[str, Offsets]


def parse_delimited(text: str, delimiter: str, quotechar: str = '"', path: str = "") -> list[list[Cell]]:
    """Rows of cells of a delimited text, each cell with the file offset
    of every character of its value.  Quoted cells may hold delimiters,
    line breaks and doubled quote characters; a line break ends a row
    only outside quotes."""
    rows: list[list[Cell]] = []
    row: list[Cell] = []
    i, n = 0, len(text)
    while i < n or row:
        if i >= n:
            rows.append(row)
            break
        if text[i] == quotechar:
            opened = i
            i += 1
            chars: list[str] = []
            offs = Offsets()
            while True:
                j = text.find(quotechar, i)
                if j < 0:
                    from ruconsist.readers.common import error_at

                    raise error_at(Document(path, text), opened, "quoted cell is never closed")
                chars.append(text[i:j])
                offs.append_run(i, j - i)
                if j + 1 < n and text[j + 1] == quotechar:
                    chars.append(quotechar)
                    offs.append(j)
                    i = j + 2
                    continue
                i = j + 1
                break
            # Text after the closing quote up to the delimiter is kept, as
            # the csv module keeps it.
            k = i
            while k < n and text[k] not in delimiter + "\r\n":
                k += 1
            chars.append(text[i:k])
            offs.append_run(i, k - i)
            i = k
            row.append(("".join(chars), offs))
        else:
            k = i
            while k < n and text[k] not in delimiter + "\r\n":
                k += 1
            offs = Offsets()
            offs.append_run(i, k - i)
            row.append((text[i:k], offs))
            i = k
        if i < n and text[i] == delimiter:
            i += 1
            if i >= n or text[i] in "\r\n":
                # A trailing delimiter: one more, empty cell.
                e = Offsets()
                row.append(("", e))
            else:
                continue
        if i < n and text[i] in "\r\n":
            i += 2 if text[i : i + 2] == "\r\n" else 1
        rows.append(row)
        row = []
        if len(rows) > MAX_ROWS:
            raise InputError(f"table has more than {MAX_ROWS} rows", path)
    # A trailing blank line is no row.
    while rows and all(not v for v, _ in rows[-1]):
        rows.pop()
    return rows


def sniff_dialect(text: str, path: str) -> tuple[str, str]:
    """(delimiter, quote character) of a delimited text: tab for
    ``.tsv``; otherwise what :class:`csv.Sniffer` finds, checked against
    the header (a dialect that leaves the header one column wide is not
    believed), else the candidate the header holds most of."""
    if path.lower().endswith(".tsv"):
        return "\t", '"'
    sample = text[:SNIFF_CHARS]
    header = sample.split("\n", 1)[0]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=DELIMITERS)
        delimiter, quote = dialect.delimiter, dialect.quotechar or '"'
        if delimiter in DELIMITERS and header.count(delimiter) >= 1:
            return delimiter, quote
    except csv.Error:
        pass
    counts = {d: header.count(d) for d in DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return (best if counts[best] else ","), '"'


def _lang_of_column(values: Sequence[str]) -> str | None:
    """``zh`` or ``ru`` when most non-empty cells of a column are in that
    language (Han characters weigh three Cyrillic letters)."""
    votes = {"ru": 0, "zh": 0}
    filled = 0
    for v in values:
        cyr, han = script_counts(v)
        if not v.strip():
            continue
        filled += 1
        if han * 3 >= cyr and han:
            votes["zh"] += 1
        elif cyr:
            votes["ru"] += 1
    if not filled:
        return None
    lang = max(votes, key=lambda k: votes[k])
    return lang if votes[lang] * 2 > filled else None


def _find_column(name: str, header: list[str], path: str, role: str) -> int:
    wanted = name.strip()
    for i in range(len(header)):
        # A repeated header name is told apart by position (see column_label).
        if column_label(header, i) == wanted:
            return i
    for i, h in enumerate(header):
        if h.strip() == wanted:
            return i
    folded = [i for i, h in enumerate(header) if h.strip().casefold() == wanted.casefold()]
    if len(folded) == 1:
        return folded[0]
    if wanted.isdigit() and 1 <= int(wanted) <= len(header):
        return int(wanted) - 1
    shown = ", ".join(repr(h) for h in header)
    raise InputError(f"no column {name!r} for --{role}-column in the header (columns: {shown})", path, 1)


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return [str(value)]


def choose_columns(header: list[str], rows: Sequence[Sequence[str]], config: Config, path: str) -> tuple[int, list[int]]:
    """(ZH column, RU columns) by the ``zh-column``/``ru-column`` options,
    else by the language of the cells."""
    opts = config.options
    zh_name = opts.get("zh-column")
    ru_names = _as_list(opts.get("ru-column"))
    sample = rows[:SNIFF_ROWS]
    langs = [_lang_of_column([r[i] if i < len(r) else "" for r in sample]) for i in range(len(header))]
    if zh_name is not None:
        zh = _find_column(str(zh_name), header, path, "zh")
    else:
        found = [i for i, lg in enumerate(langs) if lg == "zh"]
        if not found:
            shown = ", ".join(repr(h) for h in header)
            raise InputError(f"no column of Chinese text found; name it with --zh-column (columns: {shown})", path, 1)
        zh = found[0]
    if ru_names:
        ru = [_find_column(n, header, path, "ru") for n in ru_names]
    else:
        ru = [i for i, lg in enumerate(langs) if lg == "ru" and i != zh]
        if not ru:
            shown = ", ".join(repr(h) for h in header)
            raise InputError(f"no column of Russian text found; name it with --ru-column (columns: {shown})", path, 1)
    for i in ru:
        if i == zh:
            raise InputError(f"column {header[i]!r} is given as both the ZH and a RU column", path, 1)
    return zh, list(dict.fromkeys(ru))


def column_label(header: list[str], i: int) -> str:
    """A column's name as findings show it: its header, or its position
    when the header cell is empty, or both (``ru#3``) when another column
    has the same header."""
    name = header[i].strip()
    if not name:
        return str(i + 1)
    if sum(1 for h in header if h.strip() == name) > 1:
        return f"{name}#{i + 1}"
    return name


class TableReader(Reader):
    """Shared by the CSV and the workbook readers: the file's cells as
    rows (:meth:`cells`), then one fixed pair per row."""

    bilingual: ClassVar[bool] = True
    table: ClassVar[bool] = True
    options: ClassVar[dict[str, tuple[Any, str]]] = {
        "zh-column": (str, "the Chinese column of a table, by header name or 1-based position"),
        "ru-column": (list, "the Russian column(s) of a table, each checked against the Chinese one"),
    }

    def cells(self, doc: Document, config: Config) -> list[list[Cell]]:
        raise NotImplementedError

    def columns(self, doc: Document, config: Config) -> list[str]:
        """Names of the RU columns that the options (or the cells) choose:
        the engine makes one pair of each."""
        rows = self.cells(doc, config)
        header, body, _ = self._split(rows, doc.path)
        _, ru = choose_columns(header, [[v for v, _ in r] for r in body], config, doc.path)
        return [column_label(header, i) for i in ru]

    @staticmethod
    def _split(rows: list[list[Cell]], path: str) -> tuple[list[str], list[list[Cell]], int]:
        """(header, the rows after it, the header's row number); blank
        rows before the header (a sheet that starts lower) are skipped."""
        first = 0
        while first < len(rows) and all(not v.strip() for v, _ in rows[first]):
            first += 1
        if first == len(rows):
            raise InputError("table is empty", path)
        header = [v.replace("\ufeff", "") for v, _ in rows[first]]
        if len(header) < 2:
            raise InputError(
                f"table header has one column ({header[0]!r}); a bilingual table needs a ZH and a RU column",
                path,
                first + 1,
            )
        return header, rows[first + 1 :], first + 1

    def read(self, doc: Document, lang: str | None, config: Config) -> Parsed:
        rows = self.cells(doc, config)
        header, body, header_row = self._split(rows, doc.path)
        zh_col, ru_cols = choose_columns(header, [[v for v, _ in r] for r in body], config, doc.path)
        parsed = Parsed(doc, {"ru": [], "zh": []})
        index: list[tuple[int, int, str]] = []
        # A row's number counts the header as a row (and, in a workbook,
        # is the sheet's row number, since every line of the text is a row).
        for number, row in enumerate(body, start=header_row + 1):
            zh = self._segment(doc, "zh", row, zh_col)
            for col in ru_cols:
                ru = self._segment(doc, "ru", row, col)
                if ru is None and zh is None:
                    continue
                parsed.fixed.append(([ru] if ru else [], [zh] if zh else []))
                if ru is not None:
                    index.append((ru.start, number, column_label(header, col)))
            if zh is not None:
                index.append((zh.start, number, column_label(header, zh_col)))
        doc.cells = CellIndex(index)
        return parsed

    @staticmethod
    def _segment(doc: Document, lang: str, row: list[Cell], col: int) -> Segment | None:
        if col >= len(row):
            return None
        value, offs = row[col]
        if not value.strip():
            return None
        return make_segment(doc, lang, value, offs, kind="cell")


class CsvReader(TableReader):
    """CSV and TSV tables (see the module docstring)."""

    name = "csv"
    extensions = (".csv", ".tsv")

    def cells(self, doc: Document, config: Config) -> list[list[Cell]]:
        delimiter, quote = sniff_dialect(doc.text, doc.path)
        return parse_delimited(doc.text, delimiter, quote, doc.path)


class XlsxReader(TableReader):
    """Excel workbooks (see the module docstring).  ``binary`` has the
    engine hand the file's bytes to :meth:`load`, which lays the sheet out
    as text: one line per row (line N is row N), cells joined by tabs,
    line breaks and tabs inside a cell read as spaces."""

    name = "xlsx"
    options = {
        **TableReader.options,
        "sheet": (str, "the sheet of a workbook, by name or 1-based position (default: the first)"),
    }
    extensions = (".xlsx",)
    binary: ClassVar[bool] = True

    def load(self, path: str, data: bytes, config: Config | None = None) -> Document:
        if not data.startswith(b"PK"):
            raise InputError("not an Excel workbook (.xlsx is a zip archive; is this an old .xls file?)", path)
        try:
            import openpyxl
        except ImportError:
            raise InputError("reading .xlsx needs openpyxl: pip install 'ruconsist[xlsx]'", path) from None
        try:
            wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises several kinds for a bad package
            raise InputError(f"not a readable Excel workbook: {type(exc).__name__}: {exc}", path) from None
        try:
            wanted = (config.options.get("sheet") if config is not None else None) or None
            names = wb.sheetnames
            if wanted is None:
                ws = wb[names[0]]
            elif str(wanted) in names:
                ws = wb[str(wanted)]
            elif str(wanted).isdigit() and 1 <= int(wanted) <= len(names):
                ws = wb[names[int(wanted) - 1]]
            else:
                raise InputError(f"no sheet {wanted!r} in the workbook (sheets: {', '.join(map(repr, names))})", path)
            lines: list[str] = []
            for row in ws.iter_rows():
                cells = [c for c in row if getattr(c, "row", None) is not None]
                if not cells:
                    continue
                number = cells[0].row
                while len(lines) < number - 1:
                    lines.append("")
                width = max(getattr(c, "column", 0) or 0 for c in cells)
                values = [""] * width
                for c in cells:
                    values[c.column - 1] = _cell_text(c.value)
                lines.append("\t".join(values))
                if len(lines) > MAX_ROWS:
                    raise InputError(f"sheet has more than {MAX_ROWS} rows", path)
        finally:
            wb.close()
        return Document(path, "\n".join(lines), format="xlsx")

    def cells(self, doc: Document, config: Config) -> list[list[Cell]]:
        # Cells hold no tab or line break (see load), so no quoting.
        return parse_delimited(doc.text, "\t", "\x00", doc.path)


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if hasattr(value, "isoformat"):
        value = value.isoformat()
    return str(value).replace("\r\n", " ").replace("\n", " ").replace("\r", " ").replace("\t", " ")
