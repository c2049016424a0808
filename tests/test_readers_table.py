"""Bilingual tables (CSV, TSV, Excel): columns, positions, cells, one
pair per RU column, and the per-column summary."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from ruconsist.cli import main
from ruconsist.readers.table import parse_delimited, sniff_dialect


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def findings(*argv: str) -> tuple[int, dict]:
    code, out, err = run(*argv, "-f", "json")
    return code, json.loads(out)


# Row 3 of the MT column drops the minister's name; row 2 of the MT
# column says 2022 where the source says 2023.  Columns of machine
# translation are compared with the mt profile, under which a name the
# source has and the target drops is an error (for a human translation
# it is an omission, a warning).
TABLE = (
    "id,zh,human,mt\n"
    "1,普京总统会见了习近平主席。,Президент Путин встретился с председателем Си Цзиньпином.,"
    "Президент Путин встретился с председателем Си Цзиньпином.\n"
    '2,"2023年，中国经济增长5.2%。","В 2023 году экономика Китая выросла на 5,2%.",'
    '"В 2022 году экономика Китая выросла на 5,2%."\n'
    '3,"拉夫罗夫说：""合作很好。""\n双方同意继续对话。","Лавров сказал: «Сотрудничество хорошее».\n'
    'Стороны договорились продолжить диалог.","Он сказал, что сотрудничество хорошее.\nСтороны договорились продолжить диалог."\n'
)


@pytest.fixture
def table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "eval.csv"
    path.write_text(TABLE, encoding="utf-8")
    return path


def test_each_ru_column_is_its_own_pair_and_cells_are_located(table: Path) -> None:
    code, doc = findings("eval.csv", "--select", "TRM001,DAT", "--profile", "mt")
    assert code == 1
    got = [
        (d["code"], d["locations"][0]["lang"], d["locations"][0]["line"], d["locations"][0]["column"],
         d["locations"][0]["cell"], d["locations"][1]["cell"])
        for d in doc["diagnostics"]
    ]
    # The lost name: ZH cell of row 4 (physical line 4), counterpart in
    # the mt column.
    assert ("TRM001", "zh", 4, 4, {"row": 4, "column": "zh"}, {"row": 4, "column": "mt"}) in got
    # The shifted year, found in the mt column only.
    years = [g for g in got if g[0].startswith("DAT")]
    assert years and all(g[5]["column"] == "mt" or g[4]["column"] == "mt" for g in years)
    assert doc["summary"]["pairs"] == 2
    columns = doc["summary"]["columns"]
    assert list(columns) == ["human", "mt"]
    assert columns["human"]["errors"] == 0 and columns["human"]["segments"] == 3
    assert columns["mt"]["errors"] == len(got)
    assert columns["mt"]["errors_per_1000_segments"] == round(1000 * len(got) / 3, 1)
    assert columns["mt"]["errors_by_code"]["TRM001"] == 1


def test_ru_column_option_chooses_one_pair(table: Path) -> None:
    code, doc = findings("eval.csv", "--ru-column", "human", "--zh-column", "2")
    assert doc["summary"]["pairs"] == 1
    assert "columns" not in doc["summary"]
    assert not [d for d in doc["diagnostics"] if d["severity"] == "error"]


def test_a_missing_column_is_an_input_error_listing_the_header(table: Path) -> None:
    code, out, err = run("eval.csv", "--ru-column", "deepl")
    assert code == 2
    assert err == "ruconsist: eval.csv:1: no column 'deepl' for --ru-column in the header (columns: 'id', 'zh', 'human', 'mt')\n"


def test_columns_per_file_pattern_in_the_configuration(table: Path) -> None:
    Path(".ruconsist.yaml").write_text('per-path-options:\n  "*.csv":\n    ru-column: [mt]\n', encoding="utf-8")
    code, doc = findings("eval.csv")
    assert doc["summary"]["pairs"] == 1
    assert {loc["cell"]["column"] for d in doc["diagnostics"] for loc in d["locations"]} <= {"zh", "mt"}
    # The command line wins over the file.
    code, doc = findings("eval.csv", "--ru-column", "human")
    assert {loc["cell"]["column"] for d in doc["diagnostics"] for loc in d["locations"]} <= {"zh", "human"}


def test_text_output_names_the_column_and_compares_systems(table: Path) -> None:
    code, out, err = run("eval.csv", "--select", "TRM001", "--profile", "mt")
    assert "  ZH [zh] 4 | 3,\"拉夫罗夫说" in out
    # The mt cell of row 4 starts on line 6: the human cell before it
    # holds a line break.
    assert "  RU [mt] 6 | " in out
    assert "By column (errors per 1000 segments; errors by code):" in out
    assert "  mt          3 segments      1 errors    333.3/1000  TRM001 1" in out


def test_sarif_locations_carry_the_cell(table: Path) -> None:
    code, out, err = run("eval.csv", "--select", "TRM001", "-f", "sarif")
    result = json.loads(out)["runs"][0]["results"][0]
    assert result["locations"][0]["properties"] == {"cell": {"row": 4, "column": "zh"}}
    assert result["relatedLocations"][0]["properties"] == {"cell": {"row": 4, "column": "mt"}}


def test_html_report_compares_columns(table: Path) -> None:
    code, out, err = run("report", "eval.csv", "--select", "TRM001", "--profile", "mt", "-o", "r.html")
    page = Path("r.html").read_text(encoding="utf-8")
    assert code == 0
    assert "eval.csv [mt]" in page and "eval.csv [human]" in page
    assert "<td>mt</td><td>3</td><td>1</td><td>333.3</td>" in page


def test_shared_zh_style_findings_are_shown_once(table: Path) -> None:
    # The ASCII quotes in ZH row 4 are one slip of the source, whichever
    # RU column it is checked against.
    code, doc = findings("eval.csv", "--select", "TYP002")
    zh = [d for d in doc["diagnostics"] if d["locations"][0]["lang"] == "zh"]
    assert len(zh) == 1


@pytest.mark.parametrize(
    ("text", "name", "dialect"),
    [
        ("zh,ru\n你好,Привет\n", "a.csv", (",", '"')),
        ("zh;ru\n你好;Привет, друг\n", "a.csv", (";", '"')),
        ("zh\tru\n你好\tПривет, друг\n", "a.tsv", ("\t", '"')),
        ("zh|ru\n你好|Привет\n", "a.csv", ("|", '"')),
    ],
)
def test_dialect_sniffing(text: str, name: str, dialect: tuple[str, str]) -> None:
    assert sniff_dialect(text, name) == dialect


def test_quoted_cells_keep_true_offsets() -> None:
    text = 'a,b\r\n"x ""y""\r\nz",w\r\n'
    rows = parse_delimited(text, ",", '"')
    assert [[v for v, _ in r] for r in rows] == [["a", "b"], ['x "y"\r\nz', "w"]]
    value, offs = rows[1][0]
    assert [text[o] for o in offs] == list(value)


def test_bom_semicolons_and_crlf(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    data = "источник;перевод\r\n普京会见了拉夫罗夫。;Путин встретился.\r\n".replace("источник", "zh").replace("перевод", "ru")
    Path("t.csv").write_bytes(b"\xef\xbb\xbf" + data.encode("utf-8"))
    code, doc = findings("t.csv", "--select", "TRM001")
    (d,) = doc["diagnostics"]
    assert d["locations"][0]["line"] == 2 and d["locations"][0]["column"] == 6
    assert d["locations"][0]["cell"] == {"row": 2, "column": "zh"}


def test_an_empty_mt_cell_is_an_omission(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("t.csv").write_text("zh,ru\n双方同意继续对话。,Стороны договорились продолжить диалог.\n习近平主席发表了讲话。,\n", encoding="utf-8")
    code, doc = findings("t.csv")
    assert [(d["code"], d["locations"][0]["cell"]) for d in doc["diagnostics"]] == [("ALN002", {"row": 3, "column": "zh"})]


def _workbook(path: Path, rows: list[list[object]], sheet: str = "Sheet1", first: str | None = None) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    if first is not None:
        ws.title = first
        ws = wb.create_sheet(sheet)
    else:
        ws.title = sheet
    for r in rows:
        ws.append(r)
    wb.save(path)


def test_xlsx_line_is_the_row_number(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _workbook(
        Path("t.xlsx"),
        [["zh", "mt"], [None, None], ["拉夫罗夫说合作很好。", "Он сказал, что\nсотрудничество хорошее."], ["2023年增长5.2%。", "В 2023 году рост 5,2%."]],
    )
    code, doc = findings("t.xlsx", "--select", "TRM001")
    (d,) = doc["diagnostics"]
    assert d["locations"][0]["line"] == 3 and d["locations"][0]["column"] == 1
    assert d["locations"][0]["cell"] == {"row": 3, "column": "zh"}
    assert d["locations"][1]["cell"] == {"row": 3, "column": "mt"}


def test_xlsx_sheet_choice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _workbook(Path("t.xlsx"), [["zh", "ru"], ["拉夫罗夫说合作很好。", "Он сказал."]], sheet="eval", first="notes")
    code, out, err = run("t.xlsx", "--sheet", "missing")
    assert code == 2 and "no sheet 'missing' in the workbook (sheets: 'notes', 'eval')" in err
    code, doc = findings("t.xlsx", "--sheet", "eval", "--select", "TRM001")
    assert [d["code"] for d in doc["diagnostics"]] == ["TRM001"]


def test_not_a_workbook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("t.xlsx").write_text("zh,ru\n", encoding="utf-8")
    code, out, err = run("t.xlsx")
    assert code == 2
    assert "t.xlsx: not an Excel workbook" in err


def test_directory_scans_take_tables_whose_columns_are_configured(table: Path) -> None:
    assert run(".", "-f", "json")[1].count('"path": "eval.csv"') == 0
    Path(".ruconsist.yaml").write_text('per-path-options:\n  "eval.csv":\n    zh-column: zh\n', encoding="utf-8")
    code, doc = findings(".")
    assert doc["summary"]["pairs"] == 2


def test_repeated_header_names_are_told_apart_by_position(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("t.csv").write_text(
        "zh,ru,ru\n拉夫罗夫说合作很好。,Лавров сказал.,Он сказал.\n", encoding="utf-8"
    )
    code, doc = findings("t.csv", "--select", "TRM001")
    assert list(doc["summary"]["columns"]) == ["ru#2", "ru#3"]
    assert [d["locations"][1]["cell"] for d in doc["diagnostics"]] == [{"row": 2, "column": "ru#3"}]
    code, doc = findings("t.csv", "--ru-column", "ru#3", "--select", "TRM001")
    assert doc["summary"]["pairs"] == 1 and len(doc["diagnostics"]) == 1
