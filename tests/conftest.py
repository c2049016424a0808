from __future__ import annotations

from pathlib import Path

import pytest

from ruconsist.rules import RuleSet, load_pack

TESTS = Path(__file__).parent
DATA = TESTS / "data"
REPO = TESTS.parent


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
