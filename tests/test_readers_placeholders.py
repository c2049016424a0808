"""PLH001 and TAG001 on strings of translation files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ruconsist.checks.placeholders import placeholders
from ruconsist.config import Config
from ruconsist.engine import Linter
from ruconsist.pairing import FilePair
from ruconsist.rules import load_rules


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("Удалить {{count}} элементов?", ["{{count}}"]),
        ("{{- name}} и {{val, number}}", ["{{name}}", "{{val}}"]),
        ("%s: ошибка %lu", ["%1$s", "%2$lu"]),
        # Positions make a reordered translation match.
        ("%2$lu — %1$s", ["%2$lu", "%1$s"]),
        ("%i файлов", ["%1$d"]),
        ("%(name)s и %{count}", ["%(name)", "%{count}"]),
        # ICU: the argument counts, the branch text does not.
        ("{count, plural, one {# файл} few {# файла} other {# файлов}} в {folder}", ["{count}", "{folder}"]),
        # Percent signs of running text are not conversions.
        ("Рост на 50% с начала года, 100%% готово", []),
    ],
)
def test_placeholders_are_read_with_their_meaning(text: str, keys: list[str]) -> None:
    assert [t.key for t in placeholders(text)] == keys


def lint_strings(tmp_path: Path, ru: str, zh: str) -> list[tuple[str, str, str]]:
    (tmp_path / "ru.json").write_text(json.dumps({"k": ru}, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "zh.json").write_text(json.dumps({"k": zh}, ensure_ascii=False), encoding="utf-8")
    linter = Linter(Config(select=("PLH", "TAG")), rules=load_rules((), defaults=False))
    result = linter.lint_pair(FilePair(tmp_path / "ru.json", tmp_path / "zh.json"))
    out = []
    for d in result.diagnostics:
        text = ru if d.location.lang == "ru" else zh
        # Single-line JSON: the string starts at column 8 ({"k": ").
        a, b = d.location.column - 8, d.location.end_column - 8
        out.append((d.code, d.location.lang, text[a:b]))
    return out


@pytest.mark.parametrize(
    ("ru", "zh", "expected"),
    [
        ("Удалить {{count}} элементов?", "删除 {{count}} 个项目？", []),
        ("Удалить {{count}} элементов?", "删除 {{num}} 个项目？", [("PLH001", "zh", "{{num}}")]),
        ("Удалить {{count}} элементов?", "删除项目？", [("PLH001", "ru", "{{count}}")]),
        ("Удалить элементы?", "删除 {{count}} 个项目？", [("PLH001", "zh", "{{count}}")]),
        ("%s: ошибка %lu", "%s：错误 %d", [("PLH001", "zh", "%d")]),
        ("%s: ошибка %lu", "%2$lu：%1$s 错误", []),
        ("%s получил %d", "%d 由 %s 收到", [("PLH001", "zh", "%d 由 %s")]),
        ("Нажмите <bold>Сохранить</bold>", "点击<bold>保存</bold>", []),
        ("Нажмите <bold>Сохранить</bold>", "点击保存", [("TAG001", "ru", "<")]),
        ("Шаг <0>один</0>", "第<0>一</0>步<1>！</1>", [("TAG001", "zh", "<")]),
    ],
)
def test_strings_are_compared(tmp_path: Path, ru: str, zh: str, expected) -> None:  # type: ignore[no-untyped-def]
    assert lint_strings(tmp_path, ru, zh) == expected


def test_printf_needs_a_format_flag_in_po(tmp_path: Path) -> None:
    # A man page paragraph: "%s" is literal text there, not a conversion.
    head = 'msgid ""\nmsgstr ""\n"Language: {lang}\\n"\n\n'
    (tmp_path / "man.ru.po").write_text(head.format(lang="ru") + 'msgid "Use %s here"\nmsgstr "Используйте %s здесь"\n', encoding="utf-8")
    (tmp_path / "man.zh.po").write_text(head.format(lang="zh") + 'msgid "Use %s here"\nmsgstr "在此使用"\n', encoding="utf-8")
    linter = Linter(Config(select=("PLH",)), rules=load_rules((), defaults=False))
    assert linter.lint_pair(FilePair(tmp_path / "man.ru.po", tmp_path / "man.zh.po")).diagnostics == []
    for name in ("man.ru.po", "man.zh.po"):
        path = tmp_path / name
        path.write_text(path.read_text(encoding="utf-8").replace('msgid "Use', '#, c-format\nmsgid "Use'), encoding="utf-8")
    found = linter.lint_pair(FilePair(tmp_path / "man.ru.po", tmp_path / "man.zh.po")).diagnostics
    assert [(d.code, d.location.lang, d.location.line) for d in found] == [("PLH001", "ru", 7)]
