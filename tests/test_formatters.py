"""Output formats for CI and code review: exact output per format, SARIF
validated against the official schema, several formats in one run."""

from __future__ import annotations

import io
import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from ruconsist.cli import main
from ruconsist.diagnostic import Diagnostic, Location, Severity
from ruconsist.formatters.base import RunInfo, Summary
from ruconsist.formatters.github import GithubFormatter
from ruconsist.formatters.gitlab import GitlabFormatter
from ruconsist.formatters.junit import JunitFormatter
from tests.conftest import DATA

NEWS = str(DATA / "news.yaml")
SCHEMA = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))

LAVROV = Diagnostic(
    code="TRM001",
    slug="term-missing",
    category="name",
    severity=Severity.ERROR,
    message="RU 'Лавров' has no counterpart in ZH (expected 谢尔盖·拉夫罗夫 or 拉夫罗夫)",
    location=Location("ru", "news/a.ru.md", 3, 1, 3, 7),
    counterpart=Location("zh", "news/a.zh.md", 3, 1, 3, 9),
    rule="lavrov",
)
# A warning whose counterpart spans two lines, and a message with the
# characters workflow commands must escape.
WEEKDAY = Diagnostic(
    code="DAT004",
    slug="weekday-date-mismatch",
    category="date",
    severity=Severity.WARNING,
    message="ZH '2月5日（周三）': 5 February 2026 is a Thursday,\nnot 100% a Wednesday",
    location=Location("zh", "news/a.zh.md", 7, 4, 7, 14),
    counterpart=Location("ru", "news/a.ru.md", 8, 1, 9, 12),
)
UNPAIRED = Diagnostic(
    code="ALN001",
    slug="unpaired-file",
    category="alignment",
    severity=Severity.INFO,
    message="RU file has no counterpart (expected news/b.zh.md)",
    location=Location("ru", "news/b.ru.md", 1, 1, 1, 1),
)


def render(cls: type, diags: list[Diagnostic], summary: Summary | None = None) -> str:
    stream = io.StringIO()
    f = cls(stream)
    f.run = RunInfo(fingerprint=lambda d: f"fp-{d.code}-{d.location.line}")
    f.begin()
    f.handle(diags, None)
    summary = summary or Summary(pairs=2, errors=1, warnings=1, infos=1)
    f.finish(summary)
    return stream.getvalue()


@pytest.mark.parametrize("batches", [[], [[]], [[LAVROV]], [[LAVROV, WEEKDAY], [], [UNPAIRED]]])
def test_json_written_as_findings_come_is_the_one_document_json_dump_writes(batches) -> None:  # type: ignore[no-untyped-def]
    from ruconsist.formatters.json import JsonFormatter

    stream = io.StringIO()
    f = JsonFormatter(stream)
    f.begin()
    for batch in batches:
        f.handle(batch, None)
    f.finish(Summary(pairs=2, errors=1, warnings=1, infos=1))
    whole = {
        "version": 1,
        "diagnostics": [d.to_dict() for batch in batches for d in batch],
        "summary": {"pairs": 2, "errors": 1, "warnings": 1, "infos": 1, "input_errors": [], "internal_errors": []},
    }
    assert stream.getvalue() == json.dumps(whole, ensure_ascii=False, indent=2) + "\n"


def test_github_annotates_both_files_and_escapes() -> None:
    assert render(GithubFormatter, [LAVROV, WEEKDAY, UNPAIRED]).splitlines() == [
        "::error file=news/a.ru.md,line=3,col=1,endLine=3,endColumn=7,title=TRM001 term-missing::"
        "RU 'Лавров' has no counterpart in ZH (expected 谢尔盖·拉夫罗夫 or 拉夫罗夫)",
        "::error file=news/a.zh.md,line=3,col=1,endLine=3,endColumn=9,title=TRM001 term-missing (ZH counterpart)::"
        "RU 'Лавров' has no counterpart in ZH (expected 谢尔盖·拉夫罗夫 or 拉夫罗夫) (flagged at news/a.ru.md:3:1)",
        "::warning file=news/a.zh.md,line=7,col=4,endLine=7,endColumn=14,title=DAT004 weekday-date-mismatch::"
        "ZH '2月5日（周三）': 5 February 2026 is a Thursday,%0Anot 100%25 a Wednesday",
        # Spans over two lines carry no columns: GitHub ignores them there.
        "::warning file=news/a.ru.md,line=8,endLine=9,title=DAT004 weekday-date-mismatch (RU counterpart)::"
        "ZH '2月5日（周三）': 5 February 2026 is a Thursday,%0Anot 100%25 a Wednesday (flagged at news/a.zh.md:7:4)",
        "::notice file=news/b.ru.md,line=1,col=1,endLine=1,endColumn=1,title=ALN001 unpaired-file::"
        "RU file has no counterpart (expected news/b.zh.md)",
        "2 pairs checked: 1 error, 1 warning",
    ]


def test_github_escapes_commas_and_colons_in_properties() -> None:
    odd = Diagnostic(**{**{k: getattr(LAVROV, k) for k in ("code", "slug", "category", "severity", "message")},
                        "location": Location("ru", "news/a,b:c.ru.md", 1, 1, 1, 2)})
    first = render(GithubFormatter, [odd]).splitlines()[0]
    assert first.startswith("::error file=news/a%2Cb%3Ac.ru.md,line=1,")


def test_gitlab_reports_both_files_with_distinct_fingerprints() -> None:
    issues = json.loads(render(GitlabFormatter, [LAVROV, UNPAIRED, UNPAIRED]))
    assert [(i["check_name"], i["severity"], i["location"]) for i in issues] == [
        ("TRM001", "major", {"path": "news/a.ru.md", "lines": {"begin": 3, "end": 3}}),
        ("TRM001", "major", {"path": "news/a.zh.md", "lines": {"begin": 3, "end": 3}}),
        ("ALN001", "info", {"path": "news/b.ru.md", "lines": {"begin": 1, "end": 1}}),
        ("ALN001", "info", {"path": "news/b.ru.md", "lines": {"begin": 1, "end": 1}}),
    ]
    assert issues[0]["fingerprint"] == "fp-TRM001-3"
    assert issues[1]["description"] == (
        "TRM001 term-missing (ZH counterpart of news/a.ru.md:3:1): "
        "RU 'Лавров' has no counterpart in ZH (expected 谢尔盖·拉夫罗夫 or 拉夫罗夫)"
    )
    # GitLab drops issues with equal fingerprints: a repeated finding
    # must still count.
    assert len({i["fingerprint"] for i in issues}) == 4


def test_junit_one_suite_per_pair_one_failing_case_per_finding() -> None:
    stream = io.StringIO()
    f = JunitFormatter(stream)
    f.begin()

    class Pair:
        paths = (Path("news/a.ru.md"), Path("news/a.zh.md"))

    class Result:
        pair = Pair()

    class Clean:
        pair = type("P", (), {"paths": (Path("news/c.ru.md"), Path("news/c.zh.md"))})()

    f.handle([LAVROV, WEEKDAY], Result())
    f.handle([], Clean())
    f.finish(Summary(pairs=2, errors=1, warnings=1))
    xml = stream.getvalue()
    assert xml.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="ruconsist" tests="3" failures="2" errors="0">')
    root = ET.fromstring(xml)
    suites = root.findall("testsuite")
    assert [(s.get("name"), s.get("tests"), s.get("failures")) for s in suites] == [
        ("news/a.ru.md ↔ news/a.zh.md", "2", "2"),
        ("news/c.ru.md ↔ news/c.zh.md", "1", "0"),
    ]
    case = suites[0].find("testcase")
    assert case is not None
    assert (case.get("name"), case.get("classname"), case.get("file"), case.get("line")) == (
        "TRM001 news/a.ru.md:3:1", "ruconsist.name", "news/a.ru.md", "3")
    failure = case.find("failure")
    assert failure is not None and failure.get("type") == "error"
    assert failure.text == (
        "news/a.ru.md:3:1: TRM001 [error] RU 'Лавров' has no counterpart in ZH (expected 谢尔盖·拉夫罗夫 or 拉夫罗夫)\n"
        "ZH counterpart: news/a.zh.md:3:1"
    )


def test_junit_stays_well_formed_with_control_characters() -> None:
    bad = Diagnostic(**{**{k: getattr(LAVROV, k) for k in ("code", "slug", "category", "severity", "location")},
                        "message": "RU 'A\x0bB' <&> has no counterpart"})
    root = ET.fromstring(render(JunitFormatter, [bad]))
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None and failure.get("message") == "RU 'A\ufffdB' <&> has no counterpart"


# Through the real CLI ------------------------------------------------


def run(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(args, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def news(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "news").mkdir()
    (tmp_path / "news/a.ru.md").write_text("Заголовок\n\nЛавров встретился с Ван И.\n", encoding="utf-8")
    (tmp_path / "news/a.zh.md").write_text("标题\n\n外长会见了王毅。\n", encoding="utf-8")
    (tmp_path / "news/b.ru.md").write_text("Визит Путина в Китай.\n", encoding="utf-8")
    (tmp_path / "news/b.zh.md").write_text("普京访问中国。\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


ARGS = ["check", "news", "--no-default-rules", "--rules", NEWS]


def test_sarif_is_valid_and_links_the_counterpart(news: Path) -> None:
    code, out, err = run([*ARGS, "-f", "sarif"])
    assert (code, err) == (1, "")
    log = json.loads(out)
    jsonschema.validate(log, SCHEMA)
    (result,) = log["runs"][0]["results"]
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == "TRM001"
    # An omission is a warning by default; the test pack makes its terms strict.
    assert rules[result["ruleIndex"]]["defaultConfiguration"] == {"level": "warning"}
    assert result["level"] == "error"
    assert result["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "news/a.ru.md", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 3, "startColumn": 1, "endLine": 3, "endColumn": 7},
    }
    (related,) = result["relatedLocations"]
    assert related["message"] == {"text": "ZH counterpart"}
    assert related["physicalLocation"]["artifactLocation"]["uri"] == "news/a.zh.md"
    assert log["runs"][0]["columnKind"] == "unicodeCodePoints"


def test_sarif_fingerprints_survive_lines_moving(news: Path) -> None:
    before = json.loads(run([*ARGS, "-f", "sarif"])[1])["runs"][0]["results"][0]
    ru = news / "news/a.ru.md"
    ru.write_text("Заголовок\n\nНовый первый абзац.\n\nЛавров встретился с Ван И.\n", encoding="utf-8")
    zh = news / "news/a.zh.md"
    zh.write_text("标题\n\n新的第一段。\n\n外长会见了王毅。\n", encoding="utf-8")
    after = json.loads(run([*ARGS, "-f", "sarif"])[1])["runs"][0]["results"][0]
    assert before["locations"][0]["physicalLocation"]["region"]["startLine"] == 3
    assert after["locations"][0]["physicalLocation"]["region"]["startLine"] == 5
    assert after["partialFingerprints"] == before["partialFingerprints"]


def test_sarif_fingerprint_changes_with_the_flagged_text(news: Path) -> None:
    before = json.loads(run([*ARGS, "-f", "sarif"])[1])["runs"][0]["results"][0]
    (news / "news/a.ru.md").write_text("Заголовок\n\nСергей Лавров встретился с Ван И.\n", encoding="utf-8")
    after = json.loads(run([*ARGS, "-f", "sarif"])[1])["runs"][0]["results"][0]
    assert after["partialFingerprints"] != before["partialFingerprints"]


def test_sarif_reports_unreadable_files_as_notifications(news: Path) -> None:
    (news / "news/c.ru.md").write_bytes("Текст".encode("cp1251"))
    (news / "news/c.zh.md").write_text("文本。\n", encoding="utf-8")
    code, out, err = run([*ARGS, "-f", "sarif"])
    log = json.loads(out)
    jsonschema.validate(log, SCHEMA)
    (invocation,) = log["runs"][0]["invocations"]
    assert code == 2 and invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "news/c.ru.md"


def test_one_run_feeds_several_consumers(news: Path) -> None:
    code, out, err = run([*ARGS, "-f", "sarif", "-o", "out/r.sarif", "-f", "junit", "-o", "out/r.xml", "-f", "github"])
    assert (code, err) == (1, "")
    assert out.startswith("::error file=news/a.ru.md,line=3,")
    jsonschema.validate(json.loads((news / "out/r.sarif").read_text(encoding="utf-8")), SCHEMA)
    assert ET.parse(news / "out/r.xml").getroot().get("failures") == "1"


def test_html_format_is_the_report_page_also_with_workers(news: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The page draws the aligned segments, which stay in worker processes:
    # with --format html the run lints in one process, and the page is
    # the one ``ruconsist report`` writes.
    from ruconsist import cli

    if "report" not in cli.COMMAND_MODULES:
        monkeypatch.setattr(cli, "COMMAND_MODULES", (*cli.COMMAND_MODULES, "report"))
    code, page, err = run([*ARGS, "-f", "html", "--jobs", "2"])
    assert (code, err) == (1, "")
    assert page.startswith("<!doctype html>") and page.count('<tbody class="seg') >= 3
    assert "Лавров" in page and "王毅" in page and "TRM001" in page
    _, report, _ = run(["report", "news", "--no-default-rules", "--rules", NEWS, "-o", "-"])
    assert page == report


def test_output_file_without_format_writes_text(news: Path) -> None:
    code, out, _ = run([*ARGS, "-o", "report.txt"])
    assert code == 1 and out == ""
    assert "TRM001" in (news / "report.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["-f", "sarif", "-f", "json"], "formats sarif, json would all write to standard output"),
        (["-f", "sarif", "-o", "a", "-o", "b"], "--output-file b follows a format that already has one"),
        (["-f", "sarif", "-f", "nope", "-o", "x"], "unknown format 'nope'"),
    ],
)
def test_format_and_output_mismatches_are_usage_errors(news: Path, extra: list[str], message: str) -> None:
    code, out, err = run([*ARGS, *extra])
    assert code == 2 and out == ""
    assert message in err and err.count("\n") == 1


def test_interrupted_run_leaves_no_partial_report(news: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ruconsist.formatters.sarif import SarifFormatter

    def boom(self: object, summary: object) -> None:
        raise KeyboardInterrupt

    (news / "old.sarif").write_text("previous report\n", encoding="utf-8")
    monkeypatch.setattr(SarifFormatter, "finish", boom)
    code, _, err = run([*ARGS, "-f", "sarif", "-o", "old.sarif"])
    assert code == 130 and err == "ruconsist: interrupted\n"
    assert (news / "old.sarif").read_text(encoding="utf-8") == "previous report\n"
    assert sorted(p.name for p in news.iterdir()) == ["news", "old.sarif"]


def test_docs_commands_use_real_flags() -> None:
    import re
    import shlex

    from ruconsist.cli import build_parser
    from tests.conftest import REPO

    commands = []
    for doc in ("docs/ci.md", "README.md"):
        text = (REPO / doc).read_text(encoding="utf-8")
        commands += [c.replace("\\\n", " ") for c in re.findall(r"^\s*(?:- run: )?(ruconsist check (?:\\\n|[^\n])*)", text, re.MULTILINE)]
    assert len(commands) >= 6
    parser = build_parser()
    for command in commands:
        # A command piped into another (reviewdog) ends at the pipe.
        command = command.split(" | ", 1)[0]
        words = shlex.split(command.replace("$DIFF", "").replace("${{ github.base_ref }}", "main"), comments=True)
        args = parser.parse_args(words[1:])
        assert args.command == "check", command


@pytest.mark.parametrize(
    ("flags", "reports"),
    [
        ([], [("text", None)]),
        (["-o", "r.txt"], [("text", "r.txt")]),
        (["-f", "sarif", "-o", "a.sarif", "-f", "junit", "-o", "a.xml", "-f", "github"],
         [("sarif", "a.sarif"), ("junit", "a.xml"), ("github", None)]),
        # An --output-file belongs to the --format just before it ...
        (["-f", "github", "-f", "sarif", "-o", "a.sarif"], [("github", None), ("sarif", "a.sarif")]),
        # ... or, given first, to the next one.
        (["-o", "a.sarif", "-f", "sarif", "-f", "github"], [("sarif", "a.sarif"), ("github", None)]),
        (["-f", "json", "-o", "-"], [("json", None)]),
    ],
)
def test_each_output_file_goes_with_its_format(flags: list[str], reports: list[tuple[str, str | None]]) -> None:
    from ruconsist.cli import build_parser
    from ruconsist.commands.check import _outputs

    assert _outputs(build_parser().parse_args(["check", "news", *flags])) == reports


def test_sarif_repeated_mistakes_keep_distinct_fingerprints(news: Path) -> None:
    (news / "news/a.ru.md").write_text("Заголовок\n\nЛавров встретился с Ван И.\n\nЛавров уехал.\n", encoding="utf-8")
    (news / "news/a.zh.md").write_text("标题\n\n外长会见了王毅。\n\n外长离开了。\n", encoding="utf-8")
    results = json.loads(run([*ARGS, "-f", "sarif"])[1])["runs"][0]["results"]
    first, second = (r["partialFingerprints"]["ruconsist/v1"] for r in results)
    assert second == f"{first}:2"


def test_output_to_a_device_writes_into_it_and_leaves_it_a_device(news: Path) -> None:
    import stat

    # Renaming a finished report over /dev/null would replace the device
    # with a regular file for every program on the machine.
    code, _, err = run([*ARGS, "-f", "sarif", "-o", os.devnull])
    assert (code, err) == (1, "")
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
