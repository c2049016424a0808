"""The language server's work in process (:mod:`ruconsist.lsp.session`):
each format the command line reads, the suppression comment the quick
fix inserts, and positions in UTF-16 units."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lsprotocol import types as lsp

from ruconsist.lsp.session import Session, code_actions, publishable, suppression, to_offset, to_range, utf16_units


@pytest.fixture(scope="module")
def session() -> Session:
    return Session(plugins=False)


def lint_numbers(session: Session, opened: Path):  # type: ignore[no-untyped-def]
    outcome = session.lint(opened, {})
    assert not outcome.problems, outcome.problems
    return outcome, [(d.code, d.location.lang, d.location.line) for ds in outcome.findings.values() for d in ds if d.code == "NUM001"]


PO = '''msgid ""
msgstr ""
"Language: zh_CN\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

#: src/report.c:10
msgid "Стороны подписали 12 соглашений о сотрудничестве."
msgstr "双方签署了15项合作协议。"

msgid "Встреча прошла в Москве в дружеской обстановке."
msgstr "会见在莫斯科以友好的气氛进行。"
'''

XLIFF = '''<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="ru" target-language="zh-CN" datatype="plaintext" original="news">
    <body>
      <trans-unit id="1">
        <source>Стороны подписали 12 соглашений о сотрудничестве.</source>
        <target>双方签署了15项合作协议。</target>
      </trans-unit>
    </body>
  </file>
</xliff>
'''

#: (files, the file opened, where NUM001 is expected: lang, line;
#: the comment the quick fix inserts, or None for formats without comments)
FORMATS = [
    pytest.param(
        {"a.ru.md": "# Встреча\n\nСтороны подписали 12 соглашений.\n", "a.zh.md": "# 会见\n\n双方签署了15项协议。\n"},
        "a.zh.md", ("zh", 3), " <!-- ruconsist: disable-line NUM001 -->", id="markdown",
    ),
    pytest.param(
        {"a.ru.txt": "Встреча.\n\nСтороны подписали\n12 соглашений.\n", "a.zh.txt": "会见。\n\n双方签署了\n15项协议。\n"},
        "a.zh.txt", ("zh", 4), "# ruconsist: disable-next-line NUM001\n", id="text",
    ),
    pytest.param({"messages.po": PO}, "messages.po", ("zh", 8), "# ruconsist: disable-next-line NUM001\n", id="po"),
    pytest.param(
        {"ru.yml": "ru:\n  news:\n    title: Стороны подписали 12 соглашений\n",
         "zh.yml": "zh:\n  news:\n    title: 双方签署了15项协议\n"},
        "zh.yml", ("zh", 3), "    # ruconsist: disable-next-line NUM001\n", id="yaml",
    ),
    pytest.param(
        {"law.ru.xml": "<doc>\n  <para>Стороны подписали 12 соглашений.</para>\n</doc>\n",
         "law.zh.xml": "<doc>\n  <para>双方签署了15项协议。</para>\n</doc>\n"},
        "law.zh.xml", ("zh", 2), "  <!-- ruconsist: disable-next-line NUM001 -->\n", id="xml",
    ),
    pytest.param({"news.xlf": XLIFF}, "news.xlf", ("zh", 7), "        <!-- ruconsist: disable-next-line NUM001 -->\n", id="xliff"),
    pytest.param(
        {"ru.json": '{"news": {"title": "Стороны подписали 12 соглашений"}}\n',
         "zh.json": '{"news": {"title": "双方签署了15项协议"}}\n'},
        "zh.json", ("zh", 1), None, id="json",
    ),
    pytest.param(
        {"a.ru.srt": "1\n00:00:01,000 --> 00:00:03,000\nСтороны подписали 12 соглашений.\n",
         "a.zh.srt": "1\n00:00:01,000 --> 00:00:03,000\n双方签署了15项协议。\n"},
        "a.zh.srt", ("zh", 3), None, id="subtitles",
    ),
]


@pytest.mark.parametrize(("files", "opened", "where", "comment"), FORMATS)
def test_each_format_is_checked_and_its_comment_silences_the_finding(
    session: Session, tmp_path: Path, files: dict[str, str], opened: str, where: tuple[str, int], comment: str | None
) -> None:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    path = tmp_path / opened
    outcome, found = lint_numbers(session, path)
    assert found == [("NUM001", *where)]
    (finding,) = [d for ds in outcome.findings.values() for d in ds if d.code == "NUM001"]
    doc = outcome.docs[path]
    insertion = suppression(doc, finding.location.line, "NUM001")
    if comment is None:
        assert insertion is None
        return
    offset, text, _ = insertion
    assert text == comment
    edited = doc.text[:offset] + text + doc.text[offset:]
    after = session.lint(path, {path: edited})
    assert not after.problems, after.problems
    assert [d.code for ds in after.findings.values() for d in ds if d.code.startswith(("NUM", "SUP"))] == []


def test_positions_count_utf16_units_past_the_basic_plane(session: Session, tmp_path: Path) -> None:
    # 𠮷 (U+20BB7) is one character and two UTF-16 units.
    (tmp_path / "a.ru.md").write_text("Стороны подписали 12 соглашений.\n", encoding="utf-8")
    zh = "𠮷野家：双方签署了15项协议。\n"
    outcome = session.lint(tmp_path / "a.zh.md", {tmp_path / "a.zh.md": zh})
    (number,) = [d for d in outcome.findings[tmp_path / "a.zh.md"] if d.code == "NUM001"]
    doc = outcome.docs[tmp_path / "a.zh.md"]
    rng = to_range(number.location, doc, utf16_units)
    assert (rng.start.character, rng.end.character) == (10, 12)
    assert zh[to_offset(doc, rng.start, utf16_units) :].startswith("15项")
    # A client that negotiated UTF-32 counts characters.
    assert to_range(number.location, doc, len).start.character == 9


def test_fix_all_applies_every_safe_fix_of_the_file(session: Session, tmp_path: Path) -> None:
    (tmp_path / "a.ru.md").write_text("Владимир Путин и Сергей Лавров прибыли в Пекин, где их тепло встретили.\n", encoding="utf-8")
    zh = "弗拉基米尔*普京和谢尔盖*拉夫罗夫抵达北京,受到热烈欢迎。\n"
    path = tmp_path / "a.zh.md"
    outcome = session.lint(path, {path: zh})
    everywhere = lsp.Range(start=lsp.Position(line=0, character=0), end=lsp.Position(line=1, character=0))
    (fix_all,) = code_actions(outcome, path, everywhere, utf16_units, None, [lsp.CodeActionKind.SourceFixAll])
    edits = fix_all.edit.changes[path.as_uri()]
    assert sorted(e.new_text for e in edits) == sorted(["弗拉基米尔·普京", "谢尔盖·拉夫罗夫", "，"])


def test_a_lone_surrogate_in_the_text_reaches_the_editor_as_valid_json(session: Session, tmp_path: Path) -> None:
    # JSON may escape a lone surrogate ("\\ud800"); the text then holds a
    # character no UTF-8 can encode. What the server writes must still be
    # valid UTF-8 JSON, with the finding next to it intact.
    from ruconsist.lsp.server import build

    (tmp_path / "ru.json").write_text('{"a": "Стороны подписали 12 соглашений \\ud800."}', encoding="utf-8")
    (tmp_path / "zh.json").write_text('{"a": "双方签署了15项协议 \\ud800。"}', encoding="utf-8")
    outcome = session.lint(tmp_path / "zh.json", {})
    assert not outcome.problems, outcome.problems
    published = publishable(outcome, utf16_units, None)
    assert "NUM001" in [d.code for ds in published.values() for d in ds]

    written: list[bytes] = []

    class Wire:
        def write(self, data: bytes) -> None:
            written.append(data)

        def close(self) -> None:
            pass

    server = build(plugins=False)
    server.protocol.set_writer(Wire())
    for path, found in published.items():
        params = lsp.PublishDiagnosticsParams(uri=path.as_uri(), diagnostics=found)
        server.protocol.notify(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS, params)
    assert len(written) == len(published)
    for data in written:
        body = data.decode("utf-8").split("\r\n\r\n", 1)[1]
        assert json.loads(body)["method"] == "textDocument/publishDiagnostics"
