"""What the CI entry points' tests share: a git repository holding a
pull request (a base commit on ``main``, a head commit on a branch), and
the external checkers (check-jsonschema, shellcheck)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

GIT = ["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.org", "-c", "commit.gpgsign=false"]

# Pair a: an old finding (Lavrov missing in the Chinese text), untouched
# by the pull request.  Pair b: an old finding in its first paragraph, and
# the pull request edits only the Chinese side of its second paragraph,
# joining Putin's name with '*'.
BASE_FILES = {
    "news/a.ru.md": "Лавров встретился с Ван И.\n",
    "news/a.zh.md": "外长会见了王毅。\n",
    "news/b.ru.md": "Лавров прибыл в Пекин.\n\nВладимир Путин провёл переговоры.\n",
    "news/b.zh.md": "外长抵达北京。\n\n弗拉基米尔·普京举行了会谈。\n",
}
HEAD_FILES = {"news/b.zh.md": "外长抵达北京。\n\n弗拉基米尔*普京举行了会谈。\n"}


def git(*args: str, cwd: Path) -> str:
    return subprocess.run([*GIT, *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


def commit(repo: Path, files: dict[str, str], message: str) -> str:
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
    git("add", "-A", cwd=repo)
    git("commit", "-q", "-m", message, cwd=repo)
    return git("rev-parse", "HEAD", cwd=repo)


def make_pull_request(tmp_path: Path) -> dict:
    """A repository whose HEAD is a pull request's head, and its base."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git("init", "-q", "-b", "main", cwd=repo)
    base = commit(repo, BASE_FILES, "base")
    git("checkout", "-q", "-b", "fix-names", cwd=repo)
    head = commit(repo, HEAD_FILES, "head")
    return {"repo": repo, "base": base, "head": head}


def tool(name: str) -> str:
    """The path of a checker the test extras install; skips when it is
    missing (CI installs the extras, so there it always runs)."""
    found = shutil.which(name) or shutil.which(name, path=os.path.dirname(sys.executable))
    if found is None:
        pytest.skip(f"{name} is not installed (pip install -e '.[test]')")
    return found


def shellcheck(script: str) -> subprocess.CompletedProcess[str]:
    """shellcheck on a CI step's script, with the expressions the CI
    pastes in before the shell runs (``${{ … }}``, ``$[[ … ]]``) standing
    in as a variable, as actionlint does, so an unquoted one is flagged."""
    import re

    body = re.sub(r"\$\{\{.*?\}\}|\$\[\[.*?\]\]", "$CI_EXPRESSION", script)
    return subprocess.run(
        [tool("shellcheck"), "--shell=bash", "--severity=style", "-"], input=body, capture_output=True, text=True
    )


def check_jsonschema(schema: str, path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [tool("check-jsonschema"), "--builtin-schema", schema, str(path)], capture_output=True, text=True
    )
