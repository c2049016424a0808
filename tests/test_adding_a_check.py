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
