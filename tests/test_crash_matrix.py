"""Every command, in every output format, on a directory of hostile
files next to good pairs: an exit code of 0, 1 or 2, no traceback, valid
UTF-8 on stdout and stderr, and the good pairs' findings still there.

The hostile files are those that once ended a run in an internal error
or a stall: an integer past Python's digit limit, an escaped lone
surrogate, deep nesting, recursive YAML anchors, NUL bytes, invalid
UTF-8, a BOM alone, an empty file, non-zip and expanding Word documents,
malformed XLIFF/TMX/PO/SubRip, thousands of unbalanced brackets."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from ruconsist.cli import main

FORMATS = ["text", "parsable", "json", "sarif", "github", "junit", "gitlab"]


def _docx_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"<w:p>" + b"a" * 4_000_000 + b"</w:p>")
    return out.getvalue()


HOSTILE: dict[str, str | bytes] = {
    "bigint/ru.json": '{"a": "Привет", "n": ' + "9" * 5000 + "}",
    "bigint/zh.json": '{"a": "你好", "n": 1}',
    "surrogate/ru.json": '{"a": "Привет \\ud800 мир"}',
    "surrogate/zh.json": '{"a": "你好 \\ud800 世界"}',
    "deep/ru.json": '{"a":' * 5000 + '"x"' + "}" * 5000,
    "deep/zh.json": '{"a": "你好"}',
    "anchors/ru.yaml": "a: &a [x, x, x, x, x, x, x, x, x]\n"
    + "".join(f"{k}: &{k} [{', '.join(['*' + p] * 9)}]\n" for p, k in zip("abcdef", "bcdefg")),
    "anchors/zh.yaml": "a: 你好\n",
    "nul.ru.txt": b"abc\x00def\n",
    "nul.zh.txt": "你好\n",
    "badutf8.ru.txt": b"\xff\xfe\xfa abc\n",
    "badutf8.zh.txt": "你好\n",
    "bom.ru.txt": b"\xef\xbb\xbf",
    "bom.zh.txt": "你好\n",
    "empty.ru.md": "",
    "empty.zh.md": "你好\n",
    "notzip.ru.docx": b"not a zip at all",
    "notzip.zh.docx": b"PK\x03\x04garbage",
    "bomb.ru.docx": _docx_bomb(),
    "bomb.zh.docx": _docx_bomb(),
    "bad.ru.xliff": "<xliff><file><body><trans-unit id='1'><source>a</source>",
    "bad.zh.xliff": "<xliff/>",
    "bad.ru.tmx": "<tmx><body><tu><tuv xml:lang='ru'><seg>a</seg></tuv></tu>",
    "bad.zh.tmx": "<tmx/>",
    "bad.ru.po": 'msgid "a"\nmsgstr "\\x"\n"unterminated\n',
    "bad.zh.po": 'msgid "a"\nmsgstr "b"\n',
    "bad.ru.srt": "1\n00:00:01,000 --> xx\nПривет\n\n",
    "bad.zh.srt": "1\n00:00:01,000 --> 00:00:02,000\n你好\n\n",
    "brackets.ru.md": "](" * 5000 + "\n",
    "brackets.zh.md": "](" * 5000 + "\n",
}
#: The good pairs and a finding each must still give.
GOOD: dict[str, str] = {
    "good1.ru.md": "Путин прибыл в Пекин 16 июля 2001 года с 5 министрами.\n",
    "good1.zh.md": "普京于2001年7月16日抵达北京，随行有6位部长。\n",
    "good2.ru.txt": "В 2020 году было 300 участников.\n",
    "good2.zh.txt": "2021年有300名参与者。\n",
}
GOOD_CODES = ("NUM001", "DAT001")


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    for name, content in {**HOSTILE, **GOOD}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def run(tree: Path, monkeypatch: pytest.MonkeyPatch, *argv: str) -> tuple[int, str, str]:
    monkeypatch.chdir(tree)
    out_raw, err_raw = io.BytesIO(), io.BytesIO()
    # Strict UTF-8 streams: what a pipe or a terminal takes.
    out = io.TextIOWrapper(out_raw, encoding="utf-8", errors="strict", write_through=True)
    err = io.TextIOWrapper(err_raw, encoding="utf-8", errors="strict", write_through=True)
    code = main(list(argv), out, err)
    out.flush()
    err.flush()
    stdout, stderr = out_raw.getvalue().decode("utf-8"), err_raw.getvalue().decode("utf-8")
    assert code in (0, 1, 2), stderr
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr
    return code, stdout, stderr


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_check_in_every_format(tree: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, jobs: str) -> None:
    # One run writes every format (text on stdout, the others to files):
    # each formatter sees the same findings, unreadable files and all,
    # without checking the hostile tree once per format.
    files = {fmt: tmp_path / f"report.{fmt}" for fmt in FORMATS[1:]}
    argv = ["check", "--no-cache", "--jobs", jobs, "--format", FORMATS[0]]
    for fmt, path in files.items():
        argv += ["--format", fmt, "--output-file", str(path)]
    # --no-cache sets RUCONSIST_NO_CACHE for the process: undone after.
    monkeypatch.setenv("RUCONSIST_NO_CACHE", "1")
    code, out, err = run(tree, monkeypatch, *argv, ".")
    assert code == 2  # the unreadable files
    reports = {FORMATS[0]: out, **{fmt: path.read_bytes().decode("utf-8") for fmt, path in files.items()}}
    for fmt, report in reports.items():
        for c in GOOD_CODES:
            assert c in report, f"{c} missing from {fmt}"
        if fmt in ("json", "sarif", "gitlab"):
            json.loads(report)


def test_check_diff(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run(tree, monkeypatch, "check", "--diff", ".")


def test_report(tree: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    run(tree, monkeypatch, "report", "-o", str(page), ".")
    text = page.read_bytes().decode("utf-8")
    assert all(c in text for c in GOOD_CODES)


@pytest.mark.parametrize("pair", [("surrogate/ru.json", "surrogate/zh.json"), ("good1.ru.md", "good1.zh.md"),
                                  ("brackets.ru.md", "brackets.zh.md")])
def test_show_alignment(tree: Path, monkeypatch: pytest.MonkeyPatch, pair: tuple[str, str]) -> None:
    run(tree, monkeypatch, "show-alignment", *pair)


@pytest.mark.parametrize("pair", [("bigint/ru.json", "bigint/zh.json"), ("bomb.ru.docx", "bomb.zh.docx")])
def test_show_alignment_of_an_unreadable_pair_is_one_line(tree: Path, monkeypatch: pytest.MonkeyPatch, pair: tuple[str, str]) -> None:
    code, _, err = run(tree, monkeypatch, "show-alignment", *pair)
    assert code == 2 and len(err.splitlines()) == 1


def test_terms_suggest(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run(tree, monkeypatch, "terms", "suggest", ".")


@pytest.mark.parametrize("code", ["LIM001", "PAL001", "TYP003"])
def test_explain(tree: Path, monkeypatch: pytest.MonkeyPatch, code: str) -> None:
    assert run(tree, monkeypatch, "explain", code)[0] == 0
