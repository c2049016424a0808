"""The command line as users and other tools see it."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest

from ruconsist.cli import main
from tests.conftest import DATA, REPO

NEWS = str(DATA / "news.yaml")


def run(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(args, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_clean_pair_exits_zero(write_pair) -> None:
    ru, zh = write_pair("Путин встретился с Си Цзиньпином.\n", "普京会见了习近平。\n")
    code, out, err = run(["check", str(ru.parent), "--no-default-rules", "--rules", NEWS])
    assert (code, err) == (0, "")
    assert out.endswith("1 pair checked: 0 errors, 0 warnings\n")


def test_findings_exit_one_and_name_both_sides(write_pair, monkeypatch) -> None:
    ru, zh = write_pair("Заголовок\n\nЛавров встретился с Ван И.\n", "标题\n\n外长会见了王毅。\n")
    monkeypatch.chdir(ru.parent)
    code, out, _ = run(["check", ".", "--no-default-rules", "--rules", NEWS])
    assert code == 1
    assert out.splitlines() == [
        "a.ru.md:3:1: TRM001 [error] RU 'Лавров' has no counterpart in ZH (expected 谢尔盖·拉夫罗夫 or 拉夫罗夫)",
        "  RU 3 | Лавров встретился с Ван И.",
        "       | ^^^^^^",
        "  ZH 3 | 外长会见了王毅。",
        "       | ---------------- a.zh.md:3:1",
        "  = expected: 谢尔盖·拉夫罗夫",
        "1 pair checked: 1 error (name 1), 0 warnings",
    ]


def test_json_output_keeps_the_contract(write_pair, monkeypatch) -> None:
    ru, zh = write_pair("Визит Путина.\n", "访问。\n")
    monkeypatch.chdir(ru.parent)
    code, out, _ = run(["check", "a.ru.md", "--format", "json", "--no-default-rules", "--rules", NEWS])
    data = json.loads(out)
    assert code == 1
    assert data["version"] == 1
    assert data["summary"]["pairs"] == 1 and data["summary"]["errors"] == 1 and data["summary"]["warnings"] == 0
    (d,) = data["diagnostics"]
    assert {k: d[k] for k in ("code", "category", "severity", "rule")} == {
        "code": "TRM001", "category": "name", "severity": "error", "rule": "putin",
    }
    assert d["message"] == "RU 'Путина' has no counterpart in ZH (expected 弗拉基米尔·普京 or 普京)"
    assert d["locations"] == [
        {"lang": "ru", "path": "a.ru.md", "line": 1, "column": 7, "end_line": 1, "end_column": 13},
        {"lang": "zh", "path": "a.zh.md", "line": 1, "column": 1, "end_line": 1, "end_column": 4},
    ]


def test_bilingual_file_locations_share_the_path(monkeypatch) -> None:
    monkeypatch.chdir(DATA)
    code, out, _ = run(["check", "seed-bilingual.txt", "-f", "json", "--no-default-rules", "--rules", "news.yaml",
                        "--select", "TTL"])
    (d,) = json.loads(out)["diagnostics"]
    assert [(loc["path"], loc["lang"], loc["line"]) for loc in d["locations"]] == [
        ("seed-bilingual.txt", "ru", 28), ("seed-bilingual.txt", "zh", 62)]


def test_select_and_ignore_take_prefixes(write_pair) -> None:
    ru, zh = write_pair("Визит Путина.\n", "访问。\n")
    args = ["check", str(ru), "--no-default-rules", "--rules", NEWS]
    assert run(args + ["--ignore", "TRM"])[0] == 0
    assert run(args + ["--select", "TRM001"])[0] == 1
    assert run(args + ["--select", "TRM", "--ignore", "TRM001"])[0] == 0
    assert run(args + ["--ignore", "TRM", "--select", "TRM001"])[0] == 1


def test_missing_counterpart_is_a_finding_not_a_crash(tmp_path, monkeypatch) -> None:
    (tmp_path / "only.ru.md").write_text("Текст.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(["check", "only.ru.md", "--no-default-rules"])
    assert code == 1 and err == ""
    assert out.startswith("only.ru.md:1:1: ALN001 [error] RU file has no counterpart (expected only.zh.md)")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (contains NUL bytes)"),
        ("Текст".encode("cp1251"), "not valid UTF-8 at byte 0"),
        (b"", "empty file"),
        (b"  \n\t\n", "file holds only white space"),
    ],
)
def test_bad_input_is_one_line_exit_two_and_the_run_goes_on(tmp_path, monkeypatch, content, message) -> None:
    (tmp_path / "bad.ru.md").write_bytes(content)
    (tmp_path / "bad.zh.md").write_text("文本。\n", encoding="utf-8")
    (tmp_path / "good.ru.md").write_text("Визит Путина.\n", encoding="utf-8")
    (tmp_path / "good.zh.md").write_text("访问。\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(["check", ".", "--no-default-rules", "--rules", NEWS])
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("ruconsist: bad.ru.md") and message in err
    assert "Traceback" not in err
    assert "good.ru.md:1:7: TRM001" in out


def test_malformed_rule_pack_is_one_line_with_its_line(tmp_path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("terms:\n  - id: x\n    ru: [Путин]\n    zh: [普京]\n    categry: name\n", encoding="utf-8")
    (tmp_path / "a.ru.md").write_text("Текст.\n", encoding="utf-8")
    (tmp_path / "a.zh.md").write_text("文本。\n", encoding="utf-8")
    code, out, err = run(["check", str(tmp_path / "a.ru.md"), "--rules", str(bad)])
    assert code == 2 and out == ""
    assert err == f"ruconsist: {bad}:5: unknown key 'categry' in term (did you mean 'category'?)\n"


def test_usage_errors_exit_two() -> None:
    assert run(["check"])[0] == 2
    assert run(["check", "--ru", "a.ru.md"])[0] == 2
    code, _, err = run(["check", "x", "--format", "nope"])
    assert code == 2 and "unknown format 'nope'" in err


def test_explain_shows_the_checks_documentation() -> None:
    code, out, _ = run(["explain", "trm001"])
    assert code == 0
    assert out.startswith("TRM001 term-missing (category term, default severity warning)")
    # The page states the severity policy: substitution, omission, strictness.
    assert "TRM003 (error), a substitution" in out and "TRM001: error" in out
    assert "PASS" in out and "FAIL" in out


def test_explain_takes_a_slug_as_well_as_a_code() -> None:
    code, out, _ = run(["explain", "title-mismatch"])
    assert code == 0
    assert out.startswith("TTL001 title-mismatch (category title")


def test_explain_lists_the_codes_of_a_prefix() -> None:
    code, out, _ = run(["explain", "typ"])
    assert code == 0
    lines = out.splitlines()
    assert [line.split()[:2] for line in lines[:6]] == [
        ["TYP001", "halfwidth-punctuation"],
        ["TYP002", "wrong-quotes"],
        ["TYP003", "unbalanced-brackets"],
        ["TYP004", "doubled-word"],
        ["TYP005", "mixed-script"],
        ["TYP006", "zh-spacing"],
    ]


def test_explain_of_an_unknown_code_suggests_the_nearest() -> None:
    code, _, err = run(["explain", "TYP9"])
    assert code == 2
    assert err.strip() == "ruconsist: unknown code or slug 'TYP9' (did you mean 'TYP006'?)"


def test_lint_runs_never_change_input_files(write_pair) -> None:
    ru, zh = write_pair("Визит Путина,  \"цитата\".\r\n", "访问,\"引用\"。\r\n")
    before = (ru.read_bytes(), zh.read_bytes())
    run(["check", str(ru.parent)])
    run(["check", str(ru.parent), "-f", "json"])
    assert (ru.read_bytes(), zh.read_bytes()) == before


def test_module_entry_point_runs_the_example() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "ruconsist", "check", "examples/", "--rules", "tests/data/news.yaml"],
        cwd=REPO, capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"},
    )
    assert proc.returncode == 1, proc.stderr
    assert "TTL001" in proc.stdout and proc.stderr == ""


def test_rules_lists_checks_and_packs_with_counts() -> None:
    code, out, _ = run(["rules"])
    assert code == 0
    assert "TRM001  term-missing" in out
    assert "house" in out and "patterns" in out


def test_rules_test_runs_a_packs_examples(tmp_path) -> None:
    pack = tmp_path / "mine.yaml"
    pack.write_text(
        "version: 1\nterms:\n  - id: lavrov\n    category: name\n    ru: [Лавров]\n    zh: [拉夫罗夫]\n"
        "    examples:\n      pass: [{ru: Лавров прибыл., zh: 拉夫罗夫抵达。}]\n"
        "      fail: [{ru: Лавров прибыл., zh: 外长抵达。, codes: [TRM001]}]\n",
        encoding="utf-8",
    )
    code, out, _ = run(["rules", "test", str(pack)])
    assert code == 0, out
    bad = tmp_path / "bad.yaml"
    bad.write_text(pack.read_text(encoding="utf-8").replace("zh: 外长抵达。", "zh: 拉夫罗夫抵达。"), encoding="utf-8")
    code, out, _ = run(["rules", "test", str(bad)])
    assert code == 1


def test_a_user_pack_whose_examples_fail_is_reported_when_it_loads(tmp_path, monkeypatch, write_pair) -> None:
    monkeypatch.setenv("RUCONSIST_CACHE_DIR", str(tmp_path / "cache"))
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "version: 1\nterms:\n  - id: lavrov\n    category: name\n    ru: [Лавров]\n    zh: [拉夫罗夫]\n"
        "    examples:\n      fail: [{ru: Лавров прибыл., zh: 拉夫罗夫抵达。, codes: [TRM001]}]\n",
        encoding="utf-8",
    )
    ru, _ = write_pair("Текст.\n", "文本。\n")
    code, out, err = run(["check", str(ru), "--rules", str(bad)])
    assert "bad.yaml" in err and "lavrov" in err


def _git_repo(tmp_path, monkeypatch):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / "a.ru.md").write_text("Визит Владимира Путина.\n", encoding="utf-8")
    (tmp_path / "a.zh.md").write_bytes("访问,弗拉基米尔*普京。\r\n".encode("utf-8"))
    subprocess.run(["git", "add", "."], cwd=tmp_path, check=True)
    monkeypatch.chdir(tmp_path)


def test_diff_alone_previews_fixes_without_writing(tmp_path, monkeypatch) -> None:
    _git_repo(tmp_path, monkeypatch)
    before = (tmp_path / "a.zh.md").read_bytes()
    code, out, _ = run(["check", ".", "--diff", "--no-default-rules", "--rules", NEWS, "-f", "parsable"])
    assert "-访问,弗拉基米尔*普京。" in out and "+访问，弗拉基米尔·普京。" in out
    assert (tmp_path / "a.zh.md").read_bytes() == before


def test_fix_writes_atomically_keeps_line_endings_and_is_idempotent(tmp_path, monkeypatch) -> None:
    _git_repo(tmp_path, monkeypatch)
    code, out, err = run(["check", ".", "--fix", "--no-default-rules", "--rules", NEWS])
    assert "applied 2 fixes in 1 file" in err
    # The report is about what is left: the fixed findings are neither
    # listed nor counted, and the run passes.
    assert (code, out) == (0, "1 pair checked: 0 errors, 0 warnings; 2 fixed\n")
    assert (tmp_path / "a.zh.md").read_bytes() == "访问，弗拉基米尔·普京。\r\n".encode("utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".git", "a.ru.md", "a.zh.md"]
    code, out, err = run(["check", ".", "--fix", "--no-default-rules", "--rules", NEWS])
    assert "applied" not in err and code == 0


def test_fix_refuses_files_outside_version_control(tmp_path, monkeypatch) -> None:
    (tmp_path / "a.ru.md").write_text("Визит Владимира Путина.\n", encoding="utf-8")
    (tmp_path / "a.zh.md").write_text("弗拉基米尔*普京。\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(["check", ".", "--fix", "--no-default-rules", "--rules", NEWS])
    assert "not under version control" in err
    assert (tmp_path / "a.zh.md").read_text(encoding="utf-8") == "弗拉基米尔*普京。\n"
    run(["check", ".", "--fix", "--force", "--no-default-rules", "--rules", NEWS])
    assert (tmp_path / "a.zh.md").read_text(encoding="utf-8") == "弗拉基米尔·普京。\n"


def test_show_alignment_shows_bead_shapes_and_findings() -> None:
    code, out, _ = run(["show-alignment", str(DATA / "seed-bilingual.txt"), "--no-default-rules", "--rules", NEWS])
    assert code == 0
    assert "--- segment 4 (2:1)" in out
    assert "findings: NAM001" in out and "TTL001" in out


@pytest.mark.parametrize(("lines", "tuned"), [(3, False), (2_000, True)])
def test_the_allocator_is_tuned_only_for_large_files(write_pair, monkeypatch, lines, tuned) -> None:  # type: ignore[no-untyped-def]
    from ruconsist.speed import memory

    # A setting of the whole process: a pre-commit run on a few articles
    # leaves it alone (and does not import ctypes).
    calls: list[bool] = []
    monkeypatch.setattr(memory, "return_large_buffers", lambda: calls.append(True))
    # The threshold scaled down 16 times (2,000 lines are 124 KB, not the
    # megabyte and more of 40,000), so the large case lints in a second.
    monkeypatch.setattr(memory, "LARGE_FILE", memory.LARGE_FILE // 16)
    ru, zh = write_pair("Путин встретился с Си Цзиньпином.\n" * lines, "普京会见了习近平。\n" * lines)
    code, _, err = run(["check", "--align", "lines", "--select", "NUM", str(ru.parent)])
    assert (code, err, calls) == (0, "", [True] if tuned else [])


def test_tuning_the_allocator_never_fails() -> None:
    from ruconsist.speed.memory import return_large_buffers

    return_large_buffers()
