"""Inline suppression: the directive grammar, what each directive
covers, directives in either file of a pair, and SUP001/SUP002 for
directives that cannot work."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from ruconsist.checks.directives import UnknownDirectiveCode
from ruconsist.cli import main
from ruconsist.config import Config
from ruconsist.engine import Linter
from ruconsist.hookspecs import hookimpl
from ruconsist.pairing import FilePair
from ruconsist.plugins import get_plugin_manager
from ruconsist.rules import load_rules
from ruconsist.suppress import parse
from tests.conftest import DATA

NEWS = str(DATA / "news.yaml")
KNOWN = ("ALN001", "ALN002", "NUM001", "NUM002", "TRM001", "TRM002", "DAT004")


@pytest.mark.parametrize(
    ("text", "fmt", "lines", "whole"),
    [
        ("Текст.\n<!-- ruconsist: disable-line NUM001 -->\n", "markdown", {2: [("NUM001",)]}, []),
        # The next paragraph, whole, after blank lines.
        ("<!-- ruconsist: disable-next-line TRM -->\n\nЛавров\nвстретился\n\nДалее.\n", "markdown",
         {3: [("TRM",)], 4: [("TRM",)]}, []),
        ("<!--ruconsist:disable-next-line num001,trm001-->\nА\n", "markdown", {2: [("NUM001", "TRM001")]}, []),
        ("А\n<!-- ruconsist: disable NUM -->\nБ\n<!-- ruconsist: enable NUM -->\nВ\n", "markdown",
         {2: [("NUM",)], 3: [("NUM",)], 4: [("NUM",)]}, []),
        # enable without codes closes every open block
        ("<!-- ruconsist: disable NUM -->\n<!-- ruconsist: disable TRM -->\nА\n<!-- ruconsist: enable -->\nБ\n", "markdown",
         {1: [("NUM",)], 2: [("NUM",), ("TRM",)], 3: [("NUM",), ("TRM",)], 4: [("NUM",), ("TRM",)]}, []),
        # an unclosed block runs to the end of the file
        ("А\n# ruconsist: disable\nБ\n", "text", {2: [()], 3: [()], 4: [()]}, []),
        ("<!-- ruconsist: disable-file DAT004 -- the source misdates it -->\nА\n", "markdown", {}, [("DAT004",)]),
        ('#. ruconsist: disable-next-line TRM001\nmsgid "Лавров"\nmsgstr "外长"\n', "po",
         {2: [("TRM001",)], 3: [("TRM001",)]}, []),
        # A Markdown heading is not a comment; an HTML comment in plain text is not either.
        ("# ruconsist: disable-file\nА\n", "markdown", {}, []),
        ("<!-- ruconsist: disable-file -->\nА\n", "text", {}, []),
    ],
)
def test_what_each_directive_covers(text: str, fmt: str, lines: dict, whole: list) -> None:
    segments = [(3, 4), (6, 6)] if "Лавров\nвстретился" in text else [(2, 3)] if fmt == "po" else []
    dirs = parse(text, KNOWN, fmt, segments)
    assert (dirs.lines, dirs.whole_file, dirs.problems) == (lines, whole, [])


@pytest.mark.parametrize(
    ("directive", "kind", "message"),
    [
        ("<!-- ruconsist: disable-next-line NUN001 -->", "unknown-code",
         "disable-next-line names NUN001, which no check reports (did you mean 'NUM001'?)"),
        ("<!-- ruconsist: disable XYZ -->", "unknown-code", "disable names XYZ, which no check reports"),
        ("<!-- ruconsist: disabel-next-line NUM001 -->", "malformed",
         "unknown directive 'disabel-next-line' (did you mean 'disable-next-line'?);"
         " expected one of disable-next-line, disable-line, disable-file, disable, enable"),
        ("<!-- ruconsist: disable-line NUM-001 -->", "malformed",
         "'NUM-001' in a disable-line directive is not a code (e.g. NUM001 or NUM)"),
        ("<!-- ruconsist: enable TRM -->", "malformed", "enable TRM closes no open disable block"),
    ],
)
def test_directives_that_cannot_work_are_problems(directive: str, kind: str, message: str) -> None:
    dirs = parse(f"Текст.\n{directive}\n", KNOWN, "markdown")
    assert [(p.kind, p.line, p.message) for p in dirs.problems] == [(kind, 2, message)]


def test_malformed_codes_never_widen_to_every_code() -> None:
    dirs = parse("<!-- ruconsist: disable-file NUM-001 -->\n", KNOWN, "markdown")
    assert dirs.whole_file == []


# Through the real pipeline -------------------------------------------

RU = "Заголовок\n\nЛавров встретился\nс Ван И.\n\nВизит Путина.\n"
ZH = "标题\n\n外长会见了王毅。\n\n普京访问。\n"
FINDING = "a.ru.md:3:1: [error] TRM001 RU 'Лавров' has no counterpart in ZH (expected 谢尔盖·拉夫罗夫 or 拉夫罗夫)"


def run(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(args, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def insert(text: str, line: int, directive: str) -> str:
    lines = text.split("\n")
    lines.insert(line - 1, directive)
    return "\n".join(lines)


@pytest.mark.parametrize(
    ("ru", "zh", "reported"),
    [
        (RU, ZH, True),
        (insert(RU, 3, "<!-- ruconsist: disable-next-line TRM001 -->"), ZH, False),
        # In the translation, above the aligned paragraph: the translator's file.
        (RU, insert(ZH, 3, "<!-- ruconsist: disable-next-line TRM001 -->"), False),
        (RU, insert(ZH, 3, "<!-- ruconsist: disable-next-line TRM -- name left out on purpose -->"), False),
        (RU, insert(ZH, 3, "<!-- ruconsist: disable-next-line NUM -->"), True),
        # Above another paragraph: covers that one only.
        (RU, insert(ZH, 1, "<!-- ruconsist: disable-next-line TRM001 -->"), True),
        (insert(RU, 1, "<!-- ruconsist: disable-file -->"), ZH, False),
        (RU, insert(ZH, 1, "<!-- ruconsist: disable-file TRM -->"), False),
        (insert(insert(RU, 6, "<!-- ruconsist: enable TRM -->"), 3, "<!-- ruconsist: disable TRM -->"), ZH, False),
        (RU.replace("с Ван И.", "с Ван И. <!-- ruconsist: disable-line TRM001 -->"), ZH, True),  # another line
        (RU.replace("Лавров встретился", "Лавров встретился <!-- ruconsist: disable-line TRM001 -->"), ZH, False),
        # A Markdown heading that happens to read like a directive does nothing.
        (insert(RU, 1, "# ruconsist: disable-file"), ZH, True),
    ],
)
def test_directive_in_either_file_suppresses_at_the_aligned_segment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ru: str, zh: str, reported: bool
) -> None:
    (tmp_path / "a.ru.md").write_text(ru, encoding="utf-8")
    (tmp_path / "a.zh.md").write_text(zh, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(["check", "a.ru.md", "--no-default-rules", "--rules", NEWS, "-f", "parsable", "--select", "TRM"])
    lavrov = [line for line in out.splitlines() if "'Лавров'" in line]
    assert bool(lavrov) == reported
    if reported:
        line = FINDING.split(":", 2)
        assert lavrov[0].split(":", 2)[2] == line[2]


def test_plain_text_and_po_use_hash_comments(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.ru.txt").write_text(RU.replace("Лавров", "# ruconsist: disable-next-line TRM001\nЛавров", 1),
                                       encoding="utf-8")
    (tmp_path / "a.zh.txt").write_text(ZH, encoding="utf-8")
    (tmp_path / "news.po").write_text(
        'msgid ""\nmsgstr ""\n"Language: zh_CN\\n"\n\n'
        '#. ruconsist: disable-next-line TRM001\nmsgid "Лавров встретился с Ван И."\nmsgstr "外长会见了王毅。"\n\n'
        'msgid "Лавров и Ван И."\nmsgstr "外长和王毅。"\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    args = ["--no-default-rules", "--rules", NEWS, "-f", "parsable", "--select", "TRM"]
    assert "'Лавров'" not in run(["check", "a.ru.txt", *args])[1]
    assert run(["check", "news.po", *args])[1].splitlines() == [
        "news.po:9:8: [error] TRM001 RU 'Лавров' has no counterpart in ZH (expected 谢尔盖·拉夫罗夫 or 拉夫罗夫)",
    ]


def test_unknown_codes_in_directives_are_warnings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.ru.md").write_text(insert(RU, 3, "<!-- ruconsist: disable-next-line TRN001 -->"), encoding="utf-8")
    (tmp_path / "a.zh.md").write_text(insert(ZH, 1, "<!-- ruconsist: disabel-file -->"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    class Directives:
        @hookimpl
        def ruconsist_register_checks(self, register):  # type: ignore[no-untyped-def]
            register(UnknownDirectiveCode)

    pm = get_plugin_manager(load_entrypoints=False)
    pm.register(Directives(), name="directives")
    linter = Linter(Config(), pm=pm, rules=load_rules([NEWS], defaults=False))
    result = linter.lint_pair(FilePair(Path("a.ru.md"), Path("a.zh.md")))
    found = [(d.code, d.severity.label, d.location.short(), d.message) for d in result.diagnostics if d.code.startswith("SUP")]
    assert found == [
        ("SUP001", "warning", "a.ru.md:3:1",
         "disable-next-line names TRN001, which no check reports (did you mean 'TRM001'?)"),
        ("SUP002", "warning", "a.zh.md:1:1",
         "unknown directive 'disabel-file' (did you mean 'disable-file'?);"
         " expected one of disable-next-line, disable-line, disable-file, disable, enable"),
    ]
    # The misspelt code suppressed nothing.
    assert any(d.code == "TRM001" and d.location.short() == "a.ru.md:4:1" for d in result.diagnostics)
