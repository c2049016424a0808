"""Two Chinese versions of one Russian text (a mainland and a Taiwan
file) checked against each other through the Russian (ZHV001, ZHV002)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ruconsist.config import Config
from ruconsist.engine import Linter
from ruconsist.pairing import FilePair
from ruconsist.plugins import get_plugin_manager

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(Config(), pm=get_plugin_manager(load_entrypoints=False), jobs=1)


def versions(linter: Linter, tmp_path: Path, ru: str, cn: str, tw: str) -> list[tuple[str, str, str, int]]:
    """(code, file, text found, line) of each ZHV finding."""
    paths = {name: tmp_path / f"a.{name}.md" for name in ("ru", "zh-CN", "zh-TW")}
    for name, text in zip(paths, (ru, cn, tw)):
        paths[name].write_text(text, encoding="utf-8")
    linter.reset_run()
    found = []
    for result in linter.lint_many([FilePair(paths["ru"], paths["zh-CN"]), FilePair(paths["ru"], paths["zh-TW"])]):
        assert result.error is None
        found.extend(result.diagnostics)
    found.extend(linter.finish_run())
    return [(d.code, Path(d.location.path).name, d.found or "", d.location.line) for d in found if d.code.startswith("ZHV")]


RU = "Москва, 4 февраля.\n\nУщерб оценили в несколько миллионов долларов.\n\nПрезидент прибыл в столицу Китая.\n"

CASES = [
    # The same figures and the same people, each region its own forms.
    ("agree", "莫斯科，2月4日。\n\n损失估计达300万美元。\n\n普京抵达中国首都北京。\n",
     "莫斯科，2月4日。\n\n損失估計達300萬美元。\n\n普丁抵達中國首都北京。\n", []),
    # A figure the Russian leaves vague, given differently.
    ("figure-differs", "莫斯科，2月4日。\n\n损失估计达300万美元。\n\n普京抵达中国首都北京。\n",
     "莫斯科，2月4日。\n\n損失估計達30萬美元。\n\n普丁抵達中國首都北京。\n", [("ZHV001", "a.zh-TW.md", "30萬", 3)]),
    # A figure in one version only is no substitution.
    ("figure-one-side", "莫斯科，2月4日。\n\n损失估计达300万美元。\n\n普京抵达中国首都北京。\n",
     "莫斯科，2月4日。\n\n損失估計達數百萬美元。\n\n普丁抵達中國首都北京。\n", []),
    # Another person where the Russian names none.
    ("name-differs", "莫斯科，2月4日。\n\n损失估计达300万美元。\n\n普京抵达中国首都北京。\n",
     "莫斯科，2月4日。\n\n損失估計達300萬美元。\n\n川普抵達中國首都北京。\n", [("ZHV002", "a.zh-TW.md", "川普", 5)]),
]


@pytest.mark.parametrize(("name", "cn", "tw", "expected"), CASES, ids=[c[0] for c in CASES])
def test_two_chinese_versions(linter: Linter, tmp_path: Path, name: str, cn: str, tw: str,
                              expected: list[tuple[str, str, str, int]]) -> None:
    assert versions(linter, tmp_path, RU, cn, tw) == expected


def test_what_the_russian_states_is_left_to_the_pairs(linter: Linter, tmp_path: Path) -> None:
    """A figure the Russian gives is each pair's to report (NUM002 in
    the Taiwan pair), not the versions'."""
    ru = "Ущерб оценили в 3 млн долларов.\n"
    assert versions(linter, tmp_path, ru, "损失估计达300万美元。\n", "損失估計達30萬美元。\n") == []


def test_merged_paragraphs_are_compared_as_one_stretch(linter: Linter, tmp_path: Path) -> None:
    """One version joins two Russian paragraphs, the other keeps them
    apart: the figures are compared over the stretch."""
    ru = ("Ущерб оценили в несколько миллионов долларов. Об этом сообщили в министерстве.\n\n"
          "Восстановление займёт несколько лет, сказали в ведомстве.\n")
    cn = "损失估计达300万美元，部委对此进行了通报。恢复工作将需要数年时间，该部门表示。\n"
    tw = "損失估計達300萬美元，部委對此進行了通報。\n\n該部門表示，恢復工作將需要數年時間。\n"
    assert versions(linter, tmp_path, ru, cn, tw) == []
    tw_wrong = "損失估計達30萬美元，部委對此進行了通報。\n\n該部門表示，恢復工作將需要數年時間。\n"
    assert [c for c, *_ in versions(linter, tmp_path, ru, cn, tw_wrong)] == ["ZHV001"]


def test_a_repository_with_both_versions_from_the_command_line(tmp_path: Path) -> None:
    (tmp_path / "a.ru.md").write_text(RU, encoding="utf-8")
    (tmp_path / "a.zh-CN.md").write_text(CASES[0][1], encoding="utf-8")
    (tmp_path / "a.zh-TW.md").write_text(CASES[1][2], encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "ruconsist", "check", "--format", "json", "--no-plugins", str(tmp_path)],
        capture_output=True, text=True, cwd=ROOT,
    )
    found = [d for d in json.loads(run.stdout)["diagnostics"] if d["code"].startswith("ZHV")]
    assert [(d["code"], Path(d["locations"][0]["path"]).name, Path(d["locations"][1]["path"]).name) for d in found] == [
        ("ZHV001", "a.zh-TW.md", "a.zh-CN.md")
    ]
