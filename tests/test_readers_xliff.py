"""XLIFF 1.2/2.x and TMX: languages from the file, either direction,
inline codes out of the text, refusal of entity declarations."""

from __future__ import annotations

from pathlib import Path

import pytest

from ruconsist.config import Config
from ruconsist.document import Document, decode
from ruconsist.engine import Linter
from ruconsist.errors import InputError
from ruconsist.pairing import FilePair
from ruconsist.readers.xliff import XliffReader
from ruconsist.rules import load_rules
from tests.conftest import DATA

FORMATS = DATA / "formats"


def lint(pair: FilePair, select=("PLH", "TAG", "ALN")):  # type: ignore[no-untyped-def]
    linter = Linter(Config(select=tuple(select)), rules=load_rules((), defaults=False))
    result = linter.lint_pair(pair)
    assert result.error is None, result.error
    return result


def bilingual(path: Path):  # type: ignore[no-untyped-def]
    return lint(FilePair(None, None, bilingual=path))


def at(side) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    loc = side.span()
    return loc.line, loc.column


def summary(result) -> list[tuple[str, str, int, int, str | None]]:  # type: ignore[no-untyped-def]
    return [(d.code, d.location.lang, d.location.line, d.location.column, d.expected) for d in result.diagnostics]


def test_xliff_12_units_pair_source_and_target_with_positions() -> None:
    result = bilingual(FORMATS / "sdg.xlf")
    # The unit still to translate (state="needs-translation") is left out.
    assert [(at(b.ru), at(b.zh)) for b in result.beads] == [((6, 17), (7, 17)), ((10, 17), (11, 17)), ((14, 17), (15, 36))]
    # The <g> code is out of the text; the character reference &#160;
    # reads as a no-break space.
    assert result.beads[1].ru.text.endswith("на 100\u00a0000 живорождений")


def test_xliff_12_inline_codes_and_placeholders_are_compared() -> None:
    assert summary(bilingual(FORMATS / "sdg.xlf")) == [
        ("TAG001", "ru", 10, 116, "<g>"),
        ("PLH001", "zh", 15, 39, "{{count}}"),
    ]


def test_character_after_an_entity_keeps_its_column() -> None:
    doc = decode((FORMATS / "sdg.xlf").read_bytes(), "sdg.xlf")
    parsed = XliffReader().read(doc, None, Config())
    ru = parsed.fixed[1][0][0]
    i = ru.text.index("000 живорождений")
    line, col = doc.line_col(ru.file_offset(i))
    assert doc.line_text(line)[col - 1 : col + 10] == "000</g> жив"
    assert doc.text[ru.file_offset(i - 1) : ru.file_offset(i - 1) + 6] == "&#160;"


def test_xliff_2_reads_a_chinese_to_russian_file() -> None:
    result = bilingual(FORMATS / "goals-v2.xlf")
    assert [(b.ru.text[:24], at(b.ru), b.zh.text[:8], at(b.zh)) for b in result.beads] == [
        ("Принять срочные меры по ", (7, 17), "采取紧急行动应对", (6, 17)),
        ("Развитым странам в полно", (13, 17), "发达国家全面履行", (12, 17)),
    ]
    assert summary(result) == [("TAG001", "zh", 12, 72, "<pc>")]


def test_tmx_pairs_russian_and_chinese_variants_whatever_the_source() -> None:
    result = bilingual(FORMATS / "goals.tmx")
    assert [(b.ru.text, b.zh.text) for b in result.beads] == [
        ("Принятие срочных мер по борьбе с изменением климата и его последствиями", "采取紧急行动应对气候变化及其影响"),
        ("Сохранение морских экосистем", "水下生物"),
        ("Мир, правосудие и эффективные институты", "和平、正义且强大的机构"),
    ]
    # A begin/end code pair missing on one side is one finding.
    assert summary(result) == [("TAG001", "zh", 10, 60, "<bpt>")]


XLIFF_EN = """<?xml version="1.0"?>
<xliff version="1.2"><file original="app" source-language="en" target-language="{lang}"><body>
<trans-unit id="greet"><source>Hello, %s</source><target>{greet}</target></trans-unit>
<trans-unit id="bye"><source>Goodbye</source><target>{bye}</target></trans-unit>
</body></file></xliff>
"""


def test_two_xliff_files_from_a_third_language_pair_by_unit_id(tmp_path: Path) -> None:
    ru = tmp_path / "messages.ru.xlf"
    zh = tmp_path / "messages.zh.xlf"
    ru.write_text(XLIFF_EN.format(lang="ru", greet="Здравствуйте, %s", bye="До свидания"), encoding="utf-8")
    zh.write_text(XLIFF_EN.format(lang="zh-CN", greet="你好", bye="再见"), encoding="utf-8")
    result = lint(FilePair(ru, zh))
    assert [(b.ru.text, b.zh.text) for b in result.beads] == [("Здравствуйте, %s", "你好"), ("До свидания", "再见")]
    assert summary(result) == [("PLH001", "ru", 3, 72, "%s")]


def test_xliff_is_recognised_by_content_under_another_extension(tmp_path: Path) -> None:
    path = tmp_path / "export.xml"
    path.write_text(XLIFF_EN.replace('source-language="en"', 'source-language="ru"').format(lang="zh", greet="你好，%s", bye="再见"), encoding="utf-8")
    result = bilingual(path)
    assert result.beads[0].ru.segments[0].doc.format == "xliff"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        # Billion laughs and external entities never get expanded.
        ('<?xml version="1.0"?>\n<!DOCTYPE x [\n<!ENTITY a "aaaa">\n]>\n<xliff version="1.2">&a;</xliff>', 3, "entity declarations are not accepted"),
        ('<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<xliff>&e;</xliff>', 2, "entity declarations are not accepted"),
        ('<xliff version="1.2">\n<file source-language="ru" target-language="zh">\n<body><trans-unit id="1"><source>Да</target>', 3, "not well-formed XML: mismatched tag"),
        ('<xliff version="3.0"/>', 1, "unsupported XLIFF version"),
        ('<?xml version="1.0"?>\n<html><body/></html>', 2, "not an XLIFF file"),
    ],
)
def test_malformed_or_unsafe_xml_is_one_input_error(text: str, line: int, message: str) -> None:
    with pytest.raises(InputError) as err:
        XliffReader().read(Document("bad.xlf", text), None, Config())
    assert (err.value.line, message in err.value.message) == (line, True), err.value


def test_file_in_other_languages_says_what_it_holds() -> None:
    doc = Document("de.xlf", XLIFF_EN.format(lang="de", greet="Hallo, %s", bye="Tschüss"))
    with pytest.raises(InputError, match="no translated Russian–Chinese unit \\(it holds en → de\\)"):
        XliffReader().read(doc, None, Config())
