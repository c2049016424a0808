from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

from ruconsist.rules import RuleSet, load_pack

TESTS = Path(__file__).parent
DATA = TESTS / "data"
REPO = TESTS.parent

# The tests start ruconsist in fresh interpreters (python -m ruconsist,
# pre-commit's hook, the LSP server).  Where the environment forbids
# writing bytecode (PYTHONDONTWRITEBYTECODE), each of them would compile
# every module it imports again, about a fifth of a short run: they keep
# it in a directory of the temporary area instead, never in the tree.
# So does this process (and each xdist worker) for the modules it imports
# from here on: the test modules, whose assertion rewriting pytest then
# caches there too, and ruconsist's; each worker would otherwise compile
# and rewrite all of them again on every run, seconds before its first test.
if os.environ.get("PYTHONDONTWRITEBYTECODE") and not os.environ.get("PYTHONPYCACHEPREFIX"):
    del os.environ["PYTHONDONTWRITEBYTECODE"]
    os.environ["PYTHONPYCACHEPREFIX"] = os.path.join(tempfile.gettempdir(), f"ruconsist-tests-pycache-{getattr(os, 'getuid', lambda: 0)()}")
    sys.dont_write_bytecode = False
    sys.pycache_prefix = os.environ["PYTHONPYCACHEPREFIX"]


#: The long run (CI: ``.ci/run`` sets ``RUCONSIST_SCALING=full``; any CI
#: service sets ``CI=true``) runs larger inputs of what the default run
#: checks on smaller ones.  README.md ("Tests") lists them.
LONG_RUN = os.environ.get("CI", "").lower() == "true" or os.environ.get("RUCONSIST_SCALING") == "full"


def fuzz_examples(default: int) -> int:
    """Examples a property test tries: ``RUCONSIST_FUZZ_EXAMPLES`` when
    set, else 1,000 in the long run (any CI service's ``CI=true``, so a
    CI job that runs plain ``python -m pytest`` fuzzes as long as
    ``.ci/run`` does) and ``default`` in the default run."""
    value = os.environ.get("RUCONSIST_FUZZ_EXAMPLES")
    if value:
        return int(value)
    return 1000 if LONG_RUN else default


#: The modules that take longest in the default run, longest first (CPU
#: seconds on a 2-core machine: scaling 29, the cache's runs 17,
#: pre-commit 16, the pinyin store 14, the LSP server 13, shape fuzzing
#: 11, the browser 10, plugins 9, golden 7; every other module takes 6 or
#: less).  The workers take whole modules (``--dist loadfile``) in
#: collection order (``--no-loadscope-reorder``): these go first, so that
#: no worker starts a long module when the others are nearly done.
LONG_MODULES = (
    "test_scaling.py",
    "test_cache.py",
    "test_precommit.py",
    "test_pinyin_store.py",
    "test_lsp.py",
    "test_properties_shapes.py",
    "test_report_browser.py",
    "test_plugins.py",
    "test_golden.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    rank = {name: i for i, name in enumerate(LONG_MODULES)}
    # Stable: each module's tests keep their order, the other modules theirs.
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))


@pytest.fixture(scope="session")
def news_rules() -> RuleSet:
    """The engine tests' own small pack (independent of the shipped packs)."""
    return RuleSet([load_pack(DATA / "news.yaml", display="tests/data/news.yaml")])


@pytest.fixture
def write_pair(tmp_path: Path):
    def write(ru: str, zh: str, name: str = "a", ext: str = "md") -> tuple[Path, Path]:
        ru_path = tmp_path / f"{name}.ru.{ext}"
        zh_path = tmp_path / f"{name}.zh.{ext}"
        ru_path.write_text(ru, encoding="utf-8")
        zh_path.write_text(zh, encoding="utf-8")
        return ru_path, zh_path

    return write
