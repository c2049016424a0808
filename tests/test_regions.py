"""Chinese of Taiwan and Hong Kong checked by its own conventions: the
region comes from the file's tag (``X.zh-TW.md``), its names from the
packs' ``zh-TW:``/``zh-HK:`` forms, its years may be Minguo years, its
quotation marks are 「」, and every finding speaks its script."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ruconsist.lang.script import region_of_tag, to_simplified, to_traditional
from ruconsist.config import Config, ConfigError, load_config
from ruconsist.pairing import configured_region, zh_region
from ruconsist.rules import RuleError, load_pack_text, regional_term
from ruconsist.testing import lint_texts, pack_from_text

ROOT = Path(__file__).resolve().parent.parent


def errors_and_warnings(ru: str, zh: str, zh_path: str) -> list[tuple[str, str, str | None]]:
    """(code, message, fix replacement) of each finding but ALN004."""
    return [
        (d.code, d.message, d.fix.replacement if d.fix else None)
        for d in lint_texts(ru, zh, zh_path=zh_path)
        if d.code != "ALN004"
    ]


@pytest.mark.parametrize(
    ("path", "region"),
    [
        ("news/a.zh-TW.md", "TW"),
        ("news/a.zh_TW.md", "TW"),
        ("news/a.zh-Hant-TW.md", "TW"),
        ("corpus/newstest2019-ref.zho-TW.txt", "TW"),
        ("po/zh_TW.po", "TW"),
        ("docs/zh-TW/index.md", "TW"),
        ("news/a.zh-HK.md", "HK"),
        ("news/a.zh-MO.md", "HK"),
        ("news/a.zh-Hant.md", "Hant"),
        ("docs/zh-Hant/index.md", "Hant"),
        ("news/a.zh.md", None),
        ("news/a.zh-CN.md", None),
        ("news/a.zh-Hans.md", None),
        ("news/a.zh-SG.md", None),
        ("news/a.ru.md", None),
        ("news/a.md", None),
    ],
)
def test_the_region_comes_from_the_language_tag(path: str, region: str | None) -> None:
    assert zh_region(path) == region


@pytest.mark.parametrize(
    ("path", "configured", "region"),
    [
        # A tag without a region takes the configured one.
        ("news/a.zh.md", "TW", "TW"),
        ("po/zh.po", "HK", "HK"),
        ("news/a.zh-Hans.md", "TW", "TW"),
        ("articles/x/translation.md", "Hant", "Hant"),
        ("news/a.zh.md", "CN", "CN"),
        # auto: the text decides later (None here).
        ("news/a.zh.md", "auto", None),
        # A tag that names a region keeps its own.
        ("news/a.zh-TW.md", "HK", "TW"),
        ("news/a.zh-CN.md", "TW", None),
        ("news/a.zh-SG.md", "TW", None),
        ("docs/zh-Hant/index.md", "CN", "Hant"),
    ],
)
def test_the_configured_region_is_for_files_whose_tag_names_none(path: str, configured: str, region: str | None) -> None:
    assert configured_region(path, configured) == region


def test_zh_region_option_checks_an_untagged_file_by_that_region() -> None:
    # Too few Traditional characters to tell by themselves: read as
    # mainland Chinese (TRM002 普丁, and 週三 unread) unless configured.
    zh = "普丁在民國115年2月4日（週三）抵達紐西蘭。"
    assert [c for c, _, _ in errors_and_warnings_config(RU_VISIT, zh, "a.zh.md", Config())] == ["DAT004", "TRM002"]
    tw = Config(options={"zh-region": "TW"})
    assert errors_and_warnings_config(RU_VISIT, zh, "a.zh.md", tw) == []
    # A tag that names a region wins over the option.
    assert [c for c, _, _ in errors_and_warnings_config(RU_VISIT, zh, "a.zh-HK.md", tw)] == ["TRM002"]
    # Hong Kong writes 普京: the same file configured HK has a wrong variant.
    hk = Config(options={"zh-region": "HK"})
    assert errors_and_warnings_config(RU_VISIT, zh, "a.zh.md", hk) == [
        ("TRM002", "ZH '普丁' is a wrong variant: use '普京'", "普京")
    ]
    # In a mainland repository a Taiwanese name is wrong even in a file
    # whose characters are Simplified.
    cn = Config(options={"zh-region": "CN"})
    assert [c for c, _, _ in errors_and_warnings_config(RU_VISIT, "普丁在2026年2月4日（周三）抵达新西兰。", "a.zh.md", cn)] == [
        "TRM002"
    ]


def test_zh_region_option_per_path_and_validated(tmp_path: Path) -> None:
    conf = tmp_path / ".ruconsist.yaml"
    conf.write_text('per-path-options:\n  "hk/*":\n    zh-region: HK\n', encoding="utf-8")
    config = load_config(conf)
    # Enough Traditional characters to be read as such without a region.
    zh = "俄羅斯總統普丁在民國115年2月4日（週三）抵達紐西蘭。"
    # Hong Kong writes 普京; Traditional text of no region accepts 普丁.
    assert [c for c, _, _ in errors_and_warnings_config(RU_VISIT, zh, "hk/a.zh.md", config, ru_path="hk/a.ru.md")] == [
        "TRM002"
    ]
    assert errors_and_warnings_config(RU_VISIT, zh, "tw/a.zh.md", config, ru_path="tw/a.ru.md") == []
    conf.write_text("options:\n  zh-region: zh-TW\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"zh-region"):
        load_config(conf)


def errors_and_warnings_config(
    ru: str, zh: str, zh_path: str, config: Config, ru_path: str = "a.ru.md"
) -> list[tuple[str, str, str | None]]:
    return [
        (d.code, d.message, d.fix.replacement if d.fix else None)
        for d in lint_texts(ru, zh, zh_path=zh_path, ru_path=ru_path, config=config)
        if d.code != "ALN004"
    ]


def test_region_of_tag_reads_script_and_region_subtags() -> None:
    assert [region_of_tag(t) for t in ("zh-TW", "zh-Hant-HK", "zh-Hant", "zh-Hans-CN", "zh")] == [
        "TW",
        "HK",
        "Hant",
        None,
        None,
    ]


@pytest.mark.parametrize(
    ("text", "region", "simplified"),
    [
        ("普丁訪問了紐西蘭與義大利。", "TW", "普丁访问了纽西兰与义大利。"),
        # Taiwan's variant characters fold with tw2s; positions stay put.
        ("臺灣的綫路", "TW", "台湾的线路"),
        ("民國115年2月4日星期三", "TW", "民国115年2月4日星期三"),
        ("觀眾達150萬人", "HK", "观众达150万人"),
    ],
)
def test_conversion_is_character_for_character(text: str, region: str, simplified: str) -> None:
    out = to_simplified(text, region)
    assert out == simplified
    assert len(out) == len(text)


def test_a_conversion_that_changes_length_is_kept_only_where_it_does_not() -> None:
    from ruconsist.lang import script

    class Idiom:
        """A converter whose phrase table rewrites 計程車 into 出租车 (one
        character less), as OpenCC's tw2sp does, and otherwise t2s."""

        def convert(self, text: str) -> str:
            return script._converter("t2s").convert(text.replace("計程車", "出租"))

    text = "搭計程車去國會"
    out = script._same_length(Idiom(), text, Idiom().convert(text))
    assert len(out) == len(text)
    assert out.endswith("去国会")
    assert out.startswith("搭")


def test_findings_speak_the_region_script() -> None:
    assert to_traditional("纽西兰", "TW") == "紐西蘭"


REGIONAL_PACK = """
version: 1
terms:
  - id: putin
    category: name
    ru: [Путин]
    zh: [普京]
    zh-TW: [普丁]
    forbidden: {zh: [普丁]}
  - id: nz
    category: place
    ru: [Новая Зеландия]
    zh: [新西兰]
    zh-TW: [紐西蘭]
    zh-HK: [紐西蘭]
  - id: sydney
    category: place
    ru: [Сидней]
    zh: [悉尼]
    zh-TW: [雪梨]
"""


def test_regional_forms_are_the_forms_there_and_the_mainland_ones_forbidden() -> None:
    rules = pack_from_text(REGIONAL_PACK)
    tw = rules.for_region("TW")
    assert tw.term("putin").zh == ("普丁",)
    assert tw.term("putin").forbidden_zh == ("普京",)
    assert tw.term("nz").zh == ("纽西兰",)
    assert tw.term("nz").forbidden_zh == ("新西兰",)
    # Hong Kong has its own New Zealand but the mainland's Putin and Sydney.
    hk = rules.for_region("HK")
    assert hk.term("nz").zh == ("纽西兰",)
    assert hk.term("putin").zh == ("普京",)
    assert hk.term("putin").forbidden_zh == ("普丁",)
    # Traditional text of no known region accepts every region's names.
    hant = rules.for_region("Hant")
    assert hant.term("putin").zh == ("普京", "普丁")
    assert hant.term("putin").forbidden_zh == ()
    # The mainland's rule set is the packs as written.
    assert rules.for_region(None) is rules
    assert rules.term("putin").forbidden_zh == ("普丁",)


def test_a_term_without_regional_forms_is_the_same_term() -> None:
    rules = pack_from_text(REGIONAL_PACK.replace("    zh-TW: [雪梨]\n", ""))
    term = rules.term("sydney")
    assert regional_term(term, "TW") is term


def test_regional_forms_are_validated_with_file_and_line() -> None:
    bad = REGIONAL_PACK.replace("zh-TW: [普丁]", "zh-TW: [普丁, 3]")
    with pytest.raises(RuleError) as err:
        load_pack_text(bad, "regions.yaml")
    assert str(err.value).startswith("regions.yaml:8:")
    assert "zh-TW must hold strings" in str(err.value)
    typo = REGIONAL_PACK.replace("zh-TW: [普丁]", "zh-tw: [普丁]")
    with pytest.raises(RuleError) as err:
        load_pack_text(typo, "regions.yaml")
    assert "unknown key 'zh-tw' in term (did you mean 'zh-TW'?)" in str(err.value)


RU_VISIT = "Владимир Путин прилетел в Новую Зеландию 4 февраля 2026 года, в среду."

#: (RU, ZH, the ZH file's name, the findings: code, message, fix).
SHIPPED_CASES = [
    # Taiwan's names and a Minguo date that match the RU: clean.
    (RU_VISIT, "普丁在民國115年2月4日（週三）抵達紐西蘭。", "a.zh-TW.md", []),
    (RU_VISIT, "普丁在民國115年2月4日星期三抵達紐西蘭。", "a.zh-Hant-TW.md", []),
    # The mainland's names in a Taiwan text are the wrong variants there.
    (
        RU_VISIT,
        "普京在2026年2月4日（週三）抵達新西蘭。",
        "a.zh-TW.md",
        [
            ("TRM002", "ZH '普京' is a wrong variant: use '普丁'", "普丁"),
            ("TRM002", "ZH '新西蘭' is a wrong variant: use '紐西蘭'", "紐西蘭"),
        ],
    ),
    # ... and Taiwan's in a mainland text.
    (
        RU_VISIT,
        "普丁在2026年2月4日（周三）抵达新西兰。",
        "a.zh-CN.md",
        [("TRM002", "ZH '普丁' is a wrong variant: use '普京'", "普京")],
    ),
    # Hong Kong writes 普京 and 紐西蘭.
    (RU_VISIT, "普京在2026年2月4日（星期三）抵達紐西蘭。", "a.zh-HK.md", []),
    # Traditional text of no known region accepts either region's names.
    (RU_VISIT, "普丁在2026年2月4日（星期三）抵達新西蘭。", "a.zh-Hant.md", []),
    (RU_VISIT, "普京在2026年2月4日（星期三）抵達紐西蘭。", "a.zh-Hant.md", []),
    # A Minguo year one off.
    (
        "Путин прилетел в Сидней 4 февраля 2026 года.",
        "普丁於民國114年2月4日抵達雪梨。",
        "a.zh-TW.md",
        [("DAT001", "RU '4 февраля 2026 года' = 2026-02-04 has no equal date in ZH (found '民國114年2月4日' = 2025-02-04)", None)],
    ),
    # A magnitude slip read through 萬.
    (
        "Аудитория составила 1,5 млн человек.",
        "觀眾達15萬人。",
        "a.zh-TW.md",
        [(
            "NUM002",
            "ZH '15萬' = 150 000 is 10 times smaller than RU '1,5 млн' = 1 500 000: likely a magnitude slip (expected 150萬)",
            None,
        )],
    ),
    # Taiwan's unit words: 2,5 см is about 1 英吋.
    ("Выпало до 2,5 см осадков.", "降雨量達 1 英吋。", "a.zh-TW.md", []),
    # Taiwan's unit words count Chinese numerals too: 兩公尺 is 2 m.
    ("Стена высотой 2 метра.", "牆高兩公尺。", "a.zh-TW.md", []),
    ("Стена высотой 3 метра.", "牆高兩公尺。", "a.zh-TW.md", [("NUM001", "RU '3' has no equal value in ZH (found '兩' = 2)", None)]),
    # A name before the preposition 於/于 is still the name.
    (RU_VISIT, "普丁於民國115年2月4日（週三）抵達紐西蘭。", "a.zh-TW.md", []),
    (
        "Путин заявил в среду.",
        "普京於週三表示。",
        "a.zh-TW.md",
        [("TRM002", "ZH '普京' is a wrong variant: use '普丁'", "普丁")],
    ),
    (
        "Путин заявил в среду.",
        "普丁于周三表示。",
        "a.zh-CN.md",
        [("TRM002", "ZH '普丁' is a wrong variant: use '普京'", "普京")],
    ),
    # Taiwan writes the interpunct as U+2027; elsewhere it is a look-alike.
    ("Владимир Путин прибыл.", "弗拉迪米爾‧普丁抵達。", "a.zh-TW.md", []),
    (
        "Владимир Путин прибыл.",
        "弗拉基米尔‧普京抵达。",
        "a.zh-CN.md",
        [(
            "NAM001",
            "ZH name '弗拉基米尔‧普京' joins its parts with '‧' (U+2027); Chinese uses '·' (U+00B7): '弗拉基米尔·普京'",
            "弗拉基米尔·普京",
        )],
    ),
    # "About" between the time of day and the time: 下午約 7:30 is 19:30.
    ("Наезд был совершен около 19:30 по местному времени.", "事件在下午約 7:30 發生。", "a.zh-TW.md", []),
    (
        "Наезд был совершен около 19:30 по местному времени.",
        "事件在上午約 7:30 發生。",
        "a.zh-TW.md",
        [("TIM001", "ZH '上午約 7:30' = 07:30 is not the time RU gives ('19:30' = 19:30 (local))", None)],
    ),
    # Quotation marks: 「」 in Taiwan; a fix keeps the file's characters (裏).
    (
        "«Мы готовы к диалогу», — заявил Путин.",
        "“我們在這裏準備好對話”，普丁表示。",
        "a.zh-TW.md",
        [("TYP002", "ZH quotes “…” in '“我們在這裡準備好對話”': house style is 「…」", "「我們在這裏準備好對話」")],
    ),
    ("«Мы готовы к диалогу», — заявил Путин.", "「我們準備好對話」，普丁表示。", "a.zh-TW.md", []),
    ("«Мы готовы к диалогу», — заявил Путин.", "「我们准备好对话」，普京表示。", "a.zh-CN.md", []),
    # A Taiwan name for a body of the packs: 歐盟議會 is the European Parliament.
    ("Он будет баллотироваться в Европейский парламент.", "他將參選歐盟議會。", "a.zh-TW.md", []),
]


@pytest.mark.parametrize(("ru", "zh", "zh_path", "expected"), SHIPPED_CASES)
def test_shipped_packs_by_region(ru: str, zh: str, zh_path: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert errors_and_warnings(ru, zh, zh_path) == expected


@pytest.mark.parametrize(
    ("zh_path", "message"),
    [
        (
            "a.zh-TW.md",
            "ZH text is checked by Taiwan's conventions (zh-TW): converted to Simplified with OpenCC tw2s,"
            " with the packs' zh-TW names and the Minguo calendar",
        ),
        (
            "a.zh-HK.md",
            "ZH text is checked by Hong Kong's conventions (zh-HK): converted to Simplified with OpenCC hk2s,"
            " with the packs' zh-HK names",
        ),
        (
            "a.zh.md",
            "ZH text is written in Traditional characters: checked after conversion to Simplified"
            " (OpenCC t2s), with every region's names accepted",
        ),
    ],
)
def test_one_information_line_names_the_conventions(zh_path: str, message: str) -> None:
    # Enough Traditional characters to be recognised without a tag.
    diags = lint_texts(RU_VISIT, "俄羅斯總統普丁在民國115年2月4日（週三）抵達紐西蘭。", zh_path=zh_path)
    assert [d.message for d in diags if d.code == "ALN004"] == [message]


def test_a_repository_with_both_chinese_files_lints_both_pairs(tmp_path: Path) -> None:
    (tmp_path / "visit.ru.md").write_text(RU_VISIT + "\n", encoding="utf-8")
    (tmp_path / "visit.zh-CN.md").write_text("普丁在2026年2月4日（周三）抵达新西兰。\n", encoding="utf-8")
    (tmp_path / "visit.zh-TW.md").write_text("普丁在民國115年2月4日（週三）抵達紐西蘭。\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "ruconsist", "check", str(tmp_path), "--format", "text", "--select", "TRM,DAT"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert run.returncode == 1, run.stderr
    lines = [line for line in run.stdout.splitlines() if ": TRM" in line or ": DAT" in line]
    # Only the mainland file is wrong: 普丁 is Taiwan's form.
    assert lines == [f"{tmp_path / 'visit.zh-CN.md'}:1:1: TRM002 [error] ZH '普丁' is a wrong variant: use '普京'"]
    assert "2 pairs checked" in run.stdout


def test_rules_lists_the_regions_each_pack_covers() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "ruconsist", "rules"], capture_output=True, text=True, cwd=ROOT, check=True
    )
    people = next(line for line in run.stdout.splitlines() if line.strip().startswith("people "))
    assert "regions: zh, zh-TW (" in people
    countries = next(line for line in run.stdout.splitlines() if line.strip().startswith("countries "))
    assert "zh-HK (" in countries


def test_renderings_are_learnt_per_region() -> None:
    """A name the packs do not list, rendered one way in the mainland
    files of a run and another way in the Taiwan ones: neither region's
    rendering is an outlier of the other's (CON001), while an outlier
    inside one region still is."""
    from ruconsist.testing import _lint_pair, linter

    lint = linter(select=["CON"])
    mainland = ["布尔拉科夫向记者透露了这一消息。", "布尔拉科夫表示，会谈很成功。", "最后，布尔拉科夫感谢了同事们。"]
    taiwan = ["布拉科夫向記者透露了這一消息。", "布拉科夫表示，會談很成功。", "最後，布拉科夫感謝了同事們。"]
    russian = [
        "Бурлаков сообщил об этом журналистам.",
        "По словам Бурлакова, встреча прошла успешно.",
        "В заключение Бурлаков поблагодарил коллег.",
    ]
    # Three mainland files and two Taiwan ones: in one pool the Taiwan
    # rendering would be the rarer near variant of the mainland one.
    for i, ru in enumerate(russian):
        _lint_pair(lint, ru, mainland[i], f"a{i}.ru.txt", f"a{i}.zh-CN.txt")
        if i < 2:
            _lint_pair(lint, ru, taiwan[i], f"a{i}.ru.txt", f"a{i}.zh-TW.txt")
    assert lint.finish_run() == []
    # One Taiwan file off its region's usual rendering is still reported.
    lint.reset_run()
    for i, ru in enumerate(russian):
        _lint_pair(lint, ru, mainland[i], f"a{i}.ru.txt", f"a{i}.zh-CN.txt")
        _lint_pair(lint, ru, taiwan[i], f"a{i}.ru.txt", f"a{i}.zh-TW.txt")
    _lint_pair(lint, russian[0], "布拉可夫向記者透露了這一消息。", "b.ru.txt", "b.zh-TW.txt")
    found = [(d.code, d.location.path, d.message) for d in lint.finish_run()]
    assert found == [
        (
            "CON001",
            "b.zh-TW.txt",
            "RU 'Бурлаков' is '布拉科夫' in 3 other segments (a0.zh-TW.txt:1:1, a1.zh-TW.txt:1:1, a2.zh-TW.txt:1:4)"
            " but '布拉可夫' here",
        )
    ]
