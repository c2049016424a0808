"""The mt profile: severity by direction, and the checks of machine
translation errors (MT001-MT004).  Sentences are written for these
tests, in the manner of embassy articles and their machine translations."""

from __future__ import annotations

from pathlib import Path

import pytest

from ruconsist.checks.mt.leftover_script import leftovers, looks_like_pinyin
from ruconsist.checks.mt.repetition import doublings, loops
from ruconsist.config import Config
from ruconsist.engine import Linter
from ruconsist.pairing import FilePair


@pytest.fixture(scope="module")
def linters() -> dict[str, Linter]:
    return {
        "human": Linter(Config()),
        "mt": Linter(Config(options={"profile": "mt"})),
        "mt-ru": Linter(Config(options={"profile": "mt", "source": "ru"})),
    }


def lint(linter: Linter, tmp_path: Path, ru: str, zh: str) -> list[tuple[str, str, str, str]]:
    """(code, severity, side, found text) of each finding of a one-line pair."""
    (tmp_path / "a.ru.txt").write_text(ru + "\n", encoding="utf-8")
    (tmp_path / "a.zh.txt").write_text(zh + "\n", encoding="utf-8")
    result = linter.lint_pair(FilePair(tmp_path / "a.ru.txt", tmp_path / "a.zh.txt"))
    assert result.error is None, result.error
    out = []
    for d in result.diagnostics:
        loc = d.location
        text = (ru if loc.lang == "ru" else zh)[loc.column - 1 : loc.end_column - 1]
        out.append((d.code, d.severity.label, loc.lang, text))
    return sorted(out)


# (profile, ZH, RU, expected findings)
CASES = [
    # A name of the source dropped: an error in MT; a warning for a human
    # translation, where it is often explicitation.
    ("human", "拉夫罗夫说，双方的合作很好。", "Он сказал, что сотрудничество сторон хорошее.",
     [("TRM001", "warning", "zh", "拉夫罗夫")]),
    ("mt", "拉夫罗夫说，双方的合作很好。", "Он сказал, что сотрудничество сторон хорошее.",
     [("TRM001", "error", "zh", "拉夫罗夫")]),
    # A name the machine added: a warning in MT (a hallucination, not a drop).
    ("mt", "他说，双方的合作很好。", "Лавров сказал, что сотрудничество сторон хорошее.",
     [("TRM001", "warning", "ru", "Лавров")]),
    # A different name in the same place: a substitution (TRM003), an error.
    ("mt", "普京说，双方的合作很好。", "Лавров сказал, что сотрудничество сторон хорошее.",
     [("TRM003", "error", "ru", "Лавров")]),
    # A year the machine added: a warning; a year it dropped: an error.
    ("mt", "经济增长了5.2%。", "В 2023 году экономика выросла на 5,2%.",
     [("DAT007", "warning", "ru", "2023 году")]),
    ("mt", "2023年经济增长了5.2%。", "Экономика выросла на 5,2%.",
     [("DAT007", "error", "zh", "2023年")]),
    # A year changed (reported once, on the Russian side): a substitution.
    ("mt", "2024年经济增长了5.2%。", "В 2023 году экономика выросла на 5,2%.",
     [("DAT001", "error", "ru", "2023 году")]),
    ("mt", "经济增长了5.2%，达到12万亿元。", "Экономика выросла на 5,2% и достигла 13 трлн юаней.",
     [("NUM001", "error", "zh", "12万亿")]),
    # How the source is written is not under review: a warning.
    ("mt", "该条约已载入中华人民共和国宪法。", "Договор закреплен в Конституции КНР.",
     [("TTL002", "warning", "zh", "中华人民共和国宪法")]),
    # Title marks are a house convention, a warning in a human translation too.
    ("human", "该条约已载入中华人民共和国宪法。", "Договор закреплен в Конституции КНР.",
     [("TTL002", "warning", "zh", "中华人民共和国宪法")]),
    ("mt", "弗拉基米尔*普京表示。", "Владимир Путин заявил.", [("NAM001", "warning", "zh", "弗拉基米尔*普京")]),
    ("human", "弗拉基米尔*普京表示。", "Владимир Путин заявил.", [("NAM001", "error", "zh", "弗拉基米尔*普京")]),
    # A figure only the target has: an addition where the source has no
    # figure, a mistranslated figure where it has others.
    ("mt", "双方讨论了合作问题。", "Стороны обсудили 5 вопросов сотрудничества.",
     [("NUM005", "warning", "ru", "5")]),
    # RU->ZH machine translation: the sides swap.
    ("mt-ru", "经济增长了5.2%。", "В 2023 году экономика выросла на 5,2%.",
     [("DAT007", "error", "ru", "2023 году")]),
    # MT001: a loop the source does not have; none when the source loops.
    ("mt", "中方愿同俄方加强在各领域的合作。", "Китай готов укреплять сотрудничество с Россией, сотрудничество, сотрудничество, сотрудничество.",
     [("MT001", "error", "ru", "сотрудничество, сотрудничество, сотрудничество")]),
    ("mt", "谢谢，谢谢，谢谢大家！", "Спасибо, спасибо, спасибо всем!", []),
    ("human", "中方愿同俄方加强在各领域的合作。", "Китай готов укреплять сотрудничество с Россией, сотрудничество, сотрудничество, сотрудничество.", []),
    # MT001: a word or phrase joined to itself, two source words rendered alike.
    ("mt", "我们将深化贸易和投资管理体制改革。", "Мы будем углублять реформу системы управления торговыми и торговыми инвестициями.",
     [("MT001", "error", "ru", "торговыми и торговыми")]),
    ("mt", "政府通过座谈会等多种形式听取意见。", "Правительство провело различные формы консультаций и консультаций.",
     [("MT001", "error", "ru", "консультаций и консультаций")]),
    ("mt", "各行业、各地区的数百个团体表示支持。", "Сотни групп из всех регионов страны и из всех регионов страны выразили поддержку.",
     [("MT001", "error", "ru", "из всех регионов страны и из всех регионов страны")]),
    ("mt", "物价一再上涨。", "Цены растут снова и снова.", []),
    ("mt", "两国差距越来越小。", "Разрыв между странами становится всё меньше и меньше.", []),
    ("mt", "该中心提供护理服务和康复服务。", "Центр оказывает услуги и услуги по реабилитации.", []),
    ("human", "我们将深化贸易和投资管理体制改革。", "Мы будем углублять реформу системы управления торговыми и торговыми инвестициями.", []),
    # MT002: most of a long sentence lost.
    ("mt", "新冠疫情前，2019年赴俄罗斯旅游的中国游客数量达到了225万人次，创下历史新高。",
     "В 2019 году было 2,25 млн.",
     [("MT002", "error", "ru", "В 2019 году было 2,25 млн."), ("TRM001", "error", "zh", "中国"),
      ("TRM001", "error", "zh", "俄罗斯"), ("TRM001", "error", "zh", "新冠疫情")]),
    ("mt", "新冠疫情前，2019年赴俄罗斯旅游的中国游客数量达到了225万人次，创下历史新高。",
     "До пандемии, в 2019 году, Россию посетили 2,25 млн китайских туристов, и это был рекорд.", []),
    # MT003: characters and pinyin left in the Russian.
    ("mt", "王建华局长出席了活动。", "Директор 王建华 принял участие в мероприятии.",
     [("MT003", "error", "ru", "王建华")]),
    ("mt", "新疆的发展成就举世瞩目。", "Достижения Xinjiang в развитии привлекают внимание мира.",
     [("MT003", "error", "ru", "Xinjiang"), ("TRM001", "error", "zh", "新疆")]),
    ("mt", "他练习武术多年。", "Он много лет занимается ушу (武术).", []),
    # MT005: a country named by one character, lost.
    ("mt", "中方乐见朝俄关系发展。", "Китай приветствует развитие отношений между КНДР и Россией.", []),
    ("mt", "中方乐见朝俄关系发展。", "Китай приветствует развитие отношений между Россией и Россией.",
     [("MT005", "error", "zh", "朝")]),
    ("mt", "中俄双方同意继续对话。", "Обе стороны согласились продолжить диалог.",
     [("MT005", "error", "zh", "中俄")]),
    ("mt", "2019年赴俄旅游的游客达到225万人次。", "В 2019 году страну посетили 2,25 млн туристов.",
     [("MT005", "error", "zh", "俄")]),
    ("mt", "中方愿同俄、朝加强友好合作。", "Китай готов укреплять сотрудничество с Россией и Демократической Республикой Конго.",
     [("MT005", "error", "zh", "朝"), ("TRM001", "error", "ru", "Демократической Республикой Конго")]),
    # An amount in yuan given in dollars: a substitution, both sides errors
    # in MT; warnings for a human translation.
    ("mt", "人均收入达到26675元。", "Доход на душу населения составил 26 675 долларов.",
     [("PAT001", "error", "ru", "долларов"), ("PAT001", "error", "zh", "元")]),
    ("human", "人均收入达到26675元。", "Доход на душу населения составил 26 675 долларов.",
     [("PAT001", "warning", "ru", "долларов"), ("PAT001", "warning", "zh", "元")]),
    ("mt", "人均收入达到26675元。", "Доход на душу населения составил 26 675 юаней.", []),
    # A dynasty of the source dropped from a date; a party congress garbled.
    ("mt", "早在13世纪元朝时期，中央政府就管辖该地区。", "Ещё в XIII веке центральное правительство управляло регионом.",
     [("TRM001", "error", "zh", "元朝")]),
    ("human", "早在13世纪元朝时期，中央政府就管辖该地区。", "Ещё в XIII веке центральное правительство управляло регионом.",
     [("TRM001", "warning", "zh", "元朝")]),
    ("mt", "党的十八大以来，该地区发生了巨大变化。", "С восемнадцатой годовщины партии регион сильно изменился.",
     [("PAT001", "error", "zh", "党的十八大")]),
    ("mt", "党的十八大以来，该地区发生了巨大变化。", "После XVIII съезда КПК регион сильно изменился.", []),
    # A region abbreviated after a verb of concern or aid (涉藏, 援疆), lost;
    # 藏 that hides or stores is no region.
    ("mt", "双方开展了涉藏合作。", "Стороны развивали сотрудничество.", [("MT005", "error", "zh", "藏")]),
    ("mt", "双方开展了涉藏合作。", "Стороны развивали сотрудничество по Тибету.", []),
    ("mt", "援疆干部发挥了重要作用。", "Кадры сыграли важную роль.", [("MT005", "error", "zh", "疆")]),
    ("mt", "博物馆收藏了这件宝藏。", "Музей хранит это сокровище.", []),
    # Not abbreviations: a dynasty, a transliterated city, Central America.
    ("mt", "清朝中央政府确认了他的地位。", "Центральное правительство династии Цин подтвердило его статус.", []),
    ("mt", "会议在乌兰乌德市举行。", "Встреча прошла в Улан-Удэ.", []),
    ("mt", "他访问了中美洲国家。", "Он посетил страны Центральной Америки.", []),
    # MT004: a name no pack lists, transliterated outside its readings.
    ("mt", "王建华局长出席了活动。", "Директор Ван Цзяньхуа принял участие в мероприятии.", []),
    ("mt", "王建华局长出席了活动。", "В мероприятии участвовал директор Ван Цзяньхуа.", []),
    ("mt", "王建华局长出席了活动。", "Директор Ван Цзяньчул принял участие в мероприятии.",
     [("MT004", "error", "ru", "Ван Цзяньчул")]),
    ("mt", "王建华局长出席了活动。", "Директор Ван Цзянь Чжэн принял участие в мероприятии.",
     [("MT004", "error", "ru", "Ван Цзянь Чжэн")]),
    # ... and with the surname garbled too: the one Chinese-looking name of
    # the Russian that nothing in the Chinese reads as.
    ("mt", "王建华局长出席了活动。", "Директор Го Цзяньхуа принял участие в мероприятии.",
     [("MT004", "error", "ru", "Го Цзяньхуа")]),
    # Not when the name is only dropped, nor when two names are lost (which
    # stands for which is not known).
    ("mt", "王建华局长出席了活动。", "Директор принял участие в мероприятии.", []),
    ("mt", "王建华局长和刘晓明主任出席了活动。", "Директор Го Цзяньхуа и глава Сы Мин приняли участие в мероприятии.", []),
    # A title that ends one name does not start another (普京总统战略…).
    ("mt", "在普京总统战略引领下，王建华局长出席了活动。",
     "Под руководством президента Путина директор Го Цзяньхуа принял участие в мероприятии.",
     [("MT004", "error", "ru", "Го Цзяньхуа")]),
]


@pytest.mark.parametrize(("profile", "zh", "ru", "expected"), CASES)
def test_mt_profile_and_checks(linters: dict[str, Linter], tmp_path: Path, profile: str, zh: str, ru: str, expected: list) -> None:
    assert lint(linters[profile], tmp_path, ru, zh) == sorted(expected)


def test_name_message_gives_the_expected_reading(linters: dict[str, Linter], tmp_path: Path) -> None:
    (tmp_path / "a.ru.txt").write_text("Директор Ван Цзяньчул принял участие в мероприятии.\n", encoding="utf-8")
    (tmp_path / "a.zh.txt").write_text("王建华局长出席了活动。\n", encoding="utf-8")
    (d,) = linters["mt"].lint_pair(FilePair(tmp_path / "a.ru.txt", tmp_path / "a.zh.txt")).diagnostics
    assert d.message == (
        "RU 'Ван Цзяньчул' for ZH '王建华' matches no reading of its characters (jian hua for the given name):"
        " expected 'Ван Цзяньхуа'"
    )


def test_truncation_message_gives_the_ratio(linters: dict[str, Linter], tmp_path: Path) -> None:
    (tmp_path / "a.ru.txt").write_text("В 2019 году было 2,25 млн.\n", encoding="utf-8")
    (tmp_path / "a.zh.txt").write_text("新冠疫情前，2019年赴俄罗斯旅游的中国游客数量达到了225万人次，创下历史新高。\n", encoding="utf-8")
    diags = linters["mt"].lint_pair(FilePair(tmp_path / "a.ru.txt", tmp_path / "a.zh.txt")).diagnostics
    (d,) = [d for d in diags if d.code == "MT002"]
    assert d.message == (
        "RU is 19 letters for 17% of the 109 that ZH (34 characters) predicts: RU/ZH length ratio 0.55,"
        " where translations run about 3.17 (under 1.83 in 1 % of them); the translation looks cut short"
    )


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Китай, Китай, Китай, Китай и Россия", "ru", [(0, 26, "Китай", 4)]),
        ("мы будем развивать мы будем развивать мы будем развивать", "ru", [(0, 56, "мы будем развивать", 3)]),
        ("Китай и Китай", "ru", []),
        ("1, 1, 1", "ru", []),
        ("合作、合作、合作共赢", "zh", [(0, 8, "合作", 3)]),
        ("人人都好好学习", "zh", []),
    ],
)
def test_loops(text: str, lang: str, expected: list) -> None:
    assert loops(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("проводить взаимную и взаимную политику", [(10, 29, "взаимную")]),
        ("формы консультаций и консультаций.", [(6, 33, "консультаций")]),
        ("формы консультаций или консультаций, а также", [(6, 35, "консультаций")]),
        ("все 74 района (района) вышли из бедности", [(7, 22, "района")]),
        ("все 74 уезда (района) вышли из бедности", []),
        # A noun something follows names two kinds (the second one's kind after it).
        ("клеток и клеток гладких мышц", []),
        # Adverbs and comparatives double by idiom.
        ("снова и снова", []),
        ("всё более и более очевидно", []),
        # A name joined to itself is left to the term checks.
        ("между Россией и Россией.", []),
    ],
)
def test_doublings(text: str, expected: list) -> None:
    assert doublings(text) == expected


@pytest.mark.parametrize(
    ("word", "pinyin"),
    [("Xinjiang", True), ("Zhongguo", True), ("Qinghai", True), ("Běijīng", True),
     ("China", False), ("Shanghai", False), ("BRICS", False), ("Zoom", False), ("Huawei", False)],
)
def test_pinyin_recognition(word: str, pinyin: bool) -> None:
    assert looks_like_pinyin(word) is pinyin


def test_cyrillic_left_in_chinese() -> None:
    assert leftovers("俄罗斯总统Путин表示", "zh") == [(5, 10, "cyrillic")]


def test_mt_checks_are_off_for_human_translation(linters: dict[str, Linter], tmp_path: Path) -> None:
    found = lint(linters["human"], tmp_path, "Директор 王建华 принял участие в мероприятии.", "王建华局长出席了活动。")
    assert not [f for f in found if f[0].startswith("MT")]


def test_profile_from_configuration_and_command_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import json

    from ruconsist.cli import main

    monkeypatch.chdir(tmp_path)
    Path("a.ru.txt").write_text("Лавров сказал, что сотрудничество сторон хорошее.\n", encoding="utf-8")
    Path("a.zh.txt").write_text("他说，双方的合作很好。\n", encoding="utf-8")

    def severities(*args: str) -> list[str]:
        out = io.StringIO()
        main(["a.ru.txt", "-f", "json", *args], stdout=out, stderr=io.StringIO())
        return [d["severity"] for d in json.loads(out.getvalue())["diagnostics"]]

    # A name only the Russian has: a warning for a human translation (an
    # omission), and for MT too (an addition, not a drop).
    assert severities() == ["warning"]
    assert severities("--profile", "mt") == ["warning"]
    Path(".ruconsist.yaml").write_text("profile: mt\n", encoding="utf-8")
    assert severities() == ["warning"]
    assert severities("--profile", "human") == ["warning"]
    # The configuration's severity still has the last word.
    Path(".ruconsist.yaml").write_text("profile: mt\nseverity:\n  TRM001: error\n", encoding="utf-8")
    assert severities() == ["error"]
