"""Run-level consistency: one RU name, one ZH rendering, learnt from the
aligned segments of every file pair linted together (CON001/CON002)."""

from __future__ import annotations

import pickle

import pytest

from ruconsist.checks.consistency import (
    RenderingConsistency,
    build_vocab,
    name_key,
    ru_names,
    ru_variant,
    vocab_for,
    zh_variant,
)
from ruconsist.config import Config
from ruconsist.document import Document
from ruconsist.engine import Linter
from ruconsist.hookspecs import hookimpl
from ruconsist.plugins import get_plugin_manager
from ruconsist.readers.text import TextReader
from ruconsist.rules import RuleSet, load_pack
from ruconsist.runfacts import PairFacts
from tests.conftest import DATA, REPO

TRANSLIT = REPO / "rules" / "transliteration.yaml"

#: Nine articles that agree on Ушаков = 乌沙科夫.
USHAKOV = [
    ("Помощник президента Юрий Ушаков рассказал журналистам об итогах переговоров.",
     "总统助理尤里·乌沙科夫向记者介绍了会谈成果。"),
    ("По словам Ушакова, стороны обсудили подготовку визита.", "乌沙科夫表示，双方讨论了访问的筹备工作。"),
    ("Ушаков добавил, что разговор продолжался около часа.", "乌沙科夫补充说，通话持续了约一个小时。"),
    ("Вопрос о встрече Ушаков оставил без комментариев.", "对于会晤问题，乌沙科夫未予置评。"),
    ("Как сообщил Ушаков, дата саммита пока не определена.", "据乌沙科夫介绍，峰会日期尚未确定。"),
    ("С Ушаковым беседовали представители прессы.", "记者们同乌沙科夫进行了交谈。"),
    ("Ушакову задали вопрос о санкциях.", "记者向乌沙科夫询问了制裁问题。"),
    ("Об этом заявил помощник Кремля Ушаков.", "克里姆林宫助理乌沙科夫如是说。"),
    ("Ушаков подчеркнул важность диалога.", "乌沙科夫强调了对话的重要性。"),
]


class _Register:
    @hookimpl
    def ruconsist_register_checks(self, register) -> None:  # type: ignore[no-untyped-def]
        register(RenderingConsistency)


def run(articles: list[tuple[str, str]], rules: RuleSet | None = None) -> list[tuple[str, str, str, str]]:
    """Lint each (ru, zh) article as its own file pair, then finish the
    run; ``(code, path, found, message)`` of each run-level finding."""
    pm = get_plugin_manager(load_entrypoints=False)
    pm.register(_Register())
    rules = rules or RuleSet([load_pack(TRANSLIT, display="rules/transliteration.yaml")])
    linter = Linter(Config(select=("CON",)), pm=pm, rules=rules)
    reader = TextReader()
    for i, (ru, zh) in enumerate(articles, 1):
        ru_parsed = reader.read(Document(f"a{i}.ru.txt", ru + "\n"), "ru", linter.config)
        zh_parsed = reader.read(Document(f"a{i}.zh.txt", zh + "\n"), "zh", linter.config)
        linter.lint_parsed(ru_parsed, zh_parsed)
    return [(d.code, d.location.path, d.found or "", d.message) for d in linter.finish_run()]


def test_one_rendering_off_the_majority_is_reported_with_the_majority_form() -> None:
    outlier = ("В заключение Ушаков поблагодарил коллег.", "最后，乌沙可夫感谢了同事们。")
    assert run(USHAKOV + [outlier]) == [
        ("CON001", "a10.zh.txt", "乌沙可夫",
         "RU 'Ушаков' is '乌沙科夫' in 9 other segments (a1.zh.txt:1:8, a2.zh.txt:1:1, a3.zh.txt:1:1, …)"
         " but '乌沙可夫' here"),
    ]


def test_the_usual_rendering_standing_for_another_spelling_is_reported() -> None:
    outlier = ("В заключение Ушанов поблагодарил коллег.", "最后，乌沙科夫感谢了同事们。")
    assert run(USHAKOV + [outlier]) == [
        ("CON002", "a10.ru.txt", "Ушанов",
         "ZH '乌沙科夫' stands for RU 'Ушаков' in 9 other segments (a1.ru.txt:1:26, a2.ru.txt:1:11, a3.ru.txt:1:1, …)"
         " but for 'Ушанов' here"),
    ]


@pytest.mark.parametrize(
    "extra",
    [
        # The same rendering again, in another case.
        ("В заключение Ушакову вручили награду.", "最后，乌沙科夫获得了奖励。"),
        # A woman of the same surname: the feminine rendering is no variant.
        ("Ушакова, его однофамилица, выступила следом.", "随后，与他同姓的乌沙科娃发了言。"),
        # Another name that happens to be one character off, with its own RU name.
        ("Ушаков и Ушанский обменялись мнениями.", "乌沙科夫和乌沙斯基交换了意见。"),
    ],
)
def test_consistent_renderings_and_other_names_are_not_reported(extra: tuple[str, str]) -> None:
    assert run(USHAKOV + [extra]) == []


def test_a_single_disagreement_has_no_majority_to_report() -> None:
    articles = [USHAKOV[0], ("В заключение Ушаков поблагодарил коллег.", "最后，乌沙可夫感谢了同事们。")]
    assert run(articles) == []


def test_names_the_packs_list_are_left_to_the_term_checks() -> None:
    rules = RuleSet([
        load_pack(TRANSLIT, display="rules/transliteration.yaml"),
        load_pack(DATA / "news.yaml", display="tests/data/news.yaml"),
    ])
    outlier = ("В заключение Ушаков поблагодарил коллег.", "最后，乌沙可夫感谢了同事们。")
    assert run(USHAKOV + [outlier], rules) == []


@pytest.mark.parametrize(
    ("word", "key"),
    [
        ("Ушаковым", "ушаков"),
        ("Сергея", "сергей"),
        ("Вирджинии", "вирджиния"),
        # Names the dictionary does not know: the stem, whatever the case.
        ("Уэстом", "уэст"),
        ("Флейка", "флейк"),
        ("Флейк", "флейк"),
        ("Ачехе", "ачех"),
        ("Бернерса-Ли", "бернерс-ли"),
    ],
)
def test_forms_of_one_name_share_a_key(word: str, key: str) -> None:
    assert name_key(word) == key


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Вчера Путин прибыл в Пекин.", ["Путин", "Пекин"]),
        # Sentence-initial words count only when they read as names.
        ("Там его встретил Си. Ушаков сообщил об этом.", ["Си", "Ушаков"]),
        ("«Роснефть» и «Газпром» подписали соглашение.", ["Роснефть", "Газпром"]),
    ],
)
def test_russian_names_are_capitalised_words_read_as_names(text: str, names: list[str]) -> None:
    assert [w.text for w in ru_names(text)] == names


VOCAB = build_vocab([(load_pack(TRANSLIT), load_pack(TRANSLIT).vocab["transliteration"])])


@pytest.mark.parametrize(
    ("usual", "other", "variant"),
    [
        ("乌沙科夫", "乌沙可夫", True),
        ("韦斯特", "维斯特", True),
        ("莫利纳里", "莫利纳利", True),
        ("乌沙科夫", "乌沙科夫", False),
        # A neighbouring character glued to the name.
        ("普京", "布普京", False),
        ("扎哈罗夫", "扎哈罗娃", False),
        # Women's names keep their own characters.
        ("凯利", "凯莉", False),
        ("乌沙科夫", "斯托尔滕贝格", False),
    ],
)
def test_zh_variants_are_one_character_off(usual: str, other: str, variant: bool) -> None:
    assert zh_variant(usual, other, VOCAB) is variant


@pytest.mark.parametrize(
    ("usual", "other", "variant"),
    [
        ("Ушаков", "Ушанов", True),
        ("Пэйлин", "Пейлин", True),
        ("Пэйлин", "Пэйлина", False),
        ("Росс", "Россия", False),
        ("Захаров", "Захарова", False),
    ],
)
def test_ru_variants_are_one_letter_off_and_not_a_case_form(usual: str, other: str, variant: bool) -> None:
    assert ru_variant(name_key(usual), name_key(other), usual, other) is variant


def test_the_transliteration_vocabulary_loads_from_every_pack() -> None:
    rules = RuleSet([load_pack(TRANSLIT)])
    vocab = vocab_for(rules)
    assert {"乌", "沙", "科", "夫", "可"} <= vocab.chars
    assert ("夫", "娃") in vocab.feminine


def test_what_workers_learn_reaches_the_main_process_as_facts() -> None:
    # With --jobs a worker lints a pair and sends its run-level facts back
    # pickled; the main process takes them in input order and reports.
    pm = get_plugin_manager(load_entrypoints=False)
    pm.register(_Register())
    rules = RuleSet([load_pack(TRANSLIT, display="rules/transliteration.yaml")])
    main = Linter(Config(select=("CON",)), pm=pm, rules=rules)
    outlier = ("В заключение Ушаков поблагодарил коллег.", "最后，乌沙可夫感谢了同事们。")
    reader = TextReader()
    worker = Linter(Config(select=("CON",)), pm=pm, rules=rules)
    for i, (ru, zh) in enumerate(USHAKOV + [outlier], 1):
        sent: list[PairFacts] = []
        worker._lint_parsed(
            reader.read(Document(f"a{i}.ru.txt", ru + "\n"), "ru", worker.config),
            reader.read(Document(f"a{i}.zh.txt", zh + "\n"), "zh", worker.config),
            sent.append,
        )
        for facts in sent:
            main.run_facts.add(pickle.loads(pickle.dumps(facts)))
    # The worker's linter kept nothing of the run.
    assert worker.finish_run() == []
    assert [(d.code, d.location.path, d.found) for d in main.finish_run()] == [("CON001", "a10.zh.txt", "乌沙可夫")]


def run_texts(articles: list[tuple[str, str]], jobs: int = 1) -> list[tuple[str, str, str]]:
    """Like :func:`run`, but the texts are whole files (directives
    included), linted through ``lint_many`` as the command line does."""
    import tempfile
    from pathlib import Path

    from ruconsist.pairing import FilePair

    pm = get_plugin_manager(load_entrypoints=False)
    pm.register(_Register())
    rules = RuleSet([load_pack(TRANSLIT, display="rules/transliteration.yaml")])
    linter = Linter(Config(select=("CON", "SUP")), pm=pm, rules=rules, jobs=jobs)
    with tempfile.TemporaryDirectory() as d:
        pairs = []
        for i, (ru, zh) in enumerate(articles, 1):
            ru_path, zh_path = Path(d) / f"a{i}.ru.md", Path(d) / f"a{i}.zh.md"
            ru_path.write_text(ru, encoding="utf-8")
            zh_path.write_text(zh, encoding="utf-8")
            pairs.append(FilePair(ru=ru_path, zh=zh_path))
        per_pair = [d for r in linter.lint_many(pairs) for d in r.diagnostics]
        assert per_pair == []
        return [(d.code, Path(d.location.path).name, d.found or "") for d in linter.finish_run()]


def test_a_run_level_finding_is_disabled_by_a_directive_in_either_file() -> None:
    articles = [(ru + "\n", zh + "\n") for ru, zh in USHAKOV]
    outlier_ru = "В заключение Ушаков поблагодарил коллег.\n"
    outlier_zh = "最后，乌沙可夫感谢了同事们。\n"
    assert run_texts(articles + [(outlier_ru, outlier_zh)]) == [("CON001", "a10.zh.md", "乌沙可夫")]
    # The rendering is deliberate here (a quoted older spelling): the
    # translator says so on the Chinese line...
    marked_zh = "<!-- ruconsist: disable-next-line CON001 -->\n" + outlier_zh
    assert run_texts(articles + [(outlier_ru, marked_zh)]) == []
    # Worker processes send the directives back with the findings.
    assert run_texts(articles + [(outlier_ru, marked_zh)], jobs=2) == []
    assert run_texts(articles + [(outlier_ru, outlier_zh)], jobs=2) == [("CON001", "a10.zh.md", "乌沙可夫")]
    # ...or on the Russian one, which the finding names as its counterpart.
    marked_ru = "<!-- ruconsist: disable-next-line CON -->\n" + outlier_ru
    assert run_texts(articles + [(marked_ru, outlier_zh)]) == []
    # A directive for another code leaves it reported.
    other = "<!-- ruconsist: disable-next-line CON002 -->\n" + outlier_zh
    assert run_texts(articles + [(outlier_ru, other)]) == [("CON001", "a10.zh.md", "乌沙可夫")]


def test_the_testing_helper_runs_several_pairs_and_finishes_the_run() -> None:
    from ruconsist.testing import lint_run

    outlier = ("В заключение Ушаков поблагодарил коллег.", "最后，乌沙可夫感谢了同事们。")
    rules = RuleSet([load_pack(TRANSLIT, display="rules/transliteration.yaml")])
    found = lint_run(USHAKOV + [outlier], select=["CON"], rules=rules)
    assert [(d.code, d.location.path, d.found) for d in found] == [("CON001", "a10.zh.txt", "乌沙可夫")]


@pytest.mark.parametrize("keep_chars", [2_000_000, 0])
def test_a_run_level_finding_shows_its_lines_after_its_files_are_let_go(tmp_path, monkeypatch, keep_chars) -> None:  # type: ignore[no-untyped-def]
    import io

    from ruconsist.cli import main
    from ruconsist.formatters import text

    # With keep_chars 0 the text output keeps only the pair being shown,
    # so the outlier (the first pair) is read from disk again when the
    # run's findings come at the end.
    monkeypatch.setattr(text, "KEEP_CHARS", keep_chars)
    outlier = ("В заключение Ушаков поблагодарил коллег.", "最后，乌沙可夫感谢了同事们。")
    for i, (ru, zh) in enumerate([outlier, *USHAKOV], 1):
        (tmp_path / f"a{i:02}.ru.txt").write_text(ru + "\n", encoding="utf-8")
        (tmp_path / f"a{i:02}.zh.txt").write_text(zh + "\n", encoding="utf-8")
    out = io.StringIO()
    main(["check", "--select", "CON", "--no-default-rules", "--rules", str(TRANSLIT), str(tmp_path)], stdout=out)
    shown = out.getvalue()
    assert "  ZH 1 | 最后，乌沙可夫感谢了同事们。\n" in shown
    assert "  RU 1 | В заключение Ушаков поблагодарил коллег.\n" in shown
