"""Baseline: adopt ruconsist on a repository with old findings, see only
new ones, and learn which old ones are gone."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from ruconsist.cli import main
from tests.conftest import DATA

NEWS = str(DATA / "news.yaml")
RU = "Заголовок\n\nЛавров встретился с Ван И.\n"
ZH = "标题\n\n外长会见了王毅。\n"


def run(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(args, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def check(*extra: str, paths: tuple[str, ...] = ("news",)) -> tuple[int, list[str], str]:
    code, out, err = run(["check", *paths, "--no-default-rules", "--rules", NEWS, "-f", "parsable", *extra])
    return code, out.splitlines(), err


def write(root: Path, name: str, text: str) -> None:
    p = root / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write(tmp_path, "news/a.ru.md", RU)
    write(tmp_path, "news/a.zh.md", ZH)
    write(tmp_path, "news/b.ru.md", "Визит Путина в Китай.\n")
    write(tmp_path, "news/b.zh.md", "访问中国。\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_written_baseline_records_what_and_where_not_the_line(repo: Path) -> None:
    code, out, err = check("--write-baseline", "ruconsist-baseline.json")
    assert code == 0 and len(out) == 2
    assert err == "ruconsist: wrote 2 findings to baseline ruconsist-baseline.json\n"
    data = json.loads((repo / "ruconsist-baseline.json").read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert [{k: v for k, v in e.items() if k != "fingerprint"} for e in data["findings"]] == [
        {"code": "TRM001", "path": "news/a.ru.md", "lang": "ru", "rule": "lavrov", "text": "Лавров",
         "message": "RU 'Лавров' has no counterpart in ZH (expected 谢尔盖·拉夫罗夫 or 拉夫罗夫)"},
        {"code": "TRM001", "path": "news/b.ru.md", "lang": "ru", "rule": "putin", "text": "Путина",
         "message": "RU 'Путина' has no counterpart in ZH (expected 弗拉基米尔·普京 or 普京)"},
    ]
    assert "line" not in json.dumps(data)


def test_baselined_findings_stay_quiet_when_lines_move(repo: Path) -> None:
    check("--write-baseline", "base.json")
    write(repo, "news/a.ru.md", "Заголовок\n\nВступление.\n\n" + RU.split("\n\n", 1)[1])
    write(repo, "news/a.zh.md", "标题\n\n导语。\n\n" + ZH.split("\n\n", 1)[1])
    code, out, err = check("--baseline", "base.json")
    assert (code, out) == (0, [])
    assert err == "ruconsist: 2 findings in baseline base.json not shown; 0 baseline entries no longer found\n"


def test_only_new_findings_are_reported_and_fail(repo: Path) -> None:
    check("--write-baseline", "base.json")
    write(repo, "news/a.ru.md", RU + "\nЛи Цян прибыл.\n")
    write(repo, "news/a.zh.md", ZH + "\n总理抵达。\n")
    code, out, _ = check("--baseline", "base.json")
    assert code == 1
    assert out == ["news/a.ru.md:5:1: [error] TRM001 RU 'Ли Цян' has no counterpart in ZH (expected 李强)"]


def test_fixed_findings_are_counted_as_gone(repo: Path) -> None:
    check("--write-baseline", "base.json")
    write(repo, "news/b.zh.md", "普京访问中国。\n")
    code, out, err = check("--baseline", "base.json")
    assert (code, out) == (0, [])
    assert err == (
        "ruconsist: 1 finding in baseline base.json not shown; 1 baseline entry no longer found"
        " (fixed or changed: refresh with --write-baseline base.json)\n"
    )


def test_a_finding_recorded_once_matches_once(repo: Path) -> None:
    check("--write-baseline", "base.json")
    write(repo, "news/a.ru.md", RU + "\nЛавров уехал.\n")
    write(repo, "news/a.zh.md", ZH + "\n外长离开了。\n")
    code, out, _ = check("--baseline", "base.json")
    # Two identical 'Лавров' findings now, one recorded: one is new.
    assert code == 1 and len(out) == 1 and "'Лавров'" in out[0]


def test_baseline_paths_do_not_depend_on_the_working_directory(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    check("--write-baseline", "base.json")
    monkeypatch.chdir(repo / "news")
    code, out, err = check("--baseline", "../base.json", paths=(".",))
    assert (code, out) == (0, [])


def test_partial_run_updates_only_its_own_entries(repo: Path) -> None:
    check("--write-baseline", "base.json")
    # A pre-commit run on one file: the other pair's entry is kept, and
    # not counted as gone either.
    write(repo, "news/a.zh.md", "标题\n\n拉夫罗夫会见了王毅。\n")
    code, out, err = check("--baseline", "base.json", paths=("news/a.zh.md",))
    assert (code, out, err) == (0, [], "ruconsist: 0 findings in baseline base.json not shown; 1 baseline entry no longer found"
                                " (fixed or changed: refresh with --write-baseline base.json)\n")
    check("--write-baseline", "base.json", paths=("news/a.zh.md",))
    paths = [e["path"] for e in json.loads((repo / "base.json").read_text(encoding="utf-8"))["findings"]]
    assert paths == ["news/b.ru.md"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "base.json: baseline file not found (create it with --write-baseline)"),
        ("{not json", "base.json:1: baseline is not valid JSON: Expecting property name enclosed in double quotes (column 2)"),
        ('{"version": 1, "results": []}', 'base.json: not a ruconsist baseline (expected {"version": 1, "findings": [...]})'),
        ('{"version": 1, "findings": [{"code": "TRM001"}]}',
         "base.json: baseline finding #1 needs 'fingerprint', 'code' and 'path'"),
    ],
)
def test_unusable_baseline_is_one_line_exit_two(repo: Path, content: str | None, message: str) -> None:
    if content is not None:
        write(repo, "base.json", content)
    code, out, err = check("--baseline", "base.json")
    assert (code, out, err) == (2, [], f"ruconsist: {message}\n")


def test_write_baseline_refuses_diff(repo: Path) -> None:
    code, _, err = check("--write-baseline", "base.json", "--changed-since", "HEAD")
    assert code == 2 and "cannot be combined with --changed-since" in err
