"""``--changed-since REV``: only findings in segments changed since a revision,
on either side of the pair, in real git repositories."""

from __future__ import annotations

import io
import os
import subprocess
from pathlib import Path

import pytest

from ruconsist.cli import main
from ruconsist.gitdiff import parse_diff
from tests.conftest import DATA

NEWS = str(DATA / "news.yaml")


@pytest.mark.parametrize(
    ("diff", "expected"),
    [
        ("+++ b/news/a.zh.md\n@@ -3 +3 @@\n-旧\n+新\n", {"news/a.zh.md": {3}}),
        ("+++ b/a.ru.md\n@@ -10,0 +11,2 @@\n+x\n+y\n@@ -20,3 +22,1 @@\n", {"a.ru.md": {11, 12, 22}}),
        # A pure deletion marks the lines on both sides of the gap.
        ("+++ b/a.zh.md\n@@ -5,2 +4,0 @@\n-x\n-y\n", {"a.zh.md": {4, 5}}),
        ("+++ b/a.zh.md\n@@ -1,2 +0,0 @@\n-x\n-y\n", {"a.zh.md": {1}}),
        ("+++ /dev/null\n@@ -1,2 +0,0 @@\n-x\n", {}),
        ("+++ b/新闻/会谈.zh.md\n@@ -1 +1 @@\n", {"新闻/会谈.zh.md": {1}}),
        ('+++ "b/news/tab\\there.zh.md"\n@@ -1 +1 @@\n', {"news/tab\there.zh.md": {1}}),
    ],
)
def test_changed_lines_from_unified_diff(diff: str, expected: dict[str, set[int]]) -> None:
    assert parse_diff(diff) == expected


RU = "Заголовок\n\nЛавров встретился с Ван И.\n\nВизит Путина в Китай.\n"
ZH = "标题\n\n外长会见了王毅。\n\n访问中国。\n"


def git(root: Path, *args: str) -> str:
    proc = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    # A git that ignores the user's own configuration and hooks.
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for var in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{var}_NAME", "Editor")
        monkeypatch.setenv(f"GIT_{var}_EMAIL", "editor@example.org")
    git(tmp_path, "init", "-q", "-b", "main")
    for name, text in (("news/a.ru.md", RU), ("news/a.zh.md", ZH), ("news/b.ru.md", RU), ("news/b.zh.md", ZH)):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "base")
    git(tmp_path, "checkout", "-q", "-b", "feature")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check(*extra: str) -> tuple[int, list[str], str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["check", "news", "--no-default-rules", "--rules", NEWS, "-f", "parsable", *extra], stdout=out, stderr=err)
    return code, out.getvalue().splitlines(), err.getvalue()


PUTIN = "news/a.ru.md:5:7: [error] TRM001 RU 'Путина' has no counterpart in ZH (expected 弗拉基米尔·普京 or 普京)"
LAVROV = "news/a.ru.md:3:1: [error] TRM001 RU 'Лавров' has no counterpart in ZH (expected 谢尔盖·拉夫罗夫 or 拉夫罗夫)"


def test_without_diff_every_finding_is_reported(repo: Path) -> None:
    assert len(check()[1]) == 4


def test_editing_only_the_translation_reports_the_pair_segment(repo: Path) -> None:
    (repo / "news/a.zh.md").write_text(ZH.replace("访问中国。", "对中国进行访问。"), encoding="utf-8")
    assert check("--changed-since", "main") == (1, [PUTIN], "")


def test_committed_changes_on_the_branch_count(repo: Path) -> None:
    (repo / "news/a.ru.md").write_text(RU.replace("Лавров встретился", "Лавров вновь встретился"), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "edit")
    assert check("--changed-since", "main")[:2] == (1, [LAVROV])


def test_a_deleted_sentence_marks_its_paragraph(repo: Path) -> None:
    (repo / "news/a.zh.md").write_text("标题\n\n外长会见了王毅。\n\n访问中国。\n\n结束。\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "add a line")
    git(repo, "branch", "-q", "-f", "main")
    (repo / "news/a.zh.md").write_text(ZH, encoding="utf-8")
    code, out, _ = check("--changed-since", "main")
    # Deleting the last paragraph touched only the end of the file: the
    # Putin paragraph borders the gap.
    assert out == [PUTIN]


def test_commits_on_the_target_branch_after_branching_do_not_count(repo: Path) -> None:
    git(repo, "checkout", "-q", "main")
    (repo / "news/b.zh.md").write_text(ZH.replace("访问中国。", "普京访问中国。"), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "fix b on main")
    git(repo, "checkout", "-q", "feature")
    # The feature branch has not touched b: `git diff main` would show
    # b's fix reverted; the merge base shows nothing.
    code, out, err = check("--changed-since", "main")
    assert (code, out, err) == (0, [], "")


def test_new_untracked_pair_is_reported_whole_and_untouched_pairs_not_linted(repo: Path) -> None:
    (repo / "news/c.ru.md").write_text(RU, encoding="utf-8")
    (repo / "news/c.zh.md").write_text(ZH, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    code = main(["check", "news", "--no-default-rules", "--rules", NEWS, "--changed-since", "main"], stdout=out, stderr=err)
    assert code == 1
    text = out.getvalue()
    assert "news/c.ru.md" in text and "news/a.ru.md" not in text
    assert text.rstrip().splitlines()[-1].startswith("1 pair checked: 2 errors")


@pytest.mark.parametrize(
    ("rev", "message"),
    [
        ("nope", "ruconsist: --changed-since: unknown revision 'nope' (fetch it first in a shallow clone)\n"),
        ("--all", "ruconsist: --changed-since: '--all' is not a revision\n"),
    ],
)
def test_bad_revision_is_a_usage_error(repo: Path, rev: str, message: str) -> None:
    assert check(f"--changed-since={rev}") == (2, [], message)


def test_outside_git_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    (tmp_path / "news").mkdir()
    (tmp_path / "news/a.ru.md").write_text(RU, encoding="utf-8")
    (tmp_path / "news/a.zh.md").write_text(ZH, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = check("--changed-since", "main")
    assert (code, out) == (2, [])
    assert err.startswith("ruconsist: --changed-since: git rev-parse: fatal: not a git repository")
