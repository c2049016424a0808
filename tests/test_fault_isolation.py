"""One pair that cannot be checked never hides the others.

A check of a plugin that raises on one pair, a locale file whose integer
is past Python's digit limit, a JSON string holding a lone surrogate: the
pair in question is reported as not checked (or not read) with its file,
and every other pair's findings are still written, in every format,
serial and in worker processes.  A bug ends the run with exit code 3, but
only after all output is out."""

from __future__ import annotations

import io
import json
import math
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

import ruconsist.plugins
from ruconsist.checks.base import Check, PairContext
from ruconsist.cli import main
from ruconsist.diagnostic import Diagnostic, Severity
from ruconsist.document import SegmentPair
from ruconsist.hookspecs import hookimpl

GOOD_RU = "В 2020 году было 300 участников.\n"
GOOD_ZH = "2021年有300名参与者。\n"


class CrashOnBeijing(Check):
    """Raises on any bead that mentions Пекин: a bug in a plugin."""

    code = "XBG001"
    slug = "crash-on-beijing"
    category = "style"
    severity = Severity.ERROR

    def check(self, bead: SegmentPair, ctx: PairContext) -> Iterator[Diagnostic]:
        if "Пекин" in bead.ru.text:
            raise ValueError("boom on Пекин")
        return iter(())


class _Plugin:
    @hookimpl
    def ruconsist_register_checks(self, register):  # type: ignore[no-untyped-def]
        register(CrashOnBeijing)


@pytest.fixture
def crashing_plugin(monkeypatch: pytest.MonkeyPatch) -> None:
    original = ruconsist.plugins.get_plugin_manager

    def with_plugin(*args, **kwargs):  # type: ignore[no-untyped-def]
        pm = original(*args, **kwargs)
        pm.register(_Plugin(), name="crash")
        return pm

    monkeypatch.setattr(ruconsist.plugins, "get_plugin_manager", with_plugin)


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "good.ru.txt").write_text(GOOD_RU, encoding="utf-8")
    (tmp_path / "good.zh.txt").write_text(GOOD_ZH, encoding="utf-8")
    (tmp_path / "bad.ru.txt").write_text("Путин прибыл в Пекин.\n", encoding="utf-8")
    (tmp_path / "bad.zh.txt").write_text("普京抵达北京。\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "junit", "github", "gitlab", "parsable"])
def test_a_crashing_check_leaves_the_pair_not_checked_and_the_others_reported(
    crashing_plugin: None, tree: Path, fmt: str, jobs: str
) -> None:
    code, out, err = run("check", "--jobs", jobs, "--format", fmt, "bad.ru.txt", "good.ru.txt")
    assert code == 3
    # The good pair's DAT001 (2020 vs 2021) is there in every format.
    assert "DAT001" in out
    assert err.splitlines()[-1] == (
        "ruconsist: bad.ru.txt:1: not checked (check XBG001): internal error: ValueError: boom on Пекин"
        " (set RUCONSIST_DEBUG=1 for a traceback)"
    )
    assert "Traceback" not in err


def test_machine_formats_carry_the_pair_not_checked(crashing_plugin: None, tree: Path) -> None:
    _, out, _ = run("check", "--format", "sarif", "bad.ru.txt", "good.ru.txt")
    invocation = json.loads(out)["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    [note] = invocation["toolExecutionNotifications"]
    assert note["message"]["text"] == "not checked (check XBG001): internal error: ValueError: boom on Пекин"
    _, out, _ = run("check", "--format", "json", "bad.ru.txt", "good.ru.txt")
    summary = json.loads(out)["summary"]
    assert summary["pairs"] == 1
    assert summary["internal_errors"] == [
        "bad.ru.txt:1: not checked (check XBG001): internal error: ValueError: boom on Пекин"
    ]
    _, out, _ = run("check", "--format", "junit", "bad.ru.txt", "good.ru.txt")
    errors = ET.fromstring(out).findall(".//error")
    assert [e.get("message") for e in errors] == ["not checked (check XBG001): internal error: ValueError: boom on Пекин"]


def test_the_text_summary_counts_pairs_not_checked(crashing_plugin: None, tree: Path) -> None:
    _, out, _ = run("check", "bad.ru.txt", "good.ru.txt")
    assert out.splitlines()[-1].endswith("; 1 pair not checked (internal error)")


def test_a_number_past_the_digit_limit_is_an_input_error_with_its_line(tree: Path) -> None:
    (tree / "loc").mkdir()
    (tree / "loc" / "ru.json").write_text('{\n  "a": "Привет",\n  "n": ' + "9" * 5000 + "\n}\n", encoding="utf-8")
    (tree / "loc" / "zh.json").write_text('{"a": "你好", "n": 1}\n', encoding="utf-8")
    code, out, err = run("check", "--format", "json", "loc", "good.ru.txt")
    assert code == 2
    assert err == "ruconsist: loc/ru.json:3: a number of 5000 digits; at most 4300 can be read\n"
    assert "DAT001" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"version": 1, "findings": [' + "9" * 5000 + "]}", "base.json:1: a number of 5000 digits; at most 4300 can be read"),
        ("[" * 100_000 + "]" * 100_000, "base.json: baseline is JSON nested too deeply"),
    ],
)
def test_a_baseline_past_a_parser_limit_is_one_line(tree: Path, content: str, message: str) -> None:
    (tree / "base.json").write_text(content, encoding="utf-8")
    assert run("check", "--baseline", "base.json", "good.ru.txt") == (2, "", f"ruconsist: {message}\n")


@pytest.fixture
def surrogates(tree: Path) -> Path:
    # Valid JSON: an escaped lone surrogate, which no UTF-8 stream takes.
    (tree / "ru.json").write_text('{"a": "Привет \\ud800 мир"}\n', encoding="utf-8")
    (tree / "zh.json").write_text('{"a": "你好 \\ud800 世界"}\n', encoding="utf-8")
    return tree


def _utf8_run(*argv: str) -> tuple[int, bytes]:
    raw = io.BytesIO()
    # A strict UTF-8 stream: what the terminal or a pipe would take.
    stream = io.TextIOWrapper(raw, encoding="utf-8", errors="strict", write_through=True)
    err = io.StringIO()
    code = main(list(argv), stream, err)
    stream.flush()
    assert "internal error" not in err.getvalue()
    return code, raw.getvalue()


def test_show_alignment_writes_valid_utf8_whatever_the_text_held(surrogates: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, data = _utf8_run("show-alignment", "ru.json", "zh.json")
    assert code == 0
    assert "\\ud800" in data.decode("utf-8")


def test_report_writes_valid_utf8_whatever_the_text_held(surrogates: Path) -> None:
    code, _ = _utf8_run("report", "-o", "page.html", "ru.json")
    assert code in (0, 1)
    assert "\\ud800" in (surrogates / "page.html").read_bytes().decode("utf-8")


class SlowOnBeijing(Check):
    """Takes a long time on any bead that mentions Пекин."""

    code = "XSL001"
    slug = "slow-on-beijing"
    category = "style"
    severity = Severity.ERROR

    def check(self, bead: SegmentPair, ctx: PairContext) -> Iterator[Diagnostic]:
        if "Пекин" in bead.ru.text:
            import time

            time.sleep(120)
        return iter(())


def test_the_time_limit_stops_the_run_with_one_line_naming_the_file(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    original = ruconsist.plugins.get_plugin_manager

    class Slow:
        @hookimpl
        def ruconsist_register_checks(self, register):  # type: ignore[no-untyped-def]
            register(SlowOnBeijing)

    def with_plugin(*args, **kwargs):  # type: ignore[no-untyped-def]
        pm = original(*args, **kwargs)
        pm.register(Slow(), name="slow")
        return pm

    monkeypatch.setattr(ruconsist.plugins, "get_plugin_manager", with_plugin)
    # The good pair alone, once to load the rules and once timed: the
    # limit is ten times what the timed run takes (at least 2 s), so the
    # good pair always finishes inside it, however loaded the machine,
    # and only the slow check runs into it.
    assert run("check", "--jobs", "1", "good.ru.txt")[0] == 1
    started = time.perf_counter()
    assert run("check", "--jobs", "1", "good.ru.txt")[0] == 1
    limit = max(2, math.ceil(10 * (time.perf_counter() - started)))
    code, _, err = run("check", "--jobs", "1", "--timeout", str(limit), "good.ru.txt", "bad.ru.txt")
    assert (code, err) == (2, f"ruconsist: time limit of {limit} s reached while checking bad.ru.txt\n")
