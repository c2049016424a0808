"""The official genre's names: institutions, parties, media, initiatives,
documents and events (rules/official.yaml and the shared packs), with
the derived forms of their titles.  Own sentences in the manner of
embassy articles and joint statements."""

from __future__ import annotations

import pytest

from ruconsist.morph import adjective_forms, word_forms
from ruconsist.testing import findings

SELECT = ["TRM001", "TRM003", "TTL001", "TTL002"]

SILENT = [
    ("astana-declaration-inflected", "Стороны подтвердили положения Астанинской декларации.",
     "双方重申《阿斯塔纳宣言》的各项原则。"),
    ("kazan-summit", "На Казанском саммите лидеры обсудили расширение объединения.",
     "在喀山峰会上，领导人讨论了扩员问题。"),
    ("tianjin-declaration", "Лидеры подписали Тяньцзиньскую декларацию.", "领导人签署了《天津宣言》。"),
    ("gsi-lowercase", "Китай готов работать над реализацией инициативы глобальной безопасности.",
     "中方愿深入践行全球安全倡议。"),
    ("five-principles-short", "Пять принципов мирного сосуществования сохраняют актуальность.",
     "和平共处五项原则历久弥新。"),
    ("united-russia", "Посол выступил в журнале партии «Единая Россия».", "大使在统一俄罗斯党的杂志上发表文章。"),
    ("kprf-in-full", "Делегация КПРФ посетила Пекин.", "俄罗斯联邦共产党代表团访问北京。"),
    ("kprf-short-is-accepted", "Делегация КПРФ посетила Пекин.", "俄共代表团访问北京。"),
    ("co-building-is-not-kprf", "Китай и Россия совместно строят «Один пояс, один путь».", "中俄共建“一带一路”。"),
    ("izvestia", "Посол дал письменное интервью газете «Известия».", "大使接受《消息报》书面采访。"),
    ("federation-council-in-full", "Совет Федерации одобрил закон.", "俄罗斯联邦会议联邦委员会批准了该法律。"),
    ("cuban-missile-crisis", "Карибский кризис едва не привел мир к ядерной войне.", "古巴导弹危机一度让世界濒临核战争边缘。"),
    ("yangtze-delta", "Ракеты способны поразить дельты рек Янцзы и Чжуцзян.", "射程可覆盖长三角地区。"),
    ("asia-africa-latin-america", "Народы Азии, Африки и Латинской Америки боролись за независимость.",
     "亚非拉民族独立解放事业蓬勃发展。"),
    ("europe-and-usa", "Надеемся, что Европа и США прислушаются к своим компаниям.", "希望欧美认真倾听本国企业的呼声。"),
    ("taiwan-strait-short", "Ракеты способны поразить цели в Тайваньском проливе.", "射程可覆盖台海。"),
    ("gdi-gsi-gci-shared-noun",
     "Китай содействует реализации инициативы по глобальному развитию, глобальной безопасности и глобальной цивилизации.",
     "中方推动落实全球发展倡议、全球安全倡议、全球文明倡议。"),
    # Explicitation of place and institution: the country or body of a
    # title both sides have, and a country before its own city.
    ("ambassador-of-prc-in-rf", "Посол КНР в РФ Чжан Ханьхуэй дал интервью.", "张汉晖大使接受采访。"),
    ("embassy-of-prc-in-rf", "Посольство КНР в РФ провело прием.", "驻俄使馆举行招待会。"),
    ("chair-of-npc-standing-committee", "Председатель ПК ВСНП Чжао Лэцзи посетил Москву.", "赵乐际委员长访问莫斯科。"),
    ("general-secretary-of-cpc-cc", "Генеральный секретарь ЦК КПК Си Цзиньпин выдвинул идею.", "习近平总书记提出战略思想。"),
    ("chair-of-prc-in-full", "Председатель Си Цзиньпин выступил с речью.", "中华人民共和国主席习近平发表讲话。"),
    ("country-before-its-city", "Форум прошел в Сиани.", "论坛在中国西安举行。"),
    # "China's constitution" describes the document: no 《》 in running text.
    ("constitution-descriptive", "Эти принципы вписаны в Конституцию КНР.", "这些原则已载入中国宪法。"),
]


@pytest.mark.parametrize(("name", "ru", "zh"), SILENT, ids=[c[0] for c in SILENT])
def test_genre_forms_are_silent(name: str, ru: str, zh: str) -> None:
    assert findings(ru, zh, select=SELECT) == []


REPORTED = [
    ("other-declaration", "Стороны подтвердили положения Казанской декларации.", "双方重申《阿斯塔纳宣言》的各项原则。",
     [("TTL001", "ru", "Казанской декларации")]),
    ("other-initiative", "Китай готов работать над реализацией инициативы глобального развития.",
     "中方愿深入践行全球安全倡议。",
     [("TRM003", "ru", "инициативы глобального развития")]),
    ("other-party", "Делегация ЛДПР посетила Пекин.", "俄罗斯联邦共产党代表团访问北京。",
     [("TRM003", "ru", "ЛДПР")]),
    # A title's country that differs is a substitution, not explicitation.
    ("ambassador-in-another-country", "Посол КНР в РФ Чжан Ханьхуэй дал интервью.", "中国驻美国大使张汉晖接受采访。",
     [("TRM003", "ru", "РФ")]),
    ("president-visits-another-country", "Визит президента в Китай.", "总统访问日本。",
     [("TRM003", "ru", "Китай")]),
    # The constitution's title, cited, stands in 《》.
    ("constitution-title-unmarked", "Эти принципы вписаны в Конституцию КНР.", "这些原则已载入中华人民共和国宪法。",
     [("TTL002", "zh", "中华人民共和国宪法")]),
]


@pytest.mark.parametrize(("name", "ru", "zh", "expected"), REPORTED, ids=[c[0] for c in REPORTED])
def test_a_different_name_of_the_genre_is_reported(name: str, ru: str, zh: str, expected: list) -> None:
    assert findings(ru, zh, select=SELECT) == expected


def test_adjectives_of_foreign_place_names_decline() -> None:
    assert {"астанинской", "астанинскую", "астанинский"} <= word_forms("Астанинская")
    assert adjective_forms("цзиньпин") == set()
    assert "тяньцзиньском" in word_forms("Тяньцзиньский")
