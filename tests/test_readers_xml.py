"""Generic XML (neither XLIFF nor TMX): the text of elements, never the
markup, located where it stands and never fixed inside a tag."""

from __future__ import annotations

from pathlib import Path

import pytest

from ruconsist.config import Config
from ruconsist.document import Document
from ruconsist.errors import InputError
from ruconsist.readers.xml import XmlReader
from tests.test_cli import run

# A declaration in the layout of the UDHR files (a root with a language
# attribute, a title, preamble paragraphs, articles); the sentences are
# this test's own.
RU = """<?xml version="1.0" encoding="UTF-8"?>
<decl xml:lang="ru" xmlns="http://example.org/decl">
   <title>Устав ООН</title>
   <preamble>
      <para>Принят 26 июня 1945 года в Сан-Франциско.</para>
      <para>Путин напомнил, что в <b>Уставе ООН</b> 111 статей.</para>
   </preamble>
   <article number="1">
      <title>Статья 1</title>
      <para>Все люди рождаются свободными.</para>
   </article>
</decl>
"""
ZH = """<?xml version="1.0" encoding="UTF-8"?>
<decl xml:lang="zh" xmlns="http://example.org/decl">
   <title>联合国宪章</title>
   <preamble>
      <para>1945年6月26日在旧金山签署。</para>
      <para>弗拉基米尔*普京提醒说，<b>联合国宪章</b>共有112条。</para>
   </preamble>
   <article number="1">
      <title>第一条</title>
      <para>人人生而自由。</para>
   </article>
</decl>
"""
PACK = """\
version: 1
pack: xml-test
terms:
  - id: un-charter
    category: title
    ru: [Устав ООН]
    zh: [联合国宪章]
  - id: putin
    category: name
    ru: [Владимир Путин, Путин]
    zh: [弗拉基米尔·普京, 普京]
"""


@pytest.fixture
def decl(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "decl.ru.xml").write_text(RU, encoding="utf-8")
    (tmp_path / "decl.zh.xml").write_text(ZH, encoding="utf-8")
    (tmp_path / "pack.yaml").write_text(PACK, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_each_text_element_is_a_segment_with_its_inline_children() -> None:
    parsed = XmlReader().read(Document("decl.ru.xml", RU), "ru", Config())
    segs = parsed.segments["ru"]
    assert [(s.kind, s.text) for s in segs] == [
        ("heading", "Устав ООН"),
        ("paragraph", "Принят 26 июня 1945 года в Сан-Франциско."),
        ("paragraph", "Путин напомнил, что в Уставе ООН 111 статей."),
        ("heading", "Статья 1"),
        ("paragraph", "Все люди рождаются свободными."),
    ]
    # Positions are the text's own, never the root element's.
    doc = parsed.doc
    inline = segs[2]
    a = inline.file_offset(inline.text.index("Уставе"))
    assert RU[a : a + 6] == "Уставе" and doc.line_col(a) == (6, 38)


def test_findings_point_into_elements_and_markup_is_never_prose(decl: Path) -> None:
    code, out, _ = run(["check", ".", "--no-default-rules", "--rules", "pack.yaml", "--format", "parsable"])
    assert code == 1
    # The heading that is the document's own title takes no 《》; the
    # number and the name inside <para> are found where they stand.
    assert out.splitlines() == [
        "decl.zh.xml:6:13: [error] NAM001 ZH name '弗拉基米尔*普京提' joins its parts with '*' (U+002A);"
        " Chinese uses '·' (U+00B7): '弗拉基米尔·普京提'",
        "decl.zh.xml:6:28: [warning] TTL002 ZH title '联合国宪章' is not in book-title marks: expected '《联合国宪章》'",
        "decl.zh.xml:6:39: [error] NUM001 ZH '112' has no equal value in RU (RU has '111')",
    ]


def test_fix_changes_text_and_never_markup(decl: Path) -> None:
    code, _, err = run(["check", ".", "--no-default-rules", "--rules", "pack.yaml", "--fix", "--force"])
    fixed = (decl / "decl.zh.xml").read_text(encoding="utf-8")
    assert "<title>联合国宪章</title>" in fixed  # the document's own title
    assert "<para>弗拉基米尔·普京提醒说，<b>《联合国宪章》</b>共有112条。</para>" in fixed
    assert fixed.replace("·", "*").replace("《联合国宪章》", "联合国宪章") == ZH
    assert "applied 2 fixes in 1 file" in err


def test_bilingual_xml_by_xml_lang_and_one_language_refused() -> None:
    both = '<?xml version="1.0"?><doc><p xml:lang="ru">Путин приехал.</p><p xml:lang="zh-CN">普京来了。</p></doc>'
    parsed = XmlReader().read(Document("both.xml", both), None, Config())
    assert [s.text for s in parsed.segments["ru"]] == ["Путин приехал."]
    assert [s.text for s in parsed.segments["zh"]] == ["普京来了。"]
    with pytest.raises(InputError, match=r"XML document <decl> holds one language: name the files of a pair"):
        XmlReader().read(Document("decl.xml", RU), None, Config())


def test_an_xliff_file_named_xml_is_still_read_as_xliff(tmp_path: Path) -> None:
    xliff = (
        '<?xml version="1.0"?><xliff version="1.2"><file source-language="ru" target-language="zh">'
        '<body><trans-unit id="a"><source>Путин</source><target>普京</target></trans-unit></body></file></xliff>'
    )
    doc = Document("export.xml", xliff)
    parsed = XmlReader().read(doc, None, Config())
    assert doc.format == "xliff"
    assert [(a[0].text, b[0].text) for a, b in parsed.fixed] == [("Путин", "普京")]
