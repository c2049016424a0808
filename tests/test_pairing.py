from __future__ import annotations

from pathlib import Path

import pytest

from ruconsist.config import Config
from ruconsist.pairing import discover, lang_of, make_pairs
from ruconsist.plugins import get_plugin_manager


@pytest.mark.parametrize(
    ("name", "lang"),
    [
        ("news/2026-02-04-call.ru.md", "ru"),
        ("news/2026-02-04-call.zh.md", "zh"),
        ("a.ru-RU.txt", "ru"),
        ("a.zh-CN.txt", "zh"),
        ("a.zh_CN.txt", "zh"),
        ("a.zh-Hans.md", "zh"),
        ("README-ru.md", "ru"),
        ("README-zh.md", "zh"),
        ("po/ru.po", "ru"),
        ("po/zh_CN.po", "zh"),
        ("docs/ru/guide/intro.md", "ru"),
        ("docs/zh/guide/intro.md", "zh"),
        ("docs/zh-CN/intro.md", "zh"),
        ("notes.md", None),
        ("russian.md", None),
    ],
)
def test_language_comes_from_the_name_or_the_directory(name: str, lang: str | None) -> None:
    info = lang_of(Path(name))
    assert (info[0] if info else None) == lang


def _pairs(tmp_path: Path, files: list[str], args: list[str], config: Config | None = None):
    for f in files:
        p = tmp_path / f
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("Текст. 文本。", encoding="utf-8")
    pm = get_plugin_manager(load_entrypoints=False)
    found = discover([str(tmp_path / a) for a in args], (".md", ".txt"))
    out = []
    for pair in make_pairs(found, config or Config(), pm):
        rel = lambda p: p.relative_to(tmp_path).as_posix() if p else None  # noqa: E731
        out.append((rel(pair.ru), rel(pair.zh), rel(pair.bilingual), rel(pair.missing)))
    return out


def test_a_directory_yields_each_pair_once(tmp_path: Path) -> None:
    files = ["news/a.ru.md", "news/a.zh.md", "news/b.ru-RU.md", "news/b.zh-CN.md"]
    assert _pairs(tmp_path, files, ["news"]) == [
        ("news/a.ru.md", "news/a.zh.md", None, None),
        ("news/b.ru-RU.md", "news/b.zh-CN.md", None, None),
    ]


def test_one_file_of_a_pair_finds_its_counterpart_on_disk(tmp_path: Path) -> None:
    files = ["news/a.ru.md", "news/a.zh.md"]
    assert _pairs(tmp_path, files, ["news/a.zh.md"]) == [("news/a.ru.md", "news/a.zh.md", None, None)]


def test_both_files_of_a_pair_in_any_order_lint_once(tmp_path: Path) -> None:
    files = ["news/a.ru.md", "news/a.zh.md"]
    assert _pairs(tmp_path, files, ["news/a.zh.md", "news/a.ru.md", "news/a.zh.md"]) == [
        ("news/a.ru.md", "news/a.zh.md", None, None)
    ]


def test_directory_layout_pairs_ru_and_zh_trees(tmp_path: Path) -> None:
    files = ["docs/ru/guide/intro.md", "docs/zh-CN/guide/intro.md"]
    assert _pairs(tmp_path, files, ["docs/ru/guide/intro.md"]) == [
        ("docs/ru/guide/intro.md", "docs/zh-CN/guide/intro.md", None, None)
    ]


def test_missing_counterpart_is_reported_not_fatal(tmp_path: Path) -> None:
    assert _pairs(tmp_path, ["news/c.ru.md"], ["news"]) == [("news/c.ru.md", None, None, "news/c.zh.md")]


def test_untagged_file_named_explicitly_is_bilingual(tmp_path: Path) -> None:
    assert _pairs(tmp_path, ["article.txt"], ["article.txt"]) == [(None, None, "article.txt", None)]


def test_untagged_file_found_in_a_directory_is_skipped(tmp_path: Path) -> None:
    assert _pairs(tmp_path, ["README.md", "a.ru.md", "a.zh.md"], ["."]) == [("a.ru.md", "a.zh.md", None, None)]


def test_config_templates_pair_other_layouts(tmp_path: Path) -> None:
    config = Config(pairs=({"ru": "articles/{name}/original.md", "zh": "articles/{name}/translation.md"},))
    files = ["articles/call/original.md", "articles/call/translation.md"]
    assert _pairs(tmp_path, files, ["articles/call/translation.md"], config) == [
        ("articles/call/original.md", "articles/call/translation.md", None, None)
    ]
