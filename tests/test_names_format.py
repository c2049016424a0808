"""NAM001 (separator in foreign names in Chinese) and TTL002 (book-title
marks around known titles)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ruconsist.testing import findings, lint_texts

TITLE_PACK = """\
version: 1
pack: test-titles
terms:
  - id: un-charter
    category: title
    ru: [Устав ООН]
    zh: [联合国宪章]
  - id: new-start
    category: title
    ru: [ДСНВ, Договор о сокращении стратегических наступательных вооружений]
    zh: [新削减战略武器条约, 新START]
  - id: putin
    category: name
    ru: [Владимир Путин, Путин]
    zh: [弗拉基米尔·普京, 普京]
  - id: paris
    category: place
    ru: [Париж]
    zh: [巴黎]
  - id: london
    category: place
    ru: [Лондон]
    zh: [伦敦]
"""


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = Path(tmp_path_factory.mktemp("packs")) / "titles.yaml"
    path.write_text(TITLE_PACK, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("ru", "zh", "found"),
    [
        # From the seed article's headline.
        ("Ушаков рассказал, о чем говорили Владимир Путин и Си Цзиньпин",
         "乌沙科夫讲述了弗拉基米尔*普京和习近平谈了一个半小时的事情", "弗拉基米尔*普京"),
        ("Джо Байден", "乔•拜登表示", "乔•拜登"),
        ("Сергей Лавров", "谢尔盖・拉夫罗夫说", "谢尔盖・拉夫罗夫"),
        ("Юрий Ушаков", "尤里．乌沙科夫", "尤里．乌沙科夫"),
        ("Юрий Ушаков", "尤里.乌沙科夫", "尤里.乌沙科夫"),
        ("Владимир Путин", "弗拉基米尔 普京", "弗拉基米尔 普京"),
        ("Владимир Путин", "弗拉基米尔-普京", "弗拉基米尔-普京"),
        ("Мария Захарова", "发言人玛丽亚*扎哈罗娃", "玛丽亚*扎哈罗娃"),
        # 于 transliterates too, but after a name it is "in/at": the fix must
        # not carry it into the name.
        ("Владимир Путин в 2026 году", "弗拉基米尔*普京于2026年访华", "弗拉基米尔*普京"),
        # Several parts make one name and one finding.
        ("Жозеф Кулон де Жюмонвиль", "约瑟夫•库隆•德•朱蒙维尔", "约瑟夫•库隆•德•朱蒙维尔"),
    ],
)
def test_wrong_separator_in_foreign_name(ru: str, zh: str, found: str, pack: str) -> None:
    assert findings(ru, zh, select=["NAM001"], packs=[pack]) == [("NAM001", "zh", found)]


@pytest.mark.parametrize(
    ("ru", "zh"),
    [
        ("Владимир Путин", "弗拉基米尔·普京"),
        ("Китай — АСЕАН", "中国-东盟"),  # a hyphen joining partners, not a name
        ("Бразилия — Аргентина", "巴西-阿根廷边境"),
        ("Париж, Лондон", "巴黎•伦敦"),  # places of the pack
        ("важное событие", "这是*重要*的事"),  # emphasis marks
        ("Пекин и Шанхай", "北京•上海"),
        ("12 марта", "3月12日 星期四"),
    ],
)
def test_no_finding_without_a_foreign_name(ru: str, zh: str, pack: str) -> None:
    assert findings(ru, zh, select=["NAM001"], packs=[pack]) == []


def test_separator_fix_replaces_every_wrong_mark() -> None:
    zh = "包括约瑟夫•库隆•德•朱蒙维尔在内"
    (d,) = lint_texts("в том числе Жозеф Кулон де Жюмонвиль", zh, select=["NAM001"])
    assert d.fix is not None
    fixed = zh[: d.fix.start] + d.fix.replacement + zh[d.fix.end :]
    assert fixed == "包括约瑟夫·库隆·德·朱蒙维尔在内"
    assert (d.category, d.severity.label) == ("name", "error")


@pytest.mark.parametrize(
    ("ru", "zh", "found"),
    [
        ("5 февраля истекает срок действия ДСНВ.", "新削减战略武器条约将于2月5日到期。", "新削减战略武器条约"),
        ("в соответствии с Уставом ООН", "根据联合国宪章宗旨和原则", "联合国宪章"),
        ("Устав ООН", "“联合国宪章”", "联合国宪章"),  # quotes are not book-title marks
    ],
)
def test_known_title_without_book_title_marks(ru: str, zh: str, found: str, pack: str) -> None:
    assert findings(ru, zh, select=["TTL002"], packs=[pack]) == [("TTL002", "zh", found)]


@pytest.mark.parametrize(
    ("ru", "zh"),
    [
        ("5 февраля истекает срок действия ДСНВ.", "俄美《新削减战略武器条约》将于2月5日到期。"),
        ("в соответствии с Уставом ООН", "根据《联合国宪章》宗旨和原则"),
        ("Договор СНВ", "《〈新削减战略武器条约〉议定书》"),  # nested title
        ("ДСНВ", "新START条约"),  # an abbreviation takes no marks
    ],
)
def test_title_in_marks_or_abbreviation_passes(ru: str, zh: str, pack: str) -> None:
    assert findings(ru, zh, select=["TTL002"], packs=[pack]) == []


def test_title_fix_adds_marks(pack: str) -> None:
    zh = "根据联合国宪章宗旨"
    (d,) = lint_texts("согласно Уставу ООН", zh, select=["TTL002"], packs=[pack])
    assert d.fix is not None
    assert zh[: d.fix.start] + d.fix.replacement + zh[d.fix.end :] == "根据《联合国宪章》宗旨"
    assert (d.category, d.severity.label) == ("title", "warning")


def test_a_heading_that_is_the_title_alone_takes_no_marks(pack: str, tmp_path: Path) -> None:
    # A document's own title as its heading is not a citation: no 《》
    # there; the same title cited in the body still needs them.
    import io

    from ruconsist.cli import main

    (tmp_path / "a.ru.md").write_text("# Устав ООН\n\nСогласно Уставу ООН.\n", encoding="utf-8")
    (tmp_path / "a.zh.md").write_text("# 联合国宪章\n\n根据联合国宪章。\n", encoding="utf-8")
    out = io.StringIO()
    main([str(tmp_path), "--no-default-rules", "--rules", pack, "--select", "TTL002", "-f", "parsable"], stdout=out)
    assert [line.split(": ", 1)[0].rsplit("/", 1)[-1] for line in out.getvalue().splitlines()] == ["a.zh.md:3:3"]
