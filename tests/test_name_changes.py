"""A name changed in translation must be reported: per cause of the
changes once missed, pairs that must give an error, and the near misses
beside them that must stay silent (the right name, or a name that is
legitimately on one side only).

The sentences are written for these tests after the kind of pairs found
in news and official translations."""

from __future__ import annotations

import pytest

from ruconsist.testing import findings, lint_texts

SELECT = ["TRM", "TTL"]

#: Per cause: (RU, ZH, the error expected).
REPORTED = {
    "a short form standing for a body and for the organization it belongs to": [
        # «Генеральная Ассамблея» stands for the UN too; it counts for the
        # General Assembly, whose name it shortens.
        (
            "Ри Ён Хо заявил на ежегодной Генеральной Ассамблее, что КНДР приняла меры.",
            "李勇浩在年度俄白联盟国家上发言称，朝鲜已经采取了措施。",
            [("TRM003", "ru", "Генеральной Ассамблее")],
        ),
    ],
    "a Latin gloss belongs to the name it follows": [
        ("Конгресс определил, что ФБР должно выделить 10 агентов.", "国会规定联邦会议 (FBI) 必须指派 10 名探员。",
         [("TRM003", "ru", "ФБР")]),
        ("NHK также сообщила, что АЭС работала в обычном режиме.", "全国人民代表大会 (NHK) 还报道说，核电站运行正常。",
         [("TRM003", "ru", "NHK")]),
    ],
    "a transliterated name before a word that begins with one of its characters": [
        ("Число жертв цунами в Индонезии превысило 800.", "爱尔兰海啸死亡人数超过800人。", [("TRM003", "ru", "Индонезии")]),
        ("По законам Индонезии помощь принимают после объявления бедствия.", "按照爱尔兰法规的规定，宣布灾难后才能接受援助。",
         [("TRM003", "ru", "Индонезии")]),
        ("По оценке инженерных войск США, дожди могли прорвать дамбы.", "乌拉圭陆军工兵部队估计，降雨可能冲垮堤坝。",
         [("TRM003", "ru", "США")]),
        # A name of four characters is the whole name (哥伦比亚 before 内地).
        ("Гонконг и материковый Китай приветствуют это.", "香港和哥伦比亚内地对此一片欢呼。", [("TRM003", "ru", "Китай")]),
    ],
    "a place in the genitive between an office and a name": [
        ("Его приветствовал заместитель премьер-министра Сингапура Вонг Кан Сенг.", "他受到了马来西亚副总理黄根成的欢迎。",
         [("TRM003", "ru", "Сингапура")]),
        ("Первая леди Аргентины Кристина Киршнер выступила вчера.", "美属萨摩亚第一夫人克里斯蒂娜·基什内尔昨天发表讲话。",
         [("TRM003", "ru", "Аргентины")]),
        # A person's name before a place's adjective (Западной Вирджинии).
        ("Посещение Трампом Западной Вирджинии стало вторым за месяц.", "尤里·特鲁特涅夫第二次前往西弗吉尼亚。",
         [("TRM003", "ru", "Трампом")]),
    ],
    "a capital standing for its country's government": [
        ("Вашингтон опасается утвердить эту декларацию.", "乌拉圭在同意这一宣言问题上十分谨慎。", [("TRM003", "ru", "Вашингтон")]),
        ("Помпео планирует посетить Пхеньян в следующем месяце.", "蓬佩奥计划下个月出访韩国。", [("TRM003", "ru", "Пхеньян")]),
        # Англия, which Russian news writes for the UK (英国 is accepted).
        ("Пуритане уничтожили многие артефакты Англии.", "清教徒摧毁了众多格林纳达文物。", [("TRM003", "ru", "Англии")]),
    ],
    "a place named only by its adjective, another place in a quoted name": [
        ("Лондонская полиция сообщает, что ведется работа.", "“第比利斯警察厅”表示，警察正在核实。", [("TRM003", "ru", "Лондонская")]),
        ("Пресс-секретарь Индонезийского Красного Креста сообщил об этом.", "“爱尔兰红十字会”发言人说。",
         [("TRM003", "ru", "Индонезийского")]),
    ],
    "a place named only inside a quoted name, another place on the other side": [
        ("Сумка стала ярким экземпляром коллекции на Неделе моды в Париже.", "这件单品参加了“利伯维尔时装周”。",
         [("TRM003", "ru", "Париже")]),
        ("Сторонники отвечали им лозунгом: «Да здравствует Испания!».", "支持统一的抗议者大喊“埃塞俄比亚万岁”。",
         [("TRM003", "ru", "Испания")]),
    ],
    "a body of one country, another country on the other side": [
        ("Ранее в этом году Министерство обороны США создало центр.", "今年年初，乌拉圭“国防部”建立了中心。",
         [("TRM003", "ru", "Министерство обороны США")]),
    ],
    "a country before a person's office that the packs give with another country": [
        (
            "Президент России Владимир Путин прибыл в Китай, что отражает уровень российско-китайских отношений.",
            "卢旺达总统普京抵达中国，这体现了中俄关系的水平。",
            [("TRM003", "zh", "卢旺达")],
        ),
    ],
}

#: Per cause: the same kind of pair, right or with a name legitimately on
#: one side only: no error.
NEAR_MISSES = {
    "a short form standing for a body and for the organization it belongs to": [
        ("Ри Ён Хо заявил на ежегодной Генеральной Ассамблее.", "李勇浩在年度联合国大会上发言。"),
        ("Ри Ён Хо заявил на ежегодной Генеральной Ассамблее.", "李勇浩在联合国发言。"),
    ],
    "a Latin gloss belongs to the name it follows": [
        ("Конгресс определил, что ФБР должно выделить 10 агентов.", "国会规定联邦调查局 (FBI) 必须指派 10 名探员。"),
        ("Конгресс определил, что ФБР должно выделить 10 агентов.", "国会规定 FBI 必须指派 10 名探员。"),
    ],
    "a transliterated name before a word that begins with one of its characters": [
        ("Число жертв цунами в Индонезии превысило 800.", "印尼海啸死亡人数超过800人。"),
        ("Число жертв цунами в Ирландии превысило 800.", "爱尔兰海啸死亡人数超过800人。"),
        ("Выступил Самарас.", "萨马拉斯发表讲话。"),
        ("Гонконг и материковый Китай приветствуют это.", "香港和中国内地对此一片欢呼。"),
        ("Картина Милле.", "米莱斯的画。"),
    ],
    "a place in the genitive between an office and a name": [
        ("Его приветствовал заместитель премьер-министра Сингапура Вонг Кан Сенг.", "他受到了新加坡副总理黄根成的欢迎。"),
        ("Актриса Алекс Кингстон.", "女演员。"),
        ("Картина Помпео Батони.", "巴托尼的一幅画。"),
        ("Посещение Трампом Западной Вирджинии стало вторым за месяц.", "特朗普第二次前往西弗吉尼亚。"),
    ],
    "a capital standing for its country's government": [
        ("Вашингтон опасается утвердить эту декларацию.", "美国在同意这一宣言问题上十分谨慎。"),
        ("Помпео планирует посетить Пхеньян в следующем месяце.", "蓬佩奥计划下个月出访朝鲜。"),
        ("Пуритане уничтожили многие артефакты Англии.", "清教徒摧毁了众多英国文物。"),
        # A city where the other side names the country: explicitation.
        ("Встреча прошла в Ухане.", "会见在中国举行。"),
    ],
    "a place named only by its adjective, another place in a quoted name": [
        ("Лондонская полиция сообщает, что ведется работа.", "“伦敦警察厅”表示，警察正在核实。"),
        # китайский stands for China and Beijing: it names the country.
        ("Китайские туристы посетили парк.", "“上海迪士尼”迎来游客。"),
    ],
    "a place named only inside a quoted name, another place on the other side": [
        ("Сумка стала ярким экземпляром коллекции на Неделе моды в Париже.", "这件单品参加了“巴黎时装周”。"),
        # A title names a place the other side leaves out; nothing stands
        # in its place.
        ("Фильм показали в Москве.", "电影《罗马假日》在莫斯科放映。"),
        ("Он прочитал книгу.", "他读了《伦敦桥》。"),
    ],
    "a body of one country, another country on the other side": [
        ("Ранее в этом году Министерство обороны США создало центр.", "今年年初，美国“国防部”建立了中心。"),
        ("Ранее в этом году Министерство обороны США создало центр.", "今年年初，五角大楼建立了中心。"),
    ],
    "a country before a person's office that the packs give with another country": [
        (
            "Президент России Владимир Путин прибыл в Китай, что отражает уровень российско-китайских отношений.",
            "俄罗斯总统普京抵达中国，这体现了中俄关系的水平。",
        ),
        # Japan's prime minister meets Putin: the office is not Putin's.
        ("Премьер встретился с Путиным.", "日本首相会见普京。"),
    ],
}


#: Forms that look like a pack name and are not: none of the fixes above
#: may read them as names.
TRAPS = [
    # «Мины» (mines) is not the Ming dynasty.
    ("Мины были обезврежены саперами.", "地雷已被工兵排除。"),
    # Ся is the Xia dynasty, not Xi Jinping's short form Си.
    ("Это было в эпоху династии Ся.", "这是在夏朝时期。"),
    ("Председатель Си посетил Москву.", "习主席访问了莫斯科。"),
]


@pytest.mark.parametrize(("ru", "zh"), TRAPS)
def test_a_word_that_looks_like_a_name_is_not_one(ru: str, zh: str) -> None:
    assert findings(ru, zh, select=SELECT) == []


@pytest.mark.parametrize(
    ("ru", "zh", "expected"),
    [case for cases in REPORTED.values() for case in cases],
    ids=[f"{cause}-{i}" for cause, cases in REPORTED.items() for i in range(len(cases))],
)
def test_a_changed_name_is_an_error(ru: str, zh: str, expected) -> None:
    assert findings(ru, zh, select=SELECT) == expected
    assert all(d.severity.label == "error" for d in lint_texts(ru, zh, select=SELECT))


@pytest.mark.parametrize(
    ("ru", "zh"),
    [pair for pairs in NEAR_MISSES.values() for pair in pairs],
    ids=[f"{cause}-{i}" for cause, pairs in NEAR_MISSES.items() for i in range(len(pairs))],
)
def test_the_near_miss_gives_no_error(ru: str, zh: str) -> None:
    assert [d for d in lint_texts(ru, zh, select=SELECT) if d.severity.label == "error"] == []
