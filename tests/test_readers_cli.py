"""Translation files through the command line: a malformed file is one
error line and the rest is still checked; directory scans find
bilingual translation files."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from ruconsist.cli import main
from tests.conftest import DATA

FORMATS = DATA / "formats"


def run(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(args, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_malformed_file_is_one_error_line_and_other_pairs_are_checked(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shutil.copy(FORMATS / "locale" / "ru-RU.json", tmp_path / "ru-RU.json")
    (tmp_path / "zh-CN.json").write_text('{\n  "labels": {\n    "paste": "粘贴"\n    "selectAll": "全选"\n  }\n}\n', encoding="utf-8")
    shutil.copy(FORMATS / "bilingual.po", tmp_path / "bilingual.po")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(["check", "ru-RU.json", "bilingual.po", "--select", "PLH", "--format", "parsable"])
    assert code == 2
    assert err == "ruconsist: zh-CN.json:4: not valid JSON: Expecting ',' delimiter (column 5)\n"
    assert out.splitlines()[0] == "bilingual.po:18:7: [error] PLH001 ZH placeholder '{count}' does not match RU '{days}'"


def test_directory_scan_takes_bilingual_files_that_hold_russian_and_chinese(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shutil.copy(FORMATS / "sdg.xlf", tmp_path / "sdg.xlf")
    shutil.copy(FORMATS / "goals.tmx", tmp_path / "goals.tmx")
    # A German catalogue and an English→German XLIFF are someone else's.
    (tmp_path / "de.po").write_text('msgid ""\nmsgstr ""\n"Language: de\\n"\n\nmsgid "Hello"\nmsgstr "Hallo"\n', encoding="utf-8")
    (tmp_path / "app.xlf").write_text(
        '<xliff version="1.2"><file source-language="en" target-language="de"><body>'
        '<trans-unit id="a"><source>Hello</source><target>Hallo</target></trans-unit></body></file></xliff>',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    code, out, err = run(["check", ".", "--select", "PLH,TAG", "--format", "parsable"])
    assert (code, err) == (1, "")
    assert sorted({line.split(":")[0] for line in out.splitlines() if ": [" in line}) == ["goals.tmx", "sdg.xlf"]
