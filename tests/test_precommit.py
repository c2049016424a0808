"""The pre-commit hooks, run by the real pre-commit on real commits.

This checkout's working tree is copied into a throwaway git repository
and committed there (so the test does not depend on what is committed
here), and a repository of translations points its
``.pre-commit-config.yaml`` at it.  pre-commit then builds the hook's
environment from PyPI like it would for a user: once per test session
(PRE_COMMIT_HOME is shared by the tests).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from ruconsist.pairing import make_pairs
from tests.conftest import LONG_RUN, REPO

pytest.importorskip("pre_commit")

RU = "Переговоры в Москве\n\nЛавров встретился с Ван И.\n\nВстреча прошла 5 февраля, в ней участвовали 12 министров.\n"
ZH = "莫斯科会谈\n\n拉夫罗夫会见了王毅。\n\n会议于2月5日举行，共有12名部长出席。\n"
TERMS = """\
version: 1
terms:
  - id: lavrov
    category: name
    # Strict, as a house that wants an omitted name to block the commit.
    severity: error
    ru: [Сергей Лавров, Лавров]
    zh: [谢尔盖·拉夫罗夫, 拉夫罗夫]
"""


def test_hook_manifest_declares_both_hooks() -> None:
    hooks = {h["id"]: h for h in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    assert set(hooks) == {"ruconsist", "ruconsist-all"}
    assert hooks["ruconsist"]["require_serial"] is True
    assert (hooks["ruconsist-all"]["pass_filenames"], hooks["ruconsist-all"]["always_run"]) == (False, True)
    ci = (REPO / "docs/ci.md").read_text(encoding="utf-8")
    for hook_id in hooks:
        assert f"id: {hook_id}\n" in ci, hook_id


def _git_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT", "RUCONSIST_"))}
    env.update(
        GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_NAME="Editor", GIT_AUTHOR_EMAIL="editor@example.org",
        GIT_COMMITTER_NAME="Editor", GIT_COMMITTER_EMAIL="editor@example.org",
        PRE_COMMIT_HOME=str(home), NO_COLOR="1",
    )
    if not LONG_RUN:
        # The hook's environment sees this environment's packages, so pip
        # installs ruconsist itself and no dependency: a seventh of the
        # time.  The long run (CI) builds it from PyPI alone, as a user's
        # pre-commit does, which also proves the declared dependencies.
        env["VIRTUALENV_SYSTEM_SITE_PACKAGES"] = "true"
    return env


def git(cwd: Path, env: dict[str, str], *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="session")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, dict[str, str]]:
    """This working tree as a committed git repository, and the env
    (with a shared pre-commit cache) to run pre-commit in."""
    if not (REPO / ".git").exists():
        pytest.skip("needs a git checkout to copy")
    base = tmp_path_factory.mktemp("precommit")
    env = _git_env(base / "cache")
    files = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO, check=True, capture_output=True, text=True,
    ).stdout.split("\0")
    dest = base / "ruconsist"
    for rel in filter(None, files):
        src = REPO / rel
        if src.is_file():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / rel)
    git(dest, env, "init", "-q", "-b", "main")
    git(dest, env, "add", "-A")
    git(dest, env, "commit", "-q", "-m", "ruconsist under test")
    return dest, git(dest, env, "rev-parse", "HEAD").strip(), env


@pytest.fixture
def translations(tmp_path: Path, hook_repo: tuple[Path, str, dict[str, str]]) -> tuple[Path, dict[str, str]]:
    """A repository of RU/ZH news with the hooks installed and a clean
    first commit."""
    hooks, rev, env = hook_repo
    repo = tmp_path / "translations"
    (repo / "news").mkdir(parents=True)
    git(repo, env, "init", "-q", "-b", "main")
    config = {
        "repos": [{
            "repo": str(hooks),
            "rev": rev,
            "hooks": [
                # The test's own term pack keeps results independent of the shipped packs.
                {"id": "ruconsist", "args": ["--no-default-rules", "--rules", "terms.yaml", "--format", "parsable"]},
                {"id": "ruconsist-all", "args": ["--no-default-rules", "--rules", "terms.yaml", "--format", "parsable"],
                 "stages": ["manual"]},
            ],
        }]
    }
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (repo / "terms.yaml").write_text(TERMS, encoding="utf-8")
    (repo / "README.md").write_text("Переводы новостей / 新闻翻译\n", encoding="utf-8")
    for name in ("talks", "visit"):
        (repo / f"news/{name}.ru.md").write_text(RU, encoding="utf-8")
        (repo / f"news/{name}.zh.md").write_text(ZH, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=repo, env=env, check=True, capture_output=True)
    git(repo, env, "add", "-A")
    first = commit(repo, env, "clean translations")
    assert first.returncode == 0, first.stdout
    assert "ruconsist (changed RU/ZH pairs)" in first.stdout and "Passed" in first.stdout
    return repo, env


def commit(repo: Path, env: dict[str, str], message: str) -> subprocess.CompletedProcess[str]:
    # A git hook's output goes to stderr: keep both streams, in order.
    return subprocess.run(["git", "commit", "-m", message], cwd=repo, env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def findings(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("news/")]


def test_wrong_number_in_the_translation_fails_the_commit(translations) -> None:  # type: ignore[no-untyped-def]
    repo, env = translations
    head = git(repo, env, "rev-parse", "HEAD")
    (repo / "news/talks.zh.md").write_text(ZH.replace("12名", "21名"), encoding="utf-8")
    git(repo, env, "add", "news/talks.zh.md")
    proc = commit(repo, env, "edit translation")
    assert proc.returncode == 1
    assert findings(proc.stdout) == ["news/talks.zh.md:5:13: [error] NUM001 ZH '21' has no equal value in RU (RU has '12')"]
    assert git(repo, env, "rev-parse", "HEAD") == head


def test_editing_only_the_chinese_file_still_checks_the_pair(translations) -> None:  # type: ignore[no-untyped-def]
    repo, env = translations
    # Only the ZH file is staged, and the finding is in the RU file: the
    # hook found the counterpart on disk.
    (repo / "news/talks.zh.md").write_text(ZH.replace("拉夫罗夫会见了王毅", "外长会见了王毅"), encoding="utf-8")
    git(repo, env, "add", "news/talks.zh.md")
    proc = commit(repo, env, "shorten")
    assert proc.returncode == 1
    assert findings(proc.stdout) == [
        "news/talks.ru.md:3:1: [error] TRM001 RU 'Лавров' has no counterpart in ZH (expected 谢尔盖·拉夫罗夫 or 拉夫罗夫)"
    ]


def test_both_files_and_unrelated_files_report_each_pair_once(translations) -> None:  # type: ignore[no-untyped-def]
    repo, env = translations
    (repo / "news/talks.zh.md").write_text(ZH.replace("12名", "21名"), encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "ruconsist", "--files",
         "news/talks.zh.md", "README.md", "news/talks.ru.md", "terms.yaml", "news/talks.zh.md"],
        cwd=repo, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    assert proc.returncode == 1
    # README.md and terms.yaml are not read as bilingual texts, and the
    # pair named three times is linted once.
    assert findings(proc.stdout) == ["news/talks.zh.md:5:13: [error] NUM001 ZH '21' has no equal value in RU (RU has '12')"]
    assert "README" not in proc.stdout and "terms.yaml" not in proc.stdout


def test_fixed_commit_passes(translations) -> None:  # type: ignore[no-untyped-def]
    repo, env = translations
    (repo / "news/visit.zh.md").write_text(ZH.replace("拉夫罗夫", "谢尔盖·拉夫罗夫"), encoding="utf-8")
    git(repo, env, "add", "news/visit.zh.md")
    proc = commit(repo, env, "full name")
    assert proc.returncode == 0, proc.stdout


def test_whole_repository_hook_sees_untouched_pairs(translations) -> None:  # type: ignore[no-untyped-def]
    repo, env = translations
    # Committed without the hook: the broken pair is already in history.
    (repo / "news/visit.ru.md").write_text(RU.replace("12 министров", "13 министров"), encoding="utf-8")
    git(repo, env, "add", "-A")
    git(repo, env, "commit", "-q", "--no-verify", "-m", "unchecked")
    proc = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--hook-stage", "manual", "ruconsist-all"],
        cwd=repo, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    assert proc.returncode == 1
    assert findings(proc.stdout) == ["news/visit.zh.md:5:13: [error] NUM001 ZH '12' has no equal value in RU (RU has '13')"]


def test_pairs_from_shuffled_batches_are_found_from_disk(tmp_path: Path) -> None:
    """What each pre-commit batch does: any subset, in any order, yields
    whole pairs, once each."""
    import random

    from ruconsist.config import Config
    from ruconsist.plugins import get_plugin_manager

    names = [f"news/{n}.{lang}.md" for n in ("a", "b", "c") for lang in ("ru", "zh")]
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("Текст. 文本。", encoding="utf-8")
    pm = get_plugin_manager(load_entrypoints=False)
    rng = random.Random(7)
    for _ in range(20):
        batch = rng.sample(names, rng.randint(1, len(names)))
        batch += rng.sample(batch, 1)  # pre-commit may repeat nothing, but a user may
        pairs = list(make_pairs(((tmp_path / n, True) for n in batch), Config(), pm))
        stems = sorted(p.ru.name.split(".")[0] for p in pairs if p.ru and p.zh)
        assert stems == sorted({n.split("/")[1].split(".")[0] for n in batch})


def test_paired_only_skips_files_outside_pairs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from ruconsist.cli import main

    (tmp_path / "news").mkdir()
    (tmp_path / "news/talks.ru.md").write_text(RU, encoding="utf-8")
    (tmp_path / "news/talks.zh.md").write_text(ZH.replace("12名", "21名"), encoding="utf-8")
    (tmp_path / "README.md").write_text("Переводы / 翻译\n", encoding="utf-8")
    (tmp_path / "news/ru").mkdir()
    (tmp_path / "news/ru/build.py").write_text("print('Привет')\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    out, err = io.StringIO(), io.StringIO()
    files = ["README.md", "news/ru/build.py", "news/talks.zh.md"]
    code = main(["check", "--paired-only", "--no-default-rules", "-f", "parsable", *files], stdout=out, stderr=err)
    assert (code, out.getvalue(), err.getvalue()) == (
        1, "news/talks.zh.md:5:13: [error] NUM001 ZH '21' has no equal value in RU (RU has '12')\n", "")
