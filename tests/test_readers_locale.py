"""JSON and YAML locale files: pairing by key path, layouts whose top
level is the language, positions inside escaped and folded values."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ruconsist.config import Config
from ruconsist.document import Document, decode
from ruconsist.engine import Linter
from ruconsist.errors import InputError
from ruconsist.pairing import FilePair
from ruconsist.readers.locale import JsonLocaleReader, YamlLocaleReader
from ruconsist.rules import load_rules
from tests.conftest import DATA

LOCALE = DATA / "formats" / "locale"


def lint(pair: FilePair, select=("PLH", "TAG", "ALN")):  # type: ignore[no-untyped-def]
    linter = Linter(Config(select=tuple(select)), rules=load_rules((), defaults=False))
    result = linter.lint_pair(pair)
    assert result.error is None, result.error
    return result


def found(diag) -> tuple[str, str, int, int, str]:  # type: ignore[no-untyped-def]
    """(code, file, line, column, text at the location)."""
    loc = diag.location
    doc = Document(loc.path, Path(loc.path).read_text(encoding="utf-8"))
    a = doc.offset(loc.line, loc.column)
    b = doc.offset(loc.end_line, loc.end_column)
    return diag.code, Path(loc.path).name, loc.line, loc.column, doc.text[a:b]


def keyed(result) -> dict[str, tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {b.ru.segments[0].key: (b.ru.text, b.zh.text) for b in result.beads if b.ru and b.zh}


def test_excalidraw_excerpt_pairs_every_key_and_finds_nothing() -> None:
    # The real Excalidraw catalogues agree on keys and placeholders.
    result = lint(FilePair(LOCALE / "ru-RU.json", LOCALE / "zh-CN.json"))
    pairs = keyed(result)
    assert result.diagnostics == []
    assert len(pairs) == 10  # eleven keys, one empty on both sides
    assert pairs["alerts.removeItemsFromsLibrary"] == ("Удалить объекты ({{count}}) из библиотеки?", "确定要从素材库中删除 {{count}} 个项目吗？")
    assert "labels.pressure" not in pairs


@pytest.mark.parametrize(
    ("key", "zh_value", "expected"),
    [
        # A renamed placeholder: one finding, on the ZH side.
        ("alerts.removeItemsFromsLibrary", "确定要从素材库中删除 {{num}} 个项目吗？", [("PLH001", "zh-CN.json", 14, 44, "{{num}}")]),
        # A lost placeholder is reported where it stands in RU.
        ("hints.text_selected", "双击或按快捷键编辑文本", [("PLH001", "ru-RU.json", 18, 51, "{{shortcut}}")]),
        # A dropped element of inline markup.
        ("errorSplash.headingMain", "遇到异常。请尝试重新加载页面。", [("TAG001", "ru-RU.json", 21, 49, "<")]),
        # A key the ZH file lacks: an omission at the RU string.
        ("labels.selectAll", None, [("ALN002", "ru-RU.json", 4, 19, "Выбрать всё")]),
    ],
)
def test_changed_zh_string_is_reported_at_its_place(tmp_path: Path, key: str, zh_value, expected) -> None:  # type: ignore[no-untyped-def]
    ru = tmp_path / "ru-RU.json"
    zh = tmp_path / "zh-CN.json"
    ru.write_text((LOCALE / "ru-RU.json").read_text(encoding="utf-8"), encoding="utf-8")
    data = json.loads((LOCALE / "zh-CN.json").read_text(encoding="utf-8"))
    group, name = key.split(".")
    if zh_value is None:
        del data[group][name]
    else:
        data[group][name] = zh_value
    zh.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    result = lint(FilePair(ru, zh))
    assert [found(d) for d in result.diagnostics] == expected


def test_sdg_yaml_pairs_folded_values_by_key() -> None:
    result = lint(FilePair(LOCALE / "targets.ru.yml", LOCALE / "targets.zh-Hans.yml"))
    pairs = keyed(result)
    assert sorted(pairs) == ["1-1-title", "13-a-title", "17-2-title", "3-1-title"]
    # A plain scalar folded over three lines reads with spaces.
    assert pairs["1-1-title"][0].endswith("проживание на сумму менее чем 1,25 долл. США в день)")


@pytest.mark.parametrize(
    ("needle", "line", "column"),
    [
        ("К 2030 году ликвидировать", 1, 12),
        ("(в настоящее время", 2, 3),
        ("1,25 долл.", 3, 3),
        ("менее 70 случаев", 20, 3),
    ],
)
def test_folded_yaml_value_keeps_each_line(needle: str, line: int, column: int) -> None:
    doc = decode((LOCALE / "targets.ru.yml").read_bytes(), "targets.ru.yml")
    segs = YamlLocaleReader().read(doc, "ru", Config()).segments["ru"]
    seg = next(s for s in segs if needle in s.text)
    i = seg.text.index(needle)
    loc = seg.location(i, i + len(needle))
    assert (loc.line, loc.column) == (line, column)


@pytest.mark.parametrize(
    ("ru_text", "zh_text", "ru_key", "zh_key"),
    [
        # Rails: the top level is the language and is not part of the key.
        ("ru:\n  news:\n    title: Новости\n", "zh-CN:\n  news:\n    title: 新闻\n", "news.title", "news.title"),
        # i18next resource files keyed by language, then namespace.
        ('{"ru": {"translation": {"title": "Новости"}}}', '{"zh-CN": {"translation": {"title": "新闻"}}}', "translation.title", "translation.title"),
    ],
)
def test_language_root_is_left_out_of_the_key(tmp_path: Path, ru_text: str, zh_text: str, ru_key: str, zh_key: str) -> None:
    ext = "yml" if ru_text.startswith("ru:") else "json"
    ru, zh = tmp_path / f"app.ru.{ext}", tmp_path / f"app.zh-CN.{ext}"
    ru.write_text(ru_text, encoding="utf-8")
    zh.write_text(zh_text, encoding="utf-8")
    result = lint(FilePair(ru, zh))
    assert [(b.ru.segments[0].key, b.zh.segments[0].key) for b in result.beads] == [(ru_key, zh_key)]
    assert result.diagnostics == []


def test_json_escapes_map_to_their_backslash() -> None:
    text = '{"a": "\\u041f\\u0443\\u0442\\u0438\\u043d: \\"Да\\"\\nНет \\ud83d\\ude00 ок"}'
    doc = Document("x.ru.json", text)
    (seg,) = JsonLocaleReader().read(doc, "ru", Config()).segments["ru"]
    assert seg.text == 'Путин: "Да"\nНет 😀 ок'
    assert [seg.file_offset(i) for i in (0, 1, 7, 11, 12, 16, 17)] == [7, 13, 39, 45, 47, 51, 63]


def test_bilingual_json_holds_both_trees(tmp_path: Path) -> None:
    path = tmp_path / "messages.json"
    path.write_text('{"ru": {"hi": "Привет, {name}!"}, "zh": {"hi": "你好，{user}！"}}', encoding="utf-8")
    result = lint(FilePair(None, None, bilingual=path))
    assert [found(d) for d in result.diagnostics] == [("PLH001", "messages.json", 1, 52, "{user}")]


@pytest.mark.parametrize(
    ("reader", "text", "line", "message"),
    [
        (JsonLocaleReader, '{\n  "a": "б",\n  "c": "д"\n  "e": "ж"\n}\n', 4, "not valid JSON: Expecting ',' delimiter"),
        (JsonLocaleReader, '"just a string"', 1, "must hold an object"),
        (YamlLocaleReader, "a: б\nc: [д\ne: ж\n", 3, "not valid YAML"),
    ],
)
def test_malformed_locale_file_is_one_input_error_with_its_line(reader, text: str, line: int, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError) as err:
        reader().read(Document("bad.ru", text), "ru", Config())
    assert (err.value.line, message in err.value.message) == (line, True), err.value


def test_yaml_aliases_cannot_expand_without_bound() -> None:
    lines = ["a0: &a0 [Привет, Привет, Привет, Привет, Привет, Привет, Привет, Привет, Привет, Привет]"]
    for i in range(1, 8):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    with pytest.raises(InputError, match="expands to more than"):
        YamlLocaleReader().read(Document("bomb.ru.yml", "\n".join(lines) + "\n"), "ru", Config())


def squad(context: str, question: str, answer: str) -> dict:
    """A SQuAD v1.1 file (the layout of XQuAD's translations): one
    article, one paragraph, one question; titles and ids are the same in
    every language."""
    return {"version": "1.1", "data": [{"title": "Warsaw", "paragraphs": [{
        "context": context,
        "qas": [{"id": "57336", "question": question, "answers": [{"answer_start": 0, "text": answer}]}],
    }]}]}


def test_squad_translations_pair_paragraph_question_and_answer_by_key(tmp_path: Path) -> None:
    # Parallel SQuAD files (XQuAD) pair by key path: the paragraph, its
    # question and its answer each with its own counterpart.
    ru = squad("В 1944 году Варшава была разрушена; население составляло 711 988 жителей.",
               "Сколько жителей было в Варшаве?", "711 988")
    zh = squad("1944年华沙被摧毁；人口为711,989名居民。", "华沙有多少居民？", "711,989")
    (tmp_path / "xquad.ru.json").write_text(json.dumps(ru, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "xquad.zh.json").write_text(json.dumps(zh, ensure_ascii=False), encoding="utf-8")
    linter = Linter(Config(select=("NUM", "ALN")), rules=load_rules(()))
    result = linter.lint_pair(FilePair(tmp_path / "xquad.ru.json", tmp_path / "xquad.zh.json"))
    assert result.error is None, result.error
    pairs = keyed(result)
    assert pairs["data.0.paragraphs.0.qas.0.question"] == ("Сколько жителей было в Варшаве?", "华沙有多少居民？")
    assert pairs["data.0.paragraphs.0.context"][1] == "1944年华沙被摧毁；人口为711,989名居民。"
    # The changed figure is reported in the paragraph and in the answer,
    # each against its own counterpart; nothing is left unpaired.
    got = sorted((code, name, text) for code, name, _, _, text in map(found, result.diagnostics))
    assert got == [("NUM001", "xquad.zh.json", "711,989"), ("NUM001", "xquad.zh.json", "711,989")]
    assert len({d.location.column for d in result.diagnostics}) == 2
