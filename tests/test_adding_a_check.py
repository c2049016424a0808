"""docs/adding-a-check.md is true: its example check, registered the way
the document says, passes its own explain examples and its test table."""

from __future__ import annotations

import re
import sys
import types
from pathlib import Path

import pytest

import ruconsist.checks as builtin_checks
from ruconsist.testing import doc_examples, linter, run_example
from tests.conftest import REPO

DOC = (REPO / "docs" / "adding-a-check.md").read_text(encoding="utf-8")
MODULE, TEST = re.findall(r"```python\n(.*?)```", DOC, re.DOTALL)


@pytest.fixture
def exclamation(monkeypatch: pytest.MonkeyPatch) -> types.ModuleType:
    module = types.ModuleType("ruconsist.checks.exclamation")
    exec(compile(MODULE, "docs/adding-a-check.md", "exec"), module.__dict__)
    monkeypatch.setitem(sys.modules, module.__name__, module)
    monkeypatch.setattr(builtin_checks, "BUILTIN_CHECK_MODULES", (*builtin_checks.BUILTIN_CHECK_MODULES, "exclamation"))
    return module


def test_the_example_check_passes_its_explain_examples(exclamation: types.ModuleType, tmp_path: Path) -> None:
    lint = linter()
    info = lint.codes["EXC001"]
    assert (info.check, info.slug, info.severity.name) == (exclamation.DroppedExclamation, "dropped-exclamation", "WARNING")
    examples = doc_examples(info.check.explain("EXC001", lint.rules))
    assert [e.verdict for e in examples] == ["PASS", "FAIL"]
    for example in examples:
        assert bool(run_example(example, "EXC001", tmp_path, lint)) == (example.verdict == "FAIL")


def test_the_example_test_table_passes(exclamation: types.ModuleType) -> None:
    namespace: dict[str, object] = {}
    exec(compile(TEST, "docs/adding-a-check.md", "exec"), namespace)
    test = namespace["test_dropped_exclamation"]
    table = test.pytestmark[0].args[1]  # type: ignore[attr-defined]
    assert len(table) == 2
    for ru, zh, expected in table:
        test(ru, zh, expected)  # type: ignore[operator]


def test_the_new_file_is_all_it_takes(tmp_path: Path) -> None:
    # The document's recipe followed literally, in a copy of the package:
    # the module written as one new file in ruconsist/checks/, nothing
    # else edited; the new code is then registered, explained and run,
    # and the document's test table passes against it.
    import shutil
    import subprocess

    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(REPO / "ruconsist", tmp_path / "ruconsist", ignore=ignore)
    shutil.copytree(REPO / "rules", tmp_path / "rules", ignore=ignore)
    (tmp_path / "ruconsist" / "checks" / "exclamation.py").write_text(MODULE, encoding="utf-8")
    (tmp_path / "test_exclamation.py").write_text(TEST, encoding="utf-8")
    (tmp_path / "a.ru.md").write_text("Мы победили!\n", encoding="utf-8")
    (tmp_path / "a.zh.md").write_text("我们赢了。\n", encoding="utf-8")
    env = {**__import__("os").environ, "PYTHONPATH": str(tmp_path), "RUCONSIST_CACHE_DIR": str(tmp_path / "cache")}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, *args], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)

    explained = run("-m", "ruconsist", "explain", "EXC001")
    assert explained.returncode == 0, explained.stderr
    assert explained.stdout.startswith("EXC001 dropped-exclamation (category style, default severity warning)")
    checked = run("-m", "ruconsist", "check", "a.ru.md", "a.zh.md", "--select", "EXC", "--format", "parsable")
    assert checked.stdout.splitlines() == [
        "a.ru.md:1:12: [warning] EXC001 RU exclaims ('!') but ZH has no exclamation mark: expected '！'"
    ], checked.stderr
    tested = run("-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist", "test_exclamation.py")
    assert tested.returncode == 0, tested.stdout
    assert "2 passed" in tested.stdout
