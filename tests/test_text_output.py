"""The default terminal output: findings shown on the RU and ZH lines
with the spans underlined, folding of repeated style findings, the
summary line, colour, and the progress bar."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from ruconsist import testing
from ruconsist.diagnostic import Diagnostic, Fix, Severity
from ruconsist.document import Document
from ruconsist.engine import PairResult
from ruconsist.formatters.base import Summary
from ruconsist.formatters.text import TextFormatter, excerpt, summary_line, text_width, use_color
from ruconsist.pairing import FilePair
from ruconsist.progress import CLEAR, Progress
from ruconsist.readers.text import TextReader
from tests.conftest import DATA

NEWS = str(DATA / "news.yaml")


def lint(ru: str, zh: str, select: list[str]) -> tuple[list[Diagnostic], PairResult]:
    linter = testing.linter(select=select, packs=[NEWS], defaults=False)
    reader = TextReader()
    ru_parsed = reader.read(Document("a.ru.txt", ru), "ru", linter.config)
    zh_parsed = reader.read(Document("a.zh.txt", zh), "zh", linter.config)
    beads, diags, ctx = linter.lint_parsed(ru_parsed, zh_parsed)
    return diags, PairResult(FilePair(Path("a.ru.txt"), Path("a.zh.txt")), diags, beads, ctx)


def render(diags: list[Diagnostic], result: PairResult | None, width: int = 100) -> str:
    out = io.StringIO()
    formatter = TextFormatter(out, width=width)
    formatter.begin()
    formatter.handle(diags, result)
    summary = Summary(pairs=1)
    for d in diags:
        summary.add(d)
    formatter.finish(summary)
    return out.getvalue()


def test_wide_characters_are_underlined_two_columns_each() -> None:
    # 会谈中，俄罗斯总统 is nine wide characters: the caret starts at column 18.
    diags, result = lint("Президент Путин прибыл в Пекин.\n", "会谈中，俄罗斯总统普丁抵达北京。\n", ["TRM002"])
    assert render(diags, result).splitlines() == [
        "a.zh.txt:1:10: TRM002 [error] ZH '普丁' is a wrong variant: use '普京'",
        "  RU 1 | Президент Путин прибыл в Пекин.",
        "       | ------------------------------- a.ru.txt:1:1",
        "  ZH 1 | 会谈中，俄罗斯总统普丁抵达北京。",
        "       |                   ^^^^",
        "  = fix: replace '普丁' with '普京' (safe: --fix applies it)",
        "1 pair checked: 1 error (name 1), 0 warnings; 1 fixable with --fix",
    ]


def test_missing_term_shows_the_expected_form_under_both_lines() -> None:
    diags, result = lint("Заголовок\n\nЛавров встретился с Ван И.\n", "标题\n\n外长会见了王毅。\n", ["TRM001"])
    assert render(diags, result).splitlines()[:6] == [
        "a.ru.txt:3:1: TRM001 [error] RU 'Лавров' has no counterpart in ZH (expected 谢尔盖·拉夫罗夫 or 拉夫罗夫)",
        "  RU 3 | Лавров встретился с Ван И.",
        "       | ^^^^^^",
        "  ZH 3 | 外长会见了王毅。",
        "       | ---------------- a.zh.txt:3:1",
        "  = expected: 谢尔盖·拉夫罗夫",
    ]


def test_a_whole_counterpart_sentence_is_shown_but_not_underlined() -> None:
    ru = "Помощник президента Сергей Лавров сообщил журналистам, что переговоры продлятся ещё два дня.\n"
    zh = "总统助理对记者表示，会谈还将持续两天，双方将继续讨论战略稳定问题和地区局势。\n"
    diags, result = lint(ru, zh, ["TRM001"])
    lines = render(diags, result).splitlines()
    assert lines[3] == "  ZH 1 | 总统助理对记者表示，会谈还将持续两天，双方将继续讨论战略稳定问题和地区局势。"
    assert lines[4] == "  = expected: 谢尔盖·拉夫罗夫"


def col_slice(text: str, a: int, b: int) -> str:
    """The characters of ``text`` between display columns a and b."""
    out, col = [], 0
    for ch in text:
        if a <= col < b:
            out.append(ch)
        col += text_width(ch)
    return "".join(out)


@pytest.mark.parametrize(
    ("line", "span", "width"),
    [
        ("Путин прибыл в Пекин.", "Пекин", 80),
        ("外长会见了王毅。", "王毅", 80),
        # A long RU paragraph: the span near the end stays in view.
        ("В 2026 году стороны планируют провести ряд мероприятий по линии правительств, парламентов, "
         "администрации президента и аппарата ЦК компартии Китая, Совета безопасности, министерств.",
         "Совета безопасности", 60),
        # A long ZH paragraph: every character is two columns.
        ("此外，今年双方还计划在政府、议会、总统办公厅与中共中央、安全机构、各部委、部门及政党等多个层面开展交流，"
         "俄罗斯总统普丁将于五月访华。", "普丁", 50),
        # A span wider than the room is cut and underlined to the edge.
        ("Договор о мерах по дальнейшему сокращению и ограничению стратегических наступательных вооружений",
         "Договор о мерах по дальнейшему сокращению и ограничению", 30),
    ],
)
def test_excerpt_keeps_the_span_in_view_within_the_width(line: str, span: str, width: int) -> None:
    start = line.index(span)
    shown, a, b = excerpt(line, start, start + len(span), width)
    assert text_width(shown) <= width
    visible = col_slice(shown, a, b).rstrip("…")
    assert visible and span.startswith(visible)
    if text_width(line) > width:
        assert "…" in shown


def style(doc: Document, line: int, col: int) -> Diagnostic:
    loc = doc.location("zh", doc.offset(line, col), doc.offset(line, col) + 1)
    return Diagnostic(
        "TYP001", "halfwidth-punctuation", "style", Severity.WARNING,
        "ZH ',' between Chinese characters: use '，'", loc,
        fix=Fix(doc.path, doc.offset(line, col), doc.offset(line, col) + 1, "，"),
    )


def test_repeated_style_findings_fold_and_do_not_bury_errors() -> None:
    zh_text = "".join(f"第{i}段,内容。\n" for i in range(1, 7))
    diags, result = lint("Путин.\n", "普丁。\n", ["TRM002"])
    zh_doc = Document("b.zh.txt", zh_text)
    result.context.zh_doc = zh_doc  # type: ignore[union-attr]
    styles = [style(zh_doc, i, 3) for i in range(1, 7)]
    out = render(diags + styles, result).splitlines()
    assert [line for line in out if not line.startswith(" ")] == [
        "a.zh.txt:1:1: TRM002 [error] ZH '普丁' is a wrong variant: use '普京'",
        "b.zh.txt:1:3: TYP001 [warning] ZH ',' between Chinese characters: use '，'",
        "b.zh.txt:2:3: TYP001 [warning] ZH ',' between Chinese characters: use '，'",
        "b.zh.txt:3:3: TYP001 [warning] ZH ',' between Chinese characters: use '，'",
        "... 3 more TYP001 in b.zh.txt (lines 4, 5, 6); --format parsable lists them all",
        "1 pair checked: 1 error (name 1), 6 warnings (style: TYP001 6); 7 fixable with --fix",
    ]


def summary(pairs: int, findings: list[tuple[str, str]], unreadable: int = 0) -> Summary:
    from ruconsist.errors import InputError

    s = Summary(pairs=pairs)
    for category, severity in findings:
        loc = Document("x", "x").location("ru", 0, 1)
        s.add(Diagnostic("X1", "x", category, Severity.parse(severity), "m", loc))
    s.input_errors = [InputError("empty file", "x")] * unreadable
    return s


@pytest.mark.parametrize(
    ("s", "codes", "expected"),
    [
        (summary(1, []), {}, "1 pair checked: 0 errors, 0 warnings"),
        (summary(3, [("name", "error"), ("title", "error"), ("name", "error"), ("date", "warning")]), {},
         "3 pairs checked: 3 errors (name 2, title 1), 1 warning (date 1)"),
        (summary(2, [("number", "error")] + [("style", "warning")] * 40), {"PUN001": 37, "PUN003": 3},
         "2 pairs checked: 1 error (number 1), 40 warnings (style: PUN001 37, PUN003 3)"),
        (summary(1, [("term", "info")], unreadable=2), {},
         "1 pair checked: 0 errors, 0 warnings, 1 info (term 1); 2 files could not be read"),
    ],
)
def test_summary_line_counts_by_category_and_style_by_code(s: Summary, codes: dict[str, int], expected: str) -> None:
    from collections import Counter

    assert summary_line(s, Counter(codes)) == expected


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("stream", "choice", "no_color", "expected"),
    [
        (Terminal(), "auto", None, True),
        (Terminal(), "auto", "1", False),
        (io.StringIO(), "auto", None, False),
        (io.StringIO(), "always", "1", True),
        (Terminal(), "never", None, False),
    ],
)
def test_colour_only_on_a_terminal_without_no_color(monkeypatch, stream, choice, no_color, expected) -> None:
    if no_color is None:
        monkeypatch.delenv("NO_COLOR", raising=False)
    else:
        monkeypatch.setenv("NO_COLOR", no_color)
    assert use_color(stream, choice) is expected


def test_coloured_output_marks_severity_and_plain_output_has_no_escapes() -> None:
    diags, result = lint("Путин.\n", "普丁。\n", ["TRM002"])
    out = io.StringIO()
    TextFormatter(out, color=True).handle(diags, result)
    assert "\033[31merror\033[0m" in out.getvalue()
    assert "\033" not in render(diags, result)


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_progress_appears_only_after_the_delay_and_clears_before_output() -> None:
    term, clock = Terminal(), Clock()
    bar = Progress(10, term, delay=2.0, clock=clock, ticker=False, width=80)
    bar.update("news/a.ru.md")
    bar.advance(5)
    assert term.getvalue() == ""
    clock.now = 3.0
    bar.tick()
    assert term.getvalue() == CLEAR + "[##########..........] 5/10 pairs  0:03  news/a.ru.md"
    out = bar.guard(Terminal())
    out.write("a.ru.md:1:1: TRM001 …\n")
    assert term.getvalue().endswith(CLEAR)
    bar.close()
    assert not bar.shown


def test_progress_stays_silent_when_stderr_is_not_a_terminal() -> None:
    stream, clock = io.StringIO(), Clock()
    bar = Progress(3, stream, clock=clock, ticker=False)
    clock.now = 60.0
    bar.advance()
    bar.close()
    assert stream.getvalue() == ""
    assert bar.guard(stream) is stream


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("普丁", "普京", "replace '普丁' with '普京'"),
        ("", "《", "insert '《'"),
        # A quoted paragraph whose quotes change: only the quotes are named.
        ('"В ходе разговора председатель пригласил Путина совершить визит"',
         "«В ходе разговора председатель пригласил Путина совершить визит»",
         "replace '\"' with '«', '\"' with '»'"),
        ("x" * 40, "y" * 40, "replace 'xxxxxxxxxxxxxx…xxxxxxxxxxxxxx' with 'yyyyyyyyyyyyyy…yyyyyyyyyyyyyy'"),
    ],
)
def test_fix_hint_names_only_what_changes(old: str, new: str, expected: str) -> None:
    from ruconsist.formatters.text import describe_fix

    assert describe_fix(old, new) == expected


def test_findings_from_worker_processes_show_their_lines_too(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from ruconsist.cli import main

    # Workers send findings back without the pair's documents; the
    # snippets then come from the files themselves.
    for i in range(3):
        (tmp_path / f"a{i}.ru.txt").write_text("Лавров встретился с Ван И.\n", encoding="utf-8")
        (tmp_path / f"a{i}.zh.txt").write_text("外长会见了王毅。\n", encoding="utf-8")
    shown = []
    for jobs in ("1", "2"):
        out = io.StringIO()
        main(["check", "--jobs", jobs, "--no-default-rules", "--rules", NEWS, "--select", "TRM", str(tmp_path)], stdout=out)
        shown.append(out.getvalue())
    assert shown[0] == shown[1]
    assert shown[1].count("  RU 1 | Лавров встретился с Ван И.\n") == 3
