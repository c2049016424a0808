"""Palladius: conversion, parsing of inflected Russian names, and the
PAL001 check on real-looking RU/ZH pairs."""

from __future__ import annotations

import pytest

from ruconsist.errors import RuleError
from ruconsist.lang.palladius import (
    build_table,
    compare,
    default_table,
    hanzi_to_palladius,
    near_syllables,
    parse_word,
    split_syllable,
    to_palladius,
)
from ruconsist.rules import default_pack_dir, load_pack
from ruconsist.testing import findings, lint_texts, pack_from_text


# --------------------------------------------------------------------------
# Pinyin and characters to Cyrillic


@pytest.mark.parametrize(
    ("pinyin", "cyrillic"),
    [
        (["xi", "jin", "ping"], "сицзиньпин"),
        (["shen", "zhen"], "шэньчжэнь"),
        (["guang", "zhou"], "гуанчжоу"),
        (["chang", "an"], "чанъань"),  # ъ after н before a vowel
        (["xi", "an"], "сиань"),
        (["hui"], "хуэй"),
        (["zi", "ci", "si"], "цзыцысы"),
        (["zhi", "chi", "shi", "ri"], "чжичишижи"),
        (["lü", "nüe"], "люйнюэ"),
        (["ju", "que", "xuan", "yun"], "цзюйцюэсюаньюнь"),
        (["guo", "duo", "wo"], "годово"),
    ],
)
def test_pinyin_to_palladius(pinyin: list[str], cyrillic: str) -> None:
    assert to_palladius(pinyin) == cyrillic


@pytest.mark.parametrize(
    ("hanzi", "person", "russian"),
    [
        ("习近平", True, "Си Цзиньпин"),
        ("李强", True, "Ли Цян"),
        ("王毅", True, "Ван И"),
        ("毛泽东", True, "Мао Цзэдун"),
        ("周恩来", True, "Чжоу Эньлай"),
        ("曾国藩", True, "Цзэн Гофань"),  # 曾 is Zeng as a surname
        ("单田芳", True, "Шань Тяньфан"),
        ("区家麟", True, "Оу Цзялинь"),
        ("解振华", True, "Се Чжэньхуа"),
        ("查良镛", True, "Чжа Лянъюн"),
        ("欧阳修", True, "Оуян Сю"),  # compound surname
        ("深圳", False, "Шэньчжэнь"),
        ("广州", False, "Гуанчжоу"),  # regular, no exception
        ("重庆", False, "Чунцин"),  # phrase reading, not zhong
        ("长安", False, "Чанъань"),
        ("北京", False, "Пекин"),  # the traditional name wins
        ("香港", False, "Гонконг"),
        ("哈尔滨", False, "Харбин"),
        ("孙中山", True, "Сунь Ятсен"),
    ],
)
def test_hanzi_to_palladius(hanzi: str, person: bool, russian: str) -> None:
    assert hanzi_to_palladius(hanzi, person=person) == russian


@pytest.mark.parametrize(
    ("word", "syllables", "ending"),
    [
        ("Цзиньпином", ("jin", "ping"), "ом"),
        ("Шэньчжэне", ("shen", "zhen"), "е"),
        ("Цяна", ("qiang",), "а"),
        ("Тяньаньмэнь", ("tian", "an", "men"), ""),
        ("Чанъань", ("chang", "an"), ""),
        ("Тянь-Шань", ("tian", "shan"), ""),
    ],
)
def test_parse_inflected_word(word: str, syllables: tuple[str, ...], ending: str) -> None:
    assert any(p.syllables == syllables and p.ending == ending for p in parse_word(word))


@pytest.mark.parametrize("word", ["Москва", "Лавров", "Вашингтон", "Кремль"])
def test_ordinary_russian_words_do_not_parse(word: str) -> None:
    assert parse_word(word) == ()


def test_misspelt_letters_parse_but_are_marked() -> None:
    parses = parse_word("Шеньчжень")
    assert [p.syllables for p in parses] == [("shen", "zhen")]
    assert parses[0].misspelt == (0, 1)


@pytest.mark.parametrize(
    ("a", "b", "near"),
    [
        ("jin", "jing", True),  # final one letter off
        ("xi", "xia", True),
        ("qiang", "jiang", True),  # confusable initials
        ("zhou", "chou", True),
        ("wang", "li", False),
        ("dan", "shan", False),  # d and sh are not confused
        ("zhong", "dong", False),
    ],
)
def test_near_syllables(a: str, b: str, near: bool) -> None:
    assert near_syllables(a, b) is near


def test_split_syllable_treats_y_w_as_medials() -> None:
    assert split_syllable("yue") == ("", "ve")
    assert split_syllable("wei") == ("", "ui")
    assert split_syllable("ju") == ("j", "v")


# --------------------------------------------------------------------------
# Russian against Chinese: the name pairs

RIGHT = [
    ("Председатель КНР Си Цзиньпин", "中国国家主席习近平"),
    ("премьер Госсовета Ли Цян", "国务院总理李强"),
    ("министр иностранных дел Ван И", "外交部长王毅"),
    ("в городе Шэньчжэнь", "在深圳市"),
    ("в Гуанчжоу", "在广州"),
    ("Мао Цзэдун", "毛泽东"),
    ("Дэн Сяопин", "邓小平"),
    ("Чжоу Эньлай", "周恩来"),
    ("Ху Цзиньтао", "胡锦涛"),
    ("Вэнь Цзябао", "温家宝"),
    ("Ли Кэцян", "李克强"),
    ("Цзян Цзэминь", "江泽民"),
    ("Ван Хунин", "王沪宁"),
    ("Чжао Лэцзи", "赵乐际"),
    ("Хань Чжэн", "韩正"),
    ("Пэн Лиюань", "彭丽媛"),
    ("Ян Цзечи", "杨洁篪"),
    ("Цинь Ган", "秦刚"),
    ("Чжан Ханьхуэй", "张汉晖"),
    ("Лю Хэ", "刘鹤"),
    ("в Шанхае", "在上海"),
    ("в Чунцине", "在重庆"),
    ("в Тяньцзине", "在天津"),
    ("из Уханя", "从武汉"),
    ("в Сиане", "在西安"),
    ("в Чэнду", "在成都"),
    ("в Ханчжоу", "在杭州"),
    ("провинция Цзянсу", "江苏省"),
    ("провинция Чжэцзян", "浙江省"),
    ("Синьцзян", "新疆"),
    ("Юньнань", "云南"),
    ("на Хайнане", "在海南"),
    ("в Тайбэе", "在台北"),
    ("площадь Тяньаньмэнь", "天安门广场"),
    ("древняя столица Чанъань", "古都长安"),
    ("с Си Цзиньпином", "与习近平"),
    ("с Ли Цяном", "与李强"),
    ("в Шэньчжэне", "在深圳"),
]
POLYPHONIC_SURNAMES_RIGHT = [
    ("Цзэн Цинхун", "曾庆红"),
    ("Шань Тяньфан", "单田芳"),
    ("Оу Цзялинь", "区家麟"),
    ("Се Чжэньхуа", "解振华"),
    ("Цю Хэ", "仇和"),
    ("Пяо Вэньцзюнь", "朴文俊"),
    ("Чжа Лянъюн", "查良镛"),
    ("Цинь Гуанжун", "覃广荣"),
    ("Тань Гуанжун", "覃广荣"),  # Tan is a surname reading of 覃 as well
]
EXCEPTIONS_RIGHT = [
    ("в Пекине", "在北京"),
    ("Гонконг", "香港"),
    ("Тайваня", "台湾"),
    ("в Харбине", "在哈尔滨"),
    ("Макао", "澳门"),
    ("Тибет", "西藏"),
    ("Сунь Ятсен", "孙中山"),
    ("Сунь Ятсена", "孙中山"),
    ("в Нанкине", "在南京"),
    ("провинция Шэньси", "陕西省"),
    ("Урумчи", "乌鲁木齐"),
    ("Чан Кайши", "蒋介石"),
    ("Хубилай", "忽必烈"),
    ("Хо Ши Мин", "胡志明"),
]
FOREIGN_RIGHT = [
    # Foreign names that happen to be Palladius syllables.
    ("на Кубе", "在古巴"),
    ("в Италии", "在意大利"),
    ("в Чили", "在智利"),
    ("Панама", "巴拿马"),
    ("Ганди", "甘地"),
    ("Байден", "拜登"),
    ("Пауло Ди Канио", "保罗·迪卡尼奥"),
    ("клуб «Данди Старс»", "邓迪明星队"),
    ("город Гома", "戈马市"),
    # A Western name Taiwan's papers give a Chinese-looking form (Palin,
    # 裴琳), in its Russian spelling: one word, е for Palladius's э.
    ("обращаясь к Пейлину", "他对裴琳说"),
    ("сторонники Пейлина", "裴琳的支持者"),
    # Ordinary words that start a sentence.
    ("Она сказала, что Англия", "她说英国"),
    ("Его позиция", "英国的立场"),
]


@pytest.mark.parametrize(("ru", "zh"), RIGHT + POLYPHONIC_SURNAMES_RIGHT + EXCEPTIONS_RIGHT + FOREIGN_RIGHT)
def test_names_that_agree(ru: str, zh: str) -> None:
    assert compare(ru, zh) == []


NEAR = [
    # (RU, ZH, found, expected)
    ("Председатель Си Цзинпин", "主席习近平", "Си Цзинпин", "Си Цзиньпин"),
    ("Ся Цзиньпин", "习近平", "Ся Цзиньпин", "Си Цзиньпин"),
    ("с Си Цзинпином", "与习近平", "Си Цзинпином", "Си Цзиньпином"),
    ("Ли Сян", "李强", "Ли Сян", "Ли Цян"),
    ("Ван Ю", "王毅", "Ван Ю", "Ван И"),
    ("Мао Цзедун", "毛泽东", "Мао Цзедун", "Мао Цзэдун"),
    ("Мао Цзыдун", "毛泽东", "Мао Цзыдун", "Мао Цзэдун"),
    ("Дэн Сяобин", "邓小平", "Дэн Сяобин", "Дэн Сяопин"),
    ("Чжоу Эньлэй", "周恩来", "Чжоу Эньлэй", "Чжоу Эньлай"),
    ("Ху Цзиньтоу", "胡锦涛", "Ху Цзиньтоу", "Ху Цзиньтао"),
    ("Вэнь Цзябо", "温家宝", "Вэнь Цзябо", "Вэнь Цзябао"),
    ("Ли Гэцян", "李克强", "Ли Гэцян", "Ли Кэцян"),
    ("Шэнь Куа", "沈括", "Шэнь Куа", "Шэнь Ко"),
    ("в Шэньчжане", "在深圳", "Шэньчжане", "Шэньчжэне"),
    ("в Гуанчжу", "在广州", "Гуанчжу", "Гуанчжоу"),
    ("город Тяньцзин", "天津市", "Тяньцзин", "Тяньцзинь"),
    ("в Ханьчжоу", "在杭州", "Ханьчжоу", "Ханчжоу"),
    ("в Чжунцине", "在重庆", "Чжунцине", "Чунцине"),  # 重庆 is chong qing
    ("госпиталь Чжуньнань", "中南医院", "Чжуньнань", "Чжуннань"),
]


@pytest.mark.parametrize(("ru", "zh", "found", "expected"), NEAR)
def test_near_misses_give_the_correct_form(ru: str, zh: str, found: str, expected: str) -> None:
    assert [(f.kind, f.found, f.expected) for f in compare(ru, zh)] == [("near", found, expected)]


WRONG_SURNAME_READING = [
    ("Цэн Гофань", "曾国藩", "Цзэн Гофань"),
    ("Дань Тяньфан", "单田芳", "Шань Тяньфан"),
    ("Цюй Цзялинь", "区家麟", "Оу Цзялинь"),
    ("Цзе Чжэньхуа", "解振华", "Се Чжэньхуа"),
    ("Чоу Хэ", "仇和", "Цю Хэ"),
    ("Пу Вэньцзюнь", "朴文俊", "Пяо Вэньцзюнь"),
    ("Ча Лянъюн", "查良镛", "Чжа Лянъюн"),
]


@pytest.mark.parametrize(("ru", "zh", "expected"), WRONG_SURNAME_READING)
def test_surnames_take_their_surname_reading(ru: str, zh: str, expected: str) -> None:
    assert [(f.kind, f.found, f.expected) for f in compare(ru, zh)] == [("near", ru, expected)]


@pytest.mark.parametrize(
    ("ru", "zh", "found", "expected"),
    [
        ("в Шеньчжене", "在深圳", "Шеньчжене", "Шэньчжэне"),
        ("Ден Сяопин", "邓小平", "Ден Сяопин", "Дэн Сяопин"),
        ("госпиталь Лейшеньшань", "雷神山医院", "Лейшеньшань", "Лэйшэньшань"),
        # A Chinese person in two words is a Chinese name misspelt, where
        # one word (Пейлин, Palin) is a Western name (FOREIGN_RIGHT).
        ("Пей Линь", "裴琳", "Пей Линь", "Пэй Линь"),
    ],
)
def test_non_palladius_letters_get_a_safe_fix(ru: str, zh: str, found: str, expected: str) -> None:
    (f,) = compare(ru, zh)
    assert (f.kind, f.found, f.expected, f.safe_fix) == ("spelling", found, expected, True)


@pytest.mark.parametrize(
    ("ru", "zh", "found", "expected"),
    [
        ("в Бэйцзине", "在北京", "Бэйцзине", "Пекине"),
        ("Наньцзин", "南京", "Наньцзин", "Нанкин"),
        ("провинция Шаньси", "陕西省", "Шаньси", "Шэньси"),
    ],
)
def test_traditional_names_win_over_regular_forms(ru: str, zh: str, found: str, expected: str) -> None:
    assert [(f.kind, f.found, f.expected) for f in compare(ru, zh)] == [("exception", found, expected)]


def test_name_without_counterpart_is_left_alone() -> None:
    # The translation says "the Chinese leader" instead of the name.
    assert compare("Си Цзиньпин заявил", "中国领导人表示") == []


# --------------------------------------------------------------------------
# Through the pipeline

SEED_RU = (
    "Также президент России Владимир Путин и председатель КНР Си Цзиньпин могут провести"
    " контакты на мероприятиях ШОС И БРИКС в 2026 году.\n\n"
    "Лидер КНР также пригласил президента России принять участие в саммите АТЭС"
    " в южно-китайском городе Шэньчжэнь в ноябре."
)
SEED_ZH = (
    "俄罗斯总统普京与中国国家主席习近平也可能在2026年上海合作组织和金砖国家相关活动中举行会晤。\n\n"
    "中方还邀请俄罗斯总统出席今年11月在中国南方城市深圳举行的亚太经合组织领导人非正式会议。"
)


def test_seed_article_names_pass() -> None:
    assert findings(SEED_RU, SEED_ZH, select=["PAL"]) == []


def test_near_miss_through_the_pipeline() -> None:
    diags = lint_texts("Председатель Си Цзинпин пригласил Путина.", "主席习近平邀请普京。", select=["PAL"])
    assert [(d.code, d.category, d.expected, d.fix) for d in diags] == [("PAL001", "name", "Си Цзиньпин", None)]
    assert diags[0].counterpart is not None and diags[0].counterpart.column == 3


def test_place_category_and_fix() -> None:
    diags = lint_texts("Саммит пройдет в Шеньчжене.", "峰会将在深圳举行。", select=["PAL"])
    assert [(d.code, d.category, d.found, d.expected) for d in diags] == [
        ("PAL001", "place", "Шеньчжене", "Шэньчжэне")
    ]
    assert diags[0].fix is not None and diags[0].fix.replacement == "Шэньчжэне"


# --------------------------------------------------------------------------
# The vocabulary is data: extensions and validation


def test_user_pack_adds_an_exception() -> None:
    # Without the user's entry, the regular form is expected.
    assert [f.expected for f in compare("в Цзилине", "在吉林")] == []
    mine = pack_from_text("version: 1\nvocab:\n  palladius:\n    exceptions:\n      吉林: [Гирин]\n", "mine.yaml")
    shipped = load_pack(default_pack_dir() / "palladius.yaml")
    table = build_table([(shipped, shipped.vocab["palladius"]), (mine.packs[0], mine.packs[0].vocab["palladius"])])
    assert compare("в Гирине", "在吉林", table) == []
    assert [(f.kind, f.expected) for f in compare("в Цзилине", "在吉林", table)] == [("exception", "Гирине")]


@pytest.mark.parametrize(
    ("yaml_text", "message", "line"),
    [
        ("    syllables:\n      xi: si\n", "must be written in Cyrillic", 5),
        ("    surname_readings:\n      曾: [zzz]\n", "not a pinyin syllable", 5),
        ("    readings:\n      朝阳: chao\n", "2 characters but 1 syllables", 5),
        ("    exceptions:\n      北京: 5\n", "vocab.palladius.exceptions.北京 must be a string or a list of strings", 5),
        ("    syllabels: {}\n", "unknown key 'syllabels' in vocab.palladius (did you mean 'syllables'?)", 4),
    ],
)
def test_bad_vocabulary_names_file_and_line(yaml_text: str, message: str, line: int) -> None:
    shipped = default_table().syllables
    base = [(None, {"syllables": dict(shipped)})]
    with pytest.raises(RuleError) as err:
        # The pack schema refuses the shape on load; what needs the
        # syllable table, the Palladius table does.
        pack = pack_from_text("version: 1\nvocab:\n  palladius:\n" + yaml_text, "bad.yaml").packs[0]
        build_table([*base, (pack, pack.vocab["palladius"])])
    assert message in err.value.message
    assert (err.value.path, err.value.line) == ("bad.yaml", line)


# Policy names: both forms are in real use, the choice is the house's.
TIBET_PAIRS = [
    ("Автономный район Сицзан известен своими пейзажами.", "西藏自治区以其壮丽的自然景观而闻名。"),
    ("ВВП Сицзана вырос в 2,3 раза.", "西藏地区生产总值增长了1.3倍。"),
    ("В Тибете открылись новые школы.", "西藏新开办了一批学校。"),
    ("Тибетский буддизм существует более 700 лет.", "藏传佛教已经延续700多年。"),
]


@pytest.mark.parametrize(("ru", "zh"), TIBET_PAIRS)
def test_policy_names_are_not_errors_by_default(ru: str, zh: str) -> None:
    assert findings(ru, zh, select=["PAL001"]) == []


def test_a_chosen_policy_name_is_enforced_both_ways() -> None:
    from ruconsist.config import Config

    ru_tibet = "Делегация посетила Тибет, а затем Лхасу."
    ru_xizang = "Делегация посетила Сицзан, а затем Лхасу."
    zh = "代表团访问了西藏，随后访问了拉萨。"
    xizang = Config(options={"policy-names": {"西藏": "Сицзан"}})
    tibet = Config(options={"policy-names": {"西藏": "Тибет"}})
    assert findings(ru_xizang, zh, select=["PAL001"], config=xizang) == []
    assert findings(ru_tibet, zh, select=["PAL001"], config=xizang) == [("PAL001", "ru", "Тибет")]
    assert findings(ru_tibet, zh, select=["PAL001"], config=tibet) == []
    assert findings(ru_xizang, zh, select=["PAL001"], config=tibet) == [("PAL001", "ru", "Сицзан")]
    diag = lint_texts(ru_tibet, zh, select=["PAL001"], config=xizang)[0]
    assert diag.expected == "Сицзан" and "the project writes 'Сицзан'" in diag.message


def test_policy_names_option_is_validated(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from ruconsist.config import load_config
    from ruconsist.errors import ConfigError

    cfg = tmp_path / ".ruconsist.yaml"
    cfg.write_text("options:\n  policy-names: {西藏: Сицзан}\n", encoding="utf-8")
    assert load_config(cfg).options["policy-names"] == {"西藏": "Сицзан"}
    cfg.write_text("options:\n  policy-names: [Сицзан]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="policy-names"):
        load_config(cfg)
