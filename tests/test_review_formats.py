"""The formats people read in review: ``rdjsonl`` for reviewdog (columns
in bytes, as reviewdog counts them) and ``markdown`` for job summaries
and merge-request notes."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import jsonschema
import pytest

from ruconsist.cli import main
from ruconsist.diagnostic import Diagnostic, Location, Severity
from ruconsist.document import Document
from ruconsist.formatters.base import Summary
from ruconsist.formatters.markdown import MarkdownFormatter, escape, quote
from ruconsist.formatters.rdjsonl import byte_column
from tests.conftest import DATA

NEWS = str(DATA / "news.yaml")

# reviewdog's Diagnostic message (proto/rdf/reviewdog.proto), written out
# as a JSON schema with the fields ruconsist fills in required.
POSITION = {
    "type": "object",
    "properties": {"line": {"type": "integer", "minimum": 1}, "column": {"type": "integer", "minimum": 1}},
    "required": ["line"],
    "additionalProperties": False,
}
RANGE = {
    "type": "object",
    "properties": {"start": POSITION, "end": POSITION},
    "required": ["start"],
    "additionalProperties": False,
}
LOCATION = {
    "type": "object",
    "properties": {"path": {"type": "string", "minLength": 1}, "range": RANGE},
    "required": ["path", "range"],
    "additionalProperties": False,
}
RDJSON_DIAGNOSTIC = {
    "type": "object",
    "properties": {
        "message": {"type": "string", "minLength": 1},
        "location": LOCATION,
        "severity": {"enum": ["ERROR", "WARNING", "INFO"]},
        "source": {
            "type": "object",
            "properties": {"name": {"const": "ruconsist"}, "url": {"type": "string"}},
            "required": ["name"],
        },
        "code": {
            "type": "object",
            "properties": {"value": {"type": "string"}, "url": {"type": "string", "pattern": "^https://"}},
            "required": ["value", "url"],
        },
        "suggestions": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"range": RANGE, "text": {"type": "string"}},
                "required": ["range", "text"],
            },
        },
        "related_locations": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"message": {"type": "string"}, "location": LOCATION},
                "required": ["location"],
            },
        },
    },
    "required": ["message", "location", "severity", "source"],
    "additionalProperties": False,
}


def run(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(args, out, err), out.getvalue(), err.getvalue()


def rdjsonl(args: list[str]) -> list[dict]:
    code, out, err = run(["check", *args, "-f", "rdjsonl"])
    assert code in (0, 1), err
    lines = [json.loads(line) for line in out.splitlines()]
    for line in lines:
        jsonschema.validate(line, RDJSON_DIAGNOSTIC)
    return lines


def byte_slice(path: Path, loc: dict, encoding: str = "utf-8") -> str:
    """What reviewdog takes a range to cover: the bytes of the file's
    line between the start and end columns."""
    start, end = loc["range"]["start"], loc["range"]["end"]
    assert start["line"] == end["line"]
    line = path.read_bytes().splitlines()[start["line"] - 1]
    return line[start["column"] - 1 : end["column"] - 1].decode(encoding)


@pytest.fixture
def pair(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "news").mkdir()
    # Lavrov stands after Cyrillic text (two bytes a letter), the joined
    # name after Chinese text (three bytes a character).
    (tmp_path / "news/a.ru.md").write_text(
        "Заголовок\n\nВчера днём Лавров встретился с Ван И.\n\nВладимир Путин приехал в Пекин.\n", encoding="utf-8"
    )
    (tmp_path / "news/a.zh.md").write_text(
        "标题\n\n昨天，外长会见了王毅。\n\n俄罗斯总统弗拉基米尔*普京抵达北京。\n", encoding="utf-8"
    )
    return tmp_path


def test_rdjsonl_columns_are_utf8_bytes_of_russian_and_chinese_lines(pair: Path) -> None:
    lines = rdjsonl(["news", "--no-default-rules", "--rules", NEWS])
    by_code = {}
    for item in lines:
        by_code.setdefault((item["code"]["value"], item["location"]["path"]), item)
    lavrov = by_code[("TRM001", "news/a.ru.md")]
    # "Вчера днём " is 11 characters, 20 bytes: Лавров is bytes 21-32.
    assert lavrov["location"]["range"] == {"start": {"line": 3, "column": 21}, "end": {"line": 3, "column": 33}}
    assert byte_slice(pair / "news/a.ru.md", lavrov["location"]) == "Лавров"
    name = by_code[("NAM001", "news/a.zh.md")]
    assert byte_slice(pair / "news/a.zh.md", name["location"]) == "弗拉基米尔*普京"
    assert name["location"]["range"]["start"] == {"line": 5, "column": 16}


def test_rdjsonl_links_the_counterpart_both_ways_and_offers_safe_fixes(pair: Path) -> None:
    lines = rdjsonl(["news", "--no-default-rules", "--rules", NEWS])
    name = [item for item in lines if item["code"]["value"] == "NAM001"]
    assert [item["location"]["path"] for item in name] == ["news/a.zh.md", "news/a.ru.md"]
    primary, counterpart = name
    assert primary["severity"] == "ERROR"
    assert primary["source"]["name"] == "ruconsist"
    assert re.fullmatch(r"https://github\.com/OWNER/ruconsist/blob/v[\d.]+/ruconsist/checks/names\.py#L\d+", primary["code"]["url"])
    assert primary["related_locations"] == [{"message": "RU counterpart", "location": counterpart["location"]}]
    assert counterpart["related_locations"] == [{"message": "flagged here", "location": primary["location"]}]
    assert counterpart["message"] == primary["message"] + " (RU counterpart of news/a.zh.md:5:6)"
    # The fix (· for *) is a one-click suggestion on the Chinese line, and
    # only there: the Russian line is not what it changes.
    (suggestion,) = primary["suggestions"]
    assert suggestion["text"] == "弗拉基米尔·普京"
    assert byte_slice(pair / "news/a.zh.md", suggestion) == "弗拉基米尔*普京"
    assert "suggestions" not in counterpart
    # A finding without a safe fix has no suggestion.
    lavrov = next(item for item in lines if item["code"]["value"] == "TRM001")
    assert "suggestions" not in lavrov


@pytest.mark.parametrize(
    ("text", "encoding", "bom", "column", "expected"),
    [
        ("a𐐀b", "utf-8", False, 3, 6),  # reviewdog's own example: b is byte 6
        ("Путин и Си", "utf-8", False, 7, 12),
        ("普京和习近平", "utf-8", False, 4, 10),
        ("普京和习近平", "utf-8", True, 4, 13),  # the BOM's three bytes on line 1
        ("普京和习近平", "gb18030", False, 4, 7),  # the file's own encoding: two bytes a character
        ("Путин и Си", "cp1251", False, 7, 7),
    ],
)
def test_byte_column_counts_what_reviewdog_counts(text: str, encoding: str, bom: bool, column: int, expected: int) -> None:
    doc = Document("a.txt", text + "\n", encoding=encoding, bom=bom)
    assert byte_column(doc, 1, column) == expected


def test_rdjsonl_on_a_crlf_file_after_the_first_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.ru.txt").write_bytes("Заголовок\r\n\r\nВчера днём Лавров встретился с Ван И.\r\n".encode())
    Path("a.zh.txt").write_bytes("标题\r\n\r\n昨天，外长会见了王毅。\r\n".encode())
    (lavrov, _) = [i for i in rdjsonl(["a.ru.txt", "--no-default-rules", "--rules", NEWS]) if i["code"]["value"] == "TRM001"]
    assert byte_slice(tmp_path / "a.ru.txt", lavrov["location"]) == "Лавров"


def test_rdjsonl_without_findings_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.ru.md").write_text("Лавров встретился с Ван И.\n", encoding="utf-8")
    Path("a.zh.md").write_text("拉夫罗夫会见了王毅。\n", encoding="utf-8")
    assert run(["check", ".", "--no-default-rules", "--rules", NEWS, "-f", "rdjsonl"]) == (0, "", "")


def test_code_urls_point_at_the_page_explain_prints() -> None:
    from ruconsist.cli import build_parser
    from ruconsist.commands.common import linter_from_args as _linter
    from ruconsist.formatters.base import explain_url
    from tests.conftest import REPO

    linter = _linter(build_parser().parse_args(["check", "."]))
    codes = linter.codes
    assert len(codes) > 20
    linked = 0
    for code, info in codes.items():
        url = explain_url(code, codes)
        if code not in info.check.codes():
            # A code a rule pack defines: its page is made from the pack.
            assert url is None, code
            continue
        assert url is not None, code
        path, line = url.split("/blob/", 1)[1].split("/", 1)[1].split("#L")
        source = (REPO / path).read_text(encoding="utf-8").splitlines()
        # The first words of the page stand just below the linked line:
        # the class's docstring, or the code's own entry of code_docs.
        page = info.check.explain(code, linter.rules)
        words = " ".join(page.split()[:4])
        below = " ".join(" ".join(source[int(line) - 1 : int(line) + 12]).split())
        assert words in below, (code, url, words)
        linked += 1
    assert linked > 20

    class PluginCheck:
        """A plugin's check: its source is not in this repository."""

    PluginCheck.__module__ = "ruconsist_house.checks"
    assert explain_url("HSE001", {"HSE001": type("Info", (), {"check": PluginCheck})()}) is None
    assert explain_url("XYZ001", codes) is None


# ---------------------------------------------------------------------------
# Markdown


def test_markdown_summary_of_a_real_run(pair: Path) -> None:
    code, out, err = run(["check", "news", "--no-default-rules", "--rules", NEWS, "-f", "markdown"])
    assert (code, err) == (1, "")
    assert out.startswith("## ruconsist: 2 errors, 0 warnings in 1 pair\n\n")
    assert "| category | errors | warnings |\n|---|---:|---:|\n| name | 2 |  |\n" in out
    assert re.search(r"\| news/a\.ru\.md \| \[TRM001\]\(https://github\.com/OWNER/ruconsist/blob/v[\d.]+/ruconsist/checks/[\w/]+\.py#L\d+\) term-missing \| error \| 1 \|", out)
    assert "### Findings\n" in out
    # Both sides quoted, each span in bold.
    assert "| RU | news/a.ru.md:3 | Вчера днём <b>Лавров</b> встретился с Ван И. |" in out
    assert "| ZH | news/a.zh.md:5 | 俄罗斯总统<b>弗拉基米尔\\*普京</b>抵达北京。 |" in out


def test_markdown_escapes_what_translations_contain() -> None:
    assert escape("a|b *c* <script> @all #12 $x$ `x`") == (
        "a\\|b \\*c\\* &lt;script&gt; \\@all \\#12 \\$x\\$ \\`x\\`"
    )
    assert quote("x" * 100 + "Лавров" + "y" * 100, 100, 106, context=10) == (
        "…" + "x" * 10 + "<b>Лавров</b>" + "y" * 10 + "…"
    )


def _finding(n: int, severity: Severity) -> Diagnostic:
    return Diagnostic(
        code="TRM001" if severity == Severity.ERROR else "TYP001",
        slug="term-missing" if severity == Severity.ERROR else "halfwidth-punctuation",
        category="name" if severity == Severity.ERROR else "style",
        severity=severity,
        message=f"finding {n}",
        location=Location("zh", f"f{n % 3}.zh.md", n, 1, n, 2),
    )


def test_markdown_quotes_errors_first_and_counts_everything() -> None:
    stream = io.StringIO()
    f = MarkdownFormatter(stream)
    f.shown = 3
    f.begin()
    summary = Summary(pairs=3)
    # Warnings come first in reading order; the errors after them still
    # make the list, and the table counts every finding.
    diags = [_finding(n, Severity.WARNING) for n in range(1, 6)] + [_finding(n, Severity.ERROR) for n in (6, 7)]
    for d in diags:
        summary.add(d)
    f.handle(diags, None)
    summary.outside_diff = 4
    f.finish(summary)
    out = stream.getvalue()
    assert out.startswith("## ruconsist: 2 errors, 5 warnings in 3 pairs\n\nNot shown: 4 findings outside the changed segments.\n")
    assert "### First 3 of 7 findings" in out
    shown = [line for line in out.splitlines() if line.startswith("**")]
    assert [line.split(": ", 1)[1] for line in shown] == ["finding 6", "finding 7", "finding 1"]
    # Codes the run does not know have no page to link to.
    assert shown[0] == "**1.** **error** TRM001 term-missing: finding 6"
    assert "| f2.zh.md | TYP001 halfwidth-punctuation | warning | 2 |" in out and out.count("| warning |") == 3


def test_markdown_links_locations_to_the_commit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_SERVER_URL", "https://github.com")
    monkeypatch.setenv("GITHUB_REPOSITORY", "team/texts")
    monkeypatch.setenv("GITHUB_SHA", "abc123")
    stream = io.StringIO()
    f = MarkdownFormatter(stream)
    f.begin()
    assert f._where(Location("ru", "news/a.ru.md", 3, 1, 4, 2)) == (
        "[news/a.ru.md:3](https://github.com/team/texts/blob/abc123/news/a.ru.md#L3-L4)"
    )
    # A name with spaces or brackets stays one link.
    assert f._where(Location("zh", "新闻 (2026)/a.zh.md", 5, 1, 5, 2)) == (
        "[新闻 (2026)/a.zh.md:5](https://github.com/team/texts/blob/abc123/"
        "%E6%96%B0%E9%97%BB%20%282026%29/a.zh.md#L5)"
    )


def test_markdown_with_no_findings_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.ru.md").write_text("Лавров встретился с Ван И.\n", encoding="utf-8")
    Path("a.zh.md").write_text("拉夫罗夫会见了王毅。\n", encoding="utf-8")
    code, out, _ = run(["check", ".", "--no-default-rules", "--rules", NEWS, "-f", "markdown"])
    assert (code, out) == (0, "## ruconsist: 0 errors, 0 warnings in 1 pair\n\nNo findings.\n")
