"""``ruconsist terms suggest``: RU/ZH pairs that recur together in the
aligned segments and are not in the packs, as YAML for a pack."""

from __future__ import annotations

import io

import pytest

from ruconsist import cli
from ruconsist.config import Config
from ruconsist.document import Document
from ruconsist.engine import Linter
from ruconsist.plugins import get_plugin_manager
from ruconsist.readers.text import TextReader
from ruconsist.rules import RuleSet, load_pack, load_pack_text
from ruconsist.suggest import Collector, to_yaml
from tests.conftest import DATA, REPO

TRANSLIT = REPO / "rules" / "transliteration.yaml"
PALLADIUS = REPO / "rules" / "palladius.yaml"

WEST = [
    ("Канье Уэст выступил в субботу в клубе.", "坎耶·韦斯特周六在俱乐部演出。"),
    ("Уэст заявил, что будет баллотироваться.", "韦斯特表示将参加竞选。"),
    ("Поклонники Уэста были удивлены.", "韦斯特的粉丝们感到意外。"),
    ("Канье Уэст сменил имя.", "坎耶·韦斯特改了名字。"),
    ("О планах Уэста рассказали его представители.", "韦斯特的代表介绍了他的计划。"),
    ("Выступление Уэста продолжалось час.", "维斯特的演出持续了一个小时。"),
]
VIRGINIA = [
    ("Губернатор Западной Вирджинии подписал закон.", "西弗吉尼亚州州长签署了法律。"),
    ("В Западной Вирджинии прошли выборы.", "西弗吉尼亚州举行了选举。"),
    ("Жители Западной Вирджинии голосовали утром.", "西弗吉尼亚州居民上午投票。"),
]
SHENZHEN = [("Компания из Шэньчжэня открыла офис в городе.", "一家深圳公司在该市开设了办事处。")]


def rules(*extra) -> RuleSet:  # type: ignore[no-untyped-def]
    return RuleSet([load_pack(TRANSLIT), load_pack(PALLADIUS), *(load_pack(p) for p in extra)])


def collect(articles: list[tuple[str, str]], ruleset: RuleSet) -> Collector:
    linter = Linter(Config(), pm=get_plugin_manager(load_entrypoints=False), rules=ruleset)
    linter.checks = []
    collector = Collector(ruleset)
    reader = TextReader()
    text_ru = "\n\n".join(ru for ru, _ in articles) + "\n"
    text_zh = "\n\n".join(zh for _, zh in articles) + "\n"
    ru = reader.read(Document("news.ru.txt", text_ru), "ru", linter.config)
    zh = reader.read(Document("news.zh.txt", text_zh), "zh", linter.config)
    beads, _, _ = linter.lint_parsed(ru, zh)
    for bead in beads:
        collector.add(bead)
    return collector


def entries(collector: Collector) -> list[tuple[list[str], list[str]]]:
    return [(s.ru, s.zh) for s in collector.suggestions()]


def test_full_name_and_surname_become_one_entry_with_their_variant_noted() -> None:
    collector = collect(WEST, rules())
    (west,) = collector.suggestions()
    assert (west.ru, west.zh, west.category) == (["Канье Уэст", "Уэст"], ["坎耶·韦斯特", "韦斯特"], "name")
    assert west.also == [("维斯特", 1)]
    assert [(e.ru, e.zh, e.together) for e in west.evidence] == [
        ("Канье Уэст", "坎耶·韦斯特", 2), ("Уэст", "韦斯特", 3),
    ]


def test_adjective_and_noun_are_given_in_the_nominative() -> None:
    assert entries(collect(VIRGINIA, rules())) == [(["Западная Вирджиния"], ["西弗吉尼亚州"])]


def test_a_palladius_reading_counts_even_seen_once() -> None:
    (shenzhen,) = collect(SHENZHEN, rules()).suggestions()
    assert (shenzhen.ru, shenzhen.zh, shenzhen.evidence[0].palladius) == (["Шэньчжэнь"], ["深圳"], True)


def test_pairs_seen_once_without_palladius_evidence_are_not_proposed() -> None:
    assert entries(collect(WEST[:1] + VIRGINIA[:1], rules())) == []


def test_names_the_packs_already_hold_are_not_proposed() -> None:
    pack = load_pack_text(
        "terms:\n  - id: west\n    category: name\n    ru: [Канье Уэст, Уэст]\n    zh: [坎耶·韦斯特, 韦斯特]\n",
        "people.yaml",
    )
    ruleset = RuleSet([load_pack(TRANSLIT), load_pack(PALLADIUS), pack])
    assert entries(collect(WEST + VIRGINIA, ruleset)) == [(["Западная Вирджиния"], ["西弗吉尼亚州"])]


def test_stronger_evidence_comes_first() -> None:
    ranked = [s.ru[0] for s in collect(VIRGINIA + WEST + SHENZHEN, rules()).suggestions()]
    assert ranked == ["Канье Уэст", "Западная Вирджиния", "Шэньчжэнь"]


def test_the_yaml_is_a_valid_pack_with_the_evidence_as_comments() -> None:
    collector = collect(WEST + SHENZHEN, rules())
    text = to_yaml(collector.suggestions(), units=collector.units, pairs=1, taken={"канье-уэст"})
    assert text.splitlines()[2:] == [
        "terms:",
        "  - id: канье-уэст-2",
        "    category: name",
        "    ru: [Канье Уэст, Уэст]",
        "    zh: [坎耶·韦斯特, 韦斯特]",
        "    # Канье Уэст = 坎耶·韦斯特: together in 2 segments (RU in 2, ZH in 2; Dice 1.00)",
        "    # Уэст = 韦斯特: together in 3 segments (RU in 4, ZH in 3; Dice 0.86)",
        "    # also seen in its place: 维斯特 ×1",
        "    # e.g. news.zh.txt:1:1",
        "  - id: шэньчжэнь",
        "    category: place",
        "    ru: [Шэньчжэнь]",
        "    zh: [深圳]",
        "    # Шэньчжэнь = 深圳: together in 1 segments (RU in 1, ZH in 1; Dice 1.00),"
        " the characters read so in Palladius",
        "    # e.g. news.zh.txt:13:3",
    ]
    pack = load_pack_text(text, "suggested.yaml")
    assert [(t.id, t.ru, t.zh) for t in pack.terms] == [
        ("канье-уэст-2", ("Канье Уэст", "Уэст"), ("坎耶·韦斯特", "韦斯特")),
        ("шэньчжэнь", ("Шэньчжэнь",), ("深圳",)),
    ]


@pytest.fixture
def with_terms_command(monkeypatch) -> None:
    if "terms" not in cli.COMMAND_MODULES:
        monkeypatch.setattr(cli, "COMMAND_MODULES", (*cli.COMMAND_MODULES, "terms"))


def test_command_reads_line_aligned_files(tmp_path, with_terms_command) -> None:
    ru = tmp_path / "news.ru.txt"
    zh = tmp_path / "news.zh.txt"
    ru.write_text("".join(r + "\n" for r, _ in WEST), encoding="utf-8")
    zh.write_text("".join(z + "\n" for _, z in WEST), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(
        ["terms", "suggest", "--align", "lines", "--ru", str(ru), "--zh", str(zh), "--no-default-rules",
         "--rules", str(TRANSLIT), "--rules", str(DATA / "news.yaml")],
        stdout=out, stderr=err,
    )
    assert (code, err.getvalue()) == (0, "")
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("# Suggested by `ruconsist terms suggest` from 6 aligned segments")
    assert lines[3:7] == [
        "  - id: канье-уэст",
        "    category: name",
        "    ru: [Канье Уэст, Уэст]",
        "    zh: [坎耶·韦斯特, 韦斯特]",
    ]


def test_command_without_inputs_is_a_usage_error(with_terms_command) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert cli.main(["terms", "suggest"], stdout=out, stderr=err) == 2
    assert "give files or directories" in err.getvalue()
