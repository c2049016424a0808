"""Titles of office and rank (OFC001; OFC002 under the mt profile):
official RU/ZH pairs in the manner of ministry news and embassy
statements, with the exact findings."""

from __future__ import annotations

import pytest

from ruconsist.checks.offices import build_index
from ruconsist.errors import RuleError
from ruconsist.rules import default_pack_dir, load_pack, load_pack_text
from ruconsist.testing import findings, lint_texts

SELECT = ["OFC001"]


def run(ru: str, zh: str) -> list[tuple[str, str, str]]:
    return findings(ru, zh, select=SELECT)


SAME_RANK = [
    ("deputy-minister", "Заместитель министра иностранных дел России Андрей Руденко провел переговоры.",
     "俄罗斯外交部副部长鲁坚科举行会谈。"),
    ("first-deputy-inflected", "Встреча с первым заместителем министра прошла в Москве.", "与第一副部长的会见在莫斯科举行。"),
    ("ambassador-in-full", "Чрезвычайный и Полномочный Посол КНР в РФ Чжан Ханьхуэй дал интервью.",
     "中国驻俄罗斯大使张汉晖接受采访。"),
    ("chair-of-state", "Председатель КНР Си Цзиньпин прибыл в Казань.", "国家主席习近平抵达喀山。"),
    ("chair-of-npc-sc", "Председатель ПК ВСНП Чжао Лэцзи посетил Россию.", "全国人大常委会委员长赵乐际访问俄罗斯。"),
    ("vice-premier", "Вице-премьер Госсовета КНР Дин Сюэсян выступил на форуме.", "国务院副总理丁薛祥在论坛上发表讲话。"),
    ("premier", "Премьер Госсовета КНР Ли Цян провел встречу.", "国务院总理李强举行会见。"),
    ("spokesperson", "Официальный представитель МИД КНР Мао Нин заявила.", "外交部发言人毛宁表示。"),
    ("consul-general", "Генеральный консул Китая в Казани посетил выставку.", "中国驻喀山总领事参观了展览。"),
    ("charge", "Временный поверенный в делах России вручил ноту.", "俄罗斯临时代办递交了照会。"),
    ("minister-and-deputy", "Министр встретился с заместителем министра.", "部长会见了副部长。"),
    ("embassy-is-not-ambassador", "После встречи в посольстве министр сделал заявление.", "在大使馆会见后，部长发表声明。"),
    ("title-on-one-side", "Си Цзиньпин и Путин провели переговоры.", "习近平主席同普京总统举行会谈。"),
    ("foreign-minister-short", "Министр иностранных дел Китая Ван И прибыл в Москву.", "中国外长王毅抵达莫斯科。"),
    ("embassy-short", "Посольство КНР в РФ провело прием.", "驻俄使馆举行招待会。"),
    ("consulate-general-short", "Генеральное консульство КНР в Казани провело прием.", "中国驻喀山总领馆举行招待会。"),
    # «вице-» on the word that governs the title belongs to the title.
    ("vice-carried-by-candidate", "Сын губернатора и вице-кандидата в президенты Сары Пэйлин арестован.",
     "州长、副总统候选人萨拉·佩林的儿子被捕。"),
    ("vice-carried-by-pretender", "Он стал вице-претендентом на пост губернатора штата.", "他成为副州长候选人。"),
]


@pytest.mark.parametrize(("name", "ru", "zh"), SAME_RANK, ids=[c[0] for c in SAME_RANK])
def test_same_rank_is_silent(name: str, ru: str, zh: str) -> None:
    assert run(ru, zh) == []


RANK_SLIPS = [
    ("minister-for-deputy", "Министр иностранных дел России Андрей Руденко провел переговоры.",
     "俄罗斯外交部副部长鲁坚科举行会谈。", "Министр"),
    ("deputy-for-first-deputy", "Встреча с заместителем министра прошла в Москве.", "与第一副部长的会见在莫斯科举行。",
     "заместителем министра"),
    ("charge-for-ambassador", "Временный поверенный в делах Китая в России выступил на приеме.",
     "中国驻俄罗斯大使在招待会上致辞。", "Временный поверенный"),
    ("premier-for-vice-premier", "Премьер Госсовета КНР Дин Сюэсян выступил на форуме.",
     "国务院副总理丁薛祥在论坛上发表讲话。", "Премьер"),
    ("consul-for-consul-general", "Консул Китая в Казани посетил выставку.", "中国驻喀山总领事参观了展览。", "Консул"),
    # «вице-» carried by another word is still read: the vice-president
    # against the president.
    ("vice-carried-for-president", "Вице-кандидат в президенты Сара Пэйлин выступила.",
     "总统萨拉·佩林发表讲话。", "президенты"),
    ("counsellor-for-first-secretary", "Советник посольства выступил с докладом.", "使馆一等秘书作了报告。", "Советник"),
    ("embassy-for-consulate-general", "Посольство Китая в Казани провело прием.", "中国驻喀山总领事馆举行招待会。",
     "Посольство"),
    ("consulate-general-for-consulate", "Генконсульство КНР в Казани провело прием.", "中国驻喀山领事馆举行招待会。",
     "Генконсульство"),
]


@pytest.mark.parametrize(("name", "ru", "zh", "found"), RANK_SLIPS, ids=[c[0] for c in RANK_SLIPS])
def test_a_different_rank_at_the_same_place_is_an_error(name: str, ru: str, zh: str, found: str) -> None:
    assert run(ru, zh) == [("OFC001", "ru", found)]


ADDED_RANKS = [
    # One of two mentions of the premier became a deputy: Russian names
    # only the premier.
    ("deputy-beside-the-premier", "Это последняя капля для премьер-министра, которого играет Эмма Томпсон.",
     "剧中的副总理已经举步维艰，埃玛·汤普森演绎了这位首相。",
     [("OFC001", "zh", "副总理")]),
    ("vice-president-beside-the-president", "Президент должен посетить как можно больше штатов.",
     "对副总统而言，总统还需要前往尽可能多的州。",
     [("OFC001", "zh", "副总统")]),
    # Both ranks on both sides agree.
    ("premier-and-deputy-on-both-sides", "Его приветствовал заместитель премьер-министра Сингапура, затем он встретился с "
     "премьер-министром.", "他受到了新加坡副总理的欢迎，随后会见了总理。", []),
]


@pytest.mark.parametrize(("name", "ru", "zh", "expected"), ADDED_RANKS, ids=[c[0] for c in ADDED_RANKS])
def test_a_rank_added_beside_a_shared_one_is_an_error(name: str, ru: str, zh: str, expected: list) -> None:
    assert run(ru, zh) == expected


def test_message_names_both_titles() -> None:
    (diag,) = lint_texts("Министр иностранных дел Руденко прибыл.", "外交部副部长鲁坚科抵达。", select=SELECT)
    assert diag.severity.label == "error"
    assert "'Министр'" in diag.message and "'副部长'" in diag.message
    assert diag.expected == "заместитель министра"
    assert diag.counterpart is not None and diag.counterpart.lang == "zh"


DROPPED_RANKS = [
    ("ambassador-dropped", "Статья Ван Цзяньхуа в газете «Труд».", "王建华大使在《劳动报》发表文章。",
     [("OFC002", "error", "大使")]),
    ("ambassador-kept", "Статья посла Ван Цзяньхуа в газете «Труд».", "王建华大使在《劳动报》发表文章。", []),
    ("consul-general-after-name", "Ли Мин открыл выставку.", "总领事李明出席并开幕。", [("OFC002", "error", "总领事")]),
    # Heads of state keep or lose their title by custom; no name, no person.
    ("chair-by-custom", "Си Цзиньпин заявил об этом.", "习近平主席表示。", []),
    ("no-person", "Страны не имеют дипломатических отношений.", "两国从未互换过大使。", []),
]


@pytest.mark.parametrize(("name", "ru", "zh", "expected"), DROPPED_RANKS, ids=[c[0] for c in DROPPED_RANKS])
def test_a_diplomatic_rank_dropped_by_a_machine(name: str, ru: str, zh: str, expected: list) -> None:
    from ruconsist.config import Config

    diags = lint_texts(ru, zh, select=["OFC002"], config=Config(options={"profile": "mt"}))
    assert [(d.code, d.severity.label, d.found) for d in diags] == expected
    # A human translation drops titles as a matter of style: never reported.
    assert lint_texts(ru, zh, select=["OFC002"]) == []


def test_shipped_pack_entries_all_have_sources() -> None:
    pack = load_pack(default_pack_dir() / "offices.yaml")
    index = build_index([(pack, pack.vocab["offices"])])
    assert {"minister", "deputy-minister", "ambassador", "charge-d-affaires", "consul-general"} <= set(index.offices)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("    - {id: x, ru: [a], zh: [b], source: s}\n", "office 'x' needs 'family'"),
        ("    - {id: x, family: f, ru: [a], zh: [b]}\n", "office 'x' needs 'source'"),
        ("    - {id: x, family: f, ru: [a], zh: [b], source: s, rank: 2}\n", "unknown key 'rank' in vocab.offices"),
        ("    - {id: x, family: f, ru: [], zh: [b], source: s}\n", "needs 'ru' and 'zh'"),
    ],
)
def test_bad_office_entries_name_file_and_line(body: str, message: str) -> None:
    with pytest.raises(RuleError, match=message) as info:
        pack = load_pack_text("version: 1\nvocab:\n  offices:\n" + body, "mine.yaml")
        build_index([(pack, pack.vocab["offices"])])
    assert "mine.yaml" in str(info.value) and ":4" in str(info.value)
